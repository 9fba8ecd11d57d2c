/**
 * The window's stores, made fresh by one factory (tests call it per test). A feature whose
 * state must outlive its component (a half-filled form, a running call) adds its store here.
 */
import {
  createSettingsFormStore,
  type SettingsFormStore,
} from '../features/settings/settingsFormStore';
import { createNavigationStore, type NavigationStore } from './state/navigationStore';
import { createSessionStore, type Role, type SessionStore } from './state/sessionStore';
import { createStatusStore, type StatusStore } from './state/statusStore';

export interface AppStores {
  session: SessionStore;
  status: StatusStore;
  navigation: NavigationStore;
  settingsForm: SettingsFormStore;
}

export interface AppStoresOptions {
  areas: readonly { id: string; mountAtStart?: boolean }[];
  roles?: readonly Role[];
}

export function createAppStores(options: AppStoresOptions): AppStores {
  const first = options.areas[0]?.id ?? 'settings';
  const mountAtStart = options.areas.filter((area) => area.mountAtStart).map((area) => area.id);
  return {
    session: createSessionStore(options.roles),
    status: createStatusStore(),
    navigation: createNavigationStore(first, mountAtStart),
    settingsForm: createSettingsFormStore(),
  };
}
