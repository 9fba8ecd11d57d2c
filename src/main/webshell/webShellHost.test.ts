import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { APP_CONTRACT } from '../../shared/contract/appContract';
import { decodeMessage, encodeMessage } from '../../shared/rpc/messageCodec';
import { createContractClient } from '../../shared/rpc/rpcClient';
import type { RpcProtocol } from '../../shared/rpc/rpcProtocol';
import { createServices, type HostServices } from '../services/createServices';
import { MemorySecretStore } from '../services/secrets/memorySecretStore';
import { startWebShellHost, type WebShellHost } from './webShellHost';

let directory: string;
let services: HostServices;
let host: WebShellHost;
let rejected: string[];

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'empfang-host-'));
  await writeFile(join(directory, 'index.html'), '<!doctype html><title>Empfang</title>');
  services = await createServices({
    shell: 'web',
    appVersion: '1.2.3',
    dataDirectory: directory,
    secrets: new MemorySecretStore(),
    capabilities: { updates: false, osNotifications: false },
  });
  rejected = [];
  host = await startWebShellHost({
    services: services.services,
    rendererDirectory: directory,
    onRejected: (reason) => rejected.push(reason),
  });
});

afterEach(async () => {
  await host.close();
  await services.dispose();
  await rm(directory, { recursive: true, force: true });
});

function openSocket(token: string, origin = host.origin): Promise<WebSocket> {
  const url = `${host.origin.replace('http', 'ws')}/rpc?token=${encodeURIComponent(token)}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    socket.binaryType = 'nodebuffer';
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

function protocolOf(socket: WebSocket): RpcProtocol {
  return {
    send: (message) => socket.send(encodeMessage(message)),
    onMessage: (listener) => {
      const handler = (data: Buffer) => listener(decodeMessage(new Uint8Array(data)));
      socket.on('message', handler);
      return () => socket.off('message', handler);
    },
    onClose: (listener) => {
      socket.once('close', listener);
      return () => socket.off('close', listener);
    },
  };
}

describe('web shell host', () => {
  it('serves the contract over the real WebSocket, binary frames included', async () => {
    const socket = await openSocket(host.token);
    const client = createContractClient(APP_CONTRACT, protocolOf(socket));
    const info = await client.system.getInfo();
    expect(info).toMatchObject({ ok: true, value: { shell: 'web', appVersion: '1.2.3' } });
    const frame = new Uint8Array(32_000).map((_, index) => index % 251);
    const echoed = await client.system.echoBinary(frame);
    expect(echoed.ok && Buffer.from(echoed.value).equals(Buffer.from(frame))).toBe(true);
    socket.close();
  });

  it('refuses a missing or wrong token and a foreign origin', async () => {
    await expect(openSocket('')).rejects.toThrow('HTTP 401');
    await expect(openSocket('wrong-token')).rejects.toThrow('HTTP 401');
    await expect(openSocket(host.token, 'http://evil.example')).rejects.toThrow('HTTP 403');
    const session = await fetch(`${host.origin}/session`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(session.status).toBe(401);
    const good = await fetch(`${host.origin}/session`, {
      headers: { Authorization: `Bearer ${host.token}` },
    });
    expect(good.status).toBe(204);
  });

  it('answers garbage frames with validation errors and keeps serving', async () => {
    const socket = await openSocket(host.token);
    socket.send('plain text frame');
    socket.send(Buffer.from([0xc1, 0xff, 0x00]));
    socket.send(
      encodeMessage({
        kind: 'request',
        id: 5,
        service: 'settings',
        method: 'update',
        arguments: [{ values: { sip: { uri: 42 } } }],
      } as never),
    );
    // Host events (e.g. the portal session) may arrive first: wait for the answer to id 5.
    const reply = await new Promise<unknown>((resolve) => {
      const listener = (data: Buffer): void => {
        const message = decodeMessage(new Uint8Array(data)) as { kind?: string; id?: number };
        if (message?.kind !== 'response' || message.id !== 5) return;
        socket.off('message', listener);
        resolve(message);
      };
      socket.on('message', listener);
    });
    expect(reply).toMatchObject({
      kind: 'response',
      id: 5,
      result: { ok: false, error: { code: 'validation' } },
    });
    const client = createContractClient(APP_CONTRACT, protocolOf(socket));
    expect((await client.settings.get()).ok).toBe(true);
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    socket.close();
  });

  it('serves the page with a strict CSP and never files outside the renderer folder', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/.hidden',
      '/secrets.json',
    ]) {
      expect((await fetch(`${host.origin}${path}`)).status).toBe(404);
    }
  });
});
