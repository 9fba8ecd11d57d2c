/**
 * When the bot answers a client's lines (issue 10): weekly windows, holidays (the bot answers all
 * day) and dated exceptions (the bot answers or not within a span of one day), all in
 * Europe/Berlin local time. Pure: validated by `botScheduleProblems`, read by `scheduleAnswers`.
 */
import { CLIENT_TIME_ZONE, zonedClock } from './openingHours';

/** A span of one local day: `from` < `to`, 'HH:MM', `to` may be '24:00' (end of the day). */
export interface BotScheduleWindow {
  readonly from: string;
  readonly to: string;
}

export interface BotScheduleWeeklyWindow extends BotScheduleWindow {
  /** 0 = Sunday … 6 = Saturday (as `Date.getDay`). */
  readonly weekday: number;
}

export interface BotScheduleException extends BotScheduleWindow {
  /** 'YYYY-MM-DD' (local date in Europe/Berlin). */
  readonly date: string;
  readonly botAnswers: boolean;
}

/**
 * A client's bot schedule. MUST be checked with `botScheduleProblems` before it is stored.
 * Precedence at an instant: an exception covering it, then a holiday, then the weekly windows;
 * outside all of them the bot does not answer.
 */
export interface BotSchedule {
  readonly weekly: readonly BotScheduleWeeklyWindow[];
  readonly holidays: readonly string[];
  readonly exceptions: readonly BotScheduleException[];
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether 'YYYY-MM-DD' is a real calendar day. */
function isCalendarDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

function localDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CLIENT_TIME_ZONE }).format(instant);
}

/**
 * Whether a local wall-clock time exists on that date in Europe/Berlin (false inside the hour
 * skipped when summer time starts, e.g. 02:30 on the last Sunday of March).
 */
export function localTimeExists(date: string, time: string): boolean {
  if (time === '24:00') return true;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const minutes = minutesOf(time);
  const wallClock = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  // Berlin is UTC+1 or UTC+2: the wall-clock time exists if one of them maps back onto it.
  return [60, 120].some((offsetMinutes) => {
    const instant = new Date(wallClock - offsetMinutes * 60_000);
    const clock = zonedClock(instant, CLIENT_TIME_ZONE);
    return localDateOf(instant) === date && clock.minutes === minutes;
  });
}

/**
 * One reason a schedule is unusable, as data, so the desk can say it in German and English and
 * point at the row; `botScheduleProblems` says it in English for the portal's 400 answer.
 */
export type BotScheduleIssue =
  | { readonly kind: 'weekday'; readonly index: number }
  | {
      readonly kind: 'time' | 'order';
      readonly section: 'weekly' | 'exceptions';
      readonly index: number;
    }
  | {
      readonly kind: 'overlap';
      readonly section: 'weekly' | 'exceptions';
      /** The weekday (weekly) or the date (exceptions) on which the two windows overlap. */
      readonly day: number | string;
      readonly first: BotScheduleWindow;
      readonly second: BotScheduleWindow;
    }
  | { readonly kind: 'date'; readonly section: 'holidays' | 'exceptions'; readonly index: number }
  | { readonly kind: 'duplicate-holiday'; readonly date: string }
  | {
      readonly kind: 'skipped-time';
      readonly index: number;
      readonly date: string;
      readonly time: string;
    };

function windowIssue(
  window: BotScheduleWindow,
  section: 'weekly' | 'exceptions',
  index: number,
): BotScheduleIssue[] {
  if (!TIME.test(window.from) || !TIME.test(window.to) || window.from === '24:00')
    return [{ kind: 'time', section, index }];
  if (minutesOf(window.from) >= minutesOf(window.to)) return [{ kind: 'order', section, index }];
  return [];
}

function overlapIssues(
  windows: readonly BotScheduleWindow[],
  section: 'weekly' | 'exceptions',
  day: number | string,
): BotScheduleIssue[] {
  const sorted = [...windows].sort((left, right) => minutesOf(left.from) - minutesOf(right.from));
  const issues: BotScheduleIssue[] = [];
  for (let index = 1; index < sorted.length; index += 1) {
    const first = sorted[index - 1]!;
    const second = sorted[index]!;
    if (minutesOf(second.from) < minutesOf(first.to))
      issues.push({ kind: 'overlap', section, day, first, second });
  }
  return issues;
}

