/**
 * Launches the built Electron app for the shared Playwright specs (the `electron` project), or
 * says why it cannot: `{ skipReason }` when this machine has no Electron runtime or no display.
 *
 * It checks for the runtime binary first (node_modules/electron/path.txt and the file it names
 * under dist/, or ELECTRON_OVERRIDE_DIST_PATH) and never requires the `electron` package, which
 * would start a download. The app runs as packaged code does: out/main/index.js through
 * package.json `main`, the renderer from empfang://, a private profile in `dataDirectory`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronRuntimeStatus } from '../../scripts/electronRuntime';
import { hasDisplay } from '../../scripts/startPlan';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN_ENTRY = join(REPOSITORY_ROOT, 'out', 'main', 'index.js');

export interface ElectronDesk {
  app: ElectronApplication;
  /** The app's first window. */
  page: Page;
  dataDirectory: string;
  /** Closes the app; removes the data folder only if this helper created it. */
  close(): Promise<void>;
}

export interface LaunchElectronDeskOptions {
  /** The profile (EMPFANG_DATA_DIR); a fresh temporary folder when absent. */
  dataDirectory?: string;
  environment?: Record<string, string>;
  timeoutMilliseconds?: number;
}

/** Why Electron specs cannot run here, or undefined when they can. */
export function electronSkipReason(): string | undefined {
  const runtime = electronRuntimeStatus(REPOSITORY_ROOT);
  if (!runtime.present) {
    return `No Electron runtime on this machine (${runtime.problem}); see docs/electron.md`;
  }
  if (!hasDisplay(process.platform, process.env)) {
    return 'No display for Electron (DISPLAY/WAYLAND_DISPLAY unset); run under xvfb-run';
  }
  return undefined;
}

export async function launchElectronDesk(
  options: LaunchElectronDeskOptions = {},
): Promise<ElectronDesk | { skipReason: string }> {
  const skipReason = electronSkipReason();
  if (skipReason) return { skipReason };
  if (!existsSync(MAIN_ENTRY)) {
    // A runtime without a build is a broken setup, not a reason to skip quietly.
    throw new Error(`${MAIN_ENTRY} is missing: run npm run build first`);
  }
  const runtime = electronRuntimeStatus(REPOSITORY_ROOT);
  if (!runtime.present) return { skipReason: runtime.problem };

  const ownDataDirectory = options.dataDirectory === undefined;
  const dataDirectory =
    options.dataDirectory ?? (await mkdtemp(join(tmpdir(), 'empfang-electron-')));
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    // Production mode: never point the app at a dev server left in the environment.
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL') environment[name] = value;
  }
  const args = [REPOSITORY_ROOT, '--lang=de-DE'];
  // Chromium's sandbox cannot start as root (CI containers); Electron refuses without this.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');

  const app = await _electron.launch({
    executablePath: runtime.executable,
    args,
    cwd: REPOSITORY_ROOT,
    env: {
      ...environment,
      ...options.environment,
      EMPFANG_DATA_DIR: dataDirectory,
      LANG: 'de_DE.UTF-8',
    },
    timeout: options.timeoutMilliseconds ?? 30_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    dataDirectory,
    close: async () => {
      await app.close();
      if (ownDataDirectory) await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
