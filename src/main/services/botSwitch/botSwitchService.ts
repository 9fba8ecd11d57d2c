/**
 * The bot switch service (contract: `botSwitchService`) over the portal connection the portal
 * service keeps. Answers are validated against the portal's wire schemas; failures become
 * ServiceErrors with abstract messages (a portal message could echo personal data).
 */
import { z } from 'zod';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { botSwitchService } from '../../../shared/contract/services/botSwitchService';
import {
  AuditEntrySchema,
  BotSwitchStateSchema,
} from '../../../shared/portalWire/operationsSchemas';
import { BotScheduleStateSchema } from '../../../shared/portalWire/botScheduleSchemas';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import { ServiceError } from '../../../shared/rpc/result';
import type { PortalAuth } from '../portal/portalAuth';
import type { PortalResponse } from '../portal/portalHttpClient';
import { send, unexpected } from '../portal/portalApi';

type BotSwitchDefinition = typeof botSwitchService;

export interface BotSwitchServiceOptions {
  /** The current portal session (throws a ServiceError while there is none). */
  readonly auth: () => Promise<PortalAuth>;
}

function parse<T>(schema: z.ZodType<T>, response: PortalResponse): T {
  if (response.status === 400) throw scheduleRefused(response);
  if (response.status === 403) throw new ServiceError('forbidden', 'Not allowed to switch the bot');
  if (response.status === 404) throw new ServiceError('not-found', 'Unknown line');
  if (response.status !== 200) throw unexpected(response);
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new ServiceError('internal', 'The portal answered with invalid data');
  return parsed.data;
}

/**
 * A refused schedule keeps the portal's reasons: they name weekdays, times and dates only (see
 * `botScheduleProblems`), so the shift lead can see which window is wrong.
 */
function scheduleRefused(response: PortalResponse): ServiceError {
  const parsed = ErrorResponseSchema.safeParse(response.body);
  const fieldErrors = parsed.success ? (parsed.data.error.fieldErrors ?? []).slice(0, 50) : [];
  return new ServiceError('validation', 'The portal refused the data', fieldErrors);
}

export function createBotSwitchService(
  options: BotSwitchServiceOptions,
): ServiceImplementation<BotSwitchDefinition> {
  const request = async (method: 'GET' | 'PUT', path: string, body?: unknown) =>
    send(await options.auth(), { method, path, ...(body === undefined ? {} : { body }) });
  return {
    events: new ServiceEvents<BotSwitchDefinition>(),
    methods: {
      getState: async () => parse(BotSwitchStateSchema, await request('GET', '/bot-switch')),
      setGlobal: async (mode, change) =>
        parse(
          BotSwitchStateSchema,
          await request('PUT', '/bot-switch/global', { mode, ...change }),
        ),
      setLine: async (line, mode, change) =>
        parse(
          BotSwitchStateSchema,
          await request('PUT', `/bot-switch/lines/${encodeURIComponent(line)}`, {
            mode,
            ...change,
          }),
        ),
      getSchedule: async (clientId) =>
        parse(
          BotScheduleStateSchema,
          await request('GET', `/bot-switch/schedules/${encodeURIComponent(clientId)}`),
        ),
      setSchedule: async (clientId, change) =>
        parse(
          BotScheduleStateSchema,
          await request('PUT', `/bot-switch/schedules/${encodeURIComponent(clientId)}`, change),
        ),
      listAudit: async () =>
        parse(z.array(AuditEntrySchema).max(200), await request('GET', '/bot-switch/audit')),
    },
  };
}
