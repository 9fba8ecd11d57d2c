/** The softphone's keyboard shortcuts (see useSoftphoneShortcuts and the README). */
import { useTranslation } from 'react-i18next';
import { SOFTPHONE_SHORTCUTS } from '../useSoftphoneShortcuts';

export function ShortcutLegend() {
  const { t } = useTranslation('softphone');
  return (
    <details className="softphone-shortcuts">
      <summary>{t('shortcuts.heading')}</summary>
      <dl>
        {SOFTPHONE_SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action}>
            <dt>
              <kbd>Alt</kbd>+<kbd>{shortcut.key}</kbd>
            </dt>
            <dd>{t(`shortcuts.${shortcut.action}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
