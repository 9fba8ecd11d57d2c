/**
 * The state of one call leg as the desk sees it. The softphone store renders this machine; the
 * UI MUST NOT invent states of its own, and adapters MUST move a leg only through
 * {@link transition}.
 *
 * ```
 *                 incoming                      answer                 established
 *   Idle ───────────────────────▶ Ringing ──────────────▶ Answering ───────────────┐
 *    │                              │ decline / cancelled      │ failed            │
 *    │ dial                         ▼                          ▼                   ▼
 *    └─────────▶ Dialling ──────▶ Ended                      Failed      ┌───▶ Active ◀─────┐
 *                  │  │ progress(early media)                            │      │  │ hold   │ resume
 *                  │  └──────────▶ EarlyMedia ── established ────────────┘      │  ▼        │
 *                  │ established ─────────────────────────────────────────▶     │  Held ────┘
 *                  │ rejected / failed ──▶ Failed                               │  │ consult
 *                  │ hangup (cancel) ───▶ Ended                                 │  ▼
 *                                                           transfer ◀──────────┤ Consulting
 *                                                              │                │  │ consultEnded ─▶ Held
 *                                                              ▼                │  │ transfer
 *                                 Held ◀── transferFailed ── Transferring ◀─────┴──┘
 *                                                              │ transferSucceeded
 *                                                              ▼
 *                                   hangup / remoteHangup ──▶ Ended   (from every live state)
 * ```
 *
 * `Ended` and `Failed` are terminal: a leg never leaves them. An event that does not apply to a
 * state leaves the state unchanged ({@link canTransition} says whether it applies).
 */
export enum CallState {
  /** No call on this leg yet. */
  Idle = 'idle',
  /** An incoming INVITE is ringing at the desk. */
  Ringing = 'ringing',
  /** The agent clicked answer; 200 OK sent, waiting for the ACK / media. */
  Answering = 'answering',
  /** An outgoing INVITE was sent; no answer yet. */
  Dialling = 'dialling',
  /** An outgoing call received a provisional response with SDP (early media). */
  EarlyMedia = 'early-media',
  /** Both sides talk. */
  Active = 'active',
  /** The desk put the far end on hold (re-INVITE sendonly/inactive accepted). */
  Held = 'held',
  /** The far end is held while the agent talks to a consultation target (attended transfer). */
  Consulting = 'consulting',
  /** A REFER was sent; waiting for the transfer target to answer. */
  Transferring = 'transferring',
  /** The call ended normally (hang-up, decline, cancel, transferred away). */
  Ended = 'ended',
  /** The call could not be set up or broke (error response, unusable offer, media failure). */
  Failed = 'failed',
}

/** Everything that can happen to a call leg. */
export type CallEvent =
  | 'incoming'
  | 'dial'
  | 'progress'
  | 'answer'
  | 'established'
  | 'hold'
  | 'resume'
  | 'consult'
  | 'consultEnded'
  | 'transfer'
  | 'transferSucceeded'
  | 'transferFailed'
  | 'decline'
  | 'cancelled'
  | 'rejected'
  | 'hangup'
  | 'remoteHangup'
  | 'failed';

/** Every event, for exhaustive tests and debug views. */
export const CALL_EVENTS: readonly CallEvent[] = [
  'incoming',
  'dial',
  'progress',
  'answer',
  'established',
  'hold',
  'resume',
  'consult',
  'consultEnded',
  'transfer',
  'transferSucceeded',
  'transferFailed',
  'decline',
  'cancelled',
  'rejected',
  'hangup',
  'remoteHangup',
  'failed',
];

const HANG_UP: Partial<Record<CallEvent, CallState>> = {
  hangup: CallState.Ended,
  remoteHangup: CallState.Ended,
  failed: CallState.Failed,
};

/** The transition table: state → event → next state. Missing entries do not apply. */
const TRANSITIONS: Record<CallState, Partial<Record<CallEvent, CallState>>> = {
  [CallState.Idle]: { incoming: CallState.Ringing, dial: CallState.Dialling },
  [CallState.Ringing]: {
    answer: CallState.Answering,
    decline: CallState.Ended,
    cancelled: CallState.Ended,
    failed: CallState.Failed,
  },
  [CallState.Answering]: {
    established: CallState.Active,
    cancelled: CallState.Ended,
    ...HANG_UP,
  },
  [CallState.Dialling]: {
    progress: CallState.EarlyMedia,
    established: CallState.Active,
    rejected: CallState.Failed,
    ...HANG_UP,
  },
  [CallState.EarlyMedia]: {
    established: CallState.Active,
    rejected: CallState.Failed,
    ...HANG_UP,
  },
  [CallState.Active]: {
    hold: CallState.Held,
    transfer: CallState.Transferring,
    ...HANG_UP,
  },
  [CallState.Held]: {
    resume: CallState.Active,
    consult: CallState.Consulting,
    transfer: CallState.Transferring,
    ...HANG_UP,
  },
  [CallState.Consulting]: {
    consultEnded: CallState.Held,
    transfer: CallState.Transferring,
    ...HANG_UP,
  },
  [CallState.Transferring]: {
    transferSucceeded: CallState.Ended,
    transferFailed: CallState.Held,
    ...HANG_UP,
  },
  [CallState.Ended]: {},
  [CallState.Failed]: {},
};

/** Whether `event` applies in `state`. */
export function canTransition(state: CallState, event: CallEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

/**
 * The next state after `event`. Pure: no clock, no I/O. An event that does not apply returns
 * `state` unchanged, so late or duplicate signalling (a BYE after a CANCEL) cannot corrupt a leg.
 */
export function transition(state: CallState, event: CallEvent): CallState {
  return TRANSITIONS[state][event] ?? state;
}

/** Terminal states: the leg is over and can be removed from the live view. */
export function isTerminal(state: CallState): boolean {
  return state === CallState.Ended || state === CallState.Failed;
}

/** States in which the agent is connected to the far end (the call timer runs). */
export function isConnected(state: CallState): boolean {
  return (
    state === CallState.Active ||
    state === CallState.Held ||
    state === CallState.Consulting ||
    state === CallState.Transferring
  );
}
