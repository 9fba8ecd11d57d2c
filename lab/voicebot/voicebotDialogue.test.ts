import { describe, expect, it } from 'vitest';
import {
  INITIAL_DIALOGUE_STATE,
  transition,
  type DialogueAction,
  type DialogueContext,
  type DialogueEvent,
  type DialogueState,
} from './voicebotDialogue';

const CONTEXT: DialogueContext = {
  client: { greeting: 'Kanzlei Beispiel, guten Tag.', keywordAlerts: ['Frist'] },
  callerNumber: '+4915112345678',
};

/** Runs events through the machine, collecting every action. */
function run(
  events: readonly DialogueEvent[],
  context: DialogueContext = CONTEXT,
  from: DialogueState = INITIAL_DIALOGUE_STATE,
): { state: DialogueState; actions: DialogueAction[] } {
  let state = from;
  const actions: DialogueAction[] = [];
  for (const event of events) {
    const result = transition(state, event, context);
    state = result.state;
    actions.push(...result.actions);
  }
  return { state, actions };
}

const said = (text: string, confidence = 0.95): DialogueEvent => ({
  type: 'caller-said',
  utterance: { text, confidence },
});
const PLAYED: DialogueEvent = { type: 'playback-finished' };
const START: DialogueEvent = { type: 'start' };

function reports(actions: readonly DialogueAction[]) {
  return actions.flatMap((action) => (action.type === 'report' ? [action.event] : []));
}
function spoken(actions: readonly DialogueAction[]) {
  return actions.flatMap((action) => (action.type === 'say' ? [action.text] : []));
}

