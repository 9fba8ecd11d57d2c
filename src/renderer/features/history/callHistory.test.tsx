import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { CallState } from '../../../shared/domain/callState';
import { AppEnvironmentContext, type AppEnvironment } from '../../app/AppEnvironment';
import { createAppStores } from '../../app/appStores';
import { createLocalDatabase } from '../../data/localDatabase';
import { importWrappingKey, RecordVault } from '../../data/recordVault';
import { createI18n } from '../../i18n/createI18n';
import { createCallStore } from '../softphone/callStore';
import { provideSoftphone, type Softphone } from '../softphone/softphoneContext';
import { entryFromLeg, matchesQuery, type CallHistoryEntry } from './callHistoryEntry';
import { CALL_HISTORY_RETENTION_MS, CallHistoryRepository } from './callHistoryRepository';
import { CallHistoryArea } from './CallHistoryArea';
import { provideCallHistory } from './historyForWindow';
import { createHistoryStore, recordCallHistory } from './historyStore';
import { portalSessionFor } from '../login/portalSessionStore';
import { deskDeletionGateFor } from '../retention/deskDeletionGate';

async function repositoryFor() {
  const database = createLocalDatabase(`history-test-${crypto.randomUUID()}`);
  const vault = new RecordVault(
    database,
    await importWrappingKey(crypto.getRandomValues(new Uint8Array(32))),
  );
  return { database, vault, repository: new CallHistoryRepository(database, async () => vault) };
}

const entry = (patch: Partial<CallHistoryEntry>): CallHistoryEntry => ({
  id: crypto.randomUUID(),
  startedAt: Date.now(),
  direction: 'incoming',
  remoteNumber: '+4915112345678',
  remoteLabel: '0151 12345678',
  remoteName: 'Erika Mustermann',
  clientLine: '+4930123456',
  durationSeconds: 95,
  outcome: 'completed',
  ...patch,
});

describe('call history repository', () => {
  it('stores entries sealed: no number or name in the plain IndexedDB rows', async () => {
    const { database, repository } = await repositoryFor();
    await repository.save(entry({}));
    const rows = await database.sealedRecords.toArray();
    expect(rows).toHaveLength(1);
    const plain = JSON.stringify(rows, (_key, value: unknown) =>
      value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value,
    );
    for (const secret of ['15112345678', '0151', 'Mustermann', '30123456']) {
      expect(plain).not.toContain(secret);
    }
    expect((await repository.list())[0]?.remoteName).toBe('Erika Mustermann');
  });

  it('lists newest first and searches by name, number and client line', async () => {
    const { repository } = await repositoryFor();
    await repository.save(entry({ startedAt: 1_000, remoteName: 'Alt' }));
    await repository.save(
      entry({
        startedAt: 2_000,
        remoteName: 'Neu',
        remoteNumber: '1002',
        remoteLabel: '1002',
        clientLine: '+4940999888',
      }),
    );
    expect((await repository.list()).map((item) => item.remoteName)).toEqual(['Neu', 'Alt']);
    expect((await repository.list('alt')).map((item) => item.remoteName)).toEqual(['Alt']);
    expect((await repository.list('0151 123')).map((item) => item.remoteName)).toEqual(['Alt']);
    expect((await repository.list('+49 151')).map((item) => item.remoteName)).toEqual(['Alt']);
    expect((await repository.list('040 999')).map((item) => item.remoteName)).toEqual(['Neu']);
    expect(await repository.list('nobody')).toEqual([]);
  });

  it('shreds entries past the retention', async () => {
    const { repository, database } = await repositoryFor();
    const now = Date.now();
    await repository.save(entry({ startedAt: now - CALL_HISTORY_RETENTION_MS - 1_000 }));
    await repository.save(entry({ startedAt: now - 1_000, remoteName: 'Frisch' }));
    expect(await repository.prune(now)).toBe(1);
    expect((await repository.list()).map((item) => item.remoteName)).toEqual(['Frisch']);
    expect(await database.vaultKeys.count()).toBe(1);
  });
});

describe('call history recording', () => {
  it('records each finished leg once, with duration and outcome', async () => {
    const { repository } = await repositoryFor();
    const calls = createCallStore();
    const saved = vi.fn();
    const stop = recordCallHistory(calls, repository, saved);
    calls.getState().addLeg({
      id: 'leg-1',
      event: 'incoming',
      direction: 'incoming',
      remoteNumber: '+4915112345678',
      remoteLabel: '0151 12345678',
      remoteName: '',
      clientLine: '+4930123456',
      createdAt: 1_000,
    });
    calls.getState().applyCallEvent('leg-1', 'answer');
    calls.getState().applyCallEvent('leg-1', 'established', { connectedAt: 2_000 });
    calls.getState().applyCallEvent('leg-1', 'hangup', { endedAt: 62_000, outcome: 'completed' });
    calls.getState().patchLeg('leg-1', { statusCode: 200 });
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    stop();
    const [stored] = await repository.list();
    expect(stored).toMatchObject({ durationSeconds: 60, outcome: 'completed', startedAt: 1_000 });
  });

  it('derives entries from legs that never connected', () => {
    const leg = {
      id: 'x',
      direction: 'outgoing' as const,
      state: CallState.Failed,
      remoteLabel: '1002',
      remoteName: '',
      createdAt: 5,
      endedAt: 10,
      muted: false,
      outcome: 'busy' as const,
    };
    expect(entryFromLeg(leg)).toMatchObject({ durationSeconds: 0, outcome: 'busy' });
    expect(matchesQuery(entryFromLeg(leg), '1002')).toBe(true);
  });
});

