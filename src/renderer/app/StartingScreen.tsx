import { useTranslation } from 'react-i18next';

/** Shown for the moment between page load and the host connection. */
export function StartingScreen() {
  const { t } = useTranslation('app');
  return (
    <p className="starting-screen" role="status">
      {t('frame.starting')}
    </p>
  );
}
