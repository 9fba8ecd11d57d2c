/**
 * What a caller's utterance means for the voicebot's dialogue, before any approved text is
 * looked at: consent yes/no, "I want a human", an emergency, a goodbye. Patterns run on folded
 * German (`foldGerman`: lower case, ä→ae, ß→ss) and err towards escalating: a needless transfer
 * costs seconds, a missed emergency or a bot that will not let go of a caller costs trust.
 */
import { foldGerman } from '../../src/shared/language/germanNormalizer';

const HUMAN =
  /\b(mensch\w*|mitarbeiter\w*|person|jemand\w*|echte[nmr]?|richtige[nmr]?|sekretaer\w*|dame|herr(n|en)?)\b[^.?!]{0,40}\b(sprechen|reden|haben|verbinden|durchstellen|dran)\b|\b(verbinden sie mich|keine maschine|kein(en)? (roboter|computer|bot)|nicht mit (einer|dem|der) (maschine|ki|computer))\b/;
const EMERGENCY =
  /\b(notfall\w*|notarzt|rettungswagen|krankenwagen|112|lebensgefahr|lebensgefaehrlich|bewusstlos|atmet nicht|keine luft|herzinfarkt|schlaganfall|brennt|feuer|rauch|gasgeruch|riecht nach gas|wasserrohrbruch|ueberschwemm\w*|blutet stark|suizid|umbringen)\b/;
const NO =
  /^\W*(nein|ne|nee|noe|nicht einverstanden|auf keinen fall|lieber nicht|ich moechte (das )?nicht|das moechte ich nicht|bin ich nicht einverstanden)\b|\bnicht einverstanden\b|\bwill (ich )?nicht\b/;
const YES =
  /^\W*(ja|jawohl|jo|klar|gerne?|okay|ok|einverstanden|in ordnung|passt|natuerlich|sicher|selbstverstaendlich|kein problem)\b|\b(bin (ich )?einverstanden|ist (mir )?recht|ist in ordnung)\b/;
const FAREWELL =
  /\b(das war (es|alles|'?s)|sonst nichts|nichts (mehr|weiter)|auf wiederhoeren|tschuess|vielen dank,? (das|dann)|danke,? das reicht)\b/;

export type ConsentAnswer = 'given' | 'declined';

/** Yes/no to the disclosure question, or undefined when the answer is unclear. */
export function consentAnswerOf(utterance: string): ConsentAnswer | undefined {
  const folded = foldGerman(utterance);
  if (NO.test(folded)) return 'declined';
  if (YES.test(folded)) return 'given';
  return undefined;
}

/** "Ich möchte einen Menschen sprechen", "Verbinden Sie mich", "kein Roboter". */
export function asksForHuman(utterance: string): boolean {
  return HUMAN.test(foldGerman(utterance));
}

/** Danger to life, health or property: escalated with urgency "emergency". */
export function soundsLikeEmergency(utterance: string): boolean {
  return EMERGENCY.test(foldGerman(utterance));
}

/** The caller says they need nothing more. */
export function saysGoodbye(utterance: string): boolean {
  return FAREWELL.test(foldGerman(utterance));
}
