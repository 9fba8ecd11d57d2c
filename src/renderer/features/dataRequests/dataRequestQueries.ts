/**
 * Server data of data requests (react-query). Search, export and deletion are mutations: each
 * is audited and rate-limited by the portal, so none may run again by itself (no refetch on
 * focus, no automatic retry). Receipts are a query: desks report theirs over time.
 */
import { queryOptions } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import type {
  DataRequestDeletionAnswer,
  DataRequestReportAnswer,
  DataRequestSearchAnswer,
} from '../../../shared/contract/services/dataRequestService';
import type { DataRequestQuery } from '../../../shared/portalWire/dataRequestSchemas';
import { unwrapHostResult } from '../../data/hostQueries';

/** Desks report their receipts when they come online; no portal event announces them. */
export const DESK_RECEIPT_REFRESH_MILLISECONDS = 5_000;

export const DATA_REQUEST_QUERY_KEYS = {
  receipts: (requestId: string) => ['dataRequests', 'receipts', requestId] as const,
};

type DataRequestClient = Pick<AppClient, 'dataRequests'>;

export function dataRequestReceiptsQueryOptions(client: DataRequestClient, requestId: string) {
  return queryOptions({
    queryKey: DATA_REQUEST_QUERY_KEYS.receipts(requestId),
    queryFn: () => unwrapHostResult(client.dataRequests.receipts(requestId)),
    refetchInterval: DESK_RECEIPT_REFRESH_MILLISECONDS,
  });
}

/** The three requests the screen sends, each once per click. */
export function dataRequestActions(client: DataRequestClient) {
  return {
    search: (query: DataRequestQuery): Promise<DataRequestSearchAnswer> =>
      unwrapHostResult(client.dataRequests.search(query)),
    report: (query: DataRequestQuery): Promise<DataRequestReportAnswer> =>
      unwrapHostResult(client.dataRequests.report(query)),
    deleteAll: (query: DataRequestQuery): Promise<DataRequestDeletionAnswer> =>
      unwrapHostResult(client.dataRequests.deleteAll({ ...query, confirm: true })),
  };
}
