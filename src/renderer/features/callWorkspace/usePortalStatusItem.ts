/** Fills the status bar's portal placeholder with the session state (no personal data). */
import { useEffect } from 'react';
import type { PortalSessionState } from '../../../shared/contract/services/portalService';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { registerStatusItem, STATUS_ITEM_IDS, type StatusLevel } from '../../app/state/statusStore';
import { usePortalSession } from '../login/usePortalSession';

function statusOf(session: PortalSessionState | undefined): { level: StatusLevel; key: string } {
  if (!session || session.status === 'starting') return { level: 'pending', key: 'starting' };
  if (session.status === 'failed') return { level: 'error', key: 'failed' };
  if (session.connection === 'offline') return { level: 'warning', key: 'offline' };
  if (session.status === 'logged-in') return { level: 'ok', key: 'loggedIn' };
  return { level: 'inactive', key: 'loggedOut' };
}

export function usePortalStatusItem(): void {
  const { stores } = useAppEnvironment();
  const session = usePortalSession((view) => view.session);
  const unavailable = usePortalSession((view) => view.unavailable);
  const { level, key } = statusOf(session);
  useEffect(() => {
    if (unavailable) return;
    return registerStatusItem(stores.status, {
      id: STATUS_ITEM_IDS.portal,
      order: 30,
      labelKey: 'app:status.portal',
      valueKey: `callWorkspace:status.${key}`,
      level,
    });
  }, [stores.status, level, key, unavailable]);
}
