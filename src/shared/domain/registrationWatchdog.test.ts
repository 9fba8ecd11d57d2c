import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WATCHDOG_POLICY as POLICY,
  INITIAL_WATCHDOG_STATE,
  LinkPhase,
  backoffDelay,
  registrationHealth,
  stepWatchdog,
  type WatchdogCommand,
  type WatchdogEvent,
  type WatchdogState,
} from './registrationWatchdog';

/** A seeded pseudo-random generator (mulberry32), so failures are reproducible. */
function seeded(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface NetworkModel {
  /** Signalling is silently dropped during [cutFrom, cutUntil). */
  cutFrom: number;
  cutUntil: number;
  /** The server is down (connections refused) during [downFrom, downUntil). */
  downFrom?: number;
  downUntil?: number;
  wrongPassword?: boolean;
  roundTripMs?: number;
}

interface SimulationLog {
  at: number;
  command: WatchdogCommand;
}

/**
 * Drives the watchdog the way the renderer does, against a modelled server and network:
 * a silent cut drops everything (TCP connects retransmit SYN after 1, 3, 7 s like Linux),
 * a server outage refuses connections and closes the live one.
 */
function simulate(model: NetworkModel, untilMs: number, seed = 1) {
  const random = seeded(seed);
  const roundTrip = model.roundTripMs ?? 5;
  let state: WatchdogState = INITIAL_WATCHDOG_STATE;
  let now = 0;
  const log: SimulationLog[] = [];
  const queue: { at: number; order: number; event: WatchdogEvent | 'wake' }[] = [];
  let order = 0;
  let wakeAt: number | undefined;
  let liveConnection: number | undefined;
  const outstandingRegisters = new Map<number, number>();
  let overlaps = 0;
  const cut = (at: number) => at >= model.cutFrom && at < model.cutUntil;
  const down = (at: number) =>
    model.downFrom !== undefined && at >= model.downFrom && at < (model.downUntil ?? 0);

  const schedule = (at: number, event: WatchdogEvent) => queue.push({ at, order: order++, event });

  const execute = (command: WatchdogCommand) => {
    log.push({ at: now, command });
    switch (command.type) {
      case 'connect': {
        liveConnection = undefined;
        // SYN and its retransmissions: the first one that is not dropped connects.
        const attempt = [0, 1_000, 3_000, 7_000, 15_000].find((offset) => !cut(now + offset));
        if (attempt === undefined) break;
        const at = now + attempt + roundTrip;
        if (down(at)) schedule(at, { type: 'transportClosed', connection: command.connection });
        else {
          schedule(at, { type: 'transportConnected', connection: command.connection });
          liveConnection = command.connection;
        }
        break;
      }
      case 'disconnect':
        liveConnection = undefined;
        break;
      case 'register': {
        const connection = state.connection;
        for (const [pendingConnection] of outstandingRegisters) {
          if (pendingConnection === connection) overlaps += 1;
        }
        if (cut(now) || liveConnection !== connection) break;
        outstandingRegisters.set(connection, command.registration);
        const answer: WatchdogEvent = model.wrongPassword
          ? { type: 'registerFailed', registration: command.registration, problem: 'auth' }
          : { type: 'registered', registration: command.registration, expiresSeconds: 300 };
        queue.push({ at: now + roundTrip, order: order++, event: answer });
        break;
      }
      case 'sendProbe':
        if (!cut(now) && !cut(now + roundTrip) && liveConnection === state.connection) {
          schedule(now + roundTrip, { type: 'probeAnswered', probe: command.probe });
        }
        break;
      default:
        break;
    }
  };

  const apply = (event: WatchdogEvent) => {
    if (event.type === 'registered' || event.type === 'registerFailed') {
      for (const [connection, registration] of outstandingRegisters) {
        if (registration === event.registration) outstandingRegisters.delete(connection);
      }
    }
    const step = stepWatchdog(state, event, now, POLICY, random);
    state = step.state;
    wakeAt = step.wakeAt;
    for (const command of step.commands) execute(command);
  };

  // The server going down closes the live connection.
  if (model.downFrom !== undefined) {
    queue.push({ at: model.downFrom, order: order++, event: 'wake' });
  }
  apply({ type: 'start' });
  while (now < untilMs) {
    queue.sort((left, right) => left.at - right.at || left.order - right.order);
    const next = queue[0];
    const nextAt = Math.min(next?.at ?? Infinity, wakeAt ?? Infinity);
    if (nextAt === Infinity || nextAt > untilMs) break;
    now = nextAt;
    if (next && next.at === nextAt) {
      queue.shift();
      if (next.event === 'wake') {
        if (liveConnection !== undefined) {
          const closed = liveConnection;
          liveConnection = undefined;
          apply({ type: 'transportClosed', connection: closed });
        }
      } else {
        // Events from connections closed by a server outage never arrive.
        apply(next.event);
      }
    } else {
      apply({ type: 'timer' });
    }
  }
  return { state, log, overlaps, now };
}

const commandsOf = (log: SimulationLog[], type: WatchdogCommand['type']) =>
  log.filter((entry) => entry.command.type === type);

describe('registration watchdog: happy path', () => {
  it('connects, registers, restores the link and probes', () => {
    const { state, log } = simulate({ cutFrom: Infinity, cutUntil: Infinity }, 20_000);
    expect(state.phase).toBe(LinkPhase.Registered);
    expect(state.linkUp).toBe(true);
    expect(registrationHealth(state)).toBe('registered');
    expect(log.slice(0, 3).map((entry) => entry.command.type)).toEqual([
      'connect',
      'register',
      'linkRestored',
    ]);
    const probes = commandsOf(log, 'sendProbe');
    // One probe per interval after the last answer: ~20 s / 3 s.
    expect(probes.length).toBeGreaterThanOrEqual(5);
    expect(probes.length).toBeLessThanOrEqual(7);
    expect(commandsOf(log, 'linkLost')).toHaveLength(0);
  });

  it('refreshes the registration before it expires, without losing the link', () => {
    const { log, state } = simulate({ cutFrom: Infinity, cutUntil: Infinity }, 600_000);
    const registers = commandsOf(log, 'register');
    // Expires 300 s, refreshed after 85 %: at 0, ~255 s, ~510 s.
    expect(registers).toHaveLength(3);
    expect(registers[1]!.at).toBeGreaterThan(250_000);
    expect(registers[1]!.at).toBeLessThan(300_000);
    expect(commandsOf(log, 'linkLost')).toHaveLength(0);
    expect(state.linkUp).toBe(true);
  });
});

describe('registration watchdog: silent cut while idle', () => {
  it('declares the link dead within 10 s and re-registers within 5 s after it returns', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = seeded(seed * 7919);
      const cutFrom = 10_000 + Math.floor(random() * 20_000);
      const cutLength = 1_000 + Math.floor(random() * 60_000);
      const cutUntil = cutFrom + cutLength;
      const { log, state, overlaps } = simulate({ cutFrom, cutUntil }, cutUntil + 20_000, seed);
      const lost = commandsOf(log, 'linkLost').find((entry) => entry.at >= cutFrom);
      if (cutLength > 10_000) {
        expect(lost, `seed ${seed}`).toBeDefined();
      }
      if (lost) {
        expect(lost.at - cutFrom, `seed ${seed}`).toBeLessThanOrEqual(10_000);
        const restored = commandsOf(log, 'linkRestored').find((entry) => entry.at > lost.at);
        expect(restored, `seed ${seed}`).toBeDefined();
        expect(restored!.at - cutUntil, `seed ${seed}`).toBeLessThanOrEqual(5_000);
      }
      expect(state.phase, `seed ${seed}`).toBe(LinkPhase.Registered);
      expect(overlaps, `seed ${seed}`).toBe(0);
    }
  });

  it('keeps reconnect attempts bounded during a long cut (no storm)', () => {
    const { log } = simulate({ cutFrom: 5_000, cutUntil: 65_000 }, 65_000);
    const connects = commandsOf(log, 'connect').filter((entry) => entry.at >= 5_000);
    // Each attempt lasts the connect timeout plus a backoff: at most ~one per 2.5 s.
    expect(connects.length).toBeLessThanOrEqual(60_000 / POLICY.connectTimeoutMs + 1);
    expect(connects.length).toBeGreaterThanOrEqual(60_000 / 4_500 - 1);
    expect(commandsOf(log, 'register').filter((entry) => entry.at >= 5_000)).toHaveLength(0);
  });

  it('sets not-ready exactly once per outage', () => {
    const { log } = simulate({ cutFrom: 5_000, cutUntil: 35_000 }, 50_000);
    expect(commandsOf(log, 'linkLost')).toHaveLength(1);
    expect(commandsOf(log, 'linkRestored')).toHaveLength(2);
  });
});

