import { useTranslation } from 'react-i18next';
import type { SettingsValues } from '../../../shared/contract/services/settingsService';
import { fieldId } from './TextField';
import { useMediaDevices, type AudioDevice } from './useMediaDevices';

type AudioValues = SettingsValues['audio'];

/** Microphone, speaker and ringer; the empty choice means the system default. */
export function AudioDeviceFields(props: {
  audio: AudioValues;
  onChange(key: keyof AudioValues, deviceId: string): void;
}) {
  const { t } = useTranslation('settings');
  const devices = useMediaDevices();
  if (!devices.supported) return <p className="form-hint">{t('audio.unsupported')}</p>;
  const select = (key: keyof AudioValues, label: string, options: AudioDevice[]) => {
    const id = fieldId(`audio.${key}`);
    const selected = props.audio[key];
    const missing = selected !== '' && !options.some((device) => device.deviceId === selected);
    return (
      <div className="form-row">
        <label htmlFor={id}>{label}</label>
        <div className="form-control">
          <select
            id={id}
            value={selected}
            onChange={(event) => props.onChange(key, event.target.value)}
          >
            <option value="">{t('audio.systemDefault')}</option>
            {missing && <option value={selected}>{t('audio.notConnected')}</option>}
            {options.map((device, index) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label || t('audio.unnamedDevice', { number: index + 1 })}
              </option>
            ))}
          </select>
        </div>
      </div>
    );
  };
  return (
    <>
      {select('microphoneId', t('audio.microphone'), devices.microphones)}
      {select('speakerId', t('audio.speaker'), devices.speakers)}
      {select('ringerId', t('audio.ringer'), devices.speakers)}
      <div className="form-row">
        <span />
        <div className="form-control">
          {!devices.labelled && (
            <button
              type="button"
              className="secondary"
              onClick={() => void devices.requestAccess()}
            >
              {t('audio.showNames')}
            </button>
          )}
          {devices.accessDenied && <p className="form-error">{t('audio.accessDenied')}</p>}
          {devices.speakers.length === 0 && (
            <p className="form-hint">{t('audio.noOutputChoice')}</p>
          )}
        </div>
      </div>
    </>
  );
}
