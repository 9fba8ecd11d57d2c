/**
 * The registration watchdog (SECURITY.md rule 14): pure timer logic that keeps a softphone
 * registered and notices a dead signalling link itself, because a WebSocket over a silently
 * dropped network stays "open" for minutes and SIP.js keep-alives never declare it dead.
 *
 * Promises, with {@link DEFAULT_WATCHDOG_POLICY}:
 * - a dead link is noticed within 10 s: while registered a liveness probe (SIP OPTIONS) goes out
 *   every `probeIntervalMs` after the last proof of life; `missedProbesForDead` unanswered probes
 *   in a row (each waiting `probeTimeoutMs`) declare the link dead (3 s + 2 × 2 s = 7 s);
 * - the moment the link is lost a `linkLost` command tells the desk to set the agent not-ready;
 * - reconnection uses capped full-jitter backoff (`random() × min(cap, base × 2^attempt)`), and
 *   every attempt opens a fresh connection with its own timeout, so an attempt is at most
 *   `connectTimeoutMs + backoffCapMs` away when the link returns (within 5 s);
 * - REGISTERs never overlap: `register` is issued only on entering `Registering`, and a new one
 *   only after the previous got a result or was abandoned together with its connection;
 * - a rejected password stops all retries (`AuthFailed`) until the credentials change.
 *
 * The module holds no timers: the driver calls {@link stepWatchdog} with each event and the
 * current time, executes the returned commands, and wakes it with a `timer` event at `wakeAt`.
 * Results carry the `connection`/`registration`/`probe` number of the command they answer;
 * stale results (from an abandoned connection) are ignored.
 *
 * ```
 *  Stopped ─start─▶ Connecting ─connected─▶ Registering ─registered─▶ Registered ◀─┐
 *                    ▲   │ closed/timeout     │ failed/timeout/closed   │ refresh due │ registered
 *                    │   ▼                    ▼                         └─▶ Registering
 *                    └─ Waiting (backoff) ◀───┴── closed / probes missed (linkLost)
 *  Registering ─auth rejected─▶ AuthFailed ─credentialsChanged─▶ Connecting
 *  any ─stop─▶ Stopped
 * ```
 */

export enum LinkPhase {
  Stopped = 'stopped',
  Connecting = 'connecting',
  Registering = 'registering',
  Registered = 'registered',
  Waiting = 'waiting',
  AuthFailed = 'auth-failed',
}

/** Why the last attempt failed; shown to the agent (translated), never with personal data. */
export type RegistrationProblem =
  'unreachable' | 'connect-timeout' | 'register-timeout' | 'rejected' | 'auth' | 'link-dead';

export interface WatchdogPolicy {
  probeIntervalMs: number;
  probeTimeoutMs: number;
  missedProbesForDead: number;
  connectTimeoutMs: number;
  registerTimeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** The share of the granted expiry after which the registration is refreshed. */
  refreshRatio: number;
}

export const DEFAULT_WATCHDOG_POLICY: WatchdogPolicy = {
  probeIntervalMs: 3_000,
  probeTimeoutMs: 2_000,
  missedProbesForDead: 2,
  connectTimeoutMs: 2_500,
  registerTimeoutMs: 3_000,
  backoffBaseMs: 250,
  backoffCapMs: 2_000,
  refreshRatio: 0.85,
};

export interface WatchdogState {
  readonly phase: LinkPhase;
  /** Whether the agent may be ready: registered and not declared dead since. */
  readonly linkUp: boolean;
  /** Consecutive failed attempts; drives the backoff. */
  readonly failures: number;
  /** Phase deadline: connect/register timeout, or when Waiting ends. */
  readonly deadline?: number;
  readonly connection: number;
  readonly transportUp: boolean;
  readonly registration: number;
  readonly probe: number;
  readonly probeDeadline?: number;
  readonly nextProbeAt?: number;
  readonly missedProbes: number;
  readonly refreshAt?: number;
  readonly lastProblem?: RegistrationProblem;
  /** Time of the last successful REGISTER (initial or refresh). */
  readonly registeredAt?: number;
}

export type WatchdogEvent =
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'timer' }
  | { type: 'credentialsChanged' }
  | { type: 'transportConnected'; connection: number }
  | { type: 'transportClosed'; connection: number }
  | { type: 'registered'; registration: number; expiresSeconds: number }
  | {
      type: 'registerFailed';
      registration: number;
      problem: 'auth' | 'rejected';
    }
  | { type: 'probeAnswered'; probe: number };

