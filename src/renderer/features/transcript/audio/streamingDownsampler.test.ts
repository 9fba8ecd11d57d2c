import { describe, expect, it } from 'vitest';
import { StreamingDownsampler, lowPassKernel } from './streamingDownsampler';

function sine(frequency: number, rate: number, length: number, amplitude = 1): Float32Array {
  const samples = new Float32Array(length);
  for (let index = 0; index < length; index += 1) {
    samples[index] = amplitude * Math.sin((2 * Math.PI * frequency * index) / rate);
  }
  return samples;
}

/** Runs `input` through a fresh downsampler in blocks of the given sizes (cycled). */
function downsample(input: Float32Array, inputRate: number, blockSizes: number[]): Float32Array {
  const downsampler = new StreamingDownsampler(inputRate, 16_000, 4096);
  const output: number[] = [];
  let offset = 0;
  for (let block = 0; offset < input.length; block += 1) {
    const size = blockSizes[block % blockSizes.length]!;
    output.push(...downsampler.process(input.subarray(offset, offset + size)));
    offset += size;
  }
  return Float32Array.from(output);
}

function rootMeanSquare(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

describe('StreamingDownsampler', () => {
  it('turns one second at 48 kHz in render quanta into one second at 16 kHz', () => {
    const output = downsample(new Float32Array(48_000), 48_000, [128]);
    expect(Math.abs(output.length - 16_000)).toBeLessThanOrEqual(1);
  });

  it('turns one second at 44.1 kHz into one second at 16 kHz', () => {
    const output = downsample(new Float32Array(44_100), 44_100, [128]);
    expect(Math.abs(output.length - 16_000)).toBeLessThanOrEqual(1);
  });

  it('keeps speech frequencies: a 1 kHz tone keeps its level', () => {
    const output = downsample(sine(1000, 48_000, 48_000), 48_000, [128]);
    // Skip the filter's start-up; a full-scale sine has an RMS of 1/√2.
    expect(rootMeanSquare(output.subarray(100))).toBeCloseTo(Math.SQRT1_2, 2);
  });

  it('keeps the frequency of a 1 kHz tone: zero crossings match 1 kHz at 16 kHz', () => {
    const output = downsample(sine(1000, 44_100, 44_100), 44_100, [128]).subarray(100);
    let crossings = 0;
    for (let index = 1; index < output.length; index += 1) {
      if (output[index - 1]! < 0 !== output[index]! < 0) crossings += 1;
    }
    const seconds = output.length / 16_000;
    expect(crossings / 2 / seconds).toBeGreaterThan(990);
    expect(crossings / 2 / seconds).toBeLessThan(1010);
  });

  it('removes what would alias: a 12 kHz tone is attenuated by more than 30 dB', () => {
    const output = downsample(sine(12_000, 48_000, 48_000), 48_000, [128]);
    expect(rootMeanSquare(output.subarray(100))).toBeLessThan(Math.SQRT1_2 * 0.03);
  });

  it('gives the same result whatever the block sizes', () => {
    const input = sine(440, 48_000, 20_000, 0.5);
    const inQuanta = downsample(input, 48_000, [128]);
    const inOneGo = downsample(input, 48_000, [4096]);
    const ragged = downsample(input, 48_000, [1, 7, 128, 333, 2]);
    expect(inOneGo.length).toBe(inQuanta.length);
    expect(ragged.length).toBe(inQuanta.length);
    for (let index = 0; index < inQuanta.length; index += 1) {
      expect(inOneGo[index]).toBeCloseTo(inQuanta[index]!, 6);
      expect(ragged[index]).toBeCloseTo(inQuanta[index]!, 6);
    }
  });

  it('passes 16 kHz input through unchanged', () => {
    const input = sine(300, 16_000, 1000);
    const output = downsample(input, 16_000, [128]);
    expect(output.length).toBeGreaterThanOrEqual(999);
    for (let index = 0; index < output.length; index += 1) {
      expect(output[index]).toBeCloseTo(input[index]!, 6);
    }
  });

  it('rejects upsampling and blocks above its limit', () => {
    expect(() => new StreamingDownsampler(8000, 16_000)).toThrow(RangeError);
    const downsampler = new StreamingDownsampler(48_000, 16_000, 256);
    expect(() => downsampler.process(new Float32Array(257))).toThrow(RangeError);
  });

  it('builds a kernel with unit gain at 0 Hz', () => {
    const kernel = lowPassKernel(31, 0.15);
    expect(kernel.reduce((sum, tap) => sum + tap, 0)).toBeCloseTo(1, 6);
    expect(kernel[0]).toBeCloseTo(kernel[30]!, 9);
  });
});
