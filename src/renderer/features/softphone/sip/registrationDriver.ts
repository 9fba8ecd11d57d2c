/**
 * Runs the shared registration watchdog (`registrationWatchdog.ts`) with real timers: feeds it
 * transport, REGISTER and probe results, executes its commands, and keeps exactly one timer for
 * its next deadline. All policy lives in the pure watchdog; this file only wires it.
 */
import { UserAgentState, type UserAgent } from 'sip.js';
import {
  DEFAULT_WATCHDOG_POLICY,
  INITIAL_WATCHDOG_STATE,
  stepWatchdog,
  type RegistrationProblem,
  type WatchdogCommand,
  type WatchdogEvent,
  type WatchdogPolicy,
  type WatchdogState,
} from '../../../../shared/domain/registrationWatchdog';
import type { RegistrationClient } from './registrationClient';
import type { SocketTransport } from './socketTransport';

export interface RegistrationDriverOptions {
  userAgent: UserAgent;
  transport: SocketTransport;
  client: RegistrationClient;
  policy?: WatchdogPolicy;
  /** Monotonic milliseconds; `performance.now` in the browser. */
  now?: () => number;
  random?: () => number;
  onState(state: WatchdogState): void;
  onLinkLost(problem: RegistrationProblem): void;
  onLinkRestored(): void;
}

export class RegistrationDriver {
  private state: WatchdogState = INITIAL_WATCHDOG_STATE;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Socket number → watchdog connection number, for the sockets opened on its command. */
  private readonly socketConnections = new Map<number, number>();
  private readonly queue: WatchdogEvent[] = [];
  private dispatching = false;
  private disposed = false;
  private readonly policy: WatchdogPolicy;
  private readonly now: () => number;

  constructor(private readonly options: RegistrationDriverOptions) {
    this.policy = options.policy ?? DEFAULT_WATCHDOG_POLICY;
    this.now = options.now ?? (() => performance.now());
    options.transport.setLinkListener(({ socket, type }) => {
      const connection = this.socketConnections.get(socket);
      if (connection === undefined) return;
      if (type === 'open') {
        // SIP.js drops requests that arrive while its user agent is stopped; start it first.
        if (options.userAgent.state !== UserAgentState.Started) {
          void options.userAgent.start().catch(() => undefined);
        }
        this.dispatch({ type: 'transportConnected', connection });
      } else {
        this.socketConnections.delete(socket);
        this.dispatch({ type: 'transportClosed', connection });
      }
    });
  }

  get current(): WatchdogState {
    return this.state;
  }

  start(): void {
    this.dispatch({ type: 'start' });
  }

  stop(): void {
    this.dispatch({ type: 'stop' });
  }

  /** The agent changed the SIP settings: leaves the auth-failed state for one new attempt. */
  credentialsChanged(): void {
    this.dispatch({ type: 'credentialsChanged' });
  }

  dispose(): void {
    this.stop();
    this.disposed = true;
    this.clearTimer();
    this.options.transport.setLinkListener(undefined);
  }

  private dispatch(event: WatchdogEvent): void {
    if (this.disposed) return;
    this.queue.push(event);
    // Commands may produce events synchronously; they run after the current step finishes.
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (this.queue.length > 0) {
        const next = this.queue.shift()!;
        const step = stepWatchdog(this.state, next, this.now(), this.policy, this.options.random);
        this.state = step.state;
        for (const command of step.commands) this.execute(command);
        this.schedule(step.wakeAt);
        this.options.onState(this.state);
      }
    } finally {
      this.dispatching = false;
    }
  }

  private execute(command: WatchdogCommand): void {
    const { transport, client } = this.options;
    switch (command.type) {
      case 'connect': {
        client.abandonOutstanding();
        this.socketConnections.clear();
        const socket = transport.openFresh();
        this.socketConnections.set(socket, command.connection);
        break;
      }
      case 'disconnect':
        client.abandonOutstanding();
        this.socketConnections.clear();
        transport.abandon();
        break;
      case 'register':
        void client.register().then((outcome) => {
          if (outcome.ok) {
            this.dispatch({
              type: 'registered',
              registration: command.registration,
              expiresSeconds: outcome.expiresSeconds,
            });
          } else if (outcome.problem !== 'abandoned') {
            this.dispatch({
              type: 'registerFailed',
              registration: command.registration,
              problem: outcome.problem,
            });
          }
        });
        break;
      case 'sendProbe':
        void client.probe().then((answered) => {
          if (answered) this.dispatch({ type: 'probeAnswered', probe: command.probe });
        });
        break;
      case 'linkLost':
        this.options.onLinkLost(command.problem);
        break;
      case 'linkRestored':
        this.options.onLinkRestored();
        break;
    }
  }

  private schedule(wakeAt: number | undefined): void {
    this.clearTimer();
    if (wakeAt === undefined) return;
    const delay = Math.max(0, wakeAt - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dispatch({ type: 'timer' });
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
