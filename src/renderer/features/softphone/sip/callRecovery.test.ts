import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallRecovery, DEFAULT_RECOVERY_POLICY, type RestartOutcome } from './callRecovery';

/** A recovery with scripted re-INVITE outcomes; records every decision it made. */
function recoveryFake(
  options: {
    outcomes?: (RestartOutcome | Promise<RestartOutcome>)[];
    owner?: boolean;
    eligible?: () => boolean;
    linkAlive?: () => Promise<boolean>;
    random?: number;
  } = {},
) {
  const restarts: { legId: string; at: number }[] = [];
  const recovered: string[] = [];
  const failed: string[] = [];
  const outcomes = [...(options.outcomes ?? [])];
  let probes = 0;
  const recovery = new CallRecovery({
    restart: async (legId) => {
      restarts.push({ legId, at: Date.now() });
      return outcomes.shift() ?? 'accepted';
    },
    eligible: options.eligible ?? (() => true),
    ownsCallId: () => options.owner ?? true,
    linkAlive: async () => {
      probes += 1;
      return options.linkAlive ? options.linkAlive() : true;
    },
    onRecovered: (legId) => recovered.push(legId),
    onFailed: (legId) => failed.push(legId),
    random: () => options.random ?? 0.5,
  });
  return { recovery, restarts, recovered, failed, probes: () => probes };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('restart after the link returned', () => {
  it('restarts every eligible leg exactly once, the Call-ID owner at once', async () => {
    const { recovery, restarts, recovered } = recoveryFake();
    recovery.track('a');
    recovery.track('b');
    recovery.linkLost();
    await vi.advanceTimersByTimeAsync(8_000);
    expect(restarts).toHaveLength(0);
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts.map((restart) => restart.legId)).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restarts).toHaveLength(2);
    expect(recovered).toEqual(['a', 'b']);
  });

  it('the callee waits a random 1–2 s stagger before an ICE-triggered restart too', async () => {
    const { recovery, restarts } = recoveryFake({ owner: false, random: 0 });
    recovery.track('a');
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(999);
    expect(restarts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(restarts).toEqual([{ legId: 'a', at: 1_000 }]);
  });

  it('after a link loss the callee waits for the owner’s re-INVITE, then restarts a stagger later', async () => {
    const { recovery, restarts } = recoveryFake({ owner: false, random: 0.5 });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(restarts).toHaveLength(0);
    recovery.farEndOffered('a');
    await vi.advanceTimersByTimeAsync(1_490);
    expect(restarts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(restarts).toEqual([{ legId: 'a', at: 6_500 }]);
  });

  it('the callee restarts anyway when the owner’s re-INVITE does not come in time', async () => {
    const { recovery, restarts, recovered } = recoveryFake({ owner: false });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(DEFAULT_RECOVERY_POLICY.leaderWaitMs - 1);
    expect(restarts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(restarts).toEqual([{ legId: 'a', at: DEFAULT_RECOVERY_POLICY.leaderWaitMs }]);
    expect(recovered).toEqual(['a']);
  });

  it('the owner’s re-INVITE answered before this desk saw its link return: only the stagger', async () => {
    const { recovery, restarts } = recoveryFake({ owner: false, random: 0 });
    recovery.track('a');
    recovery.linkLost();
    recovery.farEndOffered('a');
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(restarts).toEqual([{ legId: 'a', at: 1_000 }]);
  });

  it('an answered re-INVITE before the link loss does not release the callee', async () => {
    const { recovery, restarts } = recoveryFake({ owner: false });
    recovery.track('a');
    recovery.farEndOffered('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(DEFAULT_RECOVERY_POLICY.leaderWaitMs - 1);
    expect(restarts).toHaveLength(0);
  });

  it('the owner never waits for the callee', async () => {
    const { recovery, restarts } = recoveryFake({ owner: true });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toEqual([{ legId: 'a', at: 0 }]);
  });

  it('skips held legs and legs with another operation under way', async () => {
    const { recovery, restarts } = recoveryFake({ eligible: () => false });
    recovery.track('held');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restarts).toHaveLength(0);
  });

  it('merges repeated triggers into the attempt under way (no storm)', async () => {
    let answer: (outcome: RestartOutcome) => void = () => {};
    const pending = new Promise<RestartOutcome>((resolve) => (answer = resolve));
    const { recovery, restarts, recovered } = recoveryFake({ outcomes: [pending] });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    recovery.linkRestored();
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(restarts).toHaveLength(1);
    answer('accepted');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restarts).toHaveLength(1);
    expect(recovered).toEqual(['a']);
  });

  it('an attempt overtaken by a new link loss is followed by one fresh attempt', async () => {
    let answer: (outcome: RestartOutcome) => void = () => {};
    const stuck = new Promise<RestartOutcome>((resolve) => (answer = resolve));
    const { recovery, restarts, recovered, failed } = recoveryFake({ outcomes: [stuck] });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(0);
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toHaveLength(1);
    answer('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(failed).toEqual([]);
    expect(recovered).toEqual(['a']);
  });

  it('does nothing for a leg that ended', async () => {
    const { recovery, restarts } = recoveryFake({ owner: false });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    recovery.forget('a');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restarts).toHaveLength(0);
  });
});

describe('glare and failures', () => {
  it('retries after 491: 2.1–4 s for the Call-ID owner', async () => {
    const { recovery, restarts, recovered } = recoveryFake({ outcomes: ['glare'], random: 0 });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(2_099);
    expect(restarts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(restarts.map((restart) => restart.at)).toEqual([0, 2_100]);
    expect(recovered).toEqual(['a']);
  });

  it('the other side retries within 0–2 s after its stagger', async () => {
    const { recovery, restarts } = recoveryFake({ outcomes: ['glare'], owner: false, random: 1 });
    recovery.track('a');
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(restarts.map((restart) => restart.at)).toEqual([2_000, 4_000]);
  });

  it('keeps retrying after repeated 491s (RFC 3261 14.1 delays each time) until accepted', async () => {
    const { recovery, restarts, recovered, failed } = recoveryFake({
      outcomes: ['glare', 'glare', 'glare'],
      random: 1,
    });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restarts.map((restart) => restart.at)).toEqual([0, 4_000, 8_000, 12_000]);
    expect(recovered).toEqual(['a']);
    expect(failed).toEqual([]);
  });

  it('keeps retrying with a growing, capped back-off while the far end is not reachable yet', async () => {
    const { recovery, restarts, recovered, failed } = recoveryFake({
      outcomes: ['unreachable', 'unreachable', 'unreachable', 'unreachable', 'unreachable'],
      random: 1,
    });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(60_000);
    // 0.5 s, 1 s, 2 s, 4 s, then the 4 s cap.
    expect(restarts.map((restart) => restart.at)).toEqual([0, 500, 1_500, 3_500, 7_500, 11_500]);
    expect(recovered).toEqual(['a']);
    expect(failed).toEqual([]);
  });

  it('gives up (notice, call stays) when the far end stays unreachable past the limit', async () => {
    const { recovery, restarts, failed } = recoveryFake({
      outcomes: Array.from({ length: 100 }, (): RestartOutcome => 'unreachable'),
    });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(DEFAULT_RECOVERY_POLICY.giveUpAfterMs - 5_000);
    expect(failed).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(failed).toEqual(['a']);
    const count = restarts.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(restarts).toHaveLength(count);
    expect(recovery.isBusy('a')).toBe(false);
  });

  it('retries a 488 a few times with the glare delays, then reports it', async () => {
    const { recovery, restarts, failed } = recoveryFake({
      outcomes: ['refused', 'refused', 'refused', 'refused'],
    });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restarts).toHaveLength(DEFAULT_RECOVERY_POLICY.refusedRetries + 1);
    expect(failed).toEqual(['a']);
  });

  it('reports a 4xx/5xx at once, without retry', async () => {
    const { recovery, restarts, failed, recovered } = recoveryFake({ outcomes: ['failed'] });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(restarts).toHaveLength(1);
    expect(failed).toEqual(['a']);
    expect(recovered).toEqual([]);
  });

  it('a re-INVITE with no final answer in time counts as not reachable: retried', async () => {
    const { recovery, restarts, failed, recovered } = recoveryFake({
      outcomes: [new Promise(() => {})],
    });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(DEFAULT_RECOVERY_POLICY.attemptTimeoutMs - 1);
    expect(restarts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DEFAULT_RECOVERY_POLICY.unreachableBackoffMs[0] + 1);
    expect(restarts).toHaveLength(2);
    expect(failed).toEqual([]);
    expect(recovered).toEqual(['a']);
    expect(recovery.isBusy('a')).toBe(false);
  });

  it('a leg that ended during the attempt reports nothing', async () => {
    const { recovery, failed, recovered } = recoveryFake({ outcomes: ['gone'] });
    recovery.track('a');
    recovery.linkLost();
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(failed).toEqual([]);
    expect(recovered).toEqual([]);
  });
});

