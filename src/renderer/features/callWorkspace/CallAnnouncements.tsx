/**
 * Live regions for what an agent must hear without looking (WCAG 4.1.3): a call ringing, a note
 * that failed to send, and the bot switch of the line in hand. The regions are always in the
 * page (screen readers announce changes of regions that already exist, not new ones), hidden
 * visually because the same facts are on screen in words. Escalation offers announce themselves
 * (`OfferPanel`'s region). Caller text is passed as text only.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayPhoneNumber } from '../../../shared/domain/phoneNumber';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { plainLine } from '../clientCard/plainText';
import type { NotesState } from '../notes/notesState';
import type { NotesStore } from '../notes/notesStore';
import { currentClientLine, ringingLegs } from '../softphone/callStore';
import { useSoftphone } from '../softphone/softphoneContext';

const failedCount = (entries: NotesState['entries']): number =>
  Object.values(entries).filter((entry) => entry.status === 'failed').length;

const lineText = (line: string | undefined) => (line ? (displayPhoneNumber(line) ?? line) : '');

export function CallAnnouncements({ notes }: { notes: NotesStore }) {
  const { t } = useTranslation('callWorkspace');
  const { client } = useAppEnvironment();
  const { store } = useSoftphone();
  const ringing = useAppStore(store, (state) => ringingLegs(state)[0]);
  const line = useAppStore(store, currentClientLine);
  const [noteText, setNoteText] = useState('');
  const [botText, setBotText] = useState('');

  // Only a new failure is announced; the list shows the older ones.
  useEffect(
    () =>
      notes.subscribe((state, previous) => {
        const failed = failedCount(state.entries);
        if (failed > failedCount(previous.entries)) {
          setNoteText(t('announce.noteFailed', { count: failed }));
        }
      }),
    [notes, t],
  );

  useEffect(() => {
    const subscribe = client.portal?.onBotSwitchChanged;
    if (typeof subscribe !== 'function') return undefined;
    return subscribe((change) => {
      const current = currentClientLine(store.getState());
      if (change.scope === 'line' && (!current || change.line !== current)) return;
      setBotText(
        t(`announce.bot.${change.scope}.${change.mode}`, { line: lineText(change.line ?? '') }),
      );
    });
  }, [client, store, t]);

  const ringText = ringing
    ? t('announce.ringing', {
        caller: plainLine(ringing.remoteName || ringing.remoteLabel, 80),
        line: lineText(ringing.clientLine) || t('announce.directLine'),
      })
    : '';
  return (
    <div className="visually-hidden" data-testid="call-announcements" data-line={line ?? ''}>
      <p aria-live="assertive" data-testid="announce-ringing">
        {ringText}
      </p>
      <p aria-live="assertive" data-testid="announce-note">
        {noteText}
      </p>
      <p aria-live="polite" data-testid="announce-bot">
        {botText}
      </p>
    </div>
  );
}