/** Every reason the schedule is unusable, as data (empty when it is fine). */
export function botScheduleIssues(schedule: BotSchedule): BotScheduleIssue[] {
  const issues: BotScheduleIssue[] = [];
  for (const [index, window] of schedule.weekly.entries()) {
    if (!Number.isInteger(window.weekday) || window.weekday < 0 || window.weekday > 6)
      issues.push({ kind: 'weekday', index });
    issues.push(...windowIssue(window, 'weekly', index));
  }
  if (issues.length === 0) {
    for (let weekday = 0; weekday < 7; weekday += 1)
      issues.push(
        ...overlapIssues(
          schedule.weekly.filter((window) => window.weekday === weekday),
          'weekly',
          weekday,
        ),
      );
  }
  for (const [index, holiday] of schedule.holidays.entries()) {
    if (!isCalendarDate(holiday)) issues.push({ kind: 'date', section: 'holidays', index });
  }
  for (const [index, holiday] of schedule.holidays.entries()) {
    if (schedule.holidays.indexOf(holiday) !== index)
      issues.push({ kind: 'duplicate-holiday', date: holiday });
  }
  const exceptionIssues: BotScheduleIssue[] = [];
  for (const [index, exception] of schedule.exceptions.entries()) {
    if (!isCalendarDate(exception.date)) {
      exceptionIssues.push({ kind: 'date', section: 'exceptions', index });
      continue;
    }
    const found = windowIssue(exception, 'exceptions', index);
    exceptionIssues.push(...found);
    if (found.length > 0) continue;
    for (const time of [exception.from, exception.to]) {
      if (!localTimeExists(exception.date, time))
        exceptionIssues.push({ kind: 'skipped-time', index, date: exception.date, time });
    }
  }
  issues.push(...exceptionIssues);
  if (exceptionIssues.length === 0) {
    for (const date of new Set(schedule.exceptions.map((exception) => exception.date)))
      issues.push(
        ...overlapIssues(
          schedule.exceptions.filter((exception) => exception.date === date),
          'exceptions',
          date,
        ),
      );
  }
  return issues;
}

function describeIssue(issue: BotScheduleIssue): string {
  switch (issue.kind) {
    case 'weekday':
      return `weekly[${issue.index}]: weekday must be 0 (Sunday) to 6 (Saturday)`;
    case 'time':
      return `${issue.section}[${issue.index}]: times must be 00:00–23:59 ('to' may be 24:00)`;
    case 'order':
      return `${issue.section}[${issue.index}]: 'from' must be before 'to'`;
    case 'overlap': {
      const where =
        issue.section === 'weekly' ? `weekday ${issue.day}` : `exceptions on ${issue.day}`;
      return `${where}: windows overlap (${issue.first.from}–${issue.first.to} and ${issue.second.from}–${issue.second.to})`;
    }
    case 'date':
      return `${issue.section}[${issue.index}]: not a date (YYYY-MM-DD)`;
    case 'duplicate-holiday':
      return 'holidays: a date is listed twice';
    case 'skipped-time':
      return `exceptions[${issue.index}]: ${issue.time} does not exist on ${issue.date} in Europe/Berlin (summer time starts)`;
  }
}

/** Every reason the schedule is unusable (empty when it is fine); messages name no person. */
export function botScheduleProblems(schedule: BotSchedule): string[] {
  const problems = botScheduleIssues(schedule).map(describeIssue);
  // A date listed three times is still one problem, as before.
  return problems.filter(
    (problem, index) =>
      problem !== 'holidays: a date is listed twice' || problems.indexOf(problem) === index,
  );
}

function covers(window: BotScheduleWindow, minutes: number): boolean {
  return minutes >= minutesOf(window.from) && minutes < minutesOf(window.to);
}

/** Whether the schedule lets the bot answer at `instant`. */
export function scheduleAnswers(schedule: BotSchedule, instant: Date): boolean {
  const date = localDateOf(instant);
  const { weekday, minutes } = zonedClock(instant, CLIENT_TIME_ZONE);
  const exception = schedule.exceptions.find((item) => item.date === date && covers(item, minutes));
  if (exception) return exception.botAnswers;
  if (schedule.holidays.includes(date)) return true;
  return schedule.weekly.some((window) => window.weekday === weekday && covers(window, minutes));
}
