/**
 * Every note of this user on this desk with its status (draft, queued, sent, delivered,
 * failed). Failed notes can be sent again or exported; nothing disappears from here silently.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/state/appStore';
import { plainLine } from '../clientCard/plainText';
import { downloadNotes, exportableNotes } from './exportNotes';
import { useNotesStore } from './notesForWindow';

const LIST_LIMIT = 50;

export function NoteStatusList() {
  const { t, i18n } = useTranslation('notes');
  const notes = useNotesStore();
  const entries = useAppStore(notes, (state) => state.entries);
  const unreadable = useAppStore(notes, (state) => state.unreadableCount);
  const [exported, setExported] = useState<number>();
  const sorted = Object.values(entries)
    .sort((left, right) => right.createdAt - left.createdAt)
    .slice(0, LIST_LIMIT);
  const failed = sorted.filter((entry) => entry.status === 'failed');
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', dateStyle: 'short' });

  const exportFailed = (): void => {
    const outbox = notes.getState().runtime()?.outbox;
    const ids = new Set(failed.map((entry) => entry.id));
    const chosen = (outbox?.list() ?? []).filter((entry) => ids.has(entry.id));
    setExported(downloadNotes(exportableNotes(chosen, ['failed'])));
  };

  return (
    <section className="note-status" aria-labelledby="note-status-title">
      <h2 id="note-status-title">{t('status.title')}</h2>
      {unreadable > 0 ? (
        <p className="banner banner-warning">{t('status.unreadable', { count: unreadable })}</p>
      ) : null}
      {failed.length > 0 ? (
        <p>
          <button type="button" onClick={exportFailed}>
            {t('status.exportFailed')}
          </button>
          {exported !== undefined ? (
            <span role="status"> {t('status.exported', { count: exported })}</span>
          ) : null}
        </p>
      ) : null}
      {sorted.length === 0 ? <p className="note-muted">{t('status.empty')}</p> : null}
      <ul className="note-status-list">
        {sorted.map((entry) => (
          <li key={entry.id} data-note-id={entry.id} data-status={entry.status}>
            <span className={`note-badge note-badge-${entry.status}`}>
              {t(`status.${entry.status}`)}
            </span>{' '}
            <span className="note-muted">{time.format(entry.createdAt)}</span>{' '}
            <strong>{plainLine(entry.clientName, 80)}</strong>
            {entry.callerName ? <> · {plainLine(entry.callerName, 60)}</> : null}
            {entry.concern ? <> · {plainLine(entry.concern, 80)}</> : null}
            {entry.remoteStatus === 'delivery-failed' ? (
              <span className="note-warning"> · {t('status.deliveryFailed')}</span>
            ) : null}
            {entry.status === 'failed' || (entry.status === 'queued' && entry.lastErrorCode) ? (
              <span className="note-muted">
                {' '}
                · {t('status.error', { code: entry.lastErrorCode })}
              </span>
            ) : null}
            {entry.status === 'failed' ? (
              <>
                {' '}
                <button type="button" onClick={() => void notes.getState().retry(entry.id)}>
                  {t('status.retry')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
