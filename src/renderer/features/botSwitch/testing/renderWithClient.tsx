/**
 * Renders a bot switch component with a hand-made client (only the services the test needs),
 * German texts, fresh stores and a react-query client without retries.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { AppClient } from '../../../../shared/contract/appContract';
import { AppEnvironmentContext, type AppEnvironment } from '../../../app/AppEnvironment';
import { createAppStores } from '../../../app/appStores';
import { createI18n } from '../../../i18n/createI18n';

export function renderWithClient(element: ReactElement, partialClient: object) {
  const client = partialClient as AppClient;
  const environment: AppEnvironment = {
    platform: { shell: 'web', client, onDisconnect: () => () => undefined },
    client,
    stores: createAppStores({ areas: [] }),
    recordVault: () => Promise.reject(new Error('not used')),
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n('de')}>
      <QueryClientProvider client={queryClient}>
        <AppEnvironmentContext.Provider value={environment}>
          {element}
        </AppEnvironmentContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
