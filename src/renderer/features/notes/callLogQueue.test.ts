/**
 * The durable call-log queue through the notes runtime (strict Dexie, RecordVault, host sender):
 * exactly once across a portal outage, a killed window, a crash between the two writes, and the
 * caller number never in a plain row.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../shared/contract/services/portalService';
import { createNotesDatabase } from './notesDatabase';
import { NotesRuntime } from './notesRuntime';
import { PortalClientFake } from './testing/portalClientFake';

const runtimes: NotesRuntime[] = [];
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) runtime.stop();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const CALLER = '+4917055555555';

function entry(id: string): CallLogEntry {
  return {
    id,
    clientId: null,
    line: '+4930999999990',
    callerNumber: CALLER,
    ringAt: '2025-06-02T08:00:00.000Z',
    answerAt: null,
    endAt: '2025-06-02T08:00:20.000Z',
    outcome: 'caller-hung-up',
    wrapUpSeconds: 0,
  };
}

/** Sent: the desk's copy (with the caller number) is deleted and its key shredded. */
async function expectNoCopy(name: string, callId: string): Promise<void> {
  const database = createNotesDatabase(name);
  await database.open();
  expect(await database.callLog.count()).toBe(0);
  expect(await database.vaultKeys.where('recordId').equals(callId).count()).toBe(0);
  database.close();
}

async function start(fake: PortalClientFake, databaseName: string, userId = 'user-1') {
  const runtime = await NotesRuntime.start({
    client: fake.client,
    currentUserId: () => userId,
    databaseName,
    onEntry: () => undefined,
  });
  runtimes.push(runtime);
  return runtime;
}

describe('call-log queue', () => {
  it('lists the unsent entries of one agent for the logout export', async () => {
    const fake = new PortalClientFake();
    fake.setConnection('offline');
    const runtime = await start(fake, `call-log-${crypto.randomUUID()}`);
    await runtime.callLog.enqueue(entry('call-a'), 'user-1');
    await runtime.callLog.enqueue(entry('call-b'), 'user-2');
    expect(runtime.callLog.unsentEntries('user-1').map((call) => call.id)).toEqual(['call-a']);
    expect(runtime.callLog.unsentEntries('user-1')[0]!.callerNumber).toBe(CALLER);
    expect(runtime.callLog.unsentEntries('user-3')).toEqual([]);
  });

  it('survives a killed window while the portal is down and then sends exactly once', async () => {
    const fake = new PortalClientFake();
    const name = `call-log-${crypto.randomUUID()}`;
    fake.setConnection('offline');
    const first = await start(fake, name);
    await first.callLog.enqueue(entry('call-1'), 'user-1');
    await first.callLog.enqueue(entry('call-1'), 'user-1');
    expect(first.callLog.engine.list()).toHaveLength(1);
    first.stop(); // the window dies; nothing reached the portal
    expect(fake.loggedCalls.size).toBe(0);

    const raw = createNotesDatabase(name);
    await raw.open();
    const rows = await raw.callLog.toArray();
    raw.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'call-1', status: 'queued', agentUserId: 'user-1' });
    expect(JSON.stringify(rows)).not.toContain(CALLER);

    fake.mode = 'online';
    const second = await start(fake, name);
    await second.callLog.whenIdle();
    expect([...fake.loggedCalls.keys()]).toEqual(['call-1']);
    expect(fake.loggedCalls.get('call-1')!.callerNumber).toBe(CALLER);
    expect(second.callLog.engine.get('call-1')!.status).toBe('sent');
    second.stop();
    await expectNoCopy(name, 'call-1');
    // A third start sends nothing again.
    const attempts = fake.callLogAttempts.length;
    const third = await start(fake, name);
    await third.callLog.whenIdle();
    expect(fake.callLogAttempts).toHaveLength(attempts);
  });

  it('submits a draft a crash left between the two writes', async () => {
    const fake = new PortalClientFake();
    const name = `call-log-${crypto.randomUUID()}`;
    fake.mode = 'offline';
    const first = await start(fake, name);
    await first.callLog.engine.saveDraft(
      { agentUserId: 'user-1', entry: entry('call-2') },
      'call-2',
    );
    first.stop();
    fake.mode = 'online';
    const second = await start(fake, name);
    await second.callLog.whenIdle();
    expect([...fake.loggedCalls.keys()]).toEqual(['call-2']);
  });

  it("waits for the call's agent: never sent in another user's session", async () => {
    const fake = new PortalClientFake();
    const name = `call-log-${crypto.randomUUID()}`;
    const runtime = await start(fake, name, 'user-2');
    await runtime.callLog.enqueue(entry('call-3'), 'user-1');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.callLogAttempts).toHaveLength(0);
    expect(runtime.callLog.engine.get('call-3')!.lastError?.code).toBe('waiting-for-agent');
  });

  it('keeps a rejected entry visible as failed, never drops it', async () => {
    const fake = new PortalClientFake();
    fake.mode = 'reject';
    const runtime = await start(fake, `call-log-${crypto.randomUUID()}`);
    await runtime.callLog.enqueue(entry('call-4'), 'user-1');
    await runtime.callLog.whenIdle();
    expect(runtime.callLog.engine.get('call-4')!.status).toBe('failed');
    expect(runtime.callLog.pendingCount()).toBe(1);
  });
});
