import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_CLIENTS, DEMO_LAW_FIRM } from '../../../shared/demo/demoClients';
import { AppEnvironmentContext, type AppEnvironment } from '../../app/AppEnvironment';
import { createAppStores } from '../../app/appStores';
import { createI18n } from '../../i18n/createI18n';
import { createCallStore } from '../softphone/callStore';
import { provideSoftphone, type Softphone } from '../softphone/softphoneContext';
import { DirectoryArea } from './DirectoryArea';

function renderDirectory() {
  const stores = createAppStores({ areas: [{ id: 'calls' }, { id: 'directory' }] });
  const portal = {
    listClients: vi.fn(async () => ({
      ok: true as const,
      value: DEMO_CLIENTS.map(({ id, name, lines }) => ({ id, name, lines })),
    })),
    clientById: vi.fn(async (id: string) => ({
      ok: true as const,
      value: DEMO_CLIENTS.find((client) => client.id === id)!,
    })),
    onBotSwitchChanged: () => () => undefined,
  };
  const lawFirmLine = (botAnswers: boolean) => ({
    line: DEMO_LAW_FIRM.lines[0]!,
    clientId: DEMO_LAW_FIRM.id,
    mode: 'inherit',
    botAnswers,
    changedAt: null,
    changedBy: null,
    reason: null,
    revert: null,
    scheduled: false,
  });
  const botSwitch = {
    getState: vi.fn(async () => ({
      ok: true as const,
      value: {
        global: { mode: 'on', changedAt: null, changedBy: null, reason: null, revert: null },
        lines: [lawFirmLine(true)],
      },
    })),
  };
  const environment = { client: { portal, botSwitch }, stores } as unknown as AppEnvironment;
  const calls = {
    dial: vi.fn(async () => ({ ok: true as const, id: 'new' })),
    blindTransfer: vi.fn(async () => true),
    startConsultation: vi.fn(async () => ({ ok: true as const, id: 'consultation' })),
    completeAttendedTransfer: vi.fn(async () => true),
  };
  const store = createCallStore();
  provideSoftphone(environment, {
    store,
    engine: { calls },
    started: Promise.resolve(),
  } as unknown as Softphone);
  stores.navigation.getState().showArea('directory');
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nextProvider i18n={createI18n('de')}>
        <AppEnvironmentContext.Provider value={environment}>
          <DirectoryArea />
        </AppEnvironmentContext.Provider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { stores, calls, store, portal };
}

const clientArticles = () => screen.queryAllByTestId('directory-client');

describe('DirectoryArea', () => {
  it('lists every client with lines, hours now and staff, from the portal profiles', async () => {
    const { portal } = renderDirectory();
    await waitFor(() => expect(clientArticles()).toHaveLength(DEMO_CLIENTS.length));
    expect(portal.clientById).toHaveBeenCalledTimes(DEMO_CLIENTS.length);
    const law = clientArticles()[0]!;
    expect(within(law).getByRole('heading', { level: 2 }).textContent).toBe(DEMO_LAW_FIRM.name);
    expect(law.textContent).toContain('030 23125101');
    // Whether the bot answers each line (the bot switch's indicator).
    expect(await within(law).findByText('Bot nimmt an')).toBeDefined();
    expect(within(law).getByTestId('client-card-open-state').textContent).toMatch(
      /^Jetzt (geöffnet|geschlossen)$/,
    );
    expect(within(law).getAllByRole('row')).toHaveLength(DEMO_LAW_FIRM.staff.length + 1);
    expect(screen.getByTestId('directory-count').textContent).toBe('3 Auftraggeber');
  });

  it('narrows to what the search matches: a number in another format, a staff member', async () => {
    renderDirectory();
    await waitFor(() => expect(clientArticles()).toHaveLength(DEMO_CLIENTS.length));
    const search = screen.getByRole('searchbox', { name: /Suchen/ });
    fireEvent.change(search, { target: { value: '+49 30 2312-5101' } });
    await waitFor(() => expect(clientArticles()).toHaveLength(1));
    expect(clientArticles()[0]!.dataset.clientId).toBe(DEMO_LAW_FIRM.id);

    const member = DEMO_LAW_FIRM.staff[2]!;
    fireEvent.change(search, { target: { value: member.name } });
    await waitFor(() => expect(within(clientArticles()[0]!).getAllByRole('row')).toHaveLength(2));
    expect(within(clientArticles()[0]!).getByRole('rowheader').textContent).toBe(member.name);

    fireEvent.change(search, { target: { value: 'xylophon' } });
    await waitFor(() => expect(clientArticles()).toHaveLength(0));
    expect(screen.getByTestId('directory-count').textContent).toBe('Nichts passt zu „xylophon“.');
  });

  it('calls a staff member with one click between calls and shows the calls area', async () => {
    const { calls, stores } = renderDirectory();
    const member = DEMO_LAW_FIRM.staff[0]!;
    fireEvent.click(await screen.findByRole('button', { name: `Anrufen: ${member.name}` }));
    await waitFor(() => expect(calls.dial).toHaveBeenCalledWith(member.transferTarget));
    await waitFor(() => expect(stores.navigation.getState().activeArea).toBe('calls'));
    expect(screen.queryByRole('button', { name: /Direkt durchstellen/ })).toBeNull();
  });

  it('transfers blind or attended during a call, with the softphone’s actions', async () => {
    const { calls, store } = renderDirectory();
    store.getState().addLeg({
      id: 'leg-1',
      direction: 'incoming',
      remoteLabel: '0151 1234567',
      remoteName: '',
      createdAt: 1,
      event: 'incoming',
    });
    store.getState().applyCallEvent('leg-1', 'answer');
    store.getState().applyCallEvent('leg-1', 'established');
    const member = DEMO_LAW_FIRM.staff[1]!;
    fireEvent.click(
      await screen.findByRole('button', { name: `Direkt durchstellen: ${member.name}` }),
    );
    await waitFor(() =>
      expect(calls.blindTransfer).toHaveBeenCalledWith('leg-1', member.transferTarget),
    );
    fireEvent.click(screen.getByRole('button', { name: `Mit Rückfrage: ${member.name}` }));
    await waitFor(() =>
      expect(calls.startConsultation).toHaveBeenCalledWith('leg-1', member.transferTarget),
    );
    expect(screen.queryByRole('button', { name: /^Anrufen/ })).toBeNull();
    expect(calls.dial).not.toHaveBeenCalled();
  });
});
