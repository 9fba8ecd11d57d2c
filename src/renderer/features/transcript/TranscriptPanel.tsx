/**
 * The live transcript of one call: status (why nothing appears, if so), keyword alert chips,
 * the virtualised lines, and the note-draft notice after hang-up. Reads one call's
 * {@link TranscriptStore}; quoting a line goes through `onQuote` (the notes store).
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { useAppStore } from '../../app/state/appStore';
import type { QuoteResult } from './session/quoteQueue';
import { TranscriptList, type TranscriptListHandle } from './TranscriptList';
import { transcriptStatusMessages } from './transcriptStatusMessages';
import type { TranscriptStore } from './transcriptStore';
import './transcript.css';

export interface TranscriptPanelProps {
  store: TranscriptStore;
  /** Quotes a line into the call's note (or keeps it until the note opens). */
  onQuote?(segment: TranscriptSegment): QuoteResult;
}

export function TranscriptPanel({ store, onQuote }: TranscriptPanelProps) {
  const { t } = useTranslation('transcript');
  const transcript = useAppStore(store, (state) => state.transcript);
  const status = useAppStore(store, (state) => state.status);
  const capture = useAppStore(store, (state) => state.capture);
  const hostUnavailable = useAppStore(store, (state) => state.hostUnavailable);
  const keywords = useAppStore(store, (state) => state.keywords);
  const alerts = useAppStore(store, (state) => state.alerts);
  const noteDraft = useAppStore(store, (state) => state.noteDraft);
  const list = useRef<TranscriptListHandle>(null);
  const [quoteNotice, setQuoteNotice] = useState<QuoteResult>();

  const quote = useCallback(
    (segment: TranscriptSegment) => {
      setQuoteNotice(onQuote?.(segment) ?? 'failed');
    },
    [onQuote],
  );

  const messages = transcriptStatusMessages(status, capture, hostUnavailable);
  return (
    <section className="transcript-panel" aria-labelledby="transcript-title">
      <header className="transcript-header">
        <h2 id="transcript-title">{t('title')}</h2>
        <div className="transcript-status" role="status" data-testid="transcript-status">
          {messages.map((message) => (
            <p
              key={message.key}
              className={`transcript-message transcript-message-${message.level}`}
            >
              {t(message.key, {
                ...message.options,
                ...(message.reasonKey ? { reason: t(message.reasonKey) } : {}),
              })}
            </p>
          ))}
        </div>
        {alerts.length > 0 ? (
          <ul className="transcript-alerts" aria-label={t('alerts.label')} role="alert">
            {alerts.map((alert) => (
              <li key={alert.keyword}>
                <button
                  type="button"
                  className="transcript-alert-chip"
                  title={t('alerts.jump', { keyword: alert.keyword })}
                  onClick={() => list.current?.showSegment(alert.segmentId, alert.startSeconds)}
                >
                  {t('alerts.chip', { keyword: alert.keyword })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <TranscriptList
        ref={list}
        segments={transcript.segments}
        keywords={keywords}
        onQuote={quote}
      />
      <footer className="transcript-footer" aria-live="polite">
        {quoteNotice ? (
          <p className="transcript-quote-notice">{t(`quote.${quoteNotice}`)}</p>
        ) : null}
        {noteDraft === 'idle' ? null : (
          <p className={`transcript-draft transcript-draft-${noteDraft}`}>
            {t(`draft.${noteDraft}`)}
          </p>
        )}
      </footer>
    </section>
  );
}
