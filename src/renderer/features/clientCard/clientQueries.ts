/**
 * Client data from the portal for react-query: one `queryOptions` factory per read, so the
 * card, prefetching and tests share keys. Looked up per dialled line and cached per line: a
 * second call on the same line shows its card without asking the portal again.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import type { ClientLookup } from '../../../shared/contract/services/portalService';
import { unwrapHostResult } from '../../data/hostQueries';

/** Client profiles change rarely; a card older than this is fetched again in the background. */
const CLIENT_STALE_MILLISECONDS = 5 * 60_000;

export const CLIENT_QUERY_KEYS = {
  all: ['portal', 'clients'] as const,
  byLine: (line: string) => ['portal', 'clients', 'by-line', line] as const,
  list: ['portal', 'clients', 'list'] as const,
};

export function clientByLineQueryOptions(client: Pick<AppClient, 'portal'>, line: string) {
  return queryOptions({
    queryKey: CLIENT_QUERY_KEYS.byLine(line),
    queryFn: () => unwrapHostResult(client.portal.clientByLine(line)),
    staleTime: CLIENT_STALE_MILLISECONDS,
    retry: 1,
  });
}

export function clientListQueryOptions(client: Pick<AppClient, 'portal'>) {
  return queryOptions({
    queryKey: CLIENT_QUERY_KEYS.list,
    queryFn: () => unwrapHostResult(client.portal.listClients()),
    staleTime: CLIENT_STALE_MILLISECONDS,
  });
}

/**
 * Loads every assigned client's card into the cache (after login), so the card appears at the
 * first ring even if the portal is slow or briefly unreachable then.
 */
export async function prefetchClientCards(
  queryClient: QueryClient,
  client: Pick<AppClient, 'portal'>,
): Promise<number> {
  const clients = await queryClient.fetchQuery(clientListQueryOptions(client));
  let cached = 0;
  for (const summary of clients) {
    const profile = await client.portal.clientById(summary.id);
    if (!profile.ok) continue;
    for (const line of profile.value.lines) {
      const lookup: ClientLookup = { kind: 'found', profile: profile.value };
      queryClient.setQueryData(CLIENT_QUERY_KEYS.byLine(line), lookup);
      cached += 1;
    }
  }
  return cached;
}
