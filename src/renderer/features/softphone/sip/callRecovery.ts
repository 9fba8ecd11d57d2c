/**
 * When a call leg sends its ICE-restart re-INVITE (SECURITY.md rule 14, last clause): after the
 * SIP link came back, or when the leg's ICE connection stays broken. No SIP.js in here; the call
 * controller supplies `restart()` (the re-INVITE) and `eligible()` (established, not held, no
 * other offer pending), so every rule below is unit-tested with fakes and fake timers.
 *
 * Rules:
 * - Link restored (re-registered after a loss): every eligible leg restarts once.
 * - Both desks of a call usually see the same cut at the same moment, and each must restart its
 *   own ICE (rtpengine keeps one ICE session per side). So the owner of the Call-ID (the caller)
 *   goes at once and the other side after a short random stagger: their offers rarely collide.
 * - ICE `failed`, or `disconnected` for longer than a grace period: one restart, but only after
 *   an OPTIONS probe proved the SIP link alive (a re-INVITE into a dead link would block the
 *   dialog until SIP.js's 32 s timeout); a dead link is the watchdog's case above. After one
 *   ICE-triggered restart the next needs ICE to have been connected again (no storms).
 * - One attempt per leg at a time; triggers during an attempt are merged into it. An attempt
 *   that was under way when the link died is stale: one fresh attempt follows the return.
 * - 491 (glare) or a locally pending re-INVITE: one retry after a random 2.1–4 s when this side
 *   owns the Call-ID, else 0–2 s (RFC 3261 section 14.1). The same single retry follows an
 *   "unreachable" answer (the far end's desk re-registers a moment later than this one). Any
 *   other failure, a second one, or no answer in time: the call stays up and the agent sees a
 *   notice; nothing is hung up here.
 */

/** What one re-INVITE attempt came back with. */
export type RestartOutcome =
  | 'accepted'
  /** 491 Request Pending from the far end, or another re-INVITE of ours still pending. */
  | 'glare'
  /** The far end cannot be reached yet (e.g. it is still re-registering): 404, 408, 480, 503. */
  | 'unreachable'
  | 'failed'
  /** The leg ended or can no longer be restarted; nothing to report. */
  | 'gone';

export interface CallRecoveryPolicy {
  /** How long ICE may stay `disconnected` before it counts as broken. */
  iceGraceMs: number;
  /** Random delay range before the non-owner of the Call-ID restarts after the link returned. */
  staggerMs: readonly [number, number];
  /** Retry delay after a 491 when this side generated the Call-ID (RFC 3261: 2.1–4 s). */
  glareOwnerMs: readonly [number, number];
  /** Retry delay after a 491 for the other side (RFC 3261: 0–2 s). */
  glareOtherMs: readonly [number, number];
  /** An attempt without a final answer in this time counts as failed (the call stays up). */
  attemptTimeoutMs: number;
}

export const DEFAULT_RECOVERY_POLICY: CallRecoveryPolicy = {
  iceGraceMs: 2_000,
  staggerMs: [1_000, 2_000],
  glareOwnerMs: [2_100, 4_000],
  glareOtherMs: [0, 2_000],
  attemptTimeoutMs: 10_000,
};

export interface CallRecoveryOptions {
  /** Sends the ICE-restart re-INVITE of one leg. */
  restart(legId: string): Promise<RestartOutcome>;
  /** Established, not on hold, no hold/transfer under way. */
  eligible(legId: string): boolean;
  /** This side generated the dialog's Call-ID (it placed the call). */
  ownsCallId(legId: string): boolean;
  /** Proves the SIP link alive right now (an answered OPTIONS). */
  linkAlive(): Promise<boolean>;
  onRecovered(legId: string): void;
  onFailed(legId: string): void;
  policy?: CallRecoveryPolicy;
  random?: () => number;
}

type IceState = RTCIceConnectionState;

interface LegRecovery {
  /** An attempt (including a scheduled glare retry) is under way. */
  busy: boolean;
  /** The link died during the attempt: its result says nothing about the new link. */
  stale: boolean;
  /** Run one more attempt when the current one is over (the link returned meanwhile). */
  again: boolean;
  /** Stagger or glare-retry timer. */
  timer?: ReturnType<typeof setTimeout>;
  iceTimer?: ReturnType<typeof setTimeout>;
  ice: IceState;
  /** An ICE-triggered restart was used; the next needs ICE connected first. */
  iceSpent: boolean;
}

const BROKEN_ICE: readonly IceState[] = ['disconnected', 'failed'];

export class CallRecovery {
  private readonly legs = new Map<string, LegRecovery>();
  private linkUp = true;
  private readonly policy: CallRecoveryPolicy;
  private readonly random: () => number;

  constructor(private readonly options: CallRecoveryOptions) {
    this.policy = options.policy ?? DEFAULT_RECOVERY_POLICY;
    this.random = options.random ?? Math.random;
  }

