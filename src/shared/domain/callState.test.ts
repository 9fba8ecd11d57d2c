import { describe, expect, it } from 'vitest';
import {
  CALL_EVENTS,
  CallState,
  canTransition,
  isConnected,
  isTerminal,
  transition,
  type CallEvent,
} from './callState';

const ALL_STATES = Object.values(CallState);

/** The full expected table, written out independently of the implementation's table. */
const EXPECTED: Record<string, CallState> = {
  'idle/incoming': CallState.Ringing,
  'idle/dial': CallState.Dialling,
  'ringing/answer': CallState.Answering,
  'ringing/decline': CallState.Ended,
  'ringing/cancelled': CallState.Ended,
  'ringing/failed': CallState.Failed,
  'answering/established': CallState.Active,
  'answering/cancelled': CallState.Ended,
  'answering/hangup': CallState.Ended,
  'answering/remoteHangup': CallState.Ended,
  'answering/failed': CallState.Failed,
  'dialling/progress': CallState.EarlyMedia,
  'dialling/established': CallState.Active,
  'dialling/rejected': CallState.Failed,
  'dialling/hangup': CallState.Ended,
  'dialling/remoteHangup': CallState.Ended,
  'dialling/failed': CallState.Failed,
  'early-media/established': CallState.Active,
  'early-media/rejected': CallState.Failed,
  'early-media/hangup': CallState.Ended,
  'early-media/remoteHangup': CallState.Ended,
  'early-media/failed': CallState.Failed,
  'active/hold': CallState.Held,
  'active/transfer': CallState.Transferring,
  'active/hangup': CallState.Ended,
  'active/remoteHangup': CallState.Ended,
  'active/failed': CallState.Failed,
  'held/resume': CallState.Active,
  'held/consult': CallState.Consulting,
  'held/transfer': CallState.Transferring,
  'held/hangup': CallState.Ended,
  'held/remoteHangup': CallState.Ended,
  'held/failed': CallState.Failed,
  'consulting/consultEnded': CallState.Held,
  'consulting/transfer': CallState.Transferring,
  'consulting/hangup': CallState.Ended,
  'consulting/remoteHangup': CallState.Ended,
  'consulting/failed': CallState.Failed,
  'transferring/transferSucceeded': CallState.Ended,
  'transferring/transferFailed': CallState.Held,
  'transferring/hangup': CallState.Ended,
  'transferring/remoteHangup': CallState.Ended,
  'transferring/failed': CallState.Failed,
};

describe('call state machine', () => {
  it('follows the documented table for every state and event', () => {
    for (const state of ALL_STATES) {
      for (const event of CALL_EVENTS) {
        const expected = EXPECTED[`${state}/${event}`];
        expect(transition(state, event), `${state} + ${event}`).toBe(expected ?? state);
        expect(canTransition(state, event), `${state} + ${event}`).toBe(expected !== undefined);
      }
    }
  });

  it('never leaves a terminal state', () => {
    for (const terminal of [CallState.Ended, CallState.Failed]) {
      for (const event of CALL_EVENTS) expect(transition(terminal, event)).toBe(terminal);
      expect(isTerminal(terminal)).toBe(true);
    }
    expect(ALL_STATES.filter(isTerminal)).toEqual([CallState.Ended, CallState.Failed]);
  });

  it('lets every live state be hung up or fail', () => {
    const live = ALL_STATES.filter(
      (state) => !isTerminal(state) && state !== CallState.Idle && state !== CallState.Ringing,
    );
    for (const state of live) {
      expect(transition(state, 'hangup')).toBe(CallState.Ended);
      expect(transition(state, 'failed')).toBe(CallState.Failed);
    }
  });

  it('runs an attended transfer path', () => {
    const events: CallEvent[] = [
      'incoming',
      'answer',
      'established',
      'hold',
      'consult',
      'transfer',
      'transferSucceeded',
    ];
    const visited = events.reduce<CallState[]>(
      (states, event) => [...states, transition(states.at(-1)!, event)],
      [CallState.Idle],
    );
    expect(visited).toEqual([
      CallState.Idle,
      CallState.Ringing,
      CallState.Answering,
      CallState.Active,
      CallState.Held,
      CallState.Consulting,
      CallState.Transferring,
      CallState.Ended,
    ]);
  });

  it('returns to held when a transfer fails so the agent can resume', () => {
    expect(transition(CallState.Transferring, 'transferFailed')).toBe(CallState.Held);
    expect(transition(CallState.Held, 'resume')).toBe(CallState.Active);
  });

  it('runs the timer only while connected', () => {
    expect(ALL_STATES.filter(isConnected)).toEqual([
      CallState.Active,
      CallState.Held,
      CallState.Consulting,
      CallState.Transferring,
    ]);
  });
});
