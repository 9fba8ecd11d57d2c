/**
 * The softphone's composition: settings → SIP.js user agent over {@link SocketTransport},
 * registration with the watchdog driver, the call controller, presence and audio devices.
 * The store is the only output; components read it and call the methods here.
 */
import {
  SIPExtension,
  UserAgent,
  type Session,
  type SessionDescriptionHandlerFactory,
} from 'sip.js';
import type { AppClient } from '../../../shared/contract/appContract';
import type {
  SettingsValues,
  SettingsView,
} from '../../../shared/contract/services/settingsService';
import {
  LinkPhase,
  registrationHealth,
  type WatchdogPolicy,
  type WatchdogState,
} from '../../../shared/domain/registrationWatchdog';
import { CallController } from './callController';
import type { CallLeg, CallStore, Presence } from './callStore';
import { BrowserCallNotifier, type CallNotifier } from './media/callNotifier';
import { isDevicePresent, openMicrophone, type MicrophoneSource } from './media/microphone';
import { ElementRemoteAudio, type RemoteAudio } from './media/remoteAudio';
import { WebAudioRinger, type Ringer } from './media/ringer';
import { webSessionMedia, type SessionMedia } from './media/sessionMedia';
import { rollbackSessionDescriptionHandlerFactory } from './media/rollbackSessionDescriptionHandler';
import { DigestKeyring } from './sip/digestKeyring';
import { HandoverGate } from './sip/handoverGate';
import { RegistrationClient } from './sip/registrationClient';
import type { CallRecoveryPolicy } from './sip/callRecovery';
import type { CallerReferPolicy } from './sip/referDecision';
import { RegistrationDriver } from './sip/registrationDriver';
import { SocketTransport, type SipSocketFactory } from './sip/socketTransport';

/** Answering must never wait for ICE gathering: host candidates on a LAN take a few ms. */
export const ICE_GATHERING_TIMEOUT_MS = 200;
/** How long an OPTIONS probe may take to prove the link alive before an ICE restart. */
const LINK_CHECK_TIMEOUT_MS = 2_000;

export interface SoftphoneEngineOptions {
  store: CallStore;
  client: Pick<AppClient, 'settings' | 'sipAuth'>;
  socketFactory?: SipSocketFactory;
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  mediaOf?: (session: Session) => SessionMedia | undefined;
  remoteAudio?: RemoteAudio;
  ringer?: Ringer;
  notifier?: CallNotifier;
  openMicrophone?: MicrophoneSource;
  policy?: WatchdogPolicy;
  now?: () => number;
  random?: () => number;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Fixed Via/Contact host (tests route messages by it); random `*.invalid` otherwise. */
  viaHost?: string;
  /** Logs SIP messages: debug builds only, never in production (SECURITY.md rule 9). */
  trace?: boolean;
  notificationText?: (leg: CallLeg) => { title: string; body: string };
  onLegFinished?: (leg: CallLeg) => void;
  lingerMs?: number;
  /** Timings of the ICE-restart recovery (tests shorten them). */
  recoveryPolicy?: CallRecoveryPolicy;
  /** Whether a call's client lets the caller ask for a transfer (REFER); default refuse. */
  callerReferPolicy?: (leg: CallLeg) => CallerReferPolicy | Promise<CallerReferPolicy>;
}

interface Account {
  signature: string;
  userAgent: UserAgent;
  transport: SocketTransport;
  keyring: DigestKeyring;
  registration: RegistrationClient;
  driver: RegistrationDriver;
}

type PresenceResult = { ok: true } | { ok: false; notice: 'needs-registration' };

