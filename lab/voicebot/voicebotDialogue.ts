/**
 * The lab voicebot's dialogue as an explicit state machine: a pure `transition()` from a state
 * and an event to the next state and the actions the call must carry out (speak, report to the
 * portal, consult the approved texts, REFER, hang up). No I/O, no timers: the call wiring feeds
 * events (playback finished, a final transcript, a portal command, the REFER outcome).
 *
 * ```
 *  disclosing ──playback──▶ awaiting-consent ──yes──▶ conversation ◀──answer──┐
 *                               │ no / human / emergency / unclear twice        │
 *                               ▼                                     deciding ──┘
 *                        waiting-for-human ◀──handover failed── handing-over ──ok──▶ handed-over
 *                               │ hand-over ───────────────────────────▲
 *                               │ take-message
 *                               ▼
 *          taking-name ─▶ taking-number ─▶ taking-concern ─▶ closing ──playback──▶ ended
 * ```
 * Any phase: caller hangs up → ended. Caller words heard while the bot speaks (or while it
 * consults the approved texts) wait and are handled after it, in order.
 */
import { draftNoteByRules } from '../../src/shared/noteDrafts/noteDraftRules';
import { findPhoneNumbers } from '../../src/shared/language/germanPhoneNumber';
import type { ClientProfile } from '../../src/shared/domain/clientProfile';
import type {
  BotCommand,
  BotEventBody,
  CollectedField,
  EscalationReason,
  HandoverFailure,
  Urgency,
} from './botEvents';
import { asksForHuman, consentAnswerOf, saysGoodbye, soundsLikeEmergency } from './callerIntent';
import { PHRASES } from './voicebotPhrases';
import type { BuiltInEscalationReason } from '../../src/shared/suggestions/builtInSuggester';

export type DialoguePhase =
  | 'disclosing'
  | 'awaiting-consent'
  | 'conversation'
  | 'deciding'
  | 'waiting-for-human'
  | 'handing-over'
  | 'taking-name'
  | 'taking-number'
  | 'taking-concern'
  | 'closing'
  | 'handed-over'
  | 'ended';

/** Transcripts below this confidence are not acted on (asked again, then escalated). */
export const MINIMUM_TRANSCRIPT_CONFIDENCE = 0.5;
const MAXIMUM_SUMMARY_LENGTH = 300;
const MAXIMUM_FIELD_LENGTH = 200;

export interface CallerUtterance {
  readonly text: string;
  readonly confidence: number;
}

/**
 * The portal's escalation reason for the retrieval's decision. Words aimed at the assistant are
 * outside every corridor: the bot does not answer them and hands over.
 */
const ESCALATION_REASON_OF: Record<BuiltInEscalationReason, EscalationReason> = {
  judgement: 'judgement-required',
  'staff-request': 'caller-asked-for-human',
  emergency: 'emergency',
  'steering-attempt': 'out-of-corridor',
  'no-match': 'out-of-corridor',
};

export type AnswerDecision =
  { kind: 'answer'; text: string } | { kind: 'escalate'; reason: BuiltInEscalationReason };

export type DialogueEvent =
  | { type: 'start' }
  | { type: 'playback-finished' }
  | { type: 'caller-said'; utterance: CallerUtterance }
  | { type: 'answer-decided'; decision: AnswerDecision }
  | { type: 'command'; command: BotCommand }
  | { type: 'handover-result'; ok: true }
  | { type: 'handover-result'; ok: false; reason: HandoverFailure }
  | { type: 'waiting-tick' }
  | { type: 'caller-hung-up' };

export type DialogueAction =
  | { type: 'say'; text: string }
  | { type: 'report'; event: BotEventBody }
  | { type: 'decide-answer'; question: string }
  | { type: 'refer'; referTo: string }
  | { type: 'hang-up' }
  | { type: 'leave' };

export interface DialogueContext {
  readonly client: Pick<ClientProfile, 'greeting' | 'keywordAlerts'>;
  /** The caller's own number as sent (E.164), a fallback callback number. */
  readonly callerNumber?: string;
  /**
   * Hold mode (routing target `queue`): nobody was free and the bot is off, so the bot only
   * keeps the caller company until an agent takes over or a message is taken; no consent
   * question, no answers.
   */
  readonly hold?: boolean;
}

