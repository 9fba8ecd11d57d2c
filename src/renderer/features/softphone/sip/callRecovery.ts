/**
 * When a call leg sends its ICE-restart re-INVITE (SECURITY.md rule 14, last clause): after the
 * SIP link came back, or when the leg's ICE connection stays broken. No SIP.js in here; the call
 * controller supplies `restart()` (the re-INVITE) and `eligible()` (established, not held, no
 * other offer pending), so every rule below is unit-tested with fakes and fake timers.
 *
 * Rules:
 * - Link restored (re-registered after a loss): every eligible leg restarts once.
 * - Both desks of a call usually see the same cut at the same moment, and each must restart its
 *   own ICE (rtpengine keeps one ICE session per side). After a link loss the two offers are
 *   put in order instead of left to luck: the owner of the Call-ID (the caller) goes at once,
 *   and the other side waits until it has answered the owner's re-INVITE (then its own follows
 *   a short stagger later), or `leaderWaitMs` at most (the owner may not have been cut, may be
 *   on hold, or may have given up). Without that order the first desk back re-INVITEs into the
 *   other's dead connection, the later offers collide (491/488), and rtpengine, left with the
 *   owner's unanswered offer, answered the other desk's offer with the opposite DTLS role, which
 *   Chromium refuses ("Failed to set SSL role"): SIP.js then hung up (lab traces).
 *   An ICE-triggered restart (SIP stayed up, both desks see each other) only staggers.
 * - ICE `failed`, or `disconnected` for longer than a grace period: one restart, but only after
 *   an OPTIONS probe proved the SIP link alive (a re-INVITE into a dead link would block the
 *   dialog until SIP.js's 32 s timeout); a dead link is the watchdog's case above. After one
 *   ICE-triggered restart the next needs ICE to have been connected again (no storms).
 * - One attempt per leg at a time; triggers during an attempt are merged into it. An attempt
 *   that was under way when the link died is stale: one fresh attempt follows the return.
 * - Retries until the re-INVITE is answered, because the far desk usually comes back a few
 *   seconds after this one and a request sent before that is lost in its dead connection:
 *   - 491 (glare) or a locally pending re-INVITE: after a random 2.1–4 s when this side owns
 *     the Call-ID, else 0–2 s (RFC 3261 section 14.1), as often as it happens;
 *   - "not reachable yet" (404/408/480/5xx, a transport error, no final answer in time): after
 *     a capped exponential back-off with jitter, as often as it happens;
 *   - 488 (an offer the far end could not take, e.g. its own offer was still being prepared):
 *     with the glare delays, a few times.
 *   Retries stop `giveUpAfterMs` after the round began, or at any other failure: the call stays
 *   up and the agent sees a notice; nothing is hung up here. Each retry starts from a stable
 *   offer state: the session description handler rolls a refused offer back
 *   (`media/rollbackSessionDescriptionHandler.ts`).
 */

/** What one re-INVITE attempt came back with. */
export type RestartOutcome =
  | 'accepted'
  /** 491 Request Pending from the far end, or another re-INVITE of ours still pending. */
  | 'glare'
  /** The far end cannot be reached yet (e.g. it is still re-registering): 404, 408, 480, 503. */
  | 'unreachable'
  /** 488: the far end could not take the offer (often its own offer was still pending). */
  | 'refused'
  | 'failed'
  /** The leg ended or can no longer be restarted; nothing to report. */
  | 'gone';

export interface CallRecoveryPolicy {
  /** How long ICE may stay `disconnected` before it counts as broken. */
  iceGraceMs: number;
  /**
   * Random delay range before the non-owner of the Call-ID restarts: after an ICE break, and
   * after it answered the owner's re-INVITE following a link loss.
   */
  staggerMs: readonly [number, number];
  /**
   * After a link loss, how long the non-owner waits for the owner's re-INVITE before it
   * restarts anyway (the owner retries "not reachable" with a back-off capped at 4 s).
   */
  leaderWaitMs: number;
  /** Retry delay after a 491 when this side generated the Call-ID (RFC 3261: 2.1–4 s). */
  glareOwnerMs: readonly [number, number];
  /** Retry delay after a 491 for the other side (RFC 3261: 0–2 s). */
  glareOtherMs: readonly [number, number];
  /** Back-off after "not reachable yet": the first delay and the cap (each doubles, jittered). */
  unreachableBackoffMs: readonly [number, number];
  /** How many 488s in one round are retried before the restart counts as refused. */
  refusedRetries: number;
  /**
   * An attempt without a final answer in this time counts as "not reachable" (SIP.js itself
   * ends every re-INVITE within 32 s with a 408, so this is only a safety net).
   */
  attemptTimeoutMs: number;
  /** No new retry this long after the round's first attempt: the agent sees the notice. */
  giveUpAfterMs: number;
}

