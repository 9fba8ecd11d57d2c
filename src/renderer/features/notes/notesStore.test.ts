import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import type { NoteContext } from './noteFields';
import { createNotesStore, type NotesStore } from './notesStore';
import { PortalClientFake, TEST_USER } from './testing/portalClientFake';

const CONTEXT: NoteContext = {
  callId: 'leg-1',
  portalCallId: '5b1f3c1e-8d1a-4f7e-9a55-3c2b1a0f9e11',
  clientId: 'kanzlei-brandt-okafor',
  clientName: 'Kanzlei Brandt & Okafor',
  line: '+493023125101',
  callerNumber: '+4915112345678',
  ringAt: Date.now() - 60_000,
  answerAt: Date.now() - 55_000,
  endAt: Date.now() - 5_000,
};

const opened: NotesStore[] = [];
let databaseName = '';
afterEach(async () => {
  for (const store of opened.splice(0)) store.getState().stop();
  await Dexie.delete(databaseName);
});

async function startStore(fake: PortalClientFake, name = databaseName): Promise<NotesStore> {
  const store = createNotesStore({
    client: fake.client,
    currentUserId: () => fake.session.user?.id ?? null,
    databaseName: name,
    // Fast retries so tests do not wait for production backoff.
    outbox: { backoff: { baseMilliseconds: 10, capMilliseconds: 50 } },
  });
  opened.push(store);
  await store.getState().start();
  expect(store.getState().phase).toBe('ready');
  return store;
}

function freshName(): string {
  databaseName = `notes-test-${crypto.randomUUID()}`;
  return databaseName;
}

