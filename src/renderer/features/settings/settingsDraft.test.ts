import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type SettingsView,
} from '../../../shared/contract/services/settingsService';
import {
  draftFromValues,
  fieldKeyOf,
  iceServersFromText,
  isDraftDirty,
  updateFromDraft,
  validateDraft,
} from './settingsDraft';

const view = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  values: DEFAULT_SETTINGS,
  secretsSet: { sipPassword: false, deepgramApiKey: false, openAiApiKey: false },
  secretStorage: 'user-only-file',
  ...overrides,
});

describe('settings draft', () => {
  it('sends no secret that was not typed, a typed one, and null to remove one', () => {
    const draft = draftFromValues(DEFAULT_SETTINGS);
    expect(updateFromDraft(draft).secrets).toBeUndefined();
    draft.secrets.deepgramApiKey = { value: 'dg-key', clear: false };
    draft.secrets.openAiApiKey = { value: '', clear: true };
    expect(updateFromDraft(draft).secrets).toEqual({
      deepgramApiKey: 'dg-key',
      openAiApiKey: null,
    });
  });

  it('never sends language or theme (they apply at once elsewhere)', () => {
    const values = updateFromDraft(draftFromValues(DEFAULT_SETTINGS)).values!;
    expect(values.language).toBeUndefined();
    expect(values.theme).toBeUndefined();
  });

  it('reads ICE servers one per line', () => {
    expect(iceServersFromText(' stun:a.example:3478 \n\nturn:b.example\n')).toEqual([
      'stun:a.example:3478',
      'turn:b.example',
    ]);
  });

  it('finds the same errors the host would', () => {
    const draft = draftFromValues(DEFAULT_SETTINGS);
    draft.sip.uri = 'sip:nohost';
    draft.sip.authorizationUser = '1001';
    draft.iceServersText = 'stun:ok.example\nhttp://wrong.example';
    const paths = validateDraft(draft, view()).map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'sip.uri',
        'sip.iceServers.1',
        'secrets.sipPassword',
        'sip.webSocketServer',
      ]),
    );
    expect(paths.map(fieldKeyOf)).toContain('sip.iceServers');
  });

  it('counts a stored password unless it is being removed', () => {
    const draft = draftFromValues(DEFAULT_SETTINGS);
    draft.sip.authorizationUser = '1001';
    const stored = view({
      secretsSet: { sipPassword: true, deepgramApiKey: false, openAiApiKey: false },
    });
    expect(validateDraft(draft, stored)).toEqual([]);
    draft.secrets.sipPassword = { value: '', clear: true };
    expect(validateDraft(draft, stored).map((error) => error.path)).toEqual([
      'secrets.sipPassword',
    ]);
  });

  it('knows when the draft differs from the host values', () => {
    const draft = draftFromValues(DEFAULT_SETTINGS);
    expect(isDraftDirty(draft, DEFAULT_SETTINGS)).toBe(false);
    draft.portalUrl = 'https://portal.example.org';
    expect(isDraftDirty(draft, DEFAULT_SETTINGS)).toBe(true);
  });
});
