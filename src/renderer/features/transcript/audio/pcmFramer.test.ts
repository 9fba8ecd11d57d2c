import { describe, expect, it } from 'vitest';
import {
  AUDIO_BYTES_PER_SAMPLE,
  AUDIO_CHANNELS,
  AUDIO_SAMPLE_RATE,
  transcriptionService,
} from '../../../../shared/contract/services/transcriptionService';
import {
  BYTES_PER_SAMPLE_FRAME,
  FRAME_MILLISECONDS,
  PcmFramer,
  sampleFramesFor,
  toInt16,
} from './pcmFramer';

function collect(frameSampleCount: number) {
  const frames: Uint8Array[] = [];
  return { frames, framer: new PcmFramer((frame) => frames.push(frame), frameSampleCount) };
}

describe('PcmFramer', () => {
  it('matches the frame layout of the transcription contract', () => {
    expect(BYTES_PER_SAMPLE_FRAME).toBe(AUDIO_CHANNELS * AUDIO_BYTES_PER_SAMPLE);
    expect(sampleFramesFor(FRAME_MILLISECONDS, AUDIO_SAMPLE_RATE)).toBe(1600);
  });

  it('emits a 100 ms frame of 6,400 bytes that the contract accepts', () => {
    const { frames, framer } = collect(sampleFramesFor(FRAME_MILLISECONDS, AUDIO_SAMPLE_RATE));
    for (let block = 0; block < 40; block += 1) {
      framer.push(new Float32Array(43).fill(0.25), new Float32Array(43).fill(-0.25));
    }
    expect(frames).toHaveLength(1);
    expect(frames[0]!.byteLength).toBe(6400);
    expect(framer.pendingSampleFrames).toBe(40 * 43 - 1600);
    const parsed = transcriptionService.methods.pushAudio.arguments.safeParse(['c1', frames[0]]);
    expect(parsed.success).toBe(true);
  });

  it('interleaves caller then agent as little-endian signed 16-bit samples', () => {
    const { frames, framer } = collect(2);
    framer.push(Float32Array.of(1, -1), Float32Array.of(0.5, 0));
    const view = new DataView(frames[0]!.buffer);
    expect(view.getInt16(0, true)).toBe(32767);
    expect(view.getInt16(2, true)).toBe(16384);
    expect(view.getInt16(4, true)).toBe(-32768);
    expect(view.getInt16(6, true)).toBe(0);
    expect([...frames[0]!.subarray(0, 2)]).toEqual([0xff, 0x7f]);
  });

  it('clips loud samples and silences NaN instead of wrapping around', () => {
    expect(toInt16(3)).toBe(32767);
    expect(toInt16(-3)).toBe(-32768);
    expect(toInt16(Number.NaN)).toBe(0);
  });

  it('keeps frames independent: a consumer may transfer one without changing the next', () => {
    const { frames, framer } = collect(1);
    framer.push(Float32Array.of(0.5, -0.5), Float32Array.of(0, 0));
    expect(frames).toHaveLength(2);
    expect(frames[0]!.buffer).not.toBe(frames[1]!.buffer);
    expect(new DataView(frames[0]!.buffer).getInt16(0, true)).toBe(16384);
  });

  it('flushes a partial frame of whole sample frames and nothing when empty', () => {
    const { frames, framer } = collect(100);
    framer.flush();
    expect(frames).toHaveLength(0);
    framer.push(new Float32Array(7), new Float32Array(7));
    framer.flush();
    expect(frames[0]!.byteLength).toBe(7 * BYTES_PER_SAMPLE_FRAME);
    expect(framer.pendingSampleFrames).toBe(0);
  });

  it('refuses channels of different lengths', () => {
    const { framer } = collect(10);
    expect(() => framer.push(new Float32Array(3), new Float32Array(2))).toThrow(RangeError);
  });
});
