import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { systemInfoQueryOptions } from '../data/hostQueries';
import { useAppEnvironment } from './AppEnvironment';
import { useAppStore } from './state/appStore';
import { sortedStatusItems } from './state/statusStore';

/** Connection states at the bottom: colour and text both carry the state (not colour alone). */
export function StatusBar() {
  const { t } = useTranslation('app');
  const { stores, client } = useAppEnvironment();
  const items = useAppStore(stores.status, (state) => state.items);
  const info = useQuery(systemInfoQueryOptions(client));
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      {/* The live region wraps the list: role="status" on the <ul> itself would strip its list
          semantics and orphan the items (axe: listitem). */}
      <div role="status" className="status-region">
        <ul className="status-items">
          {sortedStatusItems(items).map((item) => (
            <li
              key={item.id}
              className={`status-item status-${item.level}`}
              data-status-item={item.id}
              data-level={item.level}
            >
              <span className="status-indicator" aria-hidden="true" />
              <span className="status-label">{t(item.labelKey)}:</span>{' '}
              <span className="status-value">{t(item.valueKey, item.valueOptions)}</span>
            </li>
          ))}
        </ul>
      </div>
      {info.data && (
        <span className="status-shell">
          {t(info.data.shell === 'web' ? 'status.webShell' : 'status.desktop', {
            version: info.data.appVersion,
          })}
        </span>
      )}
    </footer>
  );
}
