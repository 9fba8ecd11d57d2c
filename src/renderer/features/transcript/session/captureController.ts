/**
 * Runs audio capture for one call: start when the call is connected, pause on hold, resume,
 * stop at hang-up. Operations are serialised, so a hold that arrives while capture is still
 * starting waits for it and then pauses it — capture never keeps running behind a held call.
 */
import { startAudioCapture, type AudioCapture } from '../audio/audioCapture';
import { FrameSender, type SendFrame } from '../audio/frameSender';
import type { CaptureView } from '../transcriptStore';
import type { CallStreamSource, CallStreams } from './callStreams';

export interface CaptureControllerOptions {
  legId: string;
  streams: CallStreamSource;
  send: SendFrame;
  onChange(change: Partial<CaptureView>): void;
  startCapture?: typeof startAudioCapture;
  /** How often dropped-frame counts are reported while running. */
  reportMilliseconds?: number;
}

export class CaptureController {
  private readonly sender: FrameSender;
  private queue: Promise<void> = Promise.resolve();
  private capture: AudioCapture | undefined;
  private streams: CallStreams | undefined;
  private muted = false;
  private finished = false;
  private reporter: ReturnType<typeof setInterval> | undefined;
  private reportedDrops = 0;

  constructor(private readonly options: CaptureControllerOptions) {
    this.sender = new FrameSender(options.send);
  }

  /** Starts (or resumes) capture; does nothing when already running or finished. */
  run(): Promise<void> {
    return this.enqueue(async () => {
      if (this.finished || this.capture) return;
      this.options.onChange({ state: 'starting' });
      const streams = await this.options.streams(this.options.legId, this.muted);
      if (!streams) {
        this.options.onChange({ state: 'unavailable' });
        return;
      }
      try {
        const start = this.options.startCapture ?? startAudioCapture;
        this.capture = await start({
          remoteStream: streams.remote,
          localStream: streams.local,
          onFrame: (frame) => this.sender.enqueue(frame),
        });
        this.streams = streams;
        this.options.onChange({ state: 'running' });
        this.reporter = setInterval(() => this.report(), this.options.reportMilliseconds ?? 1000);
      } catch {
        streams.release();
        this.options.onChange({ state: 'unavailable' });
      }
    });
  }

  /** Pauses capture (call on hold); `run` resumes it. */
  pause(): Promise<void> {
    return this.enqueue(async () => {
      if (this.finished) return;
      const wasActive = await this.release();
      if (wasActive) this.options.onChange({ state: 'paused' });
    });
  }

  /** Ends capture for good and forgets queued audio once it is sent (or dropped). */
  stop(): Promise<void> {
    return this.enqueue(async () => {
      if (this.finished) return;
      this.finished = true;
      await this.release();
      // Let the last frames (the end of the last sentence) reach the host, then drop the rest.
      await this.sender.whenIdle();
      this.sender.stop();
      this.report();
      this.options.onChange({ state: 'stopped' });
    });
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.streams?.setAgentMuted(muted);
  }

  get statistics() {
    return this.sender.statistics;
  }

  private async release(): Promise<boolean> {
    clearInterval(this.reporter);
    this.reporter = undefined;
    const capture = this.capture;
    const streams = this.streams;
    this.capture = undefined;
    this.streams = undefined;
    if (capture) await capture.stop().catch(() => undefined);
    streams?.release();
    return capture !== undefined;
  }

  private report(): void {
    const dropped = this.sender.statistics.droppedFrames;
    if (dropped !== this.reportedDrops) {
      this.reportedDrops = dropped;
      this.options.onChange({ droppedFrames: dropped });
    }
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    // A failed step must not block the ones after it (hang-up must always stop capture).
    this.queue = this.queue.then(step).catch(() => undefined);
    return this.queue;
  }
}
