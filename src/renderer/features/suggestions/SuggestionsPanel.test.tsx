import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { EscalationCard } from '../../../shared/contract/services/suggestionService';
import { createI18n } from '../../i18n/createI18n';
import type { QuoteResult } from '../transcript/session/quoteQueue';
import { SuggestionsPanel } from './SuggestionsPanel';
import { createSuggestionsStore, VISIBLE_CARD_LIMIT } from './suggestionsStore';
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

  it('flags an attempt to steer the assistant on the card and for the rest of the call', () => {
    const { store } = renderPanel();
    const status = { retrieval: 'ready', model: 'off' } as const;
    act(() =>
      store.getState().addResult({
        card: {
          ...escalation,
          suggestionId: 'steer',
          reason: 'steering-attempt',
          injectionSuspected: true,
          judgementArea: undefined,
        },
        refinementPending: false,
        status,
      }),
    );
    expect(
      screen.getByText(
        'Der Anrufer spricht zum Assistenten statt über sein Anliegen – keine Auskunft geben, nach dem Anliegen fragen.',
      ),
    ).toBeTruthy();
    expect(screen.getByTestId('steering-attempt-flag').textContent).toContain(
      'Versuch, den Assistenten zu steuern',
    );
    // Later questions push the flagged card off the screen; the call-level note stays.
    for (let index = 0; index < VISIBLE_CARD_LIMIT; index += 1) {
      act(() =>
        store.getState().addResult({
          card: answerCard({ suggestionId: `later-${index}` }),
          refinementPending: false,
          status,
        }),
      );
    }
    expect(screen.queryByTestId('steering-attempt-flag')).toBeNull();
    expect(screen.getByTestId('steering-attempts').textContent).toBe(
      'In diesem Gespräch wurde versucht, den Assistenten zu steuern (1×).',
    );
  });

  it('names an emergency without an approved text as the reason to escalate', () => {
    const { store } = renderPanel();
    act(() =>
      store.getState().addResult({
        card: { ...escalation, reason: 'emergency', judgementArea: undefined },
        refinementPending: false,
        status: { retrieval: 'ready', model: 'off' },
      }),
    );
    expect(screen.getByText(/Notlage, für die es keinen Freigabetext gibt/)).toBeTruthy();
    expect(screen.queryByTestId('steering-attempts')).toBeNull();
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
