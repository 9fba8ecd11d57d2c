import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/services/settingsService';

const KEYS: Record<SettingsView['secretStorage'], { key: string; level: string }> = {
  'os-key-store': { key: 'secretStorage.osKeyStore', level: 'info' },
  'user-only-file': { key: 'secretStorage.userOnlyFile', level: 'warning' },
  'memory-only': { key: 'secretStorage.memoryOnly', level: 'warning' },
};

/** How strongly this host protects passwords and keys (SECURITY.md rule 5: say so in the UI). */
export function SecretStorageNotice({ kind }: { kind: SettingsView['secretStorage'] }) {
  const { t } = useTranslation('settings');
  const { key, level } = KEYS[kind];
  return (
    <p className={`notice notice-${level}`} data-secret-storage={kind}>
      {t(key)}
    </p>
  );
}
