/** The CLI prints its usage for --help and for unknown options, never a Node stack trace. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Starting tsx takes seconds on a loaded 2-core machine: one start per test. */
const CLI_TIMEOUT_MILLISECONDS = 90_000;

function runCli(...cliArguments: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/portal/cli.ts', ...cliArguments],
    { encoding: 'utf8', env: { ...process.env, EMPFANG_PORTAL_DATABASE: '/nonexistent/x.sqlite' } },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('portal CLI', () => {
  it(
    'prints the usage for --help and exits 0',
    () => {
      const { status, output } = runCli('--help');
      expect(status).toBe(0);
      expect(output).toContain('Usage: npx tsx src/portal/cli.ts COMMAND');
      expect(output).toContain('create-user');
    },
    CLI_TIMEOUT_MILLISECONDS,
  );

  it(
    'names an unknown option, prints the usage and exits 2 without a stack trace',
    () => {
      const { status, output } = runCli('serve', '--bogus');
      expect(status).toBe(2);
      expect(output).toContain("Unknown option '--bogus'");
      expect(output).toContain('Usage: npx tsx src/portal/cli.ts COMMAND');
      expect(output).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
    },
    CLI_TIMEOUT_MILLISECONDS,
  );
});
