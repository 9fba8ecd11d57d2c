/**
 * The web shell host for `npm run dev` (run by `tsx watch`, restarted on every host change).
 * Same services and host as src/main/webshell/startWebShell.ts, with two differences that keep
 * an open dev page working across restarts: the token and the port are fixed for the whole dev
 * session (EMPFANG_DEV_TOKEN, EMPFANG_WEB_SHELL_PORT), chosen by scripts/devCommand.ts.
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../src/main/services/createServices';
import { FileSecretStore } from '../src/main/services/secrets/fileSecretStore';
import { readAppVersion } from '../src/main/webshell/appVersion';
import { startWebShellHost } from '../src/main/webshell/webShellHost';
import { originsOf } from '../src/shared/security/contentSecurityPolicy';

async function main(): Promise<void> {
  const token = process.env.EMPFANG_DEV_TOKEN;
  if (!token) throw new Error('EMPFANG_DEV_TOKEN is not set (start this through npm run dev)');
  const configHome = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  const dataDirectory = resolve(
    process.env.EMPFANG_DATA_DIR ?? join(configHome, 'Empfang', 'web-shell'),
  );
  await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
  const host = await createServices({
    shell: 'web',
    appVersion: await readAppVersion(),
    dataDirectory,
    secrets: new FileSecretStore(join(dataDirectory, 'secrets.json')),
    capabilities: { updates: false, osNotifications: true },
  });
  const webShell = await startWebShellHost({
    services: host.services,
    rendererDirectory: resolve('out/renderer'),
    port: Number(process.env.EMPFANG_WEB_SHELL_PORT ?? 0),
    token,
    connectOrigins: () => originsOf([host.settings.current().sip.webSocketServer]),
    onRejected: (reason) => console.error(JSON.stringify({ event: 'rejected', reason })),
  });
  console.log(JSON.stringify({ event: 'ready', url: webShell.url, dataDirectory }));
  const shutdown = (): void => {
    void webShell
      .close()
      .then(() => host.dispose())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ event: 'failed', message: String(error) }));
  process.exit(1);
});
