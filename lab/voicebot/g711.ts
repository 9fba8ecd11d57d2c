/**
 * G.711 µ-law (ITU-T G.711, PCMU) for the lab voicebot: 16-bit linear PCM ↔ 8-bit µ-law, and
 * 8 kHz → 16 kHz upsampling for the transcriber. Pure functions on typed arrays; nothing kept.
 */

const BIAS = 0x84;
const CLIP = 32635;
/** µ-law byte of digital silence (linear 0). */
export const MU_LAW_SILENCE = 0xff;

/** One linear 16-bit sample → one µ-law byte. */
export function encodeMuLawSample(sample: number): number {
  let value = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = value < 0 ? 0x80 : 0;
  if (sign) value = -value;
  value = Math.min(value, CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (value & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (value >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** One µ-law byte → one linear 16-bit sample. */
export function decodeMuLawSample(byte: number): number {
  const inverted = ~byte & 0xff;
  const sign = inverted & 0x80;
  const exponent = (inverted >> 4) & 0x07;
  const mantissa = inverted & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return sign ? -magnitude : magnitude;
}

export function decodeMuLaw(bytes: Uint8Array): Int16Array {
  const samples = new Int16Array(bytes.length);
  for (let index = 0; index < bytes.length; index += 1)
    samples[index] = decodeMuLawSample(bytes[index]!);
  return samples;
}

export function encodeMuLaw(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length);
  for (let index = 0; index < samples.length; index += 1)
    bytes[index] = encodeMuLawSample(samples[index]!);
  return bytes;
}

/**
 * µ-law 8 kHz mono → linear16 16 kHz little-endian with `channels` interleaved channels, the
 * audio in channel `channel` and silence in the others (the desk's transcriber takes stereo
 * 16 kHz: channel 0 caller). Linear interpolation between neighbouring samples.
 */
export function muLawToLinear16k(
  bytes: Uint8Array,
  channels = 1,
  channel = 0,
  previousSample = 0,
): { pcm: Uint8Array; lastSample: number } {
  const samples = decodeMuLaw(bytes);
  const output = new Int16Array(samples.length * 2 * channels);
  let previous = previousSample;
  for (let index = 0; index < samples.length; index += 1) {
    const current = samples[index]!;
    const base = index * 2 * channels;
    output[base + channel] = Math.round((previous + current) / 2);
    output[base + channels + channel] = current;
    previous = current;
  }
  return { pcm: new Uint8Array(output.buffer), lastSample: previous };
}

/** Mean energy of µ-law audio in dBFS (−∞ for digital silence): a cheap "is anybody talking". */
export function muLawLevel(bytes: Uint8Array): number {
  if (bytes.length === 0) return -Infinity;
  let sum = 0;
  for (const byte of bytes) {
    const sample = decodeMuLawSample(byte);
    sum += sample * sample;
  }
  const rms = Math.sqrt(sum / bytes.length);
  return rms === 0 ? -Infinity : 20 * Math.log10(rms / 32768);
}
