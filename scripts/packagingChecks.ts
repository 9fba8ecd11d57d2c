/**
 * What `npm run check:packaging` asserts about a packed app.asar and the electron-builder
 * configuration, as pure functions (unit-tested beside this file), plus `linkTree`, which stages
 * node_modules. The packing itself runs in scripts/check-packaging.mjs.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const BUILTINS = new Set(builtinModules);
const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;
/** Provided by the Electron runtime, never packed. */
const RUNTIME_MODULES = new Set(['electron']);
/**
 * Imported by the main bundle but loaded only outside Electron, so deliberately not packed:
 * better-sqlite3 serves the Node 20 host; Electron's main process (Node 24) has node:sqlite
 * (src/portal/database/sqliteDriver.ts).
 */
export const NODE_HOST_ONLY_PACKAGES: ReadonlySet<string> = new Set(['better-sqlite3']);

/** Module specifiers a built JS file loads: static and dynamic imports, require calls. */
export function importedSpecifiers(source: string): string[] {
  const found = new Set<string>();
  // Specifiers never contain whitespace or quotes; this keeps text like `from "` inside string
  // literals of the bundle from being read as an import.
  const specifier = String.raw`["']([^"'\s]+)["']`;
  const patterns = [
    new RegExp(String.raw`\bfrom\s*${specifier}`, 'g'),
    new RegExp(String.raw`\bimport\s*\(\s*${specifier}\s*\)`, 'g'),
    new RegExp(String.raw`\brequire\s*\(\s*${specifier}\s*\)`, 'g'),
    new RegExp(String.raw`^\s*import\s*${specifier}`, 'gm'),
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.add(match[1]!);
  }
  return [...found].sort();
}

/** The package a bare specifier belongs to; undefined for relative, absolute and built-ins. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) {
    return undefined;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  if (!PACKAGE_NAME.test(name)) return undefined;
  if (BUILTINS.has(name) || RUNTIME_MODULES.has(name)) return undefined;
  return name;
}

/**
 * Packages the built main process imports that app.asar does not contain (except those in
 * `loadedOutsideElectron`).
 */
export function missingImportedPackages(
  sources: readonly string[],
  asarFiles: ReadonlySet<string>,
  loadedOutsideElectron: ReadonlySet<string> = NODE_HOST_ONLY_PACKAGES,
): string[] {
  const missing = new Set<string>();
  for (const source of sources) {
    for (const specifier of importedSpecifiers(source)) {
      const name = packageNameOf(specifier);
      if (!name || loadedOutsideElectron.has(name)) continue;
      if (!asarFiles.has(`/node_modules/${name}/package.json`)) missing.add(name);
    }
  }
  return [...missing].sort();
}

export interface PackedManifest {
  /** Folder of the package inside the asar, e.g. `/node_modules/a/node_modules/b`. */
  folder: string;
  dependencies: string[];
}

/**
 * Dependencies that Node's lookup (own node_modules, then each ancestor's) would not find inside
 * the asar: a package excluded by a `files` pattern although something packed still needs it.
 */
export function unresolvedDependencies(
  manifests: readonly PackedManifest[],
  asarFiles: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const manifest of manifests) {
    for (const dependency of manifest.dependencies) {
      if (!resolvesInside(manifest.folder, dependency, asarFiles)) {
        problems.push(`${manifest.folder.replace(/^\/node_modules\//, '')} needs ${dependency}`);
      }
    }
  }
  return problems.sort();
}

function resolvesInside(
  folder: string,
  dependency: string,
  asarFiles: ReadonlySet<string>,
): boolean {
  let current = folder;
  for (;;) {
    if (asarFiles.has(`${current}/node_modules/${dependency}/package.json`)) return true;
    const index = current.lastIndexOf('/node_modules/');
    if (index < 0) return asarFiles.has(`/node_modules/${dependency}/package.json`);
    current = current.slice(0, index);
  }
}

/** Packed files that must never ship: sources, maps, secrets, tests, the dev data folder. */
export function forbiddenPackedFiles(asarFiles: Iterable<string>): string[] {
  const forbidden =
    /^\/(src|e2e|lab|scripts|\.empfang-data)\/|^\/out\/.*\.map$|^\/out\/.*\.test\.|secrets\.json$/;
  return [...asarFiles].filter((file) => forbidden.test(file)).sort();
}

