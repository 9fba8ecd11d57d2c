import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteOutbox } from '../../../shared/sync/noteOutbox';
import { createLocalDatabase } from '../../data/localDatabase';
import { createRecordVault } from '../../data/recordVault';
import { DexieOutboxStorage } from '../notes/dexieOutboxStorage';
import { EMPTY_NOTE_FIELDS, type NotePayload } from '../notes/noteFields';
import { createNotesDatabase, NOTES_DATABASE_NAME } from '../notes/notesDatabase';
import { followNoteRetention, RetentionRuntime } from './retentionRuntime';
import { RetentionPortalFake } from './testing/retentionPortalFake';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const payload: NotePayload = {
  authorUserId: 'user-1',
  context: {
    callId: 'leg-1',
    portalCallId: null,
    clientId: 'client-1',
    clientName: 'Kanzlei',
    line: '+498999998201',
    callerNumber: '+4930555000111',
    ringAt: 1,
    answerAt: 2,
    endAt: null,
  },
  fields: { ...EMPTY_NOTE_FIELDS, callerName: 'Kanarienvogel', concern: 'Frist' },
  aiFilled: [],
  submission: null,
  call: null,
};

describe('retention wiring', () => {
  it('follows the real outbox engine and shreds through the notes database it opens itself', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const clock = () => now;
    const portal = new RetentionPortalFake();
    portal.addClient('client-1', '+498999998201', { mode: 'keep-minutes', minutes: 1 });
    const client = portal.asClient();
    // The notes runtime's database (default name): the sweeper opens it on its own.
    const notesDatabase = createNotesDatabase();
    await notesDatabase.open();
    cleanups.push(() => Dexie.delete(NOTES_DATABASE_NAME));
    cleanups.push(() => notesDatabase.close());
    const deskName = `wiring-desk-${crypto.randomUUID()}`;
    const desk = createLocalDatabase(deskName);
    cleanups.push(() => Dexie.delete(deskName));
    cleanups.push(() => desk.close());

    let accept = false;
    const storage = new DexieOutboxStorage(
      notesDatabase,
      await createRecordVault(notesDatabase, client),
    );
    const outbox = new NoteOutbox<NotePayload>({
      storage,
      now: clock,
      sender: {
        send: () =>
          Promise.resolve(
            accept
              ? { kind: 'accepted', remoteId: 'remote-1' }
              : { kind: 'retry', code: 'unreachable', countsTowardLimit: false },
          ),
      },
    });
    await outbox.start();
    cleanups.push(() => outbox.stop());
    cleanups.push(followNoteRetention(outbox, client, desk));
    const runtime = new RetentionRuntime({
      client,
      database: desk,
      recordVault: () => createRecordVault(desk, client),
      now: clock,
    });

    const note = await outbox.submitNew(payload);
    await expect.poll(() => desk.retentionSchedule.get(note.id)).toBeDefined();
    now += 10 * 60_000;
    expect((await runtime.tick())?.shredded).toBe(0);
    expect((await storage.get(note.id))?.payload.fields.callerName).toBe('Kanarienvogel');

    accept = true;
    outbox.notifyOnline();
    await outbox.whenIdle();
    expect(outbox.get(note.id)?.status).toBe('sent');
    expect((await runtime.tick())?.shredded).toBe(1);
    expect(await storage.get(note.id)).toBeUndefined();
    expect(await notesDatabase.vaultKeys.count()).toBe(0);
    expect(portal.receipts.size).toBe(1);
  });
});
