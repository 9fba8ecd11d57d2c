/**
 * Renders the whole app against an in-memory host (AppHostFake) with fresh stores, i18n and
 * query client, as main.tsx does after a successful connection.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { App } from '../app/App';
import type { AreaDefinition } from '../app/areaDefinition';
import { AREAS } from '../app/areas';
import { createAppStores } from '../app/appStores';
import type { Role } from '../app/state/sessionStore';
import { createI18n } from '../i18n/createI18n';
import { createAppHostFake, type AppHostFakeOptions } from './appHostFake';

export async function renderApp(
  options: AppHostFakeOptions & { roles?: readonly Role[]; areas?: readonly AreaDefinition[] } = {},
) {
  const host = createAppHostFake(options);
  const areas = options.areas ?? AREAS;
  const stores = createAppStores({ areas, roles: options.roles });
  const i18n = createI18n('de');
  const view = render(<App platform={host.platform} i18n={i18n} stores={stores} areas={areas} />);
  // The frame is ready once the host's settings arrived (the status bar shows the shell).
  await screen.findByText(/Browser-Version|Browser version/);
  await waitFor(() => expect(stores.settingsForm.getState().draft).toBeDefined());
  return { host, stores, i18n, view };
}
