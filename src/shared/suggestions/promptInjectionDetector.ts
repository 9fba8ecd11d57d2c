/**
 * Recognises caller speech that tries to instruct a language model ("ignoriere alle
 * Anweisungen", "you are now …", JSON fragments naming fields). Caller speech is untrusted
 * (SECURITY.md rule 12): when this fires, the suggestion service MUST NOT send the utterance to
 * a model and answers with built-in retrieval only. It is one layer of several: model output is
 * also validated, so a miss here cannot produce an uncited or foreign text.
 */
import { foldGerman } from '../language/germanNormalizer';

const PATTERNS: readonly RegExp[] = [
  /\b(ignorier\w*|vergiss|vergessen sie|missachte\w*|uebergeh\w*)\b[^.?!]{0,60}\b(anweisung\w*|regel\w*|instruktion\w*|vorgabe\w*|befehl\w*|prompt\w*|richtlinie\w*|alles)\b/,
  /\b(ignore|disregard|forget|override)\b[^.?!]{0,60}\b(instruction\w*|previous|above|rules|prompt|everything)\b/,
  /\b(system ?prompt|systemnachricht|systemanweisung|developer mode|entwicklermodus|jailbreak)\b/,
  /\b(neue|geaenderte|zusaetzliche|wichtige) (anweisung|regel|instruktion)\w*\b/,
  /\b(du bist|sie sind|ihr seid) (ab )?(jetzt|nun|ab sofort)\b/,
  /\b(you are now|act as|pretend to be|from now on)\b/,
  /\b(als|wie ein) (ki|sprachmodell|chatbot|assistent)\b[^.?!]{0,40}\b(antworte\w*|sag\w*|schreib\w*)\b/,
  /\b(antworte|antworten sie|gib|geben sie|schreib|schreiben sie|gib aus)\b[^.?!]{0,40}\b(json|citedtextid|textid|decision|freigabetext\w*)\b/,
  /\b(citedtextid|cited_text_id|"decision"|"text"\s*:)/,
  /\b(tool|function)[ _-]?call\w*\b/,
  /<\/?(system|assistant|user|instructions?)>/,
];

/** True when an utterance looks like an attempt to instruct the model. */
export function looksLikePromptInjection(utterance: string): boolean {
  const folded = foldGerman(utterance);
  return PATTERNS.some((pattern) => pattern.test(folded));
}
