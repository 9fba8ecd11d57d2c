/**
 * Opening hours of a client "now". Times in a profile are the client's local wall-clock times;
 * the desk serves German clients, so they are read in Europe/Berlin unless told otherwise, and
 * the agent's own computer clock zone never matters.
 */
import type { ClientProfile } from './clientProfile';

export const CLIENT_TIME_ZONE = 'Europe/Berlin';

type OpeningHours = ClientProfile['openingHours'];

export interface OpeningState {
  open: boolean;
  /** Today's periods in the client's zone, in time order. */
  today: { opens: string; closes: string }[];
  /** The next opening when closed now (within a week). */
  nextOpening: { weekday: number; opens: string; today: boolean } | undefined;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weekday (0 = Sunday) and minutes after midnight of `instant` in `timeZone`. */
export function zonedClock(instant: Date, timeZone: string): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return {
    weekday: WEEKDAYS.indexOf(part('weekday')),
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function openingState(
  hours: OpeningHours,
  instant: Date,
  timeZone: string = CLIENT_TIME_ZONE,
): OpeningState {
  const { weekday, minutes } = zonedClock(instant, timeZone);
  const periodsOf = (day: number) =>
    hours
      .filter((period) => period.weekday === day)
      .sort((left, right) => minutesOf(left.opens) - minutesOf(right.opens));
  const today = periodsOf(weekday);
  const open = today.some(
    (period) => minutes >= minutesOf(period.opens) && minutes < minutesOf(period.closes),
  );
  let nextOpening: OpeningState['nextOpening'];
  if (!open) {
    const later = today.find((period) => minutesOf(period.opens) > minutes);
    if (later) nextOpening = { weekday, opens: later.opens, today: true };
    for (let offset = 1; !nextOpening && offset <= 7; offset += 1) {
      const day = (weekday + offset) % 7;
      const first = periodsOf(day)[0];
      if (first) nextOpening = { weekday: day, opens: first.opens, today: false };
    }
  }
  return {
    open,
    today: today.map(({ opens, closes }) => ({ opens, closes })),
    nextOpening,
  };
}
