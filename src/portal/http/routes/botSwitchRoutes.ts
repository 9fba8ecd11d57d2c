/**
 * The shift lead's bot switch (issue 10): global and per-line modes with reason and auto-revert,
 * a bot schedule per client, and the switch's audit trail. Every change is audited and announced
 * (`bot-switch.changed`); routing reads the stored state for every call, so a change counts
 * from the very next call.
 */
import { z } from 'zod';
import { ALL_ROLES, WATCHER_ROLES } from '../../auth/authenticatedUser';
import { readBotSwitches, setGlobalBotMode, setLineBotMode } from '../../domain/botSwitchStore';
import { listAudit } from '../../domain/auditLog';
import { publishBotSwitchChanged } from '../../botSwitch/botSwitchEvents';
import { applyDueReverts } from '../../botSwitch/botSwitchReverts';
import { readBotSchedule, saveBotSchedule } from '../../botSwitch/botScheduleStore';
import { listAvailableAgents } from '../../hybrid/agentStates';
import {
  ClientIdParametersSchema,
  ErrorResponseSchema,
} from '../../../shared/portalWire/commonSchemas';
import {
  BotScheduleStateSchema,
  SetBotScheduleRequestSchema,
} from '../../../shared/portalWire/botScheduleSchemas';
import {
  AuditEntrySchema,
  BotSwitchStateSchema,
  LineParametersSchema,
  SetGlobalBotRequestSchema,
  SetLineBotRequestSchema,
} from '../../../shared/portalWire/operationsSchemas';
import type { PortalContext } from '../../portalContext';
import { nowIso } from '../../portalContext';
import { defineRoute } from '../routeDefinition';
import { notFound } from '../httpError';
import { getClient } from '../../domain/clientStore';
import { findVisibleClientIdByLine, NO_STORE, requireClient, scopeOf } from '../routeHelpers';

const SWITCH_ROLES = ['shift-lead', 'admin'] as const;

function revertAtOf(context: PortalContext, minutes: number | undefined): string | null {
  return minutes === undefined ? null : new Date(context.now() + minutes * 60_000).toISOString();
}

async function currentState(context: PortalContext, clientIds: string[] | undefined) {
  await applyDueReverts(context);
  const state = await readBotSwitches(context.database, clientIds, new Date(context.now()));
  const available = new Map<string, number>();
  for (const clientId of new Set(state.lines.map((line) => line.clientId)))
    available.set(clientId, (await listAvailableAgents(context.database, clientId)).length);
  return {
    ...state,
    lines: state.lines.map((line) => ({
      ...line,
      availableAgents: available.get(line.clientId) ?? 0,
    })),
  };
}

export const getBotSwitchRoute = defineRoute({
  method: 'GET',
  url: '/bot-switch',
  summary: 'Global bot mode and the mode and effect of every line the caller may see',
  tag: 'bot-switch',
  roles: ALL_ROLES,
  responses: { 200: BotSwitchStateSchema },
  async handler({ user, context }) {
    return { status: 200, body: await currentState(context, scopeOf(user)), headers: NO_STORE };
  },
});

export const setGlobalBotRoute = defineRoute({
  method: 'PUT',
  url: '/bot-switch/global',
  summary: 'Switch the bot on or off globally, with a reason and an optional auto-revert (audited)',
  tag: 'bot-switch',
  roles: SWITCH_ROLES,
  body: SetGlobalBotRequestSchema,
  responses: { 200: BotSwitchStateSchema },
  async handler({ body, user, context }) {
    const at = nowIso(context);
    await setGlobalBotMode(context.database, body.mode, user.id, at, {
      reason: body.reason ?? null,
      revertAt: revertAtOf(context, body.revertAfterMinutes),
    });
    publishBotSwitchChanged(context, {
      at,
      scope: 'global',
      line: null,
      clientId: null,
      mode: body.mode,
      changedBy: user.id,
    });
    return { status: 200, body: await currentState(context, scopeOf(user)) };
  },
});

export const setLineBotRoute = defineRoute({
  method: 'PUT',
  url: '/bot-switch/lines/:line',
  summary:
    'Set the bot mode of one line: on, off or inherit, with a reason and an optional auto-revert (audited)',
  tag: 'bot-switch',
  roles: SWITCH_ROLES,
  params: LineParametersSchema,
  body: SetLineBotRequestSchema,
  responses: { 200: BotSwitchStateSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, body, user, context }) {
    const clientId = await findVisibleClientIdByLine(context, user, params.line);
    const at = nowIso(context);
    await setLineBotMode(
      context.database,
      { line: params.line, clientId },
      body.mode,
      user.id,
      at,
      {
        reason: body.reason ?? null,
        revertAt: revertAtOf(context, body.revertAfterMinutes),
      },
    );
    publishBotSwitchChanged(context, {
      at,
      scope: 'line',
      line: params.line,
      clientId,
      mode: body.mode,
      changedBy: user.id,
    });
    return { status: 200, body: await currentState(context, scopeOf(user)) };
  },
});

export const getBotScheduleRoute = defineRoute({
  method: 'GET',
  url: '/bot-switch/schedules/:clientId',
  summary: "A client's bot schedule (weekly windows, holidays, exceptions; Europe/Berlin)",
  tag: 'bot-switch',
  roles: WATCHER_ROLES,
  params: ClientIdParametersSchema,
  responses: { 200: BotScheduleStateSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    requireClient(user, params.clientId);
    if (!(await getClient(context.database, params.clientId))) throw notFound('Client');
    return {
      status: 200,
      body: await readBotSchedule(context.database, params.clientId),
      headers: NO_STORE,
    };
  },
});

export const setBotScheduleRoute = defineRoute({
  method: 'PUT',
  url: '/bot-switch/schedules/:clientId',
  summary:
    "Set (or with null remove) a client's bot schedule; overlapping windows, impossible or skipped times answer 400 (audited)",
  tag: 'bot-switch',
  roles: SWITCH_ROLES,
  params: ClientIdParametersSchema,
  body: SetBotScheduleRequestSchema,
  responses: { 200: BotScheduleStateSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, body, user, context }) {
    requireClient(user, params.clientId);
    if (!(await getClient(context.database, params.clientId))) throw notFound('Client');
    const at = nowIso(context);
    await saveBotSchedule(context.database, {
      clientId: params.clientId,
      schedule: body.schedule,
      userId: user.id,
      at,
      reason: body.reason ?? null,
    });
    publishBotSwitchChanged(context, {
      at,
      scope: 'schedule',
      line: null,
      clientId: params.clientId,
      mode: 'inherit',
      changedBy: user.id,
    });
    return { status: 200, body: await readBotSchedule(context.database, params.clientId) };
  },
});

export const botSwitchAuditRoute = defineRoute({
  method: 'GET',
  url: '/bot-switch/audit',
  summary: 'The bot switch audit trail (who, when, from → to, why), newest first',
  tag: 'bot-switch',
  roles: WATCHER_ROLES,
  responses: { 200: z.array(AuditEntrySchema) },
  async handler({ user, context }) {
    return {
      status: 200,
      body: await listAudit(context.database, {
        ...(scopeOf(user) ? { clientIds: scopeOf(user) } : {}),
        actions: ['bot-switch.global', 'bot-switch.line', 'bot-switch.schedule'],
        limit: 200,
      }),
      headers: NO_STORE,
    };
  },
});

export const BOT_SWITCH_ROUTES = [
  getBotSwitchRoute,
  setGlobalBotRoute,
  setLineBotRoute,
  getBotScheduleRoute,
  setBotScheduleRoute,
  botSwitchAuditRoute,
];
