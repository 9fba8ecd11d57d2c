/**
 * Where a call goes (`POST /routing/decisions`, docs/hybrid.md "Routing API"). Inputs: the
 * global and per-line bot switch with its auto-revert and the client's bot schedule
 * (src/portal/domain/botSwitchStore.ts), the client's opening hours and holidays (Europe/Berlin), and
 * which of the client's agents are available. A handover token routes to exactly the agent who
 * accepted. Every answer also carries the decision as an rtjson route list for the proxy.
 */
import { randomUUID } from 'node:crypto';
import type { PortalContext } from '../portalContext';
import { nowIso } from '../portalContext';
import { applyDueReverts } from '../botSwitch/botSwitchReverts';
import { readBotSwitches } from '../domain/botSwitchStore';
import { findClientIdByLine, getClient } from '../domain/clientStore';
import type { ClientProfile } from '../../shared/domain/clientProfile';
import { CLIENT_TIME_ZONE, openingState } from '../../shared/domain/openingHours';
import type {
  RoutingDecision,
  RoutingDecisionRequest,
} from '../../shared/portalWire/hybridSchemas';
import { listAvailableAgents, sipUserOf } from './agentStates';
import { createBotCall } from './botCallStore';

/** Whether the client is open at `instant`: opening hours, and not on one of its holidays. */
export function isClientOpen(profile: ClientProfile, instant: Date): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: CLIENT_TIME_ZONE }).format(instant);
  if (profile.holidays?.includes(day)) return false;
  return openingState(profile.openingHours, instant).open;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}

function botDecision(callId: string, botUri: string, target: 'bot' | 'queue'): RoutingDecision {
  const mode = target === 'bot' ? 'answer' : 'hold';
  return {
    target,
    callId,
    botUri,
    version: '1.0',
    routing: 'serial',
    routes: [
      {
        uri: botUri,
        headers: {
          extra: headerLines({ 'X-Empfang-Call-Id': callId, 'X-Empfang-Bot-Mode': mode }),
        },
      },
    ],
  };
}

function agentsDecision(
  context: PortalContext,
  callId: string,
  agents: string[],
  strategy: 'parallel' | 'longest-idle',
  handoverToken: string | null,
): RoutingDecision {
  const ringTimeoutSeconds = context.hybrid.ringTimeoutSeconds;
  const extra = headerLines({
    'X-Empfang-Call-Id': callId,
    ...(handoverToken ? { 'X-Empfang-Handover': handoverToken } : {}),
  });
  return {
    target: 'agents',
    callId,
    agents,
    strategy,
    ringTimeoutSeconds,
    handoverToken,
    version: '1.0',
    routing: strategy === 'parallel' ? 'parallel' : 'serial',
    routes: agents.map((agent) => ({
      uri: `sip:${agent}@${context.hybrid.sipDomain}`,
      headers: { extra },
      fr_inv_timer: ringTimeoutSeconds * 1000,
    })),
  };
}

function rejectDecision(callId: string, status: number, reason: string): RoutingDecision {
  return {
    target: 'reject',
    callId,
    status,
    reason,
    version: '1.0',
    routing: 'serial',
    routes: [],
  };
}

async function handoverDecision(
  context: PortalContext,
  handoverToken: string,
): Promise<RoutingDecision> {
  const row = await context.database
    .selectFrom('bot_calls')
    .select(['call_id', 'accepted_by', 'connect_by', 'queue_state'])
    .where('handover_token', '=', handoverToken)
    .executeTakeFirst();
  const live =
    row &&
    row.queue_state === 'accepted' &&
    row.accepted_by &&
    (row.connect_by ?? '') > nowIso(context);
  if (!row || !live || !row.accepted_by)
    return rejectDecision(randomUUID(), 404, 'unknown-handover');
  const sipUser = await sipUserOf(context.database, row.accepted_by);
  if (!sipUser) return rejectDecision(row.call_id, 404, 'agent-without-sip-user');
  return agentsDecision(context, row.call_id, [sipUser], 'parallel', handoverToken);
}

/** Decides one call; creates the bot call for `bot` and `queue` answers. */
export async function decideRoute(
  context: PortalContext,
  request: RoutingDecisionRequest,
): Promise<RoutingDecision> {
  if (request.handoverToken) return handoverDecision(context, request.handoverToken);
  const callId = randomUUID();
  const fallback = [...context.hybrid.fallbackSipUsers];
  if (!request.line) return rejectDecision(callId, 400, 'no-line');
  const clientId = await findClientIdByLine(context.database, request.line);
  const profile = clientId ? await getClient(context.database, clientId) : undefined;
  if (!clientId || !profile) {
    return fallback.length > 0
      ? agentsDecision(context, callId, fallback, 'parallel', null)
      : rejectDecision(callId, 404, 'unknown-line');
  }
  const botUri = context.hybrid.botUri;
  const toBot = async (target: 'bot' | 'queue') => {
    await createBotCall(context.database, {
      callId,
      clientId,
      line: request.line ?? '',
      sipCallId: request.sipCallId,
      botId: null,
      at: nowIso(context),
    });
    if (target === 'queue')
      await context.offers.escalate(callId, { reason: 'no-agent-available', urgency: 'normal' });
    else await context.offers.publishCall(callId);
    return botDecision(callId, botUri ?? '', target);
  };
  // A switch whose auto-revert is due counts as reverted from this very call on.
  await applyDueReverts(context);
  const switches = await readBotSwitches(context.database, [clientId], new Date(context.now()));
  const lineSwitch = switches.lines.find((line) => line.line === request.line);
  const botOn = lineSwitch?.botAnswers ?? switches.global.mode === 'on';
  const open = isClientOpen(profile, new Date(context.now()));
  // Closed: the bot takes a message when there is one; agents otherwise (as the lab always did).
  if (botUri && (botOn || !open)) return toBot('bot');
  const available = await listAvailableAgents(context.database, clientId);
  if (available.length > 0) {
    const agents = available.map((agent) => agent.sipUser);
    return agentsDecision(context, callId, agents, 'longest-idle', null);
  }
  if (botUri) return toBot('queue');
  return fallback.length > 0
    ? agentsDecision(context, callId, fallback, 'parallel', null)
    : rejectDecision(callId, 480, 'nobody-available');
}
