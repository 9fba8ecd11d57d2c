import { useQueryClient } from '@tanstack/react-query';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../shared/contract/services/settingsService';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { AudioDeviceFields } from './AudioDeviceFields';
import { visibleFieldErrors } from './fieldErrorText';
import { saveSettings } from './saveSettings';
import { SecretField } from './SecretField';
import { SecretStorageNotice } from './SecretStorageNotice';
import { isDraftDirty, validateDraft, type SettingsDraft } from './settingsDraft';
import { fieldId, TextField } from './TextField';

type Section = 'sip' | 'providers' | 'audio' | 'globalShortcuts';

/** The connection settings form: validated instantly, saved as a whole, nothing saved on error. */
export function SettingsForm({ view }: { view: SettingsView }) {
  const { t } = useTranslation('settings');
  const { client, stores } = useAppEnvironment();
  const queryClient = useQueryClient();
  const store = stores.settingsForm;
  const draft = useAppStore(store, (state) => state.draft);
  const touched = useAppStore(store, (state) => state.touched);
  const submitAttempted = useAppStore(store, (state) => state.submitAttempted);
  const serverErrors = useAppStore(store, (state) => state.serverErrors);
  const saveState = useAppStore(store, (state) => state.saveState);
  const failureKey = useAppStore(store, (state) => state.failureKey);
  const baseline = useAppStore(store, (state) => state.baseline);

  const instantErrors = useMemo(() => (draft ? validateDraft(draft, view) : []), [draft, view]);
  if (!draft) return null;
  const errors = visibleFieldErrors({
    draft,
    instantErrors,
    serverErrors,
    touched,
    submitAttempted,
  });
  const dirty = baseline ? isDraftDirty(draft, baseline) : false;

  const edit = (fieldKey: string, change: (current: SettingsDraft) => SettingsDraft) =>
    store.getState().edit(change, fieldKey);
  const touch = (fieldKey: string) => () => store.getState().touch(fieldKey);
  const text = <S extends Section>(
    section: S,
    key: keyof SettingsDraft[S] & string,
    label: string,
    extra: { placeholder?: string; hint?: string; type?: 'url' } = {},
  ) => {
    const fieldKey = `${section}.${key}`;
    return (
      <TextField
        fieldKey={fieldKey}
        label={label}
        value={String(draft[section][key])}
        errorKey={errors[fieldKey]}
        onBlur={touch(fieldKey)}
        onChange={(value) =>
          edit(fieldKey, (current) => ({
            ...current,
            [section]: { ...current[section], [key]: value },
          }))
        }
        {...extra}
      />
    );
  };
  const topLevel = (key: 'portalUrl' | 'updateFeedUrl', label: string, placeholder: string) => (
    <TextField
      fieldKey={key}
      label={label}
      type="url"
      placeholder={placeholder}
      value={draft[key]}
      errorKey={errors[key]}
      onBlur={touch(key)}
      onChange={(value) => edit(key, (current) => ({ ...current, [key]: value }))}
    />
  );
  const secret = (name: keyof SettingsDraft['secrets'], label: string) => {
    const fieldKey = `secrets.${name}`;
    return (
      <SecretField
        fieldKey={fieldKey}
        label={label}
        isSet={view.secretsSet[name]}
        draft={draft.secrets[name]}
        errorKey={errors[fieldKey]}
        onBlur={touch(fieldKey)}
        onChange={(next) =>
          edit(fieldKey, (current) => ({
            ...current,
            secrets: { ...current.secrets, [name]: next },
          }))
        }
      />
    );
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await saveSettings({ client, queryClient, store, view });
  };
  const errorFields = Object.keys(errors);

  return (
    <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
      {saveState === 'failed' && (
        <div className="banner banner-error" role="alert" data-testid="settings-not-saved">
          <p>
            <strong>{t('save.notSavedTitle')}</strong>{' '}
            {failureKey ? t(failureKey) : t('save.fixFields')}
          </p>
          {errorFields.length > 0 && (
            <ul className="error-summary">
              {errorFields.map((fieldKey) => (
                <li key={fieldKey}>
                  <a
                    href={`#${fieldId(fieldKey)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(fieldKey))?.focus();
                    }}
                  >
                    {t(`fields.${fieldKey}`)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset className="settings-section">
        <legend>{t('sections.sip')}</legend>
        {text('sip', 'uri', t('fields.sip.uri'), { placeholder: 'sip:1001@pbx.example.org' })}
        {text('sip', 'webSocketServer', t('fields.sip.webSocketServer'), {
          placeholder: 'wss://pbx.example.org:8089/ws',
          type: 'url',
        })}
        {text('sip', 'authorizationUser', t('fields.sip.authorizationUser'), {
          hint: t('hints.authorizationUser'),
        })}
        {secret('sipPassword', t('fields.secrets.sipPassword'))}
        {text('sip', 'displayName', t('fields.sip.displayName'))}
        <TextField
          fieldKey="sip.iceServers"
          label={t('fields.sip.iceServers')}
          multiline
          hint={t('hints.iceServers')}
          placeholder="stun:stun.example.org:3478"
          value={draft.iceServersText}
          errorKey={errors['sip.iceServers']}
          onBlur={touch('sip.iceServers')}
          onChange={(value) =>
            edit('sip.iceServers', (current) => ({ ...current, iceServersText: value }))
          }
        />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.portal')}</legend>
        {topLevel('portalUrl', t('fields.portalUrl'), 'https://portal.example.org')}
        {topLevel(
          'updateFeedUrl',
          t('fields.updateFeedUrl'),
          'https://updates.example.org/empfang',
        )}
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.providers')}</legend>
        <p className="form-hint">{t('hints.providers')}</p>
        {text('providers', 'deepgramBaseUrl', t('fields.providers.deepgramBaseUrl'), {
          placeholder: 'wss://api.deepgram.com',
          type: 'url',
        })}
        {secret('deepgramApiKey', t('fields.secrets.deepgramApiKey'))}
        {text('providers', 'deepgramLanguage', t('fields.providers.deepgramLanguage'), {
          placeholder: 'de',
        })}
        {text('providers', 'openAiBaseUrl', t('fields.providers.openAiBaseUrl'), {
          placeholder: 'https://api.openai.com/v1',
          type: 'url',
        })}
        {secret('openAiApiKey', t('fields.secrets.openAiApiKey'))}
        {text('providers', 'openAiModel', t('fields.providers.openAiModel'))}
        <SecretStorageNotice kind={view.secretStorage} />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.audio')}</legend>
        <AudioDeviceFields
          audio={draft.audio}
          onChange={(key, deviceId) =>
            edit(`audio.${key}`, (current) => ({
              ...current,
              audio: { ...current.audio, [key]: deviceId },
            }))
          }
        />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.globalShortcuts')}</legend>
        <p className="form-hint">{t('hints.globalShortcuts')}</p>
        {text('globalShortcuts', 'answer', t('fields.globalShortcuts.answer'), {
          placeholder: 'CommandOrControl+Alt+A',
        })}
        {text('globalShortcuts', 'hangUp', t('fields.globalShortcuts.hangUp'), {
          placeholder: 'CommandOrControl+Alt+E',
        })}
        {text('globalShortcuts', 'mute', t('fields.globalShortcuts.mute'), {
          placeholder: 'CommandOrControl+Alt+M',
        })}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={saveState === 'saving'}>
          {saveState === 'saving' ? t('save.saving') : t('save.save')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!dirty || saveState === 'saving'}
          onClick={() => store.getState().discard()}
        >
          {t('save.discard')}
        </button>
        <span className="form-status" role="status">
          {saveState === 'saved' ? t('save.saved') : dirty ? t('save.unsaved') : ''}
        </span>
      </div>
    </form>
  );
}
