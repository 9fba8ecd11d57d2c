/**
 * The offer engine's queue passes (see offerEngine.ts for the state machine): expired offers,
 * accepted calls that never connected, calls waiting longer than the limit, and new offers.
 * Each step is a conditional UPDATE, so passes in two portal processes never double-offer.
 */
import { randomUUID } from 'node:crypto';
import { listAvailableAgents, presenceAudience, setAgentState } from './agentStates';
import { offerAudience } from './hybridAudiences';
import { toBotCallDetail, toOffer, type BotCallRow } from './botCallStore';
import type { OfferEngine } from './offerEngine';

export async function expireOffers(engine: OfferEngine): Promise<void> {
  const rows = await engine.dependencies.database
    .selectFrom('bot_calls')
    .selectAll()
    .where('queue_state', '=', 'offered')
    .where('offer_expires_at', '<=', engine.iso())
    .execute();
  for (const row of rows) await engine.release(row, 'expired');
}

/** Accepted but never connected (agent gone): back to the queue, the bot keeps the caller. */
export async function expireConnections(engine: OfferEngine): Promise<void> {
  const { database } = engine.dependencies;
  const rows = await database
    .selectFrom('bot_calls')
    .selectAll()
    .where('queue_state', '=', 'accepted')
    .where('connect_by', '<=', engine.iso())
    .execute();
  for (const row of rows) {
    const passedOver = new Set<string>(JSON.parse(row.passed_over_json) as string[]);
    if (row.accepted_by) passedOver.add(row.accepted_by);
    await database
      .updateTable('bot_calls')
      .set({
        queue_state: 'waiting',
        state: 'waiting-for-agent',
        accepted_by: null,
        accepted_at: null,
        handover_token: null,
        connect_by: null,
        offer_id: null,
        offered_to: null,
        passed_over_json: JSON.stringify([...passedOver]),
        updated_at: engine.iso(),
      })
      .where('call_id', '=', row.call_id)
      .where('queue_state', '=', 'accepted')
      .where('handover_token', '=', row.handover_token)
      .execute();
    await engine.publishCall(row.call_id);
  }
}

/** Nobody accepted within the limit: the bot takes a message (command `take-message`). */
export async function timeOutWaiting(engine: OfferEngine): Promise<void> {
  const { database, settings } = engine.dependencies;
  const rows = await database
    .selectFrom('bot_calls')
    .select('call_id')
    .where('queue_state', '=', 'waiting')
    .where('escalated_at', '<=', engine.iso(-settings.maximumWaitSeconds * 1000))
    .execute();
  for (const row of rows) {
    await database
      .updateTable('bot_calls')
      .set({ queue_state: 'timed-out', state: 'with-bot', updated_at: engine.iso() })
      .where('call_id', '=', row.call_id)
      .where('queue_state', '=', 'waiting')
      .execute();
    await engine.publishCall(row.call_id);
  }
}

export async function offerWaitingCalls(engine: OfferEngine): Promise<void> {
  const { database } = engine.dependencies;
  const waiting = await database
    .selectFrom('bot_calls')
    .selectAll()
    .where('queue_state', '=', 'waiting')
    .orderBy('queue_rank')
    .orderBy('escalated_at')
    .execute();
  for (const row of waiting) await offer(engine, row);
}

/** Offers one waiting call to the longest-idle available agent who has not passed on it. */
async function offer(engine: OfferEngine, row: BotCallRow): Promise<void> {
  const { database, events, content, settings } = engine.dependencies;
  const passedOver = JSON.parse(row.passed_over_json) as string[];
  let candidates = await listAvailableAgents(database, row.client_id, passedOver);
  // Everyone passed: start another round rather than leave the caller with nobody.
  if (candidates.length === 0 && passedOver.length > 0)
    candidates = await listAvailableAgents(database, row.client_id);
  for (const agent of candidates) {
    const at = engine.iso();
    const claimed = await database
      .updateTable('presence')
      .set({ state: 'offered', updated_at: at })
      .where('user_id', '=', agent.userId)
      .where('state', '=', 'available')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const offerId = randomUUID();
    const expiresAt = engine.iso(settings.offerSeconds * 1000);
    const offered = await database
      .updateTable('bot_calls')
      .set({
        queue_state: 'offered',
        offer_id: offerId,
        offered_to: agent.userId,
        offer_expires_at: expiresAt,
        updated_at: at,
      })
      .where('call_id', '=', row.call_id)
      .where('queue_state', '=', 'waiting')
      .executeTakeFirst();
    if (Number(offered.numUpdatedRows) !== 1) {
      await setAgentState(database, events, {
        userId: agent.userId,
        state: 'available',
        at,
        endsOffer: true,
      });
      return;
    }
    events.publish(
      { type: 'presence.changed', at, userId: agent.userId, state: 'offered' },
      await presenceAudience(database, agent.userId),
    );
    const detail = await toBotCallDetail(database, content, row);
    // An offer rings at exactly one desk (docs/hybrid.md).
    events.publish(
      {
        type: 'offer.created',
        at,
        agentUserId: agent.userId,
        offer: toOffer(detail, { offerId, offeredAt: at, expiresAt }),
      },
      offerAudience(agent.userId),
    );
    await engine.publishCall(row.call_id);
    return;
  }
}
