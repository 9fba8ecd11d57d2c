/** The bot switch's audit trail (global, line and schedule changes) in a user's scope. */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { AuditEntry } from '../../shared/portalWire/operationsSchemas';

const BOT_SWITCH_ACTIONS = ['bot-switch.global', 'bot-switch.line', 'bot-switch.schedule'];

/** Newest first; `clientIds` undefined = all clients (admin); global changes are always in. */
export async function listBotSwitchAudit(
  database: Kysely<PortalDatabase>,
  filter: { clientIds: readonly string[] | undefined; limit: number },
): Promise<AuditEntry[]> {
  let query = database
    .selectFrom('audit_log')
    .selectAll()
    .where('action', 'in', BOT_SWITCH_ACTIONS);
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
