import { describe, expect, it } from 'vitest';
import { FrameRingBuffer } from './frameRingBuffer';
import { FrameSender } from './frameSender';

const frame = (value: number) => Uint8Array.of(value, 0, 0, 0);

describe('FrameRingBuffer', () => {
  it('returns frames oldest first', () => {
    const buffer = new FrameRingBuffer(3);
    buffer.push(frame(1));
    buffer.push(frame(2));
    expect(buffer.shift()![0]).toBe(1);
    expect(buffer.shift()![0]).toBe(2);
    expect(buffer.shift()).toBeUndefined();
  });

  it('drops the oldest frames at its cap and counts them', () => {
    const buffer = new FrameRingBuffer(3);
    for (let value = 1; value <= 5; value += 1) buffer.push(frame(value));
    expect(buffer.size).toBe(3);
    expect(buffer.droppedFrames).toBe(2);
    expect(buffer.droppedByteCount).toBe(8);
    expect([buffer.shift()![0], buffer.shift()![0], buffer.shift()![0]]).toEqual([3, 4, 5]);
  });

  it('never holds more than its capacity however much is pushed', () => {
    const buffer = new FrameRingBuffer(50);
    for (let value = 0; value < 10_000; value += 1) buffer.push(frame(value % 256));
    expect(buffer.size).toBe(50);
    expect(buffer.droppedFrames).toBe(9_950);
  });

  it('clears without counting drops', () => {
    const buffer = new FrameRingBuffer(2);
    buffer.push(frame(1));
    buffer.clear();
    expect(buffer.size).toBe(0);
    expect(buffer.droppedFrames).toBe(0);
  });
});

describe('FrameSender', () => {
  it('sends frames in order with one send in flight', async () => {
    const sent: number[] = [];
    let inFlight = 0;
    let maximumInFlight = 0;
    const sender = new FrameSender(async (item) => {
      inFlight += 1;
      maximumInFlight = Math.max(maximumInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      sent.push(item[0]!);
      inFlight -= 1;
      return true;
    });
    for (let value = 0; value < 5; value += 1) sender.enqueue(frame(value));
    await sender.whenIdle();
    expect(sent).toEqual([0, 1, 2, 3, 4]);
    expect(maximumInFlight).toBe(1);
    expect(sender.statistics).toMatchObject({ sentFrames: 5, droppedFrames: 0 });
  });

  it('drops the oldest waiting frames while the host is slow', async () => {
    let release: (() => void) | undefined;
    const sent: number[] = [];
    const sender = new FrameSender(async (item) => {
      if (item[0] === 0) await new Promise<void>((resolve) => (release = resolve));
      sent.push(item[0]!);
      return true;
    }, 3);
    for (let value = 0; value < 10; value += 1) sender.enqueue(frame(value));
    release!();
    await sender.whenIdle();
    expect(sent).toEqual([0, 7, 8, 9]);
    expect(sender.statistics.droppedFrames).toBe(6);
  });

  it('counts refused and failed sends and keeps going', async () => {
    const sender = new FrameSender(async (item) => {
      if (item[0] === 1) throw new Error('socket closed');
      return item[0] !== 2;
    });
    for (let value = 0; value < 4; value += 1) sender.enqueue(frame(value));
    await sender.whenIdle();
    expect(sender.statistics).toMatchObject({ sentFrames: 2, refusedFrames: 2 });
  });

  it('forgets queued audio when stopped and accepts nothing after', async () => {
    const sent: number[] = [];
    const sender = new FrameSender(async (item) => {
      sent.push(item[0]!);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return true;
    });
    sender.enqueue(frame(1));
    sender.enqueue(frame(2));
    sender.stop();
    sender.enqueue(frame(3));
    await sender.whenIdle();
    expect(sent).toEqual([1]);
    expect(sender.statistics.queuedFrames).toBe(0);
  });
});