export interface DialogueState {
  readonly phase: DialoguePhase;
  readonly speaking: boolean;
  readonly pending: readonly CallerUtterance[];
  readonly callerLines: readonly string[];
  readonly unclearAnswers: number;
  readonly reportedFields: Readonly<Partial<Record<CollectedField, string>>>;
  readonly escalated: boolean;
}

export const INITIAL_DIALOGUE_STATE: DialogueState = {
  phase: 'disclosing',
  speaking: false,
  pending: [],
  callerLines: [],
  unclearAnswers: 0,
  reportedFields: {},
  escalated: false,
};

export interface Transition {
  readonly state: DialogueState;
  readonly actions: readonly DialogueAction[];
}

const FINISHED: readonly DialoguePhase[] = ['handed-over', 'ended'];

export function transition(
  state: DialogueState,
  event: DialogueEvent,
  context: DialogueContext,
): Transition {
  if (FINISHED.includes(state.phase)) return { state, actions: [] };
  switch (event.type) {
    case 'start':
      return say(
        { ...state, phase: 'disclosing' },
        [],
        greetingOf(context) + (context.hold ? PHRASES.holdDisclosure : PHRASES.disclosure),
      );
    case 'caller-hung-up':
      return {
        state: { ...state, phase: 'ended', speaking: false, pending: [] },
        actions: [{ type: 'report', event: { type: 'ended', by: 'caller' } }],
      };
    case 'playback-finished':
      return afterPlayback({ ...state, speaking: false }, context);
    case 'caller-said':
      return heard(state, event.utterance, context);
    case 'answer-decided':
      return decided(state, event.decision, context);
    case 'command':
      return commanded(state, event.command);
    case 'handover-result':
      if (state.phase !== 'handing-over') return { state, actions: [] };
      if (event.ok) {
        return {
          state: { ...state, phase: 'handed-over', pending: [] },
          actions: [{ type: 'report', event: { type: 'handed-over' } }, { type: 'leave' }],
        };
      }
      return say(
        { ...state, phase: 'waiting-for-human' },
        [{ type: 'report', event: { type: 'handover-failed', reason: event.reason } }],
        PHRASES.handoverFailed,
      );
    case 'waiting-tick':
      if (state.phase !== 'waiting-for-human' || state.speaking) return { state, actions: [] };
      return say(state, [], PHRASES.stillConnecting);
  }
}

function greetingOf(context: DialogueContext): string {
  const greeting = context.client.greeting.trim();
  return greeting === '' ? '' : `${greeting} `;
}

function say(state: DialogueState, actions: DialogueAction[], text: string): Transition {
  return { state: { ...state, speaking: true }, actions: [...actions, { type: 'say', text }] };
}

function afterPlayback(state: DialogueState, context: DialogueContext): Transition {
  const actions: DialogueAction[] = [];
  let next = state;
  if (state.phase === 'disclosing') {
    next = { ...state, phase: context.hold ? 'waiting-for-human' : 'awaiting-consent' };
    actions.push({ type: 'report', event: { type: 'disclosure-played' } });
  } else if (state.phase === 'closing') {
    return {
      state: { ...state, phase: 'ended', pending: [] },
      actions: [{ type: 'report', event: { type: 'ended', by: 'bot' } }, { type: 'hang-up' }],
    };
  }
  // Handle words that were heard while the bot spoke, until one makes it speak again.
  while (next.pending.length > 0 && !next.speaking && next.phase !== 'deciding') {
    const [first, ...rest] = next.pending;
    const result = respond({ ...next, pending: rest }, first!, context);
    next = result.state;
    actions.push(...result.actions);
  }
  return { state: next, actions };
}

