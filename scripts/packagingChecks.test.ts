import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  configurationProblems,
  forbiddenPackedFiles,
  importedSpecifiers,
  linkTree,
  missingImportedPackages,
  nativeBinaries,
  packageNameOf,
  packedHostOnlyPackages,
  unresolvedDependencies,
} from './packagingChecks';

describe('imports of the built main process', () => {
  it('finds static, dynamic and require imports', () => {
    const source = [
      'import { app } from "electron";',
      "import { z } from 'zod';",
      'const updater = await import("electron-updater");',
      'const db = require("better-sqlite3");',
      'import "./chunks/side-effect.js";',
      'export { x } from "@deepgram/sdk/listen";',
      'const message = "copied from ", path = [" x"];',
    ].join('\n');
    expect(importedSpecifiers(source)).toEqual([
      './chunks/side-effect.js',
      '@deepgram/sdk/listen',
      'better-sqlite3',
      'electron',
      'electron-updater',
      'zod',
    ]);
  });

  it('maps specifiers to packages, skipping built-ins, relative paths and electron', () => {
    expect(packageNameOf('@deepgram/sdk/listen')).toBe('@deepgram/sdk');
    expect(packageNameOf('zod/v4')).toBe('zod');
    expect(packageNameOf('node:fs')).toBeUndefined();
    expect(packageNameOf('fs')).toBeUndefined();
    expect(packageNameOf('./x.js')).toBeUndefined();
    expect(packageNameOf('electron')).toBeUndefined();
    expect(packageNameOf('${name}')).toBeUndefined();
  });

  it('reports imported packages missing from the asar', () => {
    const asar = new Set(['/node_modules/zod/package.json']);
    expect(missingImportedPackages(['import "zod"; import("ws")'], asar)).toEqual(['ws']);
  });

  it('lets better-sqlite3 stay out: only the Node host loads it, Electron uses node:sqlite', () => {
    const asar = new Set(['/node_modules/kysely/package.json']);
    const bundle = 'import "kysely"; const m = await import("better-sqlite3");';
    expect(missingImportedPackages([bundle], asar)).toEqual([]);
    expect(missingImportedPackages([bundle], asar, new Set())).toEqual(['better-sqlite3']);
  });
});

describe('binaries in the package', () => {
  it('names every native addon, packed or unpacked', () => {
    expect(
      nativeBinaries([
        '/out/main/index.js',
        '/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        '/node_modules/x/prebuilds/linux-x64/x.node',
        '/node_modules/node-gyp-build/package.json',
      ]),
    ).toEqual([
      '/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      '/node_modules/x/prebuilds/linux-x64/x.node',
    ]);
  });

  it('names better-sqlite3 when it was packed anyway', () => {
    expect(packedHostOnlyPackages(new Set(['/node_modules/kysely/package.json']))).toEqual([]);
    expect(packedHostOnlyPackages(new Set(['/node_modules/better-sqlite3/package.json']))).toEqual([
      'better-sqlite3',
    ]);
  });
});

describe('dependency closure inside the asar', () => {
  const asar = new Set([
    '/node_modules/a/package.json',
    '/node_modules/b/package.json',
    '/node_modules/a/node_modules/c/package.json',
  ]);

  it('resolves nested first, then up the tree', () => {
    expect(
      unresolvedDependencies(
        [
          { folder: '/node_modules/a', dependencies: ['b', 'c'] },
          { folder: '/node_modules/a/node_modules/c', dependencies: ['b'] },
        ],
        asar,
      ),
    ).toEqual([]);
  });

  it('names a dependency that a files pattern excluded', () => {
    expect(
      unresolvedDependencies([{ folder: '/node_modules/b', dependencies: ['c', 'ws'] }], asar),
    ).toEqual(['b needs c', 'b needs ws']);
  });
});

