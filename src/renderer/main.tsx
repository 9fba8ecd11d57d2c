/**
 * Renderer entry: translate from the first paint, connect to the host through the platform
 * module, then show either the app or a clear connection error (never a blank page).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './app/app.css';
import { App } from './app/App';
import { ConnectionErrorScreen } from './app/ConnectionErrorScreen';
import { StartingScreen } from './app/StartingScreen';
import { applyRememberedTheme } from './app/theme';
import { createI18n, readRememberedLanguage } from './i18n/createI18n';
import { connectPlatform } from './platform/platform';

async function start(): Promise<void> {
  applyRememberedTheme();
  const i18n = createI18n(readRememberedLanguage());
  document.documentElement.lang = i18n.language;
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <I18nextProvider i18n={i18n}>
      <StartingScreen />
    </I18nextProvider>,
  );
  const connection = await connectPlatform();
  if (!connection.ok) {
    root.render(
      <I18nextProvider i18n={i18n}>
        <ConnectionErrorScreen failure={connection.failure} />
      </I18nextProvider>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <App platform={connection.platform} i18n={i18n} />
    </StrictMode>,
  );
}

void start();