function heard(
  state: DialogueState,
  utterance: CallerUtterance,
  context: DialogueContext,
): Transition {
  const text = utterance.text.trim();
  if (text === '') return { state, actions: [] };
  const withLine = { ...state, callerLines: [...state.callerLines, text] };
  const fields = collectFields(withLine, context, utterance.confidence);
  const busy = state.speaking || state.phase === 'deciding' || state.phase === 'disclosing';
  const waiting = state.phase === 'waiting-for-human' || state.phase === 'handing-over';
  if (waiting || state.phase === 'closing') return fields;
  if (busy) {
    return {
      state: { ...fields.state, pending: [...fields.state.pending, utterance] },
      actions: fields.actions,
    };
  }
  const result = respond(fields.state, utterance, context);
  return { state: result.state, actions: [...fields.actions, ...result.actions] };
}

/** Reports fields the rule-based note draft finds in everything the caller said so far. */
function collectFields(
  state: DialogueState,
  context: DialogueContext,
  confidence: number,
): Transition {
  const draft = draftNoteByRules(
    state.callerLines.map((text) => ({ speaker: 'caller' as const, text })),
    context.client,
  );
  const found: Partial<Record<CollectedField, string>> = {
    name: draft.callerName,
    callbackNumber: draft.callbackNumber,
    concern: draft.concern,
    urgency: draft.urgency === 'normal' ? undefined : draft.urgency,
    preferredCallbackTime: draft.preferredCallbackTime,
  };
  return reportFields(state, found, Math.min(0.9, confidence));
}

function reportFields(
  state: DialogueState,
  found: Partial<Record<CollectedField, string>>,
  confidence: number,
): Transition {
  const actions: DialogueAction[] = [];
  const reportedFields = { ...state.reportedFields };
  for (const [field, raw] of Object.entries(found) as [CollectedField, string | undefined][]) {
    const value = raw?.trim().slice(0, MAXIMUM_FIELD_LENGTH);
    if (!value || reportedFields[field] === value) continue;
    reportedFields[field] = value;
    actions.push({
      type: 'report',
      event: { type: 'field-collected', field, value, confidence: round(confidence) },
    });
  }
  return { state: { ...state, reportedFields }, actions };
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}

function respond(
  state: DialogueState,
  utterance: CallerUtterance,
  context: DialogueContext,
): Transition {
  const text = utterance.text.trim();
  if (soundsLikeEmergency(text)) return escalate(state, 'emergency', context);
  if (state.phase === 'awaiting-consent') return consent(state, utterance, context);
  if (state.phase.startsWith('taking-')) return takeMessage(state, utterance, context);
  if (state.phase !== 'conversation') return { state, actions: [] };
  if (asksForHuman(text)) return escalate(state, 'caller-asked-for-human', context);
  if (utterance.confidence < MINIMUM_TRANSCRIPT_CONFIDENCE) return unclear(state, context);
  if (saysGoodbye(text)) {
    return say({ ...state, phase: 'closing' }, [], PHRASES.goodbye);
  }
  return {
    state: { ...state, phase: 'deciding' },
    actions: [{ type: 'decide-answer', question: text }],
  };
}

function consent(
  state: DialogueState,
  utterance: CallerUtterance,
  context: DialogueContext,
): Transition {
  const text = utterance.text.trim();
  if (asksForHuman(text)) return escalate(state, 'caller-asked-for-human', context);
  const answer =
    utterance.confidence < MINIMUM_TRANSCRIPT_CONFIDENCE ? undefined : consentAnswerOf(text);
  if (answer === 'declined') {
    const reported = { type: 'report' as const, event: { type: 'consent' as const, given: false } };
    const escalation = escalate(state, 'consent-declined', context);
    return { state: escalation.state, actions: [reported, ...escalation.actions] };
  }
  if (answer === 'given') {
    return say(
      { ...state, phase: 'conversation', unclearAnswers: 0 },
      [{ type: 'report', event: { type: 'consent', given: true } }],
      PHRASES.howCanIHelp,
    );
  }
  if (state.unclearAnswers >= 1) return escalate(state, 'low-confidence', context);
  return say({ ...state, unclearAnswers: state.unclearAnswers + 1 }, [], PHRASES.consentRepeat);
}

function unclear(state: DialogueState, context: DialogueContext): Transition {
  if (state.unclearAnswers >= 1) return escalate(state, 'low-confidence', context);
  return say({ ...state, unclearAnswers: state.unclearAnswers + 1 }, [], PHRASES.notUnderstood);
}

