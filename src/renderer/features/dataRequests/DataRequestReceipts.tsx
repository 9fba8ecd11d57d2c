/**
 * The receipts of one deletion: the portal's (request ID, counts per kind, time, who) and, as
 * desks report, each desk's. Receipts hold no personal data; they can be shown to the caller.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppClient } from '../../../shared/contract/appContract';
import {
  DATA_RECORD_KINDS,
  DESK_RECORD_KINDS,
  type DataRequestReceipt,
} from '../../../shared/portalWire/dataRequestSchemas';
import { dataRequestReceiptsQueryOptions } from './dataRequestQueries';

const KNOWN_KINDS: readonly string[] = [...DATA_RECORD_KINDS, ...DESK_RECORD_KINDS];

function ReceiptCard({ receipt }: { receipt: DataRequestReceipt }) {
  const { t } = useTranslation('dataRequests');
  const desk = receipt.source.startsWith('desk:') ? receipt.source.slice('desk:'.length) : null;
  return (
    <li className="data-request-receipt" data-source={desk === null ? 'portal' : 'desk'}>
      <dl>
        <dt>{t('screen.source')}</dt>
        <dd>{desk === null ? t('screen.portal') : t('screen.desk', { user: desk })}</dd>
        <dt>{t('screen.deletedAt')}</dt>
        <dd>
          <time dateTime={receipt.deletedAt}>
            {new Date(receipt.deletedAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })}
          </time>
        </dd>
        <dt>{t('screen.deletedBy')}</dt>
        <dd>{receipt.deletedBy}</dd>
        <dt>{t('screen.counts')}</dt>
        <dd>
          <ul>
            {Object.entries(receipt.counts)
              .filter(([kind, count]) => KNOWN_KINDS.includes(kind) && count > 0)
              .map(([kind, count]) => (
                <li key={kind} data-kind={kind}>
                  {t(`kinds.${kind}`)}: {count}
                </li>
              ))}
          </ul>
        </dd>
      </dl>
      {receipt.note === 'waited-for-queued-note' ? <p>{t('screen.waitedForQueuedNote')}</p> : null}
    </li>
  );
}

export function DataRequestReceipts(props: {
  client: Pick<AppClient, 'dataRequests'>;
  /** The portal's receipt from the deletion's answer, shown until the list arrives. */
  receipt: DataRequestReceipt;
  onNewSearch: () => void;
}) {
  const { t } = useTranslation('dataRequests');
  const listed = useQuery(dataRequestReceiptsQueryOptions(props.client, props.receipt.requestId));
  const receipts = listed.data && listed.data.length > 0 ? listed.data : [props.receipt];
  // The portal's receipt first, then the desks' in the order they reported.
  const ordered = [
    ...receipts.filter((receipt) => receipt.source === 'portal'),
    ...receipts.filter((receipt) => receipt.source !== 'portal'),
  ];
  return (
    <section className="data-request-receipts" aria-labelledby="data-request-receipt-title">
      <h2 id="data-request-receipt-title">{t('screen.receiptTitle')}</h2>
      <p>{t('screen.receiptIntro')}</p>
      <p>
        {t('screen.requestId')}: <span data-testid="request-id">{props.receipt.requestId}</span>
      </p>
      <ul className="data-request-receipt-list">
        {ordered.map((receipt) => (
          <ReceiptCard key={receipt.source} receipt={receipt} />
        ))}
      </ul>
      <p className="data-request-hint">{t('screen.waitingForDesks')}</p>
      <button type="button" onClick={props.onNewSearch}>
        {t('screen.newSearch')}
      </button>
    </section>
  );
}
