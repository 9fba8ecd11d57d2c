/** Threshold alerts (issue 10): long waits, service level below target, no agent for a line. */
import { describe, expect, it } from 'vitest';
import type { BoardLine } from '../../shared/portalWire/supervisionSchemas';
import { boardAlerts } from './boardAlerts';
import { figuresOf } from './lineFigures';
import { agentDayFigures } from './agentFigures';

const now = Date.parse('2025-06-10T12:00:00.000Z');
const day = '2025-06-10';
const line = (overrides: Partial<BoardLine>): BoardLine => ({
  line: '+4930111111',
  clientId: 'client',
  botAnswers: true,
  withBot: 0,
  waiting: 0,
  withAgents: 0,
  availableAgents: 1,
  target: { thresholdSeconds: 20, targetPercent: 80 },
  today: figuresOf('client', '+4930111111', [], {
    day,
    timeZone: 'Europe/Berlin',
    now,
    thresholdSeconds: 20,
  }),
  ...overrides,
});

describe('board alerts', () => {
  it('raises a long wait only after 60 s and remembers who acknowledged it', () => {
    const waiting = (seconds: number, callId: string) => ({
      callId,
      clientId: 'client',
      line: '+4930111111',
      urgency: 'normal' as const,
      waitingSince: new Date(now - seconds * 1000).toISOString(),
      offeredTo: null,
    });
    const alerts = boardAlerts({
      day,
      now,
      lines: [],
      waitingCalls: [waiting(60, 'a'), waiting(61, 'b')],
      acknowledgements: new Map([['long-wait:b', 'supervisor-1']]),
    });
    expect(alerts.map((alert) => [alert.key, alert.acknowledgedBy])).toEqual([
      ['long-wait:b', 'supervisor-1'],
    ]);
  });

  it('raises service level below target and no agent while the bot is off', () => {
    const below = line({ today: { ...line({}).today, serviceLevelPercent: 79.9 } });
    const atTarget = line({
      line: '+4930222222',
      today: { ...line({}).today, serviceLevelPercent: 80 },
    });
    const noAgent = line({ line: '+4930333333', botAnswers: false, availableAgents: 0 });
    const botOn = line({ line: '+4930444444', botAnswers: true, availableAgents: 0 });
    const alerts = boardAlerts({
      day,
      now,
      lines: [below, atTarget, noAgent, botOn],
      waitingCalls: [],
      acknowledgements: new Map(),
    });
    expect(alerts.map((alert) => alert.key)).toEqual([
      'service-level:+4930111111:2025-06-10',
      'no-agent:+4930333333:2025-06-10',
    ]);
  });
});

describe('agent day figures', () => {
  it('averages handling and wrap-up over calls answered today (Berlin)', () => {
    const figures = agentDayFigures(
      [
        {
          agentId: 'a',
          answerAt: '2025-06-10T08:00:00Z',
          endAt: '2025-06-10T08:02:00Z',
          wrapUpSeconds: 30,
        },
        {
          agentId: 'a',
          answerAt: '2025-06-10T09:00:00Z',
          endAt: '2025-06-10T09:04:00Z',
          wrapUpSeconds: 60,
        },
        // 23:30 Berlin on the 9th: yesterday.
        {
          agentId: 'a',
          answerAt: '2025-06-09T21:30:00Z',
          endAt: '2025-06-09T21:31:00Z',
          wrapUpSeconds: 5,
        },
        { agentId: null, answerAt: '2025-06-10T08:00:00Z', endAt: null, wrapUpSeconds: 0 },
      ],
      day,
      'Europe/Berlin',
    );
    expect(figures.get('a')).toEqual({
      callsToday: 2,
      averageHandlingSeconds: 180,
      averageWrapUpSeconds: 45,
    });
  });
});