describe('restart when ICE breaks', () => {
  it('ICE failed restarts once the link proved alive', async () => {
    const { recovery, restarts, probes } = recoveryFake();
    recovery.track('a');
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(probes()).toBe(1);
    expect(restarts).toHaveLength(1);
  });

  it('ICE disconnected restarts only when it lasts longer than the grace period', async () => {
    const { recovery, restarts } = recoveryFake();
    recovery.track('a');
    recovery.iceChanged('a', 'disconnected');
    await vi.advanceTimersByTimeAsync(DEFAULT_RECOVERY_POLICY.iceGraceMs - 100);
    recovery.iceChanged('a', 'connected');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(restarts).toHaveLength(0);
    recovery.iceChanged('a', 'disconnected');
    await vi.advanceTimersByTimeAsync(DEFAULT_RECOVERY_POLICY.iceGraceMs);
    expect(restarts).toHaveLength(1);
  });

  it('sends nothing into a dead link: the link return does the restart', async () => {
    let alive = false;
    const { recovery, restarts } = recoveryFake({ linkAlive: async () => alive });
    recovery.track('a');
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(restarts).toHaveLength(0);
    recovery.linkLost();
    alive = true;
    recovery.linkRestored();
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toHaveLength(1);
  });

  it('one ICE-triggered restart until ICE connects again', async () => {
    const { recovery, restarts } = recoveryFake();
    recovery.track('a');
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(0);
    recovery.iceChanged('a', 'checking');
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(restarts).toHaveLength(1);
    recovery.iceChanged('a', 'connected');
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toHaveLength(2);
  });

  it('ICE while the link is down waits for the link to return', async () => {
    const { recovery, restarts, probes } = recoveryFake();
    recovery.track('a');
    recovery.linkLost();
    recovery.iceChanged('a', 'failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probes()).toBe(0);
    expect(restarts).toHaveLength(0);
  });
});
