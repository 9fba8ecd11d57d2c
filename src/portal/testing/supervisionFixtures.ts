/**
 * Agents and connected calls for the supervision routes in the role matrix: agents per scope
 * (a logout uses one up, so the matrix's own users keep their sessions) and a call per scope
 * that an agent has accepted (a whisper needs an agent on the call).
 */
import { randomUUID } from 'node:crypto';
import { createBotCall } from '../hybrid/botCallStore';
import type { TestPortal } from './portalTestHarness';

export interface SupervisionFixtures {
  /** Agents of the own and of the other client; a logout pops one. */
  readonly agents: { own: string[]; other: string[] };
  /** A bot call per scope with an agent on it. */
  readonly connectedCalls: { own: string; other: string };
  /** A live call of the own client taken over by the matrix's own agent user. */
  readonly callOfMatrixAgent: string;
}

/** The role matrix logs out at most 4 agents per scope (one per role). */
const POOL = 5;

export async function createSupervisionFixtures(
  portal: TestPortal,
  clients: { own: { id: string; line: string }; other: { id: string; line: string } },
  /** The role matrix's agent user (gets a call of its own). */
  matrixAgentId: string,
): Promise<SupervisionFixtures> {
  const database = portal.portal.context.database;
  const agents = { own: [] as string[], other: [] as string[] };
  for (const scope of ['own', 'other'] as const) {
    const created = await Promise.all(
      Array.from({ length: POOL + 1 }, (_, index) =>
        portal.createUser(`supervised-${scope}-${index}`, 'agent', [clients[scope].id]),
      ),
    );
    agents[scope].push(...created.map((user) => user.id));
  }
  const connected = async (scope: 'own' | 'other', agentId = agents[scope][0]) => {
    const callId = randomUUID();
    const at = '2025-03-31T08:00:00.000Z';
    await createBotCall(database, {
      callId,
      clientId: clients[scope].id,
      line: clients[scope].line,
      sipCallId: callId,
      botId: null,
      at,
    });
    await database
      .updateTable('bot_calls')
      .set({
        queue_state: 'connected',
        state: 'handed-over',
        accepted_by: agentId,
        accepted_at: at,
        escalated_at: at,
        escalation_reason: 'caller-asked-for-human',
        escalation_urgency: 'normal',
      })
      .where('call_id', '=', callId)
      .execute();
    return callId;
  };
  return {
    agents: { own: agents.own.slice(1), other: agents.other.slice(1) },
    connectedCalls: { own: await connected('own'), other: await connected('other') },
    callOfMatrixAgent: await connected('own', matrixAgentId),
  };
}
