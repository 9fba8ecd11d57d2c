import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import type { PortalOptions } from '../../../portal/portalOptions';
import {
  eventually,
  lawFirmNote,
  seedPortal,
  startDeskHost,
  startRestartablePortal,
  temporaryFolder,
  TEST_PASSWORD,
} from './portalServiceTestSupport';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function remoteSetup(overrides: Partial<PortalOptions> = {}) {
  const folder = await temporaryFolder();
  cleanups.push(folder.remove);
  const portal = await startRestartablePortal(folder.path, overrides);
  cleanups.push(portal.stop);
  await seedPortal(portal.current(), [
    { userName: 'anna.agent', role: 'agent', clientIds: [DEMO_CLIENTS[0]!.id] },
  ]);
  const desk = await startDeskHost(folder.path, portal.url);
  cleanups.push(desk.dispose);
  return { folder, portal, desk };
}

const login = { userName: 'anna.agent', password: TEST_PASSWORD };

describe('portal service, remote portal', () => {
  it('logs in to the configured portal and scopes lookups to the agent’s clients', async () => {
    const { desk } = await remoteSetup();
    expect((await desk.methods.getSession()).mode).toBe('remote');
    expect((await desk.methods.getSession()).firstRun).toBeNull();
    expect((await desk.methods.login(login)).kind).toBe('ok');
    expect((await desk.methods.getSession()).user?.role).toBe('agent');
    expect(await desk.methods.listClients()).toHaveLength(1);
    const other = DEMO_CLIENTS[1]!.lines[0]!;
    // Another client's line answers like an unknown one (no enumeration of lines).
    expect(await desk.methods.clientByLine(other)).toEqual({ kind: 'unknown-line', line: other });
    await expect(
      desk.methods.createFirstAccount({ ...login, displayName: 'x', loadDemoData: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('answers repeated wrong passwords with the portal’s rate limit and Retry-After', async () => {
    const { desk } = await remoteSetup();
    const results = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      results.push(await desk.methods.login({ userName: 'anna.agent', password: 'wrong' }));
    }
    expect(results.slice(0, 5).every((result) => result.kind === 'invalid')).toBe(true);
    expect(results[5]).toMatchObject({ kind: 'rate-limited' });
    const last = results[5];
    if (last?.kind === 'rate-limited') expect(last.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('queues instead of failing while the portal is down, and sends once it is back', async () => {
    const { desk, portal } = await remoteSetup();
    await desk.methods.login(login);
    await portal.stop();
    const request = { idempotencyKey: randomUUID(), note: lawFirmNote(), call: null };
    expect(await desk.methods.submitNote(request)).toEqual({
      kind: 'retry',
      code: 'unreachable',
      countsTowardLimit: false,
    });
    expect((await desk.methods.getSession()).connection).toBe('offline');
    await portal.start();
    await eventually(async () => (await desk.methods.getSession()).connection === 'online');
    const sent = await desk.methods.submitNote(request);
    expect(sent.kind).toBe('accepted');
  });

  it('restores a stored session while the portal is down and refreshes it when it is back', async () => {
    const { desk, portal, folder } = await remoteSetup();
    await desk.methods.login(login);
    await desk.dispose();
    await portal.stop();
    const restarted = await startDeskHost(folder.path, portal.url);
    cleanups.push(restarted.dispose);
    const offline = await restarted.methods.getSession();
    expect(offline).toMatchObject({ status: 'logged-in', connection: 'offline' });
    expect(offline.user?.userName).toBe('anna.agent');
    await portal.start();
    await eventually(async () => (await restarted.methods.getSession()).connection === 'online');
    expect(await restarted.methods.listClients()).toHaveLength(1);
  });

  it('refreshes short-lived tokens once for many parallel requests (rotation stays valid)', async () => {
    const { desk } = await remoteSetup({ accessTokenSeconds: 1 });
    await desk.methods.login(login);
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => desk.methods.listClients()),
      );
      expect(answers.every((clients) => clients.length === 1)).toBe(true);
    }
    expect((await desk.methods.getSession()).status).toBe('logged-in');
  });

  it('drops the session of the old portal when the portal URL changes', async () => {
    const { desk } = await remoteSetup();
    await desk.methods.login(login);
    const other = await temporaryFolder();
    cleanups.push(other.remove);
    const second = await startRestartablePortal(other.path);
    cleanups.push(second.stop);
    await desk.settings.methods.update({ values: { portalUrl: second.url } });
    await eventually(() => desk.service.connection()?.portalUrl === second.url);
    const session = await desk.methods.getSession();
    expect(session).toMatchObject({ status: 'logged-out', mode: 'remote', user: null });
    await desk.settings.methods.update({
      values: { portalUrl: desk.service.connection()!.portalUrl },
    });
  });
});
