/**
 * Helpers shared by the softphone's call tests: available desks on the fake SIP network
 * (disposed after each test), the legs of a desk, and a connected call between two desks.
 */
import type { Session } from 'sip.js';
import { afterEach, expect, vi } from 'vitest';
import { CallState } from '../../../../shared/domain/callState';
import { liveLegs, type CallLeg } from '../callStore';
import type { SessionDescriptionHandlerFake } from './sessionDescriptionHandlerFake';
import { createSoftphoneDeskFake, type SoftphoneDeskFake } from './softphoneDeskFake';
import type { SipNetworkFake } from './sipNetworkFake';

/** Desks created by {@link availableDesk}; call once per test file to dispose them. */
export function disposeDesksAfterEach(): SoftphoneDeskFake[] {
  const desks: SoftphoneDeskFake[] = [];
  afterEach(async () => {
    for (const created of desks.splice(0)) await created.engine.dispose();
  });
  return desks;
}

export async function availableDesk(
  desks: SoftphoneDeskFake[],
  network: SipNetworkFake,
  user: string,
  options: Parameters<typeof createSoftphoneDeskFake>[2] = {},
): Promise<SoftphoneDeskFake> {
  const desk = await createSoftphoneDeskFake(network, user, options);
  desks.push(desk);
  await vi.waitFor(() => expect(desk.store.getState().registration.health).toBe('registered'));
  expect(desk.engine.setPresence('available')).toEqual({ ok: true });
  return desk;
}

export const legs = (desk: SoftphoneDeskFake): CallLeg[] => liveLegs(desk.store.getState());

export const allLegs = (desk: SoftphoneDeskFake): CallLeg[] => {
  const state = desk.store.getState();
  return state.legOrder.map((id) => state.legs[id]!);
};

export const onlyLeg = (desk: SoftphoneDeskFake): CallLeg => {
  const live = legs(desk);
  expect(live).toHaveLength(1);
  return live[0]!;
};

/** The SIP.js session of a leg, through the controller's private map (test-only access). */
export function sessionOf(desk: SoftphoneDeskFake, legId: string): Session {
  const runtimes = (desk.engine.calls as unknown as { runtimes: Map<string, { session: Session }> })
    .runtimes;
  return runtimes.get(legId)!.session;
}

export function handlerOf(desk: SoftphoneDeskFake, legId: string): SessionDescriptionHandlerFake {
  return sessionOf(desk, legId).sessionDescriptionHandler as SessionDescriptionHandlerFake;
}

/** Rings `callee` from `caller`, answers and waits until both legs are active. */
export async function connect(caller: SoftphoneDeskFake, callee: SoftphoneDeskFake) {
  const dialled = await caller.engine.calls.dial(callee.user);
  expect(dialled.ok).toBe(true);
  await vi.waitFor(() =>
    expect(legs(callee).find((leg) => leg.state === CallState.Ringing)).toBeDefined(),
  );
  const ringing = legs(callee).find((leg) => leg.state === CallState.Ringing)!;
  await callee.engine.calls.answer(ringing.id);
  const callerLeg = (dialled as { id: string }).id;
  await vi.waitFor(() => {
    expect(caller.store.getState().legs[callerLeg]?.state).toBe(CallState.Active);
    expect(callee.store.getState().legs[ringing.id]?.state).toBe(CallState.Active);
  });
  return { callerLeg, calleeLeg: ringing.id };
}
