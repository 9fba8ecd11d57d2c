/**
 * Pure settings rules shared by the settings form (instant field errors) and the host service
 * (the authority: it re-checks everything before saving).
 */
import {
  SettingsValuesSchema,
  type SettingsUpdate,
  type SettingsValues,
} from '../contract/services/settingsService';
import { fieldErrorsFromZod, type FieldError } from '../rpc/result';

/** Applies a partial update to complete values; the result is not yet validated. */
export function mergeSettings(current: SettingsValues, update: SettingsUpdate): SettingsValues {
  const values = update.values ?? {};
  return {
    sip: { ...current.sip, ...values.sip },
    portalUrl: values.portalUrl ?? current.portalUrl,
    providers: { ...current.providers, ...values.providers },
    audio: { ...current.audio, ...values.audio },
    language: values.language ?? current.language,
    theme: values.theme ?? current.theme,
    updateFeedUrl: values.updateFeedUrl ?? current.updateFeedUrl,
    globalShortcuts: { ...current.globalShortcuts, ...values.globalShortcuts },
  };
}

/**
 * Validates complete values. `sipPasswordWillBeSet` says whether a password exists after the
 * update, because "auth user set, password empty" is an error that spans values and secrets.
 */
export function validateSettings(
  values: SettingsValues,
  sipPasswordWillBeSet: boolean,
): { values: SettingsValues; fieldErrors: FieldError[] } {
  const parsed = SettingsValuesSchema.safeParse(values);
  const fieldErrors = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
  if (values.sip.authorizationUser.trim() !== '' && !sipPasswordWillBeSet) {
    fieldErrors.push({
      path: 'secrets.sipPassword',
      message: 'A password is required when an authorization user is set',
    });
  }
  if (values.sip.uri !== '' && values.sip.webSocketServer === '') {
    fieldErrors.push({
      path: 'sip.webSocketServer',
      message: 'A WebSocket server is required when a SIP URI is set',
    });
  }
  return { values: parsed.success ? parsed.data : values, fieldErrors };
}
