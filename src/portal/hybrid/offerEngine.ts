/**
 * The queue and offer engine (docs/hybrid.md "Queue and offers"). Every state change is one
 * conditional UPDATE on `bot_calls` (`… WHERE queue_state = 'offered' AND offer_id = ?`), so
 * exactly one request wins even with two portal processes on one PostgreSQL; the database is the
 * only state, so a restarted portal continues from it.
 *
 *   none ──escalate──▶ waiting ──offer──▶ offered ──accept──▶ accepted ──handed-over──▶ connected
 *                        ▲  ▲                 │ decline / 15 s       │ 10 s without handover
 *                        │  └─────────────────┘                     │
 *                        └──────────────────────────────────────────┘
 *   waiting longer than the limit ──▶ timed-out (the bot takes a message); caller gone ──▶ done
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { EventHub } from '../events/eventHub';
import type {
  EscalationReason,
  EscalationUrgency,
  OfferAccepted,
} from '../../shared/portalWire/hybridSchemas';
import type { HybridSettings } from './hybridSettings';
import { setAgentState } from './agentStates';
import { clientAudience, offerAudience } from './hybridAudiences';
import type { BotCallContent } from './botCallContent';
import { expireConnections, expireOffers, offerWaitingCalls, timeOutWaiting } from './queuePasses';
import {
  botCallUpdatedEvent,
  getBotCallRow,
  queueUpdatedEvent,
  toBotCallDetail,
  URGENCY_RANK,
  type BotCallRow,
} from './botCallStore';

export interface OfferEngineDependencies {
  readonly database: Kysely<PortalDatabase>;
  readonly events: EventHub;
  readonly content: BotCallContent;
  readonly settings: HybridSettings;
  now(): number;
}

export type ClaimResult =
  { kind: 'accepted'; answer: OfferAccepted } | { kind: 'already-taken' } | { kind: 'not-found' };

const OPEN_STATES = ['none', 'waiting', 'offered'];

export class OfferEngine {
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  /** Woken whenever a call's state changed in this process (bot command long polls). */
  private readonly callWaiters = new Map<string, Set<() => void>>();

  constructor(readonly dependencies: OfferEngineDependencies) {}

  /** The engine's clock as ISO text, shifted by `offsetMilliseconds`. */
  iso(offsetMilliseconds = 0): string {
    return new Date(this.dependencies.now() + offsetMilliseconds).toISOString();
  }

  start(): void {
    this.timer ??= setInterval(() => this.nudge(), this.dependencies.settings.tickMilliseconds);
    this.timer.unref();
    this.nudge();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.pumping;
  }

  /** Runs a queue pass soon (coalesced: at most one pass at a time, one more queued). */
  nudge(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump()
      .catch(() => undefined)
      .finally(() => {
        this.pumping = undefined;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.nudge();
        }
      });
  }

  /** Resolves once no queue pass runs in this process (tests). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /** One full pass: expiries, then offers. Exposed for tests. */
  async pump(): Promise<void> {
    await expireOffers(this);
    await expireConnections(this);
    await timeOutWaiting(this);
    await offerWaitingCalls(this);
  }

  /** Resolves when the call changes in this process or after `milliseconds`. */
  waitForChange(callId: string, milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.callWaiters.get(callId) ?? new Set<() => void>();
      this.callWaiters.set(callId, waiters);
      const done = () => {
        clearTimeout(timeout);
        waiters.delete(done);
        if (waiters.size === 0) this.callWaiters.delete(callId);
        resolve();
      };
      const timeout = setTimeout(done, milliseconds);
      waiters.add(done);
    });
  }

  /** Tells desks and waiting long polls that a call changed. */
  async publishCall(callId: string): Promise<void> {
    for (const wake of [...(this.callWaiters.get(callId) ?? [])]) wake();
    const { database, events, content } = this.dependencies;
    const row = await getBotCallRow(database, callId);
    if (!row) return;
    const at = this.iso();
    const audience = clientAudience(row.client_id);
    events.publish(
      botCallUpdatedEvent(await toBotCallDetail(database, content, row), at),
      audience,
    );
    events.publish(await queueUpdatedEvent(database, row.client_id, at), audience);
  }

  /** The bot asked for a human: the call joins its line's queue. */
  async escalate(
    callId: string,
    escalation: { reason: EscalationReason | 'no-agent-available'; urgency: EscalationUrgency },
  ): Promise<void> {
    const at = this.iso();
    await this.dependencies.database
      .updateTable('bot_calls')
      .set({
        queue_state: 'waiting',
        state: 'waiting-for-agent',
        escalation_reason: escalation.reason,
        escalation_urgency: escalation.urgency,
        queue_rank: URGENCY_RANK[escalation.urgency],
        escalated_at: at,
        updated_at: at,
      })
      .where('call_id', '=', callId)
      .where('queue_state', 'in', ['none', 'timed-out'])
      .where('state', '!=', 'ended')
      .execute();
    await this.publishCall(callId);
    this.nudge();
  }

  /** The caller hung up or the bot ended: any offer is withdrawn at once. */
  async callEnded(callId: string): Promise<void> {
    const { database } = this.dependencies;
    const row = await getBotCallRow(database, callId);
    if (!row) return;
    const at = this.iso();
    const result = await database
      .updateTable('bot_calls')
      .set({ state: 'ended', ended_at: at, queue_state: 'done', updated_at: at })
      .where('call_id', '=', callId)
      .where('state', '!=', 'ended')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1 && row.queue_state === 'offered' && row.offered_to) {
      await this.withdraw(row, 'caller-hung-up', 'available');
    }
    await this.publishCall(callId);
  }

  /** The bot reports the caller is with the agent now. */
  async handedOver(callId: string): Promise<void> {
    const at = this.iso();
    await this.dependencies.database
      .updateTable('bot_calls')
      .set({ queue_state: 'connected', state: 'handed-over', updated_at: at })
      .where('call_id', '=', callId)
      .where('queue_state', '=', 'accepted')
      .execute();
    await this.publishCall(callId);
  }

  /** `POST /offers/{id}/accept`: exactly one winner per offer. */
  async accept(offerId: string, userId: string): Promise<ClaimResult> {
    const row = await this.dependencies.database
      .selectFrom('bot_calls')
      .selectAll()
      .where('offer_id', '=', offerId)
      .executeTakeFirst();
    if (!row || row.offered_to !== userId) return { kind: 'not-found' };
    return this.claim(row, userId, { offerId });
  }

  /** `POST /bot-calls/{callId}/take-over`: an agent takes a live bot call (same claim). */
  async takeOver(row: BotCallRow, userId: string): Promise<ClaimResult> {
    return this.claim(row, userId, { offerId: undefined });
  }

  private async claim(
    row: BotCallRow,
    userId: string,
    /** With an offer ID: only that open offer; without: any open state (take-over). */
    condition: { offerId: string | undefined },
  ): Promise<ClaimResult> {
    const { database, events, settings } = this.dependencies;
    const at = this.iso();
    const handoverToken = randomBytes(18).toString('base64url');
    const connectBy = this.iso(settings.connectSeconds * 1000);
    let query = database.updateTable('bot_calls').set({
      queue_state: 'accepted',
      accepted_by: userId,
      accepted_at: at,
      handover_token: handoverToken,
      connect_by: connectBy,
      offer_expires_at: null,
      escalation_reason: row.escalation_reason ?? 'taken-over',
      escalation_urgency: row.escalation_urgency ?? 'normal',
      escalated_at: row.escalated_at ?? at,
      updated_at: at,
    });
    query =
      condition.offerId === undefined
        ? query
            .where('call_id', '=', row.call_id)
            .where('queue_state', 'in', OPEN_STATES)
            .where('state', '!=', 'ended')
        : query.where('offer_id', '=', condition.offerId).where('queue_state', '=', 'offered');
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { kind: 'already-taken' };
    // Someone else's open offer on this call ends; the winner's own offer is accepted.
    if (row.queue_state === 'offered' && row.offered_to && row.offer_id) {
      const reason = row.offered_to === userId ? 'accepted' : 'taken-by-other';
      await this.withdraw(row, reason, reason === 'accepted' ? undefined : 'available');
    }
    await setAgentState(database, events, { userId, state: 'in-call', at });
    await this.publishCall(row.call_id);
    return {
      kind: 'accepted',
      answer: {
        offerId: row.offer_id ?? row.call_id,
        callId: row.call_id,
        handoverToken,
        connectBy,
      },
    };
  }

  /** `POST /offers/{id}/decline`: the call goes to the next agent. */
  async decline(offerId: string, userId: string): Promise<boolean> {
    const { database } = this.dependencies;
    const row = await database
      .selectFrom('bot_calls')
      .selectAll()
      .where('offer_id', '=', offerId)
      .executeTakeFirst();
    if (!row || row.offered_to !== userId) return false;
    const released = await this.release(row, 'declined');
    if (released) this.nudge();
    return released;
  }

  /** Offered → waiting, remembering who passed; the agent is available again. */
  async release(row: BotCallRow, reason: 'declined' | 'expired'): Promise<boolean> {
    const at = this.iso();
    const passedOver = new Set<string>(JSON.parse(row.passed_over_json) as string[]);
    if (row.offered_to) passedOver.add(row.offered_to);
    const result = await this.dependencies.database
      .updateTable('bot_calls')
      .set({
        queue_state: 'waiting',
        offer_id: null,
        offered_to: null,
        offer_expires_at: null,
        passed_over_json: JSON.stringify([...passedOver]),
        updated_at: at,
      })
      .where('offer_id', '=', row.offer_id)
      .where('queue_state', '=', 'offered')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.withdraw(row, reason, 'available');
    await this.publishCall(row.call_id);
    return true;
  }

  private async withdraw(
    row: BotCallRow,
    reason: 'accepted' | 'declined' | 'expired' | 'caller-hung-up' | 'taken-by-other',
    agentStateAfter: 'available' | undefined,
  ): Promise<void> {
    if (!row.offered_to || !row.offer_id) return;
    const { database, events } = this.dependencies;
    const at = this.iso();
    // An offer rings at exactly one desk (docs/hybrid.md).
    events.publish(
      {
        type: 'offer.withdrawn',
        at,
        agentUserId: row.offered_to,
        offerId: row.offer_id,
        callId: row.call_id,
        reason,
      },
      offerAudience(row.offered_to),
    );
    if (agentStateAfter) {
      // Only an agent still ringing goes back to available (not one who went on break).
      const current = await database
        .selectFrom('presence')
        .select('state')
        .where('user_id', '=', row.offered_to)
        .executeTakeFirst();
      if (current?.state === 'offered')
        await setAgentState(database, events, {
          userId: row.offered_to,
          state: 'available',
          at,
          endsOffer: true,
        });
    }
  }
}
