/**
 * The update policy behind the `updates` contract service: when to check, what the renderer
 * sees, and above all that an update is NEVER installed while the renderer reports an active
 * call. Pure: the updater itself comes in through {@link UpdaterPort}.
 *
 * States (UpdateStatus.state):
 * ```
 *   unsupported                       (no updater: development build)
 *   idle ──check──▶ checking ──▶ available ──▶ downloading ──▶ ready ──install──▶ (app quits)
 *                                 (the updater downloads by itself once an update is found)
 *     ▲               │    └──not-available──▶ idle             │
 *     └── error ◀─────┴──────── any failure ◀──────────────────┘
 * ```
 * `installNow` during a call is refused with `conflict` and remembered: the install then runs as
 * soon as `setCallActive(false)` arrives. Updater failures become the `error` state with a short
 * message; they are never thrown to the caller.
 */
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { UpdateStatus, updateService } from '../../../shared/contract/services/updateService';
import { ServiceError } from '../../../shared/rpc/result';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';

type UpdateDefinition = typeof updateService;

export interface UpdatePolicyOptions {
  updater: UpdaterPort;
  /** Read at every check, so a changed setting applies without a restart. Empty: no feed. */
  feedUrl: () => string;
}

export interface UpdatePolicy extends ServiceImplementation<UpdateDefinition> {
  /** Stops listening to the updater. */
  dispose(): void;
}

/** Longest updater message shown; updater errors can carry whole HTTP bodies. */
const MAXIMUM_MESSAGE_LENGTH = 200;

export const NO_FEED_MESSAGE = 'No update feed configured';
export const DEFERRED_MESSAGE = 'The update will be installed when the active call has ended';

export function createUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  const { updater } = options;
  const events = new ServiceEvents<UpdateDefinition>();
  let status: Omit<UpdateStatus, 'deferredForCall'> = updater.active
    ? { state: 'idle' }
    : { state: 'unsupported', message: 'Updates apply to installed builds only' };
  let callActive = false;
  let installRequested = false;
  let configuredFeed = '';

  const snapshot = (): UpdateStatus => ({ ...status, deferredForCall: callActive });
  const change = (next: Omit<UpdateStatus, 'deferredForCall'>): void => {
    status = next;
    events.emit('onDidChangeStatus', snapshot());
  };
  const fail = (error: unknown): void => change({ state: 'error', message: shortMessage(error) });

  const install = (): void => {
    // The one place that installs; every path here has checked callActive first.
    installRequested = false;
    try {
      updater.install();
    } catch (error) {
      fail(error);
    }
  };

  const stopListening = updater.onEvent((event) => {
    if (status.state === 'unsupported') return;
    const next = statusAfter(event, status.version);
    change(next);
    if (next.state === 'ready' && installRequested && !callActive) install();
  });

  return {
    events,
    dispose: stopListening,
    methods: {
      getStatus: async () => snapshot(),
      check: async () => {
        if (status.state === 'unsupported') return snapshot();
        if (['checking', 'downloading', 'ready'].includes(status.state)) return snapshot();
        const feed = options.feedUrl().trim();
        if (feed === '') {
          change({ state: 'idle', message: NO_FEED_MESSAGE });
          return snapshot();
        }
        try {
          if (feed !== configuredFeed) {
            updater.setFeedUrl(feed);
            configuredFeed = feed;
          }
          change({ state: 'checking' });
          await updater.check();
        } catch (error) {
          fail(error);
        }
        return snapshot();
      },
      installNow: async () => {
        if (status.state !== 'ready') {
          throw new ServiceError('conflict', 'No update is ready to install');
        }
        if (callActive) {
          installRequested = true;
          change({ ...status, message: DEFERRED_MESSAGE });
          throw new ServiceError('conflict', DEFERRED_MESSAGE);
        }
        install();
        return snapshot();
      },
      setCallActive: async (active) => {
        if (active === callActive) return snapshot();
        callActive = active;
        events.emit('onDidChangeStatus', snapshot());
        if (!callActive && installRequested && status.state === 'ready') install();
        return snapshot();
      },
    },
  };
}

function statusAfter(
  event: UpdaterEvent,
  knownVersion: string | undefined,
): Omit<UpdateStatus, 'deferredForCall'> {
  switch (event.type) {
    case 'checking':
      return { state: 'checking' };
    case 'available':
      return { state: 'available', version: event.version };
    case 'not-available':
      return { state: 'idle', message: 'The installed version is current' };
    case 'progress':
      return {
        state: 'downloading',
        ...(knownVersion === undefined ? {} : { version: knownVersion }),
        progressPercent: clampPercent(event.percent),
      };
    case 'downloaded':
      return { state: 'ready', version: event.version };
    case 'error':
      return { state: 'error', message: shortMessage(event.message) };
  }
}

function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}

/** One line, capped: enough to show, too short to dump a response body into the UI. */
export function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0]!.trim() || 'Update failed';
  return line.length > MAXIMUM_MESSAGE_LENGTH
    ? `${line.slice(0, MAXIMUM_MESSAGE_LENGTH - 1)}…`
    : line;
}
