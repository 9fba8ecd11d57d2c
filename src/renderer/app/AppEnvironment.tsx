/**
 * What every component may reach: the host client (through the platform module) and the
 * window's stores. Provided once by `App`; tests provide their own with fresh stores.
 */
import { createContext, useContext } from 'react';
import type { AppClient } from '../../shared/contract/appContract';
import type { RecordVault } from '../data/recordVault';
import type { Platform } from '../platform/platform';
import type { AppStores } from './appStores';

export interface AppEnvironment {
  platform: Platform;
  client: AppClient;
  stores: AppStores;
  /**
   * The window's RecordVault over the local database, opened on first use (it fetches the
   * host's wrapping key). Features store personal data at rest only through it.
   */
  recordVault(): Promise<RecordVault>;
}

export const AppEnvironmentContext = createContext<AppEnvironment | null>(null);

export function useAppEnvironment(): AppEnvironment {
  const environment = useContext(AppEnvironmentContext);
  if (!environment) throw new Error('useAppEnvironment needs an AppEnvironmentContext provider');
  return environment;
}

export function useAppClient(): AppClient {
  return useAppEnvironment().client;
}
