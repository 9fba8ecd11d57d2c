/**
 * Hooks of the portal session: follow it (once per window, from the always-mounted call
 * workspace) and read it. Following also carries out the host's "wipe local data" after an
 * explicit logout, in every window of this desk.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { notesFor } from '../notes/notesForWindow';
import {
  followPortalSession,
  portalSessionFor,
  type PortalSessionView,
} from './portalSessionStore';
import { wipeLocalData } from './wipeLocalData';

export function useFollowPortalSession(): void {
  const { client, stores } = useAppEnvironment();
  const queryClient = useQueryClient();
  useEffect(() => followPortalSession(client, stores), [client, stores]);
  useEffect(
    () =>
      client.portal.onLoggedOut((event) => {
        if (!event.wipeLocalData) {
          queryClient.clear();
          return;
        }
        notesFor(stores, client).getState().stop();
        void wipeLocalData(queryClient).finally(() => window.location.reload());
      }),
    [client, stores, queryClient],
  );
}

export function usePortalSession<T>(selector: (view: PortalSessionView) => T): T {
  const { stores } = useAppEnvironment();
  return useAppStore(portalSessionFor(stores), selector);
}
