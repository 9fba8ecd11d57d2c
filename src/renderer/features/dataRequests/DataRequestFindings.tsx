/**
 * What the portal holds about one number, by kind with counts, the single records on demand,
 * and the actions: export (JSON, German HTML page) and delete. Every value is portal data about
 * a caller and is rendered as text, capped in length.
 */
import { useTranslation } from 'react-i18next';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import {
  DATA_RECORD_KINDS,
  type DataRecord,
  type DataRecordKind,
  type DataRequestFindings as Findings,
} from '../../../shared/portalWire/dataRequestSchemas';

/** The screen lists this many records per kind; the exports hold all of them. */
const SHOWN_RECORDS_PER_KIND = 100;
/** A stored field longer than this is cut on screen (transcripts); the exports hold it whole. */
const SHOWN_VALUE_LENGTH = 500;

/** Records found, over every kind. */
export function totalFound(findings: Findings): number {
  return DATA_RECORD_KINDS.reduce((sum, kind) => sum + (findings.counts[kind] ?? 0), 0);
}

function RecordFields({ record }: { record: DataRecord }) {
  const { t } = useTranslation('dataRequests');
  return (
    <table className="data-request-record">
      <caption>{sanitizeDisplayText(record.id, 80)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('screen.field')}</th>
          <th scope="col">{t('screen.value')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(record.fields).map(([field, value]) => (
          <tr key={field}>
            <th scope="row">{sanitizeDisplayText(field, 80)}</th>
            <td>
              {value === null ? t('screen.empty') : sanitizeDisplayText(value, SHOWN_VALUE_LENGTH)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KindRecords({ kind, records }: { kind: DataRecordKind; records: readonly DataRecord[] }) {
  const { t } = useTranslation('dataRequests');
  if (records.length === 0) return null;
  return (
    <details className="data-request-kind" data-kind={kind}>
      <summary>
        {t(`kinds.${kind}`)} – {t('screen.details')}
      </summary>
      {records.slice(0, SHOWN_RECORDS_PER_KIND).map((record) => (
        <RecordFields key={record.id} record={record} />
      ))}
    </details>
  );
}

export function DataRequestFindings(props: {
  findings: Findings;
  busy: boolean;
  onExportJson: () => void;
  onExportHtml: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('dataRequests');
  const { findings } = props;
  // The count itself is announced in the area's live region, not repeated here.
  const total = totalFound(findings);
  return (
    <section className="data-request-findings" aria-labelledby="data-request-found-title">
      <h2 id="data-request-found-title">
        {t('screen.foundTitle', { number: findings.callerNumber })}
      </h2>
      <table className="data-request-counts">
        <thead>
          <tr>
            <th scope="col">{t('screen.kind')}</th>
            <th scope="col">{t('screen.count')}</th>
          </tr>
        </thead>
        <tbody>
          {DATA_RECORD_KINDS.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{t(`kinds.${kind}`)}</th>
              <td>{findings.counts[kind] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {DATA_RECORD_KINDS.map((kind) => (
        <KindRecords
          key={kind}
          kind={kind}
          records={findings.records.filter((record) => record.kind === kind)}
        />
      ))}
      <div className="data-request-actions">
        <button type="button" onClick={props.onExportJson}>
          {t('screen.exportJson')}
        </button>
        <button type="button" aria-disabled={props.busy} onClick={props.onExportHtml}>
          {t('screen.exportHtml')}
        </button>
        {total > 0 ? (
          <button
            type="button"
            className="data-request-delete"
            aria-disabled={props.busy}
            onClick={props.onDelete}
          >
            {t('screen.deleteAll')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