describe('forbidden files', () => {
  it('flags sources, maps and secrets but not the app', () => {
    expect(
      forbiddenPackedFiles([
        '/out/main/index.js',
        '/out/main/index.js.map',
        '/src/main/electron/main.ts',
        '/.empfang-data/secrets.json',
        '/node_modules/zod/package.json',
      ]),
    ).toEqual([
      '/.empfang-data/secrets.json',
      '/out/main/index.js.map',
      '/src/main/electron/main.ts',
    ]);
  });
});

describe('configuration', () => {
  const entitlements = '<dict><key>com.apple.security.device.audio-input</key>\n<true/></dict>';
  const valid = {
    appId: 'org.empfang.desk',
    productName: 'Empfang',
    files: ['out/**'],
    linux: { target: ['AppImage', 'deb'] },
    win: { target: [{ target: 'nsis' }] },
    mac: {
      target: 'dmg',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      extendInfo: { NSMicrophoneUsageDescription: 'Mikrofon … / … microphone' },
    },
    electronFuses: {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
    },
    npmRebuild: false,
    publish: { provider: 'generic', url: 'https://updates.example.org/desk' },
  };
  const read = (path: string) =>
    path === 'build/entitlements.mac.plist' ? entitlements : undefined;

  it('accepts a complete configuration', () => {
    expect(configurationProblems(valid, read)).toEqual([]);
  });

  it('names each missing requirement', () => {
    const broken = {
      ...valid,
      linux: { target: ['AppImage'] },
      mac: {
        ...valid.mac,
        hardenedRuntime: false,
        extendInfo: { NSMicrophoneUsageDescription: 'microphone' },
      },
      electronFuses: { runAsNode: true },
      npmRebuild: true,
      publish: { provider: 'github' },
    };
    expect(configurationProblems(broken, () => '<dict/>')).toEqual([
      'linux targets must be AppImage and deb',
      'mac.hardenedRuntime must be true',
      'NSMicrophoneUsageDescription needs German and English',
      'mac entitlements must grant com.apple.security.device.audio-input',
      'electronFuses must disable runAsNode and NODE_OPTIONS and load the app only from asar',
      'npmRebuild must be false: nothing native is packed (the embedded portal uses node:sqlite)',
      'publish provider must be generic',
      'publish.url must be an https: URL',
    ]);
  });
});

describe('staging node_modules', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('recreates folders, hard-links files, keeps symlinks and leaves out skipped entries', () => {
    const folder = mkdtempSync(join(tmpdir(), 'link-tree-'));
    folders.push(folder);
    const source = join(folder, 'node_modules');
    mkdirSync(join(source, 'fastify', 'node_modules', 'avvio'), { recursive: true });
    mkdirSync(join(source, '.bin'));
    writeFileSync(join(source, 'fastify', 'package.json'), '{"name":"fastify"}');
    writeFileSync(join(source, 'fastify', 'node_modules', 'avvio', 'index.js'), '');
    writeFileSync(join(source, '.package-lock.json'), '{}');
    symlinkSync('../fastify/package.json', join(source, '.bin', 'fastify'));
    const target = join(folder, 'stage', 'node_modules');

    const files = linkTree(source, target, (path) => path === '.package-lock.json');

    expect(files).toBe(2);
    expect(lstatSync(target).isDirectory()).toBe(true);
    expect(lstatSync(join(target, 'fastify')).isDirectory()).toBe(true);
    expect(statSync(join(target, 'fastify', 'package.json')).ino).toBe(
      statSync(join(source, 'fastify', 'package.json')).ino,
    );
    expect(existsSync(join(target, 'fastify', 'node_modules', 'avvio', 'index.js'))).toBe(true);
    expect(readlinkSync(join(target, '.bin', 'fastify'))).toBe('../fastify/package.json');
    expect(readFileSync(join(target, '.bin', 'fastify'), 'utf8')).toBe('{"name":"fastify"}');
    expect(existsSync(join(target, '.package-lock.json'))).toBe(false);
  });
});
