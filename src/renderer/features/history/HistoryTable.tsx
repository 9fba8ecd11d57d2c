/** The merged history as a table: one row per call or stand-alone note, newest first. */
import { useTranslation } from 'react-i18next';
import { formatForDisplay } from '../../../shared/domain/phoneNumber';
import { plainLine } from '../clientCard/plainText';
import { formatDuration } from '../softphone/components/CallTimer';
import type { HistoryRow } from './mergedHistory';

export interface HistoryTableProps {
  rows: readonly HistoryRow[];
  onCallBack(row: HistoryRow): void;
}

export function HistoryTable({ rows, onCallBack }: HistoryTableProps) {
  const { t, i18n } = useTranslation('history');
  const { t: tPhone } = useTranslation('softphone');
  const { t: tNotes } = useTranslation('notes');
  const time = (at: number) =>
    new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const outcomeOf = (row: HistoryRow) =>
    row.portalOutcome
      ? tNotes(`outcomes.${row.portalOutcome}`, row.portalOutcome)
      : row.phoneOutcome
        ? tPhone(`call.outcomes.${row.phoneOutcome}`)
        : '—';

  return (
    <table className="call-history-table">
      <thead>
        <tr>
          <th scope="col">{t('columns.time')}</th>
          <th scope="col">{t('columns.direction')}</th>
          <th scope="col">{t('columns.party')}</th>
          <th scope="col">{t('columns.client')}</th>
          <th scope="col">{t('columns.duration')}</th>
          <th scope="col">{t('columns.outcome')}</th>
          <th scope="col">{t('columns.note')}</th>
          <th scope="col">{t('columns.source')}</th>
          <th scope="col">{t('columns.action')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const number = row.remoteNumber ? formatForDisplay(row.remoteNumber) : '';
          const party = row.remoteLabel || number || t('noNumber');
          return (
            <tr key={row.key} data-history-entry={row.key} data-history-source={row.source}>
              <td>{time(row.at)}</td>
              <td>
                {row.kind === 'note'
                  ? t('directions.note')
                  : t(`directions.${row.direction ?? 'incoming'}`)}
              </td>
              <td>
                {party}
                {row.remoteName ? (
                  <>
                    {' · '}
                    <bdi>{row.remoteName}</bdi>
                  </>
                ) : null}
                {row.otherAgent ? <span className="history-badge">{t('otherAgent')}</span> : null}
              </td>
              <td>
                {row.clientName ? <bdi>{row.clientName}</bdi> : null}
                {row.clientLine ? (
                  <span className="history-muted"> {formatForDisplay(row.clientLine)}</span>
                ) : null}
                {!row.clientName && !row.clientLine ? '—' : null}
              </td>
              <td>
                {row.durationSeconds === null ? '—' : formatDuration(row.durationSeconds * 1_000)}
              </td>
              <td>{outcomeOf(row)}</td>
              <td data-history-note={row.note?.status ?? 'none'}>
                {row.note ? (
                  <>
                    <span className="history-badge">{t(`noteStatus.${row.note.status}`)}</span>{' '}
                    <bdi>{plainLine(row.note.callerName || row.note.concern, 60)}</bdi>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{t(`sources.${row.source}`)}</td>
              <td>
                {row.remoteNumber ? (
                  <button
                    type="button"
                    aria-label={t('callBackLabel', { party })}
                    onClick={() => onCallBack(row)}
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
  );
}
