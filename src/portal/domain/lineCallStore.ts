/**
 * Calls logged by their dialled line (`POST /line-calls`): the portal resolves the client from
 * the line; a line no client owns goes to `unassigned_line_calls`. Idempotent on the desk's call
 * ID across both tables: a repeated request never logs a second call, it only fills in facts
 * that were still missing (answer, end, agent, outcome, wrap-up). It never overwrites a known
 * fact, so a late or replayed request cannot erase what a note or a supervisor recorded.
 */
import type { Kysely } from 'kysely';
import type { CallsTable, PortalDatabase } from '../database/databaseSchema';
import type { LineCallRequest, LineCallRouting } from '../../shared/portalWire/callSchemas';
import { toUtcIso } from '../../shared/portalWire/commonSchemas';
import { createCall, newCallColumns } from './callStore';

export interface LineCallResult {
  readonly id: string;
  readonly routed: LineCallRouting;
  /** The owning client when routed to one (for events and audit, never for the answer). */
  readonly clientId: string | null;
  readonly created: boolean;
}

/** Thrown when the ID is already a call on another line. */
export class LineCallConflictError extends Error {}

type StoredFacts = Pick<
  CallsTable,
  'line' | 'answer_at' | 'end_at' | 'agent_id' | 'outcome' | 'wrap_up_seconds'
>;

/** The facts the request knows that the stored call does not know yet. */
function missingFacts(stored: StoredFacts, request: LineCallRequest, agentId: string | null) {
  if (stored.line !== request.line) throw new LineCallConflictError('Call ID is taken');
  return {
    ...(stored.answer_at === null && request.answerAt
      ? { answer_at: toUtcIso(request.answerAt) }
      : {}),
    ...(stored.end_at === null && request.endAt ? { end_at: toUtcIso(request.endAt) } : {}),
    ...(stored.agent_id === null && agentId ? { agent_id: agentId } : {}),
    ...(stored.outcome === null && request.outcome ? { outcome: request.outcome } : {}),
    ...(stored.wrap_up_seconds === 0 && (request.wrapUpSeconds ?? 0) > 0
      ? { wrap_up_seconds: request.wrapUpSeconds }
      : {}),
  };
}

async function completeExisting(
  database: Kysely<PortalDatabase>,
  request: LineCallRequest,
  at: string,
): Promise<LineCallResult | undefined> {
  const agentId = request.agentId ?? null;
  const call = await database
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', request.id)
    .executeTakeFirst();
  if (call) {
    const facts = missingFacts(call, request, agentId);
    if (Object.keys(facts).length > 0) {
      await database
        .updateTable('calls')
        .set({ ...facts, updated_at: at })
        .where('id', '=', request.id)
        .execute();
    }
    return { id: call.id, routed: 'client', clientId: call.client_id, created: false };
  }
  const unassigned = await database
    .selectFrom('unassigned_line_calls')
    .selectAll()
    .where('id', '=', request.id)
    .executeTakeFirst();
  if (!unassigned) return undefined;
  const facts = missingFacts(unassigned, request, agentId);
  if (Object.keys(facts).length > 0) {
    await database
      .updateTable('unassigned_line_calls')
      .set({ ...facts, updated_at: at })
      .where('id', '=', request.id)
      .execute();
  }
  return { id: unassigned.id, routed: 'unassigned-line', clientId: null, created: false };
}

/** True if the ID is taken by an unassigned-line call (a client call must not reuse it). */
export async function isUnassignedLineCall(
  database: Kysely<PortalDatabase>,
  callId: string,
): Promise<boolean> {
  const row = await database
    .selectFrom('unassigned_line_calls')
    .select('id')
    .where('id', '=', callId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Logs (or completes) a call by its line; see the file comment. */
export async function logCallByLine(
  database: Kysely<PortalDatabase>,
  request: LineCallRequest,
  createdBy: string,
  at: string,
): Promise<LineCallResult> {
  const existing = await completeExisting(database, request, at);
  if (existing) return existing;
  const owner = await database
    .selectFrom('client_lines')
    .select('client_id')
    .where('line', '=', request.line)
    .executeTakeFirst();
  if (owner) {
    const { created } = await createCall(
      database,
      { ...request, clientId: owner.client_id },
      createdBy,
      at,
    );
    if (created) return { id: request.id, routed: 'client', clientId: owner.client_id, created };
  } else {
    const result = await database
      .insertInto('unassigned_line_calls')
      .values({ id: request.id, ...newCallColumns(request, createdBy, at) })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) {
      return { id: request.id, routed: 'unassigned-line', clientId: null, created: true };
    }
  }
  // A request with the same ID won the race: complete what it stored.
  return (await completeExisting(database, request, at)) as LineCallResult;
}
