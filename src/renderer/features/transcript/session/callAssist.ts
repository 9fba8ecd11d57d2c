/**
 * Live assistance for one call: transcription started when the call connects, audio captured
 * while it is active (paused on hold), suggestions after each final caller line, and the note
 * draft at hang-up. Holds this call's transcript and suggestion stores; shares nothing with
 * other calls. Never logs transcript text.
 */
import { allowsProvider } from '../../../../shared/domain/aiProviderPolicy';
import type { SuggestionCard } from '../../../../shared/contract/services/suggestionService';
import type {
  TranscriptSegment,
  TranscriptionStatus,
} from '../../../../shared/contract/services/transcriptionService';
import type { ClientProfile } from '../../../../shared/domain/clientProfile';
import { finalSegments } from '../../../../shared/domain/transcriptMerge';
import { SuggestionRequester } from '../../suggestions/suggestionRequester';
import { createSuggestionsStore, type SuggestionsStore } from '../../suggestions/suggestionsStore';
import type { startAudioCapture } from '../audio/audioCapture';
import { createTranscriptStore, type TranscriptStore } from '../transcriptStore';
import { CaptureController } from './captureController';
import type { CallStreamSource } from './callStreams';
import type { ApplyNoteDraft, LiveAssistClients } from './liveAssistClients';
import { noteDraftFields } from './noteDraftFields';

/** The contract caps a note draft request at 5,000 lines. */
const DRAFT_LINE_LIMIT = 5000;
/** Transcription states in which audio is worth sending. */
const TRANSCRIBING = new Set(['connecting', 'live', 'reconnecting']);

export interface CallAssistOptions {
  callId: string;
  clients: LiveAssistClients;
  streams: CallStreamSource;
  applyDraft: ApplyNoteDraft;
  startCapture?: typeof startAudioCapture;
}

export class CallAssist {
  readonly transcript: TranscriptStore;
  readonly suggestions: SuggestionsStore;
  private readonly capture: CaptureController;
  private client: ClientProfile | undefined;
  private requester: SuggestionRequester | undefined;
  /** Resolves once `begin` has started transcription: true when audio should be captured. */
  private readonly started: Promise<boolean>;
  private resolveStarted: (transcribing: boolean) => void = () => undefined;
  private beginning = false;
  private active = false;
  private finishing: Promise<void> | undefined;
  private readonly requests = new Set<Promise<void>>();

  constructor(private readonly options: CallAssistOptions) {
    this.started = new Promise((resolve) => (this.resolveStarted = resolve));
    this.transcript = createTranscriptStore(options.callId);
    this.suggestions = createSuggestionsStore(options.callId);
    this.capture = new CaptureController({
      legId: options.callId,
      streams: options.streams,
      send: async (frame) => {
        const result = await options.clients.transcription.pushAudio(options.callId, frame);
        return result.ok && result.value;
      },
      onChange: (change) => this.transcript.getState().setCapture(change),
      startCapture: options.startCapture,
    });
  }

  get callId(): string {
    return this.options.callId;
  }

  /** Starts transcription once the client is known; true when audio should be captured. */
  begin(client: ClientProfile | undefined): Promise<boolean> {
    if (this.beginning) return this.started;
    this.beginning = true;
    void (async () => {
      this.client = client;
      if (client) {
        this.transcript.getState().setKeywords(client.keywordAlerts);
        this.requester = new SuggestionRequester(
          this.callId,
          client,
          this.options.clients.suggestions,
          this.suggestions,
        );
      }
      // The host refuses too; the desk does not even ask for a client that forbids it.
      if (client && !allowsProvider(client, 'deepgram')) {
        this.transcript.getState().setStatus({
          callId: this.callId,
          state: 'off',
          reason: 'not-allowed',
          droppedAudioMilliseconds: 0,
        });
        return false;
      }
      const result = await this.options.clients.transcription.start({
        callId: this.callId,
        ...(client?.language ? { language: client.language } : {}),
        ...(client ? { clientId: client.id } : {}),
      });
      if (!result.ok) {
        this.transcript.getState().setHostUnavailable(true);
        return false;
      }
      this.transcript.getState().setStatus(result.value);
      return TRANSCRIBING.has(result.value.state);
    })().then(this.resolveStarted, () => this.resolveStarted(false));
    return this.started;
  }

  /** The call is active (connected, not held): capture if transcription runs. */
  async activate(): Promise<void> {
    this.active = true;
    if (!(await this.started) || !this.active || this.finishing) return;
    await this.capture.run();
  }

  /** Held, consulting or transferring: no capture until active again. */
  async deactivate(): Promise<void> {
    this.active = false;
    await this.capture.pause();
  }

  setMuted(muted: boolean): void {
    this.capture.setMuted(muted);
  }

  addSegment(segment: TranscriptSegment): void {
    const before = this.transcript.getState().transcript;
    this.transcript.getState().addSegment(segment);
    const after = this.transcript.getState().transcript;
    if (after === before || !segment.isFinal || segment.speaker !== 'caller') return;
    if (!this.requester || this.finishing) return;
    const request = this.requester.request(after.segments).catch(() => {
      this.suggestions.getState().requestFailed();
    });
    this.requests.add(request);
    void request.finally(() => this.requests.delete(request));
  }

  setTranscriptionStatus(status: TranscriptionStatus): void {
    this.transcript.getState().setStatus(status);
  }

  addSuggestion(card: SuggestionCard): void {
    this.suggestions.getState().addRefinement(card);
  }

  /** Hang-up: stop capture and transcription, end suggestions, draft the note. Idempotent. */
  finish(): Promise<void> {
    this.finishing ??= this.runFinish();
    return this.finishing;
  }

  /** Resolves when every suggestion request sent so far has been answered. */
  async settled(): Promise<void> {
    await Promise.all([...this.requests]);
  }

  private async runFinish(): Promise<void> {
    this.active = false;
    const { transcription, suggestions, noteDrafts } = this.options.clients;
    // A call that ends before it was begun has nothing to stop.
    const transcribing = this.beginning ? await this.started : false;
    await this.capture.stop();
    if (transcribing) {
      const result = await transcription.stop(this.callId);
      if (result.ok) {
        for (const segment of result.value.segments) this.transcript.getState().addSegment(segment);
        this.transcript.getState().setStatus(result.value.status);
      }
    }
    void suggestions.endCall(this.callId);
    this.suggestions.getState().close();
    await this.draftNote(noteDrafts);
  }

  private async draftNote(noteDrafts: LiveAssistClients['noteDrafts']): Promise<void> {
    const store = this.transcript.getState();
    const lines = finalSegments(store.transcript)
      .filter((segment) => segment.text.trim() !== '')
      .slice(-DRAFT_LINE_LIMIT)
      .map((segment) => ({ speaker: segment.speaker, text: segment.text.slice(0, 4000) }));
    if (!this.client || lines.length === 0) {
      store.setNoteDraft('empty');
      return;
    }
    store.setNoteDraft('pending');
    const result = await noteDrafts.draft({
      callId: this.callId,
      client: { clientId: this.client.id },
      transcript: lines,
    });
    const draft =
      !result.ok && result.error.code === 'not-found'
        ? await noteDrafts.draft({
            callId: this.callId,
            client: { profile: this.client },
            transcript: lines,
          })
        : result;
    if (!draft.ok) {
      this.transcript.getState().setNoteDraft('failed');
      return;
    }
    const { fields, aiFilledFieldNames } = noteDraftFields(draft.value);
    this.options.applyDraft(this.callId, fields, aiFilledFieldNames);
    this.transcript.getState().setNoteDraft('applied');
  }
}
