/** @vitest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppClient } from '../../../shared/contract/appContract';
import type {
  DataRequestFindings,
  DataRequestReceipt,
} from '../../../shared/portalWire/dataRequestSchemas';
import type { Result } from '../../../shared/rpc/result';
import { AppEnvironmentContext, type AppEnvironment } from '../../app/AppEnvironment';
import { createAppStores } from '../../app/appStores';
import { createI18n } from '../../i18n/createI18n';
import { DataRequestsArea } from './DataRequestsArea';

const E164 = '+4915112345678';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const REQUEST_ID = '7d0f5d8e-0b7a-4c39-9a43-2a5b0f2c9e11';

const FINDINGS: DataRequestFindings = {
  callerNumber: E164,
  clientIds: ['own-client'],
  searchedAt: '2026-12-06T09:00:00.000Z',
  counts: {
    calls: 2,
    lineCalls: 0,
    notes: 1,
    deliveries: 1,
    botCalls: 0,
    botTranscriptSegments: 0,
    botFields: 0,
    botSummaries: 0,
    botEvents: 0,
    supervisorNotes: 0,
    auditEntries: 3,
  },
  records: [
    { kind: 'calls', id: 'call-1', clientId: 'own-client', fields: { caller_number: E164 } },
    { kind: 'calls', id: 'call-2', clientId: 'own-client', fields: { caller_number: E164 } },
    {
      kind: 'notes',
      id: 'note-1',
      clientId: 'own-client',
      fields: { caller_name: HOSTILE_NAME, company: null },
    },
  ],
};

const PORTAL_RECEIPT: DataRequestReceipt = {
  requestId: REQUEST_ID,
  source: 'portal',
  clientIds: ['own-client'],
  counts: { calls: 2, notes: 1, deliveries: 1, auditEntries: 3 },
  note: null,
  deletedBy: 'sina.supervisor',
  deletedAt: '2026-12-06T09:01:00.000Z',
};
const DESK_RECEIPT: DataRequestReceipt = {
  ...PORTAL_RECEIPT,
  source: 'desk:anna.agent',
  counts: { historyEntries: 1, outboxNotes: 1, drafts: 0 },
  note: 'waited-for-queued-note',
  deletedBy: 'anna.agent',
};

const succeed = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const UNAVAILABLE = { ok: false, error: { code: 'unavailable', message: 'down' } } as const;

function renderArea() {
  const dataRequests = {
    search: vi.fn(() => succeed({ kind: 'found' as const, findings: FINDINGS })),
    report: vi.fn(() => succeed({ kind: 'report' as const, html: '<html>Auskunft</html>' })),
    deleteAll: vi.fn(() => succeed({ kind: 'deleted' as const, receipt: PORTAL_RECEIPT })),
    receipts: vi.fn(() => succeed([PORTAL_RECEIPT, DESK_RECEIPT])),
  };
  const client = {
    dataRequests,
    portal: { listClients: () => succeed([{ id: 'own-client', name: 'Kanzlei', lines: [] }]) },
  } as unknown as AppClient;
  const environment: AppEnvironment = {
    platform: { shell: 'web', client, onDisconnect: () => () => undefined },
    client,
    stores: createAppStores({ areas: [] }),
    recordVault: () => Promise.reject(new Error('not used')),
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={createI18n('de')}>
      <QueryClientProvider client={queryClient}>
        <AppEnvironmentContext.Provider value={environment}>
          <DataRequestsArea />
        </AppEnvironmentContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { dataRequests };
}

const numberInput = () => screen.getByLabelText('Rufnummer des Anrufers');
const status = () => screen.getByTestId('data-request-status');
const errors = () => screen.getByTestId('data-request-error');

async function searchFor(typed: string) {
  fireEvent.change(numberInput(), { target: { value: typed } });
  fireEvent.click(screen.getByRole('button', { name: 'Suchen' }));
}

let downloads: { name: string; href: string }[];
beforeEach(() => {
  downloads = [];
  URL.createObjectURL = vi.fn(() => `blob:download-${downloads.length}`);
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ name: this.download, href: this.href });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the data requests area', () => {
  it('shows the number normalised and refuses a hostile one without asking the portal', async () => {
    const { dataRequests } = renderArea();
    fireEvent.change(numberInput(), { target: { value: '+49 (0)151 / 123 456 78' } });
    expect(screen.getByTestId('normalised').textContent).toBe(`Gesucht wird: ${E164}`);
    await searchFor(HOSTILE_NAME);
    expect(screen.getByText('Nur Ziffern, +, Leerzeichen und ( ) / - sind erlaubt.')).toBeDefined();
    expect(numberInput().getAttribute('aria-invalid')).toBe('true');
    await searchFor('1002');
    expect(screen.getByText('Eine interne Nebenstelle ist keine Anrufernummer.')).toBeDefined();
    expect(dataRequests.search).not.toHaveBeenCalled();
  });

  it('searches the E.164 number and shows the counts per kind, records as text', async () => {
    const { dataRequests } = renderArea();
    await searchFor('0151 123 456 78');
    await waitFor(() => expect(status().textContent).toBe('7 Datensätze gefunden.'));
    expect(dataRequests.search).toHaveBeenCalledWith({ callerNumber: E164 });
    const counts = screen.getByRole('table', { name: '' });
    expect(within(counts).getByRole('row', { name: 'Anrufe 2' })).toBeDefined();
    expect(within(counts).getByRole('row', { name: 'Protokolleinträge 3' })).toBeDefined();
    expect(within(counts).getByRole('row', { name: 'Bot-Ereignisse 0' })).toBeDefined();
    // The caller-controlled name is shown as text, never as markup.
    expect(screen.getByText(HOSTILE_NAME)).toBeDefined();
    expect(document.querySelector('img')).toBeNull();
  });

  it('searches one chosen client only', async () => {
    const { dataRequests } = renderArea();
    await screen.findByRole('option', { name: 'Kanzlei' });
    fireEvent.change(screen.getByLabelText('Auftraggeber'), { target: { value: 'own-client' } });
    await searchFor('0151 123 456 78');
    await waitFor(() =>
      expect(dataRequests.search).toHaveBeenCalledWith({
        callerNumber: E164,
        clientId: 'own-client',
      }),
    );
  });

  it('exports the findings as JSON and the portal page as HTML, files named without the number', async () => {
    const { dataRequests } = renderArea();
    await searchFor('0151 123 456 78');
    fireEvent.click(await screen.findByRole('button', { name: 'Als JSON exportieren' }));
    fireEvent.click(screen.getByRole('button', { name: 'Als HTML-Seite exportieren' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(dataRequests.report).toHaveBeenCalledWith({ callerNumber: E164 });
    expect(downloads[0]!.name).toMatch(/^auskunft-[\d-]+\.json$/);
    expect(downloads[1]!.name).toMatch(/^auskunft-[\d-]+\.html$/);
    expect(status().textContent).toBe('Export bereitgestellt.');
  });

  it('deletes after a confirmation naming the counts, then shows portal and desk receipts', async () => {
    const { dataRequests } = renderArea();
    await searchFor('0151 123 456 78');
    fireEvent.click(await screen.findByRole('button', { name: 'Alles löschen …' }));
    const dialog = screen.getByRole('dialog', { name: 'Alles zu dieser Nummer löschen?' });
    expect(dialog.textContent).toContain(`Es werden 7 Datensätze zu ${E164} endgültig gelöscht.`);
    expect(within(dialog).getByText('Telefonnotizen: 1')).toBeDefined();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(dataRequests.deleteAll).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Alles löschen …' }));
    fireEvent.click(screen.getByRole('button', { name: 'Endgültig löschen' }));
    const receipts = await screen.findByRole('region', { name: 'Löschbestätigung' });
    expect(dataRequests.deleteAll).toHaveBeenCalledWith({ callerNumber: E164, confirm: true });
    expect(within(receipts).getByTestId('request-id').textContent).toBe(REQUEST_ID);
    await within(receipts).findByText('Arbeitsplatz anna.agent');
    expect(within(receipts).getByText('Anrufe: 2')).toBeDefined();
    expect(within(receipts).getByText('Notizen im Postausgang: 1')).toBeDefined();
    expect(within(receipts).getByText(/erst übertragen, dann gelöscht/)).toBeDefined();
    expect(within(receipts).getByText('sina.supervisor')).toBeDefined();
    expect(dataRequests.receipts).toHaveBeenCalledWith(REQUEST_ID);
    expect(screen.queryByRole('button', { name: 'Alles löschen …' })).toBeNull();
  });

  it('says clearly when the client is outside the scope and when the rate limit is hit', async () => {
    const { dataRequests } = renderArea();
    dataRequests.search.mockImplementationOnce(() => succeed({ kind: 'forbidden' } as never));
    await searchFor('0151 123 456 78');
    await waitFor(() => expect(errors().textContent).toContain('nicht zu Ihrem Bereich'));
    dataRequests.search.mockImplementationOnce(() =>
      succeed({ kind: 'rate-limited', retryAfterSeconds: 42 } as never),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Suchen' }));
    await waitFor(() =>
      expect(errors().textContent).toBe(
        'Zu viele Anfragen. Bitte in 42 Sekunden erneut versuchen; es ist nichts verloren.',
      ),
    );
  });

  it('keeps the number and the findings when the portal fails, and retries', async () => {
    const { dataRequests } = renderArea();
    dataRequests.search.mockImplementationOnce(() => Promise.resolve(UNAVAILABLE) as never);
    await searchFor('0151 123 456 78');
    await waitFor(() => expect(errors().textContent).toContain('Es ist nichts verloren'));
    expect((numberInput() as HTMLInputElement).value).toBe('0151 123 456 78');
    fireEvent.click(within(errors()).getByRole('button', { name: 'Erneut versuchen' }));
    await waitFor(() => expect(status().textContent).toBe('7 Datensätze gefunden.'));
    expect(errors().textContent).toBe('');

    dataRequests.deleteAll.mockImplementationOnce(() => Promise.resolve(UNAVAILABLE) as never);
    fireEvent.click(screen.getByRole('button', { name: 'Alles löschen …' }));
    fireEvent.click(screen.getByRole('button', { name: 'Endgültig löschen' }));
    await waitFor(() => expect(errors().textContent).toContain('Es ist nichts verloren'));
    expect(screen.getByRole('row', { name: 'Anrufe 2' })).toBeDefined();
    // Retrying a deletion asks again.
    fireEvent.click(within(errors()).getByRole('button', { name: 'Erneut versuchen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Endgültig löschen' }));
    await screen.findByRole('region', { name: 'Löschbestätigung' });
    expect(dataRequests.deleteAll).toHaveBeenCalledTimes(2);
  });
});
