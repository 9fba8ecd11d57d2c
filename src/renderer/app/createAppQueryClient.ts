import { QueryClient } from '@tanstack/react-query';

/**
 * The window's QueryClient. The host is local: a failed call is a real failure (shown at once),
 * not network flakiness, so there are no retries and no refetch on focus.
 */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
