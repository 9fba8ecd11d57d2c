/**
 * The history area: one list of calls and notes from this desk and the portal (see
 * `mergedHistory.ts`), searchable by name, number, client or concern, with click-to-call.
 * Caller-controlled text is rendered as text only.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useDeskDeletionGate } from '../retention/deskDeletionGate';
import { useSoftphone } from '../softphone/softphoneContext';
import { HistoryTable } from './HistoryTable';
import type { HistoryRow } from './mergedHistory';
import { useMergedHistory } from './useMergedHistory';
import './history.css';

export function CallHistoryArea() {
  const { t } = useTranslation('history');
  const { stores } = useAppEnvironment();
  const { engine } = useSoftphone();
  const history = useMergedHistory();
  const deletions = useDeskDeletionGate();
  const [callFailed, setCallFailed] = useState(false);

  const callBack = async (row: HistoryRow) => {
    if (!row.remoteNumber) return;
    const result = await engine.calls.dial(row.remoteNumber);
    setCallFailed(!result.ok);
    if (result.ok) stores.navigation.getState().showArea('calls');
  };
  const { rows, query } = history;
  // Issue 13: nothing a data request deleted may show before this desk has applied it.
  if (deletions === 'applying') {
    return (
      <div className="call-history" data-testid="call-history">
        <p role="status" data-testid="history-deletions-applying">
          {t('deletionsApplying')}
        </p>
      </div>
    );
  }

  return (
    <div className="call-history" data-testid="call-history">
      <div className="call-history-toolbar">
        <label className="call-history-search">
          <span>{t('search')}</span>
          <input
            type="search"
            autoComplete="off"
            value={query}
            maxLength={64}
            onChange={(event) => history.setQuery(event.target.value)}
          />
        </label>
        <button type="button" onClick={history.refresh}>
          {t('refresh')}
        </button>
      </div>
      <p className="form-hint">{t('retention')}</p>
      {deletions === 'unknown' ? (
        <p className="form-hint" data-testid="history-deletions-unknown">
          {t('deletionsUnknown')}
        </p>
      ) : null}
      <p className="form-hint" data-testid="history-portal-status">
        {t(`portal.${history.portalStatus}`)}
      </p>
      {history.localFailed ? <p role="alert">{t('failed')}</p> : null}
      {callFailed ? <p role="alert">{t('callFailed')}</p> : null}
      <p aria-live="polite" className="form-hint">
        {history.localLoading && history.total === 0
          ? t('loading')
          : rows.length === 0
            ? t(query.trim() === '' ? 'empty' : 'noMatch')
            : t('count', { count: rows.length })}
      </p>
      {rows.length > 0 ? <HistoryTable rows={rows} onCallBack={callBack} /> : null}
    </div>
  );
}
