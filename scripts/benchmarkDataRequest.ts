/**
 * Data request figures (issue 13; prints figures, asserts nothing):
 *
 *   bash scripts/with-postgres.sh npx tsx scripts/benchmarkDataRequest.ts [--total 1000000] [--subject 10000]
 *
 * PostgreSQL only. Fills a fresh schema with `total` records (calls and notes, 4:1), `subject` of
 * them belonging to one caller number (calls in the three spellings desks and SIP headers use,
 * notes with a typed callback number), then times the portal's own search (Art. 15, every
 * record read) and deletion (Art. 17, one transaction, with receipt) of that number. The
 * baseline in the same run: the same data again, the same search and deletion, with the lookup
 * indexes of migration 0004 dropped (what a table scan costs).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/portal/database/createDatabase';
import type { PortalDatabase } from '../src/portal/database/databaseSchema';
import { deleteDataRequest } from '../src/portal/dataRequests/dataRequestDeletion';
import { searchDataRequest } from '../src/portal/dataRequests/dataRequestSearch';
import { BotCallContent } from '../src/portal/hybrid/botCallContent';
import { POSTGRES_URL_VARIABLE, testDatabaseTargets } from '../src/portal/testing/testDatabases';

const SUBJECT = '+4917100000001';
const LOOKUP_INDEXES = [
  'calls_caller_number',
  'unassigned_line_calls_caller_number',
  'notes_callback_e164',
  'notes_call',
  'deliveries_note',
  'audit_log_target',
];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function fill(
  database: Kysely<PortalDatabase>,
  total: number,
  subject: number,
): Promise<void> {
  const otherCalls = Math.round((total - subject) * 0.8);
  const otherNotes = total - subject - otherCalls;
  const subjectCalls = Math.round(subject * 0.8);
  const subjectNotes = subject - subjectCalls;
  const digits = SUBJECT.slice(1);
  // generate_series keeps a million rows to seconds; the columns are those the portal writes.
  await sql`INSERT INTO calls (id, client_id, line, caller_number, ring_at, wrap_up_seconds, created_by, created_at, updated_at)
    SELECT gen_random_uuid()::text, 'client-' || (i % 50), '+4930111111', '+4915' || lpad(i::text, 9, '0'),
      '2025-03-31T08:00:00.000Z', 0, 'bench', '2025-03-31T08:00:00.000Z', '2025-03-31T08:00:00.000Z'
    FROM generate_series(1, ${otherCalls}) AS i`.execute(database);
  await sql`INSERT INTO calls (id, client_id, line, caller_number, ring_at, wrap_up_seconds, created_by, created_at, updated_at)
    SELECT gen_random_uuid()::text, 'client-' || (i % 50), '+4930111111',
      (ARRAY[${SUBJECT}, ${`0${digits.slice(2)}`}, ${`00${digits}`}])[1 + i % 3],
      '2025-03-31T08:00:00.000Z', 0, 'bench', '2025-03-31T08:00:00.000Z', '2025-03-31T08:00:00.000Z'
    FROM generate_series(1, ${subjectCalls}) AS i`.execute(database);
  for (const [count, number, e164] of [
    [otherNotes, null, null],
    [subjectNotes, '0171 000 000 01', SUBJECT],
  ] as const) {
    await sql`INSERT INTO notes (id, client_id, call_id, idempotency_key, request_hash, caller_name, company,
        callback_number, callback_e164, concern, urgency, preferred_callback_time, outcome, free_text, tags_json,
        status, created_by, created_at, updated_at)
      SELECT gen_random_uuid()::text, 'client-' || (i % 50), NULL, gen_random_uuid()::text, 'h', 'Name', '',
        COALESCE(${number}, '0160 ' || lpad(i::text, 8, '0')), COALESCE(${e164}, '+49160' || lpad(i::text, 8, '0')),
        'Rückruf', 'normal', '', 'message-taken', '', '[]', 'delivered', 'bench',
        '2025-03-31T08:00:00.000Z', '2025-03-31T08:00:00.000Z'
      FROM generate_series(1, ${count}) AS i`.execute(database);
  }
  await sql`ANALYZE`.execute(database);
}

async function measure(
  database: Kysely<PortalDatabase>,
): Promise<{ found: number; findMs: number; deleteMs: number; deleted: number }> {
  const botContent = new BotCallContent();
  const target = { e164: SUBJECT, clientIds: undefined };
  const started = performance.now();
  const findings = await searchDataRequest(database, botContent, target, new Date().toISOString());
  const found = performance.now();
  const receipt = await deleteDataRequest(database, botContent, target, {
    userId: 'bench',
    subject: 'bench',
    at: new Date().toISOString(),
  });
  const done = performance.now();
  const deleted = Object.values(receipt.counts).reduce((sum, count) => sum + count, 0);
  return {
    found: findings.records.length,
    findMs: found - started,
    deleteMs: done - found,
    deleted,
  };
}

async function main(): Promise<void> {
  const postgres = testDatabaseTargets().find((target) => target.name === 'postgres');
  if (!postgres || postgres.skipReason) {
    console.log(`PostgreSQL only: ${POSTGRES_URL_VARIABLE} is not set. Run:`);
    console.log('  bash scripts/with-postgres.sh npx tsx scripts/benchmarkDataRequest.ts');
    return;
  }
  const total = option('total', 1_000_000);
  const subject = option('subject', 10_000);
  const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  for (const variant of ['indexed (migration 0004)', 'baseline: lookup indexes dropped']) {
    const created = await postgres.create();
    const opened = await openDatabase(created.location);
    try {
      if (variant.startsWith('baseline'))
        for (const index of LOOKUP_INDEXES)
          await sql`DROP INDEX ${sql.ref(index)}`.execute(opened.database);
      const filling = performance.now();
      await fill(opened.database, total, subject);
      console.log(
        `${variant}: ${total.toLocaleString('en')} records written in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
      );
      results[variant] = await measure(opened.database);
    } finally {
      await opened.close();
      await created.drop();
    }
  }
  console.log(
    `\nOne number's ${subject.toLocaleString('en')} records among ${total.toLocaleString('en')} (PostgreSQL, run ${randomUUID().slice(0, 8)})`,
  );
  console.log('variant                              found   find ms  delete ms  deleted');
  for (const [variant, result] of Object.entries(results))
    console.log(
      `${variant.padEnd(36)} ${String(result.found).padStart(6)} ${result.findMs.toFixed(0).padStart(9)} ${result.deleteMs.toFixed(0).padStart(10)} ${String(result.deleted).padStart(8)}`,
    );
  const [indexed, baseline] = Object.values(results);
  if (indexed && baseline)
    console.log(
      `\nbaseline / indexed: find ${(baseline.findMs / indexed.findMs).toFixed(1)}×, delete ${(baseline.deleteMs / indexed.deleteMs).toFixed(1)}×`,
    );
}

await main();
