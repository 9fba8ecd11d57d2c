/**
 * Renders a feature component with what the desk's components expect: an AppEnvironment with
 * fresh stores and a client whose portal and vault come from {@link PortalClientFake}, i18n
 * (German) and a react-query client.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { AppClient } from '../../../../shared/contract/appContract';
import { AppEnvironmentContext, type AppEnvironment } from '../../../app/AppEnvironment';
import { createAppStores } from '../../../app/appStores';
import { createI18n } from '../../../i18n/createI18n';
import { portalSessionFor } from '../../login/portalSessionStore';
import type { PortalClientFake } from './portalClientFake';

export function renderWithDesk(
  element: ReactElement,
  fake: PortalClientFake,
  /** Runs before the first render, e.g. to provide a softphone for the environment. */
  prepare?: (environment: AppEnvironment) => void,
) {
  const stores = createAppStores({ areas: [] });
  portalSessionFor(stores).getState().setSession(fake.session);
  const client = fake.client as unknown as AppClient;
  const environment: AppEnvironment = {
    platform: { shell: 'web', client, onDisconnect: () => () => undefined },
    client,
    stores,
    recordVault: () => Promise.reject(new Error('not used by these features')),
  };
  prepare?.(environment);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const i18n = createI18n('de');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AppEnvironmentContext.Provider value={environment}>
          {element}
        </AppEnvironmentContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { view, stores, environment, queryClient };
}
