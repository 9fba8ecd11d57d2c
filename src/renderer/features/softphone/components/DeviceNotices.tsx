/** Tells the agent when a chosen audio device was replaced by the default one. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/state/appStore';
import { useSoftphone } from '../softphoneContext';

export function DeviceNotices() {
  const { t } = useTranslation('softphone');
  const { store } = useSoftphone();
  const notices = useAppStore(store, (state) => state.deviceNotices);
  if (notices.length === 0) return null;
  return (
    <ul className="softphone-notices" aria-live="polite">
      {notices.map((notice) => (
        <li key={notice} className="softphone-warning" data-device-notice={notice}>
          <span>{t(`devices.${notice}`)}</span>
          <button type="button" onClick={() => store.getState().dismissDeviceNotice(notice)}>
            {t('devices.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
