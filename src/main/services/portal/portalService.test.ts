import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import {
  eventually,
  lawFirmCall,
  lawFirmNote,
  startDeskHost,
  temporaryFolder,
  TEST_PASSWORD,
} from './portalServiceTestSupport';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function embeddedDesk() {
  const folder = await temporaryFolder();
  cleanups.push(folder.remove);
  const desk = await startDeskHost(folder.path, '');
  cleanups.push(desk.dispose);
  return { folder, desk };
}

const FIRST_ACCOUNT = {
  userName: 'empfang.admin',
  displayName: 'Empfang Admin',
  password: TEST_PASSWORD,
  loadDemoData: true,
};

describe('portal service, embedded portal', () => {
  it('offers the first-run set-up, creates the account with demo data and logs it in', async () => {
    const { desk } = await embeddedDesk();
    const before = await desk.methods.getSession();
    expect(before).toMatchObject({
      status: 'logged-out',
      mode: 'embedded',
      user: null,
      firstRun: { needsAccount: true, canLoadDemoData: true },
      sessionStorage: 'persistent',
    });
    const result = await desk.methods.createFirstAccount(FIRST_ACCOUNT);
    expect(result.kind).toBe('ok');
    // Tokens stay in the host: nothing the renderer gets carries one.
    const stored = JSON.parse((await desk.secrets.get('portalRefreshToken'))!) as {
      refreshToken: string;
    };
    expect(JSON.stringify(result)).not.toContain(stored.refreshToken);
    expect(JSON.stringify(result)).not.toMatch(/token/i);
    const session = await desk.methods.getSession();
    expect(session).toMatchObject({
      status: 'logged-in',
      connection: 'online',
      firstRun: { needsAccount: false, canLoadDemoData: false },
    });
    expect(session.user).toMatchObject({ userName: 'empfang.admin', role: 'admin' });
    expect(await desk.methods.listClients()).toHaveLength(DEMO_CLIENTS.length);
    await expect(desk.methods.createFirstAccount(FIRST_ACCOUNT)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('finds the client by dialled line and says "unknown line" otherwise', async () => {
    const { desk } = await embeddedDesk();
    await desk.methods.createFirstAccount(FIRST_ACCOUNT);
    const found = await desk.methods.clientByLine(DEMO_CLIENTS[1]!.lines[0]!);
    expect(found.kind).toBe('found');
    if (found.kind === 'found') expect(found.profile.name).toBe(DEMO_CLIENTS[1]!.name);
    expect(await desk.methods.clientByLine('+4930999999999')).toEqual({
      kind: 'unknown-line',
      line: '+4930999999999',
    });
    const byId = await desk.methods.clientById(DEMO_CLIENTS[2]!.id);
    expect(byId.greeting).toBe(DEMO_CLIENTS[2]!.greeting);
  });

  it('stores a note with its call exactly once per idempotency key', async () => {
    const { desk } = await embeddedDesk();
    await desk.methods.createFirstAccount(FIRST_ACCOUNT);
    const call = lawFirmCall();
    const request = { idempotencyKey: randomUUID(), note: lawFirmNote(call.id), call };
    const first = await desk.methods.submitNote(request);
    const second = await desk.methods.submitNote(request);
    expect(first.kind).toBe('accepted');
    expect(second).toEqual(first);
    const recent = await desk.methods.listRecent({ limit: 20 });
    expect(
      recent.notes.filter((note) => note.idempotencyKey === request.idempotencyKey),
    ).toHaveLength(1);
    const logged = recent.calls.find((entry) => entry.id === call.id);
    expect(logged).toMatchObject({ outcome: 'message-taken', wrapUpSeconds: 40 });
    expect(logged?.answerAt).not.toBeNull();
    expect(logged?.agentId).toBe((await desk.methods.me()).id);
    if (first.kind !== 'accepted') throw new Error('not accepted');
    const deliveries = await desk.methods.noteDeliveries(first.noteId);
    expect(deliveries.deliveries.map((delivery) => delivery.channel)).toContain('email');
  });

  it('rejects a note the portal cannot take, as data, and never as a retry', async () => {
    const { desk } = await embeddedDesk();
    await desk.methods.createFirstAccount(FIRST_ACCOUNT);
    const note = { ...lawFirmNote(), clientId: 'no-such-client' };
    const result = await desk.methods.submitNote({
      idempotencyKey: randomUUID(),
      note,
      call: null,
    });
    expect(result).toMatchObject({ kind: 'rejected', httpStatus: 404 });
  });

  it('keeps the session across a restart and ends it on logout for every later start', async () => {
    const folder = await temporaryFolder();
    cleanups.push(folder.remove);
    const first = await startDeskHost(folder.path, '');
    await first.methods.createFirstAccount(FIRST_ACCOUNT);
    await first.dispose();
    // The session lives in the secret store (a user-only file in the web shell), nowhere else.
    const secrets = JSON.parse(await readFile(join(folder.path, 'secrets.json'), 'utf8'));
    expect(Object.keys(secrets)).toEqual(['portalRefreshToken']);

    const second = await startDeskHost(folder.path, '');
    cleanups.push(second.dispose);
    expect((await second.methods.getSession()).status).toBe('logged-in');
    expect((await second.methods.me()).userName).toBe('empfang.admin');
    const loggedOut: unknown[] = [];
    second.service.events.subscribe((event, payload) => {
      if (event === 'onLoggedOut') loggedOut.push(payload);
    });
    expect((await second.methods.logout()).status).toBe('logged-out');
    expect(loggedOut).toEqual([{ reason: 'logout', wipeLocalData: true }]);
    await expect(second.methods.listClients()).rejects.toMatchObject({ code: 'unauthorized' });
    await second.dispose();

    const third = await startDeskHost(folder.path, '');
    cleanups.push(third.dispose);
    expect((await third.methods.getSession()).status).toBe('logged-out');
  });

  it('answers a wrong password as data', async () => {
    const { desk } = await embeddedDesk();
    await desk.methods.createFirstAccount(FIRST_ACCOUNT);
    await desk.methods.logout();
    expect(await desk.methods.login({ userName: 'empfang.admin', password: 'wrong' })).toEqual({
      kind: 'invalid',
    });
    const ok = await desk.methods.login({ userName: 'empfang.admin', password: TEST_PASSWORD });
    expect(ok.kind).toBe('ok');
  });

  it('stops the embedded portal on dispose', async () => {
    const { desk } = await embeddedDesk();
    const url = desk.service.connection()!.embedded!.url;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    await desk.dispose();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});

describe('portal service events', () => {
  it('forwards note status events of the portal to the desk', async () => {
    const { desk } = await embeddedDesk();
    await desk.methods.createFirstAccount(FIRST_ACCOUNT);
    const statuses: { idempotencyKey: string; status: string }[] = [];
    desk.service.events.subscribe((event, payload) => {
      if (event === 'onNoteStatusChanged') statuses.push(payload as (typeof statuses)[number]);
    });
    await eventually(() => desk.service.connection()?.reachability.state === 'online');
    // The socket authenticates asynchronously after login; give it a moment to be open.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const idempotencyKey = randomUUID();
    await desk.methods.submitNote({ idempotencyKey, note: lawFirmNote(), call: null });
    await eventually(() => statuses.some((entry) => entry.idempotencyKey === idempotencyKey));
    expect(statuses.find((entry) => entry.idempotencyKey === idempotencyKey)?.status).toBe(
      'received',
    );
  });
});
