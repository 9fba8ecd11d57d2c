/**
 * The settings form's draft and the pure rules around it: from host values to a draft, from a
 * draft to a SettingsUpdate, and instant validation with the same shared rules the host applies.
 *
 * Secrets are write-only: a draft starts with empty secret inputs, sends a secret only when the
 * agent typed one (or asked to remove it), and is reset to empty after saving.
 * Language and theme are not part of the draft: they apply at once (see appearanceActions).
 */
import {
  SECRET_NAMES,
  type SecretName,
  type SettingsUpdate,
  type SettingsValues,
  type SettingsView,
} from '../../../shared/contract/services/settingsService';
import { mergeSettings, validateSettings } from '../../../shared/domain/settingsValidation';
import type { FieldError } from '../../../shared/rpc/result';

export interface SecretDraft {
  /** What the agent typed; empty means "leave unchanged". */
  value: string;
  /** True when the agent asked to remove the stored secret. */
  clear: boolean;
}

export interface SettingsDraft {
  sip: Omit<SettingsValues['sip'], 'iceServers'>;
  /** One STUN/TURN URL per line. */
  iceServersText: string;
  portalUrl: string;
  providers: SettingsValues['providers'];
  audio: SettingsValues['audio'];
  updateFeedUrl: string;
  globalShortcuts: SettingsValues['globalShortcuts'];
  secrets: Record<SecretName, SecretDraft>;
}

const EMPTY_SECRET: SecretDraft = { value: '', clear: false };

export function draftFromValues(values: SettingsValues): SettingsDraft {
  const { iceServers, ...sip } = values.sip;
  return {
    sip,
    iceServersText: iceServers.join('\n'),
    portalUrl: values.portalUrl,
    providers: { ...values.providers },
    audio: { ...values.audio },
    updateFeedUrl: values.updateFeedUrl,
    globalShortcuts: { ...values.globalShortcuts },
    secrets: Object.fromEntries(SECRET_NAMES.map((name) => [name, EMPTY_SECRET])) as Record<
      SecretName,
      SecretDraft
    >,
  };
}

export function iceServersFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The update the Save button sends: every draft value, and only the secrets that changed. */
export function updateFromDraft(draft: SettingsDraft): SettingsUpdate {
  const secrets: NonNullable<SettingsUpdate['secrets']> = {};
  for (const name of SECRET_NAMES) {
    const secret = draft.secrets[name];
    if (secret.clear) secrets[name] = null;
    else if (secret.value !== '') secrets[name] = secret.value;
  }
  return {
    values: {
      sip: { ...draft.sip, iceServers: iceServersFromText(draft.iceServersText) },
      portalUrl: draft.portalUrl,
      providers: { ...draft.providers },
      audio: { ...draft.audio },
      updateFeedUrl: draft.updateFeedUrl,
      globalShortcuts: { ...draft.globalShortcuts },
    },
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
  };
}

/** Whether a SIP password exists once this draft is saved. */
export function sipPasswordWillBeSet(draft: SettingsDraft, view: SettingsView): boolean {
  const secret = draft.secrets.sipPassword;
  if (secret.clear) return false;
  return secret.value !== '' || view.secretsSet.sipPassword;
}

/** Instant field errors, from the same shared rules the host re-checks before saving. */
export function validateDraft(draft: SettingsDraft, view: SettingsView): FieldError[] {
  const merged = mergeSettings(view.values, updateFromDraft(draft));
  return validateSettings(merged, sipPasswordWillBeSet(draft, view)).fieldErrors;
}

/** The form field an error belongs to: list entries map to their list (`sip.iceServers.2`). */
export function fieldKeyOf(path: string): string {
  return path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

/** True when the draft differs from what the host holds (secrets typed count as changes). */
export function isDraftDirty(draft: SettingsDraft, values: SettingsValues): boolean {
  return JSON.stringify(draft) !== JSON.stringify(draftFromValues(values));
}
