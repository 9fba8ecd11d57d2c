/**
 * Today's figures of a line, as pure functions over the portal's own bot-call records, so the
 * board and the day report cannot disagree. Choices where issue 10 is silent:
 * - A call belongs to the local day (Europe/Berlin) of its event: bot calls and containment to
 *   the day the call started, escalations (offered, answered, abandoned, service level, longest
 *   wait) to the day it was escalated. A call spanning midnight counts once on each side for
 *   what happened there.
 * - Answered = a human accepted it; within the threshold when accepted at most `threshold`
 *   seconds after the escalation (20 s exactly counts as within).
 * - Abandoned = escalated, ended, never accepted (hung up while waiting or while offered).
 * - Service level = answered within threshold ÷ decided escalations (answered, abandoned, or
 *   waiting longer than the threshold right now); null while none is decided.
 * - Containment = ended calls started today that never escalated ÷ ended calls started today.
 */
import { localDayOf } from '../../shared/domain/zonedDays';
import type { OfferReason } from '../../shared/portalWire/hybridSchemas';
import { TOP_REASON_COUNT, type LineFigures } from '../../shared/portalWire/supervisionSchemas';

/** What the figures read of one bot call. */
export interface BotCallRecord {
  readonly callId: string;
  readonly clientId: string;
  readonly line: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly escalatedAt: string | null;
  readonly acceptedAt: string | null;
  readonly escalationReason: string | null;
}

export interface FigureOptions {
  readonly day: string;
  readonly timeZone: string;
  readonly now: number;
  readonly thresholdSeconds: number;
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** Seconds a caller waited for a human: until accepted, gone, or now. */
export function waitSeconds(record: BotCallRecord, now: number): number {
  if (!record.escalatedAt) return 0;
  const end = record.acceptedAt ?? record.endedAt;
  const until = end ? Date.parse(end) : now;
  return Math.max(0, Math.floor((until - Date.parse(record.escalatedAt)) / 1000));
}

function emptyFigures(clientId: string, line: string | null): LineFigures {
  return {
    line,
    clientId,
    botCalls: 0,
    offered: 0,
    answered: 0,
    answeredWithinThreshold: 0,
    abandoned: 0,
    serviceLevelPercent: null,
    longestWaitSeconds: 0,
    containedCalls: 0,
    containmentPercent: null,
    escalationPercent: null,
    topReasons: [],
  };
}

/** Figures over any set of records (one line's, or a client's for its total). */
export function figuresOf(
  clientId: string,
  line: string | null,
  records: readonly BotCallRecord[],
  options: FigureOptions,
): LineFigures {
  const figures = emptyFigures(clientId, line);
  const onDay = (instant: string | null) =>
    instant !== null && localDayOf(Date.parse(instant), options.timeZone) === options.day;
  let endedStarted = 0;
  let escalatedStarted = 0;
  let decided = 0;
  const reasons = new Map<string, number>();
  for (const record of records) {
    if (onDay(record.startedAt)) {
      figures.botCalls += 1;
      if (record.escalatedAt) escalatedStarted += 1;
      if (record.endedAt) {
        endedStarted += 1;
        if (!record.escalatedAt) figures.containedCalls += 1;
      }
    }
    if (!onDay(record.escalatedAt) || !record.escalatedAt) continue;
    figures.offered += 1;
    if (record.escalationReason)
      reasons.set(record.escalationReason, (reasons.get(record.escalationReason) ?? 0) + 1);
    const waited = waitSeconds(record, options.now);
    figures.longestWaitSeconds = Math.max(figures.longestWaitSeconds, waited);
    if (record.acceptedAt) {
      figures.answered += 1;
      decided += 1;
      const answerMilliseconds = Date.parse(record.acceptedAt) - Date.parse(record.escalatedAt);
      if (answerMilliseconds <= options.thresholdSeconds * 1000)
        figures.answeredWithinThreshold += 1;
    } else if (record.endedAt) {
      figures.abandoned += 1;
      decided += 1;
    } else if (waited > options.thresholdSeconds) decided += 1;
  }
  figures.serviceLevelPercent = percent(figures.answeredWithinThreshold, decided);
  figures.containmentPercent = percent(figures.containedCalls, endedStarted);
  figures.escalationPercent = percent(escalatedStarted, figures.botCalls);
  figures.topReasons = [...reasons.entries()]
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .slice(0, TOP_REASON_COUNT)
    .map(([reason, count]) => ({ reason: reason as OfferReason, count }));
  return figures;
}

/** Figures per line, in the order of `lines`; lines without calls get zeros. */
export function figuresByLine(
  lines: readonly { line: string; clientId: string }[],
  records: readonly BotCallRecord[],
  optionsOf: (clientId: string) => FigureOptions,
): Map<string, LineFigures> {
  const byLine = new Map<string, BotCallRecord[]>();
  for (const record of records) {
    const list = byLine.get(record.line) ?? [];
    list.push(record);
    byLine.set(record.line, list);
  }
  return new Map(
    lines.map(({ line, clientId }) => [
      line,
      figuresOf(clientId, line, byLine.get(line) ?? [], optionsOf(clientId)),
    ]),
  );
}
