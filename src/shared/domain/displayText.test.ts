import { describe, expect, it } from 'vitest';
import {
  DISPLAY_NAME_MAX_LENGTH,
  sanitizeDisplayText,
  sanitizeSipDisplayName,
} from './displayText';

describe('sanitizeDisplayText', () => {
  it('keeps ordinary names, umlauts and emoji', () => {
    expect(sanitizeDisplayText('Anna-Lena Müller')).toBe('Anna-Lena Müller');
    expect(sanitizeDisplayText('Praxis Dr. Özdemir 🦷')).toBe('Praxis Dr. Özdemir 🦷');
  });

  it('removes bidi overrides, isolates and marks', () => {
    const overrides = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect(sanitizeDisplayText(`Bank${overrides}Support`)).toBe('BankSupport');
    expect(sanitizeDisplayText('\u202eevil.exe\u202c')).toBe('evil.exe');
  });

  it('removes zero-width and invisible characters', () => {
    expect(sanitizeDisplayText('Po\u200bli\u200cz\u200dei\u2060\ufeff')).toBe('Polizei');
    expect(sanitizeDisplayText('A\u00adB\u180eC')).toBe('ABC');
  });

  it('removes control characters and turns line breaks into single spaces', () => {
    expect(sanitizeDisplayText('Max\u0000\u0007 Mustermann\u007f\u0085\u009b')).toBe(
      'Max Mustermann',
    );
    expect(sanitizeDisplayText('Line1\r\nLine2\tTab\u2028Sep')).toBe('Line1 Line2 Tab Sep');
  });

  it('collapses whitespace and trims', () => {
    expect(sanitizeDisplayText('   a    b   ')).toBe('a b');
    expect(sanitizeDisplayText('\u200b \u202e ')).toBe('');
  });

  it('leaves markup as text (rendering as text is the caller job)', () => {
    expect(sanitizeDisplayText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('caps the length in code points with an ellipsis, never splitting surrogates', () => {
    const long = 'x'.repeat(2048);
    const capped = sanitizeDisplayText(long);
    expect(Array.from(capped)).toHaveLength(DISPLAY_NAME_MAX_LENGTH);
    expect(capped.endsWith('…')).toBe(true);
    const emoji = '😀'.repeat(100);
    const cappedEmoji = sanitizeDisplayText(emoji, 10);
    expect(Array.from(cappedEmoji)).toEqual([...Array(9).fill('😀'), '…']);
    expect(sanitizeDisplayText('exactly10!', 10)).toBe('exactly10!');
  });

  it('caps hostile input that is mostly invisible characters', () => {
    const hostile = '\u200b'.repeat(100_000) + 'Name';
    expect(sanitizeDisplayText(hostile)).toBe('');
  });

  it('returns empty text for non-strings', () => {
    expect(sanitizeDisplayText(undefined)).toBe('');
    expect(sanitizeDisplayText(42)).toBe('');
  });
});

describe('sanitizeSipDisplayName', () => {
  it('unquotes and resolves escapes', () => {
    expect(sanitizeSipDisplayName('"Anna \\"Ann\\" Müller"')).toBe('Anna "Ann" Müller');
    expect(sanitizeSipDisplayName('Bob')).toBe('Bob');
    expect(sanitizeSipDisplayName(undefined)).toBe('');
  });

  it('neutralises hostile display names', () => {
    expect(sanitizeSipDisplayName('"\u202eVIP\u200b Caller"')).toBe('VIP Caller');
    expect(Array.from(sanitizeSipDisplayName(`"${'A'.repeat(2048)}"`))).toHaveLength(
      DISPLAY_NAME_MAX_LENGTH,
    );
  });
});
