/**
 * Packs two 16 kHz float channels (caller, agent) into the transcription contract's frame
 * format: signed 16-bit little-endian PCM, interleaved, channel 0 the caller, channel 1 the
 * agent (see `transcriptionService.ts`). Emits a frame each time `frameSampleCount` sample
 * frames are complete; holds at most one partial frame, so memory stays bounded.
 *
 * This file runs inside the capture worklet, so it MUST NOT import the contract module (that
 * would bundle zod into the audio thread); `pcmFramer.test.ts` checks these constants and the
 * frames against the contract instead.
 */

/** One frame of 16-bit stereo PCM, on its own buffer (so it can be transferred). */
export type AudioFrame = Uint8Array<ArrayBuffer>;

/** Frames every 100 ms: small enough for live results, few enough messages per second. */
export const FRAME_MILLISECONDS = 100;

/** Two channels (caller, agent) of 16-bit samples. */
export const FRAME_CHANNELS = 2;
export const BYTES_PER_SAMPLE = 2;
export const BYTES_PER_SAMPLE_FRAME = FRAME_CHANNELS * BYTES_PER_SAMPLE;

/** Sample frames (one sample per channel) in `milliseconds` at `sampleRate`. */
export function sampleFramesFor(milliseconds: number, sampleRate: number): number {
  return Math.round((sampleRate * milliseconds) / 1000);
}

/** Float sample in [-1, 1] to a 16-bit integer, clipped (loud calls must not wrap around). */
export function toInt16(sample: number): number {
  const clipped = sample > 1 ? 1 : sample < -1 ? -1 : Number.isNaN(sample) ? 0 : sample;
  return clipped < 0 ? Math.round(clipped * 0x8000) : Math.round(clipped * 0x7fff);
}

export class PcmFramer {
  private bytes: AudioFrame;
  private view: DataView;
  private filled = 0;

  constructor(
    private readonly emit: (frame: AudioFrame) => void,
    readonly frameSampleCount: number,
  ) {
    if (!Number.isInteger(frameSampleCount) || frameSampleCount < 1) {
      throw new RangeError('A frame needs at least one sample frame');
    }
    this.bytes = new Uint8Array(frameSampleCount * BYTES_PER_SAMPLE_FRAME);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Adds equally long blocks of both channels; emits every frame that becomes complete. */
  push(caller: Float32Array, agent: Float32Array): void {
    if (caller.length !== agent.length) throw new RangeError('Both channels need equal blocks');
    for (let index = 0; index < caller.length; index += 1) {
      const offset = this.filled * BYTES_PER_SAMPLE_FRAME;
      this.view.setInt16(offset, toInt16(caller[index]!), true);
      this.view.setInt16(offset + BYTES_PER_SAMPLE, toInt16(agent[index]!), true);
      this.filled += 1;
      if (this.filled === this.frameSampleCount) this.emitFrame();
    }
  }

  /** Emits the partial frame (whole sample frames only), e.g. when capture stops. */
  flush(): void {
    if (this.filled > 0) this.emitFrame();
  }

  /** Sample frames waiting for the next frame. */
  get pendingSampleFrames(): number {
    return this.filled;
  }

  private emitFrame(): void {
    const frame = this.bytes.slice(0, this.filled * BYTES_PER_SAMPLE_FRAME);
    this.filled = 0;
    // A fresh copy per frame: the receiver may transfer or keep it.
    this.emit(frame);
  }
}
