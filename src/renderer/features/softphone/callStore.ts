/**
 * The softphone's state: registration health, agent presence and the call legs. Legs change
 * state only through the shared call state machine (`applyCallEvent` → `transition`), so the UI
 * renders what the machine says and never invents a state. Created by a factory: every window
 * and every test gets a fresh store.
 */
import {
  CallState,
  isTerminal,
  transition,
  type CallEvent,
} from '../../../shared/domain/callState';
import type {
  RegistrationHealth,
  RegistrationProblem,
} from '../../../shared/domain/registrationWatchdog';
import { createAppStore, type AppStore } from '../../app/state/appStore';

export type Presence = 'available' | 'after-call-work' | 'break' | 'offline' | 'not-ready';

/** Why a presence change was refused or forced; shown to the agent. */
export type PresenceNotice = 'needs-registration' | 'link-lost';

export type CallDirection = 'incoming' | 'outgoing';

/** How a leg ended, for the live view and the history. */
export type CallOutcome =
  | 'completed'
  | 'declined'
  | 'missed'
  | 'cancelled'
  | 'busy'
  | 'rejected'
  | 'unusable-offer'
  | 'transferred'
  | 'replaced'
  | 'failed';

export interface CallLeg {
  id: string;
  direction: CallDirection;
  state: CallState;
  /** The far end: E.164, an extension, or undefined when it sent no usable number. */
  remoteNumber?: string;
  /** What to show for the far end's number (national format, extension, or sanitised user). */
  remoteLabel: string;
  /** Sanitised display name; plain text, rendered as a text node only. */
  remoteName: string;
  /** The dialled client line (E.164) — the hook for the client card. */
  clientLine?: string;
  createdAt: number;
  connectedAt?: number;
  endedAt?: number;
  muted: boolean;
  /** Set on a consultation call: the leg that waits to be transferred. */
  consultationFor?: string;
  outcome?: CallOutcome;
  /** The SIP status that ended or refused the leg, if any. */
  statusCode?: number;
  /** The far end put this call on hold (its re-INVITE offered sendonly/inactive). */
  remoteHold?: boolean;
  /** The far end asked to transfer this call (REFER); waits for the agent's decision. */
  referRequest?: { targetLabel: string };
  /** An operation on this leg is waiting for the far end (hold re-INVITE, REFER). */
  pending?: 'hold' | 'resume' | 'transfer';
  /** The last operation that failed, e.g. a rejected hold; cleared by the next success. */
  lastError?:
    | 'hold-failed'
    | 'transfer-failed'
    | 'dtmf-failed'
    | 'media-failed'
    /** The caller's offer could not be used by the browser (not the microphone's fault). */
    | 'offer-failed'
    /** A hold got 408/481: the far end is gone (no BYE came) and the call was ended. */
    | 'far-end-gone'
    /** The ICE-restart re-INVITE after a network problem failed; the call is still up. */
    | 'recovery-failed';
}

export interface RegistrationView {
  health: RegistrationHealth;
  /** The configured WebSocket server (no credentials). */
  server: string;
  /** The configured SIP address of this desk. */
  identity: string;
  lastProblem?: RegistrationProblem;
  /** Milliseconds since the epoch of the last successful REGISTER (initial or refresh). */
  lastRegisteredAt?: number;
  /** Set when no SIP account is configured yet. */
  unconfigured: boolean;
}

export type DeviceNotice =
  'microphone-fallback' | 'speaker-fallback' | 'ringer-fallback' | 'microphone-unavailable';

export interface SoftphoneState {
  registration: RegistrationView;
  presence: Presence;
  breakReason?: string;
  presenceNotice?: PresenceNotice;
  legs: Readonly<Record<string, CallLeg>>;
  /** Leg ids in arrival order. */
  legOrder: readonly string[];
  lastDialled?: string;
  deviceNotices: readonly DeviceNotice[];