describe('CallHistoryArea', () => {
  it('shows entries as text and calls back with one click', async () => {
    const { repository } = await repositoryFor();
    await repository.save(entry({ remoteName: '<b>Fett</b>\u202e' }));
    await repository.save(
      entry({ remoteNumber: undefined, remoteLabel: '', remoteName: 'Anonym' }),
    );
    const stores = createAppStores({ areas: [{ id: 'calls' }, { id: 'history' }] });
    const environment = { client: {}, stores } as unknown as AppEnvironment;
    const dial = vi.fn(async () => ({ ok: true as const, id: 'new' }));
    const softphone = {
      store: createCallStore(),
      engine: { calls: { dial } },
      started: Promise.resolve(),
    } as unknown as Softphone;
    provideSoftphone(environment, softphone);
    provideCallHistory(environment, { repository, store: createHistoryStore(repository) });
    stores.navigation.getState().showArea('history');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={createI18n('de')}>
          <AppEnvironmentContext.Provider value={environment}>
            <CallHistoryArea />
          </AppEnvironmentContext.Provider>
        </I18nextProvider>
      </QueryClientProvider>,
    );
    // Issue 13: held back until the window has applied the portal's pending deletions.
    expect((await screen.findByTestId('history-deletions-applying')).textContent).toBe(
      'Löschaufträge werden angewendet …',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('<b>Fett</b>\u202e')).toBeNull();
    act(() => deskDeletionGateFor(environment).getState().send('applied'));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table.querySelector('b')).toBeNull();
    expect(within(table).getByText('<b>Fett</b>\u202e')).toBeDefined();
    expect(within(table).getByText(/Rufnummer unterdrückt/)).toBeDefined();
    expect(within(table).getAllByText('030 123456')).toHaveLength(2);
    // Not logged in: the portal's part is left out, and the desk says so.
    expect(screen.getByTestId('history-portal-status').textContent).toMatch(/Nicht am Portal/);
    fireEvent.click(within(table).getByRole('button', { name: '0151 12345678 anrufen' }));
    await waitFor(() => expect(dial).toHaveBeenCalledWith('+4915112345678'));
    await waitFor(() => expect(stores.navigation.getState().activeArea).toBe('calls'));
    fireEvent.change(screen.getByLabelText('Suchen (Name, Nummer, Mandant, Anliegen)'), {
      target: { value: 'anonym' },
    });
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2),
    );
  });

  it("merges the portal's calls and notes with the desk's own once logged in", async () => {
    const { repository } = await repositoryFor();
    const leg = crypto.randomUUID();
    await repository.save(entry({ id: leg, clientLine: '+493023125101', remoteName: 'Erika' }));
    const stores = createAppStores({ areas: [{ id: 'calls' }, { id: 'history' }] });
    const ringAt = new Date().toISOString();
    const portal = {
      listRecent: vi.fn(async () => ({
        ok: true as const,
        value: {
          calls: [
            {
              id: leg,
              clientId: 'law',
              line: '+493023125101',
              callerNumber: '+4915112345678',
              ringAt,
              answerAt: ringAt,
              endAt: ringAt,
              outcome: 'message-taken' as const,
              wrapUpSeconds: 0,
              agentId: 'me',
            },
            {
              id: crypto.randomUUID(),
              clientId: 'law',
              line: '+493023125102',
              callerNumber: null,
              ringAt,
              answerAt: null,
              endAt: ringAt,
              outcome: 'caller-hung-up' as const,
              wrapUpSeconds: 0,
              agentId: 'colleague',
            },
          ],
          notes: [],
        },
      })),
      listClients: vi.fn(async () => ({
        ok: true as const,
        value: [{ id: 'law', name: 'Kanzlei Berger', lines: ['+493023125101', '+493023125102'] }],
      })),
    };
    const environment = { client: { portal }, stores } as unknown as AppEnvironment;
    provideSoftphone(environment, {
      store: createCallStore(),
      engine: { calls: { dial: vi.fn() } },
      started: Promise.resolve(),
    } as unknown as Softphone);
    provideCallHistory(environment, { repository, store: createHistoryStore(repository) });
    deskDeletionGateFor(environment).getState().send('applied');
    portalSessionFor(stores)
      .getState()
      .setSession({
        status: 'logged-in',
        mode: 'embedded',
        connection: 'online',
        user: {
          id: 'me',
          userName: 'anna',
          displayName: 'Anna',
          role: 'agent',
          clientIds: ['law'],
        },
        sessionStorage: 'persistent',
        endedReason: null,
        firstRun: null,
      });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={createI18n('de')}>
          <AppEnvironmentContext.Provider value={environment}>
            <CallHistoryArea />
          </AppEnvironmentContext.Provider>
        </I18nextProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(document.querySelectorAll('[data-history-entry]')).toHaveLength(2));
    // The portal's rows may arrive before the local history loaded: wait for the merge.
    await waitFor(() =>
      expect(
        document
          .querySelector(`[data-history-entry="${leg}"]`)
          ?.getAttribute('data-history-source'),
      ).toBe('both'),
    );
    const both = document.querySelector(`[data-history-entry="${leg}"]`);
    expect(both?.textContent).toContain('Kanzlei Berger');
    expect(both?.textContent).toContain('Nachricht aufgenommen');
    const portalOnly = document.querySelector('[data-history-source="portal"]');
    expect(portalOnly?.textContent).toContain('Kollegin/Kollege');
    expect(screen.getByTestId('history-portal-status').textContent).toMatch(/und des Portals/);
  });
});
