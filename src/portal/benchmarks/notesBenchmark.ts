/**
 * Notes benchmark (prints figures; asserts nothing):
 *   npx tsx src/portal/benchmarks/notesBenchmark.ts
 *   scripts/with-postgres.sh npx tsx src/portal/benchmarks/notesBenchmark.ts   (adds PostgreSQL)
 * Per database: note submit → portal commit (median, p95) through the outbox engine; time to
 * drain a backlog of 1,000 notes after the network returns; requests per second for POST /notes
 * from 16 connections, against GET /health in the same run as the baseline. The portal runs in
 * a child process: one JavaScript thread, i.e. one core (PostgreSQL itself runs beside it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createHttpNoteSender } from '../../shared/sync/httpNoteSender';
import { InMemoryOutboxStorageFake } from '../../shared/sync/inMemoryOutboxStorageFake';
import { NoteOutbox } from '../../shared/sync/noteOutbox';
import type { OutboxSender } from '../../shared/sync/outboxTypes';
import type { NoteSubmission } from '../../shared/portalWire/noteSchemas';
import { noteSubmission } from '../testing/portalFixtures';
import { testDatabaseTargets } from '../testing/testDatabases';

interface PortalProcess {
  readonly url: string;
  readonly accessToken: string;
  readonly clientId: string;
  readonly child: ChildProcess;
}

const LATENCY_NOTES = 200;
const BACKLOG_NOTES = 1_000;
const LOAD_SECONDS = 5;
const CONNECTIONS = 16;

async function startPortalProcess(database: string): Promise<PortalProcess> {
  const script = fileURLToPath(new URL('./benchmarkPortalProcess.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, BENCHMARK_DATABASE: database },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith('{'))
      return { ...(JSON.parse(line) as Omit<PortalProcess, 'child'>), child };
  }
  throw new Error('Portal process ended before it was ready');
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

function outboxFor(portal: PortalProcess, sender?: OutboxSender<NoteSubmission>) {
  return new NoteOutbox<NoteSubmission>({
    storage: new InMemoryOutboxStorageFake<NoteSubmission>(),
    sender:
      sender ??
      createHttpNoteSender<NoteSubmission>({
        baseUrl: portal.url,
        fetch,
        getAccessToken: () => portal.accessToken,
      }),
    backoff: { baseMilliseconds: 50, capMilliseconds: 1_000 },
  });
}

/** Submit → commit, one note at a time, as an agent submits them. */
async function measureLatency(portal: PortalProcess): Promise<{ median: number; p95: number }> {
  const outbox = outboxFor(portal);
  await outbox.start();
  const durations: number[] = [];
  for (let index = 0; index < LATENCY_NOTES; index += 1) {
    const started = performance.now();
    const committed = new Promise<void>((resolve) => {
      const unsubscribe = outbox.subscribe((entry) => {
        if (entry.remoteId !== null && entry.payload.concern === `Latenz ${index}`) {
          unsubscribe();
          resolve();
        }
      });
    });
    await outbox.submitNew(noteSubmission(portal.clientId, { concern: `Latenz ${index}` }));
    await committed;
    durations.push(performance.now() - started);
  }
  outbox.stop();
  return { median: percentile(durations, 0.5), p95: percentile(durations, 0.95) };
}

/** 1,000 notes queued while offline; the clock runs from "network back" to the last commit. */
async function measureBacklogDrain(portal: PortalProcess): Promise<number> {
  let online = false;
  const http = createHttpNoteSender<NoteSubmission>({
    baseUrl: portal.url,
    fetch,
    getAccessToken: () => portal.accessToken,
  });
  const outbox = outboxFor(portal, {
    send: (request) =>
      online
        ? http.send(request)
        : Promise.resolve({ kind: 'retry', code: 'network', countsTowardLimit: false }),
  });
  await outbox.start();
  for (let index = 0; index < BACKLOG_NOTES; index += 1) {
    await outbox.submitNew(noteSubmission(portal.clientId, { concern: `Rückstau ${index}` }));
  }
  const started = performance.now();
  online = true;
  outbox.notifyOnline();
  await outbox.whenIdle();
  const elapsed = performance.now() - started;
  outbox.stop();
  if (outbox.list().some((entry) => entry.remoteId === null))
    throw new Error('Backlog did not drain completely');
  return elapsed;
}

/** Completed requests per second from CONNECTIONS concurrent loops. */
async function measureThroughput(
  request: () => Promise<Response>,
  expectedStatus: number,
): Promise<number> {
  const deadline = performance.now() + LOAD_SECONDS * 1000;
  let completed = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const response = await request();
        await response.arrayBuffer();
        if (response.status !== expectedStatus)
          throw new Error(`Unexpected status ${response.status}`);
        completed += 1;
      }
    }),
  );
  return completed / LOAD_SECONDS;
}

async function benchmark(name: string, database: string): Promise<void> {
  const portal = await startPortalProcess(database);
  try {
    const latency = await measureLatency(portal);
    const drain = await measureBacklogDrain(portal);
    const health = await measureThroughput(() => fetch(`${portal.url}/health`), 200);
    const notes = await measureThroughput(
      () =>
        fetch(`${portal.url}/notes`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${portal.accessToken}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(noteSubmission(portal.clientId)),
        }),
      201,
    );
    console.log(`\n${name}`);
    console.log(
      `  submit → commit (${LATENCY_NOTES} notes, one at a time): median ${latency.median.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`,
    );
    console.log(
      `  drain ${BACKLOG_NOTES} queued notes after the network returns: ${(drain / 1000).toFixed(2)} s (${(BACKLOG_NOTES / (drain / 1000)).toFixed(0)} notes/s)`,
    );
    console.log(
      `  POST /notes: ${notes.toFixed(0)} requests/s (${CONNECTIONS} connections, ${LOAD_SECONDS} s)`,
    );
    console.log(
      `  GET /health baseline: ${health.toFixed(0)} requests/s → notes at ${((notes / health) * 100).toFixed(0)} % of baseline`,
    );
  } finally {
    portal.child.kill('SIGTERM');
  }
}

for (const target of testDatabaseTargets()) {
  if (target.skipReason) {
    console.log(`\n${target.name}: skipped (${target.skipReason})`);
    continue;
  }
  const database = await target.create();
  try {
    await benchmark(target.name, database.location);
  } finally {
    await database.drop();
  }
}
