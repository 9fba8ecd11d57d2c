import { QueryClient } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PLUMBING_BUSINESS } from '../../../shared/demo/demoClients';
import { createNotesStore, type NotesStore } from '../notes/notesStore';
import { PortalClientFake } from '../notes/testing/portalClientFake';
import { createCallStore, type CallStore } from '../softphone/callStore';
import { trackCalls } from './callTracking';

const LINE = DEMO_PLUMBING_BUSINESS.lines[0]!;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function setup(): Promise<{ calls: CallStore; notes: NotesStore; fake: PortalClientFake }> {
  const fake = new PortalClientFake();
  fake.lookups.set(LINE, { kind: 'found', profile: DEMO_PLUMBING_BUSINESS });
  const calls = createCallStore();
  const notes = createNotesStore({
    client: fake.client,
    currentUserId: () => 'user-1',
    databaseName: `tracking-${crypto.randomUUID()}`,
  });
  await notes.getState().start();
  const stop = trackCalls({
    calls,
    client: fake.client,
    notes,
    queryClient: new QueryClient(),
    currentUserId: () => 'user-1',
  });
  cleanups.push(stop, () => notes.getState().stop());
  return { calls, notes, fake };
}

function ring(calls: CallStore, id: string, clientLine: string | undefined = LINE): void {
  calls.getState().addLeg({
    id,
    event: 'incoming',
    direction: 'incoming',
    remoteNumber: '+4915112345678',
    remoteLabel: '0151 12345678',
    remoteName: 'Anrufer',
    clientLine,
    createdAt: Date.now(),
  });
}

