/** The `/events` socket: token in the first message, events filtered by role and client scope. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PortalEventSchema, type PortalEvent } from '../../shared/portalWire/eventSchemas';
import { noteSubmission, OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { SQLITE_TARGET } from '../testing/testDatabases';
import { waitFor } from '../testing/waitFor';
import { CLOSE_UNAUTHORIZED } from './eventSocketServer';

interface Listener {
  readonly events: PortalEvent[];
  readonly socket: WebSocket;
  /** Resolves once every event sent before now has arrived (ping/pong on the same socket). */
  flush(): Promise<void>;
}

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

  async function listen(userName: string): Promise<Listener> {
    const socket = open();
    const events: PortalEvent[] = [];
    const pongs: Array<() => void> = [];
    const authenticated = new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string };
        if (message.type === 'authenticated') resolve();
        else if (message.type === 'pong') pongs.shift()?.();
        else if (message.type === 'error') reject(new Error('refused'));
        else events.push(PortalEventSchema.parse(message));
      });
    });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'authenticate', accessToken: tokens[userName] }));
    await authenticated;
    const flush = () =>
      new Promise<void>((resolve) => {
        pongs.push(resolve);
        socket.send(JSON.stringify({ type: 'ping' }));
      });
    return { events, socket, flush };
  }

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
    const types = (listener: Listener) => listener.events.map((event) => event.type).sort();
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
