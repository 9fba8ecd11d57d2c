/**
 * What the desk does with a REFER it receives (RFC 3515: "call this party instead"). Following
 * a REFER makes the reception's line call whatever the far end names — a toll-fraud door when
 * the far end is an outside caller — so only a colleague's transfer of a call this desk placed
 * to an extension is followed without asking; anything else is refused, or shown to the agent
 * when the client of the call allows transfers by the caller. No SIP.js inside (pure).
 */
import { parsePhoneNumber } from '../../../../shared/domain/phoneNumber';

/** Per call: whether the client lets callers ask the desk to transfer them. */
export type CallerReferPolicy = 'refuse' | 'ask';

export type ReferDecision = 'follow' | 'ask' | 'refuse';

export interface ReferContext {
  /** The leg's direction: only a call the agent placed has a far end the agent chose. */
  direction: 'incoming' | 'outgoing';
  /** The far end of the leg (E.164 or extension digits; undefined when unknown). */
  remoteNumber?: string;
  /** Refer-To URI parts. */
  target: { user?: string; host: string; scheme: string };
  /** The desk's own SIP domain. */
  domain: string;
  policy: CallerReferPolicy;
}

function isExtension(user: string | undefined): boolean {
  return parsePhoneNumber(user ?? '').kind === 'extension';
}

/**
 * `follow` only for a colleague: this desk dialled an extension and is sent on to another
 * extension of its own domain (no outside line involved). Otherwise the client's policy
 * decides between asking the agent and refusing (the default).
 */
export function decideRefer(context: ReferContext): ReferDecision {
  const { target } = context;
  const internalTarget =
    target.scheme.toLowerCase() === 'sip' &&
    target.host.toLowerCase() === context.domain.toLowerCase() &&
    isExtension(target.user);
  const fromColleague = context.direction === 'outgoing' && isExtension(context.remoteNumber);
  if (internalTarget && fromColleague) return 'follow';
  return context.policy === 'ask' ? 'ask' : 'refuse';
}