export const DEFAULT_RECOVERY_POLICY: CallRecoveryPolicy = {
  iceGraceMs: 2_000,
  staggerMs: [1_000, 2_000],
  leaderWaitMs: 6_000,
  glareOwnerMs: [2_100, 4_000],
  glareOtherMs: [0, 2_000],
  unreachableBackoffMs: [500, 4_000],
  refusedRetries: 2,
  attemptTimeoutMs: 40_000,
  giveUpAfterMs: 90_000,
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
  /** The non-owner waits for the owner's re-INVITE (after a link loss) before its own. */
  awaitingLeader: boolean;
  /** The far end's re-INVITE was answered since the last link loss. */
  farEndOffered: boolean;
  /** When the current round (first attempt and its retries) began. */
  roundStartedAt: number;
  unreachableCount: number;
  refusedCount: number;
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
    this.legs.set(legId, {
      busy: false,
      stale: false,
      again: false,
      ice: 'new',
      iceSpent: false,
      awaitingLeader: false,
      farEndOffered: false,
      roundStartedAt: 0,
      unreachableCount: 0,
      refusedCount: 0,
    });
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
      leg.farEndOffered = false;
      leg.awaitingLeader = false;
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
    for (const legId of this.legs.keys()) this.request(legId, true);
  }

  /**
   * The leg answered a re-INVITE of the far end with 2xx. A non-owner that waits for the owner's
   * offer after a link loss now sends its own, a short stagger later.
   */
  farEndOffered(legId: string): void {
    const leg = this.legs.get(legId);
    if (!leg) return;
    leg.farEndOffered = true;
    if (!leg.awaitingLeader) return;
    leg.awaitingLeader = false;
    clearTimeout(leg.timer);
    leg.timer = setTimeout(() => this.afterTimer(legId, leg), this.pick(this.policy.staggerMs));
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

  /** `afterLinkLoss`: the link returned (not an ICE break with SIP up). */
  private request(legId: string, afterLinkLoss = false): void {
    const leg = this.legs.get(legId);
    if (!leg || !this.linkUp) return;
    if (leg.busy) {
      if (leg.stale) leg.again = true;
      return;
    }
    if (!this.options.eligible(legId)) return;
    leg.busy = true;
    leg.roundStartedAt = Date.now();
    leg.unreachableCount = 0;
    leg.refusedCount = 0;
    if (this.options.ownsCallId(legId)) {
      void this.attempt(legId, leg);
      return;
    }
    // After a link loss the owner offers first; its answered re-INVITE releases ours
    // (farEndOffered), or the wait runs out.
    const waitForOwner = afterLinkLoss && !leg.farEndOffered;
    leg.awaitingLeader = waitForOwner;
    const delay = waitForOwner ? this.policy.leaderWaitMs : this.pick(this.policy.staggerMs);
    leg.timer = setTimeout(() => this.afterTimer(legId, leg), delay);
  }

  private afterTimer(legId: string, leg: LegRecovery): void {
    leg.timer = undefined;
    leg.awaitingLeader = false;
    if (this.legs.get(legId) !== leg) return;
    if (!this.options.eligible(legId)) {
      leg.busy = false;
      return;
    }
    void this.attempt(legId, leg);
  }

  private async attempt(legId: string, leg: LegRecovery): Promise<void> {
    const outcome = await this.withTimeout(this.options.restart(legId));
    if (this.legs.get(legId) !== leg) return;
    if (leg.stale) {
      leg.stale = false;
      leg.busy = false;
      if (leg.again) {
        leg.again = false;
        this.request(legId, true);
      }
      return;
    }
    const retryIn = this.retryDelay(legId, leg, outcome);
    if (retryIn !== undefined) {
      leg.timer = setTimeout(() => this.afterTimer(legId, leg), retryIn);
      return;
    }
    leg.busy = false;
    if (outcome === 'accepted') this.options.onRecovered(legId);
    else if (outcome !== 'gone') this.options.onFailed(legId);
  }

  /** How long to wait before the next attempt, or undefined when this round is over. */
  private retryDelay(legId: string, leg: LegRecovery, outcome: RestartOutcome): number | undefined {
    if (Date.now() - leg.roundStartedAt >= this.policy.giveUpAfterMs) return undefined;
    switch (outcome) {
      case 'glare':
        return this.glareDelayMs(legId);
      case 'refused':
        leg.refusedCount += 1;
        return leg.refusedCount <= this.policy.refusedRetries
          ? this.glareDelayMs(legId)
          : undefined;
      case 'unreachable': {
        leg.unreachableCount += 1;
        const [first, cap] = this.policy.unreachableBackoffMs;
        const ceiling = Math.min(cap, first * 2 ** (leg.unreachableCount - 1));
        return this.pick([ceiling / 2, ceiling]);
      }
      default:
        return undefined;
    }
  }

  private withTimeout(attempt: Promise<RestartOutcome>): Promise<RestartOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('unreachable'), this.policy.attemptTimeoutMs);
      attempt
        .catch((): RestartOutcome => 'failed')
        .then((outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        });
    });
  }

  /** A random delay in `range`, in whole 10 ms steps as RFC 3261 asks. */
  /**
   * RFC 3261 section 14.1: after a collision (491) the owner of the Call-ID retries after
   * 2.1–4 s, the other side after 0–2 s (the policy's ranges). Also used by hold/resume.
   */
  glareDelayMs(legId: string): number {
    return this.pick(
      this.options.ownsCallId(legId) ? this.policy.glareOwnerMs : this.policy.glareOtherMs,
    );
  }

  private pick([minimum, maximum]: readonly [number, number]): number {
    return Math.round((minimum + this.random() * (maximum - minimum)) / 10) * 10;
  }
}
