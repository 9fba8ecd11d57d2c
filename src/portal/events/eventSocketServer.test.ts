/**
 * The `/events` socket: token in the first message, events filtered by role and client scope
 * (the same scope as the routes), and events that carry IDs, never numbers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { listenToEvents, type EventListener } from '../testing/eventListener';
import { noteSubmission, OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { SQLITE_TARGET } from '../testing/testDatabases';
import { waitFor } from '../testing/waitFor';
import { CLOSE_UNAUTHORIZED } from './eventSocketServer';

describe('event socket', () => {
  let portal: TestPortal;
  const tokens: Record<string, string> = {};
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    portal = await startTestPortal(SQLITE_TARGET);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    for (const [name, role, clients] of [
      ['agent-own', 'agent', [OWN_CLIENT.id]],
      ['agent-other', 'agent', [OTHER_CLIENT.id]],
      ['supervisor-own', 'supervisor', [OWN_CLIENT.id]],
      ['shift-lead-own', 'shift-lead', [OWN_CLIENT.id]],
      ['supervisor-other', 'supervisor', [OTHER_CLIENT.id]],
      ['admin', 'admin', []],
    ] as const) {
      await portal.createUser(name, role, [...clients]);
      tokens[name] = (await portal.login(name)).accessToken;
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await portal?.close();
  });

  function open(): WebSocket {
    const socket = new WebSocket(`${portal.url.replace('http', 'ws')}/events`);
    sockets.push(socket);
    return socket;
  }

  const listen = (userName: string) => listenToEvents(portal.url, tokens[userName]!);

  it('closes with 4001 for a bad token and answers invalid messages with an error', async () => {
    const socket = open();
    await new Promise((resolve) => socket.once('open', resolve));
    const replies: string[] = [];
    socket.on('message', (data) => replies.push(String(data)));
    socket.send('not json');
    await waitFor(() => replies.length === 1);
    expect(JSON.parse(replies[0] ?? '{}')).toEqual({ type: 'error', code: 'invalid-message' });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(JSON.stringify({ type: 'authenticate', accessToken: 'forged.token' }));
    expect(await closed).toBe(CLOSE_UNAUTHORIZED);
  });

  it('sends each desk only the events of its clients and role', async () => {
    const own = await listen('agent-own');
    const other = await listen('agent-other');
    const supervisor = await listen('supervisor-own');

    const note = await portal.request('POST', '/notes', {
      token: tokens['agent-own'],
      body: noteSubmission(OWN_CLIENT.id),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(note.status).toBe(201);
    await portal.request('PUT', '/bot-switch/global', {
      token: tokens['shift-lead-own'],
      body: { mode: 'on' },
    });
    await portal.request('PUT', `/bot-switch/lines/${OWN_CLIENT.line}`, {
      token: tokens['shift-lead-own'],
      body: { mode: 'off' },
    });
    await portal.request('PUT', '/presence', {
      token: tokens['agent-own'],
      body: { state: 'wrap-up' },
    });

    await Promise.all([own.flush(), other.flush(), supervisor.flush()]);
    const types = (listener: EventListener) => listener.events.map((event) => event.type).sort();
    // An agent hears its own state changes (e.g. `offered`, issue 9), never a colleague's.
    expect(types(own)).toEqual([
      'bot-switch.changed',
      'bot-switch.changed',
      'note.status-changed',
      'presence.changed',
    ]);
    expect(types(other)).toEqual(['bot-switch.changed']);
    expect(types(supervisor)).toEqual([
      'bot-switch.changed',
      'bot-switch.changed',
      'note.status-changed',
      'presence.changed',
    ]);
    const noteEvent = own.events.find((event) => event.type === 'note.status-changed');
    expect(noteEvent).toMatchObject({ clientId: OWN_CLIENT.id, status: 'delivered' });
    expect(JSON.stringify(noteEvent)).not.toContain('Mustermann');
  });
});

describe('event scope', () => {
  let portal: TestPortal;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    portal = await startTestPortal(SQLITE_TARGET);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    for (const [name, role, clients] of [
      ['agent-own', 'agent', [OWN_CLIENT.id]],
      ['supervisor-own', 'supervisor', [OWN_CLIENT.id]],
      ['supervisor-other', 'supervisor', [OTHER_CLIENT.id]],
      ['admin', 'admin', []],
    ] as const) {
      userIds[name] = (await portal.createUser(name, role, [...clients])).id;
      tokens[name] = (await portal.login(name)).accessToken;
    }
  });
  afterAll(async () => portal?.close());

  it('sends presence only to watchers who may see the user in GET /presence', async () => {
    const listeners = Object.fromEntries(
      await Promise.all(
        ['supervisor-own', 'supervisor-other', 'admin'].map(
          async (name) => [name, await listenToEvents(portal.url, tokens[name]!)] as const,
        ),
      ),
    );
    const presence = await portal.request('PUT', '/presence', {
      token: tokens['agent-own'],
      body: { state: 'available' },
    });
    expect(presence.status).toBe(204);
    for (const [name, listener] of Object.entries(listeners)) {
      await listener.flush();
      const listed = await portal.request<Array<{ userId: string }>>('GET', '/presence', {
        token: tokens[name],
      });
      const routeShows = listed.body.some((entry) => entry.userId === userIds['agent-own']);
      const eventShows = listener.events.some((event) => event.type === 'presence.changed');
      expect({ name, eventShows }).toEqual({ name, eventShows: routeShows });
      listener.socket.close();
    }
    expect(listeners['supervisor-other']!.events).toEqual([]);
  });

  it('sends call.updated with IDs only: no caller number, no call facts', async () => {
    const listener = await listenToEvents(portal.url, tokens['supervisor-own']!);
    const callId = randomUUID();
    const call = await portal.request('POST', '/calls', {
      token: tokens['agent-own'],
      body: {
        id: callId,
        clientId: OWN_CLIENT.id,
        line: OWN_CLIENT.line,
        callerNumber: '+4917012345678',
        ringAt: '2025-03-31T08:00:00Z',
      },
    });
    expect(call.status).toBe(201);
    await listener.flush();
    expect(listener.events).toEqual([
      { type: 'call.updated', at: expect.any(String), clientId: OWN_CLIENT.id, callId },
    ]);
    expect(JSON.stringify(listener.events)).not.toContain('4917012345678');
    listener.socket.close();
  });
});
