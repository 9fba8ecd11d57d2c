/**
 * Settings: the desk's configuration, kept by the host (main process or web shell host).
 *
 * Secrets (SIP password, provider keys) MUST NOT cross to the renderer: the view says only
 * whether each is set. An update that fails validation MUST save nothing and answer with
 * field-level errors.
 */
import { z } from 'zod';
import { defineMethod, defineService } from '../contractDefinition';

const optionalUrl = (protocols: readonly string[], label: string) =>
  z
    .string()
    .trim()
    .max(2048)
    .refine((value) => value === '' || hasProtocol(value, protocols), {
      message: `Must be a ${label} URL (${protocols.join(', ')}) or empty`,
    });

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** `sip:user@host[:port]`, user and host both required; empty means "not configured". */
const SIP_URI_PATTERN = /^sips?:[^@\s:;]+@[A-Za-z0-9.[\]:-]+(;[^\s]*)?$/;

export const SipSettingsSchema = z.object({
  uri: z
    .string()
    .trim()
    .max(256)
    .refine((value) => value === '' || SIP_URI_PATTERN.test(value), {
      message: 'A SIP URI needs a user and a host, e.g. sip:1001@pbx.example.org',
    }),
  webSocketServer: optionalUrl(['ws:', 'wss:'], 'WebSocket'),
  authorizationUser: z.string().trim().max(128),
  displayName: z.string().trim().max(128),
  iceServers: z.array(optionalUrl(['stun:', 'turn:', 'turns:'], 'STUN/TURN')).max(8),
});

export const ProviderSettingsSchema = z.object({
  deepgramBaseUrl: optionalUrl(['https:', 'wss:', 'http:', 'ws:'], 'Deepgram'),
  deepgramLanguage: z.string().trim().max(16),
  openAiBaseUrl: optionalUrl(['https:', 'http:'], 'OpenAI-compatible'),
  openAiModel: z.string().trim().max(128),
});

export const AudioSettingsSchema = z.object({
  microphoneId: z.string().max(256),
  speakerId: z.string().max(256),
  ringerId: z.string().max(256),
});

export const LANGUAGES = ['de', 'en'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/** What a global shortcut (Electron, window not focused) does at the desk. */
export const GLOBAL_SHORTCUT_ACTIONS = ['answer', 'hangUp', 'mute'] as const;
export type GlobalShortcutAction = (typeof GLOBAL_SHORTCUT_ACTIONS)[number];

/**
 * An Electron accelerator with at least one modifier ("CommandOrControl+Alt+A"), or "" = off.
 * A bare key would be taken from every other program on the computer, so it is refused.
 */
export const AcceleratorSchema = z
  .string()
  .max(64)
  .regex(
    /^$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+){1,4}([A-Z0-9]|F([1-9]|1\d|2[0-4])|Space|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert|Delete|Backspace|Tab|Escape|Plus)$/,
    'An accelerator like CommandOrControl+Alt+A, with at least one modifier',
  );

export const GlobalShortcutsSchema = z.object({
  answer: AcceleratorSchema,
  hangUp: AcceleratorSchema,
  mute: AcceleratorSchema,
});
export type GlobalShortcuts = z.infer<typeof GlobalShortcutsSchema>;

/** Ctrl+Alt (Cmd+Alt on macOS) with the letters of the in-window keys (Alt+A, Alt+E, Alt+M). */
export const DEFAULT_GLOBAL_SHORTCUTS: GlobalShortcuts = {
  answer: 'CommandOrControl+Alt+A',
  hangUp: 'CommandOrControl+Alt+E',
  mute: 'CommandOrControl+Alt+M',
};

export const SettingsValuesSchema = z.object({
  sip: SipSettingsSchema,
  portalUrl: optionalUrl(['https:', 'http:'], 'portal'),
  providers: ProviderSettingsSchema,
  audio: AudioSettingsSchema,
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  updateFeedUrl: optionalUrl(['https:', 'http:'], 'update feed'),
  /** Added later: a settings file without it gets the defaults. */
  globalShortcuts: GlobalShortcutsSchema.default(DEFAULT_GLOBAL_SHORTCUTS),
});
export type SettingsValues = z.infer<typeof SettingsValuesSchema>;

export const SECRET_NAMES = ['sipPassword', 'deepgramApiKey', 'openAiApiKey'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** How strongly the host protects secrets; the UI tells the agent. */
export const SECRET_STORAGE_KINDS = ['os-key-store', 'user-only-file', 'memory-only'] as const;

export const SettingsViewSchema = z.object({
  values: SettingsValuesSchema,
  secretsSet: z.object({
    sipPassword: z.boolean(),
    deepgramApiKey: z.boolean(),
    openAiApiKey: z.boolean(),
  }),
  secretStorage: z.enum(SECRET_STORAGE_KINDS),
  /** Set when the settings file was unreadable: the app runs on defaults, the file was kept. */
  recoveredFromCorruptFile: z.object({ backupFileName: z.string() }).optional(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

const secretInput = z.union([z.string().max(4096), z.null()]).optional();

export const SettingsUpdateSchema = z.object({
  values: z
    .object({
      sip: SipSettingsSchema.partial().optional(),
      portalUrl: z.string().optional(),
      providers: ProviderSettingsSchema.partial().optional(),
      audio: AudioSettingsSchema.partial().optional(),
      language: z.enum(LANGUAGES).optional(),
      theme: z.enum(THEMES).optional(),
      updateFeedUrl: z.string().optional(),
      globalShortcuts: GlobalShortcutsSchema.partial().optional(),
    })
    .optional(),
  /** A string sets a secret, null clears it, absent leaves it unchanged. */
  secrets: z
    .object({ sipPassword: secretInput, deepgramApiKey: secretInput, openAiApiKey: secretInput })
    .optional(),
});
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

export const DEFAULT_SETTINGS: SettingsValues = {
  sip: { uri: '', webSocketServer: '', authorizationUser: '', displayName: '', iceServers: [] },
  portalUrl: '',
  providers: { deepgramBaseUrl: '', deepgramLanguage: 'de', openAiBaseUrl: '', openAiModel: '' },
  audio: { microphoneId: '', speakerId: '', ringerId: '' },
  language: 'de',
  theme: 'system',
  updateFeedUrl: '',
  globalShortcuts: DEFAULT_GLOBAL_SHORTCUTS,
};

export const settingsService = defineService({
  methods: {
    get: defineMethod(z.tuple([]), SettingsViewSchema),
    update: defineMethod(z.tuple([SettingsUpdateSchema]), SettingsViewSchema),
    /** Forgets the backup notice after the agent has read it. */
    acknowledgeRecovery: defineMethod(z.tuple([]), SettingsViewSchema),
  },
  events: {
    onDidChange: SettingsViewSchema,
  },
});
