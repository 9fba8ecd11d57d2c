/**
 * A bounded queue of audio frames waiting to be sent to the host. When the host is slower than
 * the audio (a busy main process, a stalled socket), the oldest frames are dropped and counted,
 * so audio never grows without bound in memory (SECURITY.md rule 8: audio only in bounded
 * memory buffers, never on disk).
 */
import type { AudioFrame } from './pcmFramer';

/** Five seconds of 100 ms frames: rides out a hiccup, never holds a conversation. */
export const FRAME_BUFFER_CAPACITY = 50;

export class FrameRingBuffer {
  private readonly slots: (AudioFrame | undefined)[];
  private head = 0;
  private count = 0;
  private dropped = 0;
  private droppedBytes = 0;

  constructor(readonly capacity = FRAME_BUFFER_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('Capacity must be ≥ 1');
    this.slots = new Array<AudioFrame | undefined>(capacity).fill(undefined);
  }

  /** Adds a frame; when full, the oldest frame is dropped and counted. */
  push(frame: AudioFrame): void {
    if (this.count === this.capacity) {
      const oldest = this.slots[this.head]!;
      this.dropped += 1;
      this.droppedBytes += oldest.byteLength;
      this.slots[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
      this.count -= 1;
    }
    this.slots[(this.head + this.count) % this.capacity] = frame;
    this.count += 1;
  }

  /** Takes the oldest frame, or undefined when empty. */
  shift(): AudioFrame | undefined {
    if (this.count === 0) return undefined;
    const frame = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.count -= 1;
    return frame;
  }

  /** Forgets every waiting frame (capture stopped); they do not count as dropped. */
  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  get droppedFrames(): number {
    return this.dropped;
  }

  get droppedByteCount(): number {
    return this.droppedBytes;
  }
}
