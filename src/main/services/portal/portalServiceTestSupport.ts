/**
 * Test support for the portal service: a real portal (`startPortal`, SQLite in a temp folder,
 * port 0) that can be stopped and started again on the same port and file, a desk host's
 * settings and secrets in a temp folder, and small helpers. No part of the portal is faked.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceMethods } from '../../../shared/contract/contractDefinition';
import type {
  CallRecord,
  NoteSubmission,
  portalService,
} from '../../../shared/contract/services/portalService';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import { saveClient } from '../../../portal/domain/clientStore';
import { createUser } from '../../../portal/domain/userStore';
import type { PortalOptions } from '../../../portal/portalOptions';
import { startPortal, type RunningPortal } from '../../../portal/startPortal';
import { FileSecretStore } from '../secrets/fileSecretStore';
import { createSettingsService, type SettingsHost } from '../settings/settingsService';
import { createPortalService, type PortalServiceHost } from './portalService';

/** Cheap scrypt for tests that create users. */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';

export async function temporaryFolder(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'empfang-portal-service-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A real portal that can go down and come back on the same port and database file. */
export interface RestartablePortal {
  readonly url: string;
  current(): RunningPortal;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRestartablePortal(
  folder: string,
  overrides: Partial<PortalOptions> = {},
): Promise<RestartablePortal> {
  const tokenSecret = randomBytes(32).toString('hex');
  const options = (port: number): PortalOptions => ({
    database: join(folder, 'remote-portal.sqlite'),
    port,
    tokenSecret,
    passwordCost: TEST_PASSWORD_COST,
    delivery: { enabled: false },
    ...overrides,
  });
  let running: RunningPortal | undefined = await startPortal(options(0));
  const port = Number(new URL(running.url).port);
  return {
    url: running.url,
    current: () => {
      if (!running) throw new Error('The portal is stopped');
      return running;
    },
    stop: async () => {
      await running?.close();
      running = undefined;
    },
    start: async () => {
      running = await startPortal(options(port));
    },
  };
}

/** Saves the demo clients and one user per given role into a running portal. */
export async function seedPortal(
  portal: RunningPortal,
  users: {
    userName: string;
    role: 'agent' | 'supervisor' | 'shift-lead' | 'admin';
    clientIds: string[];
  }[],
): Promise<void> {
  const at = new Date().toISOString();
  for (const profile of DEMO_CLIENTS) await saveClient(portal.context.database, profile, at);
  for (const user of users) {
    await createUser(
      portal.context.database,
      { ...user, displayName: user.userName, password: TEST_PASSWORD },
      TEST_PASSWORD_COST,
      at,
    );
  }
}

export interface DeskHost {
  readonly service: PortalServiceHost;
  readonly settings: SettingsHost;
  readonly secrets: FileSecretStore;
  readonly methods: ServiceMethods<typeof portalService>;
  dispose(): Promise<void>;
}

/** A desk host's portal service with settings and a secrets file in `folder`. */
export async function startDeskHost(folder: string, portalUrl: string): Promise<DeskHost> {
  const secrets = new FileSecretStore(join(folder, 'secrets.json'));
  const settings = await createSettingsService({
    filePath: join(folder, 'settings.json'),
    secrets,
  });
  if (portalUrl !== settings.current().portalUrl) {
    await settings.methods.update({ values: { portalUrl } });
  }
  const service = createPortalService({
    settings,
    secrets,
    dataDirectory: folder,
    embedded: { port: 0, passwordCost: TEST_PASSWORD_COST, delivery: { enabled: false } },
  });
  await service.ready();
  return {
    service,
    settings,
    secrets,
    methods: service.methods,
    dispose: () => service.dispose(),
  };
}

/** A complete note for the law firm demo client. */
export function lawFirmNote(callId: string | null = null): NoteSubmission {
  return {
    clientId: DEMO_CLIENTS[0]!.id,
    callId,
    callerName: 'Testperson Eins',
    company: 'Beispiel GmbH',
    callbackNumber: '+49 30 1234567',
    concern: 'Rückruf wegen Fristsache',
    urgency: 'high',
    preferredCallbackTime: 'heute ab 14 Uhr',
    outcome: 'message-taken',
    freeText: 'Bitte zurückrufen.',
    tags: ['frist'],
  };
}

/** A finished call of the law firm's first line. */
export function lawFirmCall(): CallRecord {
  const ringAt = Date.now() - 120_000;
  return {
    id: randomUUID(),
    clientId: DEMO_CLIENTS[0]!.id,
    line: DEMO_CLIENTS[0]!.lines[0]!,
    callerNumber: '+4915112345678',
    ringAt: new Date(ringAt).toISOString(),
    answerAt: new Date(ringAt + 5_000).toISOString(),
    endAt: new Date(ringAt + 65_000).toISOString(),
    outcome: 'message-taken',
    wrapUpSeconds: 40,
  };
}

/** Polls until `check` holds (or fails after `timeoutMilliseconds`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMilliseconds = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
