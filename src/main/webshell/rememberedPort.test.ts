import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRememberedPort, rememberPort, startOnFirstFreePort } from './rememberedPort';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'empfang-port-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

function listen(port: number): Promise<ReturnType<typeof createServer>> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('remembered web shell port', () => {
  it('round-trips a port and ignores garbage', async () => {
    expect(await readRememberedPort(directory)).toBeUndefined();
    await rememberPort(directory, 47_123);
    expect(await readRememberedPort(directory)).toBe(47_123);
    await writeFile(join(directory, 'web-shell-port'), 'eighty');
    expect(await readRememberedPort(directory)).toBeUndefined();
  });

  it('moves on to the next candidate when a port is busy', async () => {
    const busy = await listen(0);
    const busyPort = (busy.address() as { port: number }).port;
    const started = await startOnFirstFreePort([busyPort, 0], listen);
    const port = (started.address() as { port: number }).port;
    expect(port).not.toBe(busyPort);
    started.close();
    busy.close();
  });
});