export type WatchdogCommand =
  /** Abandon any previous connection and open a fresh one with this number. */
  | { type: 'connect'; connection: number }
  | { type: 'disconnect' }
  | { type: 'register'; registration: number }
  | { type: 'sendProbe'; probe: number }
  /** The agent MUST be set not-ready now. */
  | { type: 'linkLost'; problem: RegistrationProblem }
  /** Registered again: the agent may choose to become available. */
  | { type: 'linkRestored' };

export interface WatchdogStep {
  state: WatchdogState;
  commands: WatchdogCommand[];
  /** When the driver must send the next `timer` event; undefined = no timer needed. */
  wakeAt?: number;
}

export const INITIAL_WATCHDOG_STATE: WatchdogState = {
  phase: LinkPhase.Stopped,
  linkUp: false,
  failures: 0,
  connection: 0,
  transportUp: false,
  registration: 0,
  probe: 0,
  missedProbes: 0,
};

/** Full-jitter backoff delay for the given number of consecutive failures. */
export function backoffDelay(failures: number, policy: WatchdogPolicy, random: () => number) {
  const ceiling = Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** failures);
  return Math.floor(random() * ceiling);
}

/** The earliest moment the driver must wake the watchdog. */
export function nextWake(state: WatchdogState): number | undefined {
  const candidates = [state.deadline, state.probeDeadline, state.nextProbeAt, state.refreshAt];
  const defined = candidates.filter((value): value is number => value !== undefined);
  return defined.length === 0 ? undefined : Math.min(...defined);
}

type Draft = { -readonly [K in keyof WatchdogState]: WatchdogState[K] };

function clearTimers(draft: Draft): void {
  draft.deadline = undefined;
  draft.probeDeadline = undefined;
  draft.nextProbeAt = undefined;
  draft.refreshAt = undefined;
}

/**
 * Advances the watchdog by one event at time `now` (milliseconds, any monotonic clock).
 * Pure: same inputs, same outputs; `random` returns [0, 1) and is only used for backoff.
 */
