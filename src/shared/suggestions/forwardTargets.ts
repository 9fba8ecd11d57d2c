/**
 * Whom an escalation card proposes to forward to: staff the caller named, else staff whose
 * function fits the kind of escalation, present ones first. Pure; the agent decides.
 */
import type { ClientProfile, StaffMember } from '../domain/clientProfile';
import { foldGerman } from '../language/germanNormalizer';
import type { JudgementArea } from './judgementRequestDetector';

const MAXIMUM_TARGETS = 3;
const PRESENCE_ORDER: Record<StaffMember['presence'], number> = {
  present: 0,
  busy: 1,
  unknown: 2,
  absent: 3,
};

/** Folded function patterns: who answers which kind of escalation. */
const FUNCTION_PATTERNS: Record<JudgementArea | 'front-office', RegExp> = {
  legal: /(rechtsanwaeltin|rechtsanwalt)\b|fachanw|jurist/,
  medical: /(aerztin|arzt)\b/,
  tax: /(steuer|buchhaltung)/,
  'front-office': /(sekretariat|anmeldung|buero|disposition|empfang|praxismanag)/,
};

export function selectForwardTargets(
  client: Pick<ClientProfile, 'staff'>,
  request: { staffIds: readonly string[]; judgementArea?: JudgementArea },
): StaffMember[] {
  let chosen = client.staff.filter((member) => request.staffIds.includes(member.id));
  if (chosen.length === 0) {
    const pattern = FUNCTION_PATTERNS[request.judgementArea ?? 'front-office'];
    chosen = client.staff.filter((member) => pattern.test(foldGerman(member.function)));
  }
  return [...chosen]
    .sort((left, right) => PRESENCE_ORDER[left.presence] - PRESENCE_ORDER[right.presence])
    .slice(0, MAXIMUM_TARGETS);
}
