/** Every channel, path and header name a transport uses, in one place. */

/** The single Electron IPC channel that carries all RPC messages. */
export const IPC_CHANNEL = 'empfang:rpc';

/** The name under which the preload exposes its bridge on `window`. */
export const PRELOAD_BRIDGE_NAME = 'empfangBridge';

/** The web shell host's WebSocket path for RPC. */
export const WEB_SHELL_RPC_PATH = '/rpc';

/** The web shell host's token check: 204 with a valid token, 401 otherwise. */
export const WEB_SHELL_SESSION_PATH = '/session';

/** Query parameter that carries the per-start token on the WebSocket upgrade. */
export const WEB_SHELL_TOKEN_PARAMETER = 'token';

/** The custom protocol the Electron shell serves the renderer from (never file://). */
export const APP_PROTOCOL = 'empfang';
