/**
 * Issue 13 item 2 on the desk: a portal deletion notice removes the matching history entry,
 * draft and outbox note (numbers written any way), keeps everything of another number, and a
 * note still queued reaches the portal before it is shredded; the receipt holds counts only.
 * Real NoteOutbox; the portal's note route is the scripted sender (provider boundary).
 */
import { describe, expect, it } from 'vitest';
import { deskMatchHash } from '../../../shared/domain/deskMatchHash';
import type {
  DeskDeletionNotice,
  DeskReceiptSubmission,
} from '../../../shared/portalWire/dataRequestSchemas';
import { InMemoryOutboxStorageFake } from '../../../shared/sync/inMemoryOutboxStorageFake';
import { NoteOutbox } from '../../../shared/sync/noteOutbox';
import { OutboxSenderFake } from '../../../shared/sync/outboxSenderFake';
import type { CallHistoryEntry } from '../history/callHistoryEntry';
import { EMPTY_NOTE_FIELDS, type NotePayload } from '../notes/noteFields';
import { deleteDeskData } from './deskDataDeletion';

const NUMBER = '+4915112345678';
const OTHER = '+4917255555555';

function note(callbackNumber: string, callerNumber: string | null): NotePayload {
  return {
    authorUserId: 'user-1',
    context: {
      callId: null,
      portalCallId: null,
      clientId: 'client-1',
      clientName: 'Praxis Sonnenblume',
      line: '+498999998201',
      callerNumber,
      ringAt: null,
      answerAt: null,
      endAt: null,
    },
    fields: { ...EMPTY_NOTE_FIELDS, callerName: 'Erika', callbackNumber, concern: 'Rückruf' },
    aiFilled: [],
    submission: null,
    call: null,
  };
}

function historyEntry(id: string, remoteNumber: string): CallHistoryEntry {
  return {
    id,
    direction: 'incoming',
    remoteNumber,
    remoteLabel: '',
    remoteName: '',
    startedAt: 1,
    durationSeconds: 5,
    outcome: 'completed',
  };
}

async function noticeFor(e164: string): Promise<DeskDeletionNotice> {
  const salt = 'c0ffee';
  return {
    requestId: '6f1c2a9e-2b7d-4c1e-9a51-0c4f7a3d2b10',
    clientIds: ['client-1'],
    salt,
    numberHash: await deskMatchHash(salt, e164),
    requestedAt: '2026-12-06T06:00:00.000Z',
  };
}

