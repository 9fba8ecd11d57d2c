/**
 * The portal the host runs itself when no portal URL is configured, so `npm start` gives a
 * working desk on its own: SQLite in the host's data folder, HTTP on 127.0.0.1 (port 0 = any
 * free port), a fresh token secret per start (stored refresh tokens do not depend on it).
 *
 * First run: without users the desk offers to create the first account (an admin, who sees every
 * client) and to load the demo clients. Both are refused once users resp. clients exist, so the
 * desk can never overwrite a real portal's data this way.
 *
 * Loaded with a dynamic import only when needed: a desk that uses a remote portal never opens a
 * database. The SQLite driver fits the runtime (node:sqlite in Electron, better-sqlite3 in the
 * Node 20 host: src/portal/database/sqliteDriver.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import { ServiceError } from '../../../shared/rpc/result';
import type { FirstAccountRequest } from '../../../shared/contract/services/portalService';
import { appendAudit } from '../../../portal/domain/auditLog';
import { listClients, saveClient } from '../../../portal/domain/clientStore';
import { createUser, listUsers } from '../../../portal/domain/userStore';
import { startPortal, type RunningPortal } from '../../../portal/startPortal';
import type { EmbeddedPortalSettings } from './embeddedPortalSettings';

export interface EmbeddedPortal {
  readonly url: string;
  readonly running: RunningPortal;
  firstRun(): Promise<{ needsAccount: boolean; canLoadDemoData: boolean }>;
  createFirstAccount(request: FirstAccountRequest): Promise<void>;
  /** Saves the demo clients; returns how many were saved. */
  loadDemoData(): Promise<number>;
  close(): Promise<void>;
}

export async function startEmbeddedPortal(
  dataDirectory: string,
  settings: EmbeddedPortalSettings,
): Promise<EmbeddedPortal> {
  const folder = join(dataDirectory, 'portal');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const running = await startPortal({
    database: join(folder, 'portal.sqlite'),
    host: '127.0.0.1',
    port: settings.port,
    tokenSecret: randomBytes(32).toString('hex'),
    logLevel: 'silent',
    ...(settings.smtp ? { smtp: settings.smtp } : {}),
    ...(settings.smsGatewayUrl ? { smsGatewayUrl: settings.smsGatewayUrl } : {}),
    ...(settings.passwordCost ? { passwordCost: settings.passwordCost } : {}),
    ...(settings.delivery ? { delivery: settings.delivery } : {}),
  });
  const database = running.context.database;
  const at = () => new Date(running.context.now()).toISOString();
  // One set-up step at a time: two clicks must not create two "first" accounts.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };

  const firstRun = async () => ({
    needsAccount: (await listUsers(database)).length === 0,
    canLoadDemoData: (await listClients(database, undefined)).length === 0,
  });

  const loadDemoData = () =>
    serial(async () => {
      if ((await listClients(database, undefined)).length > 0) {
        throw new ServiceError('conflict', 'The portal already has clients');
      }
      let saved = 0;
      for (const profile of DEMO_CLIENTS) {
        const result = await saveClient(database, profile, at());
        if (result.kind !== 'saved') continue;
        saved += 1;
        await appendAudit(database, {
          at: at(),
          actorUserId: null,
          action: 'client.saved',
          clientId: profile.id,
          targetType: 'client',
          targetId: profile.id,
          details: { created: true, demo: true },
        });
      }
      return saved;
    });

  return {
    url: running.url,
    running,
    firstRun,
    loadDemoData,
    createFirstAccount: (request) =>
      serial(async () => {
        if ((await listUsers(database)).length > 0) {
          throw new ServiceError('conflict', 'The portal already has users');
        }
        const user = await createUser(
          database,
          {
            userName: request.userName,
            displayName: request.displayName,
            role: 'admin',
            password: request.password,
            clientIds: [],
          },
          running.context.passwordCost,
          at(),
        );
        await appendAudit(database, {
          at: at(),
          actorUserId: null,
          action: 'user.created',
          clientId: null,
          targetType: 'user',
          targetId: user.id,
          details: { role: 'admin', firstRun: true },
        });
      }),
    close: () => running.close(),
  };
}
