/**
 * Transcribes the caller's side of one bot call through the desk's own Deepgram session
 * (`DeepgramCallSession`, the official SDK): µ-law 8 kHz from RTP is decoded, upsampled to the
 * desk's format (linear16, 16 kHz, two channels: caller in channel 0, channel 1 silent) and sent
 * in 100 ms frames. Only final caller segments are passed on. Audio is held for at most one
 * frame; while the link is down the session's bounded buffer applies.
 */
import { DeepgramCallSession } from '../../src/main/services/transcription/deepgramCallSession';
import { muLawToLinear16k } from './g711';

/** 100 ms of 8 kHz µ-law per frame sent. */
const FRAME_INPUT_BYTES = 800;

export interface TranscriberSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly language: string;
  readonly model: string;
}

export interface FinalSegment {
  readonly segmentId: string;
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
}

export class CallTranscriber {
  private readonly session: DeepgramCallSession;
  private pending = new Uint8Array(FRAME_INPUT_BYTES);
  private pendingLength = 0;
  private lastSample = 0;

  constructor(
    callId: string,
    settings: TranscriberSettings,
    onFinal: (segment: FinalSegment) => void,
  ) {
    this.session = new DeepgramCallSession({
      callId,
      ...settings,
      keepAliveIntervalMilliseconds: 5000,
      maximumBufferedMilliseconds: 10_000,
      connectTimeoutMilliseconds: 5000,
      reconnectAttempts: 30,
      giveUpAfterMilliseconds: 60_000,
      onSegment: (segment) => {
        if (!segment.isFinal || segment.speaker !== 'caller' || segment.text.trim() === '') return;
        onFinal({
          segmentId: segment.segmentId,
          text: segment.text,
          startMs: Math.round(segment.startSeconds * 1000),
          endMs: Math.round(segment.endSeconds * 1000),
        });
      },
      onState: () => undefined,
      onUtteranceEnd: () => undefined,
    });
  }

  get state(): string {
    return this.session.currentState;
  }

  start(): Promise<void> {
    return this.session.start();
  }

  /** One RTP payload of µ-law caller audio. */
  push(payload: Uint8Array): void {
    let offset = 0;
    while (offset < payload.length) {
      const take = Math.min(payload.length - offset, FRAME_INPUT_BYTES - this.pendingLength);
      this.pending.set(payload.subarray(offset, offset + take), this.pendingLength);
      this.pendingLength += take;
      offset += take;
      if (this.pendingLength === FRAME_INPUT_BYTES) this.flush();
    }
  }

  async stop(): Promise<void> {
    this.pending.fill(0);
    this.pendingLength = 0;
    await this.session.stop();
  }

  private flush(): void {
    const { pcm, lastSample } = muLawToLinear16k(this.pending, 2, 0, this.lastSample);
    this.lastSample = lastSample;
    this.session.push(pcm);
    this.pendingLength = 0;
  }
}
