/** Today's figures over synthetic days (issue 10): the 20 s boundary, abandons, midnight. */
import { describe, expect, it } from 'vitest';
import { figuresByLine, figuresOf, waitSeconds, type BotCallRecord } from './lineFigures';

const LINE = '+4930111111';
// 10 June 2025: Berlin is UTC+2, so local midnight is 22:00 UTC the day before.
const options = {
  day: '2025-06-10',
  timeZone: 'Europe/Berlin',
  now: Date.parse('2025-06-10T12:00:00.000Z'),
  thresholdSeconds: 20,
};
let counter = 0;
function call(overrides: Partial<BotCallRecord>): BotCallRecord {
  counter += 1;
  return {
    callId: `call-${counter}`,
    clientId: 'client',
    line: LINE,
    startedAt: '2025-06-10T08:00:00.000Z',
    endedAt: '2025-06-10T08:05:00.000Z',
    escalatedAt: null,
    acceptedAt: null,
    escalationReason: null,
    ...overrides,
  };
}
const escalated = (acceptedAfterMilliseconds: number | null, ended = true): BotCallRecord =>
  call({
    escalatedAt: '2025-06-10T08:01:00.000Z',
    acceptedAt:
      acceptedAfterMilliseconds === null
        ? null
        : new Date(
            Date.parse('2025-06-10T08:01:00.000Z') + acceptedAfterMilliseconds,
          ).toISOString(),
    endedAt: ended ? '2025-06-10T08:05:00.000Z' : null,
    escalationReason: 'caller-asked-for-human',
  });

describe('line figures', () => {
  it('counts an answer at exactly 20 s as within the threshold and 20.001 s as not', () => {
    const figures = figuresOf('client', LINE, [escalated(20_000), escalated(20_001)], options);
    expect(figures).toMatchObject({
      offered: 2,
      answered: 2,
      answeredWithinThreshold: 1,
      abandoned: 0,
      serviceLevelPercent: 50,
    });
  });

  it('counts a caller who hung up while offered as abandoned, against the service level', () => {
    // Offered to an agent, never accepted, the caller hung up: ended without accepted_at.
    const figures = figuresOf('client', LINE, [escalated(5_000), escalated(null)], options);
    expect(figures).toMatchObject({ answered: 1, abandoned: 1, serviceLevelPercent: 50 });
    expect(figures.longestWaitSeconds).toBe(240);
  });

  it('leaves a call still waiting within the threshold out, and counts one waiting longer', () => {
    const young = call({
      escalatedAt: new Date(options.now - 10_000).toISOString(),
      endedAt: null,
    });
    expect(figuresOf('client', LINE, [young], options).serviceLevelPercent).toBeNull();
    const old = call({ escalatedAt: new Date(options.now - 61_000).toISOString(), endedAt: null });
    const figures = figuresOf('client', LINE, [young, old], options);
    expect(figures.serviceLevelPercent).toBe(0);
    expect(figures.longestWaitSeconds).toBe(61);
    expect(waitSeconds(old, options.now)).toBe(61);
  });

  it('splits a call spanning midnight in Berlin: started yesterday, escalated today', () => {
    const spanning = call({
      startedAt: '2025-06-09T21:59:50.000Z', // 23:59:50 in Berlin on the 9th
      escalatedAt: '2025-06-09T22:00:05.000Z', // 00:00:05 on the 10th
      acceptedAt: '2025-06-09T22:00:15.000Z',
      endedAt: '2025-06-09T22:04:00.000Z',
      escalationReason: 'emergency',
    });
    const today = figuresOf('client', LINE, [spanning], options);
    expect(today).toMatchObject({ botCalls: 0, offered: 1, answeredWithinThreshold: 1 });
    const yesterday = figuresOf('client', LINE, [spanning], { ...options, day: '2025-06-09' });
    expect(yesterday).toMatchObject({ botCalls: 1, offered: 0, escalationPercent: 100 });
    // 21:59:50 UTC on the 10th is still the 10th in UTC but the 11th in Berlin: not today.
    const late = call({ startedAt: '2025-06-10T22:00:10.000Z', endedAt: null });
    expect(figuresOf('client', LINE, [late], options).botCalls).toBe(0);
  });

  it('computes containment, escalation rate and the top reasons', () => {
    const records = [
      call({}),
      call({}),
      call({ endedAt: null }),
      { ...escalated(1_000), escalationReason: 'emergency' },
      { ...escalated(1_000), escalationReason: 'low-confidence' },
      { ...escalated(1_000), escalationReason: 'low-confidence' },
      { ...escalated(1_000), escalationReason: 'consent-declined' },
      { ...escalated(1_000), escalationReason: 'judgement-required' },
    ];
    const figures = figuresOf('client', LINE, records, options);
    expect(figures.botCalls).toBe(8);
    expect(figures.containedCalls).toBe(2);
    expect(figures.containmentPercent).toBe(28.6); // 2 of 7 ended
    expect(figures.escalationPercent).toBe(62.5); // 5 of 8
    expect(figures.topReasons).toEqual([
      { reason: 'low-confidence', count: 2 },
      { reason: 'consent-declined', count: 1 },
      { reason: 'emergency', count: 1 },
    ]);
  });

  it('gives every line figures, zeros for a quiet one, with its own threshold', () => {
    const byLine = figuresByLine(
      [
        { line: LINE, clientId: 'client' },
        { line: '+4930222222', clientId: 'other' },
      ],
      [escalated(25_000)],
      (clientId) => ({ ...options, thresholdSeconds: clientId === 'client' ? 30 : 20 }),
    );
    expect(byLine.get(LINE)?.serviceLevelPercent).toBe(100);
    expect(byLine.get('+4930222222')).toMatchObject({ botCalls: 0, serviceLevelPercent: null });
  });
});
