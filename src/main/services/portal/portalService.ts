/**
 * The portal service (contract: `portalService`): the desk's one connection to the central
 * portal. The portal URL comes from the settings; empty means the host runs the portal embedded.
 * A change of the URL closes the old connection (and its session) and opens a new one.
 *
 * Tokens never leave this folder. Events from the portal's stream are forwarded to every
 * window; an explicit logout tells every window to wipe the user's local data.
 */
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import {
  PortalUserSchema,
  type LoginResult,
  type PortalSessionState,
  type portalService,
} from '../../../shared/contract/services/portalService';
import { ServiceError } from '../../../shared/rpc/result';
import type { PortalEvent } from '../../../shared/portalWire/eventSchemas';
import type { SecretStore } from '../secrets/secretStore';
import type { SettingsHost } from '../settings/settingsService';
import {
  embeddedPortalSettingsFromEnvironment,
  type EmbeddedPortalSettings,
} from './embeddedPortalSettings';
import type { AuthLoginOutcome } from './portalAuth';
import * as api from './portalApi';
import { openPortalConnection, type PortalConnection } from './portalConnection';
import { submitNote } from './noteSubmission';
import { submitCall } from './callLogSubmission';
import { recordDeletionReceipts } from './portalDeletionReceipts';
import { pendingDeskDeletions, recordDeskDeletionReceipt } from './portalDeskDeletions';

type PortalDefinition = typeof portalService;

export interface PortalServiceOptions {
  readonly settings: Pick<SettingsHost, 'current' | 'events'>;
  readonly secrets: SecretStore;
  readonly dataDirectory: string;
  /** Default: read from the environment (`EMPFANG_PORTAL_*`, see embeddedPortal.ts). */
  readonly embedded?: EmbeddedPortalSettings;
}

export interface PortalServiceHost extends ServiceImplementation<PortalDefinition> {
  /** The running connection (tests, benchmarks); undefined while starting or failed. */
  connection(): PortalConnection | undefined;
  /** Resolves once the current connection is open (or failed). */
  ready(): Promise<void>;
  /** Every valid event of the current connection's stream (other host services forward them). */
  onPortalEvent(listener: (event: PortalEvent) => void): () => void;
  dispose(): Promise<void>;
}

