/**
 * The window's notes store, created on first use per AppStores (so every window and every test
 * with fresh stores gets its own), with the logged-in user taken from the portal session view.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { AppStores } from '../../app/appStores';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { portalSessionFor } from '../login/portalSessionStore';
import { createNotesStore, type NotesStore } from './notesStore';

const stores = new WeakMap<AppStores, NotesStore>();

export function notesFor(
  appStores: AppStores,
  client: Pick<AppClient, 'portal' | 'vault'>,
): NotesStore {
  let store = stores.get(appStores);
  if (!store) {
    const session = portalSessionFor(appStores);
    store = createNotesStore({
      client,
      currentUserId: () => session.getState().session?.user?.id ?? null,
    });
    stores.set(appStores, store);
  }
  return store;
}

/** The notes store of the component's window. */
export function useNotesStore(): NotesStore {
  const { stores: appStores, client } = useAppEnvironment();
  return notesFor(appStores, client);
}