  addLeg(leg: Omit<CallLeg, 'state' | 'muted'> & { event: 'incoming' | 'dial' }): void;
  /** Applies `event` through the state machine; false when it did not apply. */
  applyCallEvent(
    id: string,
    event: CallEvent,
    patch?: Partial<Omit<CallLeg, 'id' | 'state'>>,
  ): boolean;
  patchLeg(id: string, patch: Partial<Omit<CallLeg, 'id' | 'state'>>): void;
  removeLeg(id: string): void;
  setRegistration(patch: Partial<RegistrationView>): void;
  setPresence(
    presence: Presence,
    options?: { breakReason?: string; notice?: PresenceNotice },
  ): void;
  setLastDialled(target: string): void;
  addDeviceNotice(notice: DeviceNotice): void;
  dismissDeviceNotice(notice: DeviceNotice): void;
}

export type CallStore = AppStore<SoftphoneState>;

export function createCallStore(): CallStore {
  return createAppStore<SoftphoneState>((set, get) => ({
    registration: { health: 'stopped', server: '', identity: '', unconfigured: true },
    presence: 'not-ready',
    legs: {},
    legOrder: [],
    deviceNotices: [],

    addLeg: ({ event, ...leg }) =>
      set((state) => ({
        legs: {
          ...state.legs,
          [leg.id]: { ...leg, state: transition(CallState.Idle, event), muted: false },
        },
        legOrder: [...state.legOrder, leg.id],
      })),
    applyCallEvent: (id, event, patch) => {
      const leg = get().legs[id];
      if (!leg) return false;
      const next = transition(leg.state, event);
      if (next === leg.state) {
        if (patch) get().patchLeg(id, patch);
        return false;
      }
      set((state) => ({ legs: { ...state.legs, [id]: { ...leg, ...patch, state: next } } }));
      return true;
    },
    patchLeg: (id, patch) =>
      set((state) => {
        const leg = state.legs[id];
        return leg ? { legs: { ...state.legs, [id]: { ...leg, ...patch } } } : state;
      }),
    removeLeg: (id) =>
      set((state) => {
        const { [id]: _removed, ...legs } = state.legs;
        return { legs, legOrder: state.legOrder.filter((legId) => legId !== id) };
      }),
    setRegistration: (patch) =>
      set((state) => ({ registration: { ...state.registration, ...patch } })),
    setPresence: (presence, options = {}) =>
      set({
        presence,
        breakReason: presence === 'break' ? options.breakReason : undefined,
        presenceNotice: options.notice,
      }),
    setLastDialled: (target) => set({ lastDialled: target }),
    addDeviceNotice: (notice) =>
      set((state) =>
        state.deviceNotices.includes(notice)
          ? state
          : { deviceNotices: [...state.deviceNotices, notice] },
      ),
    dismissDeviceNotice: (notice) =>
      set((state) => ({ deviceNotices: state.deviceNotices.filter((item) => item !== notice) })),
  }));
}

/** Legs that are not over yet, in arrival order. */
export function liveLegs(state: Pick<SoftphoneState, 'legs' | 'legOrder'>): CallLeg[] {
  return state.legOrder
    .map((id) => state.legs[id])
    .filter((leg): leg is CallLeg => leg !== undefined && !isTerminal(leg.state));
}

/** The leg the agent is talking on (active or connecting), if any. */
export function focusedLeg(state: Pick<SoftphoneState, 'legs' | 'legOrder'>): CallLeg | undefined {
  const live = liveLegs(state);
  const talking = [CallState.Active, CallState.Answering, CallState.Dialling, CallState.EarlyMedia];
  return (
    live.find((leg) => talking.includes(leg.state)) ??
    live.find((leg) => leg.state !== CallState.Ringing) ??
    live[0]
  );
}

/** Incoming legs still ringing. */
export function ringingLegs(state: Pick<SoftphoneState, 'legs' | 'legOrder'>): CallLeg[] {
  return liveLegs(state).filter((leg) => leg.state === CallState.Ringing);
}

/**
 * The client line the desk is handling now: the focused leg's, else a ringing one's. The client
 * card subscribes to this.
 */
export function currentClientLine(
  state: Pick<SoftphoneState, 'legs' | 'legOrder'>,
): string | undefined {
  return focusedLeg(state)?.clientLine ?? ringingLegs(state)[0]?.clientLine;
}