  /** Starts watching a leg (when it is established). */
  track(legId: string): void {
    if (this.legs.has(legId)) return;
    this.legs.set(legId, { busy: false, stale: false, again: false, ice: 'new', iceSpent: false });
  }

  /** The leg ended: drop its timers; a late attempt result is ignored. */
  forget(legId: string): void {
    const leg = this.legs.get(legId);
    if (!leg) return;
    clearTimeout(leg.timer);
    clearTimeout(leg.iceTimer);
    this.legs.delete(legId);
  }

  /** Whether an attempt is under way for the leg (other re-INVITEs should wait). */
  isBusy(legId: string): boolean {
    return this.legs.get(legId)?.busy ?? false;
  }

  linkLost(): void {
    this.linkUp = false;
    for (const leg of this.legs.values()) {
      clearTimeout(leg.iceTimer);
      leg.iceTimer = undefined;
      if (leg.timer !== undefined) {
        // A stagger or glare retry waiting for a link that is gone: the return starts afresh.
        clearTimeout(leg.timer);
        leg.timer = undefined;
        leg.busy = false;
      }
      if (leg.busy) leg.stale = true;
    }
  }

  linkRestored(): void {
    this.linkUp = true;
    for (const legId of this.legs.keys()) this.request(legId);
  }

  iceChanged(legId: string, state: IceState): void {
    const leg = this.legs.get(legId);
    if (!leg) return;
    leg.ice = state;
    if (state === 'connected' || state === 'completed') {
      clearTimeout(leg.iceTimer);
      leg.iceTimer = undefined;
      leg.iceSpent = false;
    } else if (state === 'failed') {
      clearTimeout(leg.iceTimer);
      leg.iceTimer = undefined;
      void this.iceBroken(legId);
    } else if (state === 'disconnected' && leg.iceTimer === undefined) {
      leg.iceTimer = setTimeout(() => {
        leg.iceTimer = undefined;
        if (BROKEN_ICE.includes(leg.ice)) void this.iceBroken(legId);
      }, this.policy.iceGraceMs);
    }
  }

  private async iceBroken(legId: string): Promise<void> {
    const leg = this.legs.get(legId);
    if (!leg || leg.iceSpent || leg.busy || !this.linkUp) return;
    leg.iceSpent = true;
    const alive = await this.options.linkAlive().catch(() => false);
    // A dead link is the watchdog's to notice; its return restarts every leg anyway.
    if (!alive) {
      leg.iceSpent = false;
      return;
    }
    if (this.legs.get(legId) === leg && BROKEN_ICE.includes(leg.ice)) this.request(legId);
  }

  private request(legId: string): void {
    const leg = this.legs.get(legId);
    if (!leg || !this.linkUp) return;
    if (leg.busy) {
      if (leg.stale) leg.again = true;
      return;
    }
    if (!this.options.eligible(legId)) return;
    leg.busy = true;
    const stagger = this.options.ownsCallId(legId) ? 0 : this.pick(this.policy.staggerMs);
    if (stagger === 0) void this.attempt(legId, leg, false);
    else leg.timer = setTimeout(() => this.afterTimer(legId, leg, false), stagger);
  }

  private afterTimer(legId: string, leg: LegRecovery, retry: boolean): void {
    leg.timer = undefined;
    if (this.legs.get(legId) !== leg) return;
    if (!this.options.eligible(legId)) {
      leg.busy = false;
      return;
    }
    void this.attempt(legId, leg, retry);
  }

  private async attempt(legId: string, leg: LegRecovery, retry: boolean): Promise<void> {
    const outcome = await this.withTimeout(this.options.restart(legId));
    if (this.legs.get(legId) !== leg) return;
    if (leg.stale) {
      leg.stale = false;
      leg.busy = false;
      if (leg.again) {
        leg.again = false;
        this.request(legId);
      }
      return;
    }
    if ((outcome === 'glare' || outcome === 'unreachable') && !retry) {
      const range = this.options.ownsCallId(legId)
        ? this.policy.glareOwnerMs
        : this.policy.glareOtherMs;
      leg.timer = setTimeout(() => this.afterTimer(legId, leg, true), this.pick(range));
      return;
    }
    leg.busy = false;
    if (outcome === 'accepted') this.options.onRecovered(legId);
    else if (outcome !== 'gone') this.options.onFailed(legId);
  }

  private withTimeout(attempt: Promise<RestartOutcome>): Promise<RestartOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('failed'), this.policy.attemptTimeoutMs);
      attempt
        .catch((): RestartOutcome => 'failed')
        .then((outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        });
    });
  }

  /** A random delay in `range`, in whole 10 ms steps as RFC 3261 asks. */
  private pick([minimum, maximum]: readonly [number, number]): number {
    return Math.round((minimum + this.random() * (maximum - minimum)) / 10) * 10;
  }
}
