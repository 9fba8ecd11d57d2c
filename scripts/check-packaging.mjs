#!/usr/bin/env node
// `npm run check:packaging`: checks build/electron-builder.yml where real packaging cannot run
// (no Electron zip, no fpm/appimagetool downloads). It builds the app into a private staging
// folder, packs it with `--linux dir` against a dummy Electron dist, and asserts that app.asar
// exists, holds the built app and every module the main process imports (with their
// dependencies), ships no sources or secrets, and that the configuration carries what the other
// platforms need (targets, hardened runtime, microphone text, entitlements, generic publish).
// It also asserts which binaries the package carries: no native addon at all (the embedded portal
// uses node:sqlite in Electron; better-sqlite3 is left out). Finally the built main process boots
// against a fake `electron` module (scripts/mainBundleSmoke.mjs), once in this Node (20: the
// embedded portal on better-sqlite3) and once in Node 24 from npm (scripts/with-newer-node.sh),
// Electron 45's Node, with the Node 20 better-sqlite3 still in node_modules, as after `npm ci`:
// the embedded portal must start on node:sqlite. `--keep` leaves the staging folder for inspection.
import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { tsImport } from 'tsx/esm/api';
import { runMainBundleSmoke } from './mainBundleSmoke.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const yaml = require('js-yaml');
const checks = await tsImport('./packagingChecks.ts', import.meta.url);
const keep = process.argv.includes('--keep');
const started = performance.now();

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

