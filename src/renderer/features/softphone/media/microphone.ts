/**
 * Opens the microphone chosen in the settings (`audio.microphoneId`), falling back to the
 * default device when the chosen one is gone, and says so, so the agent can be told.
 */
export interface MicrophoneResult {
  stream: MediaStream;
  /** True when the chosen device was unavailable and the default one is used. */
  fellBack: boolean;
}

export type MicrophoneSource = (deviceId: string) => Promise<MicrophoneResult>;

const VOICE_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export const openMicrophone: MicrophoneSource = async (deviceId) => {
  const mediaDevices = navigator.mediaDevices;
  if (deviceId !== '') {
    try {
      const stream = await mediaDevices.getUserMedia({
        audio: { ...VOICE_CONSTRAINTS, deviceId: { exact: deviceId } },
        video: false,
      });
      return { stream, fellBack: false };
    } catch (error) {
      // Permission refused is not a missing device: do not silently use another microphone.
      if (error instanceof DOMException && error.name === 'NotAllowedError') throw error;
    }
  }
  const stream = await mediaDevices.getUserMedia({ audio: VOICE_CONSTRAINTS, video: false });
  return { stream, fellBack: deviceId !== '' };
};

/** Whether a device id is still present among the current audio devices. */
export async function isDevicePresent(
  kind: 'audioinput' | 'audiooutput',
  deviceId: string,
): Promise<boolean> {
  if (deviceId === '') return true;
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.some((device) => device.kind === kind && device.deviceId === deviceId);
  } catch {
    return true;
  }
}
