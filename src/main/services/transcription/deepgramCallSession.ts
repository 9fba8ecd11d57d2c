/**
 * One call's live transcription over Deepgram's `/v1/listen` with the official SDK:
 * multichannel linear16 at 16 kHz (channel 0 caller, 1 agent), interim results, punctuation
 * and smart formatting, utterance end and VAD events, the client's language.
 *
 * - Finals are kept in memory until `stop()` and survive reconnects; times are continued across
 *   connections (each new connection starts its clock at the audio already sent).
 * - While the link is down, audio waits in a bounded buffer and is sent after the SDK has
 *   reconnected; interims in flight at the drop are withdrawn (an empty final with their id).
 * - Without audio for `keepAliveIntervalMilliseconds` (hold, muted capture) a KeepAlive is sent,
 *   because Deepgram closes idle streams after about ten seconds.
 * - `stop()` sends Finalize, waits for the flushed finals, then CloseStream and a clean close.
 * Nothing here logs transcript text.
 */
import { DeepgramClient, type Deepgram } from '@deepgram/sdk';
import {
  AUDIO_BYTES_PER_SAMPLE,
  AUDIO_CHANNELS,
  AUDIO_SAMPLE_RATE,
  SPEAKERS,
  type TranscriptionReason,
  type TranscriptionState,
  type TranscriptSegment,
  type UtteranceEnd,
} from '../../../shared/contract/services/transcriptionService';
import { BoundedAudioBuffer } from './boundedAudioBuffer';

type ListenSocket = Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>>;
type ListenMessage =
  | Deepgram.listen.ListenV1Results
  | Deepgram.listen.ListenV1Metadata
  | Deepgram.listen.ListenV1UtteranceEnd
  | Deepgram.listen.ListenV1SpeechStarted;

const BYTES_PER_SECOND = AUDIO_SAMPLE_RATE * AUDIO_CHANNELS * AUDIO_BYTES_PER_SAMPLE;
const MAXIMUM_FINALS = 10_000;

export interface DeepgramSessionOptions {
  readonly callId: string;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly language: string;
  readonly model: string;
  readonly keepAliveIntervalMilliseconds: number;
  readonly maximumBufferedMilliseconds: number;
  readonly connectTimeoutMilliseconds: number;
  readonly reconnectAttempts: number;
  /** After this long without a connection the session fails ("unreachable"). */
  readonly giveUpAfterMilliseconds: number;
  readonly onSegment: (segment: TranscriptSegment) => void;
  readonly onState: (state: TranscriptionState, reason?: TranscriptionReason) => void;
  readonly onUtteranceEnd: (utteranceEnd: UtteranceEnd) => void;
}

export class DeepgramCallSession {
  private socket: ListenSocket | undefined;
  private state: TranscriptionState = 'connecting';
  private reason: TranscriptionReason | undefined;
  private readonly buffer: BoundedAudioBuffer;
  private readonly finals: TranscriptSegment[] = [];
  private readonly openSegments = new Map<number, TranscriptSegment>();
  private segmentCounter = 0;
  private secondsSent = 0;
  private connectionOffsetSeconds = 0;
  private lastSendAt = Date.now();
  private disconnectedSince: number | undefined;
  private keepAliveTimer: NodeJS.Timeout | undefined;
  private finalizeWaiter: (() => void) | undefined;
  private closeWaiter: (() => void) | undefined;
  private readonly abort = new AbortController();

  constructor(private readonly options: DeepgramSessionOptions) {
    this.buffer = new BoundedAudioBuffer(
      (BYTES_PER_SECOND * options.maximumBufferedMilliseconds) / 1000,
    );
  }

  get currentState(): TranscriptionState {
    return this.state;
  }

  get currentReason(): TranscriptionReason | undefined {
    return this.reason;
  }

  get droppedAudioMilliseconds(): number {
    return Math.round((this.buffer.droppedBytes / BYTES_PER_SECOND) * 1000);
  }

  /** Connects; resolves when live, or when connecting failed (state `failed`). */
  async start(): Promise<void> {
    const client = new DeepgramClient({
      apiKey: this.options.apiKey,
      baseUrl: this.options.baseUrl,
    });
    const socket = await client.listen.v1.connect({
      model: this.options.model,
      language: this.options.language,
      encoding: 'linear16',
      sample_rate: AUDIO_SAMPLE_RATE,
      channels: AUDIO_CHANNELS,
      multichannel: 'true',
      interim_results: 'true',
      punctuate: 'true',
      smart_format: 'true',
      utterance_end_ms: 1000,
      vad_events: 'true',
      endpointing: 300,
      reconnectAttempts: this.options.reconnectAttempts,
      connectionTimeoutInSeconds: this.options.connectTimeoutMilliseconds / 1000,
      abortSignal: this.abort.signal,
    });
    this.socket = socket;
    socket.on('open', () => this.handleOpen());
    socket.on('message', (message) => this.handleMessage(message));
    socket.on('close', (event) => this.handleClose(event.code));
    socket.on('error', (error) => this.handleError(error));
    socket.connect();
    this.keepAliveTimer = setInterval(
      () => this.keepAlive(),
      Math.min(1000, this.options.keepAliveIntervalMilliseconds),
    );
    await this.waitFor(() => this.state !== 'connecting', this.options.connectTimeoutMilliseconds);
    if (this.state === 'connecting') this.fail('unreachable');
  }