export class SoftphoneEngine {
  readonly calls: CallController;
  /** Tokens of accepted escalation offers (features/hybrid puts them here). */
  readonly handover = new HandoverGate();
  private account: Account | undefined;
  private values: SettingsValues | undefined;
  private passwordSet = false;
  private offline = false;
  private wantsAvailable = false;
  private lastRegisteredAt: number | undefined;
  private readonly remoteAudio: RemoteAudio;
  private readonly ringer: Ringer;
  private readonly notifier: CallNotifier;
  private readonly microphone: MicrophoneSource;
  private readonly cleanups: (() => void)[] = [];
  private settingsQueue: Promise<void> = Promise.resolve();
  private notificationText: (leg: CallLeg) => { title: string; body: string };

  constructor(private readonly options: SoftphoneEngineOptions) {
    this.remoteAudio = options.remoteAudio ?? new ElementRemoteAudio();
    this.ringer = options.ringer ?? new WebAudioRinger();
    this.notifier = options.notifier ?? new BrowserCallNotifier();
    this.microphone = options.openMicrophone ?? openMicrophone;
    this.notificationText =
      options.notificationText ??
      ((leg) => ({ title: leg.remoteName || leg.remoteLabel, body: leg.clientLine ?? '' }));
    this.calls = new CallController({
      store: options.store,
      userAgent: () => this.account?.userAgent,
      domain: () => this.account?.userAgent.configuration.uri.host ?? '',
      mediaOf: options.mediaOf ?? webSessionMedia,
      remoteAudio: this.remoteAudio,
      ringer: this.ringer,
      notifier: this.notifier,
      notificationText: (leg) => this.notificationText(leg),
      acceptsCalls: () => options.store.getState().presence === 'available',
      sessionDescriptionHandlerOptions: () => ({
        constraints: { audio: true, video: false },
        iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS,
      }),
      onLegFinished: options.onLegFinished,
      lingerMs: options.lingerMs,
      linkAlive: () => this.linkAlive(),
      recoveryPolicy: options.recoveryPolicy,
      random: options.random,
      callerReferPolicy: options.callerReferPolicy,
      handover: this.handover,
    });
  }

  private get store() {
    return this.options.store.getState();
  }

  /** Texts of the OS notification for a ringing call; the panel sets translated ones. */
  setNotificationText(text: (leg: CallLeg) => { title: string; body: string }): void {
    this.notificationText = text;
  }

  /** Loads the settings, follows their changes and starts registering when configured. */
  async start(): Promise<void> {
    this.cleanups.push(
      this.options.client.settings.onDidChange((view) => void this.applySettings(view)),
    );
    this.watchDevices();
    const view = await this.options.client.settings.get();
    if (view.ok) await this.applySettings(view.value);
  }

  async dispose(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.ringer.stop();
    await this.closeAccount();
  }

  /** Applies settings: a changed SIP account re-registers; changed devices switch at once. */
  applySettings(view: SettingsView): Promise<void> {
    this.settingsQueue = this.settingsQueue.then(() => this.applySettingsNow(view));
    return this.settingsQueue;
  }

  private async applySettingsNow(view: SettingsView): Promise<void> {
    const previous = this.values;
    const values = view.values;
    this.values = values;
    this.passwordSet = view.secretsSet.sipPassword;
    const sip = values.sip;
    const signature = JSON.stringify([
      sip.uri,
      sip.webSocketServer,
      sip.authorizationUser,
      sip.displayName,
      sip.iceServers,
    ]);
    const configured = sip.uri !== '' && sip.webSocketServer !== '';
    this.store.setRegistration({
      server: sip.webSocketServer,
      identity: sip.uri,
      unconfigured: !configured,
    });
    if (this.account?.signature !== signature) {
      await this.closeAccount();
      if (configured) await this.openAccount(values, signature);
    } else if (this.account) {
      // The password may have changed (the view only says "set"): fetch keys afresh.
      this.account.keyring.clear();
      if (this.passwordSet)
        await this.account.keyring.prefetch([this.account.userAgent.configuration.uri.host]);
      if (this.account.driver.current.phase === LinkPhase.AuthFailed) {
        this.account.driver.credentialsChanged();
      }
    }
    if (previous) await this.applyDevices(previous.audio, values.audio);
    else {
      await this.remoteAudio.setSpeaker(values.audio.speakerId);
      await this.ringer.setDevice(values.audio.ringerId);
    }
  }

