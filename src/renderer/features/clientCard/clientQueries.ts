/**
 * Client data from the portal for react-query: one `queryOptions` factory per read, so the
 * card, prefetching and tests share keys. Looked up per dialled line and cached per line: a
 * second call on the same line shows its card without asking the portal again.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import type { ClientLookup } from '../../../shared/contract/services/portalService';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { unwrapHostResult } from '../../data/hostQueries';

/** Client profiles change rarely; a card older than this is fetched again in the background. */
const CLIENT_STALE_MILLISECONDS = 5 * 60_000;

export const CLIENT_QUERY_KEYS = {
  all: ['portal', 'clients'] as const,
  byLine: (line: string) => ['portal', 'clients', 'by-line', line] as const,
  list: ['portal', 'clients', 'list'] as const,
  profiles: ['portal', 'clients', 'profiles'] as const,
};

/** Profiles fetched at once: enough to fill the pipe, few enough not to flood the portal. */
const PROFILE_FETCHES_AT_ONCE = 8;

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
 * Every assigned client's full profile (the directory's data; the prefetch below fills the
 * per-line cards from it). A client whose profile cannot be read is left out, not fatal.
 */
export function clientProfilesQueryOptions(client: Pick<AppClient, 'portal'>) {
  return queryOptions({
    queryKey: CLIENT_QUERY_KEYS.profiles,
    queryFn: async (): Promise<ClientProfile[]> => {
      const summaries = await unwrapHostResult(client.portal.listClients());
      const profiles: (ClientProfile | undefined)[] = [];
      for (let start = 0; start < summaries.length; start += PROFILE_FETCHES_AT_ONCE) {
        const batch = summaries.slice(start, start + PROFILE_FETCHES_AT_ONCE);
        const results = await Promise.all(
          batch.map((summary) => client.portal.clientById(summary.id)),
        );
        profiles.push(...results.map((result) => (result.ok ? result.value : undefined)));
      }
      return profiles.filter((profile) => profile !== undefined);
    },
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
  const profiles = await queryClient.fetchQuery(clientProfilesQueryOptions(client));
  let cached = 0;
  for (const profile of profiles) {
    for (const line of profile.lines) {
      const lookup: ClientLookup = { kind: 'found', profile };
      queryClient.setQueryData(CLIENT_QUERY_KEYS.byLine(line), lookup);
      cached += 1;
    }
  }
  return cached;
}
