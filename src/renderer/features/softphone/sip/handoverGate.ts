/**
 * The softphone's side of the hybrid takeover: holds the handover tokens of offers this desk
 * accepted and tells the incoming-call path whether an INVITE is one of them (the pure rule is
 * `src/shared/domain/handoverMatch.ts`). A matched token is spent at once, so a replayed INVITE
 * rings normally. Listeners learn which leg took over which bot call.
 *
 * The portal commands the bot to hand over in the same moment it answers the accept, and the
 * SIP path (bot → REFER → caller → proxy → this desk) can beat the accept's answer to this
 * window. So an INVITE with a well-formed token this desk does not know yet waits while an
 * accept is under way ({@link HandoverGate.accepting}) and is matched once it settled — by the
 * token alone, as before. Without an accept under way nothing waits.
 */
import {
  HANDOVER_HEADER,
  matchHandover,
  remainingHandovers,
  type AcceptedHandover,
} from '../../../../shared/domain/handoverMatch';
import type { InviteMessage } from './inviteInspection';

export type HandoverListener = (legId: string, handover: AcceptedHandover) => void;

/** Longest an INVITE waits for an accept under way (the portal re-queues after 10 s). */
export const ACCEPT_SETTLE_LIMIT_MS = 8_000;

export class HandoverGate {
  private accepted: AcceptedHandover[] = [];
  private readonly listeners = new Set<HandoverListener>();
  private readonly underWay = new Set<Promise<void>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** An offer was accepted: its INVITE will be answered by itself. */
  expect(handover: AcceptedHandover): void {
    this.accepted = [
      ...remainingHandovers(this.accepted, handover.handoverToken, this.now()),
      handover,
    ];
  }

  /**
   * An accept (or take-over) was sent to the portal; call the returned function once its
   * answer was handled (after {@link expect} for a won claim). Until then an INVITE with an
   * unknown token waits instead of ringing.
   */
  accepting(): () => void {
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.underWay.add(settled);
    return () => {
      this.underWay.delete(settled);
      settle();
    };
  }

  /** The handover for this INVITE (spent now), or undefined: the call rings normally. */
  async claim(message: Pick<InviteMessage, 'getHeader'>): Promise<AcceptedHandover | undefined> {
    const header = message.getHeader(HANDOVER_HEADER);
    let verdict = matchHandover(this.accepted, header, this.now());
    if (verdict.kind === 'ring' && verdict.reason === 'unknown-token' && this.underWay.size > 0) {
      await this.settled();
      verdict = matchHandover(this.accepted, header, this.now());
    }
    const now = this.now();
    const spent = verdict.kind === 'answer' ? verdict.handover.handoverToken : undefined;
    this.accepted = remainingHandovers(this.accepted, spent, now);
    return verdict.kind === 'answer' ? verdict.handover : undefined;
  }

  /** Called by the controller once the handed-over leg exists. */
  answered(legId: string, handover: AcceptedHandover): void {
    for (const listener of this.listeners) listener(legId, handover);
  }

  onAnswered(listener: HandoverListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every accept under way has settled, or the limit passed. */
  private async settled(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ACCEPT_SETTLE_LIMIT_MS);
    });
    await Promise.race([Promise.all([...this.underWay]), limit]);
    clearTimeout(timer);
  }
}
