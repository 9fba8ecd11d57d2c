import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from './AppEnvironment';
import { useAppStore } from './state/appStore';
import { STATUS_ITEM_IDS } from './state/statusStore';

/** Announced at once when the host connection drops; a reload reconnects with the same token. */
export function ConnectionLostBanner() {
  const { t } = useTranslation('app');
  const { stores } = useAppEnvironment();
  const lost = useAppStore(
    stores.status,
    (state) => state.items[STATUS_ITEM_IDS.host]?.level === 'error',
  );
  if (!lost) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="connection-lost">
      <p>
        <strong>{t('connectionLost.title')}</strong> {t('connectionLost.body')}
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('connectionLost.reconnect')}
      </button>
    </div>
  );
}
