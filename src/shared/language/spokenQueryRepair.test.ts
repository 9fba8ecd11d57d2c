import { describe, expect, it } from 'vitest';
import { colloquialSynonyms } from './colloquialSynonyms';
import { tokenizeGerman } from './germanNormalizer';
import { createSpokenQueryRepair, withinOneEdit } from './spokenQueryRepair';

const repair = createSpokenQueryRepair([
  'krankschreibung',
  'folgerezept',
  'au',
  'email',
  'rechtsschutzversicherung',
  'termin',
  'rezept',
]);
const joined = (text: string) => repair.joinedWords(tokenizeGerman(text));

describe('spoken query repair', () => {
  it('joins compounds that speech recognition wrote apart, also three parts', () => {
    expect(joined('ich brauch ne krank schreibung')).toEqual(['krankschreibung']);
    expect(joined('zahlt meine rechts schutz versicherung')).toEqual(['rechtsschutzversicherung']);
  });

  it('joins spelled letters and split abbreviations', () => {
    expect(joined('ich brauch nen ah u schein')).toEqual(['au']);
    expect(joined('wie ist ihre e mail')).toEqual(['email']);
  });

  it('takes a one-letter mishearing of a long vocabulary word as that word', () => {
    expect(joined('n volge rezept bitte')).toEqual(['folgerezept']);
    expect(repair.nearMisses('volgerezept')).toEqual(['folgerezept']);
    expect(repair.nearMisses('tarmin')).toEqual(['termin']);
  });

  it('leaves known, short and unrelated words alone', () => {
    expect(repair.nearMisses('rezept')).toEqual([]);
    expect(repair.nearMisses('emai')).toEqual([]);
    expect(repair.nearMisses('fahrrad')).toEqual([]);
    expect(joined('termin morgen frueh')).toEqual([]);
  });

  it('counts edits exactly', () => {
    expect(withinOneEdit('volge', 'folge')).toBe(true);
    expect(withinOneEdit('folge', 'folgen')).toBe(true);
    expect(withinOneEdit('folge', 'flge')).toBe(true);
    expect(withinOneEdit('folge', 'volgen')).toBe(false);
  });
});

describe('colloquial synonyms', () => {
  it('maps spoken words and phrases to the words texts use', () => {
    expect(colloquialSynonyms('haben sie morgen um acht auf')).toEqual([]);
    expect(colloquialSynonyms('ob sie morgen schon aufhaben')).toContain('geoeffnet');
    expect(colloquialSynonyms('ich muss den termin canceln')).toEqual(['absagen']);
    expect(colloquialSynonyms('was nehmen sie denn pro stunde')).toContain('kosten');
    expect(colloquialSynonyms('ich brauch nen gelben schein')).toEqual([]);
    expect(colloquialSynonyms('ich brauch nen gelber schein')).toContain('krankschreibung');
  });

  it('matches whole words only', () => {
    expect(colloquialSynonyms('das ist offensichtlich')).toEqual([]);
    expect(colloquialSynonyms('die praxis ist offen')).toContain('geoeffnet');
  });
});
