import { readFile, rename } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  DEFAULT_SETTINGS,
  SettingsValuesSchema,
  type SettingsValues,
} from '../../../shared/contract/services/settingsService';
import { writeFileAtomically } from '../secrets/atomicFile';

export interface LoadedSettings {
  values: SettingsValues;
  /** Set when the file existed but was unreadable; it was kept under this name. */
  backupFileName?: string;
}

/**
 * Reads the settings file. A missing file gives defaults. A corrupt or hand-edited file that
 * fails the schema gives defaults too, and is moved aside as a backup (never deleted), so the
 * agent can recover what they had.
 */
export async function loadSettingsFile(path: string, now = new Date()): Promise<LoadedSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: DEFAULT_SETTINGS };
    throw error;
  }
  try {
    const parsed = SettingsValuesSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { values: parsed.data };
  } catch {
    // Not JSON: handled below like a schema failure.
  }
  const backupPath = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, backupPath);
  return { values: DEFAULT_SETTINGS, backupFileName: basename(backupPath) };
}

export async function saveSettingsFile(path: string, values: SettingsValues): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(values, null, 2)}\n`);
}
