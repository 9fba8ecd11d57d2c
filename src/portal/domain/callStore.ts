/**
 * The call log, the billable record. Creating a call is idempotent on its ID (chosen by the
 * desk), so a retried request never bills a call twice.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CallsTable, PortalDatabase } from '../database/databaseSchema';
import {
  type Call,
  type CallOutcome,
  type CreateCallRequest,
  type UpdateCallRequest,
} from '../../shared/portalWire/callSchemas';
import { toUtcIso } from '../../shared/portalWire/commonSchemas';

export function toCall(row: CallsTable): Call {
  return {
    id: row.id,
    clientId: row.client_id,
    line: row.line,
    callerNumber: row.caller_number,
    ringAt: row.ring_at,
    answerAt: row.answer_at,
    endAt: row.end_at,
    agentId: row.agent_id,
    outcome: row.outcome as CallOutcome | null,
    wrapUpSeconds: row.wrap_up_seconds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function optionalIso(value: string | null | undefined): string | null {
  return value ? toUtcIso(value) : null;
}

export async function getCall(
  database: Kysely<PortalDatabase>,
  callId: string,
): Promise<Call | undefined> {
  const row = await database
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', callId)
    .executeTakeFirst();
  return row ? toCall(row) : undefined;
}

/**
 * The columns a new call row gets from a request, shared by `calls` and
 * `unassigned_line_calls` (the latter has no client column).
 */
export function newCallColumns(
  request: Omit<CreateCallRequest, 'id' | 'clientId'>,
  createdBy: string,
  at: string,
) {
  return {
    line: request.line,
    caller_number: request.callerNumber ?? null,
    ring_at: toUtcIso(request.ringAt),
    answer_at: optionalIso(request.answerAt),
    end_at: optionalIso(request.endAt),
    agent_id: request.agentId ?? null,
    outcome: request.outcome ?? null,
    wrap_up_seconds: request.wrapUpSeconds ?? 0,
    created_by: createdBy,
    created_at: at,
    updated_at: at,
  };
}

/** Inserts a call; an existing ID returns the stored call with `created: false`. */
export async function createCall(
  database: Kysely<PortalDatabase>,
  request: CreateCallRequest,
  createdBy: string,
  at: string,
): Promise<{ call: Call; created: boolean }> {
  const id = request.id ?? randomUUID();
  const result = await database
    .insertInto('calls')
    .values({ id, client_id: request.clientId, ...newCallColumns(request, createdBy, at) })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  const call = (await getCall(database, id)) as Call;
  return { call, created: Number(result.numInsertedOrUpdatedRows ?? 0) === 1 };
}

export async function updateCall(
  database: Kysely<PortalDatabase>,
  callId: string,
  request: UpdateCallRequest,
  at: string,
): Promise<Call> {
  await database
    .updateTable('calls')
    .set({
      updated_at: at,
      ...(request.answerAt !== undefined ? { answer_at: optionalIso(request.answerAt) } : {}),
      ...(request.endAt !== undefined ? { end_at: optionalIso(request.endAt) } : {}),
      ...(request.agentId !== undefined ? { agent_id: request.agentId } : {}),
      ...(request.outcome !== undefined ? { outcome: request.outcome } : {}),
      ...(request.wrapUpSeconds !== undefined ? { wrap_up_seconds: request.wrapUpSeconds } : {}),
    })
    .where('id', '=', callId)
    .execute();
  return (await getCall(database, callId)) as Call;
}

export async function listCalls(
  database: Kysely<PortalDatabase>,
  filter: { clientId: string; from?: string; to?: string; limit: number },
): Promise<Call[]> {
  let query = database.selectFrom('calls').selectAll().where('client_id', '=', filter.clientId);
  if (filter.from) query = query.where('ring_at', '>=', toUtcIso(filter.from));
  if (filter.to) query = query.where('ring_at', '<', toUtcIso(filter.to));
  const rows = await query.orderBy('ring_at', 'desc').limit(filter.limit).execute();
  return rows.map(toCall);
}
