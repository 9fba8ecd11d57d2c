import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { AppEnvironmentContext, type AppEnvironment } from '../../app/AppEnvironment';
import { createAppStores } from '../../app/appStores';
import { createAppStore } from '../../app/state/appStore';
import { createI18n } from '../../i18n/createI18n';
import type { NoteEntryView } from '../notes/noteForms';
import type { NotesStore } from '../notes/notesStore';
import { createCallStore } from '../softphone/callStore';
import { provideSoftphone, type Softphone } from '../softphone/softphoneContext';
import { CallAnnouncements } from './CallAnnouncements';

type BotSwitchListener = (change: {
  scope: 'global' | 'line';
  line: string | null;
  clientId: string | null;
  mode: 'on' | 'off' | 'inherit';
  changedBy: string;
  at: string;
}) => void;

function renderAnnouncements() {
  const stores = createAppStores({ areas: [] });
  const listeners = new Set<BotSwitchListener>();
  const portal = {
    onBotSwitchChanged: (listener: BotSwitchListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const environment = { client: { portal }, stores } as unknown as AppEnvironment;
  const calls = createCallStore();
  provideSoftphone(environment, {
    store: calls,
    engine: {},
    started: Promise.resolve(),
  } as unknown as Softphone);
  const notes = createAppStore(() => ({ entries: {} as Record<string, NoteEntryView> }));
  render(
    <I18nextProvider i18n={createI18n('de')}>
      <AppEnvironmentContext.Provider value={environment}>
        <CallAnnouncements notes={notes as unknown as NotesStore} />
      </AppEnvironmentContext.Provider>
    </I18nextProvider>,
  );
  const switchBot = (change: Parameters<BotSwitchListener>[0]) =>
    act(() => listeners.forEach((listener) => listener(change)));
  return { calls, notes, switchBot };
}

describe('CallAnnouncements', () => {
  it('keeps assertive and polite regions in the page before anything happens', () => {
    renderAnnouncements();
    expect(screen.getByTestId('announce-ringing').getAttribute('aria-live')).toBe('assertive');
    expect(screen.getByTestId('announce-note').getAttribute('aria-live')).toBe('assertive');
    expect(screen.getByTestId('announce-bot').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('announce-ringing').textContent).toBe('');
  });

  it('announces a ringing call with caller and client line, as text', () => {
    const { calls } = renderAnnouncements();
    act(() =>
      calls.getState().addLeg({
        id: 'leg-1',
        direction: 'incoming',
        remoteLabel: '0151 1234567',
        remoteName: '<b>Erika</b>',
        clientLine: '+493023125101',
        createdAt: 1,
        event: 'incoming',
      }),
    );
    expect(screen.getByTestId('announce-ringing').textContent).toBe(
      'Anruf klingelt: <b>Erika</b> auf 030 23125101',
    );
    expect(document.querySelector('b')).toBeNull();
  });

  it('announces a note that newly failed to send, not the ones that failed before', () => {
    const { notes } = renderAnnouncements();
    const failed = { id: 'n1', status: 'failed' } as unknown as NoteEntryView;
    act(() => notes.setState({ entries: { n1: failed } } as never));
    expect(screen.getByTestId('announce-note').textContent).toMatch(
      /^Eine Telefonnotiz konnte nicht gesendet werden \(1 fehlgeschlagen\)/,
    );
  });

  it('announces the bot switch of the current line and globally, not of other lines', () => {
    const { calls, switchBot } = renderAnnouncements();
    act(() =>
      calls.getState().addLeg({
        id: 'leg-1',
        direction: 'incoming',
        remoteLabel: '0151 1234567',
        remoteName: '',
        clientLine: '+493023125101',
        createdAt: 1,
        event: 'incoming',
      }),
    );
    const base = { clientId: null, changedBy: 'lead', at: '2026-01-01T00:00:00Z' };
    switchBot({ ...base, scope: 'line', line: '+493023125999', mode: 'on' });
    expect(screen.getByTestId('announce-bot').textContent).toBe('');
    switchBot({ ...base, scope: 'line', line: '+493023125101', mode: 'off' });
    expect(screen.getByTestId('announce-bot').textContent).toBe(
      'KI-Assistent für 030 23125101 ausgeschaltet',
    );
    switchBot({ ...base, scope: 'global', line: null, mode: 'on' });
    expect(screen.getByTestId('announce-bot').textContent).toBe(
      'KI-Assistent global eingeschaltet',
    );
  });
});
