import type { Session } from 'sip.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallState } from '../../../shared/domain/callState';
import { liveLegs, type CallLeg } from './callStore';
import type { CallRecoveryPolicy } from './sip/callRecovery';
import { SessionDescriptionHandlerFake } from './testing/sessionDescriptionHandlerFake';
import {
  createSoftphoneDeskFake,
  FAST_WATCHDOG_POLICY,
  type SoftphoneDeskFake,
} from './testing/softphoneDeskFake';
import { SipNetworkFake } from './testing/sipNetworkFake';
import type { WatchdogPolicy } from '../../../shared/domain/registrationWatchdog';

/** Short delays so the wiring runs in real time; the rules themselves are in callRecovery.test. */
const FAST_RECOVERY: CallRecoveryPolicy = {
  iceGraceMs: 100,
  staggerMs: [150, 200],
  leaderWaitMs: 3_000,

  glareOwnerMs: [210, 400],
  glareOtherMs: [0, 200],
  unreachableBackoffMs: [100, 400],
  refusedRetries: 1,
  attemptTimeoutMs: 2_000,
  giveUpAfterMs: 10_000,
};

/**
 * The watchdog a little slower than FAST_WATCHDOG_POLICY: a busy CI machine can stall the event
 * loop for 100 ms, which that policy takes for a dead link (a spurious extra restart round).
 */
const STEADY_WATCHDOG_POLICY: WatchdogPolicy = {
  ...FAST_WATCHDOG_POLICY,
  probeIntervalMs: 300,
  probeTimeoutMs: 400,
  connectTimeoutMs: 500,
  registerTimeoutMs: 500,
};

/** vi.waitFor with room for a busy machine (the checks are about order, not speed). */
function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 10_000, interval: 20 });
}

const desks: SoftphoneDeskFake[] = [];

afterEach(async () => {
  for (const created of desks.splice(0)) await created.engine.dispose();
});

async function availableDesk(
  network: SipNetworkFake,
  user: string,
  recoveryPolicy = FAST_RECOVERY,
) {
  const desk = await createSoftphoneDeskFake(network, user, {
    policy: STEADY_WATCHDOG_POLICY,
    recoveryPolicy,
  });
  desks.push(desk);
  await eventually(() => expect(desk.store.getState().registration.health).toBe('registered'));
  expect(desk.engine.setPresence('available')).toEqual({ ok: true });
  return desk;
}

const onlyLeg = (desk: SoftphoneDeskFake): CallLeg => {
  const live = liveLegs(desk.store.getState());
  expect(live).toHaveLength(1);
  return live[0]!;
};

function handlerOf(desk: SoftphoneDeskFake): SessionDescriptionHandlerFake {
  const runtimes = (desk.engine.calls as unknown as { runtimes: Map<string, { session: Session }> })
    .runtimes;
  const [runtime] = [...runtimes.values()];
  return runtime!.session.sessionDescriptionHandler as SessionDescriptionHandlerFake;
}

/** re-INVITEs on the wire: INVITEs whose To already carries the far end's tag. */
function reInvites(network: SipNetworkFake): string[] {
  return network
    .requestsOf('INVITE')
    .map((request) => request.text)
    .filter((text) => /^To:.*;tag=/im.test(text));
}

async function connectedPair(recoveryPolicy = FAST_RECOVERY) {
  const network = new SipNetworkFake();
  const alice = await availableDesk(network, '1001', recoveryPolicy);
  const bob = await availableDesk(network, '1002', recoveryPolicy);
  await alice.engine.calls.dial('1002');
  await eventually(() => expect(onlyLeg(bob).state).toBe(CallState.Ringing));
  await bob.engine.calls.answer(onlyLeg(bob).id);
  await eventually(() => {
    expect(onlyLeg(alice).state).toBe(CallState.Active);
    expect(onlyLeg(bob).state).toBe(CallState.Active);
  });
  // Let the ACK arrive before anything re-INVITEs or cuts: SIP.js drops the ACK of a re-INVITE
  // while the initial ACK is still outstanding.
  await eventually(() => expect(network.requestsOf('ACK')).toHaveLength(1));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { network, alice, bob };
}

