import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { RetentionPolicy } from '../../../shared/domain/clientProfile';
import type { OutboxEntry, OutboxStatus } from '../../../shared/sync/outboxTypes';
import { createDraft } from '../../../shared/sync/outboxTransitions';
import { createLocalDatabase, type DeskDatabase } from '../../data/localDatabase';
import { importWrappingKey, RecordVault } from '../../data/recordVault';
import type { CallHistoryEntry } from '../history/callHistoryEntry';
import { CallHistoryRepository, historyRecordId } from '../history/callHistoryRepository';
import { DexieOutboxStorage } from '../notes/dexieOutboxStorage';
import { EMPTY_NOTE_FIELDS, type NotePayload } from '../notes/noteFields';
import { createNotesDatabase, type NotesDatabase } from '../notes/notesDatabase';
import { NoteRetention } from './noteRetention';
import { RetentionRuntime } from './retentionRuntime';
import { RetentionPortalFake } from './testing/retentionPortalFake';

const CANARY_NUMBER = '+4930555000111';
const CANARY_NAME = 'Kanarienvogel Siebzehn';
const MINUTE = 60_000;
const names: string[] = [];
const open: Dexie[] = [];

afterEach(async () => {
  for (const database of open.splice(0)) database.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function desk(policy: RetentionPolicy) {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = () => now;
  const portal = new RetentionPortalFake();
  portal.addClient('client-1', '+498999998201', policy);
  const deskName = `retention-desk-${crypto.randomUUID()}`;
  const notesName = `retention-notes-${crypto.randomUUID()}`;
  names.push(deskName, notesName);
  const database: DeskDatabase = createLocalDatabase(deskName);
  const notesDatabase: NotesDatabase = createNotesDatabase(notesName);
  open.push(database, notesDatabase);
  const deskVault = new RecordVault(database, await importWrappingKey(portal.rawWrappingKey()));
  const notesVault = new RecordVault(
    notesDatabase,
    await importWrappingKey(portal.rawWrappingKey()),
  );
  const notes = new DexieOutboxStorage(notesDatabase, notesVault);
  const runtime = new RetentionRuntime({
    client: portal.asClient(),
    database,
    recordVault: () => Promise.resolve(deskVault),
    noteShredder: (recordId) => notes.shredCommitted(recordId),
    now: clock,
  });
  const history = new CallHistoryRepository(
    database,
    () => Promise.resolve(deskVault),
    runtime.history,
  );
  const noteRetention = new NoteRetention(runtime.directory, runtime.schedule);
  /** Persists a note in a status and records its deadline, as the notes runtime does. */
  const putNote = async (id: string, status: OutboxStatus, callId = 'leg-1') => {
    const entry: OutboxEntry<NotePayload> = {
      ...createDraft(id, notePayload(callId, clock()), clock()),
      status,
      idempotencyKey: status === 'draft' ? null : `key-${id}`,
      sentAt: status === 'sent' || status === 'delivered' ? clock() : null,
      updatedAt: clock(),
    };
    await notes.put(entry);
    await noteRetention.noteChanged(entry);
    return entry;
  };
  return {
    portal,
    database,
    notesDatabase,
    notes,
    runtime,
    history,
    putNote,
    noteRetention,
    clock,
    advance: (milliseconds: number) => {
      now += milliseconds;
    },
  };
}

function historyEntry(id: string, startedAt: number): CallHistoryEntry {
  return {
    id,
    startedAt,
    direction: 'incoming',
    remoteNumber: CANARY_NUMBER,
    remoteLabel: CANARY_NUMBER,
    remoteName: CANARY_NAME,
    clientLine: '+498999998201',
    durationSeconds: 42,
    outcome: 'completed',
  };
}

function notePayload(callId: string, endAt: number): NotePayload {
  return {
    authorUserId: 'user-1',
    context: {
      callId,
      portalCallId: null,
      clientId: 'client-1',
      clientName: 'Praxis Sonnenblume',
      line: '+498999998201',
      callerNumber: CANARY_NUMBER,
      ringAt: endAt - 60_000,
      answerAt: endAt - 50_000,
      endAt,
    },
    fields: { ...EMPTY_NOTE_FIELDS, callerName: CANARY_NAME, concern: 'Rückruf' },
    aiFilled: [],
    submission: null,
    call: null,
  };
}

/** Reads every row of every object store straight from IndexedDB, bytes decoded as UTF-8. */
async function dumpIndexedDb(name: string): Promise<string> {
  const request = indexedDB.open(name);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const dumps: string[] = [];
  for (const storeName of Array.from(idb.objectStoreNames)) {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const all = idb.transaction(storeName).objectStore(storeName).getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    for (const row of rows) {
      dumps.push(
        JSON.stringify(row, (_key, item: unknown) =>
          ArrayBuffer.isView(item) ? new TextDecoder().decode(item as Uint8Array) : item,
        ),
      );
    }
  }
  idb.close();
  return dumps.join('\n');
}

describe('retention: keep-minutes (the security test: retention set to 1 minute)', () => {
  it('leaves 0 readable records at deadline + 60 s and a receipt per deletion at the portal', async () => {
    const setup = await desk({ mode: 'keep-minutes', minutes: 1 });
    for (let index = 0; index < 5; index += 1) {
      await setup.history.save(historyEntry(`leg-${index}`, setup.clock() - 90_000));
    }
    for (let index = 0; index < 3; index += 1) {
      await setup.putNote(`note-${index}`, 'sent', `leg-${index}`);
    }
    expect(await setup.history.list()).toHaveLength(5);

    // Before the deadline nothing goes.
    setup.advance(59_000);
    expect((await setup.runtime.tick())?.shredded).toBe(0);
    expect(await setup.history.list()).toHaveLength(5);

    setup.advance(1_000 + 60_000);
    const result = await setup.runtime.tick();
    expect(result).toEqual({ shredded: 8, waiting: 0, failed: 0 });
    expect(await setup.history.list()).toHaveLength(0);
    for (let index = 0; index < 3; index += 1) {
      expect(await setup.notes.get(`note-${index}`)).toBeUndefined();
    }
    expect(await setup.database.vaultKeys.count()).toBe(0);
    expect(await setup.notesDatabase.vaultKeys.count()).toBe(0);
    expect(await setup.database.sealedRecords.count()).toBe(0);

    // One receipt per deletion, at the portal, without personal data; the local queue is empty.
    const receipts = [...setup.portal.receipts.values()];
    expect(receipts).toHaveLength(8);
    expect(receipts.filter((receipt) => receipt.recordType === 'call-record')).toHaveLength(5);
    expect(receipts.filter((receipt) => receipt.recordType === 'note')).toHaveLength(3);
    expect(new Set(receipts.map((receipt) => receipt.reason))).toEqual(
      new Set(['retention-expired']),
    );
    expect(receipts.every((receipt) => receipt.clientId === 'client-1')).toBe(true);
    expect(JSON.stringify(receipts)).not.toContain('5550001');
    expect(await setup.database.deletionReceipts.count()).toBe(0);
    expect(await dumpIndexedDb(setup.database.name)).not.toContain(CANARY_NAME);
    expect(await dumpIndexedDb(setup.notesDatabase.name)).not.toContain(CANARY_NAME);
  });

  it('keeps receipts queued while the portal is unreachable and sends them once it is back', async () => {
    const setup = await desk({ mode: 'keep-minutes', minutes: 1 });
    await setup.history.save(historyEntry('leg-1', setup.clock()));
    setup.portal.online = false;
    setup.advance(2 * MINUTE);
    expect((await setup.runtime.tick())?.shredded).toBe(1);
    expect(setup.portal.receipts.size).toBe(0);
    expect(await setup.database.deletionReceipts.count()).toBe(1);
    setup.portal.online = true;
    await setup.runtime.tick();
    expect(setup.portal.receipts.size).toBe(1);
    expect(await setup.database.deletionReceipts.count()).toBe(0);
  });

  it('sends more receipts than one batch in one tick', async () => {
    const setup = await desk({ mode: 'keep-minutes', minutes: 1 });
    for (let index = 0; index < 130; index += 1) {
      await setup.history.save(historyEntry(`leg-${index}`, setup.clock()));
    }
    setup.advance(2 * MINUTE);
    expect((await setup.runtime.tick())?.shredded).toBe(130);
    expect(setup.portal.receipts.size).toBe(130);
    expect(await setup.database.deletionReceipts.count()).toBe(0);
  });

  it('gives one receipt per record when two windows sweep at once', async () => {
    const setup = await desk({ mode: 'keep-minutes', minutes: 1 });
    for (let index = 0; index < 4; index += 1) {
      await setup.history.save(historyEntry(`leg-${index}`, setup.clock()));
    }
    const otherWindow = new RetentionRuntime({
      client: setup.portal.asClient(),
      database: setup.database,
      recordVault: async () =>
        new RecordVault(setup.database, await importWrappingKey(setup.portal.rawWrappingKey())),
      now: setup.clock,
    });
    setup.advance(2 * MINUTE);
    await Promise.all([setup.runtime.tick(), otherWindow.tick()]);
    await setup.runtime.tick();
    expect(setup.portal.receipts.size).toBe(4);
    expect(await setup.database.vaultKeys.count()).toBe(0);
  });

  it('never shreds a note that is still queued, failed or a draft, however old', async () => {
    const setup = await desk({ mode: 'keep-minutes', minutes: 1 });
    const queued = await setup.putNote('queued-note', 'queued');
    await setup.putNote('failed-note', 'failed');
    await setup.putNote('draft-note', 'draft');
    setup.advance(31 * 24 * 60 * MINUTE);
    const result = await setup.runtime.tick();
    expect(result).toMatchObject({ shredded: 0, waiting: 3 });
    for (const id of ['queued-note', 'failed-note', 'draft-note']) {
      expect((await setup.notes.get(id))?.payload.fields.callerName).toBe(CANARY_NAME);
    }
    expect(setup.portal.receipts.size).toBe(0);

    // Once the portal committed it, the overdue note goes at the next sweep.
    const sent = { ...queued, status: 'sent' as const, sentAt: setup.clock() };
    await setup.notes.put(sent);
    await setup.noteRetention.noteChanged(sent);
    expect((await setup.runtime.tick())?.shredded).toBe(1);
    expect(await setup.notes.get('queued-note')).toBeUndefined();
  });
});

describe('retention: delete-after-sync', () => {
  it('shreds a note only once it is sent, and its call history entry with it', async () => {
    const setup = await desk({ mode: 'delete-after-sync' });
    await setup.history.save(historyEntry('leg-1', setup.clock()));
    await setup.putNote('note-1', 'queued', 'leg-1');
    setup.advance(60 * MINUTE);
    expect((await setup.runtime.tick())?.shredded).toBe(0);
    expect((await setup.notes.get('note-1'))?.status).toBe('queued');
    expect(await setup.history.list()).toHaveLength(1);

    await setup.putNote('note-1', 'sent', 'leg-1');
    expect((await setup.runtime.tick())?.shredded).toBe(2);
    expect(await setup.notes.get('note-1')).toBeUndefined();
    expect(await setup.history.list()).toHaveLength(0);
    const reasons = [...setup.portal.receipts.values()].map((receipt) => receipt.reason);
    expect(reasons).toEqual(['after-sync', 'after-sync']);
  });

  it('lets the history entry wait for a note written before the call was recorded', async () => {
    const setup = await desk({ mode: 'delete-after-sync' });
    await setup.putNote('note-1', 'queued', 'leg-1');
    await setup.history.save(historyEntry('leg-1', setup.clock()));
    setup.advance(20 * MINUTE);
    expect((await setup.runtime.tick())?.shredded).toBe(0);
    expect(await setup.history.list()).toHaveLength(1);
    await setup.putNote('note-1', 'sent', 'leg-1');
    expect((await setup.runtime.tick())?.shredded).toBe(2);
    expect(await setup.history.list()).toHaveLength(0);

    // A call whose note is already committed when it is recorded goes at the next sweep.
    await setup.putNote('note-2', 'sent', 'leg-2');
    await setup.history.save(historyEntry('leg-2', setup.clock()));
    await setup.runtime.tick();
    expect(await setup.history.list()).toHaveLength(0);
  });

  it('keeps a call without a note 15 minutes for a callback, then shreds it', async () => {
    const setup = await desk({ mode: 'delete-after-sync' });
    await setup.history.save(historyEntry('leg-2', setup.clock()));
    setup.advance(14 * MINUTE);
    await setup.runtime.tick();
    expect(await setup.history.list()).toHaveLength(1);
    setup.advance(MINUTE);
    await setup.runtime.tick();
    expect(await setup.history.list()).toHaveLength(0);
    expect(setup.portal.receipts.size).toBe(1);
  });

  it('does not re-seal a shredded note when a late status change arrives', async () => {
    const setup = await desk({ mode: 'delete-after-sync' });
    const sent = await setup.putNote('note-1', 'sent');
    await setup.runtime.tick();
    expect(await setup.notesDatabase.vaultKeys.count()).toBe(0);
    // The engine still holds the entry in memory and persists "delivered" later.
    await setup.notes.put({ ...sent, status: 'delivered', deliveredAt: setup.clock() });
    expect(await setup.notesDatabase.vaultKeys.count()).toBe(0);
    expect((await setup.notesDatabase.outbox.get('note-1'))?.status).toBe('delivered');
    // Retired on purpose: neither listed nor reported as unreadable.
    expect(await setup.notes.list()).toEqual([]);
    expect(setup.notes.unreadable()).toEqual([]);
    await setup.runtime.tick();
    expect(setup.portal.receipts.size).toBe(1);
  });
});

describe('retention: ram-only', () => {
  it('never writes the call history to IndexedDB, keeps it in memory for the window', async () => {
    const setup = await desk({ mode: 'ram-only' });
    await setup.history.save(historyEntry('leg-1', setup.clock()));
    expect((await setup.history.list()).map((entry) => entry.remoteName)).toEqual([CANARY_NAME]);
    const raw = await dumpIndexedDb(setup.database.name);
    expect(raw).not.toContain(CANARY_NUMBER);
    expect(raw).not.toContain(CANARY_NAME);
    expect(await setup.database.sealedRecords.count()).toBe(0);
    expect(await setup.database.vaultKeys.count()).toBe(0);
    expect(await setup.database.retentionSchedule.get(historyRecordId('leg-1'))).toBeUndefined();
  });

  it('keeps a note sealed until the portal committed it, then shreds it at once', async () => {
    const setup = await desk({ mode: 'ram-only' });
    await setup.putNote('note-1', 'queued');
    setup.advance(24 * 60 * MINUTE);
    await setup.runtime.tick();
    expect((await setup.notes.get('note-1'))?.payload.context.callerNumber).toBe(CANARY_NUMBER);
    await setup.putNote('note-1', 'sent');
    expect((await setup.runtime.tick())?.shredded).toBe(1);
    expect(await setup.notes.get('note-1')).toBeUndefined();
    expect([...setup.portal.receipts.values()].map((receipt) => receipt.reason)).toEqual([
      'ram-only',
    ]);
  });

  it('keeps the history in memory only while the policy cannot be looked up', async () => {
    const setup = await desk({ mode: 'keep-hours', hours: 24 });
    setup.portal.online = false;
    await setup.history.save(historyEntry('leg-1', setup.clock()));
    expect(await setup.history.list()).toHaveLength(1);
    expect(await setup.database.sealedRecords.count()).toBe(0);
  });
});

describe('retention: calls without a client', () => {
  it('keeps them until the 30-day ceiling and sends no receipt (no client to prove it to)', async () => {
    const setup = await desk({ mode: 'keep-minutes', minutes: 1 });
    await setup.history.save({ ...historyEntry('leg-9', setup.clock()), clientLine: undefined });
    setup.advance(30 * 24 * 60 * MINUTE - 1);
    await setup.runtime.tick();
    expect(await setup.history.list()).toHaveLength(1);
    setup.advance(1);
    expect((await setup.runtime.tick())?.shredded).toBe(1);
    expect(await setup.history.list()).toHaveLength(0);
    expect(setup.portal.receipts.size).toBe(0);
  });
});
