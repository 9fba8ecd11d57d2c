import { describe, expect, it } from 'vitest';
import { BoundedAudioBuffer } from './boundedAudioBuffer';

describe('BoundedAudioBuffer', () => {
  it('never holds more than its limit and counts what it dropped, oldest first', () => {
    const buffer = new BoundedAudioBuffer(10);
    for (let value = 1; value <= 4; value += 1) buffer.push(new Uint8Array(4).fill(value));
    expect(buffer.size).toBe(8);
    expect(buffer.droppedBytes).toBe(8);
    expect(buffer.drain().map((frame) => frame[0])).toEqual([3, 4]);
    expect(buffer.size).toBe(0);
  });

  it('copies frames so a reused input buffer cannot change queued audio', () => {
    const buffer = new BoundedAudioBuffer(100);
    const frame = new Uint8Array([1, 2]);
    buffer.push(frame);
    frame.fill(9);
    expect([...buffer.drain()[0]!]).toEqual([1, 2]);
  });
});
