/**
 * The README's "Two commands", run exactly as written through bash, in the two situations a
 * fresh machine is in: root without sudo (containers, CI) and a normal user with sudo. apt-get,
 * dpkg-query, npm, id and sudo are recording stubs on an otherwise minimal PATH, so nothing is
 * installed and the real install scripts decide what to call.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shellCommandLines } from './readmeCommands';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const [START_COMMAND, TEST_COMMAND] = shellCommandLines(README, 'Two commands');

/** Real tools the install scripts use besides the stubbed ones. */
const REAL_TOOLS = ['bash', 'sh', 'env', 'grep', 'mktemp', 'rm', 'cat', 'dirname'];

function which(tool: string): string {
  const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${tool} not found`);
  return found.stdout.trim();
}

const BASH = which('bash');
const STUBS: Record<string, string> = {
  id: 'if [ "$1" = -u ]; then echo "$FAKE_UID"; elif [ "$1" = -un ]; then echo fake; else exit 1; fi',
  'dpkg-query': 'if [ "$FAKE_INSTALLED" = 1 ]; then printf "install ok installed"; else exit 1; fi',
  'apt-get': 'echo "apt-get $* (uid $FAKE_UID)" >>"$FAKE_LOG"',
  npm: 'echo "npm $* (uid $FAKE_UID)" >>"$FAKE_LOG"',
  sudo: 'echo "sudo $*" >>"$FAKE_LOG"; FAKE_UID=0 exec "$@"',
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

interface Situation {
  uid: number;
  sudo: boolean;
  installed?: boolean;
}

function runAsWritten(command: string, situation: Situation) {
  const folder = mkdtempSync(join(tmpdir(), 'empfang-readme-'));
  folders.push(folder);
  const bin = join(folder, 'bin');
  spawnSync('mkdir', [bin]);
  for (const tool of REAL_TOOLS) symlinkSync(which(tool), join(bin, tool));
  for (const [name, body] of Object.entries(STUBS)) {
    if (name === 'sudo' && !situation.sudo) continue;
    writeFileSync(join(bin, name), `#!${BASH}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const log = join(folder, 'calls.log');
  writeFileSync(log, '');
  const result = spawnSync(BASH, ['-c', command], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      PATH: bin,
      HOME: folder,
      FAKE_LOG: log,
      FAKE_UID: String(situation.uid),
      FAKE_INSTALLED: situation.installed ? '1' : '0',
    },
  });
  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { status: result.status, stderr: result.stderr, calls };
}

describe('the README commands', () => {
  it('are two lines in "Two commands", none typed with sudo', () => {
    expect(START_COMMAND).toBe('npm ci && npm start');
    expect(TEST_COMMAND).toMatch(/npm ci && npm test$/);
    for (const line of [START_COMMAND, TEST_COMMAND]) expect(line).not.toMatch(/\bsudo\b/);
  });

  it('install, then test, as root on a machine without sudo', () => {
    const run = runAsWritten(TEST_COMMAND!, { uid: 0, sudo: false });
    expect(run.stderr).not.toMatch(/command not found/);
    expect(run.status).toBe(0);
    const installs = run.calls.filter((call) => call.startsWith('apt-get install'));
    // The desk's packages, then the lab's.
    expect(installs).toHaveLength(2);
    expect(installs.every((call) => call.endsWith('(uid 0)'))).toBe(true);
    expect(run.calls.some((call) => call.startsWith('sudo'))).toBe(false);
    expect(run.calls.slice(-2)).toEqual(['npm ci (uid 0)', 'npm test (uid 0)']);
  });

  it('install through sudo, then test as the user, for a normal user with sudo', () => {
    const run = runAsWritten(TEST_COMMAND!, { uid: 1000, sudo: true });
    expect(run.status).toBe(0);
    const apt = run.calls.filter((call) => call.startsWith('apt-get'));
    expect(apt.length).toBeGreaterThanOrEqual(4);
    // Every apt-get ran as root, each reached through sudo.
    expect(apt.every((call) => call.endsWith('(uid 0)'))).toBe(true);
    expect(run.calls.filter((call) => call.startsWith('sudo'))).toHaveLength(apt.length);
    expect(run.calls.slice(-2)).toEqual(['npm ci (uid 1000)', 'npm test (uid 1000)']);
  });

  it('stop with a clear message for a normal user without sudo, before npm runs', () => {
    const run = runAsWritten(TEST_COMMAND!, { uid: 1000, sudo: false });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/needs root, and this user is not root and has no sudo/);
    expect(run.stderr).toMatch(/run the same command as root/);
    expect(run.calls).toEqual([]);
  });

  it('need no root at all when every package is there', () => {
    const run = runAsWritten(TEST_COMMAND!, { uid: 1000, sudo: false, installed: true });
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(['npm ci (uid 1000)', 'npm test (uid 1000)']);
  });

  it.each([
    { who: 'root without sudo', uid: 0, sudo: false },
    { who: 'a user with sudo', uid: 1000, sudo: true },
  ])('start the desk as $who', ({ uid, sudo }) => {
    const run = runAsWritten(START_COMMAND!, { uid, sudo });
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([`npm ci (uid ${uid})`, `npm start (uid ${uid})`]);
  });
});

describe('commands in every README and docs page', () => {
  it('are never typed with sudo (the scripts elevate themselves)', () => {
    const files = spawnSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    expect(files).toContain('README.md');
    const typedWithSudo = files.flatMap((file) =>
      shellCommandLines(readFileSync(join(ROOT, file), 'utf8'))
        .filter((line) => /(^|[;&|]\s*)sudo\s/.test(line))
        .map((line) => `${file}: ${line}`),
    );
    expect(typedWithSudo).toEqual([]);
  });
});
