import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { createI18n } from '../../i18n/createI18n';
import type { QuoteResult } from './session/quoteQueue';
import { TranscriptPanel } from './TranscriptPanel';
import { createTranscriptStore, type TranscriptStore } from './transcriptStore';

const LINE_PIXELS = 40;
const VIEW_PIXELS = 400;

// jsdom has no layout: give the scroll area and the rows the sizes a browser would measure.
const originalClientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
const originalOffsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
beforeEach(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('transcript-scroll') ? VIEW_PIXELS : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('transcript-row') ? LINE_PIXELS : 0;
    },
  });
});
afterEach(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', originalClientHeight!);
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', originalOffsetHeight!);
});

function segment(index: number, change: Partial<TranscriptSegment> = {}): TranscriptSegment {
  return {
    segmentId: `segment-${index}`,
    callId: 'call-1',
    speaker: index % 2 === 0 ? 'caller' : 'agent',
    text: `Zeile ${index}`,
    isFinal: true,
    startSeconds: index * 3,
    endSeconds: index * 3 + 2,
    ...change,
  };
}

function renderPanel(store: TranscriptStore, onQuote = vi.fn((): QuoteResult => 'quoted')) {
  const i18n = createI18n('de');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <TranscriptPanel store={store} onQuote={onQuote} />
    </I18nextProvider>,
  );
  return { ...view, onQuote, i18n };
}

describe('TranscriptPanel', () => {
  it('keeps only a window of 1,200 lines in the DOM and stays fast at 10 updates per second', () => {
    const store = createTranscriptStore('call-1');
    for (let index = 0; index < 1200; index += 1) store.getState().addSegment(segment(index));
    renderPanel(store);
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('1200');

    const started = performance.now();
    for (let update = 0; update < 100; update += 1) {
      act(() => {
        store.getState().addSegment(
          segment(1200 + Math.floor(update / 10), {
            isFinal: update % 10 === 9,
            text: `Neue Zeile ${update}`,
          }),
        );
      });
    }
    const perUpdate = (performance.now() - started) / 100;
    expect(store.getState().transcript.segments).toHaveLength(1210);
    expect(screen.getAllByRole('listitem').length).toBeLessThan(40);
    // jsdom on a shared 2-core machine; the benchmark prints real browser figures.
    expect(perUpdate).toBeLessThan(50);
  });

  it('shows interim text, then the final text in its place, with speaker and time stamp', () => {
    const store = createTranscriptStore('call-1');
    renderPanel(store);
    act(() => store.getState().addSegment(segment(0, { isFinal: false, text: 'Wann haben' })));
    const interim = screen.getByRole('button', { name: /Wann haben/ });
    expect(interim.className).toContain('transcript-line-interim');
    expect(interim.textContent).toContain('vorläufig');
    act(() =>
      store
        .getState()
        .addSegment(segment(0, { text: 'Wann haben Sie geöffnet?', startSeconds: 65 })),
    );
    expect(screen.queryByText('Wann haben')).toBeNull();
    const final = screen.getByRole('button', { name: /Wann haben Sie geöffnet\?/ });
    expect(final.className).not.toContain('transcript-line-interim');
    expect(final.textContent).toContain('Anrufer');
    expect(final.textContent).toContain('1:05');
  });

  it('highlights keyword alerts at once and shows an alert chip', () => {
    const store = createTranscriptStore('call-1');
    store.getState().setKeywords(['Notfall', 'Frist']);
    renderPanel(store);
    act(() =>
      store.getState().addSegment(segment(0, { isFinal: false, text: 'Das ist ein Notfall' })),
    );
    const mark = document.querySelector('mark.transcript-keyword');
    expect(mark?.textContent).toBe('Notfall');
    const alerts = screen.getByRole('alert');
    expect(within(alerts).getByRole('button').textContent).toBe('Alarm: Notfall');
  });

  it('quotes a clicked line through onQuote and says so', () => {
    const store = createTranscriptStore('call-1');
    store.getState().addSegment(segment(0, { text: 'Bitte Rückruf morgen früh.' }));
    const { onQuote } = renderPanel(store);
    fireEvent.click(screen.getByRole('button', { name: /Bitte Rückruf/ }));
    expect(onQuote).toHaveBeenCalledWith(expect.objectContaining({ segmentId: 'segment-0' }));
    expect(screen.getByText('Zeile in die Notiz übernommen.')).toBeTruthy();
  });

  it('renders markup and bidi tricks in caller speech as plain text', () => {
    const store = createTranscriptStore('call-1');
    store.getState().addSegment(segment(0, { text: '<img src=x onerror=alert(1)>\u202eevil' }));
    const { container } = renderPanel(store);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>evil')).toBeTruthy();
  });

  it('says why there is no transcript when no provider is configured', () => {
    const store = createTranscriptStore('call-1');
    store.getState().setStatus({
      callId: 'call-1',
      state: 'off',
      reason: 'not-configured',
      droppedAudioMilliseconds: 0,
    });
    const { i18n } = renderPanel(store);
    expect(screen.getByTestId('transcript-status').textContent).toContain(
      'Transkription ist aus: kein Anbieter eingerichtet.',
    );
    act(() => void i18n.changeLanguage('en'));
    expect(screen.getByTestId('transcript-status').textContent).toContain(
      'Transcription is off: no provider configured.',
    );
    act(() =>
      store.getState().setStatus({
        callId: 'call-1',
        state: 'failed',
        reason: 'unauthorized',
        droppedAudioMilliseconds: 0,
      }),
    );
    expect(screen.getByTestId('transcript-status').textContent).toContain(
      'Transcription unavailable: the provider rejected the key.',
    );
  });

  it('offers "back to live" after the agent scrolled up, and follows again on click', () => {
    const store = createTranscriptStore('call-1');
    for (let index = 0; index < 200; index += 1) store.getState().addSegment(segment(index));
    renderPanel(store);
    expect(screen.queryByRole('button', { name: 'Zurück zu live' })).toBeNull();
    const scroller = document.querySelector<HTMLElement>('.transcript-scroll')!;
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 200 * 40 });
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, writable: true, value: 0 });
    fireEvent.scroll(scroller);
    fireEvent.click(screen.getByRole('button', { name: 'Zurück zu live' }));
    expect(screen.queryByRole('button', { name: 'Zurück zu live' })).toBeNull();
    expect(scroller.scrollTop).toBe(200 * 40);
  });
});
