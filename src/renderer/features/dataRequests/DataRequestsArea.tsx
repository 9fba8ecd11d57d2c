/**
 * The "Auskunft & Löschung" area (supervisors and admins, issue 13): search everything held
 * about one caller number, export it (JSON, German HTML page), delete it after a confirmation
 * that names the counts, then show the receipts (the portal's, and the desks' as they report).
 *
 * Results and errors are announced in live regions. A refused or failed request loses nothing:
 * the number stays in the form and the findings on screen, and the same step can be retried.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DataRequestRefusal,
  DataRequestReportAnswer,
} from '../../../shared/contract/services/dataRequestService';
import type {
  DataRequestFindings as Findings,
  DataRequestQuery,
  DataRequestReceipt,
} from '../../../shared/portalWire/dataRequestSchemas';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { fileTimestamp, offerDownload } from '../../data/offerDownload';
import { clientListQueryOptions } from '../clientCard/clientQueries';
import { DataRequestFindings, totalFound } from './DataRequestFindings';
import { DataRequestReceipts } from './DataRequestReceipts';
import { DataRequestSearchForm } from './DataRequestSearchForm';
import { dataRequestActions } from './dataRequestQueries';
import { DeleteConfirmDialog } from './DeleteConfirmDialog';
import './dataRequests.css';

/** What the live regions say after the last step. */
type Outcome =
  | { kind: 'found'; total: number }
  | { kind: 'exported' }
  | { kind: 'refused'; refusal: DataRequestRefusal }
  | { kind: 'failed'; retry: () => void }
  | null;

export function DataRequestsArea() {
  const { t } = useTranslation('dataRequests');
  const { client } = useAppEnvironment();
  const actions = dataRequestActions(client);
  const clients = useQuery(clientListQueryOptions(client));
  const [query, setQuery] = useState<DataRequestQuery | null>(null);
  const [findings, setFindings] = useState<Findings | null>(null);
  const [receipt, setReceipt] = useState<DataRequestReceipt | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const search = useMutation({
    mutationFn: actions.search,
    onMutate: () => setOutcome(null),
    onSuccess: (answer, sent) => {
      if (answer.kind !== 'found') return setOutcome({ kind: 'refused', refusal: answer });
      setQuery(sent);
      setFindings(answer.findings);
      setReceipt(null);
      setOutcome({ kind: 'found', total: totalFound(answer.findings) });
    },
    onError: (_error, sent) => setOutcome({ kind: 'failed', retry: () => search.mutate(sent) }),
  });
  const report = useMutation({
    mutationFn: actions.report,
    onMutate: () => setOutcome(null),
    onSuccess: (answer: DataRequestReportAnswer) => {
      if (answer.kind !== 'report') return setOutcome({ kind: 'refused', refusal: answer });
      offerDownload(answer.html, 'text/html', `auskunft-${fileTimestamp(new Date())}.html`);
      setOutcome({ kind: 'exported' });
    },
    onError: (_error, sent) => setOutcome({ kind: 'failed', retry: () => report.mutate(sent) }),
  });
  const removal = useMutation({
    mutationFn: actions.deleteAll,
    onMutate: () => setOutcome(null),
    onSuccess: (answer) => {
      setConfirming(false);
      if (answer.kind !== 'deleted') return setOutcome({ kind: 'refused', refusal: answer });
      setReceipt(answer.receipt);
      setFindings(null);
    },
    // A deletion is retried through the confirmation again, never behind the user's back.
    onError: () => {
      setConfirming(false);
      setOutcome({ kind: 'failed', retry: () => setConfirming(true) });
    },
  });

  const exportJson = () => {
    if (!findings) return;
    offerDownload(
      JSON.stringify(findings, null, 2),
      'application/json',
      `auskunft-${fileTimestamp(new Date())}.json`,
    );
    setOutcome({ kind: 'exported' });
  };
  const busy = search.isPending || report.isPending || removal.isPending;

  return (
    <div className="data-requests">
      <DataRequestSearchForm
        clients={clients.data ?? []}
        pending={busy}
        onSearch={(next) => search.mutate(next)}
      />
      <div role="status" className="data-request-status" data-testid="data-request-status">
        {search.isPending ? t('screen.searching') : null}
        {removal.isPending ? t('screen.deleting') : null}
        {outcome?.kind === 'found'
          ? outcome.total === 0
            ? t('screen.nothingFound')
            : t('screen.foundSummary', { count: outcome.total })
          : null}
        {outcome?.kind === 'exported' ? t('screen.exported') : null}
      </div>
      <div role="alert" className="data-request-error" data-testid="data-request-error">
        {outcome?.kind === 'refused' ? (
          <p data-refusal={outcome.refusal.kind}>
            {t(`screen.refusals.${outcome.refusal.kind}`, {
              seconds:
                outcome.refusal.kind === 'rate-limited' ? outcome.refusal.retryAfterSeconds : 0,
            })}
          </p>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <p data-refusal="failed">
            {t('screen.failed')}{' '}
            <button type="button" onClick={outcome.retry}>
              {t('screen.retry')}
            </button>
          </p>
        ) : null}
      </div>
      {findings && query ? (
        <DataRequestFindings
          findings={findings}
          busy={busy}
          onExportJson={exportJson}
          onExportHtml={() => {
            if (!busy) report.mutate(query);
          }}
          onDelete={() => {
            if (!busy) setConfirming(true);
          }}
        />
      ) : null}
      {receipt ? (
        <DataRequestReceipts
          client={client}
          receipt={receipt}
          onNewSearch={() => {
            setReceipt(null);
            setOutcome(null);
          }}
        />
      ) : null}
      {confirming && findings && query ? (
        <DeleteConfirmDialog
          findings={findings}
          pending={removal.isPending}
          onConfirm={() => removal.mutate(query)}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
