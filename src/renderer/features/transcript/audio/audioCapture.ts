/**
 * Captures a call for transcription: the caller's (remote) stream and the agent's microphone
 * are mixed down to one mono channel each, merged into a two-channel signal (caller, agent) and
 * handed to the capture worklet, which returns 16 kHz 16-bit stereo frames every 100 ms. Frames
 * go to `onFrame` (the frame sender), never to storage.
 *
 * Chromium only feeds a remote WebRTC stream into Web Audio while the same stream also plays in
 * a media element (crbug.com/933677); the softphone plays it, so capture works during a call.
 */
import {
  AUDIO_BYTES_PER_SAMPLE,
  AUDIO_CHANNELS,
  AUDIO_SAMPLE_RATE,
} from '../../../../shared/contract/services/transcriptionService';
import { CAPTURE_PROCESSOR_NAME } from './captureProcessorName';
import captureWorkletUrl from './captureWorklet?worker&url';
import type { CaptureCommand, CaptureMessage, CaptureProcessorOptions } from './captureWorklet';
import {
  BYTES_PER_SAMPLE_FRAME,
  FRAME_MILLISECONDS,
  sampleFramesFor,
  type AudioFrame,
} from './pcmFramer';

/** How long `stop` waits for the worklet to hand over its last partial frame. */
const FLUSH_TIMEOUT_MILLISECONDS = 250;

if (BYTES_PER_SAMPLE_FRAME !== AUDIO_CHANNELS * AUDIO_BYTES_PER_SAMPLE) {
  throw new Error('The capture frame layout no longer matches the transcription contract');
}

export interface AudioCaptureOptions {
  /** The caller's audio (the call's remote stream). */
  remoteStream: MediaStream;
  /** The agent's microphone (the call's local stream). */
  localStream: MediaStream;
  onFrame(frame: AudioFrame): void;
  frameMilliseconds?: number;
  /** For tests and the benchmark; a new AudioContext otherwise. */
  createContext?: () => AudioContext;
}

export interface AudioCapture {
  readonly contextSampleRate: number;
  /** Flushes the last partial frame, then releases every audio node and the context. */
  stop(): Promise<void>;
}

export async function startAudioCapture(options: AudioCaptureOptions): Promise<AudioCapture> {
  const context = options.createContext?.() ?? new AudioContext({ latencyHint: 'playback' });
  try {
    await context.audioWorklet.addModule(captureWorkletUrl);
    const processorOptions: CaptureProcessorOptions = {
      outputRate: AUDIO_SAMPLE_RATE,
      frameSampleCount: sampleFramesFor(
        options.frameMilliseconds ?? FRAME_MILLISECONDS,
        AUDIO_SAMPLE_RATE,
      ),
    };
    const merger = context.createChannelMerger(2);
    const caller = context.createMediaStreamSource(options.remoteStream);
    const agent = context.createMediaStreamSource(options.localStream);
    // Merger inputs are mono (channelCount 1, explicit): stereo sources are mixed down.
    caller.connect(merger, 0, 0);
    agent.connect(merger, 0, 1);
    const worklet = new AudioWorkletNode(context, CAPTURE_PROCESSOR_NAME, {
      numberOfInputs: 1,
      // No outputs: Chromium pulls such a node by itself, so nothing is played back.
      numberOfOutputs: 0,
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'discrete',
      processorOptions,
    });
    merger.connect(worklet);
    let flushed: (() => void) | undefined;
    worklet.port.onmessage = (event: MessageEvent<CaptureMessage>) => {
      if (event.data.type === 'frame') options.onFrame(event.data.frame);
      else flushed?.();
    };
    // Autoplay rules may start the context suspended; the agent has interacted (answered).
    if (context.state === 'suspended') await context.resume();

    let stopping: Promise<void> | undefined;
    const stop = async (): Promise<void> => {
      const done = new Promise<void>((resolve) => {
        flushed = resolve;
        setTimeout(resolve, FLUSH_TIMEOUT_MILLISECONDS);
      });
      worklet.port.postMessage({ type: 'flush' } satisfies CaptureCommand);
      await done;
      worklet.port.postMessage({ type: 'stop' } satisfies CaptureCommand);
      worklet.port.onmessage = null;
      caller.disconnect();
      agent.disconnect();
      merger.disconnect();
      await context.close();
    };
    return {
      contextSampleRate: context.sampleRate,
      stop: () => (stopping ??= stop()),
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