function decided(
  state: DialogueState,
  decision: AnswerDecision,
  context: DialogueContext,
): Transition {
  if (state.phase !== 'deciding') return { state, actions: [] };
  const back = { ...state, phase: 'conversation' as const, unclearAnswers: 0 };
  if (decision.kind === 'answer') {
    return say(back, [], `${decision.text} ${PHRASES.anythingElse}`);
  }
  const reason = ESCALATION_REASON_OF[decision.reason];
  return escalate(back, reason, context);
}

function escalate(
  state: DialogueState,
  reason: EscalationReason,
  context: DialogueContext,
): Transition {
  const draft = draftNoteByRules(
    state.callerLines.map((text) => ({ speaker: 'caller' as const, text })),
    context.client,
  );
  const urgency: Urgency =
    reason === 'emergency' ? 'emergency' : draft.urgency === 'high' ? 'high' : 'normal';
  const concern = draft.concern ?? state.callerLines.at(-1) ?? '';
  const summary = `${SUMMARY_LEAD[reason]}${concern === '' ? '' : ` Anliegen: ${concern}`}`.slice(
    0,
    MAXIMUM_SUMMARY_LENGTH,
  );
  const next: DialogueState = {
    ...state,
    phase: 'waiting-for-human',
    escalated: true,
    pending: [],
  };
  return say(
    next,
    [{ type: 'report', event: { type: 'escalation-requested', reason, urgency, summary } }],
    reason === 'emergency' ? PHRASES.connectingEmergency : PHRASES.connecting,
  );
}

const SUMMARY_LEAD: Record<EscalationReason, string> = {
  'out-of-corridor': 'Frage außerhalb der Freigabetexte.',
  'judgement-required': 'Braucht eine fachliche Einschätzung.',
  'caller-asked-for-human': 'Anrufer möchte einen Menschen sprechen.',
  'consent-declined': 'Anrufer hat der KI nicht zugestimmt.',
  'low-confidence': 'Anrufer nicht sicher verstanden.',
  emergency: 'Möglicher Notfall.',
};

function commanded(state: DialogueState, command: BotCommand): Transition {
  const waiting = state.phase === 'waiting-for-human';
  switch (command.type) {
    case 'hand-over':
      if (state.phase === 'handing-over') return { state, actions: [] };
      return {
        state: { ...state, phase: 'handing-over', pending: [] },
        actions: [{ type: 'refer', referTo: command.referTo }],
      };
    case 'keep-waiting':
      if (!waiting || state.speaking) return { state, actions: [] };
      return say(state, [], PHRASES.position(command.position));
    case 'take-message':
      if (!waiting) return { state, actions: [] };
      return say({ ...state, phase: 'taking-name', pending: [] }, [], PHRASES.askName);
    case 'end':
      return say({ ...state, phase: 'closing', pending: [] }, [], PHRASES.goodbye);
  }
}

function takeMessage(
  state: DialogueState,
  utterance: CallerUtterance,
  context: DialogueContext,
): Transition {
  const text = utterance.text.trim().slice(0, MAXIMUM_FIELD_LENGTH);
  const confidence = Math.min(0.9, utterance.confidence);
  if (state.phase === 'taking-name') {
    const ruled = draftNoteByRules([{ speaker: 'caller', text }], context.client).callerName;
    const fields = reportFields(
      state,
      { name: ruled ?? text },
      ruled ? confidence : confidence / 2,
    );
    return say(
      { ...fields.state, phase: 'taking-number' },
      [...fields.actions],
      PHRASES.askCallbackNumber,
    );
  }
  if (state.phase === 'taking-number') {
    const spoken = findPhoneNumbers(text)[0];
    const number = spoken ?? context.callerNumber;
    const fields = number
      ? reportFields(state, { callbackNumber: number }, spoken ? confidence : 0.5)
      : { state, actions: [] };
    return say(
      { ...fields.state, phase: 'taking-concern' },
      [...fields.actions],
      PHRASES.askConcern,
    );
  }
  const fields = reportFields(state, { concern: text }, confidence);
  return say(
    { ...fields.state, phase: 'closing' },
    [...fields.actions, { type: 'report', event: { type: 'message-taken' } }],
    PHRASES.messageTaken,
  );
}
