/**
 * In-memory host services for live-assistance tests and the benchmark harness: records every
 * call, answers like the real services would (configurable), and emits events on demand.
 */
import type { Unsubscribe } from '../../../../shared/contract/contractDefinition';
import type {
  NoteDraft,
  NoteDraftRequest,
} from '../../../../shared/contract/services/noteDraftService';
import type {
  AssistantStatus,
  SuggestionCard,
  SuggestionRequest,
  SuggestionResult,
} from '../../../../shared/contract/services/suggestionService';
import type {
  TranscriptSegment,
  TranscriptionStart,
  TranscriptionStatus,
} from '../../../../shared/contract/services/transcriptionService';
import { failure, ok, type Result } from '../../../../shared/rpc/result';
import type { LiveAssistClients } from './liveAssistClients';

class Emitter<T> {
  private readonly listeners = new Set<(payload: T) => void>();
  on = (listener: (payload: T) => void): Unsubscribe => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  emit(payload: T): void {
    for (const listener of this.listeners) listener(payload);
  }
}

export interface LiveAssistClientsFakeOptions {
  startState?: TranscriptionStatus['state'];
  startReason?: TranscriptionStatus['reason'];
  /** Builds the answer to `suggest`; a failure result when it returns undefined. */
  answer?: (request: SuggestionRequest) => SuggestionResult | undefined;
  draft?: (request: NoteDraftRequest) => NoteDraft;
}

export class LiveAssistClientsFake {
  readonly started: TranscriptionStart[] = [];
  readonly stopped: string[] = [];
  readonly frames: { callId: string; bytes: number }[] = [];
  readonly suggestRequests: SuggestionRequest[] = [];
  readonly endedCalls: string[] = [];
  readonly draftRequests: NoteDraftRequest[] = [];
  readonly segment = new Emitter<TranscriptSegment>();
  readonly transcriptionStatus = new Emitter<TranscriptionStatus>();
  readonly suggestion = new Emitter<SuggestionCard>();
  readonly assistantStatus = new Emitter<AssistantStatus>();
  finals: TranscriptSegment[] = [];
  readonly clients: LiveAssistClients;

  constructor(private readonly options: LiveAssistClientsFakeOptions = {}) {
    const status = (callId: string): TranscriptionStatus => ({
      callId,
      state: options.startState ?? 'live',
      ...(options.startReason ? { reason: options.startReason } : {}),
      droppedAudioMilliseconds: 0,
    });
    const answer = async <T>(value: T): Promise<Result<T>> => ok(value);
    this.clients = {
      transcription: {
        start: async (start) => {
          this.started.push(start);
          return ok(status(start.callId));
        },
        pushAudio: async (callId, frame) => {
          this.frames.push({ callId, bytes: frame.byteLength });
          return ok(true);
        },
        stop: async (callId) => {
          this.stopped.push(callId);
          return ok({ status: { ...status(callId), state: 'stopped' }, segments: this.finals });
        },
        getStatus: async (callId) => ok(status(callId)),
        onSegment: this.segment.on,
        onStatus: this.transcriptionStatus.on,
      },
      suggestions: {
        suggest: async (request) => {
          this.suggestRequests.push(request);
          const result = options.answer?.(request);
          return result ? ok(result) : failure('unavailable', 'suggestions unavailable');
        },
        endCall: async (callId) => {
          this.endedCalls.push(callId);
          return ok(true);
        },
        getStatus: () => answer<AssistantStatus>({ retrieval: 'ready', model: 'off' }),
        onSuggestion: this.suggestion.on,
        onStatus: this.assistantStatus.on,
      },
      noteDrafts: {
        draft: async (request) => {
          this.draftRequests.push(request);
          return options.draft ? ok(options.draft(request)) : failure('internal', 'no draft');
        },
      },
    };
  }
}
