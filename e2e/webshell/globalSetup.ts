/**
 * Playwright global setup: make sure the renderer and hosts are built once per run
 * (`npx electron-vite build`, about 8 s). Skipped when out/ is newer than every source file,
 * e.g. right after `npm test` built it.
 *
 * The built renderer and the bundled web shell host are then copied to private folders for this
 * run (EMPFANG_RENDERER_DIR and EMPFANG_HOST_ENTRY, inherited by the workers and the hosts they
 * start), so a build started elsewhere while the tests run cannot pull files from under the
 * page or the host. The returned teardown removes the copies.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../support/webShell';

const BUILD_MARKER = join(REPOSITORY_ROOT, 'out', 'renderer', 'index.html');
const SOURCE_FOLDERS = ['src/renderer', 'src/shared', 'src/main', 'src/portal', 'src/preload'];

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  if (!existsSync(BUILD_MARKER)) return false;
  const built = statSync(BUILD_MARKER).mtimeMs;
  const sources = [...SOURCE_FOLDERS, 'index.html']
    .map((folder) => join(REPOSITORY_ROOT, folder))
    .filter((path) => existsSync(path) && statSync(path).isDirectory());
  return sources.every((folder) => newestModification(folder) <= built);
}

export default function globalSetup(): () => void {
  if (process.env.EMPFANG_SKIP_BUILD !== '1' && !buildIsCurrent()) {
    execFileSync(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const copy = mkdtempSync(join(tmpdir(), 'empfang-renderer-'));
  cpSync(join(REPOSITORY_ROOT, 'out', 'renderer'), copy, { recursive: true });
  process.env.EMPFANG_RENDERER_DIR = copy;
  // The bundled host, copied likewise; inside the repository, so its imports still find
  // node_modules (ES modules ignore NODE_PATH).
  const host = mkdtempSync(join(REPOSITORY_ROOT, '.e2e-host-'));
  cpSync(join(REPOSITORY_ROOT, 'out', 'main'), host, { recursive: true });
  process.env.EMPFANG_HOST_ENTRY = join(host, 'webshell.js');
  return () => {
    rmSync(copy, { recursive: true, force: true });
    rmSync(host, { recursive: true, force: true });
  };
}
