/**
 * The follower handles the deletions still pending at start and each announced one, once each,
 * and sends the receipt through the contract; a failing one sends none.
 */
import { describe, expect, it } from 'vitest';
import type { AppClient } from '../../../shared/contract/appContract';
import { deskMatchHash } from '../../../shared/domain/deskMatchHash';
import type { DeskDeletionNotice } from '../../../shared/portalWire/dataRequestSchemas';
import type { CallHistoryEntry } from '../history/callHistoryEntry';
import { followDeskDeletions } from './deskDeletionFollower';
import { transition } from './deskDeletionGate';

async function notice(requestId: string, e164: string): Promise<DeskDeletionNotice> {
  return {
    requestId,
    clientIds: ['client-1'],
    salt: requestId,
    numberHash: await deskMatchHash(requestId, e164),
    requestedAt: '2026-12-06T06:00:00.000Z',
  };
}

const entry = (id: string, remoteNumber: string): CallHistoryEntry => ({
  id,
  startedAt: 1,
  direction: 'incoming',
  remoteNumber,
  remoteLabel: '',
  remoteName: '',
  durationSeconds: 1,
  outcome: 'completed',
});

/** An outbox without notes: these tests are about history entries and the gate. */
const IDLE_OUTBOX = {
  list: () => [],
  discardDraft: async () => undefined,
  retry: async () => {
    throw new Error('unused');
  },
  notifyOnline: () => undefined,
  whenIdle: async () => undefined,
  forgetCommitted: () => undefined,
};

describe('followDeskDeletions', () => {
  it('handles pending deletions at start and announced ones, each once', async () => {
    const pending = [await notice('request-1', '+4915111111111')];
    const receipts: string[] = [];
    let announce: ((notice: DeskDeletionNotice) => void) | undefined;
    const portal = {
      pendingDeskDeletions: () => Promise.resolve({ ok: true, value: pending }),
      recordDeskDeletionReceipt: (requestId: string) => {
        receipts.push(requestId);
        return Promise.resolve({ ok: true, value: null });
      },
      onDeskDeletionRequested: (listener: (notice: DeskDeletionNotice) => void) => {
        announce = listener;
        return () => undefined;
      },
      onSessionChanged: () => () => undefined,
    } as unknown as AppClient['portal'];
    let history = [entry('a', '+4915111111111'), entry('b', '+4915122222222')];
    let deleted = 0;
    const appliedWithHistory: string[][] = [];
    let secondDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (secondDone = resolve));
    const follower = followDeskDeletions({
      client: { portal },
      stores: {
        history: {
          list: async () => history,
          shred: async (callId) => {
            history = history.filter((each) => each.id !== callId);
          },
        },
        outbox: IDLE_OUTBOX,
        shredCommittedNote: async () => undefined,
      },
      onDeleted: () => {
        deleted += 1;
        if (deleted === 2) secondDone();
      },
      onPendingApplied: () => appliedWithHistory.push(history.map((each) => each.id)),
    });
    await follower.ready;
    expect(history.map((each) => each.id)).toEqual(['b']);
    // The gate opens only after the pending deletion ran (history already without `a`).
    expect(appliedWithHistory).toEqual([['b']]);
    const second = await notice('request-2', '+4915122222222');
    // The repeat of a handled one is skipped (handled in order, before the new one).
    announce?.(pending[0]!);
    announce?.(second);
    await done;
    expect(history).toEqual([]);
    expect(receipts).toEqual(['request-1', 'request-2']);
    follower.stop();
  });

  it('does not report the pending deletions applied when the portal cannot list them', async () => {
    const portal = {
      pendingDeskDeletions: () =>
        Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'down' } }),
      onDeskDeletionRequested: () => () => undefined,
      onSessionChanged: () => () => undefined,
    } as unknown as AppClient['portal'];
    let applied = 0;
    const follower = followDeskDeletions({
      client: { portal },
      stores: {
        history: { list: async () => [], shred: async () => undefined },
        outbox: IDLE_OUTBOX,
        shredCommittedNote: async () => undefined,
      },
      onPendingApplied: () => {
        applied += 1;
      },
    });
    await follower.ready;
    expect(applied).toBe(0);
    follower.stop();
  });
});

describe('the desk deletion gate', () => {
  it('opens after the deletions were applied; an unreachable portal opens it with a hint only', () => {
    expect(transition('applying', 'applied')).toBe('applied');
    expect(transition('applying', 'unreachable')).toBe('unknown');
    expect(transition('unknown', 'applied')).toBe('applied');
    // A late "unreachable" of the first fetch never closes an applied gate's view again.
    expect(transition('applied', 'unreachable')).toBe('applied');
    expect(transition('applied', 'start')).toBe('applying');
  });
});
