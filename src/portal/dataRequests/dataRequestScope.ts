/**
 * Which records of one caller number a data request reaches, as Kysely sub-queries of IDs. The
 * search and the deletion use the same selections, so what is deleted is exactly what was shown.
 * `clientIds` undefined = every client and the lines without a client (admins only).
 */
import type { Kysely } from 'kysely';
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

export function callIds(database: Database, target: DataRequestTarget) {
  const scope = inScope(target);
  let query = database
    .selectFrom('calls')
    .select('id')
    .where('caller_number', 'in', callerNumberForms(target.e164));
  if (scope) query = query.where('client_id', 'in', scope);
  return query;
}

/** Calls to lines without a client: only an unscoped (admin) request reaches them. */
export function lineCallIds(database: Database, target: DataRequestTarget) {
  const query = database
    .selectFrom('unassigned_line_calls')
    .select('id')
    .where('caller_number', 'in', callerNumberForms(target.e164));
  return target.clientIds === undefined ? query : query.where('id', '=', '');
}

/** Notes with this callback number, and notes written during one of its calls. */
export function noteIds(database: Database, target: DataRequestTarget) {
  const scope = inScope(target);
  let query = database
    .selectFrom('notes')
    .select('id')
    .where((builder) =>
      builder.or([
        builder('callback_e164', '=', target.e164),
        builder('call_id', 'in', callIds(database, target)),
      ]),
    );
  if (scope) query = query.where('client_id', 'in', scope);
  return query;
}

export function deliveryIds(database: Database, target: DataRequestTarget) {
  return database
    .selectFrom('deliveries')
    .select('id')
    .where('note_id', 'in', noteIds(database, target));
}
