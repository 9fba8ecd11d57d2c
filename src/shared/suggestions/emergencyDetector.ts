/**
 * Recognises emergencies that no client's approved texts cover and a human must take at once:
 * fire, carbon monoxide, violence or a threat, self-harm, police at the door. Such an utterance
 * MUST be escalated (reason "emergency"), never answered with an approved text that merely
 * shares a word ("Heizungskeller" is not a heating fault when it burns).
 *
 * Emergencies a client has an approved text for stay with retrieval: a medical practice's
 * "Lebensbedrohlicher Notfall" (chest pain, breathlessness → 112) and a plumber's "Gasgeruch"
 * or "Rohrbruch" texts say exactly what the client wants said. Patterns run on folded text.
 */
import { foldGerman } from '../language/germanNormalizer';

export const EMERGENCY_KINDS = [
  'fire',
  'carbon-monoxide',
  'violence',
  'self-harm',
  'police',
] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

const PATTERNS: Readonly<Record<EmergencyKind, RegExp>> = {
  fire: /\b(brennt|brennen|feuer|flammen|raucht|qualm\w*|rauchmelder|rauchentwicklung)\b/,
  'carbon-monoxide': /\b(kohlenmonoxid\w*|co melder|co-melder|kohlenmonoxidmelder)\b/,
  violence:
    /\b(bedroht|bedroh\w* mich|schlaegt mich|geschlagen|angegriffen|ueberfall\w*|eingebrochen|einbrecher|messer)\b/,
  'self-harm':
    /\b(sich (was|etwas) an(zu)?tun|sich umbringen|suizid\w*|selbstmord\w*|nicht mehr leben|will sterben)\b/,
  police:
    /\b(festgenommen|verhaftet|haftbefehl|durchsuchung\w*|polizei (ist|steht) (grad |gerade |jetzt )?(hier|da|vor))\b/,
};

/** The kind of emergency an utterance describes, or undefined. */
export function detectEmergency(utterance: string): EmergencyKind | undefined {
  const folded = foldGerman(utterance);
  return EMERGENCY_KINDS.find((kind) => PATTERNS[kind].test(folded));
}
