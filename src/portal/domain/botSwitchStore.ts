/**
 * The bot switch: a global mode and a mode per line (`inherit` follows the global one), each
 * with an optional auto-revert, and one bot schedule per client (src/portal/botSwitch). Every
 * change is written with its audit entry (who, when, from → to, why) in one transaction; two
 * shift leads switching at once: the last write wins and both are audited.
 *
 * Whether the bot answers a line at an instant: the line's own `on`/`off` wins; `inherit`
 * follows the global switch, where global `off` means no bot and global `on` means the bot
 * answers when the client's schedule says so (always, if the client has no schedule).
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import { scheduleAnswers, type BotSchedule } from '../../shared/domain/botSchedule';
import { appendAudit } from './auditLog';

export type GlobalBotMode = 'on' | 'off';
export type LineBotMode = 'on' | 'off' | 'inherit';

const GLOBAL_KEY = 'global';

/** Auto-revert of a switch: at `at` the mode goes back to `to`. */
export interface BotSwitchRevert {
  at: string;
  to: string;
}

export interface LineBotState {
  line: string;
  clientId: string;
  mode: LineBotMode;
  botAnswers: boolean;
  changedAt: string | null;
  changedBy: string | null;
  reason: string | null;
  revert: BotSwitchRevert | null;
  /** Whether the client's schedule decides while the line follows a global `on`. */
  scheduled: boolean;
}

export interface BotSwitchState {
  global: {
    mode: GlobalBotMode;
    changedAt: string | null;
    changedBy: string | null;
    reason: string | null;
    revert: BotSwitchRevert | null;
  };
  lines: LineBotState[];
}

/** Whether the bot answers a line, given both switches (and the schedule, when there is one). */
export function botAnswers(
  globalMode: GlobalBotMode,
  lineMode: LineBotMode,
  scheduleSays: boolean = true,
): boolean {
  if (lineMode !== 'inherit') return lineMode === 'on';
  return globalMode === 'on' && scheduleSays;
}

function revertOf(row: { revert_at: string | null; revert_to: string | null } | undefined) {
  return row?.revert_at && row.revert_to ? { at: row.revert_at, to: row.revert_to } : null;
}

/** The stored schedules of the given clients (parsed; validated when written). */
export async function readBotSchedules(
  database: Kysely<PortalDatabase>,
  clientIds: readonly string[] | undefined,
): Promise<Map<string, BotSchedule>> {
  if (clientIds !== undefined && clientIds.length === 0) return new Map();
  let query = database.selectFrom('bot_schedules').select(['client_id', 'schedule_json']);
  if (clientIds !== undefined) query = query.where('client_id', 'in', [...clientIds]);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.client_id, JSON.parse(row.schedule_json) as BotSchedule]));
}

/**
 * State of the global switch and of every line of the given clients (all when undefined), with
 * whether the bot answers at `at` (now when absent).
 */
export async function readBotSwitches(
  database: Kysely<PortalDatabase>,
  clientIds: readonly string[] | undefined,
  at: Date = new Date(),
): Promise<BotSwitchState> {
  const globalRow = await database
    .selectFrom('bot_switches')
    .selectAll()
    .where('scope_key', '=', GLOBAL_KEY)
    .executeTakeFirst();
  // Off until a shift lead switches it on: a new portal never routes callers to a bot unasked.
  const globalMode = (globalRow?.mode ?? 'off') as GlobalBotMode;
  const global = {
    mode: globalMode,
    changedAt: globalRow?.changed_at ?? null,
    changedBy: globalRow?.changed_by ?? null,
    reason: globalRow?.reason ?? null,
    revert: revertOf(globalRow),
  };
  if (clientIds !== undefined && clientIds.length === 0) return { global, lines: [] };
  let linesQuery = database
    .selectFrom('client_lines')
    .leftJoin('bot_switches', 'bot_switches.scope_key', 'client_lines.line')
    .select([
      'client_lines.line as line',
      'client_lines.client_id as clientId',
      'bot_switches.mode as mode',
      'bot_switches.changed_at as changedAt',
      'bot_switches.changed_by as changedBy',
      'bot_switches.reason as reason',
      'bot_switches.revert_at as revert_at',
      'bot_switches.revert_to as revert_to',
    ]);
  if (clientIds !== undefined)
    linesQuery = linesQuery.where('client_lines.client_id', 'in', [...clientIds]);
  const rows = await linesQuery.orderBy('client_lines.line').execute();
  const schedules = await readBotSchedules(database, clientIds);
  return {
    global,
    lines: rows.map((row) => {
      const mode = (row.mode ?? 'inherit') as LineBotMode;
      const schedule = schedules.get(row.clientId);
      return {
        line: row.line,
        clientId: row.clientId,
        mode,
        botAnswers: botAnswers(globalMode, mode, schedule ? scheduleAnswers(schedule, at) : true),
        changedAt: row.changedAt ?? null,
        changedBy: row.changedBy ?? null,
        reason: row.reason ?? null,
        revert: revertOf(row),
        scheduled: schedule !== undefined,
      };
    }),
  };
}

