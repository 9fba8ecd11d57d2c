import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createNotesStore } from '../notes/notesStore';
import { PortalClientFake } from '../notes/testing/portalClientFake';
import { createCallStore, type Presence } from '../softphone/callStore';
import { createPresenceNoticeStore, syncPresence } from './presenceSync';

const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

async function setup() {
  const fake = new PortalClientFake();
  const calls = createCallStore();
  // The engine's presence change lands in the store, as SoftphoneEngine.setPresence does.
  const engine = {
    setPresence: (presence: Exclude<Presence, 'not-ready'>, breakReason?: string) => {
      calls.getState().setPresence(presence, { breakReason });
      return { ok: true as const };
    },
  };
  const notes = createNotesStore({
    client: fake.client,
    currentUserId: () => 'user-1',
    databaseName: `presence-${crypto.randomUUID()}`,
  });
  await notes.getState().start();
  const notice = createPresenceNoticeStore();
  const stop = syncPresence({
    calls,
    engine,
    notes,
    notice,
    client: fake.client,
    userId: 'user-1',
  });
  cleanups.push(stop, () => notes.getState().stop());
  return { fake, calls, engine, notes, notice };
}

const CONTEXT = {
  callId: 'leg-1',
  portalCallId: null,
  clientId: 'client-1',
  clientName: 'Client',
  line: null,
  callerNumber: null,
  ringAt: null,
  answerAt: null,
  endAt: Date.now(),
};

describe('presence and after-call work', () => {
  it('keeps the agent in after-call work while a note is unsaved, unless it is discarded', async () => {
    const { calls, engine, notes, notice, fake } = await setup();
    engine.setPresence('available');
    const formId = await notes.getState().openNote(CONTEXT);
    expect(calls.getState().presence).toBe('after-call-work');
    engine.setPresence('available');
    expect(calls.getState().presence).toBe('after-call-work');
    expect(notice.getState().blockedByNote).toBe(true);
    await notes.getState().discard(formId);
    expect(calls.getState().presence).toBe('available');
    expect(notice.getState().blockedByNote).toBe(false);
    // Not registered yet at the start: not ready (a break with the reason), never offered calls.
    expect(fake.presences).toEqual(['break', 'available', 'wrap-up', 'available']);
  });

  it('reports "not ready" with its reason: the chosen break reason, or why the phone is not ready', async () => {
    const { calls, engine, fake } = await setup();
    expect(fake.presenceReasons.at(-1)).toBe('not-ready');
    engine.setPresence('break', 'lunch');
    expect(fake.presences.at(-1)).toBe('break');
    expect(fake.presenceReasons.at(-1)).toBe('lunch');
    calls.getState().setPresence('not-ready', { notice: 'link-lost' });
    expect(fake.presences.at(-1)).toBe('break');
    expect(fake.presenceReasons.at(-1)).toBe('link-lost');
    engine.setPresence('available');
    expect(fake.presences.at(-1)).toBe('available');
    expect(fake.presenceReasons.at(-1)).toBeNull();
  });

  it('returns to available after the note is saved', async () => {
    const { calls, engine, notes } = await setup();
    engine.setPresence('available');
    const formId = await notes.getState().openNote(CONTEXT);
    notes.getState().updateField(formId, 'outcome', 'spam');
    expect(await notes.getState().submit(formId, 'Werbung')).toBe(true);
    expect(calls.getState().presence).toBe('available');
  });

  it('leaves a break alone when a note is opened', async () => {
    const { calls, engine, notes } = await setup();
    engine.setPresence('break');
    await notes.getState().openNote(CONTEXT);
    expect(calls.getState().presence).toBe('break');
  });

  it("follows a supervisor's break for this agent, and only that", async () => {
    const { calls, engine, fake } = await setup();
    engine.setPresence('available');
    const event = (change: object) => ({
      userId: 'user-1',
      state: 'break',
      at: new Date().toISOString(),
      reason: 'Teammeeting',
      ...change,
    });
    // The desk's own break echoed back, and another agent's break: nothing to follow.
    fake.emit('onPresenceChanged', event({ changedBy: 'user-1' }));
    fake.emit('onPresenceChanged', event({ userId: 'user-2', changedBy: 'supervisor-1' }));
    fake.emit('onPresenceChanged', event({ changedBy: null }));
    expect(calls.getState().presence).toBe('available');
    const sent = fake.presences.length;
    fake.emit('onPresenceChanged', event({ changedBy: 'supervisor-1' }));
    expect(calls.getState()).toMatchObject({ presence: 'break', breakReason: 'supervisor' });
    // The portal keeps the supervisor's reason: the desk does not send its own over it.
    expect(fake.presences.length).toBe(sent);
    // The agent ends the break as any other; that is mirrored.
    engine.setPresence('available');
    expect(fake.presences.at(-1)).toBe('available');
  });
});
