/**
 * The history area: recent calls (decrypted from the sealed history), searchable by name or
 * number, with click-to-call. Caller-controlled text is rendered as text only.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatForDisplay } from '../../../shared/domain/phoneNumber';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { formatDuration } from '../softphone/components/CallTimer';
import { useSoftphone } from '../softphone/softphoneContext';
import type { CallHistoryEntry } from './callHistoryEntry';
import { useCallHistory } from './historyForWindow';
import './history.css';

export function CallHistoryArea() {
  const { t, i18n } = useTranslation('history');
  const { t: tPhone } = useTranslation('softphone');
  const { stores } = useAppEnvironment();
  const { store } = useCallHistory();
  const { engine } = useSoftphone();
  const entries = useAppStore(store, (state) => state.entries);
  const query = useAppStore(store, (state) => state.query);
  const loading = useAppStore(store, (state) => state.loading);
  const failed = useAppStore(store, (state) => state.failed);
  const [callFailed, setCallFailed] = useState(false);

  useEffect(() => {
    void store.getState().reload();
  }, [store]);

  const callBack = async (entry: CallHistoryEntry) => {
    if (!entry.remoteNumber) return;
    const result = await engine.calls.dial(entry.remoteNumber);
    setCallFailed(!result.ok);
    if (result.ok) stores.navigation.getState().showArea('calls');
  };
  const time = (at: number) =>
    new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="call-history" data-testid="call-history">
      <label className="call-history-search">
        <span>{t('search')}</span>
        <input
          type="search"
          value={query}
          maxLength={64}
          onChange={(event) => store.getState().setQuery(event.target.value)}
        />
      </label>
      <p className="form-hint">{t('retention')}</p>
      {failed ? <p role="alert">{t('failed')}</p> : null}
      {callFailed ? <p role="alert">{t('callFailed')}</p> : null}
      <p aria-live="polite" className="form-hint">
        {loading && entries.length === 0
          ? t('loading')
          : entries.length === 0
            ? t(query.trim() === '' ? 'empty' : 'noMatch')
            : t('count', { count: entries.length })}
      </p>
      {entries.length > 0 ? (
        <table className="call-history-table">
          <thead>
            <tr>
              <th scope="col">{t('columns.time')}</th>
              <th scope="col">{t('columns.direction')}</th>
              <th scope="col">{t('columns.party')}</th>
              <th scope="col">{t('columns.line')}</th>
              <th scope="col">{t('columns.duration')}</th>
              <th scope="col">{t('columns.outcome')}</th>
              <th scope="col">{t('columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const party = entry.remoteLabel || t('noNumber');
              return (
                <tr key={entry.id} data-history-entry={entry.id}>
                  <td>{time(entry.startedAt)}</td>
                  <td>{t(`directions.${entry.direction}`)}</td>
                  <td>
                    {party}
                    {entry.remoteName ? (
                      <>
                        {' · '}
                        <bdi>{entry.remoteName}</bdi>
                      </>
                    ) : null}
                  </td>
                  <td>{entry.clientLine ? formatForDisplay(entry.clientLine) : '—'}</td>
                  <td>{formatDuration(entry.durationSeconds * 1_000)}</td>
                  <td>{tPhone(`call.outcomes.${entry.outcome}`)}</td>
                  <td>
                    {entry.remoteNumber ? (
                      <button
                        type="button"
                        aria-label={t('callBackLabel', { party })}
                        onClick={() => void callBack(entry)}
                      >
                        {t('callBack')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
