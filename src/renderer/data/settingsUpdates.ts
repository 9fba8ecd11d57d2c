/**
 * Sends this window's settings updates one after another. The host merges each update into the
 * values it holds when the update arrives; two updates in flight at once (the theme applied at
 * once while the form is being saved) could otherwise each merge into the old values and the
 * later write would undo the earlier one.
 */
import type { AppClient } from '../../shared/contract/appContract';
import type { SettingsUpdate, SettingsView } from '../../shared/contract/services/settingsService';
import type { Result } from '../../shared/rpc/result';

const queues = new WeakMap<object, Promise<unknown>>();

export function updateSettings(
  client: Pick<AppClient, 'settings'>,
  update: SettingsUpdate,
): Promise<Result<SettingsView>> {
  const previous = queues.get(client.settings) ?? Promise.resolve();
  // Results never reject (errors are data), so the chain cannot break.
  const next = previous.then(() => client.settings.update(update));
  queues.set(client.settings, next);
  return next;
}
