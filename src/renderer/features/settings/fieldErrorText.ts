/**
 * Turns a field error (from instant validation or the host) into a translated message. The
 * host's own messages are English developer text; the agent sees a message per field instead.
 */
import type { FieldError } from '../../../shared/rpc/result';
import { fieldKeyOf, type SettingsDraft } from './settingsDraft';

const MESSAGE_KEYS: Readonly<Record<string, string>> = {
  'sip.uri': 'settings:fieldErrors.sipUri',
  'sip.webSocketServer': 'settings:fieldErrors.webSocketUrl',
  'sip.iceServers': 'settings:fieldErrors.iceServers',
  'secrets.sipPassword': 'settings:fieldErrors.sipPasswordRequired',
  portalUrl: 'settings:fieldErrors.httpUrl',
  updateFeedUrl: 'settings:fieldErrors.httpUrl',
  'providers.openAiBaseUrl': 'settings:fieldErrors.httpUrl',
  'providers.deepgramBaseUrl': 'settings:fieldErrors.deepgramUrl',
  'globalShortcuts.answer': 'settings:fieldErrors.accelerator',
  'globalShortcuts.hangUp': 'settings:fieldErrors.accelerator',
  'globalShortcuts.mute': 'settings:fieldErrors.accelerator',
};

/** i18n key of the message for one field, given the draft (some rules depend on the value). */
export function fieldErrorMessageKey(fieldKey: string, draft: SettingsDraft): string {
  if (fieldKey === 'sip.webSocketServer' && draft.sip.webSocketServer.trim() === '') {
    return 'settings:fieldErrors.webSocketRequired';
  }
  return MESSAGE_KEYS[fieldKey] ?? 'settings:fieldErrors.invalid';
}

/**
 * The errors to show, one per field: instant errors for fields the agent has left (or all after
 * a save attempt), and the host's errors until the field is edited.
 */
export function visibleFieldErrors(options: {
  draft: SettingsDraft;
  instantErrors: readonly FieldError[];
  serverErrors: readonly FieldError[];
  touched: Readonly<Record<string, true>>;
  submitAttempted: boolean;
}): Record<string, string> {
  const visible: Record<string, string> = {};
  const add = (error: FieldError): void => {
    const fieldKey = fieldKeyOf(error.path);
    visible[fieldKey] ??= fieldErrorMessageKey(fieldKey, options.draft);
  };
  for (const error of options.serverErrors) add(error);
  for (const error of options.instantErrors) {
    if (options.submitAttempted || options.touched[fieldKeyOf(error.path)]) add(error);
  }
  return visible;
}