/** Who changed a switch, why, and whether it reverts by itself. */
export interface BotSwitchChange {
  /** A user ID, or null for the portal itself (an auto-revert). */
  userId: string | null;
  at: string;
  reason: string | null;
  /** Auto-revert; `to` is filled in from the mode before this change when absent. */
  revertAt: string | null;
}

async function upsertSwitch(
  database: Kysely<PortalDatabase>,
  values: { scopeKey: string; clientId: string | null; mode: string; defaultMode: string },
  change: BotSwitchChange,
  audit: { action: 'bot-switch.global' | 'bot-switch.line'; targetType: string },
): Promise<void> {
  await database.transaction().execute(async (transaction) => {
    // Lock the row first (created with the default mode when new), so that of two shift leads
    // switching at once the later one reads the earlier one's mode as its "from" (PostgreSQL
    // reads committed data; a plain SELECT first would give both the same "from").
    await transaction
      .insertInto('bot_switches')
      .values({
        scope_key: values.scopeKey,
        client_id: values.clientId,
        mode: values.defaultMode,
        changed_by: null,
        changed_at: change.at,
        reason: null,
        revert_at: null,
        revert_to: null,
      })
      .onConflict((conflict) =>
        conflict.column('scope_key').doUpdateSet({ scope_key: values.scopeKey }),
      )
      .execute();
    const previous = await transaction
      .selectFrom('bot_switches')
      .select('mode')
      .where('scope_key', '=', values.scopeKey)
      .executeTakeFirstOrThrow();
    const from = previous.mode;
    await transaction
      .updateTable('bot_switches')
      .set({
        mode: values.mode,
        changed_by: change.userId,
        changed_at: change.at,
        reason: change.reason,
        revert_at: change.revertAt,
        revert_to: change.revertAt ? from : null,
      })
      .where('scope_key', '=', values.scopeKey)
      .execute();
    await appendAudit(transaction, {
      at: change.at,
      actorUserId: change.userId,
      action: audit.action,
      clientId: values.clientId,
      targetType: audit.targetType,
      targetId: values.scopeKey,
      details: {
        mode: values.mode,
        previousMode: from,
        reason: change.reason,
        revertAt: change.revertAt,
        ...(change.userId === null ? { automatic: 'auto-revert' } : {}),
      },
    });
  });
}

export async function setGlobalBotMode(
  database: Kysely<PortalDatabase>,
  mode: GlobalBotMode,
  userId: string | null,
  at: string,
  options: { reason?: string | null; revertAt?: string | null } = {},
): Promise<void> {
  await upsertSwitch(
    database,
    { scopeKey: GLOBAL_KEY, clientId: null, mode, defaultMode: 'off' },
    { userId, at, reason: options.reason ?? null, revertAt: options.revertAt ?? null },
    { action: 'bot-switch.global', targetType: 'bot-switch' },
  );
}

export async function setLineBotMode(
  database: Kysely<PortalDatabase>,
  line: { line: string; clientId: string },
  mode: LineBotMode,
  userId: string | null,
  at: string,
  options: { reason?: string | null; revertAt?: string | null } = {},
): Promise<void> {
  await upsertSwitch(
    database,
    { scopeKey: line.line, clientId: line.clientId, mode, defaultMode: 'inherit' },
    { userId, at, reason: options.reason ?? null, revertAt: options.revertAt ?? null },
    { action: 'bot-switch.line', targetType: 'line' },
  );
}

/** Switches whose auto-revert is due at `at` (oldest first). */
export async function dueReverts(
  database: Kysely<PortalDatabase>,
  at: string,
): Promise<{ scopeKey: string; clientId: string | null; revertTo: string }[]> {
  const rows = await database
    .selectFrom('bot_switches')
    .select(['scope_key', 'client_id', 'revert_to'])
    .where('revert_at', 'is not', null)
    .where('revert_at', '<=', at)
    .orderBy('revert_at')
    .execute();
  return rows.flatMap((row) =>
    row.revert_to
      ? [{ scopeKey: row.scope_key, clientId: row.client_id, revertTo: row.revert_to }]
      : [],
  );
}
