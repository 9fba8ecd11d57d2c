/**
 * A demo desk: a web shell host with its own data folder (never the person's own desk data),
 * settings written before it starts (portal URL, and for the agent's desk the lab's SIP account
 * 1001), signed in to the portal through the host's own contract (the page never sees tokens).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { APP_CONTRACT } from '../../src/shared/contract/appContract';
import { WEB_SHELL_RPC_PATH, WEB_SHELL_TOKEN_PARAMETER } from '../../src/shared/contract/channels';
import {
  DEFAULT_SETTINGS,
  type SettingsValues,
} from '../../src/shared/contract/services/settingsService';
import { createContractClient } from '../../src/shared/rpc/rpcClient';
import { createWebSocketProtocol } from '../../src/main/webshell/webSocketProtocol';
import { ChildGroup, startHost, type StartedHost } from '../launchSupport';

/** The lab account of the demo agent (seedDemo gives demo-agent the SIP user 1001). */
export function labSipSettings(): SettingsValues['sip'] {
  return {
    uri: 'sip:1001@127.0.0.1',
    webSocketServer: 'ws://127.0.0.1:8080',
    authorizationUser: '1001',
    displayName: 'Empfang Demo',
    iceServers: [],
  };
}

export interface DemoDesk {
  readonly host: StartedHost;
  stop(): Promise<void>;
}

export async function startDemoDesk(options: {
  root: string;
  dataDirectory: string;
  hostCommand: string[];
  portalUrl: string;
  sip?: SettingsValues['sip'];
  login: { userName: string; password: string };
  /** The desk's live transcription (the demo's scripted Deepgram protocol server). */
  deepgramUrl?: string;
}): Promise<DemoDesk> {
  // A fresh folder per start: no session, outbox or remembered port from an earlier demo.
  await rm(options.dataDirectory, { recursive: true, force: true });
  await mkdir(options.dataDirectory, { recursive: true, mode: 0o700 });
  const settings: SettingsValues = {
    ...DEFAULT_SETTINGS,
    portalUrl: options.portalUrl,
    ...(options.sip ? { sip: options.sip } : {}),
  };
  await writeFile(join(options.dataDirectory, 'settings.json'), JSON.stringify(settings, null, 2));
  const group = new ChildGroup();
  const host = await startHost({
    root: options.root,
    command: options.hostCommand,
    environment: { EMPFANG_DATA_DIR: options.dataDirectory },
    group,
  });
  const desk = { host, stop: () => group.stopAll() };
  try {
    await prepare(host.url, options.login, options.deepgramUrl);
  } catch (error) {
    await desk.stop();
    throw error;
  }
  return desk;
}

/**
 * Over the host's RPC socket, as the page would: sets the transcription provider (the key is a
 * secret, so it goes through the contract, not the settings file) and logs in to the portal.
 */
async function prepare(
  pageUrl: string,
  login: { userName: string; password: string },
  deepgramUrl: string | undefined,
): Promise<void> {
  const page = new URL(pageUrl);
  const token = new URLSearchParams(page.hash.slice(1)).get(WEB_SHELL_TOKEN_PARAMETER);
  if (!token) throw new Error('the desk URL carries no token');
  const url = new URL(WEB_SHELL_RPC_PATH, page.origin.replace(/^http/, 'ws'));
  url.searchParams.set(WEB_SHELL_TOKEN_PARAMETER, token);
  const socket = new WebSocket(url, { headers: { Origin: page.origin } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    const client = createContractClient(APP_CONTRACT, createWebSocketProtocol(socket));
    if (deepgramUrl) {
      const updated = await client.settings.update({
        values: { providers: { deepgramBaseUrl: deepgramUrl, deepgramLanguage: 'de' } },
        secrets: { deepgramApiKey: 'demo' },
      });
      if (!updated.ok) throw new Error(`settings: ${updated.error.message}`);
    }
    // The host may still be connecting to the portal right after its start.
    for (let attempt = 0; ; attempt += 1) {
      const result = await client.portal.login(login);
      if (!result.ok) throw new Error(`login failed: ${result.error.message}`);
      if (result.value.kind === 'ok') return;
      if (result.value.kind !== 'unreachable' || attempt >= 20)
        throw new Error(`login failed: ${result.value.kind}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    socket.close();
  }
}
