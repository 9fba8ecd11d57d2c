/**
 * Host data for react-query: one `queryOptions` factory per host read, so components, effects
 * and tests share keys and fetchers. Host methods answer with a Result; a failure becomes a
 * thrown HostRequestError so react-query's error state carries the typed error.
 */
import { queryOptions } from '@tanstack/react-query';
import type { AppClient } from '../../shared/contract/appContract';
import type { AppError, Result } from '../../shared/rpc/result';

export class HostRequestError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'HostRequestError';
  }
}

export async function unwrapHostResult<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new HostRequestError(result.error);
}

export const HOST_QUERY_KEYS = {
  settings: ['host', 'settings'] as const,
  systemInfo: ['host', 'systemInfo'] as const,
};

/** The settings view; kept fresh by the settings.onDidChange event, so never stale by time. */
export function settingsQueryOptions(client: AppClient) {
  return queryOptions({
    queryKey: HOST_QUERY_KEYS.settings,
    queryFn: () => unwrapHostResult(client.settings.get()),
    staleTime: Infinity,
  });
}

export function systemInfoQueryOptions(client: AppClient) {
  return queryOptions({
    queryKey: HOST_QUERY_KEYS.systemInfo,
    queryFn: () => unwrapHostResult(client.system.getInfo()),
    staleTime: Infinity,
  });
}
