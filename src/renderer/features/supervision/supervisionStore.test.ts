/** The normalised board store: one event changes one call, its line's counts and nothing else. */
import { describe, expect, it } from 'vitest';
import {
  createSupervisionStore,
  countsOf,
  waitingCalls,
  waitingCallsByLine,
} from './supervisionStore';
import { BOARD_AT, lineNumber, syntheticBoard } from './testing/boardFixtures';

const escalation = (requestedAt: string, urgency: 'normal' | 'emergency' = 'normal') => ({
  reason: 'caller-asked-for-human' as const,
  urgency,
  summary: '',
  requestedAt,
});

describe('supervision store', () => {
  it('counts calls per line from the board and moves one call per event', () => {
    const store = createSupervisionStore();
    store.getState().receiveBoard(syntheticBoard(2, 4, 1));
    expect(countsOf(store.getState(), lineNumber(0))).toEqual({
      withBot: 2,
      waiting: 0,
      withAgents: 0,
    });
    const before = store.getState();
    store.getState().receiveEvent({
      type: 'bot-call.updated',
      at: BOARD_AT,
      clientId: 'client-0',
      callId: 'call-0',
      line: lineNumber(0),
      state: 'waiting-for-agent',
      consentGiven: true,
      escalation: escalation('2025-06-10T09:59:00.000Z'),
    });
    const after = store.getState();
    expect(countsOf(after, lineNumber(0))).toEqual({ withBot: 1, waiting: 1, withAgents: 0 });
    // The other line's record and the untouched calls keep their identity (memoised rows).
    expect(after.lineCounts[lineNumber(1)]).toBe(before.lineCounts[lineNumber(1)]);
    expect(after.calls['call-2']).toBe(before.calls['call-2']);
    expect(after.lines).toBe(before.lines);
    expect(waitingCalls(after.calls).map((call) => call.callId)).toEqual(['call-0']);
  });

  it('orders waiting calls longest first and drops ended calls', () => {
    const store = createSupervisionStore();
    store.getState().receiveBoard(syntheticBoard(1, 3, 0));
    const wait = (callId: string, since: string) =>
      store.getState().receiveEvent({
        type: 'bot-call.updated',
        at: BOARD_AT,
        clientId: 'client-0',
        callId,
        line: lineNumber(0),
        state: 'waiting-for-agent',
        consentGiven: null,
        escalation: escalation(since),
      });
    wait('call-1', '2025-06-10T09:59:30.000Z');
    wait('call-2', '2025-06-10T09:58:00.000Z');
    expect(waitingCalls(store.getState().calls).map((call) => call.callId)).toEqual([
      'call-2',
      'call-1',
    ]);
    store.getState().receiveEvent({
      type: 'bot-call.updated',
      at: BOARD_AT,
      clientId: 'client-0',
      callId: 'call-2',
      line: lineNumber(0),
      state: 'ended',
      consentGiven: null,
    });
    expect(Object.keys(store.getState().calls).sort()).toEqual(['call-0', 'call-1']);
    expect(countsOf(store.getState(), lineNumber(0))).toEqual({
      withBot: 1,
      waiting: 1,
      withAgents: 0,
    });
  });

  it('groups waiting calls per line: the longest wait first within a line and across lines', () => {
    const store = createSupervisionStore();
    store.getState().receiveBoard(syntheticBoard(3, 0, 0));
    const wait = (callId: string, line: number, since: string) =>
      store.getState().receiveEvent({
        type: 'bot-call.updated',
        at: BOARD_AT,
        clientId: `client-${line}`,
        callId,
        line: lineNumber(line),
        state: 'waiting-for-agent',
        consentGiven: null,
        escalation: escalation(since),
      });
    wait('a-short', 0, '2025-06-10T09:59:50.000Z');
    wait('b-long', 1, '2025-06-10T09:57:00.000Z');
    wait('a-long', 0, '2025-06-10T09:58:00.000Z');
    wait('b-short', 1, '2025-06-10T09:59:40.000Z');
    wait('c-only', 2, '2025-06-10T09:59:00.000Z');
    const groups = waitingCallsByLine(store.getState().calls);
    expect(groups.map((group) => [group.line, group.calls.map((call) => call.callId)])).toEqual([
      [lineNumber(1), ['b-long', 'b-short']],
      [lineNumber(0), ['a-long', 'a-short']],
      [lineNumber(2), ['c-only']],
    ]);
    expect(groups[0]!.clientId).toBe('client-1');
  });

  it('updates an agent state with its reason and time, ignores unknown agents and lines', () => {
    const store = createSupervisionStore();
    store.getState().receiveBoard(syntheticBoard(1, 0, 2));
    store.getState().receiveEvent({
      type: 'presence.changed',
      at: '2025-06-10T10:01:00.000Z',
      userId: 'agent-1',
      state: 'break',
      reason: 'Coaching',
    });
    expect(store.getState().agents['agent-1']).toMatchObject({
      state: 'break',
      reason: 'Coaching',
      stateSince: '2025-06-10T10:01:00.000Z',
    });
    const before = store.getState();
    store
      .getState()
      .receiveEvent({ type: 'presence.changed', at: BOARD_AT, userId: 'x', state: 'available' });
    store.getState().receiveEvent({
      type: 'bot-call.updated',
      at: BOARD_AT,
      clientId: 'elsewhere',
      callId: 'foreign',
      line: '+4989000000',
      state: 'with-bot',
      consentGiven: null,
    });
    expect(store.getState().calls).toBe(before.calls);
    expect(store.getState().agents).toBe(before.agents);
  });
});
