/**
 * A complete softphone desk for unit tests: the real engine, store and call controller over
 * the in-memory SIP network, with fakes for WebRTC media, ringer, notifications and audio.
 */
import { Md5 } from 'sip.js/lib/core/messages/md5.js';
import type { AppClient } from '../../../../shared/contract/appContract';
import {
  DEFAULT_SETTINGS,
  type SettingsView,
} from '../../../../shared/contract/services/settingsService';
import type { WatchdogPolicy } from '../../../../shared/domain/registrationWatchdog';
import type { CallRecoveryPolicy } from '../sip/callRecovery';
import type { CallerReferPolicy } from '../sip/referDecision';
import { createCallStore, type CallStore } from '../callStore';
import type { CallNotifier } from '../media/callNotifier';
import type { RemoteAudio } from '../media/remoteAudio';
import type { RingKind, Ringer } from '../media/ringer';
import { SoftphoneEngine } from '../softphoneEngine';
import { fakeMediaOf, sessionDescriptionHandlerFakeFactory } from './sessionDescriptionHandlerFake';
import type { SipNetworkFake } from './sipNetworkFake';

export class RingerFake implements Ringer {
  ringing: RingKind | undefined;
  readonly started: RingKind[] = [];
  start(kind: RingKind): void {
    this.ringing = kind;
    this.started.push(kind);
  }
  stop(): void {
    this.ringing = undefined;
  }
  async setDevice(): Promise<boolean> {
    return true;
  }
}

export class CallNotifierFake implements CallNotifier {
  readonly shown = new Map<string, { title: string; body: string }>();
  requestPermission(): void {}
  incoming(legId: string, title: string, body: string): void {
    this.shown.set(legId, { title, body });
  }
  dismiss(legId: string): void {
    this.shown.delete(legId);
  }
}

export class RemoteAudioFake implements RemoteAudio {
  readonly speakers: string[] = [];
  /** Device ids that behave as unplugged: switching to them fails. */
  readonly missing = new Set<string>();
  attach(): void {}
  detach(): void {}
  async setSpeaker(deviceId: string): Promise<boolean> {
    this.speakers.push(deviceId);
    return !this.missing.has(deviceId);
  }
}

/** Short timings so watchdog wiring tests run in about a second of real time. */
export const FAST_WATCHDOG_POLICY: WatchdogPolicy = {
  probeIntervalMs: 150,
  probeTimeoutMs: 100,
  missedProbesForDead: 2,
  connectTimeoutMs: 150,
  registerTimeoutMs: 150,
  backoffBaseMs: 20,
  backoffCapMs: 100,
  refreshRatio: 0.85,
};

export interface SoftphoneDeskFake {
  user: string;
  store: CallStore;
  engine: SoftphoneEngine;
  ringer: RingerFake;
  notifier: CallNotifierFake;
  storage: Map<string, string>;
  keyRequests: string[];
  remoteAudio: RemoteAudioFake;
  /** Microphone device ids the engine opened, in order. */
  microphonesOpened: string[];
  /** Saves audio settings as the settings form would (the host emits onDidChange). */
  changeAudio(audio: Partial<SettingsView['values']['audio']>): Promise<void>;
}

export async function createSoftphoneDeskFake(
  network: SipNetworkFake,
  user: string,
  options: {
    password?: string;
    rfc4733?: boolean;
    policy?: WatchdogPolicy;
    recoveryPolicy?: CallRecoveryPolicy;
    storage?: Map<string, string>;
    callerReferPolicy?: CallerReferPolicy;
  } = {},
): Promise<SoftphoneDeskFake> {
  let view: SettingsView = {
    values: {
      ...DEFAULT_SETTINGS,
      sip: {
        ...DEFAULT_SETTINGS.sip,
        uri: `sip:${user}@${network.domain}`,
        webSocketServer: 'ws://sip.fake',
      },
    },
    secretsSet: {
      sipPassword: options.password !== undefined,
      deepgramApiKey: false,
      openAiApiKey: false,
    },
    secretStorage: 'memory-only',
  };
  const keyRequests: string[] = [];
  const listeners = new Set<(next: SettingsView) => void>();
  const client = {
    settings: {
      get: async () => ({ ok: true, value: view }),
      onDidChange: (listener: (next: SettingsView) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    sipAuth: {
      digestKey: async (realm: string) => {
        keyRequests.push(realm);
        const password = options.password;
        return {
          ok: true,
          value:
            password === undefined
              ? null
              : { username: user, realm, ha1: Md5.hashStr(`${user}:${realm}:${password}`) },
        };
      },
    },
  } as unknown as Pick<AppClient, 'settings' | 'sipAuth'>;
  const storage = options.storage ?? new Map<string, string>();
  const store = createCallStore();
  const ringer = new RingerFake();
  const notifier = new CallNotifierFake();
  const remoteAudio = new RemoteAudioFake();
  const microphonesOpened: string[] = [];
  const engine = new SoftphoneEngine({
    store,
    client,
    socketFactory: network.socketFactoryFor(user),
    sessionDescriptionHandlerFactory: sessionDescriptionHandlerFakeFactory({
      rfc4733: options.rfc4733,
    }),
    mediaOf: fakeMediaOf,
    ringer,
    notifier,
    remoteAudio,
    openMicrophone: async (deviceId) => {
      microphonesOpened.push(deviceId);
      return { stream: {} as MediaStream, fellBack: remoteAudio.missing.has(deviceId) };
    },
    policy: options.policy,
    recoveryPolicy: options.recoveryPolicy,
    callerReferPolicy: options.callerReferPolicy && (() => options.callerReferPolicy!),
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
    viaHost: `desk${user}.invalid`,
    lingerMs: 60_000,
  });
  await engine.start();
  const changeAudio = async (audio: Partial<SettingsView['values']['audio']>) => {
    view = { ...view, values: { ...view.values, audio: { ...view.values.audio, ...audio } } };
    for (const listener of listeners) listener(view);
    await engine.applySettings(view);
  };
  return {
    user,
    store,
    engine,
    ringer,
    notifier,
    storage,
    keyRequests,
    remoteAudio,
    microphonesOpened,
    changeAudio,
  };
}
