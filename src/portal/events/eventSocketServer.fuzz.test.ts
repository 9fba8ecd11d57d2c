/**
 * Issue 14, item 1: malformed WebSocket frames and handshakes on `/events` close only the
 * connection that sent them. The portal keeps serving HTTP, an already connected desk keeps
 * receiving its events, and a new desk can still connect.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenToEvents } from '../testing/eventListener';
import { noteSubmission, OWN_CLIENT } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { SQLITE_TARGET } from '../testing/testDatabases';
import { runWebSocketFuzz } from '../testing/webSocketFuzzRun';
import { MAXIMUM_EVENT_MESSAGE_BYTES } from './eventSocketServer';

describe('event socket under a raw-frame fuzz', () => {
  let portal: TestPortal;
  let token: string;

  beforeAll(async () => {
    portal = await startTestPortal(SQLITE_TARGET);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.createUser('agent-own', 'agent', [OWN_CLIENT.id]);
    token = (await portal.login('agent-own')).accessToken;
  });
  afterAll(async () => portal?.close());

  it('closes each bad connection alone; other desks keep their events', async () => {
    const bystander = await listenToEvents(portal.url, token);
    const { port, hostname } = new URL(portal.url);
    const report = await runWebSocketFuzz(
      { host: hostname, port: Number(port), path: '/events' },
      MAXIMUM_EVENT_MESSAGE_BYTES,
    );
    try {
      expect(report.notClosed).toEqual([]);
      expect((await portal.request('GET', '/health')).status).toBe(200);
      const note = await portal.request('POST', '/notes', {
        token,
        body: noteSubmission(OWN_CLIENT.id),
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(note.status).toBe(201);
      await bystander.flush();
      expect(bystander.events.map((event) => event.type)).toEqual(['note.status-changed']);
      const newcomer = await listenToEvents(portal.url, token);
      await newcomer.flush();
      newcomer.socket.close();
    } finally {
      report.destroyOpen();
      bystander.socket.close();
    }
    console.log(
      `[fuzz] /events: ${report.cases} cases, ${report.closedByServer} closed by the portal`,
    );
  });
});
