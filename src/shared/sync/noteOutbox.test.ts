import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InMemoryOutboxStorageFake } from './inMemoryOutboxStorageFake';
import { NoteOutbox, type NoteOutboxOptions } from './noteOutbox';
import { OutboxSenderFake } from './outboxSenderFake';

interface Payload {
  concern: string;
}

const serverError = {
  kind: 'retry',
  code: 'http-503',
  httpStatus: 503,
  countsTowardLimit: true,
} as const;

function createOutbox(overrides: Partial<NoteOutboxOptions<Payload>> = {}) {
  const storage = new InMemoryOutboxStorageFake<Payload>();
  const sender = new OutboxSenderFake<Payload>();
  let sequence = 0;
  const outbox = new NoteOutbox<Payload>({
    storage,
    sender,
    backoff: { baseMilliseconds: 1_000, capMilliseconds: 60_000 },
    maxAttempts: 3,
    random: () => 0.5,
    createId: () => `id-${++sequence}`,
    ...overrides,
  });
  return { storage, sender, outbox };
}

describe('NoteOutbox', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('keeps a draft local until submit, then sends it once with the key created at submit', async () => {
    const { storage, sender, outbox } = createOutbox();
    await outbox.start();
    const draft = await outbox.saveDraft({ concern: 'Rückruf' });
    expect(draft.status).toBe('draft');
    expect(draft.idempotencyKey).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sender.requests).toHaveLength(0);
    sender.hold = true;
    const queued = await outbox.submit(draft.id);
    expect(queued.idempotencyKey).toBe('id-2');
    expect((await storage.get(draft.id))?.status).toBe('queued');
    sender.release();
    await outbox.whenIdle();
    expect(outbox.get(draft.id)).toMatchObject({
      status: 'sent',
      remoteId: 'remote-id-2',
      attempts: 1,
    });
    expect((await storage.get(draft.id))?.status).toBe('sent');
    expect(sender.requests.map((request) => request.idempotencyKey)).toEqual(['id-2']);
  });

  it('retries with full-jitter backoff and the same key until accepted', async () => {
    const { sender, outbox } = createOutbox({ maxAttempts: 5 });
    sender.script.push(serverError, serverError);
    await outbox.start();
    const entry = await outbox.submitNew({ concern: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    // random 0.5 over [0, 1000·2^0) = 500 ms after the first failure.
    expect(outbox.get(entry.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: 1_000_500,
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(sender.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sender.requests).toHaveLength(2);
    // Second failure: 0.5 · 2000 = 1000 ms.
    await vi.advanceTimersByTimeAsync(1_000);
    await outbox.whenIdle();
    expect(outbox.get(entry.id)?.status).toBe('sent');
    expect(new Set(sender.requests.map((request) => request.idempotencyKey)).size).toBe(1);
    expect(sender.requests).toHaveLength(3);
  });

  it('never retries before Retry-After and pauses the other notes too', async () => {
    const { sender, outbox } = createOutbox({ concurrency: 1 });
    sender.script.push({ ...serverError, retryAfterMilliseconds: 30_000 });
    await outbox.start();
    const first = await outbox.submitNew({ concern: 'A' });
    await outbox.submitNew({ concern: 'B' });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(sender.requests).toHaveLength(1);
    expect(outbox.get(first.id)?.nextAttemptAt).toBe(1_000_000 + 30_000);
    await vi.advanceTimersByTimeAsync(1);
    await outbox.whenIdle();
    expect(sender.requests).toHaveLength(3);
  });

  it('dead-letters after maxAttempts server errors, keeps the note, and retry() sends it', async () => {
    const { storage, sender, outbox } = createOutbox();
    sender.script.push(serverError, serverError, serverError);
    await outbox.start();
    const entry = await outbox.submitNew({ concern: 'A' });
    await vi.advanceTimersByTimeAsync(60_000);
    await outbox.whenIdle();
    const failed = outbox.get(entry.id);
    expect(failed).toMatchObject({
      status: 'failed',
      countedFailures: 3,
      lastError: { code: 'http-503', httpStatus: 503 },
    });
    expect((await storage.get(entry.id))?.status).toBe('failed');
    await expect(outbox.discardDraft(entry.id)).rejects.toThrow();
    await outbox.retry(entry.id);
    await outbox.whenIdle();
    expect(outbox.get(entry.id)?.status).toBe('sent');
    expect(new Set(sender.requests.map((request) => request.idempotencyKey))).toEqual(
      new Set([failed?.idempotencyKey]),
    );
  });

  it('fails a rejected note at once (validation, forbidden)', async () => {
    const { sender, outbox } = createOutbox();
    sender.script.push({ kind: 'rejected', code: 'http-400', httpStatus: 400 });
    await outbox.start();
    const entry = await outbox.submitNew({ concern: 'A' });
    await outbox.whenIdle();
    expect(outbox.get(entry.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('does not dead-letter while offline, however long', async () => {
    const { sender, outbox } = createOutbox();
    for (let index = 0; index < 20; index += 1) sender.script.push('throw');
    await outbox.start();
    const entry = await outbox.submitNew({ concern: 'A' });
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    await outbox.whenIdle();
    expect(sender.requests.length).toBeGreaterThanOrEqual(21);
    expect(outbox.get(entry.id)).toMatchObject({ status: 'sent', countedFailures: 0 });
  });

  it('notifyOnline() sends queued notes at once instead of after their backoff', async () => {
    const { sender, outbox } = createOutbox();
    sender.script.push('throw', 'throw', 'throw', 'throw');
    await outbox.start();
    const entry = await outbox.submitNew({ concern: 'A' });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(outbox.get(entry.id)?.status).toBe('queued');
    sender.script.splice(0);
    outbox.notifyOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.get(entry.id)?.status).toBe('sent');
  });

  it('resumes after a crash: a new engine over the same storage sends with the same key', async () => {
    const first = createOutbox();
    first.sender.hold = true;
    await first.outbox.start();
    const entry = await first.outbox.submitNew({ concern: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    expect(first.sender.requests).toHaveLength(1);
    first.outbox.stop(); // the desk dies while the request is in flight
    const sender = new OutboxSenderFake<Payload>();
    const restarted = new NoteOutbox<Payload>({
      storage: first.storage,
      sender,
      random: () => 0.5,
    });
    await restarted.start();
    await restarted.whenIdle();
    expect(restarted.get(entry.id)?.status).toBe('sent');
    expect(sender.requests[0]?.idempotencyKey).toBe(entry.idempotencyKey);
  });

  it('sends a queued note at once after a restart, not after the backoff grown offline', async () => {
    const offline = { kind: 'retry', code: 'offline', countsTowardLimit: false } as const;
    const first = createOutbox({ random: () => 0.99 });
    first.sender.script.push(offline, offline, offline, offline, offline);
    await first.outbox.start();
    const entry = await first.outbox.submitNew({ concern: 'A' });
    // Delays 1, 2, 4, 8 s (×0.99): the fifth attempt fails at ~15 s, the sixth is due at ~46 s.
    for (let second = 0; second < 20; second += 1) await vi.advanceTimersByTimeAsync(1_000);
    expect(first.sender.requests).toHaveLength(5);
    const stored = await first.storage.get(entry.id);
    expect(stored?.status).toBe('queued');
    // Five offline attempts: the next one is due tens of seconds out.
    expect((stored?.nextAttemptAt ?? 0) - Date.now()).toBeGreaterThan(10_000);
    first.outbox.stop();
    const sender = new OutboxSenderFake<Payload>();
    const restarted = new NoteOutbox<Payload>({
      storage: first.storage,
      sender,
      random: () => 0.5,
    });
    await restarted.start();
    await vi.advanceTimersByTimeAsync(0);
    await restarted.whenIdle();
    expect(restarted.get(entry.id)?.status).toBe('sent');
    expect(sender.requests).toHaveLength(1);
  });

  it('keeps a note queued when storage refuses the write after sending', async () => {
    const { storage, sender, outbox } = createOutbox();
    await outbox.start();
    sender.hold = true;
    const entry = await outbox.submitNew({ concern: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    storage.failNextPut = new Error('disk full');
    sender.release();
    await vi.advanceTimersByTimeAsync(0);
    expect((await storage.get(entry.id))?.status).toBe('queued');
    await vi.advanceTimersByTimeAsync(60_000);
    await outbox.whenIdle();
    expect((await storage.get(entry.id))?.status).toBe('sent');
    expect(new Set(sender.requests.map((request) => request.idempotencyKey)).size).toBe(1);
  });

  it('marks a sent note delivered when the portal reports it', async () => {
    const { outbox } = createOutbox();
    await outbox.start();
    const entry = await outbox.submitNew({ concern: 'A' });
    await outbox.whenIdle();
    await outbox.applyRemoteStatus(entry.idempotencyKey as string, 'delivering');
    expect(outbox.get(entry.id)).toMatchObject({ status: 'sent', remoteStatus: 'delivering' });
    await outbox.applyRemoteStatus(entry.idempotencyKey as string, 'delivered');
    expect(outbox.get(entry.id)?.status).toBe('delivered');
  });

  it('discards drafts only when asked and only drafts', async () => {
    const { storage, outbox } = createOutbox();
    await outbox.start();
    const draft = await outbox.saveDraft({ concern: 'A' });
    await outbox.saveDraft({ concern: 'A, edited' }, draft.id);
    expect((await storage.get(draft.id))?.payload.concern).toBe('A, edited');
    await outbox.discardDraft(draft.id);
    expect(await storage.get(draft.id)).toBeUndefined();
    expect(outbox.list()).toHaveLength(0);
  });
});
