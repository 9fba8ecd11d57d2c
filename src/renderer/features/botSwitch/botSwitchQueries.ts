/** Server data of the bot switch (react-query), re-read whenever the portal announces a change. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import { unwrapHostResult } from '../../data/hostQueries';

export const BOT_SWITCH_QUERY_KEYS = {
  state: ['botSwitch', 'state'] as const,
  audit: ['botSwitch', 'audit'] as const,
  schedules: ['botSwitch', 'schedules'] as const,
};

export function botSwitchStateQueryOptions(client: Pick<AppClient, 'botSwitch'>) {
  return queryOptions({
    queryKey: BOT_SWITCH_QUERY_KEYS.state,
    queryFn: () => unwrapHostResult(client.botSwitch.getState()),
  });
}

export function botSwitchAuditQueryOptions(client: Pick<AppClient, 'botSwitch'>) {
  return queryOptions({
    queryKey: BOT_SWITCH_QUERY_KEYS.audit,
    queryFn: () => unwrapHostResult(client.botSwitch.listAudit()),
  });
}

/** Re-reads state and audit on every `bot-switch.changed` (another shift lead, an auto-revert). */
export function followBotSwitchChanges(
  client: Pick<AppClient, 'portal'>,
  queries: QueryClient,
): () => void {
  return client.portal.onBotSwitchChanged(() => {
    void queries.invalidateQueries({ queryKey: ['botSwitch'] });
  });
}

/** One client's bot schedule; re-read with the rest on every `bot-switch.changed`. */
export function botScheduleQueryOptions(client: Pick<AppClient, 'botSwitch'>, clientId: string) {
  return queryOptions({
    queryKey: [...BOT_SWITCH_QUERY_KEYS.schedules, clientId] as const,
    queryFn: () => unwrapHostResult(client.botSwitch.getSchedule(clientId)),
  });
}
