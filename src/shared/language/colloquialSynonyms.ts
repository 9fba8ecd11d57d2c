/**
 * Everyday spoken German mapped to the words approved texts use: callers say "aufhaben",
 * "canceln", "gelber Schein", "was nehmen Sie", texts say "geöffnet", "absagen",
 * "Krankschreibung", "Kosten". Matching adds the text words at a lower weight
 * ({@link SYNONYM_WEIGHT}), so a caller's own words still count most.
 *
 * Entries are folded (`foldGerman`) and general — words any reception service hears — not
 * one client's vocabulary. Phrases (several words) match on word boundaries in folded text;
 * single words match folded tokens. No library offers a German colloquial thesaurus, so this
 * list is ours; keep it short and general, and add a word only with a caller's real phrasing.
 */
import { foldGerman, tokenizeGerman } from './germanNormalizer';

/** Weight of a text word reached through a synonym, relative to the caller's own word. */
export const SYNONYM_WEIGHT = 0.8;

const ENTRIES: readonly (readonly [spoken: readonly string[], textWords: string])[] = [
  [
    ['aufhaben', 'aufhat', 'aufhabt', 'offen', 'auf haben', 'zu haben', 'zuhaben'],
    'geoeffnet oeffnungszeiten',
  ],
  [['bis wann', 'ab wann', 'um wie viel uhr'], 'uhrzeit erreichbar'],
  [['sprechstunde', 'sprechstunden'], 'sprechzeiten'],
  [['doktor', 'doc', 'hausarzt'], 'arzt aerztin'],
  [
    ['canceln', 'cancel', 'stornieren', 'schaffe es nicht', 'schaff es nicht', 'nicht kommen'],
    'absagen',
  ],
  [['hinblaettern', 'blechen', 'was nehmen sie', 'preise'], 'kosten preis'],
  [['extra', 'aufpreis', 'mehrkosten'], 'zuschlag kosten'],
  [['samstag', 'samstags', 'sonntag', 'sonntags'], 'wochenende'],
  [['ostern', 'pfingsten', 'weihnachten', 'silvester', 'neujahr', 'brueckentag'], 'feiertag'],
  [['handynummer', 'handy', 'rufnummer'], 'telefonnummer'],
  [['mailadresse', 'mail adresse', 'emailadresse'], 'email'],
  [
    [
      'krankschreibung',
      'krankmeldung',
      'krank schreiben',
      'krankgeschrieben',
      'au schein',
      'auschein',
      'gelber schein',
    ],
    'krankschreibung arbeitsunfaehigkeit',
  ],
  [
    ['rausgeschmissen', 'rausgeworfen', 'rauswerfen', 'gefeuert', 'entlassen', 'rausgeflogen'],
    'kuendigung',
  ],
  [['dabei haben', 'dabeihaben', 'mitnehmen'], 'mitbringen'],
  [['unter wasser', 'ueberschwemmt', 'ueberflutet', 'geplatzt'], 'wasserschaden rohrbruch'],
  [
    ['schon wieder', 'wieder kaputt', 'immer noch kaputt', 'nicht richtig gemacht', 'pfusch'],
    'reklamation',
  ],
  [['reinkommen', 'reinlassen', 'rein', 'aufschliessen'], 'zugang schluessel'],
  [['durchchecken', 'durchgecheckt', 'checken', 'durchsehen', 'nachsehen'], 'wartung'],
  [['zuschuesse', 'zuschuss', 'foerdergeld', 'foerdermittel'], 'foerderung'],
  [
    ['nicht viel geld', 'wenig geld', 'kein geld', 'hartz', 'buergergeld', 'arbeitslos'],
    'einkommen beratungshilfe',
  ],
  [
    ['aufgezeichnet', 'mitgeschnitten', 'speichern', 'gespeichert'],
    'aufgezeichnet gespeichert datenschutz',
  ],
  [['meine daten', 'meinen daten', 'persoenliche daten'], 'daten datenschutz'],
];

interface CompiledEntry {
  readonly pattern: RegExp;
  readonly textWords: readonly string[];
}

const COMPILED: readonly CompiledEntry[] = ENTRIES.map(([spoken, textWords]) => ({
  pattern: new RegExp(`(?:^| )(?:${spoken.map((phrase) => foldGerman(phrase)).join('|')})(?= |$)`),
  textWords: tokenizeGerman(textWords),
}));

/** The text words a spoken text stands for, through the synonym list (folded, may repeat). */
export function colloquialSynonyms(text: string): string[] {
  const spaced = tokenizeGerman(text).join(' ');
  return COMPILED.filter((entry) => entry.pattern.test(spaced)).flatMap((entry) => entry.textWords);
}
