import { describe, expect, it } from 'vitest';
import { openingState, zonedClock } from './openingHours';

const HOURS = [
  { weekday: 1, opens: '08:00', closes: '12:00' },
  { weekday: 1, opens: '13:00', closes: '17:00' },
  { weekday: 5, opens: '08:00', closes: '14:00' },
];

describe('opening hours', () => {
  it('reads the clock in the client’s zone, not the agent’s', () => {
    // 2025-01-06 was a Monday; 07:30 UTC is 08:30 in Berlin (winter time).
    expect(zonedClock(new Date('2025-01-06T07:30:00Z'), 'Europe/Berlin')).toEqual({
      weekday: 1,
      minutes: 8 * 60 + 30,
    });
  });

  it('is open inside a period and closed in the lunch break, with the next opening', () => {
    expect(openingState(HOURS, new Date('2025-01-06T07:30:00Z')).open).toBe(true);
    const lunch = openingState(HOURS, new Date('2025-01-06T11:30:00Z'));
    expect(lunch.open).toBe(false);
    expect(lunch.nextOpening).toEqual({ weekday: 1, opens: '13:00', today: true });
    expect(lunch.today).toHaveLength(2);
  });

  it('finds the next opening days ahead when closed today', () => {
    // Tuesday 2025-01-07 12:00 Berlin: closed all day; next is Friday.
    const state = openingState(HOURS, new Date('2025-01-07T11:00:00Z'));
    expect(state).toMatchObject({ open: false, today: [] });
    expect(state.nextOpening).toEqual({ weekday: 5, opens: '08:00', today: false });
  });

  it('follows summer time', () => {
    // 2025-07-07 (Monday) 06:30 UTC is 08:30 in Berlin (summer time): open.
    expect(openingState(HOURS, new Date('2025-07-07T06:30:00Z')).open).toBe(true);
    expect(openingState(HOURS, new Date('2025-07-07T05:30:00Z')).open).toBe(false);
  });
});
