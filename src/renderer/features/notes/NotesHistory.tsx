/**
 * History of calls and notes: the portal's recent calls and notes of the user's clients merged
 * with the notes on this desk that have not reached the portal yet (which the portal cannot
 * know). Until the history area offers a way to plug in, it lives here.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppClient } from '../../../shared/contract/appContract';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { unwrapHostResult } from '../../data/hostQueries';
import { plainLine } from '../clientCard/plainText';
import { useNotesStore } from './notesForWindow';

const RECENT_LIMIT = 20;

export function recentActivityQueryOptions(client: Pick<AppClient, 'portal'>) {
  return queryOptions({
    queryKey: ['portal', 'recent', RECENT_LIMIT] as const,
    queryFn: () => unwrapHostResult(client.portal.listRecent({ limit: RECENT_LIMIT })),
    staleTime: 30_000,
  });
}

export function NotesHistory() {
  const { t, i18n } = useTranslation('notes');
  const { client } = useAppEnvironment();
  const notes = useNotesStore();
  const recent = useQuery(recentActivityQueryOptions(client));
  const localEntries = useAppStore(notes, (state) => state.entries);
  const notAtPortal = Object.values(localEntries).filter(
    (entry) => entry.status === 'queued' || entry.status === 'failed',
  );
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="note-history" aria-labelledby="note-history-title">
      <h2 id="note-history-title">
        {t('history.title')}{' '}
        <button type="button" onClick={() => void recent.refetch()}>
          {t('history.refresh')}
        </button>
      </h2>
      <h3>{t('history.local')}</h3>
      {notAtPortal.length === 0 ? <p className="note-muted">{t('history.empty')}</p> : null}
      <ul className="note-status-list">
        {notAtPortal.map((entry) => (
          <li key={entry.id}>
            {time.format(entry.createdAt)} · {plainLine(entry.clientName, 80)} ·{' '}
            {t(`status.${entry.status}`)}
          </li>
        ))}
      </ul>
      <h3>{t('history.portal')}</h3>
      {recent.isError ? <p className="form-error">{t('history.loadFailed')}</p> : null}
      <h4>{t('history.notes')}</h4>
      <ul className="note-status-list" data-testid="history-portal-notes">
        {(recent.data?.notes ?? []).map((note) => (
          <li key={note.id}>
            {time.format(new Date(note.createdAt))} · {t(`outcomes.${note.outcome}`)} ·{' '}
            {plainLine(note.callerName || note.concern, 80)}
          </li>
        ))}
      </ul>
      <h4>{t('history.calls')}</h4>
      <ul className="note-status-list">
        {(recent.data?.calls ?? []).map((call) => (
          <li key={call.id}>
            {t('history.call', {
              time: time.format(new Date(call.ringAt)),
              line: displayPhoneNumber(call.line) ?? call.line,
              outcome: call.outcome
                ? t(`outcomes.${call.outcome}`, call.outcome)
                : t('history.noOutcome'),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
