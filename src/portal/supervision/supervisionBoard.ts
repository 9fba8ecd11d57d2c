/**
 * The supervisor board from the portal's own records: lines of the viewer's clients with their
 * live counts and today's figures, the waiting calls (longest first), live calls, the agents
 * and the threshold alerts. One read of each table, then pure functions (lineFigures.ts,
 * agentFigures.ts, boardAlerts.ts), so the day report computes the same numbers.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import { readBotSwitches } from '../domain/botSwitchStore';
import { localDayOf, startOfLocalDay } from '../../shared/domain/zonedDays';
import { CLIENT_TIME_ZONE } from '../../shared/domain/openingHours';
import type { AgentState, EscalationUrgency } from '../../shared/portalWire/hybridSchemas';
import type {
  BoardAgent,
  BoardLine,
  LiveCall,
  SupervisionBoard,
  WaitingCall,
} from '../../shared/portalWire/supervisionSchemas';
import { agentDayFigures } from './agentFigures';
import { boardAlerts } from './boardAlerts';
import { figuresByLine, type BotCallRecord } from './lineFigures';
import { readTargets } from './serviceLevelTargets';

type Database = Kysely<PortalDatabase>;
const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

/** Bot calls that may count today: started since yesterday's start, or still live. */
export async function readDayRecords(
  database: Database,
  clientIds: readonly string[],
  day: string,
): Promise<
  (BotCallRecord & {
    queueState: string;
    state: string;
    urgency: string | null;
    offeredTo: string | null;
    acceptedBy: string | null;
  })[]
> {
  if (clientIds.length === 0) return [];
  const since = new Date(startOfLocalDay(day, CLIENT_TIME_ZONE) - DAY_MILLISECONDS).toISOString();
  const rows = await database
    .selectFrom('bot_calls')
    .selectAll()
    .where('client_id', 'in', [...clientIds])
    .where((builder) =>
      builder.or([builder('started_at', '>=', since), builder('state', '!=', 'ended')]),
    )
    .execute();
  return rows.map((row) => ({
    callId: row.call_id,
    clientId: row.client_id,
    line: row.line,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    escalatedAt: row.escalated_at,
    acceptedAt: row.accepted_at ?? null,
    escalationReason: row.escalation_reason,
    queueState: row.queue_state,
    state: row.state,
    urgency: row.escalation_urgency,
    offeredTo: row.offered_to,
    acceptedBy: row.accepted_by,
  }));
}

async function readAgents(
  database: Database,
  clientIds: readonly string[],
  day: string,
): Promise<BoardAgent[]> {
  if (clientIds.length === 0) return [];
  const assignments = await database
    .selectFrom('user_client_assignments')
    .innerJoin('users', 'users.id', 'user_client_assignments.user_id')
    .leftJoin('presence', 'presence.user_id', 'users.id')
    .select([
      'users.id as userId',
      'users.display_name as displayName',
      'user_client_assignments.client_id as clientId',
      'presence.state as state',
      'presence.reason as reason',
      'presence.updated_at as updatedAt',
    ])
    .where('users.role', '=', 'agent')
    .where('users.disabled', '=', 0)
    .where('user_client_assignments.client_id', 'in', [...clientIds])
    .orderBy('users.display_name')
    .execute();
  const since = new Date(startOfLocalDay(day, CLIENT_TIME_ZONE) - DAY_MILLISECONDS).toISOString();
  const agentIds = [...new Set(assignments.map((row) => row.userId))];
  const calls =
    agentIds.length === 0
      ? []
      : await database
          .selectFrom('calls')
          .select(['agent_id', 'answer_at', 'end_at', 'wrap_up_seconds'])
          .where('agent_id', 'in', agentIds)
          .where('ring_at', '>=', since)
          .execute();
  const figures = agentDayFigures(
    calls.map((call) => ({
      agentId: call.agent_id,
      answerAt: call.answer_at,
      endAt: call.end_at,
      wrapUpSeconds: Number(call.wrap_up_seconds),
    })),
    day,
    CLIENT_TIME_ZONE,
  );
  const agents = new Map<string, BoardAgent>();
  for (const row of assignments) {
    const known = agents.get(row.userId);
    if (known) {
      known.clientIds.push(row.clientId);
      continue;
    }
    const figure = figures.get(row.userId);
    agents.set(row.userId, {
      userId: row.userId,
      displayName: row.displayName,
      clientIds: [row.clientId],
      state: (row.state ?? 'offline') as AgentState,
      reason: row.reason ?? null,
      stateSince: row.updatedAt ?? null,
      callsToday: figure?.callsToday ?? 0,
      averageHandlingSeconds: figure?.averageHandlingSeconds ?? null,
      averageWrapUpSeconds: figure?.averageWrapUpSeconds ?? null,
    });
  }
  return [...agents.values()];
}

