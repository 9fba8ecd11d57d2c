/**
 * Which records of one caller number a data request reaches: filters on the tables themselves
 * (so each query starts from its index: `caller_number`, `callback_e164`, `call_id`, `note_id`,
 * `target_id`; migration 0004) and sub-queries of IDs for the tables that refer to them. The
 * search and the deletion use the same filters, so what is deleted is exactly what was shown.
 * `clientIds` undefined = every client and the lines without a client (admins only).
 */
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import { callerNumberForms } from './callerNumberForms';

export interface DataRequestTarget {
  readonly e164: string;
  /** undefined = everything (admin); otherwise exactly these clients. */
  readonly clientIds: readonly string[] | undefined;
}

type Database = Kysely<PortalDatabase>;

/** Clients in scope; an empty list reaches nothing (`IN ()` is not valid SQL; IDs are never empty). */
const NOWHERE = [''];
function inScope(target: DataRequestTarget): string[] | undefined {
  if (target.clientIds === undefined) return undefined;
  return target.clientIds.length > 0 ? [...target.clientIds] : NOWHERE;
}

/** Calls of the number, in scope. */
export function callFilter(target: DataRequestTarget) {
  const scope = inScope(target);
  return (builder: ExpressionBuilder<PortalDatabase, 'calls'>) =>
    builder.and([
      builder('caller_number', 'in', callerNumberForms(target.e164)),
      ...(scope ? [builder('client_id', 'in', scope)] : []),
    ]);
}

export function callIds(database: Database, target: DataRequestTarget) {
  return database.selectFrom('calls').select('id').where(callFilter(target));
}

/** Calls to lines without a client: only an unscoped (admin) request reaches them. */
export function lineCallFilter(target: DataRequestTarget) {
  return (builder: ExpressionBuilder<PortalDatabase, 'unassigned_line_calls'>) =>
    target.clientIds === undefined
      ? builder('caller_number', 'in', callerNumberForms(target.e164))
      : builder('id', '=', '');
}

export function lineCallIds(database: Database, target: DataRequestTarget) {
  return database.selectFrom('unassigned_line_calls').select('id').where(lineCallFilter(target));
}

/**
 * Notes with this callback number, and notes written during one of its calls: two filters, each
 * an index lookup (one OR of both would make the database read every note). Select and delete
 * with each of them; `noteIds` is their union.
 */
export function noteFilters(database: Database, target: DataRequestTarget) {
  const scope = inScope(target);
  const scoped = (builder: ExpressionBuilder<PortalDatabase, 'notes'>) =>
    scope ? [builder('client_id', 'in', scope)] : [];
  return [
    (builder: ExpressionBuilder<PortalDatabase, 'notes'>) =>
      builder.and([builder('callback_e164', '=', target.e164), ...scoped(builder)]),
    (builder: ExpressionBuilder<PortalDatabase, 'notes'>) =>
      builder.and([builder('call_id', 'in', callIds(database, target)), ...scoped(builder)]),
  ] as const;
}

export function noteIds(database: Database, target: DataRequestTarget) {
  const [byNumber, byCall] = noteFilters(database, target);
  return database
    .selectFrom('notes')
    .select('id')
    .where(byNumber)
    .union(database.selectFrom('notes').select('id').where(byCall));
}

export function deliveryIds(database: Database, target: DataRequestTarget) {
  return database
    .selectFrom('deliveries')
    .select('id')
    .where('note_id', 'in', noteIds(database, target));
}

/** Audit entries naming one of the found records (not the data requests' own entries). */
export function auditIds(
  database: Database,
  target: DataRequestTarget,
  botCallIds: readonly string[],
) {
  const naming = (
    ids: SelectQueryBuilder<PortalDatabase, keyof PortalDatabase, { id: string }> | string[],
  ) =>
    database
      .selectFrom('audit_log')
      .select('id')
      .where('target_id', 'in', ids)
      .where('action', 'not like', 'data-request.%');
  return naming(callIds(database, target))
    .union(naming(lineCallIds(database, target)))
    .union(naming(noteIds(database, target)))
    .union(naming(deliveryIds(database, target)))
    .union(naming(botCallIds.length > 0 ? [...botCallIds] : ['']));
}
