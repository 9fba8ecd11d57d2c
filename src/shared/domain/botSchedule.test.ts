import { describe, expect, it } from 'vitest';
import {
  botScheduleProblems,
  localTimeExists,
  scheduleAnswers,
  type BotSchedule,
} from './botSchedule';

const schedule: BotSchedule = {
  // Monday evenings and Saturday all day.
  weekly: [
    { weekday: 1, from: '18:00', to: '24:00' },
    { weekday: 6, from: '00:00', to: '24:00' },
  ],
  holidays: ['2025-04-21'],
  exceptions: [
    { date: '2025-03-31', from: '19:00', to: '20:00', botAnswers: false },
    { date: '2025-04-01', from: '09:00', to: '10:00', botAnswers: true },
  ],
};

describe('when the schedule lets the bot answer (Europe/Berlin)', () => {
  it.each([
    ['Monday 18:30 CEST', '2025-03-31T16:30:00Z', true],
    ['Monday 17:59 CEST', '2025-03-31T15:59:00Z', false],
    ['Monday 19:30, exception: no bot', '2025-03-31T17:30:00Z', false],
    ['Tuesday 09:30, exception: bot', '2025-04-01T07:30:00Z', true],
    ['Tuesday 10:00, exception over', '2025-04-01T08:00:00Z', false],
    ['Easter Monday 10:00 (holiday)', '2025-04-21T08:00:00Z', true],
    ['Saturday 00:30 CET', '2025-01-03T23:30:00Z', true],
    ['Monday 23:59 CET (window to 24:00)', '2025-01-06T22:59:00Z', true],
  ])('%s', (_name, instant, answers) => {
    expect(scheduleAnswers(schedule, new Date(instant))).toBe(answers);
  });
});

describe('hostile schedules', () => {
  const base: BotSchedule = { weekly: [], holidays: [], exceptions: [] };
  it('accepts the example', () => {
    expect(botScheduleProblems(schedule)).toEqual([]);
  });
  it.each<[string, BotSchedule, RegExp]>([
    ['25:00', { ...base, weekly: [{ weekday: 1, from: '08:00', to: '25:00' }] }, /00:00–23:59/],
    [
      '24:00 as a start',
      { ...base, weekly: [{ weekday: 1, from: '24:00', to: '24:00' }] },
      /00:00/,
    ],
    ['from after to', { ...base, weekly: [{ weekday: 1, from: '18:00', to: '08:00' }] }, /before/],
    ['weekday 7', { ...base, weekly: [{ weekday: 7, from: '08:00', to: '09:00' }] }, /weekday/],
    [
      'overlapping windows',
      {
        ...base,
        weekly: [
          { weekday: 2, from: '08:00', to: '12:00' },
          { weekday: 2, from: '11:00', to: '13:00' },
        ],
      },
      /overlap/,
    ],
    [
      'overlapping exceptions',
      {
        ...base,
        exceptions: [
          { date: '2025-05-01', from: '08:00', to: '12:00', botAnswers: true },
          { date: '2025-05-01', from: '09:00', to: '10:00', botAnswers: false },
        ],
      },
      /overlap/,
    ],
    [
      'a time skipped by summer time (2025-03-30 02:30)',
      {
        ...base,
        exceptions: [{ date: '2025-03-30', from: '02:30', to: '04:00', botAnswers: true }],
      },
      /does not exist/,
    ],
    ['30 February', { ...base, holidays: ['2025-02-30'] }, /not a date/],
    ['a holiday twice', { ...base, holidays: ['2025-12-24', '2025-12-24'] }, /twice/],
  ])('%s', (_name, hostile, message) => {
    expect(botScheduleProblems(hostile).join('\n')).toMatch(message);
  });
});

describe('local times around the summer time change', () => {
  it.each([
    ['2025-03-30', '01:59', true],
    ['2025-03-30', '02:00', false],
    ['2025-03-30', '02:59', false],
    ['2025-03-30', '03:00', true],
    // Autumn: 02:30 happens twice, it exists.
    ['2025-10-26', '02:30', true],
    ['2025-06-01', '02:30', true],
  ])('%s %s exists: %s', (date, time, exists) => {
    expect(localTimeExists(date, time)).toBe(exists);
  });
});
