import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallState } from '../../../shared/domain/callState';
import { AppEnvironmentContext, type AppEnvironment } from '../../app/AppEnvironment';
import { createAppStores } from '../../app/appStores';
import { createI18n } from '../../i18n/createI18n';
import { liveLegs } from './callStore';
import { provideSoftphone } from './softphoneContext';
import { SoftphonePanel } from './SoftphonePanel';
import { createSoftphoneDeskFake, type SoftphoneDeskFake } from './testing/softphoneDeskFake';
import { SipNetworkFake } from './testing/sipNetworkFake';
import { runSoftphoneShortcut } from './useSoftphoneShortcuts';

const desks: SoftphoneDeskFake[] = [];

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.engine.dispose();
});

type ShortcutListener = (payload: { action: 'answer' | 'hangUp' | 'mute' }) => void;

/** The host's system events as the Electron shell sends them (global shortcuts). */
function systemEventsFake() {
  const listeners = new Set<ShortcutListener>();
  return {
    system: {
      onGlobalShortcut: (listener: ShortcutListener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    press: (action: 'answer' | 'hangUp' | 'mute') => {
      for (const listener of listeners) listener({ action });
    },
  };
}

async function renderPanel(network: SipNetworkFake, user = '1001', options = {}) {
  const desk = await createSoftphoneDeskFake(network, user, options);
  desks.push(desk);
  const stores = createAppStores({ areas: [{ id: 'calls', mountAtStart: true }] });
  const host = systemEventsFake();
  const environment = {
    client: { system: host.system },
    platform: {},
    stores,
  } as unknown as AppEnvironment;
  const softphone = { store: desk.store, engine: desk.engine, started: Promise.resolve() };
  provideSoftphone(environment, softphone);
  // The call card asks the portal which AI providers a line's client allows (react-query).
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queries}>
      <I18nextProvider i18n={createI18n('de')}>
        <AppEnvironmentContext.Provider value={environment}>
          <SoftphonePanel />
        </AppEnvironmentContext.Provider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { desk, stores, softphone, host };
}

async function peer(network: SipNetworkFake, user: string) {
  const desk = await createSoftphoneDeskFake(network, user);
  desks.push(desk);
  await vi.waitFor(() => expect(desk.store.getState().registration.health).toBe('registered'));
  desk.engine.setPresence('available');
  return desk;
}

const registration = () => screen.getByTestId('softphone-registration');

describe('SoftphonePanel', () => {
  it('shows registration health, server, last refresh, and fills the status bar', async () => {
    const network = new SipNetworkFake();
    const { stores } = await renderPanel(network);
    await waitFor(() => expect(registration().dataset.health).toBe('registered'));
    expect(within(registration()).getByText('Angemeldet')).toBeDefined();
    expect(within(registration()).getByText('ws://sip.fake')).toBeDefined();
    expect(screen.getByTestId('softphone-last-refresh').textContent).not.toBe('noch nie');
    expect(stores.status.getState().items.sip).toMatchObject({
      valueKey: 'softphone:registration.health.registered',
      level: 'ok',
    });
  });

  it('explains a wrong password in plain words', async () => {
    const network = new SipNetworkFake();
    network.passwords.set('1001', 'right');
    const { stores } = await renderPanel(network, '1001', { password: 'wrong' });
    await waitFor(() => expect(registration().dataset.health).toBe('auth-failed'));
    expect(screen.getByTestId('softphone-last-problem').textContent).toContain(
      'Benutzername oder Passwort falsch',
    );
    expect(stores.status.getState().items.sip?.level).toBe('error');
  });

  it('refuses "available" while unregistered and says why', async () => {
    const network = new SipNetworkFake();
    network.setMode('down');
    await renderPanel(network);
    fireEvent.click(screen.getByRole('button', { name: 'Verfügbar' }));
    expect(screen.getByTestId('softphone-presence').dataset.presence).toBe('not-ready');
    expect(screen.getByRole('alert').textContent).toContain('erst möglich, wenn das Telefon');
  });

  it('shows a hostile caller as text only, with the client line first', async () => {
    const network = new SipNetworkFake();
    const { desk } = await renderPanel(network);
    await waitFor(() => expect(registration().dataset.health).toBe('registered'));
    act(() => void desk.engine.setPresence('available'));
    network.inject(
      '1001',
      [
        'INVITE sip:1001@lab.test SIP/2.0',
        'Via: SIP/2.0/WS hostile.invalid;branch=z9hG4bKhostile1',
        'Max-Forwards: 70',
        'From: "<img src=x onerror=alert(1)><script>alert(2)</script>\u202eA" <sip:+4915112345678@x>;tag=1',
        'To: <sip:+4930123456@lab.test>',
        'Call-ID: hostile-panel',
        'CSeq: 1 INVITE',
        'Contact: <sip:caller@hostile.invalid;transport=ws>',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
    const card = await screen.findByTestId('softphone-incoming');
    expect(within(card).getByTestId('softphone-client-line').textContent).toBe('030 123456');
    expect(within(card).getByTestId('softphone-caller-number').textContent).toBe('0151 12345678');
    expect(within(card).getByTestId('softphone-caller-name').textContent).toBe(
      '<img src=x onerror=alert(1)><script>alert(2)</script>A',
    );
    expect(card.querySelector('img, script')).toBeNull();
  });

  it('answers, holds, mutes and hangs up from the buttons', async () => {
    const network = new SipNetworkFake();
    const { desk } = await renderPanel(network);
    await waitFor(() => expect(registration().dataset.health).toBe('registered'));
    act(() => void desk.engine.setPresence('available'));
    const caller = await peer(network, '1003');
    await act(() => caller.engine.calls.dial('1001'));
    const card = await screen.findByTestId('softphone-incoming');
    fireEvent.click(within(card).getByRole('button', { name: 'Annehmen' }));
    const call = await screen.findByTestId('softphone-call');
    await waitFor(() => expect(call.dataset.callState).toBe(CallState.Active));
    expect(within(call).getByTestId('softphone-timer').textContent).toMatch(/^00:0\d$/);

    fireEvent.click(within(call).getByRole('button', { name: 'Stumm' }));
    await waitFor(() => expect(call.dataset.muted).toBe('true'));
    fireEvent.click(within(call).getByRole('button', { name: 'Halten' }));
    await waitFor(() => expect(call.dataset.callState).toBe(CallState.Held));
    fireEvent.click(within(call).getByRole('button', { name: 'Fortsetzen' }));
    await waitFor(() => expect(call.dataset.callState).toBe(CallState.Active));
    fireEvent.click(within(call).getByRole('button', { name: 'Auflegen' }));
    await waitFor(() => expect(call.dataset.callState).toBe(CallState.Ended));
    expect(call.dataset.outcome).toBe('completed');
  });

  it('refuses garbage in the dial pad and dials a valid number', async () => {
    const network = new SipNetworkFake();
    const { desk } = await renderPanel(network);
    await waitFor(() => expect(registration().dataset.health).toBe('registered'));
    const input = screen.getByTestId('softphone-dial-input');
    fireEvent.change(input, { target: { value: 'abc<script>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anrufen' }));
    expect((await screen.findByTestId('softphone-dial-problem')).textContent).toContain(
      'keine gültige Rufnummer',
    );
    expect(network.requestsOf('INVITE')).toHaveLength(0);
    await peer(network, '1002');
    fireEvent.change(input, { target: { value: '' } });
    for (const digit of ['1', '0', '0', '2']) {
      fireEvent.click(screen.getByRole('button', { name: `Taste ${digit}` }));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Anrufen' }));
    await waitFor(() => expect(network.requestsOf('INVITE')).toHaveLength(1));
    expect(desk.store.getState().lastDialled).toBe('1002');
    expect(screen.getByRole('button', { name: 'Wahlwiederholung' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('answers with Alt+A and mutes with Alt+M', async () => {
    const network = new SipNetworkFake();
    const { desk, softphone } = await renderPanel(network);
    await waitFor(() => expect(registration().dataset.health).toBe('registered'));
    act(() => void desk.engine.setPresence('available'));
    const caller = await peer(network, '1003');
    await act(() => caller.engine.calls.dial('1001'));
    await screen.findByTestId('softphone-incoming');
    fireEvent.keyDown(window, { code: 'KeyA', key: 'a', altKey: true });
    await waitFor(() => expect(liveLegs(desk.store.getState())[0]?.state).toBe(CallState.Active));
    fireEvent.keyDown(window, { code: 'KeyM', key: 'm', altKey: true });
    expect(liveLegs(desk.store.getState())[0]?.muted).toBe(true);
    expect(runSoftphoneShortcut(softphone, 'answer')).toBe(false);
    fireEvent.keyDown(window, { code: 'KeyE', key: 'e', altKey: true });
    await waitFor(() => expect(liveLegs(desk.store.getState())).toHaveLength(0));
  });

  it('answers, mutes and hangs up on the host’s global shortcuts (Electron, window not focused)', async () => {
    const network = new SipNetworkFake();
    const { desk, host } = await renderPanel(network);
    await waitFor(() => expect(registration().dataset.health).toBe('registered'));
    act(() => void desk.engine.setPresence('available'));
    const caller = await peer(network, '1003');
    await act(() => caller.engine.calls.dial('1001'));
    await screen.findByTestId('softphone-incoming');
    act(() => host.press('answer'));
    await waitFor(() => expect(liveLegs(desk.store.getState())[0]?.state).toBe(CallState.Active));
    act(() => host.press('mute'));
    expect(liveLegs(desk.store.getState())[0]?.muted).toBe(true);
    act(() => host.press('hangUp'));
    await waitFor(() => expect(liveLegs(desk.store.getState())).toHaveLength(0));
  });

  it('tells the agent when a device fell back to the default', async () => {
    const network = new SipNetworkFake();
    const { desk } = await renderPanel(network);
    act(() => desk.store.getState().addDeviceNotice('microphone-fallback'));
    expect(await screen.findByText(/Standardmikrofon wird verwendet/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Hinweis schließen' }));
    expect(screen.queryByText(/Standardmikrofon wird verwendet/)).toBeNull();
  });
});
