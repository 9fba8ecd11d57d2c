/**
 * Audio devices from `navigator.mediaDevices.enumerateDevices()`, refreshed when devices are
 * plugged in or out. Browsers hide device names until the page may use the microphone, so
 * `requestAccess()` asks once and then lists again. Device names are shown as text only.
 */
import { useCallback, useEffect, useState } from 'react';

export interface AudioDevice {
  deviceId: string;
  label: string;
}

export interface MediaDevicesState {
  supported: boolean;
  microphones: AudioDevice[];
  speakers: AudioDevice[];
  /** False until names are visible (permission granted). */
  labelled: boolean;
  accessDenied: boolean;
  refresh(): Promise<void>;
  requestAccess(): Promise<void>;
}

const NAME_CAP = 120;

export function useMediaDevices(): MediaDevicesState {
  const mediaDevices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  const supported = typeof mediaDevices?.enumerateDevices === 'function';
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [accessDenied, setAccessDenied] = useState(false);

  const refresh = useCallback(async () => {
    if (!supported) return;
    try {
      setDevices(await mediaDevices!.enumerateDevices());
    } catch {
      setDevices([]);
    }
  }, [supported, mediaDevices]);

  const requestAccess = useCallback(async () => {
    if (!supported || typeof mediaDevices!.getUserMedia !== 'function') return;
    try {
      const stream = await mediaDevices!.getUserMedia({ audio: true });
      // Only the permission was wanted: release the microphone at once.
      for (const track of stream.getTracks()) track.stop();
      setAccessDenied(false);
    } catch {
      setAccessDenied(true);
    }
    await refresh();
  }, [supported, mediaDevices, refresh]);

  useEffect(() => {
    if (!supported) return;
    let subscribed = true;
    const load = (): void => {
      mediaDevices!.enumerateDevices().then(
        (list) => subscribed && setDevices(list),
        () => subscribed && setDevices([]),
      );
    };
    load();
    mediaDevices!.addEventListener('devicechange', load);
    return () => {
      subscribed = false;
      mediaDevices!.removeEventListener('devicechange', load);
    };
  }, [supported, mediaDevices]);

  const toDevice = (device: MediaDeviceInfo): AudioDevice => ({
    deviceId: device.deviceId,
    label: device.label.slice(0, NAME_CAP),
  });
  // "default" and "communications" are aliases of real devices; the empty setting means default.
  const real = (device: MediaDeviceInfo): boolean =>
    device.deviceId !== '' && device.deviceId !== 'default' && device.deviceId !== 'communications';
  return {
    supported,
    microphones: devices.filter((d) => d.kind === 'audioinput' && real(d)).map(toDevice),
    speakers: devices.filter((d) => d.kind === 'audiooutput' && real(d)).map(toDevice),
    labelled: devices.some((device) => device.label !== ''),
    accessDenied,
    refresh,
    requestAccess,
  };
}
