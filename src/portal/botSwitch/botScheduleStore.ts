/**
 * One bot schedule per client (src/shared/domain/botSchedule.ts), written with its audit entry
 * in one transaction. Validation happens at the wire (BotScheduleSchema): only checked
 * schedules reach this store.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import { appendAudit } from '../domain/auditLog';
import type { BotSchedule } from '../../shared/domain/botSchedule';
import type { BotScheduleState } from '../../shared/portalWire/botScheduleSchemas';

export async function readBotSchedule(
  database: Kysely<PortalDatabase>,
  clientId: string,
): Promise<BotScheduleState> {
  const row = await database
    .selectFrom('bot_schedules')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return {
    clientId,
    schedule: row ? (JSON.parse(row.schedule_json) as BotScheduleState['schedule']) : null,
    changedAt: row?.changed_at ?? null,
    changedBy: row?.changed_by ?? null,
  };
}

/** Stores (or with `null` removes) a client's schedule; audited with whether one existed. */
export async function saveBotSchedule(
  database: Kysely<PortalDatabase>,
  change: {
    clientId: string;
    schedule: BotSchedule | null;
    userId: string;
    at: string;
    reason: string | null;
  },
): Promise<void> {
  await database.transaction().execute(async (transaction) => {
    const previous = await transaction
      .selectFrom('bot_schedules')
      .select('client_id')
      .where('client_id', '=', change.clientId)
      .executeTakeFirst();
    if (change.schedule === null) {
      await transaction
        .deleteFrom('bot_schedules')
        .where('client_id', '=', change.clientId)
        .execute();
    } else {
      const row = {
        schedule_json: JSON.stringify(change.schedule),
        changed_by: change.userId,
        changed_at: change.at,
      };
      await transaction
        .insertInto('bot_schedules')
        .values({ client_id: change.clientId, ...row })
        .onConflict((conflict) => conflict.column('client_id').doUpdateSet(row))
        .execute();
    }
    await appendAudit(transaction, {
      at: change.at,
      actorUserId: change.userId,
      action: 'bot-switch.schedule',
      clientId: change.clientId,
      targetType: 'client',
      targetId: change.clientId,
      details: {
        previous: previous ? 'schedule' : 'none',
        next: change.schedule ? 'schedule' : 'none',
        reason: change.reason,
        ...(change.schedule
          ? {
              weeklyWindows: change.schedule.weekly.length,
              holidays: change.schedule.holidays.length,
              exceptions: change.schedule.exceptions.length,
            }
          : {}),
      },
    });
  });
}