async function until(check: () => boolean, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('notes store', () => {
  it('saves the draft at once, sealed, and restores it in a new window (reload/crash)', async () => {
    freshName();
    const fake = new PortalClientFake();
    const first = await startStore(fake);
    const formId = await first.getState().openNote(CONTEXT);
    first.getState().updateField(formId, 'callerName', 'Kanarienvogel Zwölf');
    first.getState().updateField(formId, 'concern', 'Rückruf wegen Frist');
    await first.getState().flushDrafts();

    const raw = await new Dexie(databaseName).open();
    const rows = await raw.table('outbox').toArray();
    raw.close();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('Kanarienvogel');
    expect(rows[0].status).toBe('draft');

    first.getState().stop();
    const second = await startStore(fake);
    const restored = second.getState().forms[formId];
    expect(restored?.fields.callerName).toBe('Kanarienvogel Zwölf');
    expect(restored?.context.clientName).toBe(CONTEXT.clientName);
    expect(second.getState().activeFormId).toBe(formId);
    expect(second.getState().hasUnsavedNote()).toBe(true);
  });

  it('persists the note as queued with an idempotency key before reporting it saved', async () => {
    freshName();
    const fake = new PortalClientFake();
    fake.setConnection('offline');
    const store = await startStore(fake);
    const formId = await store.getState().openNote(CONTEXT);
    store.getState().updateField(formId, 'concern', 'Bitte Rückruf');
    store.getState().updateField(formId, 'outcome', 'message-taken');
    expect(await store.getState().submit(formId, 'Nachricht')).toBe(true);
    expect(store.getState().lastSaved?.id).toBe(formId);
    expect(store.getState().forms[formId]).toBeUndefined();

    const raw = await new Dexie(databaseName).open();
    const row = await raw.table('outbox').get(formId);
    raw.close();
    expect(row.status).toBe('queued');
    expect(row.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => fake.submitAttempts.length > 0);
    expect(store.getState().entries[formId]?.status).toBe('queued');

    fake.setConnection('online');
    await until(() => store.getState().entries[formId]?.status === 'sent');
    expect(fake.notes.size).toBe(1);
    const sent = [...fake.notes.values()][0]!;
    expect(sent.note).toMatchObject({ concern: 'Bitte Rückruf', outcome: 'message-taken' });
    expect(sent.call).toMatchObject({ id: CONTEXT.portalCallId, outcome: 'message-taken' });
    expect(sent.call!.wrapUpSeconds).toBeGreaterThanOrEqual(5);
  });

  it('shows a rejected note as failed and sends it again on retry, with the same key', async () => {
    freshName();
    const fake = new PortalClientFake();
    fake.mode = 'reject';
    const store = await startStore(fake);
    const formId = await store.getState().openNote(CONTEXT);
    store.getState().updateField(formId, 'outcome', 'spam');
    expect(await store.getState().submit(formId, 'Werbung')).toBe(true);
    await until(() => store.getState().entries[formId]?.status === 'failed');
    expect(store.getState().entries[formId]?.lastErrorCode).toBe('validation');
    fake.mode = 'online';
    await store.getState().retry(formId);
    await until(() => store.getState().entries[formId]?.status === 'sent');
    const keys = new Set(fake.submitAttempts.map((attempt) => attempt.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...fake.notes.values()][0]!.note.concern).toBe('Werbung');
  });

  it('keeps AI-filled fields marked until confirmed and never overwrites typed fields', async () => {
    freshName();
    const fake = new PortalClientFake();
    const store = await startStore(fake);
    // A draft that arrives before the note is opened waits for it.
    expect(store.getState().applyDraft('leg-1', { callerName: 'KI Name' }, ['callerName'])).toBe(
      false,
    );
    const formId = await store.getState().openNote(CONTEXT);
    expect(store.getState().forms[formId]?.fields.callerName).toBe('KI Name');
    store.getState().updateField(formId, 'concern', 'Vom Agenten');
    expect(
      store
        .getState()
        .applyDraft(
          'leg-1',
          { concern: 'Von der KI', callbackNumber: '+4930123456', outcome: 'message-taken' },
          ['concern', 'callbackNumber', 'outcome'],
        ),
    ).toBe(true);
    const form = store.getState().forms[formId]!;
    expect(form.fields.concern).toBe('Vom Agenten');
    expect(form.fields.callbackNumber).toBe('+4930123456');
    expect([...form.aiFilled].sort()).toEqual(['callbackNumber', 'callerName', 'outcome']);
    expect(await store.getState().submit(formId, '')).toBe(false);
    expect(store.getState().forms[formId]!.problems.map((problem) => problem.reason)).toContain(
      'ai-unconfirmed',
    );
    store.getState().confirmFields(formId, ['callerName', 'callbackNumber', 'outcome']);
    expect(await store.getState().submit(formId, '')).toBe(true);
    await until(() => fake.notes.size === 1);
  });

  it('discards a draft only when asked and then allows becoming available', async () => {
    freshName();
    const fake = new PortalClientFake();
    const store = await startStore(fake);
    const formId = await store.getState().openNote(CONTEXT);
    expect(store.getState().hasUnsavedNote()).toBe(true);
    await store.getState().discard(formId);
    expect(store.getState().hasUnsavedNote()).toBe(false);
    store.getState().stop();
    const again = await startStore(fake);
    expect(again.getState().hasUnsavedNote()).toBe(false);
    expect(Object.keys(again.getState().entries)).toEqual([]);
  });

  it('keeps a note opened while the outbox is still starting', async () => {
    freshName();
    const fake = new PortalClientFake();
    const store = createNotesStore({
      client: fake.client,
      currentUserId: () => TEST_USER.id,
      databaseName,
    });
    opened.push(store);
    const starting = store.getState().start();
    const opening = store.getState().openNote(CONTEXT);
    await starting;
    await store.getState().reload();
    const formId = await opening;
    await store.getState().reload();
    expect(store.getState().forms[formId]).toBeDefined();
    expect(store.getState().runtime()?.outbox.get(formId)?.status).toBe('draft');
  });

  it('does not send a note under another user: it waits for its author', async () => {
    freshName();
    const fake = new PortalClientFake();
    fake.setConnection('offline');
    const store = await startStore(fake);
    const formId = await store.getState().openNote(CONTEXT);
    store.getState().updateField(formId, 'outcome', 'wrong-number');
    await store.getState().submit(formId, 'Falsch verbunden');
    fake.session = { ...fake.session, user: { ...TEST_USER, id: 'someone-else' } };
    fake.setConnection('online');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.notes.size).toBe(0);
    fake.session = { ...fake.session, user: TEST_USER };
    fake.setConnection('online');
    await until(() => fake.notes.size === 1);
  });
});
