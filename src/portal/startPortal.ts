/**
 * Starts one portal: opens and migrates the database, serves the HTTP API and the `/events`
 * WebSocket, and runs the delivery worker. The desktop host embeds it with this function; the
 * CLI (`cli.ts serve`) does the same from environment variables.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { LoginRateLimiter, DEFAULT_LOGIN_RATE_LIMIT } from './auth/loginRateLimiter';
import { DEFAULT_SCRYPT_COST } from './auth/passwordHashing';
import { openDatabase, type OpenedDatabase } from './database/createDatabase';
import { createEmailSender } from './delivery/emailSender';
import { DeliveryWorker } from './delivery/deliveryWorker';
import { createSmsGatewaySender } from './delivery/smsGatewaySender';
import { EventHub } from './events/eventHub';
import { attachEventSocket } from './events/eventSocketServer';
import { PORTAL_ROUTES } from './http/portalRoutes';
import { registerRoutes } from './http/registerRoutes';
import { addSecurityHeaders, answerFrameworkError } from './http/securityHeaders';
import type { PortalContext } from './portalContext';
import { BotCallContent } from './hybrid/botCallContent';
import { BotCommandLog } from './hybrid/botCommands';
import { AgentConnections } from './hybrid/agentConnections';
import { startHybridWorkers } from './hybrid/hybridWorkers';
import { startBotSwitchRevertTimer } from './botSwitch/botSwitchRevertTimer';
import { HumanTranscripts } from './supervision/humanTranscripts';
import { DEFAULT_HYBRID_SETTINGS } from './hybrid/hybridSettings';
import { OfferEngine } from './hybrid/offerEngine';
import {
  DEFAULT_ACCESS_TOKEN_SECONDS,
  DEFAULT_DELIVERY_SETTINGS,
  DEFAULT_REFRESH_TOKEN_SECONDS,
  type PortalOptions,
} from './portalOptions';

export interface RunningPortal {
  /** Base URL, e.g. `http://127.0.0.1:43817`. */
  readonly url: string;
  /** For tests and the CLI: the wired context (database, events, clock). */
  readonly context: PortalContext;
  /** Runs one delivery pass now (tests). */
  drainDeliveries(): Promise<void>;
  /** Re-reads pending auto-reverts and resolves once the revert timer is armed (tests). */
  armBotSwitchReverts(): Promise<void>;
  /** Stops accepting requests, stops the worker, closes sockets and the database. */
  close(): Promise<void>;
}

const MINIMUM_SECRET_LENGTH = 32;
const BODY_LIMIT_BYTES = 256 * 1024;

function createApp(
  logLevel: NonNullable<PortalOptions['logLevel']>,
  logStream: PortalOptions['logStream'],
): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: answerFrameworkError,
    logController: new LogController({ disableRequestLogging: true }),
    logger:
      logLevel === 'silent'
        ? false
        : { level: logLevel, ...(logStream ? { stream: logStream } : {}) },
  });
  // JSON only: a text body is refused with 415 rather than validated as a string.
  app.removeContentTypeParser('text/plain');
  // Request log without URLs or bodies: route pattern, status and time only (no personal data).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        milliseconds: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  app.addHook('onSend', addSecurityHeaders);
  return app;
}

/** Starts a portal; resolves once it listens. */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  if (options.tokenSecret.length < MINIMUM_SECRET_LENGTH) {
    throw new Error(`tokenSecret must have at least ${MINIMUM_SECRET_LENGTH} characters`);
  }
  const now = options.now ?? Date.now;
  const opened: OpenedDatabase = await openDatabase(options.database, {
    poolSize: options.poolSize ?? 10,
  });
  const app = createApp(options.logLevel ?? 'silent', options.logStream);
  const delivery = { ...DEFAULT_DELIVERY_SETTINGS, ...options.delivery };
  const events = new EventHub();
  const hybrid = { ...DEFAULT_HYBRID_SETTINGS, ...options.hybrid };
  const botContent = new BotCallContent();
  const offers = new OfferEngine({
    database: opened.database,
    events,
    content: botContent,
    settings: hybrid,
    now,
  });
  const context: PortalContext = {
    database: opened.database,
    databaseKind: opened.kind,
    events,
    hybrid,
    offers,
    botContent,
    botCommands: new BotCommandLog(),
    agentConnections: new AgentConnections(),
    humanTranscripts: new HumanTranscripts(events),
    loginRateLimiter: new LoginRateLimiter(
      { ...DEFAULT_LOGIN_RATE_LIMIT, ...options.loginRateLimit },
      now,
    ),
    tokenSecret: options.tokenSecret,
    accessTokenSeconds: options.accessTokenSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS,
    refreshTokenSeconds: options.refreshTokenSeconds ?? DEFAULT_REFRESH_TOKEN_SECONDS,
    passwordCost: options.passwordCost ?? DEFAULT_SCRYPT_COST,
    delivery,
    smtp: options.smtp,
    smsGatewayUrl: options.smsGatewayUrl,
    smsGatewayToken: options.smsGatewayToken,
    now,
    nudgeDelivery: () => worker.nudge(),
  };
  registerRoutes(app, PORTAL_ROUTES, context);
  const closeEvents = attachEventSocket(context, app.server);
  const worker: DeliveryWorker = new DeliveryWorker(
    context,
    {
      email: createEmailSender(options.smtp),
      sms: createSmsGatewaySender(options.smsGatewayUrl, options.smsGatewayToken, now),
    },
    app.log,
  );
  try {
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8787 });
  } catch (error) {
    await closeEvents();
    await opened.close();
    throw error;
  }
  if (delivery.enabled) worker.start();
  const hybridWorkers = await startHybridWorkers(context, options.database);
  const revertTimer = await startBotSwitchRevertTimer(context);
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    context,
    drainDeliveries: () => worker.drain(),
    armBotSwitchReverts: () => revertTimer.rearm(),
    close: () =>
      (closing ??= (async () => {
        await worker.stop();
        await revertTimer.close();
        await hybridWorkers.stop();
        await closeEvents();
        await app.close();
        await opened.close();
      })()),
  };
}