function fail(problems, output) {
  if (output) process.stderr.write(`${output}\n`);
  console.log(`check:packaging FAILED\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}

// A private build: out/ in the work tree may be rebuilt by someone else while we pack.
const stage = mkdtempSync(join(tmpdir(), 'empfang-packaging-'));
const cleanUp = () => {
  if (!keep) rmSync(stage, { recursive: true, force: true });
};
process.on('exit', cleanUp);

console.log(`check:packaging: building into ${stage}/out …`);
const build = await run(process.execPath, [
  join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
  'build',
  '--outDir',
  join(stage, 'out'),
]);
if (build.code !== 0) fail(['electron-vite build failed'], build.output);

for (const file of ['package.json', 'package-lock.json'])
  cpSync(join(root, file), join(stage, file));
cpSync(join(root, 'build'), join(stage, 'build'), { recursive: true });
cpSync(join(root, 'resources'), join(stage, 'resources'), { recursive: true });
// Fuses patch the real Electron binary, which the dummy dist lacks: the staged copy of the
// configuration leaves them out (their values are checked in the original below).
const config = yaml.load(readFileSync(join(root, 'build/electron-builder.yml'), 'utf8'));
writeFileSync(
  join(stage, 'build/electron-builder.yml'),
  yaml.dump({ ...config, electronFuses: undefined }),
);
// node_modules is staged as real folders of hard links, not as one symlink: electron-builder picks
// the packages to pack from `npm ls` in the staged folder. Through a symlinked node_modules, npm
// sees each package as a link out of the project and all their dependencies as missing, so only
// the direct dependencies got packed. That stayed hidden while npm could answer from its hidden
// lockfile (node_modules/.package-lock.json), which it trusts only while nothing in node_modules
// is newer than it, so the check passed or failed with file times. The hidden lockfile and the
// other dot entries (caches) stay behind, so npm always reads the tree that is really installed.
const modules = checks.linkTree(join(root, 'node_modules'), join(stage, 'node_modules'), (path) =>
  /^\.(?!bin$)/.test(path),
);
console.log(`check:packaging: staged node_modules (${modules} files linked)`);

// A dummy Electron dist: an empty executable and two locales, which is all `--linux dir` reads.
const electronDist = join(stage, 'electron-dist');
mkdirSync(join(electronDist, 'locales'), { recursive: true });
writeFileSync(join(electronDist, 'electron'), '', { mode: 0o755 });
for (const locale of ['de', 'en-US', 'fr'])
  writeFileSync(join(electronDist, 'locales', `${locale}.pak`), '');

console.log('check:packaging: electron-builder --linux dir with a dummy Electron dist …');
const output = join(stage, 'dist');
const pack = await run(process.execPath, [
  join(root, 'node_modules/electron-builder/cli.js'),
  '--projectDir',
  stage,
  '--linux',
  'dir',
  '--config',
  'build/electron-builder.yml',
  '--publish',
  'never',
  `-c.electronDist=${electronDist}`,
  `-c.directories.output=${output}`,
  // The native rebuild needs Electron's headers, a download that cannot work here.
  '-c.npmRebuild=false',
]);
if (pack.code !== 0) fail([`electron-builder exited with code ${pack.code}`], pack.output);

const resources = join(output, 'linux-unpacked', 'resources');
const archive = join(resources, 'app.asar');
if (!existsSync(archive)) fail([`${archive} was not written`], pack.output);

const files = new Set(
  asar.listPackage(archive, { isPack: false }).map((file) => file.replaceAll('\\', '/')),
);
const problems = [];
for (const required of checks.REQUIRED_APP_FILES) {
  if (!files.has(required)) problems.push(`app.asar lacks ${required}`);
}
const mainSources = [];
const collect = (folder) => {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) collect(path);
    else if (path.endsWith('.js') || path.endsWith('.cjs') || path.endsWith('.mjs'))
      mainSources.push(readFileSync(path, 'utf8'));
  }
};
collect(join(stage, 'out', 'main'));
for (const name of checks.missingImportedPackages(mainSources, files)) {
  problems.push(`the main process imports ${name}, but app.asar does not contain it`);
}
const manifests = [...files]
  .filter((file) => /\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(file))
  .map((file) => {
    let dependencies = [];
    try {
      const manifest = JSON.parse(asar.extractFile(archive, file.slice(1)).toString('utf8'));
      dependencies = Object.keys(manifest.dependencies ?? {}).filter(
        (name) => !(manifest.optionalDependencies ?? {})[name],
      );
    } catch {
      // A package.json that is not a manifest (fixtures inside a package) has no dependencies.
    }
    return { folder: file.slice(0, -'/package.json'.length), dependencies };
  });
problems.push(
  ...checks
    .unresolvedDependencies(manifests, files)
    .map((problem) => `dependency missing in app.asar: ${problem}`),
);
// Problems in what electron-builder packed come with its output, so the logs say why.
const packProblems = problems.length;
problems.push(
  ...checks.forbiddenPackedFiles(files).map((file) => `app.asar must not contain ${file}`),
);
const unpacked = join(resources, 'app.asar.unpacked');
const unpackedFiles = [];
const listUnpacked = (folder, prefix) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) listUnpacked(join(folder, entry.name), path);
    else unpackedFiles.push(path);
  }
};
if (existsSync(unpacked)) listUnpacked(unpacked, '');
const binaries = checks.nativeBinaries(new Set([...files, ...unpackedFiles]));
problems.push(
  ...binaries.map((file) => `the package must carry no native binary, but has ${file}`),
);
problems.push(
  ...checks
    .packedHostOnlyPackages(files)
    .map((name) => `app.asar must not contain ${name} (loaded only outside Electron)`),
);

const readText = (path) => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
};
problems.push(...checks.configurationProblems(config, readText));
const updateConfig = existsSync(join(resources, 'app-update.yml'))
  ? readFileSync(join(resources, 'app-update.yml'), 'utf8')
  : '';
if (!/provider: generic/.test(updateConfig))
  problems.push('app-update.yml does not name the generic provider');

// The packed main bundle must also boot: with a fake `electron` module, since no runtime exists.
console.log('check:packaging: booting the built main process against a fake Electron API …');
const mainEntry = join(stage, 'out', 'main', 'index.js');
problems.push(...(await runMainBundleSmoke(mainEntry)));
// Electron 45's main process is Node 24 with node:sqlite. Its binary comes from npm; where that is
// impossible (another platform, no registry) the run says so instead of failing.
const newerNode = await run('bash', [
  'scripts/with-newer-node.sh',
  'node',
  '-p',
  'process.execPath',
]);
const newerNodePath = newerNode.output.trim().split('\n').at(-1);
if (newerNode.code === 0 && newerNodePath && existsSync(newerNodePath)) {
  console.log(`check:packaging: booting it again in Node 24 (${newerNodePath}) …`);
  const newerProblems = await runMainBundleSmoke(mainEntry, { node: newerNodePath });
  problems.push(...newerProblems.map((problem) => `in Node 24: ${problem}`));
} else {
  console.log(`check:packaging: NOT booted in Node 24 (no binary): ${newerNode.output.trim()}`);
}

if (problems.length > 0) fail(problems, packProblems > 0 ? pack.output : undefined);
const megabytes = (statSync(archive).size / 1024 / 1024).toFixed(1);
const unpackedNote = unpackedFiles.length > 0 ? `, ${unpackedFiles.length} unpacked files` : '';
const packages = manifests.filter((manifest) =>
  /^\/node_modules\/(@[^/]+\/)?[^/]+$/.test(manifest.folder),
).length;
console.log(
  `check:packaging OK: app.asar ${megabytes} MB, ${files.size} entries, ${packages} top-level packages${unpackedNote}, no native binary, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s${keep ? ` (kept ${stage})` : ''}`,
);
