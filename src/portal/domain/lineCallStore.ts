/**
 * Calls logged by their dialled line (`POST /line-calls`): the portal resolves the client from
 * the line; a line no client owns goes to `unassigned_line_calls`. Idempotent on the desk's call
 * ID across both tables:
 * - the same facts again (a retry after a lost answer) change nothing and get the same answer;
 * - facts that contradict a stored one (another line, ring time, outcome, …) are a conflict;
 * - facts the stored call does not know yet are filled in only when the caller may change that
 *   call through the normal routes (`mayComplete`, the rules of `PATCH /calls`); otherwise the
 *   request is a conflict and nothing changes. A known fact is never overwritten.
 */
import type { Kysely } from 'kysely';
import type { CallsTable, PortalDatabase } from '../database/databaseSchema';
import type { LineCallRequest } from '../../shared/portalWire/callSchemas';
import { toUtcIso } from '../../shared/portalWire/commonSchemas';
import { createCall, newCallColumns } from './callStore';

export interface LineCallResult {
  readonly id: string;
  /** Where the call is: the answer the route gives depends on what the caller may see. */
  readonly routed: 'client' | 'unassigned-line';
  /** The owning client when routed to one (for events and audit, never for the answer). */
  readonly clientId: string | null;
  readonly created: boolean;
  /** True when an existing call got facts filled in. */
  readonly completed: boolean;
}

/** Thrown when the ID is taken by a call with other facts than the request's. */
export class LineCallConflictError extends Error {}

/** The stored call a replay would change, as the route's permission check needs it. */
export interface StoredLineCall {
  readonly clientId: string | null;
  readonly agentId: string | null;
  readonly createdBy: string;
}

type StoredFacts = Pick<
  CallsTable,
  | 'line'
  | 'caller_number'
  | 'ring_at'
  | 'answer_at'
  | 'end_at'
  | 'agent_id'
  | 'outcome'
  | 'wrap_up_seconds'
  | 'created_by'
>;

const FILLABLE = ['answer_at', 'end_at', 'agent_id', 'outcome', 'caller_number'] as const;

/** The facts the request knows that the stored call does not; throws on a contradiction. */
function missingFacts(stored: StoredFacts, request: LineCallRequest): Partial<StoredFacts> {
  const given: Partial<StoredFacts> = {
    line: request.line,
    ring_at: toUtcIso(request.ringAt),
    ...(request.callerNumber ? { caller_number: request.callerNumber } : {}),
    ...(request.answerAt ? { answer_at: toUtcIso(request.answerAt) } : {}),
    ...(request.endAt ? { end_at: toUtcIso(request.endAt) } : {}),
    ...(request.agentId ? { agent_id: request.agentId } : {}),
    ...(request.outcome ? { outcome: request.outcome } : {}),
  };
  if (given.line !== stored.line || given.ring_at !== stored.ring_at) {
    throw new LineCallConflictError('Call ID is taken');
  }
  const missing: Partial<StoredFacts> = {};
  for (const column of FILLABLE) {
    const value = given[column];
    if (value === undefined || value === null) continue;
    if (stored[column] === null) Object.assign(missing, { [column]: value });
    else if (stored[column] !== value) throw new LineCallConflictError('Call ID is taken');
  }
  const wrapUp = request.wrapUpSeconds ?? 0;
  if (wrapUp > 0 && stored.wrap_up_seconds === 0) missing.wrap_up_seconds = wrapUp;
  else if (wrapUp > 0 && stored.wrap_up_seconds !== wrapUp) {
    throw new LineCallConflictError('Call ID is taken');
  }
  return missing;
}

async function completeExisting(
  database: Kysely<PortalDatabase>,
  request: LineCallRequest,
  at: string,
  mayComplete: (call: StoredLineCall) => boolean,
): Promise<LineCallResult | undefined> {
  const call = await database
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', request.id)
    .executeTakeFirst();
  const unassigned = call
    ? undefined
    : await database
        .selectFrom('unassigned_line_calls')
        .selectAll()
        .where('id', '=', request.id)
        .executeTakeFirst();
  const stored = call ?? unassigned;
  if (!stored) return undefined;
  const clientId = call?.client_id ?? null;
  const facts = missingFacts(stored, request);
  const hasNewFacts = Object.keys(facts).length > 0;
  if (hasNewFacts) {
    const allowed = mayComplete({
      clientId,
      agentId: stored.agent_id,
      createdBy: stored.created_by,
    });
    // Not the caller's call to change: a different body for an existing ID is a conflict.
    if (!allowed) throw new LineCallConflictError('Call ID is taken');
    await database
      .updateTable(call ? 'calls' : 'unassigned_line_calls')
      .set({ ...facts, updated_at: at })
      .where('id', '=', request.id)
      .execute();
  }
  return {
    id: stored.id,
    routed: call ? 'client' : 'unassigned-line',
    clientId,
    created: false,
    completed: hasNewFacts,
  };
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
  mayComplete: (call: StoredLineCall) => boolean,
): Promise<LineCallResult> {
  const existing = await completeExisting(database, request, at, mayComplete);
  if (existing) return existing;
  const owner = await database
    .selectFrom('client_lines')
    .select('client_id')
    .where('line', '=', request.line)
    .executeTakeFirst();
  const createdResult = (routed: LineCallResult['routed'], clientId: string | null) => ({
    id: request.id,
    routed,
    clientId,
    created: true,
    completed: false,
  });
  if (owner) {
    const { created } = await createCall(
      database,
      { ...request, clientId: owner.client_id },
      createdBy,
      at,
    );
    if (created) return createdResult('client', owner.client_id);
  } else {
    const result = await database
      .insertInto('unassigned_line_calls')
      .values({ id: request.id, ...newCallColumns(request, createdBy, at) })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) {
      return createdResult('unassigned-line', null);
    }
  }
  // A request with the same ID won the race: treat this one as its replay.
  return (await completeExisting(database, request, at, mayComplete)) as LineCallResult;
}
