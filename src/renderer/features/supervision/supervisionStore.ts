/**
 * The supervisor board as this desk sees it, normalised so one event touches one record: lines,
 * live calls and agents by ID, per-line live counts kept up to date per event, alerts by key.
 * The portal's board snapshot (start, every few seconds, after an acknowledgement) brings the
 * day figures and reconciles everything; events in between move calls and agents at once.
 */
import type { BoardEvent } from '../../../shared/contract/services/supervisionService';
import type {
  BoardAgent,
  BoardAlert,
  BoardLine,
  LiveCall,
  SupervisionBoard,
} from '../../../shared/portalWire/supervisionSchemas';
import type { EscalationUrgency } from '../../../shared/portalWire/hybridSchemas';
import { createAppStore, type AppStore } from '../../app/state/appStore';

/** A live call on the board; `waitingSince` once escalated. */
export interface BoardCall extends LiveCall {
  readonly waitingSince: string | null;
  readonly urgency: EscalationUrgency | null;
}

export interface LineCounts {
  readonly withBot: number;
  readonly waiting: number;
  readonly withAgents: number;
}

const NO_COUNTS: LineCounts = { withBot: 0, waiting: 0, withAgents: 0 };
const COUNT_KEY = {
  'with-bot': 'withBot',
  waiting: 'waiting',
  'with-agent': 'withAgents',
} as const;

export interface SupervisionState {
  at: string | null;
  day: string | null;
  lineOrder: string[];
  lines: Record<string, BoardLine>;
  lineCounts: Record<string, LineCounts>;
  calls: Record<string, BoardCall>;
  agentOrder: string[];
  agents: Record<string, BoardAgent>;
  alerts: Record<string, BoardAlert>;
  alertOrder: string[];
  receiveBoard(board: SupervisionBoard): void;
  receiveEvent(event: BoardEvent): void;
  markAcknowledged(alertKey: string, userId: string): void;
}

export type SupervisionStore = AppStore<SupervisionState>;

function countCalls(calls: Record<string, BoardCall>): Record<string, LineCounts> {
  const counts: Record<string, { withBot: number; waiting: number; withAgents: number }> = {};
  for (const call of Object.values(calls)) {
    const entry = (counts[call.line] ??= { ...NO_COUNTS });
    entry[COUNT_KEY[call.phase]] += 1;
  }
  return counts;
}

function adjust(
  counts: Record<string, LineCounts>,
  line: string,
  phase: LiveCall['phase'],
  delta: number,
): Record<string, LineCounts> {
  const current = counts[line] ?? NO_COUNTS;
  const key = COUNT_KEY[phase];
  return { ...counts, [line]: { ...current, [key]: Math.max(0, current[key] + delta) } };
}

type BotCallEvent = Extract<BoardEvent, { type: 'bot-call.updated' }>;

/** Where a bot call stands for the board (the portal's queue states, seen through events). */
export function phaseOf(event: Pick<BotCallEvent, 'state' | 'acceptedBy'>): LiveCall['phase'] {
  if (event.acceptedBy || event.state === 'handed-over') return 'with-agent';
  if (event.state === 'waiting-for-agent') return 'waiting';
  return 'with-bot';
}

export function createSupervisionStore(): SupervisionStore {
  return createAppStore<SupervisionState>((set) => ({
    at: null,
    day: null,
    lineOrder: [],
    lines: {},
    lineCounts: {},
    calls: {},
    agentOrder: [],
    agents: {},
    alerts: {},
    alertOrder: [],
    receiveBoard: (board) => {
      const waiting = new Map(board.waitingCalls.map((call) => [call.callId, call]));
      const calls: Record<string, BoardCall> = {};
      for (const call of board.liveCalls) {
        const entry = waiting.get(call.callId);
        calls[call.callId] = {
          ...call,
          waitingSince: entry?.waitingSince ?? null,
          urgency: entry?.urgency ?? null,
        };
      }
      set({
        at: board.at,
        day: board.day,
        lineOrder: board.lines.map((line) => line.line),
        lines: Object.fromEntries(board.lines.map((line) => [line.line, line])),
        lineCounts: countCalls(calls),
        calls,
        agentOrder: board.agents.map((agent) => agent.userId),
        agents: Object.fromEntries(board.agents.map((agent) => [agent.userId, agent])),
        alerts: Object.fromEntries(board.alerts.map((alert) => [alert.key, alert])),
        alertOrder: board.alerts.map((alert) => alert.key),
      });
    },
    receiveEvent: (event) =>
      set((state) => {
        if (event.type === 'presence.changed') {
          const agent = state.agents[event.userId];
          if (!agent) return {};
          return {
            agents: {
              ...state.agents,
              [event.userId]: {
                ...agent,
                state: event.state,
                reason: event.reason ?? null,
                stateSince: event.at,
              },
            },
          };
        }
        if (event.type !== 'bot-call.updated' || !state.lines[event.line]) return {};
        const previous = state.calls[event.callId];
        let counts = previous
          ? adjust(state.lineCounts, previous.line, previous.phase, -1)
          : state.lineCounts;
        if (event.state === 'ended') {
          if (!previous) return {};
          const { [event.callId]: _gone, ...calls } = state.calls;
          return { calls, lineCounts: counts };
        }
        const phase = phaseOf(event);
        const call: BoardCall = {
          callId: event.callId,
          clientId: event.clientId,
          line: event.line,
          phase,
          startedAt: event.startedAt ?? previous?.startedAt ?? event.at,
          agentUserId: event.acceptedBy ?? null,
          waitingSince: event.escalation?.requestedAt ?? previous?.waitingSince ?? null,
          urgency: event.escalation?.urgency ?? previous?.urgency ?? null,
        };
        counts = adjust(counts, call.line, phase, 1);
        return { calls: { ...state.calls, [call.callId]: call }, lineCounts: counts };
      }),
    markAcknowledged: (alertKey, userId) =>
      set((state) => {
        const alert = state.alerts[alertKey];
        if (!alert) return {};
        return { alerts: { ...state.alerts, [alertKey]: { ...alert, acknowledgedBy: userId } } };
      }),
  }));
}

/** Waiting calls, longest first (emergency shown by its urgency, not reordered). */
export function waitingCalls(calls: Record<string, BoardCall>): BoardCall[] {
  return Object.values(calls)
    .filter((call) => call.phase === 'waiting' && call.waitingSince)
    .sort((left, right) => (left.waitingSince ?? '').localeCompare(right.waitingSince ?? ''));
}

/** The callers waiting on one client line, longest first. */
export interface WaitingLine {
  readonly line: string;
  readonly clientId: string;
  readonly calls: readonly BoardCall[];
}

/**
 * Waiting calls grouped per client line, longest first within a line; the line whose caller has
 * waited longest comes first (where a supervisor must act first).
 */
export function waitingCallsByLine(calls: Record<string, BoardCall>): WaitingLine[] {
  const lines = new Map<string, BoardCall[]>();
  for (const call of waitingCalls(calls)) {
    const group = lines.get(call.line);
    if (group) group.push(call);
    else lines.set(call.line, [call]);
  }
  // Map keeps insertion order: each line enters with its longest-waiting call.
  return [...lines].map(([line, group]) => ({ line, clientId: group[0]!.clientId, calls: group }));
}

/** The counts of a line (zeros when it has no live call). */
export function countsOf(state: Pick<SupervisionState, 'lineCounts'>, line: string): LineCounts {
  return state.lineCounts[line] ?? NO_COUNTS;
}
