import { describe, expect, it } from 'vitest';
import {
  browserArguments,
  decideOpen,
  decideShell,
  fallbackParagraph,
  findBrowser,
  hasDisplay,
  needsBuild,
  parseReadyLine,
  parseStartArguments,
} from './startPlan';

const present = { present: true as const, executable: '/repo/node_modules/electron/dist/electron' };
const missing = { present: false as const, problem: 'TypeError: fetch failed' };

describe('npm start decisions', () => {
  it('parses --web and --no-open and reports anything else', () => {
    expect(parseStartArguments([])).toEqual({ forceWeb: false, open: true, unknown: [] });
    expect(parseStartArguments(['--web', '--no-open', '--bogus'])).toEqual({
      forceWeb: true,
      open: false,
      unknown: ['--bogus'],
    });
  });

  it('runs Electron when its runtime exists and a display is there', () => {
    expect(
      decideShell({ arguments: parseStartArguments([]), runtime: present, display: true }),
    ).toEqual({
      shell: 'electron',
      executable: present.executable,
    });
  });

  it('falls back to the web shell without a runtime, without a display, or when forced', () => {
    expect(
      decideShell({ arguments: parseStartArguments([]), runtime: missing, display: true }),
    ).toEqual({
      shell: 'web',
      reason: 'runtime-missing',
      problem: 'TypeError: fetch failed',
    });
    expect(
      decideShell({ arguments: parseStartArguments([]), runtime: present, display: false }),
    ).toMatchObject({
      shell: 'web',
      reason: 'no-display',
    });
    expect(
      decideShell({ arguments: parseStartArguments(['--web']), runtime: present, display: true }),
    ).toMatchObject({
      shell: 'web',
      reason: 'forced',
    });
  });

  it('explains a missing runtime in one paragraph with the cause and what to do', () => {
    const text = fallbackParagraph(
      decideShell({ arguments: parseStartArguments([]), runtime: missing, display: true }),
      '45.4.1',
    )!;
    expect(text).not.toContain('\n');
    for (const part of [
      'TypeError: fetch failed',
      'ELECTRON_MIRROR',
      'node_modules/electron/dist',
      'npm start again',
      'web shell',
    ]) {
      expect(text).toContain(part);
    }
    expect(fallbackParagraph({ shell: 'web', reason: 'forced' }, '45.4.1')).toBeUndefined();
    expect(fallbackParagraph({ shell: 'electron', executable: 'x' }, '45.4.1')).toBeUndefined();
  });

  it('knows when a Linux session has no display', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });

  it('builds when an output is missing or a source is newer than the oldest output', () => {
    expect(needsBuild([100, 200, undefined], 50)).toBe(true);
    expect(needsBuild([], 50)).toBe(true);
    expect(needsBuild([100, 200, 300], 150)).toBe(true);
    expect(needsBuild([100, 200, 300], 100)).toBe(false);
  });
});

describe('browser window', () => {
  const installed = (paths: string[]) => (path: string) => paths.includes(path);

  it('finds the first browser on PATH in order of preference', () => {
    const environment = { PATH: '/usr/local/bin:/usr/bin' };
    expect(
      findBrowser(environment, 'linux', installed(['/usr/bin/google-chrome', '/usr/bin/chromium'])),
    ).toBe('/usr/bin/chromium');
    expect(findBrowser(environment, 'linux', installed(['/usr/local/bin/chromium-browser']))).toBe(
      '/usr/local/bin/chromium-browser',
    );
    expect(findBrowser(environment, 'linux', installed([]))).toBeUndefined();
  });

  it('honours EMPFANG_BROWSER when it exists', () => {
    expect(
      findBrowser(
        { EMPFANG_BROWSER: '/opt/chrome', PATH: '/usr/bin' },
        'linux',
        installed(['/opt/chrome']),
      ),
    ).toBe('/opt/chrome');
    expect(
      findBrowser(
        { EMPFANG_BROWSER: '/opt/none', PATH: '/usr/bin' },
        'linux',
        installed(['/usr/bin/chromium']),
      ),
    ).toBeUndefined();
  });

  it('opens an app window with its own profile and no background traffic', () => {
    const args = browserArguments('http://127.0.0.1:4000/#token=x', '/data/browser-profile', false);
    expect(args).toContain('--app=http://127.0.0.1:4000/#token=x');
    expect(args).toContain('--user-data-dir=/data/browser-profile');
    expect(args).toContain('--disable-background-networking');
    expect(args).not.toContain('--no-sandbox');
    expect(browserArguments('u', 'p', true)).toContain('--no-sandbox');
  });

  it('prints the URL with --no-open, without a display or without a browser', () => {
    expect(decideOpen({ open: true, browser: '/usr/bin/chromium', display: true })).toEqual({
      open: 'browser',
      browser: '/usr/bin/chromium',
    });
    expect(decideOpen({ open: false, browser: '/usr/bin/chromium', display: true }).open).toBe(
      'print',
    );
    expect(decideOpen({ open: true, browser: '/usr/bin/chromium', display: false }).open).toBe(
      'print',
    );
    expect(decideOpen({ open: true, browser: undefined, display: true }).open).toBe('print');
  });
});

describe('web shell ready line', () => {
  it('reads the URL and data folder from the host ready line', () => {
    expect(
      parseReadyLine(
        '{"event":"ready","url":"http://127.0.0.1:4000/#token=abc","dataDirectory":"/d"}',
      ),
    ).toEqual({ url: 'http://127.0.0.1:4000/#token=abc', dataDirectory: '/d' });
  });

  it('ignores other lines and URLs that are not on loopback', () => {
    expect(parseReadyLine('Listening…')).toBeUndefined();
    expect(parseReadyLine('{"event":"rejected","reason":"x"}')).toBeUndefined();
    expect(parseReadyLine('{"event":"ready","url":"http://evil.example.org/"}')).toBeUndefined();
    expect(parseReadyLine('{"event":"ready"')).toBeUndefined();
  });
});