export function createPortalService(options: PortalServiceOptions): PortalServiceHost {
  const events = new ServiceEvents<PortalDefinition>();
  const embeddedSettings = options.embedded ?? embeddedPortalSettingsFromEnvironment(process.env);
  let current: PortalConnection | undefined;
  let failed = false;
  let opening: Promise<void> = Promise.resolve();
  let disposed = false;

  const state = async (): Promise<PortalSessionState> => {
    const connection = current;
    const user = connection?.auth.user ?? null;
    const firstRun = connection?.embedded ? await connection.embedded.firstRun() : null;
    return {
      status: failed ? 'failed' : !connection ? 'starting' : user ? 'logged-in' : 'logged-out',
      mode:
        (connection?.portalUrl ?? options.settings.current().portalUrl) === ''
          ? 'embedded'
          : 'remote',
      connection: connection?.reachability.state ?? 'unknown',
      user,
      sessionStorage: options.secrets.kind === 'memory-only' ? 'memory-only' : 'persistent',
      endedReason: connection?.auth.endedReason ?? null,
      firstRun,
    };
  };

  let lastUserId: string | null = null;
  const changed = (): void => {
    const connection = current;
    const userId = connection?.auth.user?.id ?? null;
    const reason = connection?.auth.endedReason;
    if (lastUserId !== null && userId === null && reason && reason !== 'logout') {
      events.emit('onLoggedOut', { reason, wipeLocalData: false });
    }
    lastUserId = userId;
    void state()
      .then((value) => events.emit('onSessionChanged', value))
      .catch(() => undefined);
  };

  const portalEventListeners = new Set<(event: PortalEvent) => void>();
  const forward = (event: PortalEvent): void => {
    for (const listener of portalEventListeners) listener(event);
    if (event.type === 'note.status-changed') {
      const { noteId, clientId, idempotencyKey, status, at } = event;
      events.emit('onNoteStatusChanged', { noteId, clientId, idempotencyKey, status, at });
    } else if (event.type === 'presence.changed' && event.state !== 'offered') {
      // `offered` (an escalation ringing at a desk, issue 9) is not a desk presence state yet.
      const { userId, state, at } = event;
      events.emit('onPresenceChanged', {
        userId,
        state,
        at,
        reason: event.reason ?? null,
        changedBy: event.changedBy ?? null,
      });
    } else if (event.type === 'data-request.deletion-requested') {
      const { requestId, clientIds, salt, numberHash, at } = event;
      events.emit('onDeskDeletionRequested', {
        requestId,
        clientIds,
        salt,
        numberHash,
        requestedAt: at,
      });
    } else if (event.type === 'bot-switch.changed') {
      const { scope, line, clientId, mode, changedBy, at } = event;
      events.emit('onBotSwitchChanged', { scope, line, clientId, mode, changedBy, at });
    }
  };

  const open = (portalUrl: string): Promise<void> => {
    const previous = current;
    current = undefined;
    failed = false;
    changed();
    opening = (async () => {
      await previous?.close();
      // Callbacks during opening (a restored session) are covered by the change after it.
      let opened: PortalConnection | undefined;
      try {
        const connection = await openPortalConnection({
          portalUrl,
          dataDirectory: options.dataDirectory,
          secrets: options.secrets,
          embedded: embeddedSettings,
          onChange: () => {
            if (opened && current === opened) changed();
          },
          onEvent: (event) => {
            if (opened && current === opened) forward(event);
          },
        });
        opened = connection;
        if (disposed) {
          await connection.close();
          return;
        }
        current = connection;
      } catch {
        // Abstract only: the cause (a path, a port) is for the host's own diagnostics.
        console.error(JSON.stringify({ event: 'portal-connection-failed' }));
        failed = true;
      }
      changed();
    })();
    return opening;
  };

  const connection = async (): Promise<PortalConnection> => {
    await opening;
    if (!current) throw new ServiceError('unavailable', 'The portal is not available');
    return current;
  };

  const toLoginResult = async (outcome: AuthLoginOutcome): Promise<LoginResult> =>
    outcome.kind === 'ok' ? { kind: 'ok', session: await state() } : outcome;

  const unsubscribeSettings = options.settings.events.subscribe((event, payload) => {
    if (event !== 'onDidChange') return;
    const url = (payload as { values: { portalUrl: string } }).values.portalUrl;
    if (current && url !== current.portalUrl) void open(url);
  });
  void open(options.settings.current().portalUrl);

  return {
    events,
    connection: () => current,
    ready: () => opening,
    onPortalEvent: (listener) => {
      portalEventListeners.add(listener);
      return () => portalEventListeners.delete(listener);
    },
    dispose: async () => {
      disposed = true;
      unsubscribeSettings();
      await opening;
      await current?.close();
      current = undefined;
    },
    methods: {
      getSession: async () => {
        await opening;
        return state();
      },
      login: async ({ userName, password }) =>
        toLoginResult(await (await connection()).auth.login(userName, password)),
      logout: async () => {
        const active = await connection();
        await active.auth.logout();
        events.emit('onLoggedOut', { reason: 'logout', wipeLocalData: true });
        return state();
      },
      createFirstAccount: async (request) => {
        const active = await connection();
        if (!active.embedded) throw new ServiceError('forbidden', 'Only for the embedded portal');
        await active.embedded.createFirstAccount(request);
        if (request.loadDemoData && (await active.embedded.firstRun()).canLoadDemoData) {
          await active.embedded.loadDemoData();
        }
        return toLoginResult(await active.auth.login(request.userName, request.password));
      },
      loadDemoData: async () => {
        const active = await connection();
        if (!active.embedded) throw new ServiceError('forbidden', 'Only for the embedded portal');
        const clients = await active.embedded.loadDemoData();
        changed();
        return { clients };
      },
      me: async () => {
        const active = await connection();
        const response = await api.send(active.auth, { method: 'GET', path: '/me' });
        if (response.status !== 200) throw api.unexpected(response);
        const parsed = PortalUserSchema.safeParse(response.body);
        if (!parsed.success) throw new ServiceError('internal', 'Invalid answer from the portal');
        return parsed.data;
      },
      clientByLine: async (line) => api.clientByLine((await connection()).auth, line),
      clientById: async (clientId) => api.clientById((await connection()).auth, clientId),
      listClients: async () => api.listClients((await connection()).auth),
      submitNote: async (request) => {
        await opening;
        if (!current) return { kind: 'retry', code: 'portal-starting', countsTowardLimit: false };
        return submitNote(current.auth, request);
      },
      recordCall: async (call) => {
        const active = await connection();
        const user = active.auth.user;
        if (!user) throw new ServiceError('unauthorized', 'Not logged in to the portal');
        return api.recordCall(active.auth, call, user.id);
      },
      submitCall: async (entry) => {
        await opening;
        if (!current) return { kind: 'retry', code: 'portal-starting', countsTowardLimit: false };
        return submitCall(current.auth, entry);
      },
      setPresence: async (presence, reason) =>
        api.setPresence((await connection()).auth, presence, reason ?? undefined),
      listRecent: async ({ limit }) => api.listRecent((await connection()).auth, limit),
      noteDeliveries: async (noteId) => api.noteDeliveries((await connection()).auth, noteId),
      recordDeletionReceipts: async (batch) =>
        recordDeletionReceipts((await connection()).auth, batch.receipts),
      pendingDeskDeletions: async () => pendingDeskDeletions((await connection()).auth),
      recordDeskDeletionReceipt: async (requestId, receipt) =>
        recordDeskDeletionReceipt((await connection()).auth, requestId, receipt),
    },
  };
}
