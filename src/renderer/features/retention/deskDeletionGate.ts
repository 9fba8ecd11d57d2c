/**
 * Whether this window has applied the data-request deletions the portal holds for this desk
 * (issue 13: a desk that was offline deletes its copies at its next start *before* showing any
 * data). One gate per window (keyed by the app environment, like the history).
 *
 * ```
 * applying ──pending deletions fetched and handled──▶ applied
 *    │                                                   ▲
 *    └──portal not reachable / not logged in──▶ unknown ─┘ (a later fetch succeeds)
 * applied / unknown ──another user logs in──▶ applying
 * ```
 * `unknown` opens the history with a hint: without the portal the desk cannot learn of
 * deletions, and a desk that hides its history whenever the portal is down cannot work.
 */
import { useAppEnvironment } from '../../app/AppEnvironment';
import { createAppStore, useAppStore, type AppStore } from '../../app/state/appStore';

export const DESK_DELETION_GATE_STATES = ['applying', 'applied', 'unknown'] as const;
export type DeskDeletionGateState = (typeof DESK_DELETION_GATE_STATES)[number];
export type DeskDeletionGateEvent = 'start' | 'applied' | 'unreachable';

/** The gate's transitions; `unreachable` never undoes `applied`. */
export function transition(
  state: DeskDeletionGateState,
  event: DeskDeletionGateEvent,
): DeskDeletionGateState {
  if (event === 'start') return 'applying';
  if (event === 'applied') return 'applied';
  return state === 'applied' ? 'applied' : 'unknown';
}

export interface DeskDeletionGate {
  readonly state: DeskDeletionGateState;
  send(event: DeskDeletionGateEvent): void;
}

const gates = new WeakMap<object, AppStore<DeskDeletionGate>>();

export function deskDeletionGateFor(environment: object): AppStore<DeskDeletionGate> {
  const existing = gates.get(environment);
  if (existing) return existing;
  const gate = createAppStore<DeskDeletionGate>((set) => ({
    state: 'applying',
    send: (event) => set((current) => ({ state: transition(current.state, event) })),
  }));
  gates.set(environment, gate);
  return gate;
}

/** The window's gate state (re-renders on change). */
export function useDeskDeletionGate(): DeskDeletionGateState {
  return useAppStore(deskDeletionGateFor(useAppEnvironment()), (gate) => gate.state);
}
