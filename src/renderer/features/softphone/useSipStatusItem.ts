/** Puts the registration health into the frame's status bar (the `sip` placeholder). */
import { useEffect } from 'react';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { registerStatusItem, STATUS_ITEM_IDS, type StatusLevel } from '../../app/state/statusStore';
import type { RegistrationHealth } from '../../../shared/domain/registrationWatchdog';
import type { Softphone } from './softphoneContext';

const LEVELS: Record<RegistrationHealth, StatusLevel> = {
  stopped: 'inactive',
  connecting: 'pending',
  registered: 'ok',
  offline: 'warning',
  'auth-failed': 'error',
};

export function useSipStatusItem(softphone: Softphone): void {
  const { stores } = useAppEnvironment();
  useEffect(() => {
    const itemFor = (health: RegistrationHealth, unconfigured: boolean) => ({
      id: STATUS_ITEM_IDS.sip,
      order: 20,
      labelKey: 'app:status.sip',
      valueKey: unconfigured
        ? 'softphone:registration.health.stopped'
        : `softphone:registration.health.${health}`,
      level: unconfigured ? ('inactive' as const) : LEVELS[health],
    });
    const initial = softphone.store.getState().registration;
    const restore = registerStatusItem(
      stores.status,
      itemFor(initial.health, initial.unconfigured),
    );
    const unsubscribe = softphone.store.subscribe((state, previous) => {
      const now = state.registration;
      if (
        now.health === previous.registration.health &&
        now.unconfigured === previous.registration.unconfigured
      ) {
        return;
      }
      const { id, ...change } = itemFor(now.health, now.unconfigured);
      stores.status.getState().updateItem(id, change);
    });
    return () => {
      unsubscribe();
      restore();
    };
  }, [softphone, stores]);
}