  /** Agent presence; "available" needs a registration (SECURITY.md rule 14). */
  setPresence(presence: Exclude<Presence, 'not-ready'>, breakReason?: string): PresenceResult {
    // Presence is chosen with a click: a user gesture, the moment browsers allow the prompt.
    this.notifier.requestPermission();
    const registered = this.store.registration.health === 'registered';
    if (presence === 'offline') {
      this.wantsAvailable = false;
      this.store.setPresence('offline');
      void this.goOffline();
      return { ok: true };
    }
    if (this.offline) {
      this.offline = false;
      this.account?.driver.start();
    }
    if (presence === 'available' && !registered) {
      this.wantsAvailable = this.account !== undefined;
      this.store.setPresence('not-ready', { notice: 'needs-registration' });
      return { ok: false, notice: 'needs-registration' };
    }
    this.wantsAvailable = false;
    this.store.setPresence(presence, { breakReason });
    return { ok: true };
  }

  private async goOffline(): Promise<void> {
    this.offline = true;
    const account = this.account;
    if (!account) return;
    if (account.driver.current.phase === LinkPhase.Registered) {
      await account.registration.unregister();
    }
    account.driver.stop();
  }

  private async openAccount(values: SettingsValues, signature: string): Promise<void> {
    const uri = UserAgent.makeURI(values.sip.uri);
    if (!uri) return;
    const trace = this.options.trace ?? false;
    const iceServers = values.sip.iceServers.filter(Boolean).map((urls) => ({ urls }));
    const userAgent = new UserAgent({
      uri,
      displayName: values.sip.displayName || undefined,
      transportConstructor: SocketTransport,
      transportOptions: {
        server: values.sip.webSocketServer,
        socketFactory: this.options.socketFactory,
        trace,
      },
      sessionDescriptionHandlerFactory:
        this.options.sessionDescriptionHandlerFactory ??
        rollbackSessionDescriptionHandlerFactory((constraints) => this.openLocalMedia(constraints)),
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS,
        // No public STUN by default (SIP.js would add Google's): only configured servers.
        peerConnectionConfiguration: { iceServers },
      },
      sipExtensionReplaces: SIPExtension.Supported,
      sendInitialProvisionalResponse: false,
      logBuiltinEnabled: trace,
      logLevel: trace ? 'debug' : 'error',
      logConnector: trace ? undefined : () => undefined,
      userAgentString: 'Empfang',
      viaHost: this.options.viaHost,
      reconnectionAttempts: 0,
      delegate: { onInvite: (invitation) => void this.calls.handleInvitation(invitation) },
    });
    const keyring = new DigestKeyring(
      async (realm) => {
        const result = await this.options.client.sipAuth.digestKey(realm);
        return result.ok ? result.value : null;
      },
      userAgent.getLoggerFactory(),
      this.options.storage ?? safeLocalStorage(),
    );
    userAgent.userAgentCore.configuration.authenticationFactory = () => keyring.createCredentials();
    const transport = userAgent.transport as SocketTransport;
    const registration = new RegistrationClient(userAgent, keyring);
    const driver = new RegistrationDriver({
      userAgent,
      transport,
      client: registration,
      policy: this.options.policy,
      now: this.options.now,
      random: this.options.random,
      onState: (state) => this.onWatchdogState(state),
      onLinkLost: () => {
        const presence = this.store.presence;
        if (presence !== 'offline') this.store.setPresence('not-ready', { notice: 'link-lost' });
        this.calls.linkLost();
      },
      onLinkRestored: () => {
        // Calls survive the new connection; their media restarts ICE (rule 14).
        this.calls.linkRestored();
        if (this.wantsAvailable) {
          this.wantsAvailable = false;
          this.store.setPresence('available');
        }
      },
    });
    this.account = { signature, userAgent, transport, keyring, registration, driver };
    if (this.passwordSet) await keyring.prefetch([uri.host]).catch(() => undefined);
    if (!this.offline) driver.start();
  }

  private async closeAccount(): Promise<void> {
    const account = this.account;
    if (!account) return;
    this.account = undefined;
    await this.calls.endAll();
    if (account.driver.current.phase === LinkPhase.Registered) {
      await withTimeout(account.registration.unregister(), 1_000);
    }
    account.driver.dispose();
    await account.userAgent.stop().catch(() => undefined);
    this.store.setRegistration({ health: 'stopped', lastProblem: undefined });
  }

  /** An answered OPTIONS on the current connection, within a short time. */
  private async linkAlive(): Promise<boolean> {
    const account = this.account;
    if (!account || account.driver.current.phase !== LinkPhase.Registered) return false;
    const answered = await Promise.race([
      account.registration.probe(),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), LINK_CHECK_TIMEOUT_MS)),
    ]);
    return answered;
  }

  private onWatchdogState(state: WatchdogState): void {
    if (state.registeredAt !== undefined && state.registeredAt !== this.lastRegisteredAt) {
      this.lastRegisteredAt = state.registeredAt;
      this.store.setRegistration({ lastRegisteredAt: Date.now() });
    }
    this.store.setRegistration({
      health: registrationHealth(state),
      lastProblem: state.lastProblem,
    });
  }

  /** The media stream factory for SIP.js: the chosen microphone, else the default one. */
  private async openLocalMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (!constraints.audio) return new MediaStream();
    try {
      const result = await this.microphone(this.values?.audio.microphoneId ?? '');
      if (result.fellBack) this.store.addDeviceNotice('microphone-fallback');
      return result.stream;
    } catch (error) {
      this.store.addDeviceNotice('microphone-unavailable');
      throw error;
    }
  }

  private async applyDevices(
    previous: SettingsValues['audio'],
    next: SettingsValues['audio'],
  ): Promise<void> {
    if (previous.microphoneId !== next.microphoneId) {
      await this.calls.useMicrophone(() => this.openLocalMedia({ audio: true }));
    }
    if (previous.speakerId !== next.speakerId) {
      if (!(await this.remoteAudio.setSpeaker(next.speakerId))) {
        this.store.addDeviceNotice('speaker-fallback');
      }
    }
    if (previous.ringerId !== next.ringerId && !(await this.ringer.setDevice(next.ringerId))) {
      this.store.addDeviceNotice('ringer-fallback');
    }
  }

  /** A device unplugged mid-call: fall back to the default device and tell the agent. */
  private watchDevices(): void {
    const mediaDevices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (typeof mediaDevices?.addEventListener !== 'function') return;
    const onChange = () => void this.checkDevices();
    mediaDevices.addEventListener('devicechange', onChange);
    this.cleanups.push(() => mediaDevices.removeEventListener('devicechange', onChange));
  }

  private async checkDevices(): Promise<void> {
    const audio = this.values?.audio;
    if (!audio) return;
    if (!(await isDevicePresent('audioinput', audio.microphoneId))) {
      if (this.calls.liveLegs().length > 0) {
        await this.calls.useMicrophone(() => this.openLocalMedia({ audio: true }));
      }
      this.store.addDeviceNotice('microphone-fallback');
    }
    if (!(await isDevicePresent('audiooutput', audio.speakerId))) {
      await this.remoteAudio.setSpeaker('');
      this.store.addDeviceNotice('speaker-fallback');
    }
    if (!(await isDevicePresent('audiooutput', audio.ringerId))) {
      await this.ringer.setDevice('');
      this.store.addDeviceNotice('ringer-fallback');
    }
  }
}

function safeLocalStorage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function withTimeout(promise: Promise<unknown>, milliseconds: number): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, milliseconds))]);
}
