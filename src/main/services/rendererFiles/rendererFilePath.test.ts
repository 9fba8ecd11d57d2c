import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFileFor } from './rendererFilePath';

const ROOT = resolve('/srv/empfang/renderer');

describe('renderer file paths', () => {
  it('maps the root and asset paths to files inside the folder with their type', () => {
    expect(rendererFileFor(ROOT, '/')).toEqual({
      path: resolve(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(rendererFileFor(ROOT, '/assets/index-abc.js')?.path).toBe(
      resolve(ROOT, 'assets', 'index-abc.js'),
    );
    expect(rendererFileFor(ROOT, '//assets//app.CSS')?.contentType).toBe('text/css; charset=utf-8');
  });

  it.each([
    '/../secrets.json',
    '/assets/../../etc/passwd.html',
    '/..',
    '/.env.json',
    '/assets/.hidden.js',
    '/a\\..\\..\\b.js',
    '/index.html\0.png',
    '/C:/Windows/win.ini.json',
    '/settings.yaml',
    '/index',
  ])('refuses %j', (path) => {
    expect(rendererFileFor(ROOT, path)).toBeUndefined();
  });
});
