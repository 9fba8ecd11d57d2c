/**
 * The ringtone, played on the ringer device chosen in the settings (`audio.ringerId`), which
 * may differ from the headset: a desk often rings on the loudspeaker. Generated with WebAudio
 * (no audio file to ship or load): 1 s of a two-tone ring every 4 s, or a short soft beep every
 * 3 s for a waiting call during a conversation.
 */
import { applySink } from './remoteAudio';

export type RingKind = 'incoming' | 'waiting';

export interface Ringer {
  start(kind: RingKind): void;
  stop(): void;
  /** Chooses the output device ('' = default); false when it is gone (default is used). */
  setDevice(deviceId: string): Promise<boolean>;
}

const RING_PERIOD_MS = { incoming: 4_000, waiting: 3_000 } as const;

export class WebAudioRinger implements Ringer {
  private context: AudioContext | undefined;
  private element: HTMLAudioElement | undefined;
  private destination: MediaStreamAudioDestinationNode | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private kind: RingKind | undefined;
  private deviceId = '';

  start(kind: RingKind): void {
    if (this.kind === kind) return;
    this.stop();
    this.kind = kind;
    try {
      this.context ??= new AudioContext();
      this.destination ??= this.context.createMediaStreamDestination();
      this.element ??= document.createElement('audio');
      this.element.srcObject = this.destination.stream;
      void applySink(this.element, this.deviceId);
      void this.context.resume().catch(() => undefined);
      void this.element.play().catch(() => undefined);
    } catch {
      // No audio output available (e.g. a test browser): the visual ring still works.
      return;
    }
    this.ringOnce(kind);
    this.timer = setInterval(() => this.ringOnce(kind), RING_PERIOD_MS[kind]);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.kind = undefined;
    this.element?.pause();
  }

  async setDevice(deviceId: string): Promise<boolean> {
    this.deviceId = deviceId;
    return this.element ? applySink(this.element, deviceId) : true;
  }

  private ringOnce(kind: RingKind): void {
    const context = this.context;
    const destination = this.destination;
    if (!context || !destination) return;
    const start = context.currentTime + 0.02;
    const tones = kind === 'incoming' ? [440, 480] : [660];
    const length = kind === 'incoming' ? 1 : 0.15;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(kind === 'incoming' ? 0.25 : 0.08, start + 0.02);
    gain.gain.setValueAtTime(kind === 'incoming' ? 0.25 : 0.08, start + length - 0.02);
    gain.gain.linearRampToValueAtTime(0, start + length);
    gain.connect(destination);
    for (const frequency of tones) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start);
      oscillator.stop(start + length);
    }
  }
}