describe('registration watchdog: server restart while idle', () => {
  it('notices the closed connection at once and re-registers within 5 s of the server', () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      const random = seeded(seed);
      const downFrom = 5_000 + Math.floor(random() * 5_000);
      const downUntil = downFrom + 200 + Math.floor(random() * 10_000);
      const { log, overlaps } = simulate(
        { cutFrom: Infinity, cutUntil: Infinity, downFrom, downUntil },
        downUntil + 10_000,
        seed,
      );
      const lost = commandsOf(log, 'linkLost')[0];
      expect(lost?.at).toBe(downFrom);
      const restored = commandsOf(log, 'linkRestored').find((entry) => entry.at > downFrom);
      expect(restored!.at - downUntil, `seed ${seed}`).toBeLessThanOrEqual(5_000);
      expect(overlaps).toBe(0);
    }
  });
});

describe('registration watchdog: wrong password', () => {
  it('stops after one rejected REGISTER and waits for new credentials', () => {
    const { log, state } = simulate(
      { cutFrom: Infinity, cutUntil: Infinity, wrongPassword: true },
      120_000,
    );
    expect(commandsOf(log, 'register')).toHaveLength(1);
    expect(commandsOf(log, 'connect')).toHaveLength(1);
    expect(state.phase).toBe(LinkPhase.AuthFailed);
    expect(state.lastProblem).toBe('auth');
    expect(registrationHealth(state)).toBe('auth-failed');
    const retried = stepWatchdog(state, { type: 'credentialsChanged' }, 120_000);
    expect(retried.commands).toEqual([{ type: 'register', registration: 2 }]);
  });
});

