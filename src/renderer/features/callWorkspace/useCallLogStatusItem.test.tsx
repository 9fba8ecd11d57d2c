import { act } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createNotesStore, type NotesStore } from '../notes/notesStore';
import { PortalClientFake } from '../notes/testing/portalClientFake';
import { renderWithDesk } from '../notes/testing/renderWithDesk';
import { CALL_LOG_STATUS_ITEM_ID, useCallLogStatusItem } from './useCallLogStatusItem';

const stores: NotesStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.getState().stop();
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

function Probe({ notes }: { notes: NotesStore }) {
  useCallLogStatusItem(notes);
  return null;
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

describe('call-log status item', () => {
  it('shows waiting calls while the portal is down and disappears once they are logged', async () => {
    const fake = new PortalClientFake();
    fake.setConnection('offline');
    const notes = createNotesStore({
      client: fake.client,
      currentUserId: () => 'user-1',
      databaseName: `status-${crypto.randomUUID()}`,
    });
    stores.push(notes);
    await notes.getState().start();
    const { stores: appStores } = renderWithDesk(<Probe notes={notes} />, fake);
    const item = () => appStores.status.getState().items[CALL_LOG_STATUS_ITEM_ID];
    expect(item()).toBeUndefined();
    await act(async () => {
      await notes.getState().runtime()!.callLog.enqueue(
        {
          id: 'call-1',
          clientId: null,
          line: '+4930999999990',
          callerNumber: null,
          ringAt: '2025-06-02T08:00:00.000Z',
          answerAt: null,
          endAt: '2025-06-02T08:00:20.000Z',
          outcome: 'caller-hung-up',
          wrapUpSeconds: 0,
        },
        'user-1',
      );
    });
    await until(() => item() !== undefined);
    expect(item()).toMatchObject({
      valueKey: 'callWorkspace:callLog.waiting',
      valueOptions: { count: 1 },
      level: 'warning',
    });
    act(() => fake.setConnection('online'));
    await until(() => item() === undefined);
    expect(fake.loggedCalls.size).toBe(1);
  });
});
