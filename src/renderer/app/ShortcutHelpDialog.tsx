import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from './AppEnvironment';
import type { AreaDefinition } from './areaDefinition';
import { useAppStore } from './state/appStore';

/** The keyboard shortcut overlay (`?` or F1). Modal: the frame behind it is inert. */
export function ShortcutHelpDialog({ areas }: { areas: readonly AreaDefinition[] }) {
  const { stores } = useAppEnvironment();
  const open = useAppStore(stores.navigation, (state) => state.helpOpen);
  return open ? <ShortcutHelpContent areas={areas} /> : null;
}

function ShortcutHelpContent({ areas }: { areas: readonly AreaDefinition[] }) {
  const { t } = useTranslation('app');
  const { stores } = useAppEnvironment();
  const closeButton = useRef<HTMLButtonElement>(null);
  const close = (): void => stores.navigation.getState().setHelpOpen(false);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    // Give focus back to where the agent was, unless a shortcut already moved it elsewhere.
    return () => {
      if (document.activeElement === document.body || !document.activeElement) previous?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const rows: [string[], string][] = [
    ...areas.map((area, index): [string[], string] => [
      ['Alt', String(index + 1)],
      t('help.goTo', { area: t(area.titleKey) }),
    ]),
    [['?'], t('help.showHelp')],
    [['F1'], t('help.showHelp')],
    [['Esc'], t('help.closeDialog')],
    [['Tab'], t('help.nextControl')],
    [['↑', '↓'], t('help.navigationArrows')],
  ];

  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-help-title"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id="shortcut-help-title">{t('help.title')}</h2>
        <table className="shortcut-table">
          <thead>
            <tr>
              <th scope="col">{t('help.keys')}</th>
              <th scope="col">{t('help.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([keys, action]) => (
              <tr key={`${keys.join('+')} ${action}`}>
                <th scope="row">
                  {keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && (keys[0] === 'Alt' ? '+' : ' ')}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button type="button" ref={closeButton} onClick={close}>
            {t('help.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