describe('registration watchdog: single steps', () => {
  const registered = (): WatchdogState => {
    let state = stepWatchdog(INITIAL_WATCHDOG_STATE, { type: 'start' }, 0).state;
    state = stepWatchdog(state, { type: 'transportConnected', connection: 1 }, 10).state;
    return stepWatchdog(state, { type: 'registered', registration: 1, expiresSeconds: 60 }, 20)
      .state;
  };

  it('ignores stale results from abandoned connections and registrations', () => {
    const state = registered();
    const stale = [
      { type: 'transportClosed', connection: 0 },
      { type: 'transportConnected', connection: 9 },
      { type: 'registered', registration: 0, expiresSeconds: 60 },
      { type: 'registerFailed', registration: 0, problem: 'auth' },
      { type: 'probeAnswered', probe: 42 },
    ] as const;
    for (const event of stale) {
      const step = stepWatchdog(state, event, 100);
      expect(step.commands, event.type).toEqual([]);
      expect(step.state.phase).toBe(LinkPhase.Registered);
    }
  });

  it('backs off after a rejected REGISTER but keeps the working connection', () => {
    let state = stepWatchdog(INITIAL_WATCHDOG_STATE, { type: 'start' }, 0).state;
    state = stepWatchdog(state, { type: 'transportConnected', connection: 1 }, 10).state;
    const failed = stepWatchdog(
      state,
      { type: 'registerFailed', registration: 1, problem: 'rejected' },
      20,
      POLICY,
      () => 0.5,
    );
    expect(failed.state.phase).toBe(LinkPhase.Waiting);
    expect(failed.commands).toEqual([]);
    expect(failed.wakeAt).toBe(20 + 125);
    const retry = stepWatchdog(failed.state, { type: 'timer' }, 145);
    expect(retry.commands).toEqual([{ type: 'register', registration: 2 }]);
  });

  it('abandons the connection when a REGISTER times out', () => {
    let state = stepWatchdog(INITIAL_WATCHDOG_STATE, { type: 'start' }, 0).state;
    state = stepWatchdog(state, { type: 'transportConnected', connection: 1 }, 10).state;
    const early = stepWatchdog(state, { type: 'timer' }, 10 + POLICY.registerTimeoutMs - 1);
    expect(early.commands).toEqual([]);
    const timedOut = stepWatchdog(state, { type: 'timer' }, 10 + POLICY.registerTimeoutMs);
    expect(timedOut.commands).toEqual([{ type: 'disconnect' }]);
    expect(timedOut.state.lastProblem).toBe('register-timeout');
    expect(timedOut.state.phase).toBe(LinkPhase.Waiting);
  });

  it('stops cleanly from any phase', () => {
    const stopped = stepWatchdog(registered(), { type: 'stop' }, 50);
    expect(stopped.commands).toEqual([
      { type: 'linkLost', problem: 'unreachable' },
      { type: 'disconnect' },
    ]);
    expect(stopped.wakeAt).toBeUndefined();
    expect(registrationHealth(stopped.state)).toBe('stopped');
    expect(stepWatchdog(stopped.state, { type: 'stop' }, 60).commands).toEqual([]);
    expect(stepWatchdog(stopped.state, { type: 'timer' }, 60).commands).toEqual([]);
  });

  it('does not start twice', () => {
    const started = stepWatchdog(INITIAL_WATCHDOG_STATE, { type: 'start' }, 0).state;
    expect(stepWatchdog(started, { type: 'start' }, 5).commands).toEqual([]);
  });

  it('reports health for every phase', () => {
    const connecting = stepWatchdog(INITIAL_WATCHDOG_STATE, { type: 'start' }, 0).state;
    expect(registrationHealth(connecting)).toBe('connecting');
    expect(registrationHealth(INITIAL_WATCHDOG_STATE)).toBe('stopped');
    const lost = stepWatchdog(registered(), { type: 'transportClosed', connection: 1 }, 99).state;
    expect(registrationHealth(lost)).toBe('offline');
  });
});

describe('backoffDelay', () => {
  it('is full jitter, doubling, and capped', () => {
    expect(backoffDelay(0, POLICY, () => 0)).toBe(0);
    expect(backoffDelay(0, POLICY, () => 0.999)).toBe(249);
    expect(backoffDelay(2, POLICY, () => 0.999)).toBe(999);
    expect(backoffDelay(10, POLICY, () => 0.999)).toBe(1998);
    expect(backoffDelay(50, POLICY, () => 0.999)).toBeLessThan(POLICY.backoffCapMs);
  });
});
