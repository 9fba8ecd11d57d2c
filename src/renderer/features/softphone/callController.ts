/**
 * The call legs of the desk over SIP.js sessions: incoming (ring, answer, decline), outgoing
 * (dial, cancel), and in-call operations (hold, mute, DTMF, hang up, blind and attended
 * transfer, call waiting and swap). Every state change goes through the store's
 * `applyCallEvent`, i.e. through the shared call state machine.
 */
import {
  Invitation,
  Inviter,
  RequestPendingError,
  SessionState,
  UserAgent,
  type Referral,
  type Session,
  type URI,
} from 'sip.js';
import { CallState, isConnected, isTerminal } from '../../../shared/domain/callState';
import type { CallLeg, CallOutcome, CallStore } from './callStore';
import type { SessionMedia } from './media/sessionMedia';
import { attendedReferTo, sipfragStatus } from './sip/referTarget';
import {
  callerOf,
  clientLineOf,
  inspectOffer,
  offerHolds,
  remotePartyOf,
} from './sip/inviteInspection';
import { guardAckTimeout } from './sip/ackTimeoutGuard';
import { decideRefer, type CallerReferPolicy } from './sip/referDecision';
import type { CallNotifier } from './media/callNotifier';
import type { RemoteAudio } from './media/remoteAudio';
import type { Ringer } from './media/ringer';
import { parsePhoneNumber } from '../../../shared/domain/phoneNumber';
import { CallRecovery, type CallRecoveryPolicy, type RestartOutcome } from './sip/callRecovery';
import type { HandoverGate } from './sip/handoverGate';
import { guardReInvites } from './sip/reInviteGuard';
import { offerExchangeUnderWay, ownOfferBeingBuilt } from './sip/offerExchange';

export interface CallControllerOptions {
  store: CallStore;
  userAgent(): UserAgent | undefined;
  /** The SIP domain numbers and extensions are dialled in. */
  domain(): string;
  mediaOf(session: Session): SessionMedia | undefined;
  remoteAudio: RemoteAudio;
  ringer: Ringer;
  notifier: CallNotifier;
  /** Texts for the OS notification (translated by the caller). */
  notificationText(leg: CallLeg): { title: string; body: string };
  /** Whether the agent takes calls now (presence available). */
  acceptsCalls(): boolean;
  sessionDescriptionHandlerOptions(): object;
  onLegFinished?(leg: CallLeg): void;
  /** How long an ended leg stays visible. */
  lingerMs?: number;
  /** Proves the SIP link alive now (OPTIONS answered); gates ICE-triggered restarts. */
  linkAlive?(): Promise<boolean>;
  recoveryPolicy?: CallRecoveryPolicy;
  random?: () => number;
  /** Whether the client of this call lets callers ask for a transfer (default: refuse). */
  callerReferPolicy?(leg: CallLeg): CallerReferPolicy | Promise<CallerReferPolicy>;
  /** Handover tokens of accepted escalation offers: a matching INVITE is answered by itself. */
  handover?: HandoverGate;
}

interface LegRuntime {
  session: Session;
  /** The dialog is confirmed: our ACK was sent (outgoing) or theirs arrived (incoming). */
  acknowledged: Promise<void>;
  acknowledge(): void;
  held: boolean;
  muted: boolean;
  localEnd?: CallOutcome;
  statusCode?: number;
  transferTimer?: ReturnType<typeof setTimeout>;
  /** The ICE-restart re-INVITE under way; a hold waits for it (SIP.js allows one at a time). */
  restarting?: Promise<RestartOutcome>;
  stopWatchingIce?: () => void;
  /** A REFER from the far end waiting for the agent's decision. */
  referral?: Referral;
  /** Set on the new call that follows a REFER: the leg that asked for it. */
  referredFrom?: string;
}

export type DialProblem = 'invalid-number' | 'not-registered';

