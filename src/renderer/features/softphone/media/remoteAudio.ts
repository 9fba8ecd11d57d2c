/**
 * Plays each call's remote stream in its own <audio> element on the chosen speaker. Chromium
 * reports no inbound audio energy (and plays nothing) unless the stream is attached to a
 * playing media element, so every connected leg gets one; held legs stay attached but muted
 * by the track switch in the call controller.
 */
export interface RemoteAudio {
  attach(legId: string, stream: MediaStream): void;
  detach(legId: string): void;
  /** Switches every element to `deviceId` ('' = default); false when the device is gone. */
  setSpeaker(deviceId: string): Promise<boolean>;
}

export class ElementRemoteAudio implements RemoteAudio {
  private readonly elements = new Map<string, HTMLAudioElement>();
  private speakerId = '';
  private container: HTMLElement | undefined;

  attach(legId: string, stream: MediaStream): void {
    let element = this.elements.get(legId);
    if (!element) {
      element = document.createElement('audio');
      element.autoplay = true;
      element.dataset.softphoneLeg = legId;
      this.host().append(element);
      this.elements.set(legId, element);
      if (this.speakerId !== '') void applySink(element, this.speakerId);
    }
    if (element.srcObject !== stream) element.srcObject = stream;
    void element.play().catch(() => {
      // Autoplay can be refused before the first user gesture; the answer click is one.
    });
  }

  detach(legId: string): void {
    const element = this.elements.get(legId);
    if (!element) return;
    element.pause();
    element.srcObject = null;
    element.remove();
    this.elements.delete(legId);
  }

  async setSpeaker(deviceId: string): Promise<boolean> {
    this.speakerId = deviceId;
    const results = await Promise.all(
      [...this.elements.values()].map((element) => applySink(element, deviceId)),
    );
    return results.every(Boolean);
  }

  private host(): HTMLElement {
    if (!this.container || !this.container.isConnected) {
      this.container = document.createElement('div');
      this.container.hidden = true;
      this.container.dataset.softphoneAudio = '';
      document.body.append(this.container);
    }
    return this.container;
  }
}

/** Sets the output device; falls back to the default device when the chosen one is gone. */
export async function applySink(element: HTMLMediaElement, deviceId: string): Promise<boolean> {
  if (typeof element.setSinkId !== 'function') return deviceId === '';
  try {
    await element.setSinkId(deviceId);
    return true;
  } catch {
    await element.setSinkId('').catch(() => undefined);
    return false;
  }
}