/**
 * Native addons (`*.node`) in the package, packed or unpacked. There must be none: a native
 * module built by `npm ci` is for Node's ABI, which Electron refuses, and rebuilding it for
 * Electron needs Electron's headers from the network. The embedded portal uses node:sqlite.
 */
export function nativeBinaries(files: Iterable<string>): string[] {
  return [...files].filter((file) => file.endsWith('.node')).sort();
}

/** Packages of NODE_HOST_ONLY_PACKAGES that were packed anyway (dead weight in Electron). */
export function packedHostOnlyPackages(asarFiles: ReadonlySet<string>): string[] {
  return [...NODE_HOST_ONLY_PACKAGES]
    .filter((name) => asarFiles.has(`/node_modules/${name}/package.json`))
    .sort();
}

/**
 * Recreates the folder `source` at `target` as real folders whose files are hard links (copies
 * where hard links cannot be made, e.g. across file systems) and whose symlinks keep their link
 * text. Entries for which `skip` (given the path relative to `source`) is true are left out.
 * Returns the number of files. The staged project needs a real node_modules folder: through a
 * symlinked one, `npm ls` sees every package as a link out of the project and its dependencies as
 * missing (see scripts/check-packaging.mjs).
 */
export function linkTree(
  source: string,
  target: string,
  skip: (relativePath: string) => boolean = () => false,
): number {
  let files = 0;
  const walk = (relative: string): void => {
    mkdirSync(join(target, relative), { recursive: true });
    for (const entry of readdirSync(join(source, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip(path)) continue;
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.isSymbolicLink()) {
        symlinkSync(readlinkSync(join(source, path)), join(target, path));
      } else if (entry.isFile()) {
        try {
          linkSync(join(source, path), join(target, path));
        } catch {
          copyFileSync(join(source, path), join(target, path));
        }
        files += 1;
      }
    }
  };
  walk('');
  return files;
}

export const REQUIRED_APP_FILES = [
  '/resources/icon.png',
  '/package.json',
  '/out/main/index.js',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
];

type Config = Record<string, unknown>;

function at(config: Config, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Config | undefined)?.[key], config);
}

function targetsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) =>
    typeof entry === 'string' ? entry : String((entry as Config)?.target),
  );
}

/** What the issue asks of the configuration for the platforms that cannot be packed here. */
export function configurationProblems(
  config: Config,
  readText: (path: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  const expect = (condition: boolean, problem: string): void => {
    if (!condition) problems.push(problem);
  };
  expect(typeof config.appId === 'string' && config.appId.length > 0, 'appId is missing');
  expect(config.productName === 'Empfang', 'productName must be Empfang');
  const files = (config.files as string[] | undefined) ?? [];
  expect(files.includes('out/**'), 'files must include out/**');
  const linuxTargets = targetsOf(at(config, 'linux.target'));
  expect(
    linuxTargets.includes('AppImage') && linuxTargets.includes('deb'),
    'linux targets must be AppImage and deb',
  );
  expect(targetsOf(at(config, 'win.target')).includes('nsis'), 'win target must be nsis');
  expect(targetsOf(at(config, 'mac.target')).includes('dmg'), 'mac target must be dmg');
  expect(at(config, 'mac.hardenedRuntime') === true, 'mac.hardenedRuntime must be true');
  const microphone = String(at(config, 'mac.extendInfo.NSMicrophoneUsageDescription') ?? '');
  expect(
    /Mikrofon/.test(microphone) && /microphone/.test(microphone),
    'NSMicrophoneUsageDescription needs German and English',
  );
  const entitlementsPath = String(at(config, 'mac.entitlements') ?? '');
  const entitlements = entitlementsPath ? readText(entitlementsPath) : undefined;
  expect(
    entitlements !== undefined &&
      /<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/.test(entitlements),
    'mac entitlements must grant com.apple.security.device.audio-input',
  );
  expect(
    at(config, 'electronFuses.runAsNode') === false &&
      at(config, 'electronFuses.enableNodeOptionsEnvironmentVariable') === false &&
      at(config, 'electronFuses.onlyLoadAppFromAsar') === true,
    'electronFuses must disable runAsNode and NODE_OPTIONS and load the app only from asar',
  );
  expect(
    config.npmRebuild === false,
    'npmRebuild must be false: nothing native is packed (the embedded portal uses node:sqlite)',
  );
  expect(at(config, 'publish.provider') === 'generic', 'publish provider must be generic');
  expect(
    /^https:\/\//.test(String(at(config, 'publish.url') ?? '')),
    'publish.url must be an https: URL',
  );
  return problems;
}