describe('voicebot dialogue', () => {
  it('greets with the disclosure and reports it once it has been played', () => {
    const started = run([START]);
    expect(spoken(started.actions)[0]).toMatch(
      /^Kanzlei Beispiel, guten Tag\. .*KI-Assistenten.*nicht aufgezeichnet.*einverstanden\?$/,
    );
    expect(reports(started.actions)).toEqual([]);
    const played = run([PLAYED], CONTEXT, started.state);
    expect(reports(played.actions)).toEqual([{ type: 'disclosure-played' }]);
    expect(played.state.phase).toBe('awaiting-consent');
  });

  it('disclosure → consent → answers from an approved text', () => {
    const { state, actions } = run([
      START,
      PLAYED,
      said('Ja, gerne.'),
      PLAYED,
      said('Wann haben Sie geöffnet?'),
    ]);
    expect(reports(actions)).toContainEqual({ type: 'consent', given: true });
    expect(actions.at(-1)).toEqual({ type: 'decide-answer', question: 'Wann haben Sie geöffnet?' });
    const answered = run(
      [
        {
          type: 'answer-decided',
          decision: { kind: 'answer', text: 'Wir sind Mo–Fr 9–17 Uhr da.' },
        },
      ],
      CONTEXT,
      state,
    );
    expect(spoken(answered.actions)).toEqual([
      'Wir sind Mo–Fr 9–17 Uhr da. Kann ich sonst noch etwas für Sie tun?',
    ]);
    expect(answered.state.phase).toBe('conversation');
    expect(reports(answered.actions).some((event) => event.type === 'escalation-requested')).toBe(
      false,
    );
  });

  it('escalates at once when the caller asks for a human', () => {
    const { state, actions } = run([
      START,
      PLAYED,
      said('Ja.'),
      PLAYED,
      said('Ich möchte einen Menschen sprechen.'),
    ]);
    const escalation = reports(actions).find((event) => event.type === 'escalation-requested');
    expect(escalation).toMatchObject({ reason: 'caller-asked-for-human', urgency: 'normal' });
    expect(state.phase).toBe('waiting-for-human');
    expect(spoken(actions).at(-1)).toMatch(/^Ich verbinde Sie/);
    expect(actions.some((action) => action.type === 'decide-answer')).toBe(false);
  });

  it('escalates a human request made instead of answering the consent question', () => {
    const { state, actions } = run([
      START,
      PLAYED,
      said('Verbinden Sie mich bitte mit einem Mitarbeiter.'),
    ]);
    expect(reports(actions).find((event) => event.type === 'escalation-requested')).toMatchObject({
      reason: 'caller-asked-for-human',
    });
    expect(reports(actions).some((event) => event.type === 'consent')).toBe(false);
    expect(state.phase).toBe('waiting-for-human');
  });

  it('declined consent escalates with that reason and reports the consent', () => {
    const { state, actions } = run([START, PLAYED, said('Nein, das möchte ich nicht.')]);
    expect(reports(actions)).toEqual([
      { type: 'disclosure-played' },
      { type: 'consent', given: false },
      expect.objectContaining({ type: 'escalation-requested', reason: 'consent-declined' }),
    ]);
    expect(state.phase).toBe('waiting-for-human');
  });

  it('an emergency escalates with urgency emergency, also during the consent question', () => {
    const { actions } = run([START, PLAYED, said('Hilfe, bei uns brennt es in der Küche!')]);
    expect(reports(actions).find((event) => event.type === 'escalation-requested')).toMatchObject({
      reason: 'emergency',
      urgency: 'emergency',
    });
    expect(spoken(actions).at(-1)).toContain('112');
  });

  it('legal judgement and questions outside the corridor escalate with their reasons', () => {
    const base = run([
      START,
      PLAYED,
      said('Ja.'),
      PLAYED,
      said('Habe ich Anspruch auf Abfindung?'),
    ]);
    const judgement = run(
      [{ type: 'answer-decided', decision: { kind: 'escalate', reason: 'judgement' } }],
      CONTEXT,
      base.state,
    );
    expect(reports(judgement.actions)[0]).toMatchObject({
      type: 'escalation-requested',
      reason: 'judgement-required',
    });
    const outside = run(
      [{ type: 'answer-decided', decision: { kind: 'escalate', reason: 'no-match' } }],
      CONTEXT,
      base.state,
    );
    expect(reports(outside.actions)[0]).toMatchObject({
      type: 'escalation-requested',
      reason: 'out-of-corridor',
    });
    expect(reports(outside.actions)[0]).toMatchObject({
      summary: expect.stringContaining('Abfindung'),
    });
  });

  it('an unclear consent answer is asked again once, then escalated as low confidence', () => {
    const once = run([START, PLAYED, said('Wie bitte?')]);
    expect(spoken(once.actions).at(-1)).toMatch(/nicht verstanden/);
    expect(once.state.phase).toBe('awaiting-consent');
    const twice = run([PLAYED, said('Hm.')], CONTEXT, once.state);
    expect(reports(twice.actions)[0]).toMatchObject({
      type: 'escalation-requested',
      reason: 'low-confidence',
    });
  });

  it('a badly recognised question is asked again, then escalated as low confidence', () => {
    const { actions } = run([
      START,
      PLAYED,
      said('Ja.'),
      PLAYED,
      said('xyz', 0.2),
      PLAYED,
      said('abc', 0.3),
    ]);
    expect(reports(actions).find((event) => event.type === 'escalation-requested')).toMatchObject({
      reason: 'low-confidence',
    });
  });

  it('words heard while the bot speaks wait until it has finished', () => {
    const during = run([START, said('Ja, einverstanden.')]);
    expect(reports(during.actions).some((event) => event.type === 'consent')).toBe(false);
    const after = run([PLAYED], CONTEXT, during.state);
    expect(reports(after.actions)).toEqual([
      { type: 'disclosure-played' },
      { type: 'consent', given: true },
    ]);
  });

  it('hands over on the portal command and leaves after the REFER succeeded', () => {
    const waiting = run([START, PLAYED, said('Ich will mit einem Menschen reden.'), PLAYED]);
    const refer = run(
      [
        {
          type: 'command',
          command: {
            type: 'hand-over',
            referTo: 'sip:handover.abcdefghijklmnop@lab',
            handoverToken: 'abcdefghijklmnop',
          },
        },
      ],
      CONTEXT,
      waiting.state,
    );
    expect(refer.actions).toEqual([
      { type: 'refer', referTo: 'sip:handover.abcdefghijklmnop@lab' },
    ]);
    const done = run([{ type: 'handover-result', ok: true }], CONTEXT, refer.state);
    expect(done.actions).toEqual([
      { type: 'report', event: { type: 'handed-over' } },
      { type: 'leave' },
    ]);
    expect(done.state.phase).toBe('handed-over');
  });

  it('a failed REFER reports handover-failed and keeps the caller waiting', () => {
    const waiting = run([START, PLAYED, said('Nein.'), PLAYED]);
    const failed = run(
      [
        {
          type: 'command',
          command: { type: 'hand-over', referTo: 'sip:x@y', handoverToken: 'abcdefghijklmnop' },
        },
        { type: 'handover-result', ok: false, reason: 'timeout' },
      ],
      CONTEXT,
      waiting.state,
    );
    expect(reports(failed.actions)).toEqual([{ type: 'handover-failed', reason: 'timeout' }]);
    expect(failed.state.phase).toBe('waiting-for-human');
    expect(
      failed.actions.some((action) => action.type === 'hang-up' || action.type === 'leave'),
    ).toBe(false);
  });

  it('takes a message when nobody accepts, then ends politely', () => {
    const waiting = run([START, PLAYED, said('Ich möchte einen Menschen sprechen.'), PLAYED]);
    const message = run(
      [
        { type: 'command', command: { type: 'take-message' } },
        PLAYED,
        said('Mein Name ist Jana Schulz.'),
        PLAYED,
        said('Die Nummer ist 030 1234567.'),
        PLAYED,
        said('Es geht um die Frist für meinen Einspruch.'),
        PLAYED,
      ],
      CONTEXT,
      waiting.state,
    );
    const fields = Object.fromEntries(
      reports(message.actions).flatMap((event) =>
        event.type === 'field-collected' ? [[event.field, event.value]] : [],
      ),
    );
    expect(fields).toMatchObject({
      name: 'Jana Schulz',
      callbackNumber: '+49301234567',
      concern: 'Es geht um die Frist für meinen Einspruch.',
    });
    const types = reports(message.actions).map((event) => event.type);
    expect(types.slice(-2)).toEqual(['message-taken', 'ended']);
    expect(message.actions.at(-1)).toEqual({ type: 'hang-up' });
    expect(message.state.phase).toBe('ended');
  });

  it('uses the caller number from SIP when no callback number is understood', () => {
    const waiting = run([
      START,
      PLAYED,
      said('Nein.'),
      PLAYED,
      { type: 'command', command: { type: 'take-message' } },
      PLAYED,
      said('Schulz'),
      PLAYED,
    ]);
    const number = run([said('Weiß ich nicht.')], CONTEXT, waiting.state);
    expect(reports(number.actions)).toContainEqual({
      type: 'field-collected',
      field: 'callbackNumber',
      value: '+4915112345678',
      confidence: 0.5,
    });
  });

  it('the caller hanging up ends the call with by=caller, and nothing happens after it', () => {
    const ended = run([START, { type: 'caller-hung-up' }]);
    expect(reports(ended.actions)).toEqual([{ type: 'ended', by: 'caller' }]);
    expect(run([PLAYED, said('Hallo?')], CONTEXT, ended.state).actions).toEqual([]);
  });

  it('in hold mode the bot only keeps the caller company: no consent question', () => {
    const hold = { ...CONTEXT, hold: true };
    const { state, actions } = run([START, PLAYED], hold);
    expect(spoken(actions)[0]).toMatch(/KI-Assistenten.*bleiben Sie dran/);
    expect(spoken(actions)[0]).not.toMatch(/einverstanden/);
    expect(state.phase).toBe('waiting-for-human');
    expect(
      run([{ type: 'command', command: { type: 'keep-waiting', position: 2 } }], hold, state)
        .actions,
    ).toEqual([{ type: 'say', text: 'Sie sind an Position 2. Bitte bleiben Sie dran.' }]);
  });
});
