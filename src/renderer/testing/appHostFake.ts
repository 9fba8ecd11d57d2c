/**
 * An in-memory host for renderer tests: the real contract client and RPC server over the
 * in-memory protocol pair, with services that keep settings in memory and apply the same shared
 * validation as the real settings service. Secrets are stored but, as in the real host, never
 * returned — the fake records them only so tests can assert what was sent.
 */
import { APP_CONTRACT, type AppClient, type AppServices } from '../../shared/contract/appContract';
import { noEvents, ServiceEvents } from '../../shared/contract/serviceEvents';
import {
  DEFAULT_SETTINGS,
  SECRET_NAMES,
  type SecretName,
  type settingsService,
  type SettingsValues,
  type SettingsView,
} from '../../shared/contract/services/settingsService';
import type { UpdateStatus } from '../../shared/contract/services/updateService';
import { mergeSettings, validateSettings } from '../../shared/domain/settingsValidation';
import { createInMemoryProtocolPair } from '../../shared/rpc/inMemoryProtocolPair';
import { ServiceError } from '../../shared/rpc/result';
import { createContractClient } from '../../shared/rpc/rpcClient';
import type { RpcProtocol } from '../../shared/rpc/rpcProtocol';
import { serveContract } from '../../shared/rpc/rpcServer';
import type { Platform } from '../platform/platform';

export interface AppHostFakeOptions {
  values?: Partial<SettingsValues>;
  secretStorage?: SettingsView['secretStorage'];
  backupFileName?: string;
}

export interface AppHostFake {
  platform: Platform;
  client: AppClient;
  secrets: Map<SecretName, string>;
  updateCalls: number;
  current(): SettingsValues;
  /** Simulates the host going away (socket closed). */
  disconnect(): void;
}

export function createAppHostFake(options: AppHostFakeOptions = {}): AppHostFake {
  let values: SettingsValues = { ...DEFAULT_SETTINGS, ...options.values };
  let backupFileName = options.backupFileName;
  const secrets = new Map<SecretName, string>();
  const events = new ServiceEvents<typeof settingsService>();
  const wrappingKey = crypto.getRandomValues(new Uint8Array(32));
  const view = (): SettingsView => ({
    values,
    secretsSet: {
      sipPassword: secrets.has('sipPassword'),
      deepgramApiKey: secrets.has('deepgramApiKey'),
      openAiApiKey: secrets.has('openAiApiKey'),
    },
    secretStorage: options.secretStorage ?? 'user-only-file',
    ...(backupFileName ? { recoveredFromCorruptFile: { backupFileName } } : {}),
  });
  const updateStatus: UpdateStatus = { state: 'unsupported', deferredForCall: false };
  const fake: AppHostFake = {
    secrets,
    updateCalls: 0,
    current: () => values,
    platform: undefined as unknown as Platform,
    client: undefined as unknown as AppClient,
    disconnect: () => pair.client.close(),
  };
  const known: Partial<AppServices> = {
    system: {
      events: noEvents(),
      methods: {
        getInfo: async () => ({
          shell: 'web',
          appVersion: '0.0.0-test',
          platform: 'test',
          capabilities: { updates: false, osNotifications: false },
        }),
        echoBinary: async (bytes) => bytes,
      },
    },
    settings: {
      events,
      methods: {
        get: async () => view(),
        update: async (change) => {
          fake.updateCalls += 1;
          const merged = mergeSettings(values, change);
          const password = change.secrets?.sipPassword;
          const passwordWillBeSet =
            password === undefined ? secrets.has('sipPassword') : !!password;
          const checked = validateSettings(merged, passwordWillBeSet);
          if (checked.fieldErrors.length > 0) {
            throw new ServiceError('validation', 'Settings not saved', checked.fieldErrors);
          }
          values = checked.values;
          for (const name of SECRET_NAMES) {
            const secret = change.secrets?.[name];
            if (secret === null || secret === '') secrets.delete(name);
            else if (secret !== undefined) secrets.set(name, secret);
          }
          events.emit('onDidChange', view());
          return view();
        },
        acknowledgeRecovery: async () => {
          backupFileName = undefined;
          events.emit('onDidChange', view());
          return view();
        },
      },
    },
    updates: {
      events: noEvents(),
      methods: {
        getStatus: async () => updateStatus,
        check: async () => updateStatus,
        installNow: async () => updateStatus,
        setCallActive: async () => updateStatus,
      },
    },
    vault: {
      events: noEvents(),
      methods: { getWrappingKey: async () => new Uint8Array(wrappingKey) },
    },
  };
  const pair = createInMemoryProtocolPair();
  serveContract(APP_CONTRACT, withUnavailableRest(known), pair.server);
  const clientProtocol: RpcProtocol = {
    send: (message) => pair.client.send(message),
    onMessage: (listener) => pair.client.onMessage((message) => listener(reviveBytes(message))),
    onClose: (listener) => pair.client.onClose(listener),
  };
  fake.client = createContractClient(APP_CONTRACT, clientProtocol, { timeoutMilliseconds: 2_000 });
  fake.platform = {
    shell: 'web',
    client: fake.client,
    onDisconnect: (listener) => pair.client.onClose(listener),
  };
  return fake;
}

/**
 * Other features add services to the contract; the fake answers their methods with
 * `unavailable` so frame tests keep working without knowing them.
 */
function withUnavailableRest(known: Partial<AppServices>): AppServices {
  const services: Record<string, unknown> = { ...known };
  for (const [name, definition] of Object.entries(APP_CONTRACT)) {
    if (services[name]) continue;
    const methods = Object.fromEntries(
      Object.keys(definition.methods).map((method) => [
        method,
        async () => {
          throw new ServiceError('unavailable', `${name} is not part of the test host`);
        },
      ]),
    );
    services[name] = { events: noEvents(), methods };
  }
  return services as AppServices;
}

/**
 * jsdom's structuredClone hands back typed arrays from Node's realm, which fail the page realm's
 * `instanceof Uint8Array` (a browser or Electron delivers page-realm arrays). Rebuild them.
 */
function reviveBytes(value: unknown): unknown {
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(reviveBytes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reviveBytes(item)]));
  }
  return value;
}
