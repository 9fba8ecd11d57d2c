/**
 * The settings feature's store: the form draft survives switching areas, and the host's field
 * errors stay beside the fields they belong to until the agent edits them.
 *
 * Save states: idle ─save→ saving ─ok→ saved
 *                                 └─error→ failed ─edit/save→ …
 */
import type { FieldError } from '../../../shared/rpc/result';
import type { SettingsValues } from '../../../shared/contract/services/settingsService';
import { createAppStore, type AppStore } from '../../app/state/appStore';
import { draftFromValues, fieldKeyOf, isDraftDirty, type SettingsDraft } from './settingsDraft';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface SettingsFormState {
  draft: SettingsDraft | undefined;
  /** The host values the draft started from. */
  baseline: SettingsValues | undefined;
  touched: Readonly<Record<string, true>>;
  submitAttempted: boolean;
  serverErrors: readonly FieldError[];
  saveState: SaveState;
  /** i18n key of a failure that belongs to no field (e.g. host unreachable). */
  failureKey: string | undefined;
  /** Takes new host values: resets an untouched draft, keeps one the agent is editing. */
  receiveValues(values: SettingsValues): void;
  edit(change: (draft: SettingsDraft) => SettingsDraft, fieldKey: string): void;
  touch(fieldKey: string): void;
  discard(): void;
  beginSave(): void;
  saved(values: SettingsValues): void;
  failed(serverErrors: readonly FieldError[], failureKey?: string): void;
}

export type SettingsFormStore = AppStore<SettingsFormState>;

export function createSettingsFormStore(): SettingsFormStore {
  return createAppStore<SettingsFormState>((set, get) => ({
    draft: undefined,
    baseline: undefined,
    touched: {},
    submitAttempted: false,
    serverErrors: [],
    saveState: 'idle',
    failureKey: undefined,
    receiveValues: (values) => {
      const { draft, baseline } = get();
      if (draft && baseline && isDraftDirty(draft, baseline)) {
        set({ baseline: values });
        return;
      }
      set({ draft: draftFromValues(values), baseline: values });
    },
    edit: (change, fieldKey) =>
      set((state) => ({
        draft: state.draft ? change(state.draft) : state.draft,
        serverErrors: state.serverErrors.filter((error) => fieldKeyOf(error.path) !== fieldKey),
        saveState: state.saveState === 'saved' ? 'idle' : state.saveState,
      })),
    touch: (fieldKey) =>
      set((state) =>
        state.touched[fieldKey] ? state : { touched: { ...state.touched, [fieldKey]: true } },
      ),
    discard: () => {
      const { baseline } = get();
      if (!baseline) return;
      set({
        draft: draftFromValues(baseline),
        touched: {},
        submitAttempted: false,
        serverErrors: [],
        saveState: 'idle',
        failureKey: undefined,
      });
    },
    beginSave: () => set({ saveState: 'saving', submitAttempted: true, failureKey: undefined }),
    saved: (values) =>
      set({
        draft: draftFromValues(values),
        baseline: values,
        touched: {},
        submitAttempted: false,
        serverErrors: [],
        saveState: 'saved',
        failureKey: undefined,
      }),
    failed: (serverErrors, failureKey) => set({ saveState: 'failed', serverErrors, failureKey }),
  }));
}
