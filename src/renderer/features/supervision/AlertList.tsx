/** The board's threshold alerts, each acknowledged with one click (recorded by the portal). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { useAppStore } from '../../app/state/appStore';
import type { SupervisionStore } from './supervisionStore';

export interface AlertListProps {
  store: SupervisionStore;
  onAcknowledge(clientId: string, alertKey: string): void;
}

export function AlertList({ store, onAcknowledge }: AlertListProps) {
  const { t } = useTranslation('supervision');
  const alertState = useAppStore(store, (state) => state.alerts);
  const alertOrder = useAppStore(store, (state) => state.alertOrder);
  const alerts = useMemo(
    () => alertOrder.flatMap((key) => (alertState[key] ? [alertState[key]] : [])),
    [alertState, alertOrder],
  );
  if (alerts.length === 0) return <p className="hybrid-muted">{t('board.noAlerts')}</p>;
  return (
    <ul className="supervision-alerts" data-testid="supervision-alerts">
      {alerts.map((alert) => (
        <li
          key={alert.key}
          data-testid={`alert-${alert.kind}`}
          className={alert.acknowledgedBy ? 'supervision-alert-acknowledged' : 'supervision-alert'}
        >
          {t(`alerts.${alert.kind}`, { line: displayPhoneNumber(alert.line) ?? alert.line })}{' '}
          {alert.acknowledgedBy ? (
            <span>({t('alerts.acknowledged')})</span>
          ) : (
            <button type="button" onClick={() => onAcknowledge(alert.clientId, alert.key)}>
              {t('alerts.acknowledge')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
