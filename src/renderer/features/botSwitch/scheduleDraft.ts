/**
 * The schedule editor's working copy and how its problems read on the desk. The rules are the
 * shared ones (`botScheduleIssues`, the same the portal applies), so the desk refuses what the
 * portal would refuse before sending; the portal's own reasons are shown if it still refuses.
 */
import type { TFunction } from 'i18next';
import type {
  BotSchedule,
  BotScheduleException,
  BotScheduleIssue,
  BotScheduleWeeklyWindow,
} from '../../../shared/domain/botSchedule';

/** A schedule being edited: plain arrays, replaced as a whole on every change. */
export interface ScheduleDraft {
  weekly: BotScheduleWeeklyWindow[];
  holidays: string[];
  exceptions: BotScheduleException[];
}

/** Monday first, as German calendars show the week (values as `Date.getDay`). */
export const WEEKDAYS_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;

/** What a new weekly row holds: business hours on a weekday. */
export const NEW_WEEKLY_WINDOW: BotScheduleWeeklyWindow = {
  weekday: 1,
  from: '08:00',
  to: '18:00',
};

export function draftOf(schedule: BotSchedule | null): ScheduleDraft {
  return {
    weekly: [...(schedule?.weekly ?? [])],
    holidays: [...(schedule?.holidays ?? [])],
    exceptions: [...(schedule?.exceptions ?? [])],
  };
}

/** Row numbers count from 1 on screen. */
function row(index: number): number {
  return index + 1;
}

/** One issue in the desk's language, naming the row it is about. */
export function issueText(t: TFunction<'botSwitch'>, issue: BotScheduleIssue): string {
  switch (issue.kind) {
    case 'weekday':
      return t('schedule.issues.weekday', { row: row(issue.index) });
    case 'time':
      return t(`schedule.issues.time.${issue.section}`, { row: row(issue.index) });
    case 'order':
      return t(`schedule.issues.order.${issue.section}`, { row: row(issue.index) });
    case 'overlap':
      return t('schedule.issues.overlap', {
        day:
          typeof issue.day === 'number' ? t(`schedule.weekdays.${issue.day}`) : String(issue.day),
        first: `${issue.first.from}–${issue.first.to}`,
        second: `${issue.second.from}–${issue.second.to}`,
      });
    case 'date':
      return t(`schedule.issues.date.${issue.section}`, { row: row(issue.index) });
    case 'duplicate-holiday':
      return t('schedule.issues.duplicateHoliday', { date: issue.date });
    case 'skipped-time':
      return t('schedule.issues.skippedTime', { time: issue.time, date: issue.date });
  }
}