export function stepWatchdog(
  state: WatchdogState,
  event: WatchdogEvent,
  now: number,
  policy: WatchdogPolicy = DEFAULT_WATCHDOG_POLICY,
  random: () => number = Math.random,
): WatchdogStep {
  const draft: Draft = { ...state };
  const commands: WatchdogCommand[] = [];

  const connect = (): void => {
    clearTimers(draft);
    draft.phase = LinkPhase.Connecting;
    draft.connection += 1;
    draft.transportUp = false;
    draft.deadline = now + policy.connectTimeoutMs;
    commands.push({ type: 'connect', connection: draft.connection });
  };
  const register = (): void => {
    clearTimers(draft);
    draft.phase = LinkPhase.Registering;
    draft.registration += 1;
    draft.deadline = now + policy.registerTimeoutMs;
    commands.push({ type: 'register', registration: draft.registration });
  };
  const loseLink = (problem: RegistrationProblem): void => {
    draft.lastProblem = problem;
    if (draft.linkUp) {
      draft.linkUp = false;
      commands.push({ type: 'linkLost', problem });
    }
  };
  /** Gives up the current attempt; `abandonConnection` when the connection itself is suspect. */
  const backOff = (problem: RegistrationProblem, abandonConnection: boolean): void => {
    loseLink(problem);
    clearTimers(draft);
    if (abandonConnection) {
      draft.transportUp = false;
      // A new number makes every late result of the old connection stale.
      draft.connection += 1;
      commands.push({ type: 'disconnect' });
    }
    draft.phase = LinkPhase.Waiting;
    draft.deadline = now + backoffDelay(draft.failures, policy, random);
    draft.failures += 1;
  };

  switch (event.type) {
    case 'start':
      if (draft.phase === LinkPhase.Stopped) connect();
      break;
    case 'credentialsChanged':
      if (draft.phase === LinkPhase.AuthFailed) {
        draft.failures = 0;
        if (draft.transportUp) register();
        else connect();
      }
      break;
    case 'stop':
      if (draft.phase !== LinkPhase.Stopped) {
        loseLink(draft.lastProblem ?? 'unreachable');
        clearTimers(draft);
        draft.phase = LinkPhase.Stopped;
        draft.transportUp = false;
        draft.connection += 1;
        draft.failures = 0;
        commands.push({ type: 'disconnect' });
      }
      break;
    case 'transportConnected':
      if (event.connection !== draft.connection) break;
      draft.transportUp = true;
      if (draft.phase === LinkPhase.Connecting) register();
      break;
    case 'transportClosed':
      if (event.connection !== draft.connection) break;
      draft.transportUp = false;
      if (
        draft.phase === LinkPhase.Connecting ||
        draft.phase === LinkPhase.Registering ||
        draft.phase === LinkPhase.Registered
      ) {
        const problem =
          draft.phase === LinkPhase.Connecting ? 'unreachable' : ('link-dead' as const);
        backOff(problem, true);
      }
      break;
    case 'registered':
      if (event.registration !== draft.registration || draft.phase !== LinkPhase.Registering) {
        break;
      }
      clearTimers(draft);
      draft.phase = LinkPhase.Registered;
      draft.failures = 0;
      draft.missedProbes = 0;
      draft.registeredAt = now;
      draft.nextProbeAt = now + policy.probeIntervalMs;
      draft.refreshAt =
        now + Math.max(1_000, Math.floor(event.expiresSeconds * 1_000 * policy.refreshRatio));
      if (!draft.linkUp) {
        draft.linkUp = true;
        commands.push({ type: 'linkRestored' });
      }
      break;
    case 'registerFailed':
      if (event.registration !== draft.registration || draft.phase !== LinkPhase.Registering) {
        break;
      }
      if (event.problem === 'auth') {
        loseLink('auth');
        clearTimers(draft);
        draft.phase = LinkPhase.AuthFailed;
      } else {
        // The server answered, so the connection works: retry REGISTER on it after backoff.
        backOff('rejected', false);
      }
      break;
    case 'probeAnswered':
      if (event.probe !== draft.probe || draft.phase !== LinkPhase.Registered) break;
      draft.missedProbes = 0;
      draft.probeDeadline = undefined;
      draft.nextProbeAt = now + policy.probeIntervalMs;
      break;
    case 'timer':
      onTimer();
      break;
  }

  function onTimer(): void {
    const due = (at: number | undefined): boolean => at !== undefined && now >= at;
    switch (draft.phase) {
      case LinkPhase.Connecting:
        if (due(draft.deadline)) backOff('connect-timeout', true);
        break;
      case LinkPhase.Registering:
        // No answer to a REGISTER on a connection we believed alive: the link is suspect.
        if (due(draft.deadline)) backOff('register-timeout', true);
        break;
      case LinkPhase.Waiting:
        if (due(draft.deadline)) {
          if (draft.transportUp) register();
          else connect();
        }
        break;
      case LinkPhase.Registered:
        if (due(draft.probeDeadline)) {
          draft.missedProbes += 1;
          draft.probeDeadline = undefined;
          if (draft.missedProbes >= policy.missedProbesForDead) {
            backOff('link-dead', true);
            // The first reconnect after a death goes out at once: the cut may be momentary.
            draft.deadline = now;
            draft.failures = 0;
            return;
          }
          sendProbe();
        } else if (due(draft.refreshAt) && draft.probeDeadline === undefined) {
          register();
        } else if (due(draft.nextProbeAt) && draft.probeDeadline === undefined) {
          sendProbe();
        }
        break;
      default:
        break;
    }
  }

  function sendProbe(): void {
    draft.probe += 1;
    draft.nextProbeAt = undefined;
    draft.probeDeadline = now + policy.probeTimeoutMs;
    commands.push({ type: 'sendProbe', probe: draft.probe });
  }

  return { state: draft, commands, wakeAt: nextWake(draft) };
}

/** What the agent sees of the link. */
export type RegistrationHealth =
  'stopped' | 'connecting' | 'registered' | 'offline' | 'auth-failed';

/** Summarises the watchdog for the status line. */
export function registrationHealth(state: WatchdogState): RegistrationHealth {
  switch (state.phase) {
    case LinkPhase.Stopped:
      return 'stopped';
    case LinkPhase.AuthFailed:
      return 'auth-failed';
    case LinkPhase.Registered:
      return 'registered';
    case LinkPhase.Registering:
      // A refresh of a live registration is still "registered" for the agent.
      return state.linkUp ? 'registered' : 'connecting';
    case LinkPhase.Connecting:
      return state.registeredAt === undefined ? 'connecting' : 'offline';
    case LinkPhase.Waiting:
      return 'offline';
  }
}
