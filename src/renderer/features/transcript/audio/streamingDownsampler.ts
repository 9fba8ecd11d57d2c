/**
 * Downsamples one audio channel, block by block, from the audio context's rate (usually 48 kHz
 * or 44.1 kHz) to the transcription rate (16 kHz). Runs on the audio thread inside the capture
 * worklet, so it allocates only in its constructor: `process` returns a view into its own
 * buffer that is valid until the next call.
 *
 * A windowed-sinc low-pass (cut-off just below the output Nyquist frequency) removes what would
 * alias; the filtered signal is then read at the output positions, with linear interpolation
 * between neighbours when the ratio is not a whole number. The filter is causal, so the output
 * lags by half the filter length (about 0.3 ms at 48 kHz) — irrelevant for speech recognition.
 */

/** Filter length in input samples; odd, so the kernel has a centre tap. */
export const DOWNSAMPLER_TAPS = 31;
/** Cut-off as a share of the output Nyquist frequency (7.2 kHz for 16 kHz output). */
const CUTOFF_SHARE = 0.9;

/** A normalised Blackman-windowed sinc low-pass kernel. */
export function lowPassKernel(taps: number, cutoffCyclesPerSample: number): Float32Array {
  const kernel = new Float32Array(taps);
  const centre = (taps - 1) / 2;
  let sum = 0;
  for (let index = 0; index < taps; index += 1) {
    const distance = index - centre;
    const sinc =
      distance === 0
        ? 2 * cutoffCyclesPerSample
        : Math.sin(2 * Math.PI * cutoffCyclesPerSample * distance) / (Math.PI * distance);
    const window =
      0.42 -
      0.5 * Math.cos((2 * Math.PI * index) / (taps - 1)) +
      0.08 * Math.cos((4 * Math.PI * index) / (taps - 1));
    kernel[index] = sinc * window;
    sum += kernel[index]!;
  }
  for (let index = 0; index < taps; index += 1) kernel[index]! /= sum;
  return kernel;
}

export class StreamingDownsampler {
  readonly step: number;
  private readonly kernel: Float32Array;
  /** The last `taps` input samples followed by the current block. */
  private readonly work: Float32Array;
  private readonly output: Float32Array;
  /** Where the next output sample lies, as an index into `work`. */
  private position: number;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
    readonly maximumBlockLength = 4096,
    taps = DOWNSAMPLER_TAPS,
  ) {
    if (!(inputRate >= outputRate) || outputRate <= 0) {
      throw new RangeError('The input rate must be at least the output rate');
    }
    this.step = inputRate / outputRate;
    // Equal rates need no filter: a single unit tap passes samples through.
    this.kernel =
      inputRate === outputRate
        ? Float32Array.of(1)
        : lowPassKernel(taps, (CUTOFF_SHARE * 0.5 * outputRate) / inputRate);
    this.work = new Float32Array(this.kernel.length + maximumBlockLength);
    this.output = new Float32Array(Math.ceil(maximumBlockLength / this.step) + 2);
    // The first output reads the first input sample (earlier positions hold only silence).
    this.position = this.kernel.length;
  }

  /** Output samples produced so far for `input`; the view is reused by the next call. */
  process(input: Float32Array): Float32Array {
    if (input.length > this.maximumBlockLength) {
      throw new RangeError(`Blocks are limited to ${this.maximumBlockLength} samples`);
    }
    const history = this.kernel.length;
    const work = this.work;
    work.set(input, history);
    const end = history + input.length;
    let count = 0;
    let position = this.position;
    while (position + 1 < end) {
      const whole = Math.floor(position);
      const fraction = position - whole;
      let value = this.filtered(whole);
      if (fraction > 0) value += (this.filtered(whole + 1) - value) * fraction;
      this.output[count] = value;
      count += 1;
      position += this.step;
    }
    // Keep the last `history` samples for the next block's filter.
    work.copyWithin(0, end - history, end);
    this.position = position - input.length;
    return this.output.subarray(0, count);
  }

  private filtered(index: number): number {
    const kernel = this.kernel;
    const work = this.work;
    let sum = 0;
    for (let tap = 0; tap < kernel.length; tap += 1) sum += kernel[tap]! * work[index - tap]!;
    return sum;
  }
}
