/**
 * A contract client for a web shell host from the test process: the same typed contract the
 * page uses, over the host's RPC WebSocket (token and Origin as the page sends them). Specs use
 * it to set SIP settings and the portal account before the page loads, through the contract
 * (`client.settings.update`), never by editing files.
 */
import WebSocket from 'ws';
import { APP_CONTRACT, type AppClient } from '../../../src/shared/contract/appContract';
import {
  WEB_SHELL_RPC_PATH,
  WEB_SHELL_TOKEN_PARAMETER,
} from '../../../src/shared/contract/channels';
import { createContractClient } from '../../../src/shared/rpc/rpcClient';
import { createWebSocketProtocol } from '../../../src/main/webshell/webSocketProtocol';
import type { WebShellHost } from '../../support/webShell';

export interface HostClient {
  client: AppClient;
  close(): void;
}

export async function connectHostClient(host: WebShellHost): Promise<HostClient> {
  const url = new URL(WEB_SHELL_RPC_PATH, host.origin.replace(/^http/, 'ws'));
  url.searchParams.set(WEB_SHELL_TOKEN_PARAMETER, host.token);
  const socket = new WebSocket(url, { headers: { Origin: host.origin } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const client = createContractClient(APP_CONTRACT, createWebSocketProtocol(socket));
  return { client, close: () => socket.close() };
}

/** Unwraps a contract result or fails the test with the error's message. */
export function expectOk<T>(
  result: { ok: true; value: T } | { ok: false; error: { message: string } },
): T {
  if (!result.ok) throw new Error(`host call failed: ${result.error.message}`);
  return result.value;
}
