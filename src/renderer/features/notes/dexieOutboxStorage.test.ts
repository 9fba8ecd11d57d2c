import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraft } from '../../../shared/sync/outboxTransitions';
import { importWrappingKey, RecordVault } from '../../data/recordVault';
import { DexieOutboxStorage } from './dexieOutboxStorage';
import { EMPTY_NOTE_FIELDS, type NotePayload } from './noteFields';
import { createNotesDatabase, type NotesDatabase } from './notesDatabase';

const databases: NotesDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) {
    database.close();
    await Dexie.delete(database.name);
  }
});

async function storageWith(name: string, rawKey: Uint8Array) {
  const database = createNotesDatabase(name);
  databases.push(database);
  await database.open();
  const vault = new RecordVault(database, await importWrappingKey(new Uint8Array(rawKey)));
  return { database, storage: new DexieOutboxStorage(database, vault) };
}

const payload: NotePayload = {
  authorUserId: 'user-1',
  context: {
    callId: 'leg-1',
    portalCallId: null,
    clientId: 'client-1',
    clientName: 'Praxis Sonnenblume',
    line: '+498999998201',
    callerNumber: '+4917099999999',
    ringAt: 1,
    answerAt: 2,
    endAt: 3,
  },
  fields: { ...EMPTY_NOTE_FIELDS, callerName: 'Kanarienvogel Dreizehn', concern: 'Rezept' },
  aiFilled: [],
  submission: null,
  call: null,
};

describe('Dexie outbox storage', () => {
  it('round-trips entries with the note sealed and only IDs, states and times in clear', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const { database, storage } = await storageWith(`outbox-${crypto.randomUUID()}`, key);
    const entry = {
      ...createDraft('note-1', payload, 1000),
      status: 'queued' as const,
      idempotencyKey: 'k-1',
    };
    await storage.put(entry);
    expect(await storage.get('note-1')).toEqual(entry);
    expect(await storage.list()).toEqual([entry]);
    const rows = await database.outbox.toArray();
    const clear = JSON.stringify(rows, (_key, value) => (value instanceof Uint8Array ? '' : value));
    expect(clear).not.toContain('Kanarienvogel');
    expect(clear).not.toContain('4917099999999');
    expect(rows[0]).toMatchObject({ id: 'note-1', status: 'queued', authorUserId: 'user-1' });
  });

  it('counts notes it cannot open instead of dropping them silently', async () => {
    const name = `outbox-${crypto.randomUUID()}`;
    const first = await storageWith(name, crypto.getRandomValues(new Uint8Array(32)));
    await first.storage.put(createDraft('note-2', payload, 1000));
    first.database.close();
    // A restart in RAM-only mode: the host hands out a new wrapping key.
    const second = await storageWith(name, crypto.getRandomValues(new Uint8Array(32)));
    expect(await second.storage.list()).toEqual([]);
    expect(second.storage.unreadable()).toEqual(['note-2']);
    expect(await second.database.outbox.count()).toBe(1);
  });

  it('shreds a discarded draft: key and row are gone', async () => {
    const { database, storage } = await storageWith(
      `outbox-${crypto.randomUUID()}`,
      crypto.getRandomValues(new Uint8Array(32)),
    );
    await storage.put(createDraft('note-3', payload, 1000));
    expect(await database.vaultKeys.where('recordId').equals('note-3').count()).toBe(1);
    await storage.delete('note-3');
    expect(await database.outbox.count()).toBe(0);
    expect(await database.vaultKeys.where('recordId').equals('note-3').count()).toBe(0);
  });
});
