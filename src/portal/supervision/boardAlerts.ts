/**
 * Threshold alerts of the board, as a pure function of its data. Each alert has a stable key, so
 * an acknowledgement sticks to it: `long-wait:<callId>` (a caller waiting longer than 60 s),
 * `service-level:<line>:<day>` (below the client's target today), `no-agent:<line>:<day>` (the
 * bot does not answer the line and no agent of its client is available).
 */
import type {
  BoardAlert,
  BoardLine,
  WaitingCall,
} from '../../shared/portalWire/supervisionSchemas';

/** A caller waiting longer than this raises an alert. */
export const LONG_WAIT_SECONDS = 60;

export function boardAlerts(input: {
  readonly day: string;
  readonly now: number;
  readonly lines: readonly BoardLine[];
  readonly waitingCalls: readonly WaitingCall[];
  readonly acknowledgements: ReadonlyMap<string, string>;
}): BoardAlert[] {
  const alerts: Omit<BoardAlert, 'acknowledgedBy'>[] = [];
  const at = new Date(input.now).toISOString();
  for (const call of input.waitingCalls) {
    if (input.now - Date.parse(call.waitingSince) > LONG_WAIT_SECONDS * 1000)
      alerts.push({
        key: `long-wait:${call.callId}`,
        kind: 'long-wait',
        clientId: call.clientId,
        line: call.line,
        callId: call.callId,
        since: call.waitingSince,
      });
  }
  for (const line of input.lines) {
    const level = line.today.serviceLevelPercent;
    if (level !== null && level < line.target.targetPercent)
      alerts.push({
        key: `service-level:${line.line}:${input.day}`,
        kind: 'service-level',
        clientId: line.clientId,
        line: line.line,
        callId: null,
        since: at,
      });
    if (!line.botAnswers && line.availableAgents === 0)
      alerts.push({
        key: `no-agent:${line.line}:${input.day}`,
        kind: 'no-agent',
        clientId: line.clientId,
        line: line.line,
        callId: null,
        since: at,
      });
  }
  return alerts.map((alert) => ({
    ...alert,
    acknowledgedBy: input.acknowledgements.get(alert.key) ?? null,
  }));
}
