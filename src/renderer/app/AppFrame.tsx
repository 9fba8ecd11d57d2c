import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoveryNotice } from '../features/settings/RecoveryNotice';
import { useAppEnvironment } from './AppEnvironment';
import type { AreaDefinition } from './areaDefinition';
import { AreaView } from './AreaView';
import { ConnectionLostBanner } from './ConnectionLostBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { NavigationBar } from './NavigationBar';
import { ShortcutHelpDialog } from './ShortcutHelpDialog';
import { StatusBar } from './StatusBar';
import { useAppStore } from './state/appStore';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useHostSync } from './useHostSync';

/** Marks the first render of the frame, for the start-up measurement (scripts/measureWebShell). */
export const FRAME_RENDERED_MARK = 'empfang:frame-rendered';

/** Header, navigation, the areas, banners and the status bar. */
export function AppFrame({ areas }: { areas: readonly AreaDefinition[] }) {
  const { t } = useTranslation('app');
  const { stores } = useAppEnvironment();
  const helpOpen = useAppStore(stores.navigation, (state) => state.helpOpen);
  const activeArea = useAppStore(stores.navigation, (state) => state.activeArea);
  useHostSync();
  useGlobalShortcuts(areas);

  useEffect(() => {
    if (performance.getEntriesByName(FRAME_RENDERED_MARK).length === 0) {
      performance.mark(FRAME_RENDERED_MARK);
    }
  }, []);

  const skipToContent = (): void => document.getElementById('main-content')?.focus();

  return (
    <>
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          // Focus instead of following the fragment: the fragment also carries the start token.
          event.preventDefault();
          skipToContent();
        }}
      >
        {t('frame.skipToContent')}
      </a>
      <div className="app-frame" data-testid="app-frame" inert={helpOpen}>
        <header className="app-header">
          <span className="app-brand">{t('frame.productName')}</span>
          <div className="app-header-tools">
            <LanguageSwitch />
            <button
              type="button"
              className="help-button"
              aria-keyshortcuts="F1 Shift+?"
              onClick={() => stores.navigation.getState().setHelpOpen(true)}
            >
              {t('frame.shortcutHelp')}
            </button>
          </div>
        </header>
        <NavigationBar areas={areas} />
        <main id="main-content" className="app-main" tabIndex={-1}>
          <ConnectionLostBanner />
          {activeArea !== 'settings' && <RecoveryNotice />}
          {areas.map((area) => (
            <AreaView key={area.id} area={area} />
          ))}
        </main>
        <StatusBar />
      </div>
      <ShortcutHelpDialog areas={areas} />
    </>
  );
}
