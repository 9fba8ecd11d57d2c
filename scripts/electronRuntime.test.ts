import { describe, expect, it } from 'vitest';
import { electronRuntimeStatus, firstErrorLine } from './electronRuntime';

const ROOT = '/repo';
const PACKAGE = '/repo/node_modules/electron';

function files(entries: Record<string, string>) {
  return {
    exists: (path: string) => path in entries,
    read: (path: string) => {
      if (!(path in entries)) throw new Error('ENOENT');
      return entries[path]!;
    },
  };
}

describe('Electron runtime detection', () => {
  it('finds the binary named in path.txt inside dist', () => {
    const fake = files({
      [`${PACKAGE}/package.json`]: '{}',
      [`${PACKAGE}/path.txt`]: 'electron',
      [`${PACKAGE}/dist/electron`]: '',
    });
    expect(electronRuntimeStatus(ROOT, {}, fake.exists, fake.read)).toEqual({
      present: true,
      executable: `${PACKAGE}/dist/electron`,
    });
  });

  it('reports a runtime that was never downloaded (no path.txt)', () => {
    const fake = files({ [`${PACKAGE}/package.json`]: '{}' });
    expect(electronRuntimeStatus(ROOT, {}, fake.exists, fake.read)).toEqual({
      present: false,
      problem: 'the runtime was never downloaded',
    });
  });

  it('reports a path.txt whose binary is gone', () => {
    const fake = files({ [`${PACKAGE}/package.json`]: '{}', [`${PACKAGE}/path.txt`]: 'electron' });
    expect(electronRuntimeStatus(ROOT, {}, fake.exists, fake.read).present).toBe(false);
  });

  it('reports a missing electron package', () => {
    expect(
      electronRuntimeStatus(
        ROOT,
        {},
        () => false,
        () => '',
      ).present,
    ).toBe(false);
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH like electron itself', () => {
    const fake = files({ [`${PACKAGE}/package.json`]: '{}', '/opt/electron/electron': '' });
    expect(
      electronRuntimeStatus(
        ROOT,
        { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        fake.exists,
        fake.read,
      ),
    ).toEqual({ present: true, executable: '/opt/electron/electron' });
  });
});

describe('install.js error line', () => {
  it('picks the error out of a stack trace', () => {
    const output = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:13510:13',
      '    at async FetchDownloader.download (file:///x.js:46:30)',
    ].join('\n');
    expect(firstErrorLine(output)).toBe('TypeError: fetch failed');
    expect(firstErrorLine('\nsomething odd\n')).toBe('something odd');
    expect(firstErrorLine('')).toBeUndefined();
  });
});
