/**
 * One connection of the desk to one portal (embedded or remote): the session, reachability and
 * the event stream wired together. The portal service replaces the whole connection when the
 * portal URL in the settings changes, so nothing of one portal leaks into the other.
 */
import type { PortalEvent } from '../../../shared/portalWire/eventSchemas';
import type { SecretStore } from '../secrets/secretStore';
import type { EmbeddedPortal } from './embeddedPortal';
import type { EmbeddedPortalSettings } from './embeddedPortalSettings';
import { PortalAuth } from './portalAuth';
import { PortalEventStream } from './portalEventStream';
import { createPortalFetch } from './portalHttpClient';
import { PortalReachability, type Reachability } from './portalReachability';

export interface PortalConnectionOptions {
  /** Empty: run the portal embedded. */
  readonly portalUrl: string;
  readonly dataDirectory: string;
  readonly secrets: SecretStore;
  readonly embedded: EmbeddedPortalSettings;
  /** Session, user or reachability changed. */
  readonly onChange: () => void;
  readonly onEvent: (event: PortalEvent) => void;
}

export interface PortalConnection {
  readonly mode: 'embedded' | 'remote';
  readonly portalUrl: string;
  readonly auth: PortalAuth;
  readonly reachability: PortalReachability;
  readonly embedded: EmbeddedPortal | undefined;
  /** Starts or stops the event stream to match the session. */
  syncEventStream(): void;
  close(): Promise<void>;
}

export async function openPortalConnection(
  options: PortalConnectionOptions,
): Promise<PortalConnection> {
  const embedded =
    options.portalUrl === ''
      ? await (
          await import('./embeddedPortal')
        ).startEmbeddedPortal(options.dataDirectory, options.embedded)
      : undefined;
  const baseUrl = embedded?.url ?? options.portalUrl;
  let closed = false;
  const reachability: PortalReachability = new PortalReachability({
    fetch: createPortalFetch(baseUrl),
    onChange: (state: Reachability) => {
      if (closed) return;
      // Back online: a session restored while offline still needs its first refresh.
      if (state === 'online' && auth.user && auth.accessTokenRenewalDelay() === undefined) {
        void auth.refresh().catch(() => undefined);
      }
      if (state === 'online') events.nudge();
      options.onChange();
    },
  });
  const auth: PortalAuth = new PortalAuth({
    fetch: reachability.trackedFetch,
    secrets: options.secrets,
    portalIdentity: embedded ? 'embedded' : options.portalUrl,
    onChange: () => {
      if (closed) return;
      connection.syncEventStream();
      options.onChange();
    },
  });
  const events: PortalEventStream = new PortalEventStream({
    baseUrl,
    accessToken: () => auth.validAccessToken(),
    renewalDelay: () => auth.accessTokenRenewalDelay(),
    onEvent: options.onEvent,
    onOpenChange: (open) => {
      if (open) reachability.reached();
      // The socket closed: find out now whether the portal is gone, not at the next request.
      else if (!closed) reachability.check();
    },
  });
  const connection: PortalConnection = {
    mode: embedded ? 'embedded' : 'remote',
    portalUrl: options.portalUrl,
    auth,
    reachability,
    embedded,
    syncEventStream: () => {
      if (auth.user && !closed) events.start();
      else events.stop();
    },
    close: async () => {
      closed = true;
      events.stop();
      reachability.stop();
      await embedded?.close();
    },
  };
  await auth.restore();
  connection.syncEventStream();
  return connection;
}
