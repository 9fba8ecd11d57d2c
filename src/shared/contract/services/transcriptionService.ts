/**
 * Live transcription of a call: the renderer sends audio frames, the host streams them to a
 * speech provider (Deepgram) and publishes speaker-labelled segments.
 *
 * Audio frame format (MUST): 16 kHz, signed 16-bit little-endian PCM, two interleaved channels
 * — channel 0 the caller, channel 1 the agent — so one sample frame is 4 bytes and a frame's
 * length MUST be a multiple of 4, at most {@link MAXIMUM_AUDIO_FRAME_BYTES}. Audio MUST stay in
 * bounded memory and MUST NOT be written to disk (SECURITY.md rule 8).
 *
 * Status diagram (per call):
 * ```
 *   off ──(provider configured)── connecting ──open──▶ live ──drop──▶ reconnecting ──open──▶ live
 *                                     │                 │                  │
 *                                     └──fail──▶ failed  └──stop──▶ finishing ──▶ stopped
 * ```
 * `off` and `failed` carry a reason the UI shows ("transcription is off because …").
 */
import { z } from 'zod';
import { defineMethod, defineService } from '../contractDefinition';

export const AUDIO_SAMPLE_RATE = 16_000;
export const AUDIO_CHANNELS = 2;
export const AUDIO_BYTES_PER_SAMPLE = 2;
/** Half a second of stereo audio; the renderer sends frames of 20–250 ms. */
export const MAXIMUM_AUDIO_FRAME_BYTES =
  (AUDIO_SAMPLE_RATE * AUDIO_CHANNELS * AUDIO_BYTES_PER_SAMPLE) / 2;

export const SPEAKERS = ['caller', 'agent'] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const CallIdSchema = z.string().min(1).max(128);

/** One piece of the transcript. An interim segment is replaced by the final one with its id. */
export const TranscriptSegmentSchema = z.object({
  segmentId: z.string().min(1).max(160),
  callId: CallIdSchema,
  speaker: z.enum(SPEAKERS),
  text: z.string().max(4000),
  isFinal: z.boolean(),
  /** Seconds since transcription of this call started, across reconnects. */
  startSeconds: z.number().min(0),
  endSeconds: z.number().min(0),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;

export const TRANSCRIPTION_STATES = [
  'off',
  'connecting',
  'live',
  'reconnecting',
  'finishing',
  'stopped',
  'failed',
] as const;
export type TranscriptionState = (typeof TRANSCRIPTION_STATES)[number];

export const TRANSCRIPTION_REASONS = [
  'not-configured',
  'missing-key',
  'unauthorized',
  'unreachable',
  'connection-lost',
  'provider-error',
  /** The call's client does not let any transcription provider receive its audio (issue 13). */
  'not-allowed',
] as const;
export type TranscriptionReason = (typeof TRANSCRIPTION_REASONS)[number];

export const TranscriptionStatusSchema = z.object({
  callId: CallIdSchema,
  state: z.enum(TRANSCRIPTION_STATES),
  reason: z.enum(TRANSCRIPTION_REASONS).optional(),
  /** Audio that could not be buffered while the provider was unreachable. */
  droppedAudioMilliseconds: z.number().int().min(0),
});
export type TranscriptionStatus = z.infer<typeof TranscriptionStatusSchema>;

export const TranscriptionStartSchema = z.object({
  callId: CallIdSchema,
  /** BCP-47 language of the call, from the client profile; German when absent. */
  language: z.string().max(16).optional(),
  /** The call's client: the host refuses to send its audio to a provider it does not allow. */
  clientId: z.string().min(1).max(64).optional(),
});
export type TranscriptionStart = z.infer<typeof TranscriptionStartSchema>;

const AudioFrameSchema = z
  .instanceof(Uint8Array)
  .refine(
    (frame) => frame.byteLength > 0 && frame.byteLength <= MAXIMUM_AUDIO_FRAME_BYTES,
    'Audio frame too large or empty',
  )
  .refine(
    (frame) => frame.byteLength % (AUDIO_CHANNELS * AUDIO_BYTES_PER_SAMPLE) === 0,
    'Audio frame must hold whole stereo 16-bit samples',
  );

/**
 * A speaker finished an utterance (Deepgram `UtteranceEnd`). Host-side only for now (the host
 * service accepts a listener); not a contract event, so renderer clients need not handle it.
 */
export const UtteranceEndSchema = z.object({
  callId: CallIdSchema,
  speaker: z.enum(SPEAKERS),
  endSeconds: z.number().min(0),
});
export type UtteranceEnd = z.infer<typeof UtteranceEndSchema>;

export const TranscriptionResultSchema = z.object({
  status: TranscriptionStatusSchema,
  /** Every final segment of the call, in order (for the note draft). */
  segments: z.array(TranscriptSegmentSchema).max(10_000),
});
export type TranscriptionResult = z.infer<typeof TranscriptionResultSchema>;

export const transcriptionService = defineService({
  methods: {
    /** Starts (or restarts) transcription for a call; answers `off` when no provider is set. */
    start: defineMethod(z.tuple([TranscriptionStartSchema]), TranscriptionStatusSchema),
    /** Queues one audio frame; false when the call is not being transcribed. */
    pushAudio: defineMethod(z.tuple([CallIdSchema, AudioFrameSchema]), z.boolean()),
    /** Finalises at hang-up: flushes the provider, closes the stream, returns the finals. */
    stop: defineMethod(z.tuple([CallIdSchema]), TranscriptionResultSchema),
    getStatus: defineMethod(z.tuple([CallIdSchema]), TranscriptionStatusSchema),
  },
  events: {
    onSegment: TranscriptSegmentSchema,
    onStatus: TranscriptionStatusSchema,
  },
});
