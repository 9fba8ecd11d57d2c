import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from './AppEnvironment';
import type { AreaDefinition } from './areaDefinition';
import { useAppStore } from './state/appStore';
import { hasAnyRole } from './state/sessionStore';

/** The work areas as a vertical list; arrow keys move between entries, Enter opens one. */
export function NavigationBar({ areas }: { areas: readonly AreaDefinition[] }) {
  const { t } = useTranslation('app');
  const { stores } = useAppEnvironment();
  const activeArea = useAppStore(stores.navigation, (state) => state.activeArea);
  const roles = useAppStore(stores.session, (state) => state.currentRoles);

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>): void => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    const edge = { Home: 0, End: -1 }[event.key];
    if (step === undefined && edge === undefined) return;
    const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      edge === undefined
        ? (current + step! + buttons.length) % buttons.length
        : (edge + buttons.length) % buttons.length;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <nav className="app-navigation" aria-label={t('frame.navigationLabel')}>
      <ul onKeyDown={moveFocus}>
        {areas.map((area, index) => {
          const locked = !hasAnyRole(roles, area.requiredRoles);
          return (
            <li key={area.id}>
              <button
                type="button"
                className="navigation-item"
                data-area={area.id}
                aria-current={area.id === activeArea ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                onClick={() => stores.navigation.getState().showArea(area.id)}
              >
                <span className="navigation-label">{t(area.titleKey)}</span>
                {locked && <span className="navigation-locked">{t('frame.locked')}</span>}
                <kbd className="navigation-shortcut" aria-hidden="true">
                  Alt+{index + 1}
                </kbd>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
