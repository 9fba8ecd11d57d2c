/**
 * Recognises callers asking for individual legal, medical or tax judgement ("Habe ich Anspruch
 * …?", "Ist das gefährlich?", "Kann ich das absetzen?"). Such questions MUST be escalated to the
 * client's staff: no approved text and no model may answer them (DOMAIN.md, "The hybrid model").
 *
 * Patterns run on folded text (`foldGerman`: lower case, ä→ae, ß→ss), so they are written
 * folded. They err on the side of escalating: a wrong escalation costs a transfer, a wrong
 * answer can cost the client its licence.
 */
import { foldGerman } from '../language/germanNormalizer';

export const JUDGEMENT_AREAS = ['legal', 'medical', 'tax'] as const;
export type JudgementArea = (typeof JUDGEMENT_AREAS)[number];

/** Up to this many characters between two parts of a pattern, within one sentence. */
const GAP = '[^.?!]{0,50}';

const PATTERNS: Record<JudgementArea, readonly RegExp[]> = {
  legal: [
    /\banspruch\b/,
    /\bsteht (mir|uns|ihm|ihr)\b/,
    new RegExp(
      `\\b(ist|sind|waere|waeren|war)\\b${GAP}\\b(rechtens|wirksam|unwirksam|zulaessig|unzulaessig|legal|illegal|rechtmaessig|rechtswidrig|strafbar|gueltig|anfechtbar)\\b`,
    ),
    /\b(darf|kann) (mein|meine|unser|unsere|der|die|das) (arbeitgeber\w*|vermieter\w*|chef\w*|firma|nachbar\w*|ex\w*|vater|mutter|mann|frau|hausverwaltung|bank|versicherung)\b/,
    new RegExp(
      `\\b(soll|sollte|muss|darf)\\b (ich|wir)\\b${GAP}\\b(unterschreiben|unterzeichnen|klagen|verklagen|widersprechen|anfechten|zahlen|bezahlen|kuendigen|ausziehen|anzeigen)\\b`,
    ),
    /\b(chancen|erfolgsaussicht\w*|gewinnen wir|gewinne ich)\b/,
    /\bwas (soll|sollte|kann|muss) (ich|wir) (jetzt |denn |da |nun )?(tun|machen|unternehmen)\b/,
    /\bwas (raten|empfehlen) sie\b/,
    /\bverjaehr\w*\b/,
    /\bwer (muss|zahlt|bezahlt|traegt|haftet|uebernimmt)\b/,
    new RegExp(
      `\\b(muss|muessen|zahlt|bezahlt|traegt|haftet)\\b${GAP}\\b(vermieter\\w*|mieter\\w*|hausverwaltung|eigentuemer\\w*|arbeitgeber\\w*)\\b`,
    ),
    /\bhaft(e|et|en|ung)\b/,
  ],
  medical: [
    new RegExp(
      `\\b(soll|sollte|kann|darf|muss) (ich|er|sie|man)\\b${GAP}\\b(nehmen|einnehmen|weiternehmen|spritzen|kombinieren|dosieren)\\b`,
    ),
    new RegExp(
      `\\b(ist|sind|klingt|waere|wird)\\b${GAP}\\b(gefaehrlich|schlimm|bedenklich|besorgniserregend|ansteckend|normal|harmlos|ernst)\\b`,
    ),
    /\bwas (bedeutet|bedeuten|heisst|heissen) (das|die|der|mein|meine|diese)\b/,
    // "absetzen" is medical next to a medicine, tax otherwise ("von der Steuer absetzen").
    new RegExp(
      `\\b(medikament\\w*|tablette\\w*|pille|antibiotik\\w*|insulin|spritze\\w*)\\b${GAP}\\babsetzen\\b`,
    ),
    /\b(dosis|dosierung|nebenwirkung\w*|wechselwirkung\w*|diagnose\w*|beipackzettel)\b/,
    /\bwie viele? (tabletten|milligramm|mg|tropfen|ibuprofen|paracetamol)\b/,
    /\b(welches|welche|welchen) (medikament|mittel|tablette|salbe)\b/,
    /\bwas (soll|kann|sollte) (ich|er|sie|man) (gegen|bei|dagegen|nehmen)\b/,
    new RegExp(
      `\\b(muss|soll|sollte) (ich|er|sie|man)\\b${GAP}\\b(ins krankenhaus|in die notaufnahme|zum arzt|operier\\w*)\\b`,
    ),
  ],
  tax: [
    /\b(steuerlich\w*|steuererklaerung|finanzamt|absetzen|absetzbar|abschreiben|abschreibung)\b/,
    /\bvon der steuer\b/,
    /\b(vorsteuer|steuerpflicht\w*|steuerberatung)\b/,
  ],
};

/** The first judgement area a caller utterance asks about, or undefined when none. */
export function detectJudgementRequest(utterance: string): JudgementArea | undefined {
  const folded = foldGerman(utterance);
  for (const area of JUDGEMENT_AREAS) {
    if (PATTERNS[area].some((pattern) => pattern.test(folded))) return area;
  }
  return undefined;
}
