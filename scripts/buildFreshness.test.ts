import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildIsStale, newestSourceTime } from './buildFreshness';

describe('build freshness', () => {
  let root: string;
  const touch = async (path: string, seconds: number) => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), '');
    await utimes(join(root, path), seconds, seconds);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'empfang-freshness-'));
    await touch('src/main/electron/main.ts', 1000);
    await touch('src/renderer/App.tsx', 1000);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is stale when out/ is missing', () => {
    expect(buildIsStale(root)).toBe(true);
  });

  it('is fresh when every output is newer than every source', async () => {
    for (const output of BUILD_OUTPUTS) await touch(output, 2000);
    expect(buildIsStale(root)).toBe(false);
  });

  it('is stale when a source changed after the build, but not for a test file', async () => {
    for (const output of BUILD_OUTPUTS) await touch(output, 2000);
    await touch('src/renderer/App.test.tsx', 3000);
    expect(buildIsStale(root)).toBe(false);
    await touch('src/shared/domain/x.ts', 3000);
    expect(buildIsStale(root)).toBe(true);
    expect(newestSourceTime(root)).toBe(3_000_000);
  });
});
