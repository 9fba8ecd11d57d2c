#!/usr/bin/env node
// The one test command (`npm test`): static checks, unit tests, web shell end-to-end tests,
// the Electron variant (skipped with a reason where no runtime exists), the telephony lab suite
// (inside a private network namespace) and the packaging check. Every step runs even when an
// earlier one failed, so one report shows everything; the exit code is non-zero if any failed.
// The last line is the plain summary CI reads: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const report = [];
const only = process.argv.slice(2);

function run(name, command, args, options = {}) {
  if (only.length > 0 && !only.includes(name)) return { skippedByFilter: true };
  console.log(`\n━━ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { status: result.status ?? 1, seconds };
}

/** A step without its own test counts is one check: passed or failed. */
function check(name, command, args, options) {
  const outcome = run(name, command, args, options);
  if (outcome.skippedByFilter) return;
  const passed = outcome.status === 0;
  totals[passed ? 'passed' : 'failed'] += 1;
  report.push(`${passed ? 'ok  ' : 'FAIL'} ${name} (check, ${outcome.seconds} s)`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs a command (optionally behind a wrapper such as the PostgreSQL or lab script). */
function wrapped(wrapper, args) {
  const [tool, ...rest] = args;
  const binary = `node_modules/.bin/${tool}`;
  return wrapper.length > 0 ? [wrapper[0], [...wrapper.slice(1), binary, ...rest]] : [binary, rest];
}

function vitest(name, args, wrapper = [], env = {}) {
  const output = `${RESULTS}/${name}.json`;
  const [command, commandArgs] = wrapped(wrapper, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${output}`,
    ...args,
  ]);
  const outcome = run(name, command, commandArgs, { env });
  if (outcome.skippedByFilter) return;
  const json = readJson(output);
  if (!json) {
    totals.failed += 1;
    report.push(`FAIL ${name}: no results (exit ${outcome.status})`);
    return;
  }
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests but a failed file: count it.
  const brokenFiles = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  const counted = json.numFailedTests + brokenFiles;
  tally(
    name,
    json.numPassedTests,
    counted + (outcome.status !== 0 && counted === 0 ? 1 : 0),
    skipped,
    outcome.seconds,
  );
}

function playwright(name, args, wrapper = []) {
  const output = `${RESULTS}/${name}.json`;
  const [command, commandArgs] = wrapped(wrapper, ['playwright', 'test', ...args]);
  const outcome = run(name, command, commandArgs, { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: output } });
  if (outcome.skippedByFilter) return;
  const json = readJson(output);
  if (!json?.stats) {
    totals.failed += 1;
    report.push(`FAIL ${name}: no results (exit ${outcome.status})`);
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  const failed = unexpected + (outcome.status !== 0 && unexpected === 0 ? 1 : 0);
  tally(name, expected + flaky, failed, skipped, outcome.seconds);
}

function tally(name, passed, failed, skipped, seconds) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  report.push(
    `${failed === 0 ? 'ok  ' : 'FAIL'} ${name}: ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s)`,
  );
}

check('format', 'node_modules/.bin/prettier', ['--check', '.']);
check('lint', 'node_modules/.bin/eslint', ['.', '--max-warnings', '0']);
check('typecheck-node', 'node_modules/.bin/tsc', ['--noEmit', '-p', 'tsconfig.node.json']);
check('typecheck-web', 'node_modules/.bin/tsc', ['--noEmit', '-p', 'tsconfig.web.json']);
check('build', 'node_modules/.bin/electron-vite', ['build']);

// Unit tests; with PostgreSQL available the portal's database tests also run against it.
const withPostgres =
  existsSync('scripts/with-postgres.sh') && process.env.EMPFANG_SKIP_POSTGRES !== '1';
vitest('unit', [], withPostgres ? ['bash', 'scripts/with-postgres.sh'] : []);

// The Electron shell's main process (Electron 45: Node 24) runs the embedded portal on node:sqlite,
// which Node 20 lacks: the portal's database suite and the desk's portal service tests run again
// under Node 24 from npm (scripts/with-newer-node.sh), the driver forced to node:sqlite. The
// route fuzz test stays in the Node 20 step: it tests validation, not the driver, and its 20 s
// budget ran out twice on a machine at load 28 (11–22 s per run in either Node).
if (process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch))
  vitest(
    'unit-node-sqlite',
    ['src/portal', 'src/main/services/portal', '--exclude', '**/*.fuzz.test.ts'],
    ['bash', 'scripts/with-newer-node.sh'],
    { EMPFANG_SQLITE_DRIVER: 'node:sqlite' },
  );

playwright('e2e-webshell', ['--project', 'webshell', '--project', 'electron']);
if (existsSync('lab/run-isolated.sh')) {
  if (existsSync('lab/smoke.sh'))
    check('lab-smoke', 'bash', ['lab/run-isolated.sh', 'bash', 'lab/smoke.sh']);
  // Kamailio following the portal's routing API and its fallback (issue 9).
  if (existsSync('lab/support/portalRouting.test.ts'))
    vitest(
      'lab-portal-routing',
      ['lab/support/portalRouting.test.ts'],
      ['bash', 'lab/run-isolated.sh'],
    );
  if (existsSync('e2e/telephony'))
    playwright('e2e-telephony', ['--project', 'telephony'], ['bash', 'lab/run-isolated.sh']);
}
if (existsSync('scripts/check-packaging.mjs'))
  check('packaging', 'node', ['scripts/check-packaging.mjs']);

console.log('\n━━ Summary');
for (const line of report) console.log(line);
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
// Kept in a file too: npm may print its own warnings after this process ends, and CI reads the
// closing line, so .ci/run prints this file last.
writeFileSync(`${RESULTS}/summary.txt`, `${summary}\n`);
console.log(summary);
process.exit(totals.failed === 0 ? 0 : 1);
