/**
 * The capture worklet (runs on the audio rendering thread). Input 0 carries two channels from a
 * ChannelMergerNode — channel 0 the caller (remote stream), channel 1 the agent (microphone) —
 * at the context's rate. Each channel is downsampled to 16 kHz and packed into 16-bit stereo
 * frames, which are transferred to the main thread. Nothing is kept beyond one partial frame.
 *
 * Loaded with `audioWorklet.addModule(url)` from the renderer's own origin (CSP `script-src
 * 'self'`); `audioCapture.ts` imports it with Vite's `?worker&url` so it is bundled on its own.
 */
import { CAPTURE_PROCESSOR_NAME } from './captureProcessorName';
import { PcmFramer, type AudioFrame } from './pcmFramer';
import { StreamingDownsampler } from './streamingDownsampler';

// The AudioWorkletGlobalScope is not in TypeScript's DOM library; declare the little we use.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: AudioWorkletNodeOptions);
}
declare function registerProcessor(
  name: string,
  processor: new (options: AudioWorkletNodeOptions) => AudioWorkletProcessor,
): void;

export interface CaptureProcessorOptions {
  outputRate: number;
  frameSampleCount: number;
}

/** Messages from the main thread. */
export type CaptureCommand = { type: 'flush' } | { type: 'stop' };
/** Messages to the main thread. */
export type CaptureMessage = { type: 'frame'; frame: AudioFrame } | { type: 'flushed' };

/** Render quanta are 128 samples; a larger limit keeps future quantum sizes working. */
const MAXIMUM_BLOCK = 2048;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly caller: StreamingDownsampler;
  private readonly agent: StreamingDownsampler;
  private readonly framer: PcmFramer;
  private readonly silence = new Float32Array(MAXIMUM_BLOCK);
  private running = true;

  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const settings = options.processorOptions as CaptureProcessorOptions;
    this.caller = new StreamingDownsampler(sampleRate, settings.outputRate, MAXIMUM_BLOCK);
    this.agent = new StreamingDownsampler(sampleRate, settings.outputRate, MAXIMUM_BLOCK);
    this.framer = new PcmFramer((frame) => {
      const message: CaptureMessage = { type: 'frame', frame };
      this.port.postMessage(message, [frame.buffer]);
    }, settings.frameSampleCount);
    this.port.onmessage = (event: MessageEvent<CaptureCommand>) => {
      if (event.data.type === 'flush') {
        this.framer.flush();
        this.port.postMessage({ type: 'flushed' } satisfies CaptureMessage);
      } else if (event.data.type === 'stop') {
        this.running = false;
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.running) return false;
    const channels = inputs[0];
    const first = channels?.[0];
    // No input connected yet (or the graph is being torn down): nothing to capture.
    if (!channels || !first) return true;
    const length = first.length;
    const silence = this.silence.subarray(0, length);
    const caller = this.caller.process(channels[0] ?? silence);
    const agent = this.agent.process(channels[1] ?? silence);
    this.framer.push(caller, agent);
    return true;
  }
}

registerProcessor(CAPTURE_PROCESSOR_NAME, CaptureProcessor);
