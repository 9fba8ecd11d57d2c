/**
 * The transcription service: one Deepgram session per call, or a clear "off" with a reason
 * when no provider is configured. Segments and status changes are published as events; finals
 * are returned by `stop()` for the note draft, then forgotten (memory only, never on disk).
 */
import { allowsProvider } from '../../../shared/domain/aiProviderPolicy';
import type { ClientDirectory } from '../ai/clientDirectory';
import type {
  TranscriptionReason,
  TranscriptionResult,
  TranscriptionStart,
  TranscriptionState,
  TranscriptionStatus,
  transcriptionService,
  UtteranceEnd,
} from '../../../shared/contract/services/transcriptionService';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import { ServiceError } from '../../../shared/rpc/result';
import type { ProviderSettingsSource } from '../ai/providerSettings';
import { DeepgramCallSession } from './deepgramCallSession';

type TranscriptionDefinition = typeof transcriptionService;

export interface TranscriptionServiceOptions {
  readonly providers: ProviderSettingsSource;
  readonly keepAliveIntervalMilliseconds?: number;
  readonly maximumBufferedMilliseconds?: number;
  readonly connectTimeoutMilliseconds?: number;
  readonly reconnectAttempts?: number;
  readonly giveUpAfterMilliseconds?: number;
  /** Host-side listener for utterance ends (e.g. to trigger suggestions in the host). */
  readonly onUtteranceEnd?: (utteranceEnd: UtteranceEnd) => void;
  /** Where a start's `clientId` is looked up: a client may forbid sending its audio (issue 13). */
  readonly clients?: ClientDirectory;
}

export interface TranscriptionServiceHost extends ServiceImplementation<TranscriptionDefinition> {
  /** Closes every session (host shutdown). */
  dispose(): void;
}

/** An agent handles one call at a time, two during a consultation transfer. */
const MAXIMUM_SESSIONS = 4;
const DEFAULT_MODEL = 'nova-3';

export function createTranscriptionService(
  options: TranscriptionServiceOptions,
): TranscriptionServiceHost {
  const events = new ServiceEvents<TranscriptionDefinition>();
  const sessions = new Map<string, DeepgramCallSession>();
  const offReasons = new Map<string, TranscriptionReason>();

  const statusOf = (callId: string): TranscriptionStatus => {
    const session = sessions.get(callId);
    if (session) {
      const reason = session.currentReason;
      return {
        callId,
        state: session.currentState,
        ...(reason ? { reason } : {}),
        droppedAudioMilliseconds: session.droppedAudioMilliseconds,
      };
    }
    const reason = offReasons.get(callId);
    return {
      callId,
      state: reason ? 'off' : 'stopped',
      ...(reason ? { reason } : {}),
      droppedAudioMilliseconds: 0,
    };
  };

  const off = (callId: string, reason: TranscriptionReason): TranscriptionStatus => {
    offReasons.set(callId, reason);
    const status = statusOf(callId);
    events.emit('onStatus', status);
    return status;
  };

  const start = async (request: TranscriptionStart): Promise<TranscriptionStatus> => {
    const existing = sessions.get(request.callId);
    if (existing && existing.currentState !== 'failed' && existing.currentState !== 'stopped') {
      return statusOf(request.callId);
    }
    existing?.dispose();
    sessions.delete(request.callId);
    // Checked before any connection: not one byte of a forbidding client's audio may leave.
    const client = request.clientId
      ? await options.clients?.getClient(request.clientId)
      : undefined;
    if (client && !allowsProvider(client, 'deepgram')) return off(request.callId, 'not-allowed');
    const settings = (await options.providers.getProviderSettings()).deepgram;
    if (settings.baseUrl === '') return off(request.callId, 'not-configured');
    if (!settings.apiKey) return off(request.callId, 'missing-key');
    if (sessions.size >= MAXIMUM_SESSIONS)
      throw new ServiceError('conflict', 'Too many transcriptions at once');
    offReasons.delete(request.callId);
    const session = new DeepgramCallSession({
      callId: request.callId,
      baseUrl: settings.baseUrl,
      apiKey: settings.apiKey,
      language: request.language || settings.language || 'de',
      model: settings.model || DEFAULT_MODEL,
      keepAliveIntervalMilliseconds: options.keepAliveIntervalMilliseconds ?? 5000,
      maximumBufferedMilliseconds: options.maximumBufferedMilliseconds ?? 10_000,
      connectTimeoutMilliseconds: options.connectTimeoutMilliseconds ?? 5000,
      reconnectAttempts: options.reconnectAttempts ?? 30,
      giveUpAfterMilliseconds: options.giveUpAfterMilliseconds ?? 60_000,
      onSegment: (segment) => events.emit('onSegment', segment),
      onState: (_state: TranscriptionState) => events.emit('onStatus', statusOf(request.callId)),
      onUtteranceEnd: (utteranceEnd) => options.onUtteranceEnd?.(utteranceEnd),
    });
    sessions.set(request.callId, session);
    await session.start();
    return statusOf(request.callId);
  };

  return {
    methods: {
      start,
      pushAudio: async (callId, frame) => {
        const session = sessions.get(callId);
        return session ? session.push(frame) : false;
      },
      stop: async (callId): Promise<TranscriptionResult> => {
        const session = sessions.get(callId);
        if (!session) {
          const status = statusOf(callId);
          offReasons.delete(callId);
          return { status, segments: [] };
        }
        const segments = await session.stop();
        const status = statusOf(callId);
        sessions.delete(callId);
        return { status, segments };
      },
      getStatus: async (callId) => statusOf(callId),
    },
    events,
    dispose: () => {
      for (const session of sessions.values()) session.dispose();
      sessions.clear();
    },
  };
}
