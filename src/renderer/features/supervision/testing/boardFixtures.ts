/** Synthetic boards for the store, component tests and the benchmark (no personal data). */
import type {
  BoardAgent,
  BoardLine,
  SupervisionBoard,
} from '../../../../shared/portalWire/supervisionSchemas';

export const BOARD_AT = '2025-06-10T10:00:00.000Z';

export const lineNumber = (index: number) => `+49301${String(index).padStart(6, '0')}`;

export function boardLine(index: number): BoardLine {
  const line = lineNumber(index);
  const clientId = `client-${index}`;
  return {
    line,
    clientId,
    botAnswers: true,
    withBot: 0,
    waiting: 0,
    withAgents: 0,
    availableAgents: 1,
    target: { thresholdSeconds: 20, targetPercent: 80 },
    today: {
      line,
      clientId,
      botCalls: 10,
      offered: 4,
      answered: 3,
      answeredWithinThreshold: 3,
      abandoned: 1,
      serviceLevelPercent: 75,
      longestWaitSeconds: 42,
      containedCalls: 6,
      containmentPercent: 60,
      escalationPercent: 40,
      topReasons: [{ reason: 'caller-asked-for-human', count: 3 }],
    },
  };
}

export function boardAgent(index: number): BoardAgent {
  return {
    userId: `agent-${index}`,
    displayName: `Agent ${index}`,
    clientIds: ['client-0'],
    state: 'available',
    reason: null,
    stateSince: BOARD_AT,
    callsToday: 3,
    averageHandlingSeconds: 180,
    averageWrapUpSeconds: 40,
  };
}

/** A board of `lines` lines, `calls` live calls spread over them, `agents` agents. */
export function syntheticBoard(lines: number, calls: number, agents: number): SupervisionBoard {
  return {
    at: BOARD_AT,
    day: '2025-06-10',
    lines: Array.from({ length: lines }, (_, index) => boardLine(index)),
    liveCalls: Array.from({ length: calls }, (_, index) => ({
      callId: `call-${index}`,
      clientId: `client-${index % lines}`,
      line: lineNumber(index % lines),
      phase: 'with-bot' as const,
      startedAt: BOARD_AT,
      agentUserId: null,
    })),
    waitingCalls: [],
    agents: Array.from({ length: agents }, (_, index) => boardAgent(index)),
    alerts: [],
  };
}
