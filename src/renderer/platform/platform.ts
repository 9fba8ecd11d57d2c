/**
 * The only renderer code that knows which shell it runs in (ARCHITECTURE.md, renderer habits).
 * Electron: the preload bridge. Web shell: a WebSocket to the host, authorised by the per-start
 * token that the launcher put in the URL fragment (kept in sessionStorage so a reload works).
 */
import { APP_CONTRACT, type AppClient } from '../../shared/contract/appContract';
import {
  PRELOAD_BRIDGE_NAME,
  WEB_SHELL_RPC_PATH,
  WEB_SHELL_SESSION_PATH,
  WEB_SHELL_TOKEN_PARAMETER,
} from '../../shared/contract/channels';
import type { PreloadBridge } from '../../shared/rpc/preloadBridge';
import { createContractClient } from '../../shared/rpc/rpcClient';
import { createBridgeProtocol } from './bridgeProtocol';
import { createBrowserWebSocketProtocol } from './browserWebSocketProtocol';

export type ShellKind = 'electron' | 'web';

/** Why the renderer could not reach its host; each has its own message in the UI. */
export type PlatformFailure = 'missing-token' | 'invalid-token' | 'host-unreachable';

export interface Platform {
  shell: ShellKind;
  client: AppClient;
  /** Fires once if the host connection is lost (web shell only). */
  onDisconnect(listener: () => void): () => void;
}

export type PlatformConnection =
  { ok: true; platform: Platform } | { ok: false; failure: PlatformFailure };

const TOKEN_STORAGE_KEY = 'empfang.webShellToken';

export async function connectPlatform(): Promise<PlatformConnection> {
  const bridge = (window as unknown as Record<string, PreloadBridge | undefined>)[
    PRELOAD_BRIDGE_NAME
  ];
  if (bridge) {
    const client = createContractClient(APP_CONTRACT, createBridgeProtocol(bridge));
    return {
      ok: true,
      platform: { shell: 'electron', client, onDisconnect: () => () => undefined },
    };
  }
  return connectWebShell();
}

function takeToken(): string | undefined {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromFragment = fragment.get(WEB_SHELL_TOKEN_PARAMETER);
  if (fromFragment) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromFragment);
    // Remove the token from the address bar and history so it is not shared by copy and paste.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
}

async function connectWebShell(): Promise<PlatformConnection> {
  const token = takeToken();
  if (!token) return { ok: false, failure: 'missing-token' };
  try {
    const session = await fetch(WEB_SHELL_SESSION_PATH, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (session.status === 401) {
      sessionStorage.removeItem(TOKEN_STORAGE_KEY);
      return { ok: false, failure: 'invalid-token' };
    }
    if (!session.ok) return { ok: false, failure: 'host-unreachable' };
  } catch {
    return { ok: false, failure: 'host-unreachable' };
  }
  const socketUrl = new URL(WEB_SHELL_RPC_PATH, window.location.href);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  socketUrl.searchParams.set(WEB_SHELL_TOKEN_PARAMETER, token);
  const socket = new WebSocket(socketUrl);
  const opened = await new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true), { once: true });
    socket.addEventListener('error', () => resolve(false), { once: true });
  });
  if (!opened) return { ok: false, failure: 'host-unreachable' };
  const protocol = createBrowserWebSocketProtocol(socket);
  const client = createContractClient(APP_CONTRACT, protocol);
  return {
    ok: true,
    platform: { shell: 'web', client, onDisconnect: (listener) => protocol.onClose(listener) },
  };
}
