import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../testing/renderApp';
import { registerStatusItem } from './state/statusStore';
import { defineArea } from './areaDefinition';
import { useAppEnvironment, type AppEnvironment } from './AppEnvironment';

const navigation = () => screen.getByRole('navigation', { name: 'Arbeitsbereiche' });
const activeArea = () => document.querySelector('section.area:not([hidden])');

describe('app frame', () => {
  it('shows the eight work areas, the calls area first, and the connection states', async () => {
    await renderApp();
    const buttons = within(navigation()).getAllByRole('button');
    expect(buttons.map((button) => button.dataset.area)).toEqual([
      'calls',
      'history',
      'directory',
      'supervision',
      'settings',
      'botCalls',
      'botSwitch',
      'dataRequests',
    ]);
    expect(buttons[0]).toHaveProperty('ariaCurrent', 'page');
    expect(activeArea()?.getAttribute('data-area')).toBe('calls');
    const status = screen.getByRole('contentinfo', { name: 'Verbindungsstatus' });
    expect(within(status).getByText('Dienst:').parentElement?.dataset.level).toBe('ok');
    expect(within(status).getByText('Telefonie:').parentElement?.textContent).toContain(
      'noch nicht verfügbar',
    );
    expect(within(status).getByText('Portal:')).toBeDefined();
  });

  it('switches areas with Alt+digit and moves focus to the area heading', async () => {
    await renderApp();
    fireEvent.keyDown(window, { code: 'Digit5', key: '5', altKey: true });
    await waitFor(() => expect(activeArea()?.getAttribute('data-area')).toBe('settings'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Einstellungen' }));
    fireEvent.keyDown(window, { code: 'Digit2', key: '2', altKey: true });
    await waitFor(() => expect(activeArea()?.getAttribute('data-area')).toBe('history'));
    // The settings area stays mounted but hidden, so a half-filled form survives.
    expect(document.querySelector('section[data-area="settings"]')?.hasAttribute('hidden')).toBe(
      true,
    );
  });

  it('says which role a gated area needs instead of showing content', async () => {
    await renderApp();
    fireEvent.click(within(navigation()).getByText('Überwachung'));
    const area = activeArea()!;
    expect(area.textContent).toContain(
      'Für diesen Bereich ist die Rolle Supervisor oder Schichtleitung erforderlich.',
    );
    expect(area.textContent).toContain('Ihre Rollen: Sekretariat.');
    expect(area.querySelector('.area-empty')).toBeNull();
  });

  it('keeps data requests from agents: only supervisors and admins see the screen', async () => {
    const { stores } = await renderApp();
    fireEvent.click(within(navigation()).getByText('Auskunft & Löschung'));
    expect(activeArea()?.textContent).toContain(
      'Für diesen Bereich ist die Rolle Supervisor oder Administration erforderlich.',
    );
    expect(activeArea()?.querySelector('input')).toBeNull();
    act(() => stores.session.getState().setRoles(['agent', 'supervisor']));
    expect(activeArea()?.querySelector('.needs-role')).toBeNull();
    expect(
      within(activeArea() as HTMLElement).getByLabelText('Rufnummer des Anrufers'),
    ).toBeDefined();
  });

  it('opens a gated area for a session with the role', async () => {
    const { stores } = await renderApp();
    act(() => stores.session.getState().setRoles(['agent', 'shiftLead']));
    fireEvent.click(within(navigation()).getByText('Überwachung'));
    expect(activeArea()?.querySelector('.needs-role')).toBeNull();
  });

  it('opens the shortcut help with ? and F1, closes it with Escape, not while typing', async () => {
    await renderApp();
    fireEvent.keyDown(window, { key: '?', code: 'Minus', shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Tastenkürzel' });
    expect(within(dialog).getByText('Zu „Einstellungen“ wechseln')).toBeDefined();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Schließen' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.keyDown(window, { key: 'F1', code: 'F1' });
    expect(await screen.findByRole('dialog')).toBeDefined();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });

    fireEvent.keyDown(window, { code: 'Digit5', key: '5', altKey: true });
    const field = await screen.findByLabelText('SIP-Adresse');
    fireEvent.keyDown(field, { key: '?' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a banner and a red status when the host connection is lost', async () => {
    const { host } = await renderApp();
    expect(screen.queryByTestId('connection-lost')).toBeNull();
    act(() => host.disconnect());
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Verbindung zum Empfang-Dienst verloren.');
    expect(screen.getByText('Dienst:').parentElement?.dataset.level).toBe('error');
  });

  it('switches the language at run time and saves it in the settings', async () => {
    const { host, i18n } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    await screen.findByRole('navigation', { name: 'Work areas' });
    expect(screen.getByText('Settings')).toBeDefined();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(host.current().language).toBe('en'));
    expect(i18n.language).toBe('en');
  });

  it('lets a feature fill the SIP status placeholder and restores it afterwards', async () => {
    const { stores } = await renderApp();
    let unregister = (): void => undefined;
    act(() => {
      unregister = registerStatusItem(stores.status, {
        id: 'sip',
        order: 20,
        labelKey: 'app:status.sip',
        valueKey: 'app:status.connected',
        level: 'ok',
      });
    });
    expect(screen.getByText('Telefonie:').parentElement?.dataset.level).toBe('ok');
    act(() => unregister());
    expect(screen.getByText('Telefonie:').parentElement?.dataset.level).toBe('inactive');
  });

  it('applies the theme from the settings', async () => {
    await renderApp({ values: { theme: 'dark' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('opens one record vault per window with the host’s wrapping key', async () => {
    const { vault } = await renderAppWithVault();
    const sealed = await vault.seal('call-1', { caller: 'Erika' });
    expect(await vault.open(sealed)).toEqual({ caller: 'Erika' });
  });
});

async function renderAppWithVault() {
  let environment: AppEnvironment | undefined;
  function Probe() {
    environment = useAppEnvironment();
    return null;
  }
  await renderApp({
    areas: [defineArea('probe', Probe, { requiredRoles: [] })],
  });
  const [first, second] = await Promise.all([
    environment!.recordVault(),
    environment!.recordVault(),
  ]);
  expect(second).toBe(first);
  return { vault: first };
}
