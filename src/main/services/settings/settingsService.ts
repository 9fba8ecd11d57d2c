/**
 * The settings service: values in a JSON file in the data folder, secrets in a SecretStore.
 * MUST save nothing when any field fails; MUST never return secrets, only whether each is set.
 */
import {
  SECRET_NAMES,
  type SettingsUpdate,
  type SettingsValues,
  type SettingsView,
  type settingsService,
} from '../../../shared/contract/services/settingsService';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import { mergeSettings, validateSettings } from '../../../shared/domain/settingsValidation';
import { ServiceError } from '../../../shared/rpc/result';
import type { SecretStore } from '../secrets/secretStore';
import { loadSettingsFile, saveSettingsFile } from './settingsFile';

type SettingsDefinition = typeof settingsService;

export interface SettingsHost extends ServiceImplementation<SettingsDefinition> {
  /** Host-side read of current values for other services (never crosses to the renderer). */
  current(): SettingsValues;
  readSecret(name: (typeof SECRET_NAMES)[number]): Promise<string | undefined>;
  /** Resolves when every accepted update is on disk; hosts await it before they exit. */
  whenIdle(): Promise<void>;
}

export async function createSettingsService(options: {
  filePath: string;
  secrets: SecretStore;
}): Promise<SettingsHost> {
  const loaded = await loadSettingsFile(options.filePath);
  let values = loaded.values;
  let backupFileName = loaded.backupFileName;
  const events = new ServiceEvents<SettingsDefinition>();

  const view = async (): Promise<SettingsView> => {
    const secretsSet = { sipPassword: false, deepgramApiKey: false, openAiApiKey: false };
    for (const name of SECRET_NAMES) {
      secretsSet[name] = (await options.secrets.get(name)) !== undefined;
    }
    return {
      values,
      secretsSet,
      secretStorage: options.secrets.kind,
      ...(backupFileName ? { recoveredFromCorruptFile: { backupFileName } } : {}),
    };
  };

  const applyUpdate = async (change: SettingsUpdate): Promise<SettingsView> => {
    const merged = mergeSettings(values, change);
    const passwordChange = change.secrets?.sipPassword;
    // The account rule (auth user needs a password) is checked only when the account changes:
    // in RAM-only mode the password is gone after a restart, and that must not block e.g. a
    // language change.
    const touchesAccount = change.values?.sip !== undefined || passwordChange !== undefined;
    const passwordWillBeSet =
      !touchesAccount ||
      (passwordChange === undefined
        ? (await options.secrets.get('sipPassword')) !== undefined
        : passwordChange !== null && passwordChange !== '');
    const checked = validateSettings(merged, passwordWillBeSet);
    if (checked.fieldErrors.length > 0) {
      throw new ServiceError(
        'validation',
        'Settings not saved: fix the marked fields',
        checked.fieldErrors,
      );
    }
    await saveSettingsFile(options.filePath, checked.values);
    for (const name of SECRET_NAMES) {
      const secret = change.secrets?.[name];
      if (secret !== undefined) await options.secrets.set(name, secret === '' ? null : secret);
    }
    values = checked.values;
    const next = await view();
    events.emit('onDidChange', next);
    return next;
  };

  // Updates run one after another: each merges into the values the previous one saved, so two
  // windows (or two quick edits) can never overwrite each other's change.
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: SettingsUpdate): Promise<SettingsView> => {
    const next = queue.then(() => applyUpdate(change));
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    events,
    current: () => values,
    readSecret: (name) => options.secrets.get(name),
    whenIdle: () => queue.then(() => undefined),
    methods: {
      get: view,
      update,
      acknowledgeRecovery: async () => {
        backupFileName = undefined;
        const next = await view();
        events.emit('onDidChange', next);
        return next;
      },
    },
  };
}
