/**
 * Entry point of the web shell host (`npm run webshell`, and `npm start` when Electron cannot
 * run). Prints one JSON line `{"event":"ready","url":...}` on stdout so launchers and tests can
 * pick up the URL with its per-start token.
 *
 * Environment: EMPFANG_DATA_DIR (data folder), EMPFANG_WEB_SHELL_PORT (default: any free port),
 * EMPFANG_RENDERER_DIR (built renderer, default `out/renderer`), EMPFANG_WEB_SHELL_TOKEN (a fixed
 * token, used by `npm run dev` so an open page survives host restarts; random otherwise),
 * EMPFANG_EXIT_WITH_LAUNCHER=1 (end when the launcher's stdin pipe closes: exitWithLauncher.ts).
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../services/createServices';
import { FileSecretStore } from '../services/secrets/fileSecretStore';
import { originsOf } from '../../shared/security/contentSecurityPolicy';
import { startWebShellHost } from './webShellHost';
import { EXIT_WITH_LAUNCHER_VARIABLE, exitWithLauncher } from './exitWithLauncher';
import { readAppVersion } from './appVersion';
import { readRememberedPort, rememberPort, startOnFirstFreePort } from './rememberedPort';

export function defaultDataDirectory(): string {
  const configHome = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(configHome, 'Empfang', 'web-shell');
}

async function main(): Promise<void> {
  const dataDirectory = resolve(process.env.EMPFANG_DATA_DIR ?? defaultDataDirectory());
  await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
  const host = await createServices({
    shell: 'web',
    appVersion: await readAppVersion(),
    dataDirectory,
    secrets: new FileSecretStore(join(dataDirectory, 'secrets.json')),
    capabilities: { updates: false, osNotifications: true },
  });
  const configuredPort = process.env.EMPFANG_WEB_SHELL_PORT;
  const candidates = configuredPort
    ? [Number(configuredPort)]
    : [...[await readRememberedPort(dataDirectory)].filter((port) => port !== undefined), 0];
  const webShell = await startOnFirstFreePort(candidates, (port) =>
    startWebShellHost({
      services: host.services,
      rendererDirectory: resolve(process.env.EMPFANG_RENDERER_DIR ?? 'out/renderer'),
      port,
      token: process.env.EMPFANG_WEB_SHELL_TOKEN || undefined,
      connectOrigins: () => originsOf([host.settings.current().sip.webSocketServer]),
      onRejected: (reason) => console.error(JSON.stringify({ event: 'rejected', reason })),
    }),
  );
  await rememberPort(dataDirectory, Number(new URL(webShell.origin).port));
  console.log(JSON.stringify({ event: 'ready', url: webShell.url, dataDirectory }));
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void webShell
      .close()
      .then(() => host.dispose())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (process.env[EXIT_WITH_LAUNCHER_VARIABLE] === '1') exitWithLauncher(process.stdin, shutdown);
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ event: 'failed', message: String(error) }));
  process.exit(1);
});
