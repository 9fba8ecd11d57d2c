import { describe, expect, it } from 'vitest';
import {
  decodeMuLawSample,
  encodeMuLawSample,
  muLawLevel,
  muLawToLinear16k,
  MU_LAW_SILENCE,
} from './g711';
import {
  buildRtpPacket,
  parseRtpPacket,
  PCMU_SAMPLES_PER_PACKET,
  RTP_HEADER_BYTES,
} from './rtpPacket';

describe('G.711 µ-law', () => {
  it('matches the ITU-T reference points', () => {
    expect(encodeMuLawSample(0)).toBe(0xff);
    expect(encodeMuLawSample(-1)).toBe(0x7f);
    expect(encodeMuLawSample(32767)).toBe(0x80);
    expect(encodeMuLawSample(-32768)).toBe(0x00);
    expect(decodeMuLawSample(0xff)).toBe(0);
    expect(decodeMuLawSample(0x80)).toBe(32124);
    expect(decodeMuLawSample(0x00)).toBe(-32124);
  });

  it('round-trips every code and keeps the error within the segment step', () => {
    for (let code = 0; code < 256; code += 1) {
      if (code === 0x7f) continue; // −0 decodes to 0, which encodes as +0 (0xff)
      expect(encodeMuLawSample(decodeMuLawSample(code))).toBe(code);
    }
    for (const sample of [5, 100, 1000, 5000, 20000, -7, -300, -12000]) {
      const error = Math.abs(decodeMuLawSample(encodeMuLawSample(sample)) - sample);
      expect(error).toBeLessThanOrEqual(Math.max(4, Math.abs(sample) / 16));
    }
  });

  it('upsamples 8 kHz to interleaved 16 kHz with the audio in the chosen channel', () => {
    const input = new Uint8Array([encodeMuLawSample(1000), encodeMuLawSample(2000)]);
    const { pcm, lastSample } = muLawToLinear16k(input, 2, 0, 0);
    const samples = new Int16Array(pcm.buffer);
    expect(samples.length).toBe(8);
    expect([samples[1], samples[3], samples[5], samples[7]]).toEqual([0, 0, 0, 0]);
    expect(samples[2]).toBe(decodeMuLawSample(input[0]!));
    expect(samples[0]).toBe(Math.round(decodeMuLawSample(input[0]!) / 2));
    expect(lastSample).toBe(decodeMuLawSample(input[1]!));
  });

  it('measures silence as −∞ and a loud signal near full scale', () => {
    expect(muLawLevel(new Uint8Array(160).fill(MU_LAW_SILENCE))).toBe(-Infinity);
    expect(muLawLevel(new Uint8Array(160).fill(0x80))).toBeGreaterThan(-1);
  });
});

describe('RTP packets', () => {
  it('builds a 12-byte header in network order and parses it back', () => {
    const payload = new Uint8Array(PCMU_SAMPLES_PER_PACKET).fill(0x55);
    const bytes = buildRtpPacket({
      payloadType: 0,
      marker: true,
      sequenceNumber: 0x1234,
      timestamp: 0xdeadbeef,
      ssrc: 42,
      payload,
    });
    expect(bytes.length).toBe(RTP_HEADER_BYTES + 160);
    expect([...bytes.subarray(0, 4)]).toEqual([0x80, 0x80, 0x12, 0x34]);
    expect(parseRtpPacket(bytes)).toMatchObject({
      payloadType: 0,
      marker: true,
      sequenceNumber: 0x1234,
      timestamp: 0xdeadbeef,
      ssrc: 42,
    });
    expect(parseRtpPacket(bytes)!.payload).toEqual(payload);
  });

  it('wraps the sequence number and timestamp', () => {
    const packet = parseRtpPacket(
      buildRtpPacket({
        payloadType: 0,
        marker: false,
        sequenceNumber: 0x1ffff,
        timestamp: 2 ** 32 + 5,
        ssrc: 1,
        payload: new Uint8Array(1),
      }),
    );
    expect(packet).toMatchObject({ sequenceNumber: 0xffff, timestamp: 5 });
  });

  it('skips CSRCs, a header extension and padding', () => {
    const bytes = new Uint8Array([
      0xb1,
      0x00,
      0,
      1,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      9, // V=2, P, X, CC=1
      0,
      0,
      0,
      7, // CSRC
      0xbe,
      0xde,
      0,
      1,
      1,
      2,
      3,
      4, // extension of one word
      0xaa,
      0xbb, // payload
      0,
      0,
      3, // padding of 3
    ]);
    expect([...parseRtpPacket(bytes)!.payload]).toEqual([0xaa, 0xbb]);
  });

  it('refuses what is not RTP: short, wrong version, RTCP, lying lengths', () => {
    expect(parseRtpPacket(new Uint8Array(11))).toBeUndefined();
    expect(parseRtpPacket(new Uint8Array(12).fill(0))).toBeUndefined();
    expect(
      parseRtpPacket(new Uint8Array([0x80, 200, 0, 7, ...new Array(24).fill(0)])),
    ).toBeUndefined();
    expect(parseRtpPacket(new Uint8Array([0x8f, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]))).toBeUndefined();
    expect(
      parseRtpPacket(new Uint8Array([0x90, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0xff, 0xff])),
    ).toBeUndefined();
    expect(
      parseRtpPacket(new Uint8Array([0xa0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 200])),
    ).toBeUndefined();
  });
});
