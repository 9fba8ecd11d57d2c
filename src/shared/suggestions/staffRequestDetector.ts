/**
 * Recognises a caller asking to be put through ("Ich möchte mit Herrn Wolters sprechen",
 * "Verbinden Sie mich bitte mit der Ärztin"): that is a forward card, not an answer text.
 */
import type { StaffMember } from '../domain/clientProfile';
import { foldGerman, tokenizeGerman } from '../language/germanNormalizer';

const CONNECT_VERB =
  /\b(sprechen|verbinden|durchstellen|weiterleiten|weiterverbinden|stellen sie mich)\b/;
const SOMEONE =
  /\b(mensch\w*|mitarbeiter\w*|anwalt|anwaeltin|arzt|aerztin|doktor|chef\w*|meister|zustaendig\w*|sachbearbeiter\w*|person)\b/;

export interface StaffRequest {
  /** Staff members the caller named; empty when they asked for "someone" or "a human". */
  readonly staffIds: string[];
}

/** Surnames and full names are matched as folded words ("Aydın" = "aydin"). */
function mentionedStaff(utterance: string, staff: readonly StaffMember[]): string[] {
  const words = new Set(tokenizeGerman(utterance));
  return staff
    .filter((member) => {
      const names = tokenizeGerman(member.name).filter(
        (name) => name.length >= 3 && name !== 'med',
      );
      const surname = names.at(-1);
      return surname !== undefined && words.has(surname);
    })
    .map((member) => member.id);
}

/** A request to be put through, or undefined when the caller did not ask for one. */
export function detectStaffRequest(
  utterance: string,
  staff: readonly StaffMember[],
): StaffRequest | undefined {
  const folded = foldGerman(utterance);
  if (!CONNECT_VERB.test(folded)) return undefined;
  const staffIds = mentionedStaff(utterance, staff);
  if (staffIds.length > 0 || SOMEONE.test(folded)) return { staffIds };
  return undefined;
}

/** Staff the caller named anywhere in an utterance, for forward cards of other kinds. */
export { mentionedStaff };
