/**
 * Live assistance for the desk: follows the softphone's call store (zustand `subscribe`) and
 * runs one {@link CallAssist} per client call — begun when the call connects, capturing while
 * it is active, paused on hold, finished at hang-up — and routes the host's transcription and
 * suggestion events to the call they belong to. The panels find a call's stores through
 * `registry`. Consultation calls to staff and calls without a client line get no assistance.
 */
import type { ClientProfile } from '../../../../shared/domain/clientProfile';
import { CallState, isConnected, isTerminal } from '../../../../shared/domain/callState';
import { createAppStore, type AppStore } from '../../../app/state/appStore';
import type { CallLeg, CallStore, SoftphoneState } from '../../softphone/callStore';
import type { startAudioCapture } from '../audio/audioCapture';
import { CallAssist } from './callAssist';
import type { CallStreamSource } from './callStreams';
import type { ApplyNoteDraft, LiveAssistClients } from './liveAssistClients';

/** Finished calls whose transcript stays reachable (after-call work), newest kept. */
const FINISHED_CALLS_KEPT = 3;

export interface LiveAssistOptions {
  callStore: CallStore;
  clients: LiveAssistClients;
  /** The called client of a leg (by its dialled line); undefined when unknown. */
  clientOf(leg: CallLeg): Promise<ClientProfile | undefined>;
  applyDraft: ApplyNoteDraft;
  streams: CallStreamSource;
  startCapture?: typeof startAudioCapture;
}

export interface LiveAssistState {
  /** Assistance per call id (the softphone's leg id), running and recently finished. */
  assists: Readonly<Record<string, CallAssist>>;
}

interface Followed {
  assist: CallAssist;
  state: CallState;
  muted: boolean;
}

export class LiveAssist {
  readonly registry: AppStore<LiveAssistState> = createAppStore<LiveAssistState>(() => ({
    assists: {},
  }));
  private readonly followed = new Map<string, Followed>();
  private readonly finished: string[] = [];
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: LiveAssistOptions) {}

  start(): void {
    if (this.cleanups.length > 0) return;
    const { transcription, suggestions } = this.options.clients;
    this.cleanups.push(
      transcription.onSegment((segment) => this.live(segment.callId)?.addSegment(segment)),
      transcription.onStatus((status) => this.live(status.callId)?.setTranscriptionStatus(status)),
      suggestions.onSuggestion((card) => this.live(card.callId)?.addSuggestion(card)),
      suggestions.onStatus((status) => {
        for (const { assist } of this.followed.values()) {
          assist.suggestions.getState().setAssistant(status);
        }
      }),
      this.options.callStore.subscribe((state) => this.follow(state)),
    );
    this.follow(this.options.callStore.getState());
  }

  /** Stops following; calls still running are finished (their notes still get drafts). */
  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    await Promise.all([...this.followed.values()].map(({ assist }) => assist.finish()));
  }

  assistOf(callId: string): CallAssist | undefined {
    return this.registry.getState().assists[callId];
  }

  private live(callId: string): CallAssist | undefined {
    return this.followed.get(callId)?.assist;
  }

  private follow(state: Pick<SoftphoneState, 'legs'>): void {
    for (const leg of Object.values(state.legs)) {
      const followed = this.followed.get(leg.id);
      if (followed) this.update(followed, leg);
      else if (this.wantsAssist(leg)) this.begin(leg);
    }
    // A leg removed from the store without passing through an end state still ends here.
    for (const [id, followed] of this.followed) {
      if (!state.legs[id]) this.end(id, followed);
    }
  }

  private wantsAssist(leg: CallLeg): boolean {
    return (
      isConnected(leg.state) &&
      !leg.consultationFor &&
      leg.clientLine !== undefined &&
      !this.registry.getState().assists[leg.id]
    );
  }

  private begin(leg: CallLeg): void {
    const assist = new CallAssist({
      callId: leg.id,
      clients: this.options.clients,
      streams: this.options.streams,
      applyDraft: this.options.applyDraft,
      startCapture: this.options.startCapture,
    });
    const followed: Followed = { assist, state: leg.state, muted: leg.muted };
    this.followed.set(leg.id, followed);
    this.registry.setState((current) => ({ assists: { ...current.assists, [leg.id]: assist } }));
    assist.setMuted(leg.muted);
    void this.options
      .clientOf(leg)
      .catch(() => undefined)
      .then((client) => assist.begin(client));
    if (leg.state === CallState.Active) void assist.activate();
  }

  private update(followed: Followed, leg: CallLeg): void {
    if (leg.muted !== followed.muted) {
      followed.muted = leg.muted;
      followed.assist.setMuted(leg.muted);
    }
    if (leg.state === followed.state) return;
    followed.state = leg.state;
    if (isTerminal(leg.state)) this.end(leg.id, followed);
    else if (leg.state === CallState.Active) void followed.assist.activate();
    else void followed.assist.deactivate();
  }

  private end(id: string, followed: Followed): void {
    this.followed.delete(id);
    void followed.assist.finish();
    this.finished.push(id);
    const forgotten = this.finished.splice(
      0,
      Math.max(0, this.finished.length - FINISHED_CALLS_KEPT),
    );
    if (forgotten.length === 0) return;
    this.registry.setState((current) => ({
      assists: Object.fromEntries(
        Object.entries(current.assists).filter(([callId]) => !forgotten.includes(callId)),
      ),
    }));
  }
}
