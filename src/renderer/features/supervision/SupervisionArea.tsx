/**
 * The supervisor board (area `supervision`, supervisors and shift leads): alerts, lines, waiting
 * callers, agents, and the read-only view of one call. The store follows the host's events; the
 * portal's board snapshot brings the day's figures every few seconds.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { BrowserCallNotifier, type CallNotifier } from '../softphone/media/callNotifier';
import { useNow } from '../hybrid/useNow';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { AgentTable, type AgentActions } from './AgentTable';
import { AlertList } from './AlertList';
import { CallLiveView } from './CallLiveView';
import { LineTable } from './LineTable';
import { AgentCallList, WaitingCallList } from './WaitingCallList';
import { startSupervisionAlert } from './supervisionAlert';
import { supervisionStoreFor } from './supervisionForWindow';
import { startSupervisionSync } from './supervisionSync';
import './supervision.css';

export interface SupervisionAreaProps {
  /** Tests hand in a fake; the window uses the Notification API. */
  notifier?: Pick<CallNotifier, 'incoming' | 'dismiss'>;
}

export function SupervisionArea({ notifier }: SupervisionAreaProps) {
  const { t } = useTranslation('supervision');
  const { client, stores } = useAppEnvironment();
  const store = supervisionStoreFor(stores);
  const now = useNow();
  const [shownCall, setShownCall] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);
  const [alertNotifier] = useState(() => notifier ?? new BrowserCallNotifier());

  useEffect(() => startSupervisionSync({ store, client }), [store, client]);
  useEffect(
    () =>
      startSupervisionAlert({
        store,
        notifier: alertNotifier,
        text: (alert) => ({
          title: t('alerts.notificationTitle'),
          body: t(`alerts.${alert.kind}`, { line: displayPhoneNumber(alert.line) ?? alert.line }),
        }),
      }),
    [store, alertNotifier, t],
  );

  const acknowledge = useCallback(
    (clientId: string, alertKey: string) => {
      void client.supervision.acknowledge(clientId, alertKey).then((answer) => {
        setProblem(!answer.ok);
        if (answer.ok) store.getState().markAcknowledged(alertKey, 'me');
      });
    },
    [client, store],
  );
  const actions = useMemo<AgentActions>(
    () => ({
      setNotReady: (userId) =>
        void client.supervision
          .setNotReady(userId, t('agent.notReadyReason'))
          .then((answer) => setProblem(!answer.ok)),
      logOut: (userId, name) => {
        if (!window.confirm(t('agent.confirmLogOut', { name }))) return;
        void client.supervision.logOut(userId).then((answer) => setProblem(!answer.ok));
      },
    }),
    [client, t],
  );

  return (
    <div className="supervision-board" data-testid="supervision-board">
      {problem ? (
        <p className="banner banner-warning" role="alert">
          {t('agent.actionFailed')}
        </p>
      ) : null}
      <section aria-labelledby="supervision-alerts-title">
        <h2 id="supervision-alerts-title">{t('board.alerts')}</h2>
        <AlertList store={store} onAcknowledge={acknowledge} />
      </section>
      <section aria-labelledby="supervision-lines-title">
        <h2 id="supervision-lines-title">{t('board.lines')}</h2>
        <LineTable store={store} />
      </section>
      <section aria-labelledby="supervision-waiting-title">
        <h2 id="supervision-waiting-title">{t('board.waiting')}</h2>
        <WaitingCallList store={store} now={now} onShow={setShownCall} />
      </section>
      <section aria-labelledby="supervision-agents-title">
        <h2 id="supervision-agents-title">{t('board.agents')}</h2>
        <AgentTable store={store} now={now} actions={actions} />
        <AgentCallList store={store} onShow={setShownCall} />
      </section>
      {shownCall ? (
        <CallLiveView callId={shownCall} client={client} onClose={() => setShownCall(null)} />
      ) : null}
    </div>
  );
}
