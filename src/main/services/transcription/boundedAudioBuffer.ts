/**
 * Audio waiting for the provider while the connection is down: a FIFO of frames with a hard
 * byte limit. When full, the oldest audio is dropped (and counted), so memory stays bounded
 * however long an outage lasts. Memory only: audio MUST NOT reach the disk (SECURITY.md rule 8).
 */
export class BoundedAudioBuffer {
  private readonly frames: Uint8Array[] = [];
  private bufferedBytes = 0;
  private droppedBytesTotal = 0;

  constructor(private readonly maximumBytes: number) {}

  push(frame: Uint8Array): void {
    // Copy: the caller's buffer may be reused or transferred after the call returns.
    this.frames.push(frame.slice());
    this.bufferedBytes += frame.byteLength;
    while (this.bufferedBytes > this.maximumBytes && this.frames.length > 0) {
      const dropped = this.frames.shift()!;
      this.bufferedBytes -= dropped.byteLength;
      this.droppedBytesTotal += dropped.byteLength;
    }
  }

  /** Removes and returns every buffered frame, oldest first. */
  drain(): Uint8Array[] {
    const drained = this.frames.splice(0);
    this.bufferedBytes = 0;
    return drained;
  }

  clear(): void {
    this.frames.length = 0;
    this.bufferedBytes = 0;
  }

  get size(): number {
    return this.bufferedBytes;
  }

  get droppedBytes(): number {
    return this.droppedBytesTotal;
  }
}
