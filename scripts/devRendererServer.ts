/**
 * Vite's dev server for the renderer in web-shell development: hot reload in any browser, with
 * the host's RPC socket and session check proxied to the dev web shell host, so the page talks
 * to one origin exactly as in production (`rewriteWsOrigin` makes the host's Origin check pass).
 *
 * Development-only CSP: the production policy plus 'unsafe-inline' for scripts and styles (Vite's
 * React-refresh preamble and injected styles) and any ws:/wss: for HMR and whichever SIP server is
 * configured. `npm start` and packaged builds never use this.
 */
import react from '@vitejs/plugin-react';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { WEB_SHELL_RPC_PATH, WEB_SHELL_SESSION_PATH } from '../src/shared/contract/channels';
import { buildAppContentSecurityPolicy } from '../src/main/electron/contentSecurity';

export function developmentContentSecurityPolicy(serverOrigin: string): string {
  return buildAppContentSecurityPolicy({
    sipWebSocketServer: '',
    developmentServerUrl: serverOrigin,
  })
    .split('; ')
    .map((directive) =>
      directive.startsWith('connect-src ') ? `${directive} ws: wss:` : directive,
    )
    .join('; ');
}

function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'empfang-development-csp',
    configureServer(server) {
      server.middlewares.use((_request, response, next) => {
        const address = server.httpServer?.address() as AddressInfo | null;
        if (address) {
          response.setHeader(
            'Content-Security-Policy',
            developmentContentSecurityPolicy(`http://127.0.0.1:${address.port}`),
          );
        }
        next();
      });
    },
  };
}

export async function startRendererDevServer(options: {
  root: string;
  hostPort: number;
  port?: number;
}): Promise<{ server: ViteDevServer; origin: string }> {
  const target = `http://127.0.0.1:${options.hostPort}`;
  const server = await createServer({
    configFile: false,
    root: resolve(options.root, 'src/renderer'),
    plugins: [react(), contentSecurityPolicyPlugin()],
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: false,
      proxy: {
        [WEB_SHELL_RPC_PATH]: { target, ws: true, rewriteWsOrigin: true },
        [WEB_SHELL_SESSION_PATH]: { target },
      },
    },
  });
  await server.listen();
  const address = server.httpServer!.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${address.port}` };
}
