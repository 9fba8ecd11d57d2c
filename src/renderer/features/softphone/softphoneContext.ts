/**
 * One softphone per window: the store and engine are created on first use for an app
 * environment and live as long as it (the calls area is mounted at start and never unmounted,
 * so registration starts with the window). Other features reach the phone through these hooks
 * (click-to-call from the history, transfers from the client card) instead of a global.
 */
import { useMemo } from 'react';
import { useAppEnvironment, type AppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { CallState, isConnected } from '../../../shared/domain/callState';
import { createCallStore, currentClientLine, liveLegs, type CallStore } from './callStore';
import { SoftphoneEngine } from './softphoneEngine';
import type { CallerReferPolicy } from './sip/referDecision';

export interface Softphone {
  store: CallStore;
  engine: SoftphoneEngine;
  /** Settles when the first settings were applied (registration may still be running). */
  started: Promise<void>;
}

const softphones = new WeakMap<object, Softphone>();

export function softphoneFor(environment: Pick<AppEnvironment, 'client'>): Softphone {
  const existing = softphones.get(environment);
  if (existing) return existing;
  const store = createCallStore();
  const engine = new SoftphoneEngine({
    store,
    client: environment.client,
    trace: import.meta.env.VITE_EMPFANG_SIP_TRACE === '1',
    callerReferPolicy: (leg) => callerReferPolicyOf(environment, leg.clientLine),
  });
  const softphone: Softphone = { store, engine, started: engine.start().catch(() => undefined) };
  softphones.set(environment, softphone);
  return softphone;
}

/** A caller's REFER is shown to the agent only when the line's client allows it (else 403). */
async function callerReferPolicyOf(
  environment: Pick<AppEnvironment, 'client'>,
  line: string | undefined,
): Promise<CallerReferPolicy> {
  if (!line) return 'refuse';
  const lookup = await environment.client.portal.clientByLine(line).catch(() => undefined);
  const allowed =
    lookup?.ok === true &&
    lookup.value.kind === 'found' &&
    lookup.value.profile.allowCallerTransfer === true;
  return allowed ? 'ask' : 'refuse';
}

/** Tests hand in a softphone built over fakes for their environment. */
export function provideSoftphone(environment: object, softphone: Softphone): void {
  softphones.set(environment, softphone);
}

export function useSoftphone(): Softphone {
  return softphoneFor(useAppEnvironment());
}

/** The client line (E.164) of the call the desk is handling now: the client card's input. */
export function useCurrentClientLine(): string | undefined {
  const { store } = useSoftphone();
  return useAppStore(store, currentClientLine);
}

/** Transfers for the client card's staff directory (blind, or attended via consultation). */
export function useStaffTransfer() {
  const { store, engine } = useSoftphone();
  const connected = useAppStore(store, (state) =>
    liveLegs(state).find((leg) => isConnected(leg.state) && !leg.consultationFor),
  );
  const consulting = connected?.state === CallState.Consulting;
  return useMemo(
    () => ({
      available: connected !== undefined,
      consulting,
      blind: (target: string) =>
        connected ? engine.calls.blindTransfer(connected.id, target) : Promise.resolve(false),
      startAttended: async (target: string) =>
        connected ? (await engine.calls.startConsultation(connected.id, target)).ok : false,
      completeAttended: () =>
        connected ? engine.calls.completeAttendedTransfer(connected.id) : Promise.resolve(false),
    }),
    [connected, consulting, engine],
  );
}
