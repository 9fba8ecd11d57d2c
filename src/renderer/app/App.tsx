/**
 * The connected app: providers (i18n, react-query, the app environment) around the frame.
 * Everything stateful is created here per window; tests pass their own stores and clients.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
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
}

export function App(props: AppProps) {
  const areas = props.areas ?? AREAS;
  const [queryClient] = useState(() => props.queryClient ?? createAppQueryClient());
  const [environment] = useState<AppEnvironment>(() => ({
    platform: props.platform,
    client: props.platform.client,
    stores: props.stores ?? createAppStores({ areas }),
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
