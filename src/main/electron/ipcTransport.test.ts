import { z } from 'zod';
import { beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '../../shared/contract/channels';
import { defineMethod, defineService } from '../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../shared/contract/serviceEvents';
import { APP_ENTRY_URL, appOrigins } from './appOrigin';
import { IpcMainFake, WebContentsFake, WebFrameFake } from './electronApiFake';
import { createIpcTransport, isTrustedIpcSender, type IpcTransport } from './ipcTransport';

const echoService = defineService({
  methods: {
    echo: defineMethod(z.tuple([z.string().max(10)]), z.string()),
    echoBytes: defineMethod(z.tuple([z.instanceof(Uint8Array)]), z.instanceof(Uint8Array)),
  },
  events: { onPing: z.object({ count: z.number() }) },
});
const CONTRACT = { echo: echoService };

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('IPC transport', () => {
  let ipcMain: IpcMainFake;
  let own: Set<number>;
  let rejected: string[];
  let events: ServiceEvents<typeof echoService>;
  let calls: number;
  let transport: IpcTransport;
  let window: WebContentsFake;

  beforeEach(() => {
    ipcMain = new IpcMainFake();
    own = new Set();
    rejected = [];
    calls = 0;
    events = new ServiceEvents();
    transport = createIpcTransport({
      ipcMain,
      contract: CONTRACT,
      services: {
        echo: {
          events,
          methods: {
            echo: async (text) => {
              calls += 1;
              return text;
            },
            echoBytes: async (bytes) => bytes,
          },
        },
      },
      rules: { isOwnWebContents: (contents) => own.has(contents.id), appOrigins: appOrigins() },
      onRejected: (reason) => rejected.push(reason),
    });
    window = new WebContentsFake(APP_ENTRY_URL);
    own.add(window.id);
    transport.attach(window);
  });

  const request = (id: number, text: unknown = 'hallo') => ({
    kind: 'request',
    id,
    service: 'echo',
    method: 'echo',
    arguments: [text],
  });
  const responses = (contents: WebContentsFake) =>
    contents.sent.filter((entry) => entry.channel === IPC_CHANNEL).map((entry) => entry.args[0]);

  it('listens on exactly one channel', () => {
    expect(ipcMain.listenerCount(IPC_CHANNEL)).toBe(1);
  });

  it('answers a request from the main frame of its own window', async () => {
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, request(1));
    await tick();
    expect(responses(window)).toEqual([
      { kind: 'response', id: 1, result: { ok: true, value: 'hallo' } },
    ]);
  });

  it('carries binary frames intact', async () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, {
      kind: 'request',
      id: 2,
      service: 'echo',
      method: 'echoBytes',
      arguments: [bytes],
    });
    await tick();
    expect(responses(window)).toEqual([
      { kind: 'response', id: 2, result: { ok: true, value: bytes } },
    ]);
  });

  it('ignores a message from a sub frame of its own window', async () => {
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame.child(APP_ENTRY_URL), request(3));
    await tick();
    expect(responses(window)).toEqual([]);
    expect(calls).toBe(0);
    expect(rejected).toEqual(['message from an untrusted sender ignored']);
  });

  it('ignores a main frame showing a foreign origin', async () => {
    window.mainFrame.url = 'https://evil.example.org/';
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, request(4));
    await tick();
    expect(calls).toBe(0);
    expect(responses(window)).toEqual([]);
  });

  it('ignores a webContents the window factory did not create', async () => {
    const stranger = new WebContentsFake(APP_ENTRY_URL);
    transport.attach(stranger);
    ipcMain.receive(IPC_CHANNEL, stranger, stranger.mainFrame, request(5));
    await tick();
    expect(calls).toBe(0);
    expect(responses(stranger)).toEqual([]);
  });

  it('ignores a frame that is gone or belongs to another process', async () => {
    ipcMain.receive(IPC_CHANNEL, window, null, request(6));
    ipcMain.receive(IPC_CHANNEL, window, new WebFrameFake(APP_ENTRY_URL), request(7));
    await tick();
    expect(calls).toBe(0);
    expect(rejected).toHaveLength(2);
  });

  it('answers invalid payloads with a validation error and keeps serving', async () => {
    ipcMain.receive(
      IPC_CHANNEL,
      window,
      window.mainFrame,
      request(8, 'far too long for the schema'),
    );
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, { kind: 'request', id: 9 });
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, 'garbage');
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, request(10));
    await tick();
    const answers = responses(window) as {
      id: number;
      result: { ok: boolean; error?: { code: string } };
    }[];
    expect(
      answers.map((answer) => [answer.id, answer.result.ok, answer.result.error?.code]),
    ).toEqual([
      [9, false, 'validation'],
      [8, false, 'validation'],
      [10, true, undefined],
    ]);
    expect(calls).toBe(1);
  });

  it('forwards service events to the window until it is destroyed', () => {
    events.emit('onPing', { count: 1 });
    expect(responses(window)).toEqual([
      { kind: 'event', service: 'echo', event: 'onPing', payload: { count: 1 } },
    ]);
    window.destroy();
    events.emit('onPing', { count: 2 });
    expect(responses(window)).toHaveLength(1);
    expect(transport.connectionCount()).toBe(0);
    expect(events.listenerCount).toBe(0);
  });

  it('drops answers meant for a page that has since been reloaded', async () => {
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, request(11));
    window.emit('did-start-navigation', {
      isMainFrame: true,
      isSameDocument: false,
      url: APP_ENTRY_URL,
    });
    await tick();
    expect(responses(window)).toEqual([]);
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, request(12));
    await tick();
    expect(responses(window)).toEqual([
      { kind: 'response', id: 12, result: { ok: true, value: 'hallo' } },
    ]);
    expect(events.listenerCount).toBe(1);
  });

  it('keeps the connection across same-document navigation (hash routes)', async () => {
    window.emit('did-start-navigation', {
      isMainFrame: true,
      isSameDocument: true,
      url: `${APP_ENTRY_URL}#/x`,
    });
    ipcMain.receive(IPC_CHANNEL, window, window.mainFrame, request(13));
    await tick();
    expect(responses(window)).toHaveLength(1);
  });

  it('never sends host data to a page that is not the app', () => {
    window.mainFrame.url = 'https://evil.example.org/';
    events.emit('onPing', { count: 3 });
    expect(responses(window)).toEqual([]);
  });

  it('stops listening when disposed', () => {
    transport.dispose();
    expect(ipcMain.listenerCount(IPC_CHANNEL)).toBe(0);
    expect(events.listenerCount).toBe(0);
  });
});

describe('IPC sender check', () => {
  it('requires the same process and routing id as the main frame', () => {
    const contents = new WebContentsFake(APP_ENTRY_URL);
    const rules = { isOwnWebContents: () => true, appOrigins: appOrigins() };
    expect(isTrustedIpcSender({ sender: contents, senderFrame: contents.mainFrame }, rules)).toBe(
      true,
    );
    const lookalike = new WebFrameFake(APP_ENTRY_URL, contents.mainFrame.processId, 99);
    expect(isTrustedIpcSender({ sender: contents, senderFrame: lookalike }, rules)).toBe(false);
  });
});
