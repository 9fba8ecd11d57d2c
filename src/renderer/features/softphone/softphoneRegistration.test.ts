import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSoftphoneDeskFake,
  FAST_WATCHDOG_POLICY,
  type SoftphoneDeskFake,
} from './testing/softphoneDeskFake';
import { SipNetworkFake } from './testing/sipNetworkFake';

const desks: SoftphoneDeskFake[] = [];

async function desk(network: SipNetworkFake, user: string, options = {}) {
  const created = await createSoftphoneDeskFake(network, user, options);
  desks.push(created);
  return created;
}

const health = (desk: SoftphoneDeskFake) => desk.store.getState().registration.health;

afterEach(async () => {
  for (const created of desks.splice(0)) await created.engine.dispose();
});

describe('softphone registration', () => {
  it('registers and shows server, identity and the time of the last refresh', async () => {
    const network = new SipNetworkFake();
    const agent = await desk(network, '1001');
    await vi.waitFor(() => expect(health(agent)).toBe('registered'));
    const registration = agent.store.getState().registration;
    expect(registration.server).toBe('ws://sip.fake');
    expect(registration.identity).toBe('sip:1001@lab.test');
    expect(registration.lastRegisteredAt).toBeGreaterThan(Date.now() - 5_000);
    expect(network.isRegistered('1001')).toBe(true);
  });

  it('authenticates with the HA1 from the host, learning the challenged realm once', async () => {
    const network = new SipNetworkFake();
    network.passwords.set('1001', 'secret');
    const first = await desk(network, '1001', { password: 'secret' });
    await vi.waitFor(() => expect(health(first)).toBe('registered'));
    expect(first.keyRequests).toContain('fake-realm');
    // The realm is remembered (no personal data), so the next start needs no extra round trip.
    expect([...first.storage.values()]).toEqual(['fake-realm']);
    await first.engine.dispose();
    const before = network.registerCount;
    const second = await desk(network, '1001', { password: 'secret', storage: first.storage });
    await vi.waitFor(() => expect(health(second)).toBe('registered'));
    expect(network.registerCount - before).toBe(2); // challenge + authenticated REGISTER
  });

  it('shows a wrong password clearly and does not retry', async () => {
    const network = new SipNetworkFake();
    network.passwords.set('1001', 'right');
    // Fast back-off (a retry would show within the second below), but time-outs a loaded CI
    // machine cannot hit: a timed-out attempt is retried by design and would blur the count.
    const policy = { ...FAST_WATCHDOG_POLICY, connectTimeoutMs: 5_000, registerTimeoutMs: 5_000 };
    const agent = await desk(network, '1001', { password: 'wrong', policy });
    await vi.waitFor(() => expect(health(agent)).toBe('auth-failed'));
    expect(agent.store.getState().registration.lastProblem).toBe('auth');
    const attempts = network.registerCount;
    expect(attempts).toBeLessThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(network.registerCount).toBe(attempts);
  });

  it('refuses "available" while unregistered and allows it once registered', async () => {
    const network = new SipNetworkFake();
    network.setMode('down');
    const agent = await desk(network, '1001', { policy: FAST_WATCHDOG_POLICY });
    expect(agent.engine.setPresence('available')).toEqual({
      ok: false,
      notice: 'needs-registration',
    });
    expect(agent.store.getState().presence).toBe('not-ready');
    network.setMode('up');
    await vi.waitFor(() => expect(health(agent)).toBe('registered'));
    // The agent asked to be available: granted as soon as the registration exists.
    expect(agent.store.getState().presence).toBe('available');
    expect(agent.engine.setPresence('break', 'Mittag')).toEqual({ ok: true });
    expect(agent.store.getState().breakReason).toBe('Mittag');
  });

  it('goes offline by un-registering and comes back', async () => {
    const network = new SipNetworkFake();
    const agent = await desk(network, '1001');
    await vi.waitFor(() => expect(health(agent)).toBe('registered'));
    agent.engine.setPresence('offline');
    await vi.waitFor(() => expect(network.isRegistered('1001')).toBe(false));
    expect(health(agent)).toBe('stopped');
    agent.engine.setPresence('after-call-work');
    await vi.waitFor(() => expect(health(agent)).toBe('registered'));
  });
});

describe('softphone watchdog (fast policy)', () => {
  it('sets not-ready on a silent cut and re-registers once after it', async () => {
    const network = new SipNetworkFake();
    const agent = await desk(network, '1001', { policy: FAST_WATCHDOG_POLICY });
    await vi.waitFor(() => expect(health(agent)).toBe('registered'));
    agent.engine.setPresence('available');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(network.optionsCount).toBeGreaterThan(0);
    network.setMode('silent');
    const cutAt = Date.now();
    await vi.waitFor(() => expect(agent.store.getState().presence).toBe('not-ready'), {
      timeout: 2_000,
    });
    // Fast policy: interval 150 + 2 × 100 ms; generous bound for a loaded machine.
    expect(Date.now() - cutAt).toBeLessThan(1_000);
    expect(agent.store.getState().presenceNotice).toBe('link-lost');
    expect(health(agent)).toBe('offline');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const registersBefore = network.registerCount;
    network.setMode('up');
    const restoredAt = Date.now();
    await vi.waitFor(() => expect(health(agent)).toBe('registered'), { timeout: 2_000 });
    expect(Date.now() - restoredAt).toBeLessThan(1_000);
    expect(network.registerCount - registersBefore).toBe(1);
  });

  it('reconnects after a server restart', async () => {
    const network = new SipNetworkFake();
    const agent = await desk(network, '1001', { policy: FAST_WATCHDOG_POLICY });
    await vi.waitFor(() => expect(health(agent)).toBe('registered'));
    network.setMode('down');
    await vi.waitFor(() => expect(health(agent)).toBe('offline'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    network.setMode('up');
    await vi.waitFor(() => expect(health(agent)).toBe('registered'), { timeout: 2_000 });
    expect(network.isRegistered('1001')).toBe(true);
  });
});
