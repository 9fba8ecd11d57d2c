/**
 * The softphone's side of the hybrid takeover: holds the handover tokens of offers this desk
 * accepted and tells the incoming-call path whether an INVITE is one of them (the pure rule is
 * `src/shared/domain/handoverMatch.ts`). A matched token is spent at once, so a replayed INVITE
 * rings normally. Listeners learn which leg took over which bot call.
 */
import {
  HANDOVER_HEADER,
  matchHandover,
  remainingHandovers,
  type AcceptedHandover,
} from '../../../../shared/domain/handoverMatch';
import type { InviteMessage } from './inviteInspection';

export type HandoverListener = (legId: string, handover: AcceptedHandover) => void;

export class HandoverGate {
  private accepted: AcceptedHandover[] = [];
  private readonly listeners = new Set<HandoverListener>();

  constructor(private readonly now: () => number = Date.now) {}

  /** An offer was accepted: its INVITE will be answered by itself. */
  expect(handover: AcceptedHandover): void {
    this.accepted = [
      ...remainingHandovers(this.accepted, handover.handoverToken, this.now()),
      handover,
    ];
  }

  /** The handover for this INVITE (spent now), or undefined: the call rings normally. */
  claim(message: Pick<InviteMessage, 'getHeader'>): AcceptedHandover | undefined {
    const now = this.now();
    const verdict = matchHandover(this.accepted, message.getHeader(HANDOVER_HEADER), now);
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
}
