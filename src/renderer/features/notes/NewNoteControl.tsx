/**
 * A note without a call (e.g. a message handed over in person or by e-mail): the agent picks
 * one of their clients and the note form opens for it. While the portal is unreachable the
 * clients of the notes on this desk are offered, so a note can still be written offline.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { clientListQueryOptions } from '../clientCard/clientQueries';
import { plainLine } from '../clientCard/plainText';
import { useNotesStore } from './notesForWindow';

export function NewNoteControl() {
  const { t } = useTranslation('notes');
  const { client } = useAppEnvironment();
  const notes = useNotesStore();
  const [choosing, setChoosing] = useState(false);
  const [clientId, setClientId] = useState('');
  const clients = useQuery({ ...clientListQueryOptions(client), enabled: choosing });
  const entries = useAppStore(notes, (state) => state.entries);
  const known = new Map(
    Object.values(entries).map((entry) => [
      entry.clientId,
      { id: entry.clientId, name: entry.clientName },
    ]),
  );
  const options = clients.data ?? (clients.isError ? [...known.values()] : []);

  if (!choosing) {
    return (
      <button type="button" onClick={() => setChoosing(true)}>
        {t('newNote.open')}
      </button>
    );
  }
  const chosen = options.find((candidate) => candidate.id === clientId);
  const open = async (): Promise<void> => {
    if (!chosen) return;
    setChoosing(false);
    setClientId('');
    await notes.getState().openNote({
      callId: null,
      portalCallId: null,
      clientId: chosen.id,
      clientName: chosen.name,
      line: null,
      callerNumber: null,
      ringAt: null,
      answerAt: null,
      endAt: null,
    });
  };
  return (
    <div className="note-new">
      <label>
        {t('newNote.client')}{' '}
        <select value={clientId} onChange={(event) => setClientId(event.target.value)}>
          <option value="">{t('newNote.choose')}</option>
          {options.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {plainLine(candidate.name, 120)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" disabled={!chosen} onClick={() => void open()}>
        {t('newNote.start')}
      </button>
      <button type="button" onClick={() => setChoosing(false)}>
        {t('newNote.cancel')}
      </button>
      {clients.isError ? <span className="form-error">{t('newNote.loadFailed')}</span> : null}
    </div>
  );
}
