/**
 * The bot switch: a global mode and a mode per line (`inherit` follows the global one). Every
 * change is written with its audit entry in one transaction.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import { appendAudit } from './auditLog';

export type GlobalBotMode = 'on' | 'off';
export type LineBotMode = 'on' | 'off' | 'inherit';

const GLOBAL_KEY = 'global';

export interface LineBotState {
  line: string;
  clientId: string;
  mode: LineBotMode;
  botAnswers: boolean;
  changedAt: string | null;
}

export interface BotSwitchState {
  global: { mode: GlobalBotMode; changedAt: string | null; changedBy: string | null };
  lines: LineBotState[];
}

/** Whether the bot answers a line, given both switches. */
export function botAnswers(globalMode: GlobalBotMode, lineMode: LineBotMode): boolean {
  return lineMode === 'inherit' ? globalMode === 'on' : lineMode === 'on';
}

/** State of the global switch and of every line of the given clients (all when undefined). */
export async function readBotSwitches(
  database: Kysely<PortalDatabase>,
  clientIds: readonly string[] | undefined,
): Promise<BotSwitchState> {
  const globalRow = await database
    .selectFrom('bot_switches')
    .selectAll()
    .where('scope_key', '=', GLOBAL_KEY)
    .executeTakeFirst();
  // Off until a shift lead switches it on: a new portal never routes callers to a bot unasked.
  const globalMode = (globalRow?.mode ?? 'off') as GlobalBotMode;
  if (clientIds !== undefined && clientIds.length === 0) {
    return {
      global: {
        mode: globalMode,
        changedAt: globalRow?.changed_at ?? null,
        changedBy: globalRow?.changed_by ?? null,
      },
      lines: [],
    };
  }
  let linesQuery = database
    .selectFrom('client_lines')
    .leftJoin('bot_switches', 'bot_switches.scope_key', 'client_lines.line')
    .select([
      'client_lines.line as line',
      'client_lines.client_id as clientId',
      'bot_switches.mode as mode',
      'bot_switches.changed_at as changedAt',
    ]);
  if (clientIds !== undefined)
    linesQuery = linesQuery.where('client_lines.client_id', 'in', [...clientIds]);
  const rows = await linesQuery.orderBy('client_lines.line').execute();
  return {
    global: {
      mode: globalMode,
      changedAt: globalRow?.changed_at ?? null,
      changedBy: globalRow?.changed_by ?? null,
    },
    lines: rows.map((row) => {
      const mode = (row.mode ?? 'inherit') as LineBotMode;
      return {
        line: row.line,
        clientId: row.clientId,
        mode,
        botAnswers: botAnswers(globalMode, mode),
        changedAt: row.changedAt ?? null,
      };
    }),
  };
}

async function upsertSwitch(
  database: Kysely<PortalDatabase>,
  values: { scopeKey: string; clientId: string | null; mode: string; userId: string; at: string },
  audit: { action: 'bot-switch.global' | 'bot-switch.line'; targetType: string },
): Promise<void> {
  await database.transaction().execute(async (transaction) => {
    const previous = await transaction
      .selectFrom('bot_switches')
      .select('mode')
      .where('scope_key', '=', values.scopeKey)
      .executeTakeFirst();
    await transaction
      .insertInto('bot_switches')
      .values({
        scope_key: values.scopeKey,
        client_id: values.clientId,
        mode: values.mode,
        changed_by: values.userId,
        changed_at: values.at,
      })
      .onConflict((conflict) =>
        conflict.column('scope_key').doUpdateSet({
          mode: values.mode,
          changed_by: values.userId,
          changed_at: values.at,
        }),
      )
      .execute();
    await appendAudit(transaction, {
      at: values.at,
      actorUserId: values.userId,
      action: audit.action,
      clientId: values.clientId,
      targetType: audit.targetType,
      targetId: values.scopeKey,
      details: { mode: values.mode, previousMode: previous?.mode ?? null },
    });
  });
}

export async function setGlobalBotMode(
  database: Kysely<PortalDatabase>,
  mode: GlobalBotMode,
  userId: string,
  at: string,
): Promise<void> {
  await upsertSwitch(
    database,
    { scopeKey: GLOBAL_KEY, clientId: null, mode, userId, at },
    { action: 'bot-switch.global', targetType: 'bot-switch' },
  );
}

export async function setLineBotMode(
  database: Kysely<PortalDatabase>,
  line: { line: string; clientId: string },
  mode: LineBotMode,
  userId: string,
  at: string,
): Promise<void> {
  await upsertSwitch(
    database,
    { scopeKey: line.line, clientId: line.clientId, mode, userId, at },
    { action: 'bot-switch.line', targetType: 'line' },
  );
}
