import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { EscalationCard } from '../../../shared/contract/services/suggestionService';
import { createI18n } from '../../i18n/createI18n';
import type { QuoteResult } from '../transcript/session/quoteQueue';
import { SuggestionsPanel } from './SuggestionsPanel';
import { createSuggestionsStore } from './suggestionsStore';
import { answerCardFake as answerCard } from './cardFakes';

function renderPanel(onQuote = vi.fn((): QuoteResult => 'quoted')) {
  const store = createSuggestionsStore('call-1');
  const view = render(
    <I18nextProvider i18n={createI18n('de')}>
      <SuggestionsPanel store={store} onQuote={onQuote} />
    </I18nextProvider>,
  );
  return { store, onQuote, ...view };
}

const escalation: EscalationCard = {
  kind: 'escalate',
  suggestionId: 'e1',
  callId: 'call-1',
  clientId: 'client-1',
  revision: 1,
  injectionSuspected: false,
  reason: 'judgement',
  judgementArea: 'legal',
  forwardTo: [
    {
      staffId: 'st1',
      name: 'Dr. Anna Berg',
      function: 'Rechtsanwältin',
      presence: 'present',
      transferTarget: '2001',
    },
  ],
};

describe('SuggestionsPanel', () => {
  it('shows the approved text with its title as the citation, and quotes it on click', () => {
    const { store, onQuote } = renderPanel();
    act(() =>
      store.getState().addResult({
        card: answerCard(),
        refinementPending: false,
        status: { retrieval: 'ready', model: 'off', modelReason: 'not-configured' },
      }),
    );
    expect(screen.getByText('Freigabetext: Sprechzeiten')).toBeTruthy();
    expect(screen.getByText('Montags bis freitags 8 bis 12 Uhr.')).toBeTruthy();
    expect(screen.getByText('wörtlich')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'In die Notiz' }));
    expect(onQuote).toHaveBeenCalledWith(expect.objectContaining({ suggestionId: 's1' }));
    expect(screen.getByText('In die Notiz übernommen.')).toBeTruthy();
  });

  it('shows an escalation card with the reason and staff as text', () => {
    const { store } = renderPanel();
    act(() =>
      store.getState().addResult({
        card: escalation,
        refinementPending: false,
        status: { retrieval: 'ready', model: 'off' },
      }),
    );
    expect(screen.getByText('Eskalieren / an Mitarbeiter weiterleiten')).toBeTruthy();
    expect(
      screen.getByText(
        'Der Anrufer bittet um eine rechtliche Einschätzung – keine Auskunft geben.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Dr. Anna Berg')).toBeTruthy();
    // Nothing on the card acts by itself: the only button is "quote".
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'In die Notiz',
    ]);
  });

  it('says which part is unavailable when the model fails', () => {
    const { store } = renderPanel();
    act(() =>
      store
        .getState()
        .setAssistant({ retrieval: 'ready', model: 'unavailable', modelReason: 'timeout' }),
    );
    expect(screen.getByTestId('suggestions-status').textContent).toContain(
      'Sprachmodell nicht verfügbar (Zeitüberschreitung)',
    );
    act(() => {
      store.getState().requestStarted();
      store.getState().requestFailed();
    });
    expect(screen.getByTestId('suggestions-status').textContent).toContain(
      'Vorschläge nicht verfügbar',
    );
  });

  it('renders model output with markup as plain text', () => {
    const { store, container } = renderPanel();
    act(() =>
      store.getState().addResult({
        card: answerCard({ text: '<b onclick="x()">fett</b>\nZweite Zeile', verbatim: false }),
        refinementPending: false,
        status: { retrieval: 'ready', model: 'ready' },
      }),
    );
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<b onclick="x()">fett</b>')).toBeTruthy();
    expect(screen.getByText('Zweite Zeile')).toBeTruthy();
    expect(screen.getByText('vom Sprachmodell formuliert')).toBeTruthy();
  });

  it('copies the card text, falling back to a selection copy when the clipboard is denied', async () => {
    const { store } = renderPanel();
    act(() =>
      store.getState().addResult({
        card: answerCard(),
        refinementPending: false,
        status: { retrieval: 'ready', model: 'off' },
      }),
    );
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    fireEvent.click(screen.getByRole('button', { name: 'Kopieren' }));
    expect(await screen.findByText('Kopiert.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('Montags bis freitags 8 bis 12 Uhr.');

    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { configurable: true, value: execCommand });
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Kopieren' })));
    await vi.waitFor(() => expect(execCommand).toHaveBeenCalledWith('copy'));
    expect(document.querySelector('.suggestion-copy-buffer')).toBeNull();
  });
});
