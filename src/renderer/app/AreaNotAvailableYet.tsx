import { useTranslation } from 'react-i18next';

/** Shown by an area whose feature is not built yet: says so honestly, shows no fake content. */
export function AreaNotAvailableYet() {
  const { t } = useTranslation('app');
  return <p className="area-empty">{t('areas.notAvailableYet')}</p>;
}
