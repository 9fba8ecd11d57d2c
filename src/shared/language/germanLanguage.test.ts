import { describe, expect, it } from 'vitest';
import { createCompoundSplitter } from './compoundSplitter';
import { foldGerman, tokenizeGerman } from './germanNormalizer';
import { digitsOf, findPhoneNumbers, toE164 } from './germanPhoneNumber';
import { stemGerman } from './germanStemmer';
import { COMPOUND_PART_WEIGHT, contentWords, createGermanTermAnalyzer } from './germanTerms';
import { findKeywords } from './keywordMatcher';

const stem = (word: string) => stemGerman(foldGerman(word));

describe('foldGerman', () => {
  it('makes umlauts and their digraphs equal, both directions', () => {
    expect(foldGerman('Müller')).toBe(foldGerman('Mueller'));
    expect(foldGerman('GRÖSSE')).toBe(foldGerman('Größe'));
    expect(foldGerman('Ärztin Straße')).toBe('aerztin strasse');
    expect(foldGerman('Aydın Café')).toBe('aydin cafe');
  });

  it('tokenises hyphenated words into parts and the joined form', () => {
    expect(tokenizeGerman('E-Rezept, bitte!')).toEqual(['e', 'rezept', 'erezept', 'bitte']);
  });
});

describe('stemGerman', () => {
  it('brings inflections and verb/noun pairs together', () => {
    expect(stem('Kündigung')).toBe(stem('gekündigt'));
    expect(stem('Kündigungen')).toBe(stem('kündigen'));
    expect(stem('Wartung')).toBe(stem('warten'));
    expect(stem('Termine')).toBe(stem('Terminen'));
    expect(stem('Parkplätze')).toBe(stem('Parkplatz'));
    expect(stem('kostet')).toBe(stem('Kosten'));
  });

  it('keeps different words apart', () => {
    expect(stem('Rezept')).not.toBe(stem('Rechnung'));
    expect(stem('Heizung')).not.toBe(stem('Hausbesuch'));
  });
});

describe('createCompoundSplitter', () => {
  const splitter = createCompoundSplitter(['rechtsschutz', 'versicherung', 'notdienst', 'termin']);

  it('splits a compound whose parts are all known, dropping the linking s', () => {
    expect(splitter.split('rechtsschutzversicherung')).toEqual(['rechtsschutz', 'versicherung']);
    expect(splitter.split('versicherungstermin')).toEqual(['versicherung', 'termin']);
  });

  it('splits off one known part of four letters or more', () => {
    expect(splitter.split('notdienstnummer')).toEqual(['notdienst', 'nummer']);
    expect(splitter.split('zahnarzttermin')).toEqual(['zahnarzt', 'termin']);
  });

  it('leaves short and unknown words alone', () => {
    expect(splitter.split('termin')).toEqual([]);
    expect(splitter.split('fahrrad')).toEqual([]);
  });

  it('adds compound parts as weaker terms', () => {
    const analyzer = createGermanTermAnalyzer(['Rechtsschutz', 'Versicherung']);
    const terms = analyzer.terms('Meine Rechtsschutzversicherung');
    expect(terms.get(stem('Versicherung'))).toBe(COMPOUND_PART_WEIGHT);
    expect(COMPOUND_PART_WEIGHT).toBeLessThan(1);
    expect(terms.get(stem('Rechtsschutzversicherung'))).toBe(1);
    expect(contentWords('Ich wollte mal fragen, ob Sie heute geöffnet haben')).toEqual([
      'heute',
      'geoeffnet',
    ]);
  });
});

describe('findKeywords', () => {
  const keywords = ['Frist', 'Rohrbruch', 'Notfall', 'Gas', 'kein Wasser'];

  it('finds inflected keywords, keywords inside compounds and umlaut spellings', () => {
    expect(findKeywords('Die Fristen laufen ab', keywords)).toEqual(['Frist']);
    expect(findKeywords('Wasserrohrbruch im Keller', keywords)).toEqual(['Rohrbruch']);
    expect(findKeywords('Das ist ein NOTFALL!', keywords)).toEqual(['Notfall']);
    expect(findKeywords('Wir haben kein Wasser mehr', keywords)).toEqual(['kein Wasser']);
  });

  it('does not fire short keywords inside other words', () => {
    expect(findKeywords('Ein Gast wartet', keywords)).toEqual([]);
    expect(findKeywords('Es riecht nach Gas', keywords)).toEqual(['Gas']);
  });
});

describe('German phone numbers', () => {
  it('converts the usual written forms to E.164', () => {
    expect(toE164('030 1234567')).toBe('+49301234567');
    expect(toE164('0171/2345678')).toBe('+491712345678');
    expect(toE164('+49 (0)89 123-4567')).toBe('+49891234567');
    expect(toE164('0049 40 6696 9301')).toBe('+494066969301');
    expect(toE164('+43 1 5331234')).toBe('+4315331234');
  });

  it('rejects what is not a plausible number', () => {
    expect(toE164('12345')).toBeUndefined();
    expect(toE164('030 12')).toBeUndefined();
    expect(toE164('0 0 0')).toBeUndefined();
  });

  it('finds numbers in transcript text, also spoken digit by digit', () => {
    expect(findPhoneNumbers('Meine Nummer ist 030 23125 999, danke.')).toEqual(['+493023125999']);
    expect(
      findPhoneNumbers(
        'Erreichbar unter null eins sieben null, eins zwei drei vier fünf sechs sieben',
      ),
    ).toEqual(['+491701234567']);
    expect(findPhoneNumbers('Am 12.03. um 15 Uhr')).toEqual([]);
    expect(digitsOf('null drei null 12 34')).toBe('0301234');
  });
});
