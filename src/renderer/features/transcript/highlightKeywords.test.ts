import { describe, expect, it } from 'vitest';
import { highlightKeywords } from './highlightKeywords';

describe('highlightKeywords', () => {
  it('marks inflected and compound forms with the keyword as the client spelled it', () => {
    const parts = highlightKeywords('Die Fristen laufen, Fristablauf ist Montag.', ['Frist']);
    expect(parts.filter((part) => part.keyword).map((part) => part.text)).toEqual([
      'Fristen',
      'Fristablauf',
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(
      'Die Fristen laufen, Fristablauf ist Montag.',
    );
  });

  it('matches umlauts either way and multi-word keywords as one mark', () => {
    const parts = highlightKeywords('Wir haben kein Wasser und es ist ein Notfall', [
      'kein Wasser',
      'Notfall',
    ]);
    expect(parts.filter((part) => part.keyword)).toEqual([
      { text: 'kein Wasser', keyword: 'kein Wasser' },
      { text: 'Notfall', keyword: 'Notfall' },
    ]);
    expect(highlightKeywords('ueberschwemmt', ['überschwemmt'])[0]!.keyword).toBe('überschwemmt');
  });

  it('returns the whole line as one plain part when nothing matches', () => {
    expect(highlightKeywords('Wann haben Sie geöffnet?', ['Notfall'])).toEqual([
      { text: 'Wann haben Sie geöffnet?' },
    ]);
    expect(highlightKeywords('Notfall', [])).toEqual([{ text: 'Notfall' }]);
  });

  it('keeps markup-like caller text as plain text parts', () => {
    const text = '<img src=x onerror=alert(1)> Notfall';
    const parts = highlightKeywords(text, ['Notfall']);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });
});
