/**
 * Whether the portal can be reached, learned from every request the host makes: an HTTP answer
 * (any status) means online, no answer means offline. While offline a probe (`GET /health`)
 * runs with a growing pause, so the desk notices the portal's return within seconds without
 * hammering it, and the outbox can drain at once.
 *
 * ```
 * unknown ──answer──▶ online ──no answer──▶ offline ──probe answers──▶ online
 * ```
 */
import { PortalUnreachableError, type PortalFetch } from './portalHttpClient';

export type Reachability = 'online' | 'offline' | 'unknown';

export interface PortalReachabilityOptions {
  /** The untracked fetch, for the probe. */
  readonly fetch: PortalFetch;
  readonly onChange: (state: Reachability) => void;
  /** First probe pause; doubles up to the maximum. */
  readonly firstProbeMilliseconds?: number;
  readonly maximumProbeMilliseconds?: number;
}

export class PortalReachability {
  state: Reachability = 'unknown';
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private probePause: number;
  private stopped = false;
  private readonly firstProbe: number;
  private readonly maximumProbe: number;

  constructor(private readonly options: PortalReachabilityOptions) {
    this.firstProbe = options.firstProbeMilliseconds ?? 1_000;
    this.maximumProbe = options.maximumProbeMilliseconds ?? 10_000;
    this.probePause = this.firstProbe;
  }

  /** A fetch that reports every outcome here; use it for all portal requests. */
  readonly trackedFetch: PortalFetch = async (request) => {
    try {
      const response = await this.options.fetch(request);
      this.reached();
      return response;
    } catch (error) {
      if (error instanceof PortalUnreachableError) this.unreachable();
      throw error;
    }
  };

  reached(): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    this.probePause = this.firstProbe;
    this.set('online');
  }

  unreachable(): void {
    this.set('offline');
    this.scheduleProbe();
  }

  /** Asks the portal now (e.g. after the event socket closed) instead of waiting for a request. */
  check(): void {
    if (this.stopped) return;
    void this.options
      .fetch({ method: 'GET', path: '/health' })
      .then(() => this.reached())
      .catch(() => this.unreachable());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.probeTimer);
  }

  private set(state: Reachability): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onChange(state);
  }

  private scheduleProbe(): void {
    if (this.stopped || this.probeTimer) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      void this.options
        .fetch({ method: 'GET', path: '/health' })
        .then(() => this.reached())
        .catch(() => {
          this.probePause = Math.min(this.maximumProbe, this.probePause * 2);
          this.scheduleProbe();
        });
    }, this.probePause);
    this.probeTimer.unref?.();
  }
}