/** 200 OKs the desks sent to INVITEs: the initial one plus every accepted re-INVITE. */
const acceptedInvites = (network: SipNetworkFake) =>
  network.responses.filter((response) => response.method === 'INVITE' && response.status === 200)
    .length;

const health = (desk: SoftphoneDeskFake) => desk.store.getState().registration.health;

describe('calls recover after a network cut (ICE-restart re-INVITE)', () => {
  it('after the link returns each desk restarts ICE with one accepted re-INVITE, no storm', async () => {
    const { network, alice, bob } = await connectedPair();
    network.setMode('silent');
    await eventually(() => {
      expect(health(alice)).toBe('offline');
      expect(health(bob)).toBe('offline');
    });
    expect(reInvites(network)).toHaveLength(0);
    network.setMode('up');
    await eventually(() => expect(acceptedInvites(network)).toBe(3));
    const sent = reInvites(network).length;
    // Wait out anything a storm would send late.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(reInvites(network)).toHaveLength(sent);
    // One per desk, plus retries of a desk that re-registered before the other (408s).
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(sent).toBeLessThanOrEqual(8);
    expect(acceptedInvites(network)).toBe(3);
    for (const text of reInvites(network)) expect(text).toMatch(/a=ice-ufrag:fake[12]/);
    expect(handlerOf(alice).iceRestarts).toBeGreaterThanOrEqual(1);
    expect(handlerOf(bob).iceRestarts).toBeGreaterThanOrEqual(1);
    expect(network.requestsOf('BYE')).toHaveLength(0);
    for (const desk of [alice, bob]) {
      expect(onlyLeg(desk).state).toBe(CallState.Active);
      expect(onlyLeg(desk).lastError).toBeUndefined();
    }
  });

  it('the first desk back retries until the other desk has reconnected, from a rolled-back offer', async () => {
    const { network, alice, bob } = await connectedPair();
    network.setMode('silent');
    await eventually(() => {
      expect(health(alice)).toBe('offline');
      expect(health(bob)).toBe('offline');
    });
    // Bob's link stays cut a while longer: the proxy still routes to his dead connection.
    network.cutDesk('1002');
    network.setMode('up');
    await eventually(() => expect(health(alice)).toBe('registered'));
    // Alice's re-INVITEs get no answer from Bob (408 from the proxy); she keeps retrying.
    await eventually(() => expect(reInvites(network).length).toBeGreaterThanOrEqual(3));
    expect(acceptedInvites(network)).toBe(1);
    expect(handlerOf(alice).rollbacks).toBeGreaterThanOrEqual(2);
    expect(onlyLeg(alice).lastError).toBeUndefined();
    network.restoreDesk('1002');
    // Bob, back, offers nothing of his own until he has answered Alice's (no crossing offers).
    await eventually(() => expect(acceptedInvites(network)).toBeGreaterThanOrEqual(2));
    expect(reInvites(network).filter((text) => /^From:[^\n]*sip:1002@/im.test(text))).toEqual([]);
    await eventually(() => expect(acceptedInvites(network)).toBe(3));
    // The desk that answers a re-INVITE says "100 Trying" at once (the proxy's fast 408 needs it).
    expect(
      network.responses.some((response) => response.method === 'INVITE' && response.status === 100),
    ).toBe(true);
    expect(network.requestsOf('BYE')).toHaveLength(0);
    for (const desk of [alice, bob]) {
      expect(onlyLeg(desk).state).toBe(CallState.Active);
      expect(onlyLeg(desk).lastError).toBeUndefined();
      expect(handlerOf(desk).iceRestarts).toBeGreaterThanOrEqual(1);
    }
  });

  it('ICE failing on a live link restarts once, after an OPTIONS proved the link', async () => {
    const { network, alice, bob } = await connectedPair();
    const optionsBefore = network.optionsCount;
    handlerOf(alice).emitIce('failed');
    handlerOf(alice).emitIce('disconnected');
    handlerOf(alice).emitIce('failed');
    await eventually(() => expect(reInvites(network)).toHaveLength(1));
    expect(network.optionsCount).toBeGreaterThan(optionsBefore);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reInvites(network)).toHaveLength(1);
    expect(handlerOf(alice).iceRestarts).toBe(1);
    expect(handlerOf(bob).iceRestarts).toBe(0);
    expect(onlyLeg(alice).state).toBe(CallState.Active);
    expect(onlyLeg(bob).state).toBe(CallState.Active);
  });

  it('glare: both desks restart at once (no stagger), collide, and each retries', async () => {
    const { network, alice, bob } = await connectedPair({ ...FAST_RECOVERY, staggerMs: [0, 0] });
    handlerOf(alice).emitIce('failed');
    handlerOf(bob).emitIce('failed');
    // 491, or 488 when SIP.js was still preparing its own offer (see restartOutcomeOf).
    await eventually(() =>
      expect(network.responses.some((r) => r.status === 491 || r.status === 488)).toBe(true),
    );
    // The initial INVITE's 200 and one accepted restart per desk.
    await eventually(() => expect(acceptedInvites(network)).toBe(3));
    expect(reInvites(network).length).toBeLessThanOrEqual(8);
    expect(network.requestsOf('BYE')).toHaveLength(0);
    for (const desk of [alice, bob]) {
      expect(onlyLeg(desk).state).toBe(CallState.Active);
      expect(onlyLeg(desk).lastError).toBeUndefined();
    }
  });

  it('a refused restart keeps the call up and tells the agent', async () => {
    const { network, alice, bob } = await connectedPair();
    // Bob cannot answer the new offer, twice: SIP.js answers both re-INVITEs with 488 (a 488
    // may be a collision, so FAST_RECOVERY.refusedRetries = 1 retry follows).
    handlerOf(bob).failDescriptions = 2;
    handlerOf(alice).emitIce('failed');
    await eventually(() => expect(onlyLeg(alice).lastError).toBe('recovery-failed'));
    expect(network.responses.filter((response) => response.status === 488)).toHaveLength(2);
    expect(reInvites(network)).toHaveLength(2);
    expect(network.requestsOf('BYE')).toHaveLength(0);
    expect(onlyLeg(alice).state).toBe(CallState.Active);
    expect(onlyLeg(bob).state).toBe(CallState.Active);
    // The next restart works and clears the notice.
    handlerOf(alice).emitIce('connected');
    handlerOf(alice).emitIce('failed');
    await eventually(() => expect(onlyLeg(alice).lastError).toBeUndefined());
  });

  it('held calls are left alone, and a later hold does not restart ICE again', async () => {
    const { network, alice, bob } = await connectedPair();
    handlerOf(alice).emitIce('failed');
    await eventually(() => expect(handlerOf(alice).iceRestarts).toBe(1));
    await eventually(() => expect(reInvites(network)).toHaveLength(1));
    expect(await alice.engine.calls.setHold(onlyLeg(alice).id, true)).toBe(true);
    expect(handlerOf(alice).iceRestarts).toBe(1);
    expect(reInvites(network)).toHaveLength(2);
    // Alice holds: after a cut only Bob (not holding) restarts.
    network.setMode('silent');
    await eventually(() => expect(health(alice)).toBe('offline'));
    network.setMode('up');
    await eventually(() => expect(handlerOf(bob).iceRestarts).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(handlerOf(alice).iceRestarts).toBe(1);
    expect(onlyLeg(alice).state).toBe(CallState.Held);
  });
});
