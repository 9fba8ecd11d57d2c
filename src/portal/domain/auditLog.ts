/**
 * The audit log: who switched the bot, took over a call, deleted data or changed a role.
 * Details hold abstract facts only (modes, roles, counts), never names, numbers or note text.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { AuditEntry } from '../../shared/portalWire/operationsSchemas';

export const AUDIT_ACTIONS = [
  'bot-switch.global',
  'bot-switch.line',
  'bot-switch.schedule',
  'call.takeover',
  'call.logged-by-line',
  'call.completed-by-line',
  'deletion.recorded',
  'user.created',
  'user.role-changed',
  'user.updated',
  'client.saved',
  'client.ai-providers-changed',
  'delivery.retried',
  'agent.set-not-ready',
  'agent.logged-out',
  'data-request.searched',
  'data-request.exported',
  'data-request.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  readonly at: string;
  readonly actorUserId: string | null;
  readonly action: AuditAction;
  readonly clientId: string | null;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly details: Record<string, string | number | boolean | null>;
}

/** Appends one entry; call inside the transaction that made the change. */
export async function appendAudit(
  database: Kysely<PortalDatabase> | Transaction<PortalDatabase>,
  record: AuditRecord,
): Promise<void> {
  await database
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: record.at,
      actor_user_id: record.actorUserId,
      action: record.action,
      client_id: record.clientId,
      target_type: record.targetType,
      target_id: record.targetId,
      details_json: JSON.stringify(record.details),
    })
    .execute();
}

/**
 * Lists entries, newest first. `clientIds` undefined = everything (admin); otherwise entries of
 * those clients plus global bot switches (a supervisor must see why the bot went off).
 */
export async function listAudit(
  database: Kysely<PortalDatabase>,
  filter: {
    clientIds?: readonly string[];
    clientId?: string;
    /** Only these actions (e.g. the bot switch's trail). */
    actions?: readonly AuditAction[];
    limit: number;
  },
): Promise<AuditEntry[]> {
  let query = database.selectFrom('audit_log').selectAll();
  if (filter.actions !== undefined) query = query.where('action', 'in', [...filter.actions]);
  if (filter.clientId !== undefined) query = query.where('client_id', '=', filter.clientId);
  if (filter.clientIds !== undefined) {
    const scoped = [...filter.clientIds];
    query = query.where((builder) =>
      builder.or([
        ...(scoped.length > 0 ? [builder('client_id', 'in', scoped)] : []),
        builder('action', '=', 'bot-switch.global'),
      ]),
    );
  }
  const rows = await query.orderBy('at', 'desc').orderBy('id').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    action: row.action,
    clientId: row.client_id,
    targetType: row.target_type,
    targetId: row.target_id,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
  }));
}
