/**
 * Bot calls and open offers for the role matrix and the fuzz test: a pool per scope and role,
 * because taking a call over or accepting an offer succeeds once per call.
 */
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import { USER_ROLES } from '../../shared/portalWire/commonSchemas';
import { createBotCall } from '../hybrid/botCallStore';
import type { TestPortal } from './portalTestHarness';

export interface HybridFixtures {
  /** Live bot calls per scope; a take-over uses one up. */
  readonly botCalls: { own: string[]; other: string[] };
  /** Open offers to each role's user (own client); accept/decline use one up. */
  readonly offers: Record<UserRole, string[]>;
}

const POOL = 12;

export async function createHybridFixtures(
  portal: TestPortal,
  clients: { own: { id: string; line: string }; other: { id: string; line: string } },
  userIds: Record<UserRole, string>,
): Promise<HybridFixtures> {
  const database = portal.portal.context.database;
  const at = '2025-03-31T08:00:00.000Z';
  const create = async (client: { id: string; line: string }) => {
    const callId = randomUUID();
    await createBotCall(database, {
      callId,
      clientId: client.id,
      line: client.line,
      sipCallId: callId,
      botId: null,
      at,
    });
    return callId;
  };
  const botCalls = { own: [] as string[], other: [] as string[] };
  const offers = Object.fromEntries(USER_ROLES.map((role) => [role, [] as string[]])) as Record<
    UserRole,
    string[]
  >;
  for (let index = 0; index < POOL; index += 1) {
    botCalls.own.push(await create(clients.own));
    botCalls.other.push(await create(clients.other));
    for (const role of USER_ROLES) {
      const callId = await create(clients.own);
      const offerId = randomUUID();
      await database
        .updateTable('bot_calls')
        .set({
          queue_state: 'offered',
          state: 'waiting-for-agent',
          offer_id: offerId,
          offered_to: userIds[role],
          offer_expires_at: '2999-01-01T00:00:00.000Z',
          escalation_reason: 'caller-asked-for-human',
          escalation_urgency: 'normal',
          escalated_at: at,
        })
        .where('call_id', '=', callId)
        .execute();
      offers[role].push(offerId);
    }
  }
  return { botCalls, offers };
}
