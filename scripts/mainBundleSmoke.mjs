#!/usr/bin/env node
// Boots a built main bundle (default out/main/index.js) in Node with scripts/electronModuleFake.mjs
// in place of `electron`, so the wiring of the Electron shell (startup order, services, IPC sender
// check, protocol, permissions, quit) is exercised on machines without an Electron runtime.
// Used by check:packaging on the packed build; `node scripts/mainBundleSmoke.mjs [entry]` alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FAKE = pathToFileURL(
  fileURLToPath(new URL('./electronModuleFake.mjs', import.meta.url)),
).href;
const HOOKS_SOURCE = `export async function resolve(specifier, context, next) {
  return specifier === 'electron' ? { url: ${JSON.stringify(FAKE)}, shortCircuit: true } : next(specifier, context);
}`;
const HOOKS = `data:text/javascript,${encodeURIComponent(HOOKS_SOURCE)}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(HOOKS)});`,
)}`;

/**
 * Runs the bundle with `node` (default: this Node); resolves with a list of problems (empty when
 * the smoke test passed).
 */
export function runMainBundleSmoke(
  entry,
  { timeoutMilliseconds = 60_000, node = process.execPath } = {},
) {
  const userData = mkdtempSync(join(tmpdir(), 'empfang-smoke-'));
  return new Promise((done) => {
    const child = spawn(node, ['--import', REGISTER, entry], {
      env: { ...process.env, EMPFANG_SMOKE_USER_DATA: userData, ELECTRON_RENDERER_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMilliseconds);
    child.on('exit', () => {
      clearTimeout(timer);
      rmSync(userData, { recursive: true, force: true });
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"smoke"'));
      if (!line) {
        done([`the main bundle did not finish its smoke run:\n${output.slice(-2000)}`]);
        return;
      }
      done(problemsOf(JSON.parse(line).smoke));
    });
  });
}

function problemsOf(seen) {
  const problems = [];
  const expect = (condition, problem) => condition || problems.push(problem);
  expect(
    seen.order[0] === 'sandbox' && seen.order[1] === 'privileged:empfang',
    `startup order ${seen.order}`,
  );
  expect(
    seen.order.indexOf('handle:empfang') > seen.order.indexOf('ready'),
    'protocol handled before ready',
  );
  expect(seen.windows.length === 1, `${seen.windows.length} windows instead of 1`);
  const preferences = seen.windows[0] ?? {};
  expect(
    preferences.sandbox === true &&
      preferences.contextIsolation === true &&
      preferences.nodeIntegration === false,
    'window without sandbox/contextIsolation',
  );
  expect(seen.loaded[0] === 'empfang://app/index.html', `window loaded ${seen.loaded[0]}`);
  const answers = seen.responses.filter((message) => message.kind === 'response');
  expect(
    answers.length === 1 && answers[0].id === 1,
    'IPC: expected exactly one answer, to the main frame',
  );
  expect(
    answers[0]?.result?.value?.secretStorage === 'memory-only',
    'basic_text did not give memory-only secrets',
  );
  expect(seen.protocol.page?.status === 200, 'empfang://app/index.html not served');
  expect(/connect-src 'self'/.test(seen.protocol.page?.csp ?? ''), 'no CSP on the page');
  expect(seen.protocol.escape === 404, 'path traversal not refused');
  expect(seen.windowOpen?.action === 'deny', 'window.open not denied');
  expect(process.platform === 'darwin' || seen.menu === null, 'the default menu bar was kept');
  expect(
    seen.permissions?.microphone === true && seen.permissions?.camera === false,
    'permission decisions wrong',
  );
  expect(
    seen.quit.firstPrevented === true && seen.quit.calls >= 2,
    'quit did not wait for the services',
  );
  expect(
    seen.portal?.mode === 'embedded' &&
      seen.portal?.status === 'logged-out' &&
      seen.portal?.firstRun?.needsAccount === true,
    `the embedded portal did not start: ${JSON.stringify(seen.portal)}`,
  );
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const entry = resolve(process.argv[2] ?? 'out/main/index.js');
  const problems = await runMainBundleSmoke(entry);
  if (problems.length > 0) {
    console.log(
      `main bundle smoke FAILED:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(
    'main bundle smoke OK: boots, serves IPC to its window only, protocol and permissions as designed, embedded portal up, quits cleanly',
  );
}
