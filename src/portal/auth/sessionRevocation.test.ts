/**
 * Issue 14, items 4 and 5: a logout, a password reset, a disable and a role change end every
 * affected session at once (access token, refresh token and open `/events` sockets); a change
 * of assigned clients ends the user's sockets so they reconnect with the new scope.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenPair } from '../../shared/portalWire/authSchemas';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import { CLOSE_SCOPE_CHANGED, CLOSE_UNAUTHORIZED } from '../events/eventSocketServer';
import { closeCodeOrOpen, listenToEvents } from '../testing/eventListener';
import { noteSubmission, OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

describe.each(targets)('session revocation on $name', (target) => {
  let portal: TestPortal;
  let adminToken: string;
  let userCounter = 0;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    await portal.createUser('admin-lena', 'admin', []);
    adminToken = (await portal.login('admin-lena')).accessToken;
  });
  afterAll(async () => portal?.close());

  async function newUser(role: UserRole = 'supervisor') {
    const userName = `user-${++userCounter}`;
    const user = await portal.createUser(userName, role, [OWN_CLIENT.id]);
    return { id: user.id, userName, tokens: await portal.login(userName) };
  }

  const patchUser = (userId: string, body: unknown) =>
    portal.request('PATCH', `/users/${userId}`, { token: adminToken, body });

  async function sessionAlive(tokens: TokenPair): Promise<{ access: number; refresh: number }> {
    const access = await portal.request('GET', '/me', { token: tokens.accessToken });
    const refresh = await portal.request('POST', '/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    return { access: access.status, refresh: refresh.status };
  }

  const postNote = (clientId: string) =>
    portal.request('POST', '/notes', {
      token: adminToken,
      body: noteSubmission(clientId),
      headers: { 'idempotency-key': randomUUID() },
    });

  for (const [change, body] of [
    ['a password reset', { password: 'a completely new password' }],
    ['a disable', { disabled: true }],
    ['a role change', { role: 'agent' }],
  ] as const) {
    it.skipIf(target.skipReason)(
      `revokes every session and closes the event sockets on ${change}`,
      async () => {
        const user = await newUser();
        const secondDesk = await portal.login(user.userName);
        const listener = await listenToEvents(portal.url, user.tokens.accessToken);
        expect((await patchUser(user.id, body)).status).toBe(200);
        expect(await sessionAlive(user.tokens)).toEqual({ access: 401, refresh: 401 });
        expect(await sessionAlive(secondDesk)).toEqual({ access: 401, refresh: 401 });
        expect(await closeCodeOrOpen(listener)).toBe(CLOSE_UNAUTHORIZED);
        if ('disabled' in body) {
          // Enabling again does not bring the old sessions back.
          expect((await patchUser(user.id, { disabled: false })).status).toBe(200);
          expect(await sessionAlive(secondDesk)).toEqual({ access: 401, refresh: 401 });
        }
      },
    );
  }

  it.skipIf(target.skipReason)(
    'keeps sessions on a name change; closes the sockets of one session on logout',
    async () => {
      const user = await newUser();
      const otherDesk = await portal.login(user.userName);
      const loggingOut = await listenToEvents(portal.url, user.tokens.accessToken);
      const staying = await listenToEvents(portal.url, otherDesk.accessToken);
      expect((await patchUser(user.id, { displayName: 'Neuer Name' })).status).toBe(200);
      const logout = await portal.request('POST', '/auth/logout', {
        token: user.tokens.accessToken,
      });
      expect(logout.status).toBe(204);
      expect(await closeCodeOrOpen(loggingOut)).toBe(CLOSE_UNAUTHORIZED);
      expect((await postNote(OWN_CLIENT.id)).status).toBe(201);
      await staying.flush();
      expect(staying.events.map((event) => event.type)).toEqual(['note.status-changed']);
      staying.socket.close();
    },
  );

  it.skipIf(target.skipReason)(
    'closes the sockets of a user whose clients change; the new socket has the new scope',
    async () => {
      const user = await newUser('agent');
      const listener = await listenToEvents(portal.url, user.tokens.accessToken);
      expect((await patchUser(user.id, { clientIds: [OTHER_CLIENT.id] })).status).toBe(200);
      expect(await closeCodeOrOpen(listener)).toBe(CLOSE_SCOPE_CHANGED);
      const reconnected = await listenToEvents(portal.url, user.tokens.accessToken);
      expect((await postNote(OWN_CLIENT.id)).status).toBe(201);
      expect((await postNote(OTHER_CLIENT.id)).status).toBe(201);
      await reconnected.flush();
      expect(reconnected.events).toMatchObject([{ clientId: OTHER_CLIENT.id }]);
      expect((await patchUser(user.id, { clientIds: [] })).status).toBe(200);
      expect(await closeCodeOrOpen(reconnected)).toBe(CLOSE_SCOPE_CHANGED);
    },
  );
});
