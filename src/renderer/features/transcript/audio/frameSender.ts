/**
 * Sends queued audio frames to the host one at a time, in order. Exactly one send is in flight,
 * so a slow host makes frames wait in the bounded {@link FrameRingBuffer} (which drops the
 * oldest) instead of piling up unbounded promises and copies.
 */
import type { AudioFrame } from './pcmFramer';
import { FrameRingBuffer } from './frameRingBuffer';

/** Delivers one frame; resolves false when the host refused it (e.g. call not transcribed). */
export type SendFrame = (frame: AudioFrame) => Promise<boolean>;

export interface FrameSenderStatistics {
  sentFrames: number;
  refusedFrames: number;
  droppedFrames: number;
  queuedFrames: number;
}

export class FrameSender {
  private readonly buffer: FrameRingBuffer;
  private sending = false;
  private stopped = false;
  private sent = 0;
  private refused = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly send: SendFrame,
    capacity?: number,
  ) {
    this.buffer = new FrameRingBuffer(capacity);
  }

  /** Queues a frame and starts draining if nothing is in flight. */
  enqueue(frame: AudioFrame): void {
    if (this.stopped) return;
    this.buffer.push(frame);
    if (!this.sending) void this.drain();
  }

  /** Resolves when every queued frame has been sent (or the sender stopped). */
  whenIdle(): Promise<void> {
    if (!this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops sending and forgets queued frames; audio is not kept after capture ends. */
  stop(): void {
    this.stopped = true;
    this.buffer.clear();
  }

  get statistics(): FrameSenderStatistics {
    return {
      sentFrames: this.sent,
      refusedFrames: this.refused,
      droppedFrames: this.buffer.droppedFrames,
      queuedFrames: this.buffer.size,
    };
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      for (let frame = this.buffer.shift(); frame; frame = this.buffer.shift()) {
        if (this.stopped) break;
        let accepted = false;
        try {
          accepted = await this.send(frame);
        } catch {
          // A transport error loses this frame only; the next frame tries again.
        }
        if (accepted) this.sent += 1;
        else this.refused += 1;
      }
    } finally {
      this.sending = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
