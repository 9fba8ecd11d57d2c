import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/renderApp';

async function openSettings(options: Parameters<typeof renderApp>[0] = {}) {
  const rendered = await renderApp(options);
  fireEvent.keyDown(window, { code: 'Digit5', key: '5', altKey: true });
  await screen.findByLabelText('SIP-Adresse');
  return rendered;
}

const type = (label: string, value: string): void => {
  const field = screen.getByLabelText(label);
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
};

const save = (): void => {
  fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
};

describe('settings area', () => {
  it('shows an instant field error and saves nothing while it stands', async () => {
    const { host } = await openSettings();
    type('SIP-Adresse', 'sip:missing-host');
    const field = screen.getByLabelText('SIP-Adresse');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(field.getAttribute('aria-describedby')!.split(' ').pop()!)
        ?.textContent,
    ).toContain('sip:benutzer@server');
    save();
    const alert = await screen.findByTestId('settings-not-saved');
    expect(within(alert).getByText('SIP-Adresse')).toBeDefined();
    expect(host.updateCalls).toBe(0);
    expect(host.current().sip.uri).toBe('');
  });

  it('saves valid values and shows them as saved', async () => {
    const { host } = await openSettings();
    type('SIP-Adresse', 'sip:1001@pbx.example.org');
    type('WebSocket-Server', 'wss://pbx.example.org:8089/ws');
    type('Portal-Adresse', 'https://portal.example.org');
    save();
    await screen.findByText('Gespeichert.');
    expect(host.current().sip.uri).toBe('sip:1001@pbx.example.org');
    expect(host.current().portalUrl).toBe('https://portal.example.org');
  });

  it('shows the host’s field errors and nothing is saved', async () => {
    const { host } = await openSettings();
    type('Anmeldename', '1001');
    type('SIP-Passwort', 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByText('Gespeichert.');
    expect(host.secrets.get('sipPassword')).toBe('x');

    // The host loses the password behind the page's back: the page still shows "stored", so
    // only the host can find the problem.
    host.secrets.delete('sipPassword');
    type('Angezeigter Name', 'Empfang 1');
    save();
    const alert = await screen.findByTestId('settings-not-saved');
    expect(alert.textContent).toContain('Der Dienst hat die markierten Felder abgelehnt.');
    expect(screen.getByLabelText('SIP-Passwort').getAttribute('aria-invalid')).toBe('true');
    expect(host.current().sip.displayName).toBe('');
  });

  it('treats secrets as write-only: set or not set, never shown, input emptied after saving', async () => {
    const { host } = await openSettings();
    const state = () => document.querySelector('[data-secret-state="secrets.deepgramApiKey"]')!;
    expect(state().textContent).toBe('Nicht gesetzt');
    type('Deepgram-Schlüssel', 'dg-secret-123');
    expect(state().textContent).toBe('Wird beim Speichern ersetzt');
    save();
    await screen.findByText('Gespeichert.');
    expect(host.secrets.get('deepgramApiKey')).toBe('dg-secret-123');
    expect(state().textContent).toBe('Gespeichert');
    expect((screen.getByLabelText('Deepgram-Schlüssel') as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain('dg-secret-123');

    fireEvent.click(
      within(screen.getByLabelText('Deepgram-Schlüssel').parentElement!).getByRole('button', {
        name: 'Entfernen',
      }),
    );
    save();
    await waitFor(() => expect(host.secrets.has('deepgramApiKey')).toBe(false));
    await waitFor(() => expect(state().textContent).toBe('Nicht gesetzt'));
  });

  it.each([
    ['user-only-file', 'weniger stark geschützt als die Desktop-App'],
    ['memory-only', 'nur bis zum Schließen der App'],
    ['os-key-store', 'Schlüsselspeicher des Betriebssystems'],
  ] as const)('explains the secret storage %s', async (secretStorage, text) => {
    await openSettings({ secretStorage });
    expect(
      document.querySelector(`[data-secret-storage="${secretStorage}"]`)?.textContent,
    ).toContain(text);
  });

  it('tells about a recovered settings file until acknowledged', async () => {
    await openSettings({ backupFileName: 'settings.json.corrupt-2026' });
    const notice = screen.getByTestId('recovery-notice');
    expect(notice.textContent).toContain('settings.json.corrupt-2026');
    fireEvent.click(within(notice).getByRole('button', { name: 'Verstanden' }));
    await waitFor(() => expect(screen.queryByTestId('recovery-notice')).toBeNull());
  });

  it('applies the theme at once and saves it', async () => {
    const { host } = await openSettings();
    fireEvent.change(screen.getByLabelText('Farbschema'), { target: { value: 'dark' } });
    await waitFor(() => expect(host.current().theme).toBe('dark'));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('keeps a half-filled form when switching areas', async () => {
    await openSettings();
    type('Portal-Adresse', 'https://half.example.org');
    act(() => {
      fireEvent.keyDown(window, { code: 'Digit1', key: '1', altKey: true });
    });
    fireEvent.keyDown(window, { code: 'Digit5', key: '5', altKey: true });
    expect((screen.getByLabelText('Portal-Adresse') as HTMLInputElement).value).toBe(
      'https://half.example.org',
    );
    expect(screen.getByText('Ungespeicherte Änderungen')).toBeDefined();
  });
});
