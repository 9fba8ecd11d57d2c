/**
 * Issue 14, item 1, for the desk's own WebSocket server: malformed frames and handshakes on the
 * web shell's RPC socket close only the connection that sent them. The host keeps serving, and a
 * page already connected keeps receiving host events. Same raw-frame cases as the portal's
 * `/events` (src/portal/testing/webSocketFrameFuzz.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { APP_CONTRACT } from '../../shared/contract/appContract';
import { WEB_SHELL_RPC_PATH, WEB_SHELL_TOKEN_PARAMETER } from '../../shared/contract/channels';
import { MAXIMUM_FRAME_BYTES } from '../../shared/rpc/messageCodec';
import { createContractClient } from '../../shared/rpc/rpcClient';
import { runWebSocketFuzz } from '../../portal/testing/webSocketFuzzRun';
import { createServices, type HostServices } from '../services/createServices';
import { MemorySecretStore } from '../services/secrets/memorySecretStore';
import { createWebSocketProtocol } from './webSocketProtocol';
import { startWebShellHost, type WebShellHost } from './webShellHost';

let directory: string;
let services: HostServices;
let host: WebShellHost;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'empfang-host-fuzz-'));
  await writeFile(join(directory, 'index.html'), '<!doctype html><title>Empfang</title>');
  services = await createServices({
    shell: 'web',
    appVersion: '1.2.3',
    dataDirectory: directory,
    secrets: new MemorySecretStore(),
    capabilities: { updates: false, osNotifications: false },
  });
  host = await startWebShellHost({ services: services.services, rendererDirectory: directory });
});

afterAll(async () => {
  await host?.close();
  await services?.dispose();
  await rm(directory, { recursive: true, force: true });
});

async function connectPage() {
  const url = `${host.origin.replace('http', 'ws')}${WEB_SHELL_RPC_PATH}?${WEB_SHELL_TOKEN_PARAMETER}=${encodeURIComponent(host.token)}`;
  const socket = new WebSocket(url, { origin: host.origin });
  socket.binaryType = 'nodebuffer';
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, client: createContractClient(APP_CONTRACT, createWebSocketProtocol(socket)) };
}

describe('web shell host under a raw-frame fuzz', () => {
  it('closes each bad connection alone; a connected page keeps its events', async () => {
    const bystander = await connectPage();
    const themes: string[] = [];
    bystander.client.settings.onDidChange((view) => themes.push(view.values.theme));
    const { hostname, port } = new URL(host.origin);
    const report = await runWebSocketFuzz(
      {
        host: hostname,
        port: Number(port),
        path: `${WEB_SHELL_RPC_PATH}?${WEB_SHELL_TOKEN_PARAMETER}=${encodeURIComponent(host.token)}`,
        headers: { Origin: host.origin },
      },
      MAXIMUM_FRAME_BYTES,
    );
    try {
      expect(report.notClosed).toEqual([]);
      expect((await fetch(`${host.origin}/`)).status).toBe(200);
      const other = await connectPage();
      expect((await other.client.settings.update({ values: { theme: 'dark' } })).ok).toBe(true);
      // The bystander's own request is answered after the event went out on the same socket.
      expect((await bystander.client.settings.get()).ok).toBe(true);
      expect(themes).toEqual(['dark']);
      other.socket.close();
    } finally {
      report.destroyOpen();
      bystander.socket.close();
    }
    console.log(
      `[fuzz] web shell: ${report.cases} cases, ${report.closedByServer} closed by the host`,
    );
  });
});