describe('deleteDeskData', () => {
  it('deletes matching history, drafts and notes, keeps others, sends a queued note first', async () => {
    const sender = new OutboxSenderFake<NotePayload>();
    const outbox = new NoteOutbox<NotePayload>({
      storage: new InMemoryOutboxStorageFake<NotePayload>(),
      sender,
    });
    await outbox.start();
    const draft = await outbox.saveDraft(note('0151 123 456 78', null));
    const keptDraft = await outbox.saveDraft(note('0172 5555 5555', OTHER));
    const sent = await outbox.submitNew(note('', NUMBER));
    await outbox.whenIdle();
    // The next note waits at the "portal": still queued when the deletion starts.
    sender.hold = true;
    const queued = await outbox.submitNew(note('+49 (0)151 12345678', null));
    expect(outbox.get(queued.id)?.status).toBe('queued');

    let history = [historyEntry('call-1', '015112345678'), historyEntry('call-2', OTHER)];
    const shreddedNotes: string[] = [];
    const receipts: Array<{ requestId: string; receipt: DeskReceiptSubmission }> = [];
    const committedAtReceipt: number[] = [];
    const deletion = deleteDeskData(await noticeFor(NUMBER), {
      history: {
        list: async () => history,
        shred: async (callId) => {
          history = history.filter((entry) => entry.id !== callId);
        },
      },
      // The held note goes out only once the deletion waits for the outbox.
      outbox: {
        list: () => outbox.list(),
        discardDraft: (id) => outbox.discardDraft(id),
        retry: (id) => outbox.retry(id),
        notifyOnline: () => outbox.notifyOnline(),
        forgetCommitted: (id) => outbox.forgetCommitted(id),
        whenIdle: () => {
          sender.release();
          return outbox.whenIdle();
        },
      },
      shredCommittedNote: async (id) => {
        expect(outbox.get(id)?.status).toBe('sent');
        shreddedNotes.push(id);
      },
      sendReceipt: async (requestId, receipt) => {
        committedAtReceipt.push(sender.committed.size);
        receipts.push({ requestId, receipt });
      },
    });
    const receipt = await deletion;

    expect(history.map((entry) => entry.id)).toEqual(['call-2']);
    const remaining = outbox.list().map((entry) => entry.id);
    expect(remaining).not.toContain(draft.id);
    expect(remaining).toContain(keptDraft.id);
    // The shredded notes are gone from the running outbox's memory as well.
    expect(remaining).not.toContain(sent.id);
    expect(remaining).not.toContain(queued.id);
    expect(shreddedNotes.sort()).toEqual([sent.id, queued.id].sort());
    // The queued note reached the portal before the receipt went out.
    expect(sender.requests.map((request) => request.payload.fields.callbackNumber)).toContain(
      '+49 (0)151 12345678',
    );
    expect(committedAtReceipt).toEqual([2]);
    expect(receipt).toEqual({
      counts: { historyEntries: 1, outboxNotes: 2, drafts: 1 },
      note: 'waited-for-queued-note',
    });
    expect(receipts).toHaveLength(1);
    const wire = JSON.stringify(receipts);
    for (const digits of ['12345678', '5555']) expect(wire).not.toContain(digits);
    outbox.stop();
  });

  it('sends no receipt while a matching note cannot reach the portal', async () => {
    const sender = new OutboxSenderFake<NotePayload>();
    const outbox = new NoteOutbox<NotePayload>({
      storage: new InMemoryOutboxStorageFake<NotePayload>(),
      sender,
      maxAttempts: 1,
    });
    await outbox.start();
    sender.script.push({ kind: 'rejected', code: 'server', httpStatus: 500 });
    sender.script.push({ kind: 'rejected', code: 'server', httpStatus: 500 });
    await outbox.submitNew(note(NUMBER, null));
    await outbox.whenIdle();
    const receipts: unknown[] = [];
    await expect(
      deleteDeskData(await noticeFor(NUMBER), {
        history: { list: async () => [], shred: async () => undefined },
        outbox,
        shredCommittedNote: async () => undefined,
        sendReceipt: async (...args) => {
          receipts.push(args);
        },
      }),
    ).rejects.toThrow();
    expect(receipts).toEqual([]);
    outbox.stop();
  });

  it('treats a queued note the outbox sent after the request (at start) as a late copy', async () => {
    const notice = await noticeFor(NUMBER);
    const receiptFor = async (sentAt: number) => {
      const outbox = new NoteOutbox<NotePayload>({
        storage: new InMemoryOutboxStorageFake<NotePayload>(),
        sender: new OutboxSenderFake<NotePayload>(),
        now: () => sentAt,
      });
      await outbox.start();
      await outbox.submitNew(note(NUMBER, null));
      await outbox.whenIdle();
      expect(outbox.list()[0]?.status).toBe('sent');
      const receipt = await deleteDeskData(notice, {
        history: { list: async () => [], shred: async () => undefined },
        outbox,
        shredCommittedNote: async () => undefined,
        sendReceipt: async () => undefined,
      });
      outbox.stop();
      return receipt;
    };
    const requestedAt = Date.parse(notice.requestedAt);
    // Sent after the portal deleted: the portal must delete the copy that arrived late.
    expect(await receiptFor(requestedAt + 60_000)).toEqual({
      counts: { historyEntries: 0, outboxNotes: 1, drafts: 0 },
      note: 'waited-for-queued-note',
    });
    // Sent long before: the portal's deletion already took it.
    expect((await receiptFor(requestedAt - 3_600_000)).note).toBeNull();
  });
});
