/**
 * Whether out/ must be rebuilt before starting: any build output missing, or any source file of
 * the app (main, portal, preload, renderer, shared; tests excluded) newer than the oldest output.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { needsBuild } from './startPlan';

export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/webshell.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
export const BUILD_SOURCES = [
  'src/main',
  'src/portal',
  'src/preload',
  'src/renderer',
  'src/shared',
  'electron.vite.config.ts',
];

function modifiedTime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time of non-test files below the given paths. */
export function newestSourceTime(root: string, paths: readonly string[] = BUILD_SOURCES): number {
  let newest = 0;
  const visit = (path: string): void => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      newest = Math.max(newest, modifiedTime(path) ?? 0);
      return;
    }
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (!/\.test\.tsx?$/.test(entry.name))
        newest = Math.max(newest, modifiedTime(child) ?? 0);
    }
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

export function buildIsStale(root: string): boolean {
  return needsBuild(
    BUILD_OUTPUTS.map((output) => modifiedTime(join(root, output))),
    newestSourceTime(root),
  );
}
