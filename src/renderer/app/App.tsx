/**
 * The connected app: providers (i18n, react-query, the app environment) around the frame.
 * Everything stateful is created here per window; tests pass their own stores and clients.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createLocalDatabase, type LocalDatabase } from '../data/localDatabase';
import { createRecordVault, type RecordVault } from '../data/recordVault';
import type { Platform } from '../platform/platform';
import { AppEnvironmentContext, type AppEnvironment } from './AppEnvironment';
import { AppFrame } from './AppFrame';
import type { AreaDefinition } from './areaDefinition';
import { AREAS } from './areas';
import { createAppQueryClient } from './createAppQueryClient';
import { createAppStores, type AppStores } from './appStores';

export interface AppProps {
  platform: Platform;
  i18n: I18n;
  areas?: readonly AreaDefinition[];
  stores?: AppStores;
  queryClient?: QueryClient;
  /** The local database; tests pass one with their own name. */
  database?: LocalDatabase;
}

export function App(props: AppProps) {
  const areas = props.areas ?? AREAS;
  const [queryClient] = useState(() => props.queryClient ?? createAppQueryClient());
  const [environment] = useState<AppEnvironment>(() => ({
    platform: props.platform,
    client: props.platform.client,
    stores: props.stores ?? createAppStores({ areas }),
    recordVault: openOnce(() =>
      createRecordVault(props.database ?? createLocalDatabase(), props.platform.client),
    ),
  }));
  return (
    <I18nextProvider i18n={props.i18n}>
      <QueryClientProvider client={queryClient}>
        <AppEnvironmentContext.Provider value={environment}>
          <AppFrame areas={areas} />
        </AppEnvironmentContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** Opens the vault on first use and shares it; a failed attempt may be retried. */
function openOnce(open: () => Promise<RecordVault>): () => Promise<RecordVault> {
  let opening: Promise<RecordVault> | undefined;
  return () => {
    opening ??= open().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}