const phaseOf = (queueState: string): LiveCall['phase'] =>
  queueState === 'waiting' || queueState === 'offered'
    ? 'waiting'
    : queueState === 'accepted' || queueState === 'connected'
      ? 'with-agent'
      : 'with-bot';

/** The whole board for the given clients at `now`. */
export async function buildSupervisionBoard(
  database: Database,
  clientIds: readonly string[],
  now: number,
): Promise<SupervisionBoard> {
  const day = localDayOf(now, CLIENT_TIME_ZONE);
  const [switches, records, agents, targets, acknowledgements] = await Promise.all([
    readBotSwitches(database, clientIds),
    readDayRecords(database, clientIds, day),
    readAgents(database, clientIds, day),
    readTargets(database, clientIds),
    readAcknowledgements(database, clientIds),
  ]);
  const figures = figuresByLine(switches.lines, records, (clientId) => ({
    day,
    timeZone: CLIENT_TIME_ZONE,
    now,
    thresholdSeconds: targets.get(clientId)!.thresholdSeconds,
  }));
  const live = records.filter((record) => record.state !== 'ended');
  const liveCalls: LiveCall[] = live.map((record) => ({
    callId: record.callId,
    clientId: record.clientId,
    line: record.line,
    phase: phaseOf(record.queueState),
    startedAt: record.startedAt,
    agentUserId: record.acceptedBy,
  }));
  const waitingCalls: WaitingCall[] = live
    .filter((record) => phaseOf(record.queueState) === 'waiting' && record.escalatedAt)
    .map((record) => ({
      callId: record.callId,
      clientId: record.clientId,
      line: record.line,
      urgency: (record.urgency ?? 'normal') as EscalationUrgency,
      waitingSince: record.escalatedAt ?? record.startedAt,
      offeredTo: record.offeredTo,
    }))
    .sort((left, right) => left.waitingSince.localeCompare(right.waitingSince));
  const lines: BoardLine[] = switches.lines.map((line) => {
    const onLine = liveCalls.filter((call) => call.line === line.line);
    return {
      line: line.line,
      clientId: line.clientId,
      botAnswers: line.botAnswers,
      withBot: onLine.filter((call) => call.phase === 'with-bot').length,
      waiting: onLine.filter((call) => call.phase === 'waiting').length,
      withAgents: onLine.filter((call) => call.phase === 'with-agent').length,
      availableAgents: agents.filter(
        (agent) => agent.state === 'available' && agent.clientIds.includes(line.clientId),
      ).length,
      target: targets.get(line.clientId)!,
      today: figures.get(line.line)!,
    };
  });
  return {
    at: new Date(now).toISOString(),
    day,
    lines,
    waitingCalls,
    liveCalls,
    agents,
    alerts: boardAlerts({ day, now, lines, waitingCalls, acknowledgements }),
  };
}

/** Acknowledged alert keys of the given clients → who acknowledged. */
export async function readAcknowledgements(
  database: Database,
  clientIds: readonly string[],
): Promise<Map<string, string>> {
  if (clientIds.length === 0) return new Map();
  const rows = await database
    .selectFrom('alert_acknowledgements')
    .select(['alert_key', 'acknowledged_by'])
    .where('client_id', 'in', [...clientIds])
    .execute();
  return new Map(rows.map((row) => [row.alert_key, row.acknowledged_by]));
}