/** At most one conversation plus one waiting call (and a consultation call). */
const MAX_LIVE_LEGS = 3;
/** A transfer without a final NOTIFY within this time counts as failed. */
const TRANSFER_TIMEOUT_MS = 30_000;
const DTMF_TONES = /^[0-9*#A-D]$/;
/** How long a hold waits for the ACK of a just-answered call. */
const ACK_WAIT_MS = 2_000;
/** A hold/resume that keeps colliding with the far end's re-INVITEs gives up after this many. */
const HOLD_GLARE_ATTEMPTS = 4;
/** How long a hold waits for an ICE-restart re-INVITE under way. */
const RESTART_WAIT_MS = 5_000;

/** Answers to a hold re-INVITE that mean the dialog is gone (RFC 3261 12.2.1.2): end the call. */
const DIALOG_GONE_STATUSES = new Set([408, 481]);
/** getUserMedia failures: only these are the microphone's fault. */
const MICROPHONE_ERRORS = new Set([
  'NotAllowedError',
  'NotFoundError',
  'NotReadableError',
  'OverconstrainedError',
  'SecurityError',
  'AbortError',
]);

/** Answers that mean "the far end is not reachable yet" (it may still be reconnecting). */
const UNREACHABLE_STATUSES = new Set([404, 408, 410, 477, 480, 500, 503, 504]);

function restartOutcomeOf(statusCode: number | undefined): RestartOutcome {
  if (statusCode === 491) return 'glare';
  // SIP.js answers a colliding offer with 488 when its own offer is still being prepared (the
  // peer connection holds a local offer): our unchanged codecs cannot be the reason for a 488
  // to an ICE restart, so it is retried a few times with the glare delays.
  if (statusCode === 488) return 'refused';
  return UNREACHABLE_STATUSES.has(statusCode ?? 0) ? 'unreachable' : 'failed';
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export class CallController {
  private readonly runtimes = new Map<string, LegRuntime>();
  private readonly recovery: CallRecovery;

  constructor(private readonly options: CallControllerOptions) {
    this.recovery = new CallRecovery({
      restart: (id) => this.restartIce(id),
      eligible: (id) => this.canRestartIce(id),
      ownsCallId: (id) => this.runtimes.get(id)?.session instanceof Inviter,
      linkAlive: () => options.linkAlive?.() ?? Promise.resolve(true),
      onRecovered: (id) => {
        if (this.store.legs[id]?.lastError === 'recovery-failed') {
          this.store.patchLeg(id, { lastError: undefined });
        }
      },
      onFailed: (id) => this.store.patchLeg(id, { lastError: 'recovery-failed' }),
      policy: options.recoveryPolicy,
      random: options.random,
    });
  }

  /** The SIP link died (watchdog): attempts under way no longer count. */
  linkLost(): void {
    this.recovery.linkLost();
  }

  /** Re-registered after a loss: every talking leg restarts ICE with a re-INVITE. */
  linkRestored(): void {
    this.recovery.linkRestored();
  }

  private get store() {
    return this.options.store.getState();
  }

  /** Handles an incoming INVITE: reject unusable offers, ring, or answer a Replaces at once. */
  async handleInvitation(invitation: Invitation): Promise<void> {
    const message = invitation.request;
    const verdict = inspectOffer(message);
    if (!verdict.usable) {
      await invitation.reject({ statusCode: verdict.statusCode }).catch(() => undefined);
      return;
    }
    const replaces = invitation.replacee ? this.legIdOf(invitation.replacee) : undefined;
    // The agent accepted this call's offer a moment ago: presence does not gate it.
    const handover = replaces ? undefined : await this.options.handover?.claim(message);
    if (!replaces) {
      if (!handover && !this.options.acceptsCalls()) {
        await invitation.reject({ statusCode: 480 }).catch(() => undefined);
        return;
      }
      if (this.liveCount() >= MAX_LIVE_LEGS - 1) {
        await invitation.reject({ statusCode: 486 }).catch(() => undefined);
        return;
      }
    }
    const caller = callerOf(message);
    const id = crypto.randomUUID();
    const waiting = this.liveCount() > 0;
    this.track(id, invitation);
    this.store.addLeg({
      id,
      event: 'incoming',
      direction: 'incoming',
      remoteNumber: caller.number,
      remoteLabel: caller.label,
      remoteName: caller.name,
      // A handed-over INVITE is addressed to handover.<token>: its line is the accepted offer's.
      clientLine: handover?.line ?? clientLineOf(message),
      createdAt: Date.now(),
    });
    if (replaces) {
      // Attended transfer towards this desk: the new call takes over an existing one.
      this.runtimes.get(replaces)!.localEnd = 'replaced';
      await this.answer(id);
      return;
    }
    if (handover) {
      this.options.handover?.answered(id, handover);
      await this.answer(id);
      return;
    }
    await invitation.progress().catch(() => undefined);
    this.options.ringer.start(waiting ? 'waiting' : 'incoming');
    const { title, body } = this.options.notificationText(this.store.legs[id]!);
    this.options.notifier.incoming(id, title, body);
  }

  async answer(id: string): Promise<void> {
    const runtime = this.runtimes.get(id);
    const leg = this.store.legs[id];
    if (!runtime || !(runtime.session instanceof Invitation) || leg?.state !== CallState.Ringing) {
      return;
    }
    const current = this.liveLegs().filter(
      (other) => other.id !== id && other.state === CallState.Active,
    );
    this.store.applyCallEvent(id, 'answer');
    this.stopRingingIfQuiet();
    this.options.notifier.dismiss(id);
    // Call waiting: the current conversation goes on hold at the same time (its media stops at
    // once, see setHold). Waiting for its re-INVITE would keep the new caller ringing for as
    // long as the old far end takes to answer — 10 s or more when it has vanished.
    for (const other of current) void this.setHold(other.id, true);
    try {
      await runtime.session.accept({
        sessionDescriptionHandlerOptions: this.options.sessionDescriptionHandlerOptions(),
      });
    } catch (error) {
      // Only a getUserMedia failure is the microphone's fault; anything else is the offer.
      const name = error instanceof Error || error instanceof DOMException ? error.name : '';
      const lastError = MICROPHONE_ERRORS.has(name) ? 'media-failed' : 'offer-failed';
      this.store.applyCallEvent(id, 'failed', { lastError, outcome: 'failed' });
    }
  }

  async decline(id: string): Promise<void> {
    const runtime = this.runtimes.get(id);
    if (!runtime || !(runtime.session instanceof Invitation)) return;
    if (runtime.session.state !== SessionState.Initial) return;
    runtime.localEnd = 'declined';
    // 486 Busy Here lets a proxy try another desk; 603 would end the call for everyone.
    await runtime.session.reject({ statusCode: 486 }).catch(() => undefined);
  }

  /** Resolves `target` (number, extension or SIP URI) to a URI in the desk's domain. */
  targetUri(target: string): URI | undefined {
    const trimmed = target.trim();
    if (/^sips?:/i.test(trimmed)) return UserAgent.makeURI(trimmed);
    const parsed = parsePhoneNumber(trimmed);
    if (parsed.kind === 'invalid') return undefined;
    const user = parsed.kind === 'e164' ? parsed.e164 : parsed.digits;
    return UserAgent.makeURI(`sip:${user}@${this.options.domain()}`);
  }

  /** Places a call; the conversation in progress (if any) goes on hold first. */
  async dial(
    target: string,
    options: { consultationFor?: string; remember?: boolean } = {},
  ): Promise<{ ok: true; id: string } | { ok: false; problem: DialProblem }> {
    const userAgent = this.options.userAgent();
    const uri = this.targetUri(target);
    if (!uri) return { ok: false, problem: 'invalid-number' };
    if (!userAgent || !userAgent.isConnected()) return { ok: false, problem: 'not-registered' };
    for (const other of this.liveLegs()) {
      if (other.state === CallState.Active) await this.setHold(other.id, true);
    }
    if (options.remember !== false) this.store.setLastDialled(target.trim());
    const inviter = new Inviter(userAgent, uri, {
      sessionDescriptionHandlerOptions: this.options.sessionDescriptionHandlerOptions(),
      earlyMedia: true,
    });
    return { ok: true, id: this.startOutgoing(inviter, uri, options.consultationFor) };
  }

  async hangUp(id: string): Promise<void> {
    const runtime = this.runtimes.get(id);
    if (!runtime) return;
    const session = runtime.session;
    runtime.localEnd ??= 'completed';
    try {
      if (session.state === SessionState.Established) await session.bye();
      else if (session instanceof Inviter) {
        runtime.localEnd = 'cancelled';
        await session.cancel();
      } else if (session instanceof Invitation && session.state === SessionState.Initial) {
        runtime.localEnd = 'declined';
        await session.reject({ statusCode: 486 });
      }
    } catch {
      // The session ended by itself meanwhile; its state listener records the outcome.
    }
  }

  /** Hold (re-INVITE sendonly/inactive) or resume; resolves when the far end answered. */
  async setHold(id: string, hold: boolean): Promise<boolean> {
    const runtime = this.runtimes.get(id);
    const leg = this.store.legs[id];
    if (!runtime || !leg || runtime.session.state !== SessionState.Established) return false;
    if (runtime.held === hold || leg.pending === 'hold' || leg.pending === 'resume') {
      return runtime.held === hold;
    }
    const session = runtime.session;
    // A re-INVITE before the caller's ACK would leave SIP.js's dialog with two open offers
    // (it then drops the call): wait for the ACK, which normally follows the 200 at once.
    await Promise.race([runtime.acknowledged, delay(ACK_WAIT_MS)]);
    // SIP.js sends one re-INVITE at a time: let an ICE restart under way finish first.
    if (runtime.restarting) await Promise.race([runtime.restarting, delay(RESTART_WAIT_MS)]);
    const previous = session.sessionDescriptionHandlerOptionsReInvite;
    session.sessionDescriptionHandlerOptionsReInvite = { ...previous, hold } as typeof previous;
    this.store.patchLeg(id, { pending: hold ? 'hold' : 'resume' });
    // The held party must not hear the agent from the first moment, not only after its answer.
    if (hold) this.switchTracks(id, false, false);
    const { accepted, rejectedWith } = await this.sendHoldReInvite(id, session);
    if (!accepted) {
      session.sessionDescriptionHandlerOptionsReInvite = previous;
      const gone = DIALOG_GONE_STATUSES.has(rejectedWith ?? 0);
      this.store.patchLeg(id, {
        pending: undefined,
        lastError: gone ? 'far-end-gone' : 'hold-failed',
      });
      if (gone) {
        // The far end is gone (timeout, or it no longer knows the call): end it for good.
        runtime.localEnd = 'failed';
        runtime.statusCode = rejectedWith;
        void session.bye().catch(() => undefined);
      } else {
        this.applyTrackSwitches(id);
      }
      return false;
    }
    runtime.held = hold;
    this.applyTrackSwitches(id);
    this.store.applyCallEvent(id, hold ? 'hold' : 'resume', {
      pending: undefined,
      lastError: undefined,
    });
    return true;
  }

  /**
   * Sends the hold/resume re-INVITE, retrying a collision (RFC 3261 section 14.1): a 491 from
   * the far end, or an offer exchange of the dialog still open here (the far end's re-INVITE —
   * an ICE restart, its own hold — crossed ours), is tried again after the glare delay, the
   * Call-ID's owner 2.1–4 s, the other side 0–2 s. Without it a hold that met the far end's
   * re-INVITE failed for good and call waiting left two calls talking.
   */
  private async sendHoldReInvite(
    id: string,
    session: Session,
  ): Promise<{ accepted: boolean; rejectedWith?: number }> {
    for (let attempt = 1; ; attempt += 1) {
      const result = offerExchangeUnderWay(session)
        ? { accepted: false, collided: true }
        : await this.sendReInviteOnce(session);
      const retry =
        result.collided &&
        attempt < HOLD_GLARE_ATTEMPTS &&
        session.state === SessionState.Established;
      if (!retry) return result;
      await delay(this.recovery.glareDelayMs(id));
    }
  }

  private sendReInviteOnce(
    session: Session,
  ): Promise<{ accepted: boolean; collided: boolean; rejectedWith?: number }> {
    return new Promise((resolve) => {
      session
        .invite({
          requestDelegate: {
            onAccept: () => resolve({ accepted: true, collided: false }),
            onReject: (response) => {
              const rejectedWith = response.message.statusCode;
              resolve({ accepted: false, collided: rejectedWith === 491, rejectedWith });
            },
          },
        })
        // SIP.js refuses to start while the far end's re-INVITE is being answered: a collision.
        .catch(() => resolve({ accepted: false, collided: offerExchangeUnderWay(session) }));
    });
  }

  /** Mute disables the outgoing track: the far end receives silence, no energy. */
  setMuted(id: string, muted: boolean): void {
    const runtime = this.runtimes.get(id);
    if (!runtime) return;
    runtime.muted = muted;
    this.applyTrackSwitches(id);
    this.store.patchLeg(id, { muted });
  }

  /** RFC 4733 in the media; SIP INFO (application/dtmf-relay) when the peer negotiated none. */
  async sendDtmf(id: string, tone: string): Promise<boolean> {
    const runtime = this.runtimes.get(id);
    if (!runtime || !DTMF_TONES.test(tone)) return false;
    const session = runtime.session;
    if (session.state !== SessionState.Established) return false;
    if (this.options.mediaOf(session)?.sendDtmf(tone)) return true;
    try {
      await session.info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: `Signal=${tone}\r\nDuration=160`,
          },
        },
      });
      return true;
    } catch {
      this.store.patchLeg(id, { lastError: 'dtmf-failed' });
      return false;
    }
  }

  /** Blind transfer: hold, REFER to the target, end our leg when the target answered. */
  async blindTransfer(id: string, target: string): Promise<boolean> {
    const uri = this.targetUri(target);
    const runtime = this.runtimes.get(id);
    if (!uri || !runtime || runtime.session.state !== SessionState.Established) return false;
    await this.setHold(id, true);
    return this.refer(id, uri.toString());
  }

  /** Attended transfer, step 1: hold the caller and call the target for a consultation. */
  async startConsultation(id: string, target: string) {
    const leg = this.store.legs[id];
    if (!leg || !isConnected(leg.state)) return { ok: false as const, problem: 'invalid-number' };
    if (this.targetUri(target) === undefined) {
      return { ok: false as const, problem: 'invalid-number' as const };
    }
    await this.setHold(id, true);
    const result = await this.dial(target, { consultationFor: id, remember: false });
    if (result.ok) this.store.applyCallEvent(id, 'consult');
    return result;
  }

  /** Attended transfer, step 2: REFER the caller to the consulted party with Replaces. */
  async completeAttendedTransfer(id: string): Promise<boolean> {
    const consultation = this.liveLegs().find((leg) => leg.consultationFor === id);
    const consultationRuntime = consultation && this.runtimes.get(consultation.id);
    if (!consultationRuntime || consultationRuntime.session.state !== SessionState.Established) {
      return false;
    }
    const referTo = attendedReferTo(consultationRuntime.session);
    if (!referTo) return false;
    consultationRuntime.localEnd = 'transferred';
    const done = await this.refer(id, referTo);
    if (!done) consultationRuntime.localEnd = undefined;
    return done;
  }

  /** Call waiting: makes `id` the conversation and holds every other connected leg. */
  async swap(id: string): Promise<void> {
    for (const other of this.liveLegs()) {
      if (other.id !== id && other.state === CallState.Active) await this.setHold(other.id, true);
    }
    await this.setHold(id, false);
  }

  /** Switches the microphone of every live call (device change keeps the calls). */
  async useMicrophone(open: () => Promise<MediaStream>): Promise<void> {
    for (const [id, runtime] of this.runtimes) {
      const media = this.options.mediaOf(runtime.session);
      if (!media || runtime.session.state !== SessionState.Established) continue;
      await media.useMicrophone(await open());
      this.applyTrackSwitches(id);
    }
  }

  /** Ends every call (the desk is closing or the SIP account changes). */
  async endAll(): Promise<void> {
    await Promise.all([...this.runtimes.keys()].map((id) => this.hangUp(id)));
  }

  liveLegs(): CallLeg[] {
    const { legs, legOrder } = this.store;
    return legOrder
      .map((id) => legs[id])
      .filter((leg): leg is CallLeg => leg !== undefined && !isTerminal(leg.state));
  }

  private liveCount(): number {
    return this.liveLegs().length;
  }

  private legIdOf(session: Session): string | undefined {
    for (const [id, runtime] of this.runtimes) if (runtime.session === session) return id;
    return undefined;
  }

  private startOutgoing(inviter: Inviter, uri: URI, consultationFor?: string): string {
    const id = crypto.randomUUID();
    const party = remotePartyOf(uri.user, undefined);
    this.track(id, inviter);
    this.store.addLeg({
      id,
      event: 'dial',
      direction: 'outgoing',
      remoteNumber: party.number,
      remoteLabel: party.label,
      remoteName: '',
      createdAt: Date.now(),
      consultationFor,
    });
    inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            if (response.message.statusCode === 183 && response.message.body) {
              this.store.applyCallEvent(id, 'progress');
              this.attachRemoteAudio(id);
            }
          },
          onReject: (response) => {
            const runtime = this.runtimes.get(id);
            if (runtime) runtime.statusCode = response.message.statusCode;
          },
        },
      })
      .catch(() => {
        this.store.applyCallEvent(id, 'failed', { outcome: 'failed' });
      });
    return id;
  }

  private track(id: string, session: Session): void {
    let acknowledge = () => {};
    const acknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
    this.runtimes.set(id, { session, held: false, muted: false, acknowledged, acknowledge });
    if (session instanceof Invitation) guardAckTimeout(session);
    session.delegate = {
      onRefer: (referral) => void this.onRefer(id, referral),
      onAck: () => acknowledge(),
      // A re-INVITE from the far end (SIP.js answered it already): sendonly/inactive is hold.
      onInvite: (request, _response, statusCode) => {
        // After a link loss the callee's own ICE restart waits for this (sip/callRecovery.ts).
        if (statusCode < 300) this.recovery.farEndOffered(id);
        const holds = offerHolds(request.body);
        if (statusCode < 300 && holds !== undefined) {
          this.store.patchLeg(id, { remoteHold: holds });
        }
      },
    };
    session.stateChange.addListener((state) => this.onSessionState(id, state));
    guardReInvites(session, () => {
      const restarting = this.runtimes.get(id)?.restarting !== undefined;
      return restarting && ownOfferBeingBuilt(session);
    });
  }

  private onSessionState(id: string, state: SessionState): void {
    const runtime = this.runtimes.get(id);
    if (!runtime) return;
    if (state === SessionState.Established) {
      if (runtime.session instanceof Inviter) runtime.acknowledge();
      // A transfer the far end asked for happened only once the new call is up (a 404 from
      // the transfer target leaves the old call a normal call).
      const referrer = runtime.referredFrom && this.runtimes.get(runtime.referredFrom);
      if (referrer) referrer.localEnd ??= 'transferred';
      this.store.applyCallEvent(id, 'established', { connectedAt: Date.now() });
      this.attachRemoteAudio(id);
      this.applyTrackSwitches(id);
      this.recovery.track(id);
      runtime.stopWatchingIce = this.options
        .mediaOf(runtime.session)
        ?.watchIce((iceState) => this.recovery.iceChanged(id, iceState));
    } else if (state === SessionState.Terminated) {
      // SIP.js reports the final response to the request delegate after this state change:
      // finish on the next turn so the status code (e.g. 486) is known.
      setTimeout(() => this.finish(id, runtime), 0);
    }
  }

  private finish(id: string, runtime: LegRuntime): void {
    const leg = this.store.legs[id];
    if (!leg) return;
    if (runtime.transferTimer !== undefined) clearTimeout(runtime.transferTimer);
    runtime.stopWatchingIce?.();
    this.recovery.forget(id);
    const patch = { endedAt: Date.now(), statusCode: runtime.statusCode };
    if (leg.state === CallState.Ringing) {
      const declined = runtime.localEnd === 'declined';
      this.store.applyCallEvent(id, declined ? 'decline' : 'cancelled', {
        ...patch,
        outcome: declined ? 'declined' : 'missed',
      });
    } else if (leg.state === CallState.Dialling || leg.state === CallState.EarlyMedia) {
      const cancelled = runtime.localEnd === 'cancelled';
      const busy = runtime.statusCode === 486 || runtime.statusCode === 600;
      this.store.applyCallEvent(id, cancelled ? 'hangup' : 'rejected', {
        ...patch,
        outcome: cancelled ? 'cancelled' : busy ? 'busy' : 'rejected',
      });
    } else if (!isTerminal(leg.state)) {
      const event =
        runtime.localEnd === 'failed' ? 'failed' : runtime.localEnd ? 'hangup' : 'remoteHangup';
      this.store.applyCallEvent(id, event, { ...patch, outcome: runtime.localEnd ?? 'completed' });
    }
    this.options.remoteAudio.detach(id);
    this.options.notifier.dismiss(id);
    this.runtimes.delete(id);
    this.stopRingingIfQuiet();
    if (leg.consultationFor) this.store.applyCallEvent(leg.consultationFor, 'consultEnded');
    const finished = this.store.legs[id];
    if (finished) this.options.onLegFinished?.(finished);
    setTimeout(() => this.store.removeLeg(id), this.options.lingerMs ?? 4_000);
  }

  private async refer(id: string, referTo: string): Promise<boolean> {
    const runtime = this.runtimes.get(id);
    if (!runtime) return false;
    const session = runtime.session;
    this.store.applyCallEvent(id, 'transfer', { pending: 'transfer', lastError: undefined });
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (success: boolean) => {
        if (settled) return;
        settled = true;
        if (runtime.transferTimer !== undefined) clearTimeout(runtime.transferTimer);
        if (success) {
          runtime.localEnd = 'transferred';
          this.store.applyCallEvent(id, 'transferSucceeded', {
            pending: undefined,
            outcome: 'transferred',
            endedAt: Date.now(),
          });
          void session.bye().catch(() => undefined);
        } else {
          this.store.applyCallEvent(id, 'transferFailed', {
            pending: undefined,
            lastError: 'transfer-failed',
          });
          // The state machine returns a failed transfer to Held; make the media match.
          if (!runtime.held) this.store.applyCallEvent(id, 'resume');
        }
        resolve(success);
      };
      runtime.transferTimer = setTimeout(() => settle(false), TRANSFER_TIMEOUT_MS);
      const extraHeaders = [
        `Refer-To: ${referTo}`,
        `Referred-By: <${session.userAgent.configuration.uri.toString()}>`,
        `Contact: ${session.userAgent.contact.toString()}`,
      ];
      session
        ._refer(
          (notification) => {
            void notification.accept().catch(() => undefined);
            const status = sipfragStatus(notification.request.body);
            if (status !== undefined && status >= 200) settle(status < 300);
          },
          { onReject: () => settle(false) },
          { extraHeaders },
        )
        .catch(() => settle(false));
    });
  }

  /**
   * Transferee role: the far end asks us to call someone else (REFER). Never followed
   * silently from outside (toll fraud): see `sip/referDecision.ts` and the README.
   */
  private async onRefer(id: string, referral: Referral): Promise<void> {
    const leg = this.store.legs[id];
    const runtime = this.runtimes.get(id);
    const target = referral.referTo.uri;
    const policy = leg
      ? await Promise.resolve(this.options.callerReferPolicy?.(leg) ?? 'refuse').catch(
          () => 'refuse' as const,
        )
      : 'refuse';
    const decision =
      leg && runtime
        ? decideRefer({
            direction: leg.direction,
            remoteNumber: leg.remoteNumber,
            target: { user: target.user, host: target.host, scheme: target.scheme },
            domain: this.options.domain(),
            policy,
          })
        : 'refuse';
    if (decision === 'refuse' || !runtime || runtime.referral) {
      // 403: this desk does not place calls on a caller's behalf.
      await referral.reject({ statusCode: 403 }).catch(() => undefined);
      return;
    }
    if (decision === 'follow') {
      await this.followRefer(id, referral);
      return;
    }
    runtime.referral = referral;
    const party = remotePartyOf(target.user, undefined);
    this.store.patchLeg(id, { referRequest: { targetLabel: party.label } });
  }

  /** The agent's answer to a caller's transfer request shown on the call card. */
  async answerReferRequest(id: string, allow: boolean): Promise<void> {
    const runtime = this.runtimes.get(id);
    const referral = runtime?.referral;
    if (!runtime || !referral) return;
    runtime.referral = undefined;
    this.store.patchLeg(id, { referRequest: undefined });
    if (allow) await this.followRefer(id, referral);
    // 603 Decline: the agent refused.
    else await referral.reject({ statusCode: 603 }).catch(() => undefined);
  }

  private async followRefer(id: string, referral: Referral): Promise<void> {
    const userAgent = this.options.userAgent();
    if (!userAgent) {
      await referral.reject().catch(() => undefined);
      return;
    }
    try {
      await referral.accept();
    } catch {
      return;
    }
    const inviter = referral.makeInviter({
      sessionDescriptionHandlerOptions: this.options.sessionDescriptionHandlerOptions(),
      earlyMedia: true,
    });
    const newId = this.startOutgoing(inviter, referral.referTo.uri);
    const started = this.runtimes.get(newId);
    if (started) started.referredFrom = id;
  }

  /** Established, talking (not held), no hold/transfer under way. */
  private canRestartIce(id: string): boolean {
    const runtime = this.runtimes.get(id);
    const leg = this.store.legs[id];
    return (
      runtime !== undefined &&
      !runtime.held &&
      runtime.session.state === SessionState.Established &&
      leg?.state === CallState.Active &&
      leg.pending === undefined
    );
  }

  /**
   * One re-INVITE whose offer restarts ICE (new ufrag/pwd, fresh candidates). The options are
   * set for this request only: SIP.js keeps re-INVITE options, and a later hold must not
   * restart ICE again. A rejection leaves the call as it was (SIP.js rolls the offer back).
   */
  private restartIce(id: string): Promise<RestartOutcome> {
    const runtime = this.runtimes.get(id);
    if (!runtime || !this.canRestartIce(id)) return Promise.resolve('gone');
    const session = runtime.session;
    // The far end's re-INVITE is still being answered or acknowledged: a collision, wait.
    if (offerExchangeUnderWay(session)) return Promise.resolve('glare');
    const previous = session.sessionDescriptionHandlerOptionsReInvite;
    const restartOptions = {
      ...previous,
      hold: false,
      offerOptions: { iceRestart: true },
    };
    const restarting = new Promise<RestartOutcome>((resolve) => {
      session
        .invite({
          sessionDescriptionHandlerOptions: restartOptions,
          requestDelegate: {
            onAccept: () => resolve('accepted'),
            onReject: (response) => resolve(restartOutcomeOf(response.message.statusCode)),
          },
        })
        .catch((error: unknown) => {
          if (session.state !== SessionState.Established) resolve('gone');
          else if (
            error instanceof RequestPendingError ||
            /ongoing re-INVITE/.test(String(error))
          ) {
            // Another re-INVITE of this dialog (ours or theirs) is still open: a collision.
            resolve('glare');
          } else resolve('failed');
        });
    }).finally(() => {
      // SIP.js stores a shallow copy: the nested offerOptions object identifies our options.
      const current = session.sessionDescriptionHandlerOptionsReInvite as { offerOptions?: object };
      if (current.offerOptions === restartOptions.offerOptions) {
        session.sessionDescriptionHandlerOptionsReInvite = previous;
      }
      if (runtime.restarting === restarting) runtime.restarting = undefined;
    });
    runtime.restarting = restarting;
    return restarting;
  }

  private attachRemoteAudio(id: string): void {
    const runtime = this.runtimes.get(id);
    const stream = runtime && this.options.mediaOf(runtime.session)?.remoteStream();
    if (stream) this.options.remoteAudio.attach(id, stream);
  }

  private applyTrackSwitches(id: string): void {
    const runtime = this.runtimes.get(id);
    if (runtime) this.switchTracks(id, !runtime.held, !runtime.held && !runtime.muted);
  }

  private switchTracks(id: string, receiving: boolean, sending: boolean): void {
    const runtime = this.runtimes.get(id);
    const media = runtime && this.options.mediaOf(runtime.session);
    if (!media) return;
    media.setReceiving(receiving);
    media.setSending(sending);
  }

  private stopRingingIfQuiet(): void {
    const ringing = this.liveLegs().filter((leg) => leg.state === CallState.Ringing);
    if (ringing.length === 0) this.options.ringer.stop();
  }
}
