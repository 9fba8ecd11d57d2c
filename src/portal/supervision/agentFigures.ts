/**
 * An agent's day from the call log (the `calls` table the desks write): calls answered today,
 * average handling time (answer to end) and average wrap-up time.
 */
import { localDayOf } from '../../shared/domain/zonedDays';

export interface AgentCallRecord {
  readonly agentId: string | null;
  readonly answerAt: string | null;
  readonly endAt: string | null;
  readonly wrapUpSeconds: number;
}

export interface AgentDayFigures {
  callsToday: number;
  averageHandlingSeconds: number | null;
  averageWrapUpSeconds: number | null;
}

/** Figures per agent ID over calls answered on the local `day`. */
export function agentDayFigures(
  records: readonly AgentCallRecord[],
  day: string,
  timeZone: string,
): Map<string, AgentDayFigures> {
  const sums = new Map<
    string,
    { calls: number; handled: number; handling: number; wrap: number }
  >();
  for (const record of records) {
    if (!record.agentId || !record.answerAt) continue;
    if (localDayOf(Date.parse(record.answerAt), timeZone) !== day) continue;
    const sum = sums.get(record.agentId) ?? { calls: 0, handled: 0, handling: 0, wrap: 0 };
    sum.calls += 1;
    sum.wrap += record.wrapUpSeconds;
    if (record.endAt) {
      sum.handled += 1;
      sum.handling += Math.max(0, (Date.parse(record.endAt) - Date.parse(record.answerAt)) / 1000);
    }
    sums.set(record.agentId, sum);
  }
  return new Map(
    [...sums].map(([agentId, sum]) => [
      agentId,
      {
        callsToday: sum.calls,
        averageHandlingSeconds: sum.handled === 0 ? null : Math.round(sum.handling / sum.handled),
        averageWrapUpSeconds: Math.round(sum.wrap / sum.calls),
      },
    ]),
  );
}