  /** Sends or buffers a frame; false when the session no longer takes audio. */
  push(frame: Uint8Array): boolean {
    if (this.state === 'live' && this.socket) {
      this.send(frame);
      return true;
    }
    if (this.state === 'connecting' || this.state === 'reconnecting') {
      this.buffer.push(frame);
      return true;
    }
    return false;
  }

  /** Flushes and closes; returns every final segment of the call. */
  async stop(): Promise<TranscriptSegment[]> {
    if (this.state === 'live' && this.socket) {
      this.setState('finishing');
      const flushed = new Promise<void>((resolve) => (this.finalizeWaiter = resolve));
      this.socket.sendFinalize({ type: 'Finalize' });
      await Promise.race([flushed, delay(1500)]);
      const closed = new Promise<void>((resolve) => (this.closeWaiter = resolve));
      this.socket.sendCloseStream({ type: 'CloseStream' });
      await Promise.race([closed, delay(2000)]);
    }
    this.withdrawInterims();
    this.dispose();
    if (this.state !== 'failed') this.setState('stopped');
    return [...this.finals];
  }

  dispose(): void {
    clearInterval(this.keepAliveTimer);
    this.buffer.clear();
    this.abort.abort();
    this.socket?.close();
  }

  private handleOpen(): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    // A new connection counts time from zero: continue from the audio already sent.
    this.connectionOffsetSeconds = this.secondsSent;
    this.disconnectedSince = undefined;
    this.setState('live');
    for (const frame of this.buffer.drain()) this.send(frame);
  }

  private handleMessage(message: ListenMessage): void {
    if (message.type === 'UtteranceEnd') {
      const speaker = SPEAKERS[message.channel[0] ?? 0];
      if (speaker) {
        const endSeconds = this.connectionOffsetSeconds + message.last_word_end;
        this.options.onUtteranceEnd({ callId: this.options.callId, speaker, endSeconds });
      }
      return;
    }
    if (message.type !== 'Results') return;
    if (message.from_finalize) this.finalizeWaiter?.();
    const channel = message.channel_index[0] ?? 0;
    const speaker = SPEAKERS[channel];
    if (!speaker) return;
    const text = message.channel.alternatives[0]?.transcript ?? '';
    const open = this.openSegments.get(channel);
    if (!open && text === '') return;
    const startSeconds = this.connectionOffsetSeconds + message.start;
    const segment: TranscriptSegment = {
      segmentId: open?.segmentId ?? `${this.options.callId}:${channel}:${++this.segmentCounter}`,
      callId: this.options.callId,
      speaker,
      text,
      isFinal: message.is_final === true,
      startSeconds,
      endSeconds: startSeconds + message.duration,
    };
    if (segment.isFinal) {
      this.openSegments.delete(channel);
      if (text !== '' && this.finals.length < MAXIMUM_FINALS) this.finals.push(segment);
    } else {
      this.openSegments.set(channel, segment);
    }
    this.options.onSegment(segment);
  }

  private handleClose(code: number): void {
    if (this.state === 'finishing') {
      this.closeWaiter?.();
      return;
    }
    if (this.state === 'stopped' || this.state === 'failed') return;
    if (code === 1000) {
      this.setState('stopped');
      return;
    }
    // The SDK reconnects by itself for any other code; interims of the lost stream are gone.
    this.withdrawInterims();
    this.disconnectedSince = Date.now();
    this.setState('reconnecting', 'connection-lost');
  }

  private handleError(error: Error): void {
    if (/\b(401|403)\b/.test(error.message)) this.fail('unauthorized');
  }

  private fail(reason: TranscriptionReason): void {
    this.setState('failed', reason);
    this.dispose();
  }

  private withdrawInterims(): void {
    for (const segment of this.openSegments.values())
      this.options.onSegment({ ...segment, text: '', isFinal: true });
    this.openSegments.clear();
  }

  private send(frame: Uint8Array): void {
    this.socket?.sendMedia(frame);
    this.secondsSent += frame.byteLength / BYTES_PER_SECOND;
    this.lastSendAt = Date.now();
  }

  private keepAlive(): void {
    // The SDK stops retrying silently after its last attempt; do not stay "reconnecting" forever.
    if (this.state === 'reconnecting' && this.disconnectedSince !== undefined) {
      if (Date.now() - this.disconnectedSince > this.options.giveUpAfterMilliseconds)
        this.fail('unreachable');
      return;
    }
    if (this.state !== 'live' || !this.socket) return;
    if (Date.now() - this.lastSendAt < this.options.keepAliveIntervalMilliseconds) return;
    this.socket.sendKeepAlive({ type: 'KeepAlive' });
    this.lastSendAt = Date.now();
  }

  private setState(state: TranscriptionState, reason?: TranscriptionReason): void {
    if (state === this.state && reason === this.reason) return;
    this.state = state;
    this.reason = reason;
    this.options.onState(state, reason);
  }

  private async waitFor(condition: () => boolean, timeoutMilliseconds: number): Promise<void> {
    const deadline = Date.now() + timeoutMilliseconds;
    while (!condition() && Date.now() < deadline) await delay(20);
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
