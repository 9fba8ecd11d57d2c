/**
 * The window's view of the portal session, kept in step with the host (`portal.getSession` and
 * `onSessionChanged`). The host holds the tokens; this store holds only who is logged in.
 * One store per window: {@link portalSessionFor} creates it on first use for the window's
 * AppStores, so tests with fresh stores get a fresh session view.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type {
  PortalRole,
  PortalSessionState,
} from '../../../shared/contract/services/portalService';
import type { AppStores } from '../../app/appStores';
import { createAppStore, type AppStore } from '../../app/state/appStore';
import type { Role } from '../../app/state/sessionStore';

export interface PortalSessionView {
  /** Undefined until the host answered. */
  session: PortalSessionState | undefined;
  /** The host has no portal service (e.g. an older host or a test host). */
  unavailable: boolean;
  setSession(session: PortalSessionState): void;
  setUnavailable(): void;
}

export type PortalSessionStore = AppStore<PortalSessionView>;

export function createPortalSessionStore(): PortalSessionStore {
  return createAppStore<PortalSessionView>((set) => ({
    session: undefined,
    unavailable: false,
    setSession: (session) => set({ session, unavailable: false }),
    setUnavailable: () => set({ unavailable: true }),
  }));
}

/**
 * The desk's roles for a portal role. The hierarchy of DOMAIN.md: supervisors and shift leads
 * also take calls; admins may do everything.
 */
export function rolesOfPortalRole(role: PortalRole): Role[] {
  switch (role) {
    case 'agent':
      return ['agent'];
    case 'supervisor':
      return ['agent', 'supervisor'];
    case 'shift-lead':
      return ['agent', 'shiftLead'];
    case 'admin':
      return ['agent', 'supervisor', 'shiftLead', 'admin'];
  }
}

const stores = new WeakMap<AppStores, PortalSessionStore>();

/** The window's portal session store (one per AppStores). */
export function portalSessionFor(appStores: AppStores): PortalSessionStore {
  let store = stores.get(appStores);
  if (!store) {
    store = createPortalSessionStore();
    stores.set(appStores, store);
  }
  return store;
}

/**
 * Loads the session and follows it; the frame's roles follow the logged-in user (none while
 * logged out). Returns a function that stops following.
 */
export function followPortalSession(
  client: Pick<AppClient, 'portal'>,
  appStores: AppStores,
): () => void {
  const store = portalSessionFor(appStores);
  const apply = (session: PortalSessionState): void => {
    store.getState().setSession(session);
    if (session.status === 'starting') return;
    appStores.session.getState().setRoles(session.user ? rolesOfPortalRole(session.user.role) : []);
  };
  const unsubscribe = client.portal.onSessionChanged(apply);
  void client.portal.getSession().then((result) => {
    if (result.ok) apply(result.value);
    // A host without the portal service keeps the frame's default roles.
    else if (result.error.code === 'unavailable' || result.error.code === 'unknown-method') {
      store.getState().setUnavailable();
    }
  });
  return unsubscribe;
}