describe('call tracking', () => {
  it('logs ring, answer and end and opens the note for the answered client call', async () => {
    const { calls, notes, fake } = await setup();
    ring(calls, 'leg-1');
    await until(() => fake.recordedCalls.length === 1);
    expect(fake.recordedCalls[0]).toMatchObject({
      clientId: DEMO_PLUMBING_BUSINESS.id,
      line: LINE,
      answerAt: null,
      endAt: null,
    });
    calls.getState().applyCallEvent('leg-1', 'answer');
    calls.getState().applyCallEvent('leg-1', 'established', { connectedAt: Date.now() });
    await until(() => fake.recordedCalls.length === 2);
    expect(fake.recordedCalls[1]!.answerAt).not.toBeNull();
    calls.getState().applyCallEvent('leg-1', 'remoteHangup', { endedAt: Date.now() });
    await until(() => notes.getState().hasUnsavedNote());
    const form = Object.values(notes.getState().forms)[0]!;
    expect(form.context).toMatchObject({
      callId: 'leg-1',
      clientId: DEMO_PLUMBING_BUSINESS.id,
      clientName: DEMO_PLUMBING_BUSINESS.name,
      callerNumber: '+4915112345678',
      portalCallId: fake.recordedCalls[0]!.id,
    });
    expect(fake.recordedCalls.at(-1)!.endAt).not.toBeNull();
    // One ID for the leg, the call log entry and the note, so history can merge them.
    expect(fake.recordedCalls.every((call) => call.id === 'leg-1')).toBe(true);
  });

  it('logs a never-answered call and an unknown line through the queue, without a note', async () => {
    const { calls, notes, fake } = await setup();
    ring(calls, 'leg-2');
    calls.getState().applyCallEvent('leg-2', 'cancelled', { endedAt: Date.now() });
    ring(calls, 'leg-3', '+4930999999999');
    calls.getState().applyCallEvent('leg-3', 'answer');
    calls.getState().applyCallEvent('leg-3', 'established', { connectedAt: Date.now() });
    calls.getState().applyCallEvent('leg-3', 'hangup', { endedAt: Date.now() });
    ring(calls, 'leg-5', '+4930999999998');
    calls.getState().applyCallEvent('leg-5', 'cancelled', { endedAt: Date.now() });
    await until(() => fake.loggedCalls.size === 3);
    await notes.getState().runtime()!.callLog.whenIdle();
    expect(notes.getState().hasUnsavedNote()).toBe(false);
    expect(fake.loggedCalls.get('leg-2')).toMatchObject({
      clientId: DEMO_PLUMBING_BUSINESS.id,
      line: LINE,
      answerAt: null,
      outcome: 'caller-hung-up',
    });
    expect(fake.loggedCalls.get('leg-2')!.endAt).not.toBeNull();
    // Unknown line, answered: the portal resolves the line; the outcome stays unclassified.
    expect(fake.loggedCalls.get('leg-3')).toMatchObject({
      clientId: null,
      line: '+4930999999999',
      outcome: null,
    });
    expect(fake.loggedCalls.get('leg-3')!.answerAt).not.toBeNull();
    expect(fake.loggedCalls.get('leg-5')).toMatchObject({
      clientId: null,
      outcome: 'caller-hung-up',
    });
    // Live updates only for the own client's call; unknown lines go only through the queue.
    expect(fake.recordedCalls.every((call) => call.line === LINE)).toBe(true);
    expect(fake.callLogAttempts).toHaveLength(3);
  });

  it('logs a call to a client the agent is not assigned to by its line', async () => {
    const { calls, fake } = await setup();
    fake.lookups.set('+4940123456', { kind: 'not-assigned', line: '+4940123456' });
    ring(calls, 'leg-6', '+4940123456');
    calls.getState().applyCallEvent('leg-6', 'answer');
    calls.getState().applyCallEvent('leg-6', 'established', { connectedAt: Date.now() });
    calls.getState().applyCallEvent('leg-6', 'hangup', { endedAt: Date.now() });
    await until(() => fake.loggedCalls.size === 1);
    expect(fake.loggedCalls.get('leg-6')).toMatchObject({ clientId: null, line: '+4940123456' });
    expect(fake.recordedCalls).toHaveLength(0);
  });

  it('keeps the call log while the portal is down and sends it exactly once later', async () => {
    const { calls, notes, fake } = await setup();
    fake.setConnection('offline');
    ring(calls, 'leg-7', '+4930999999997');
    calls.getState().applyCallEvent('leg-7', 'cancelled', { endedAt: Date.now() });
    await until(() => fake.callLogAttempts.length >= 1);
    expect(fake.loggedCalls.size).toBe(0);
    const queue = notes.getState().runtime()!.callLog;
    expect(queue.pendingCount()).toBe(1);
    // The same call queued again (e.g. a second end event) is not a second entry.
    await queue.enqueue(fake.callLogAttempts[0]!, 'user-1');
    expect(queue.engine.list()).toHaveLength(1);
    fake.setConnection('online');
    await until(() => fake.loggedCalls.size === 1);
    await queue.whenIdle();
    expect(queue.pendingCount()).toBe(0);
    expect(fake.callLogAttempts.length).toBeGreaterThanOrEqual(2);
    expect([...fake.loggedCalls.keys()]).toEqual(['leg-7']);
  });

  it('logs an answered client call through the queue when the agent discards the note', async () => {
    const { calls, notes, fake } = await setup();
    ring(calls, 'leg-8');
    calls.getState().applyCallEvent('leg-8', 'answer');
    calls.getState().applyCallEvent('leg-8', 'established', { connectedAt: Date.now() });
    calls.getState().applyCallEvent('leg-8', 'hangup', { endedAt: Date.now() - 3_000 });
    await until(() => notes.getState().hasUnsavedNote());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.loggedCalls.size).toBe(0); // the note would carry it
    const formId = Object.keys(notes.getState().forms)[0]!;
    await notes.getState().discard(formId);
    await until(() => fake.loggedCalls.size === 1);
    const logged = fake.loggedCalls.get('leg-8')!;
    expect(logged).toMatchObject({ clientId: DEMO_PLUMBING_BUSINESS.id, outcome: null });
    expect(logged.wrapUpSeconds).toBeGreaterThanOrEqual(3);
  });

  it('pre-fills "forwarded" after a transfer', async () => {
    const { calls, notes } = await setup();
    ring(calls, 'leg-4');
    calls.getState().applyCallEvent('leg-4', 'answer');
    calls.getState().applyCallEvent('leg-4', 'established', { connectedAt: Date.now() });
    calls.getState().applyCallEvent('leg-4', 'transfer');
    calls.getState().applyCallEvent('leg-4', 'transferSucceeded', {
      endedAt: Date.now(),
      outcome: 'transferred',
    });
    // The note opened at answer; the end completes it (the outcome arrives with the end).
    await until(() => {
      const form = Object.values(notes.getState().forms)[0];
      return form !== undefined && form.context.endAt !== null;
    });
    expect(Object.values(notes.getState().forms)[0]!.fields.outcome).toBe('forwarded');
  });

  it('opens the note at answer for writing during the call; the end completes the same form', async () => {
    const { calls, notes } = await setup();
    ring(calls, 'leg-5');
    calls.getState().applyCallEvent('leg-5', 'answer');
    const connectedAt = Date.now();
    calls.getState().applyCallEvent('leg-5', 'established', { connectedAt });
    await until(() => notes.getState().hasUnsavedNote());
    const during = Object.values(notes.getState().forms)[0]!;
    expect(during.context).toMatchObject({ callId: 'leg-5', answerAt: connectedAt, endAt: null });
    expect(notes.getState().activeFormId).toBe(during.id);
    notes.getState().updateField(during.id, 'callerName', 'Frau Beispiel');
    notes.getState().updateField(during.id, 'outcome', 'message-taken');

    const endedAt = Date.now() + 1;
    calls.getState().applyCallEvent('leg-5', 'remoteHangup', { endedAt });
    await until(() => notes.getState().forms[during.id]?.context.endAt === endedAt);
    const forms = Object.values(notes.getState().forms);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({
      id: during.id,
      wrapUpStartedAt: endedAt,
      fields: { callerName: 'Frau Beispiel', outcome: 'message-taken' },
    });
  });
});
