/**
 * The read-only live view of a call for the supervisor: the whole transcript — the bot's part,
 * then the human part the agent's desk reports after the handover — and the collected fields
 * (refreshed while open), a whisper to the agent on the call, and review notes.
 * Everything typed or said is rendered as text only.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppClient } from '../../../shared/contract/appContract';
import type { SupervisedCall } from '../../../shared/portalWire/supervisionSchemas';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { BotTranscriptList } from '../hybrid/BotTranscriptList';
import { CollectedFieldsList } from '../hybrid/CollectedFieldsList';
import { HumanTranscriptList } from './HumanTranscriptList';

const REFRESH_MILLISECONDS = 2_000;

export interface CallLiveViewProps {
  callId: string;
  client: Pick<AppClient, 'supervision'>;
  onClose(): void;
}

export function CallLiveView({ callId, client, onClose }: CallLiveViewProps) {
  const { t } = useTranslation('supervision');
  const [view, setView] = useState<SupervisedCall | null>(null);
  const [whisper, setWhisper] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<'sent' | 'failed' | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const answer = await client.supervision.callView(callId);
      if (!stopped && answer.ok) setView(answer.value);
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MILLISECONDS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [callId, client]);

  const sendWhisper = async () => {
    const text = whisper.trim();
    if (!text) return;
    const answer = await client.supervision.whisper(callId, text);
    setStatus(answer.ok ? 'sent' : 'failed');
    if (answer.ok) setWhisper('');
  };
  const saveNote = async () => {
    const text = note.trim();
    if (!text) return;
    const answer = await client.supervision.addReviewNote(callId, text, null);
    if (!answer.ok) return;
    setNote('');
    setView((current) =>
      current ? { ...current, reviewNotes: [...current.reviewNotes, answer.value] } : current,
    );
  };
  const agentOnCall = view?.call.acceptedBy !== null && view?.call.state !== 'ended';

  return (
    <section
      className="supervision-call"
      aria-label={t('call.title')}
      data-testid="supervision-call"
    >
      <h2>{t('call.title')}</h2>
      <button type="button" onClick={onClose}>
        {t('call.close')}
      </button>
      <h3>{t('call.transcript')}</h3>
      <h4>{t('call.botPart')}</h4>
      <BotTranscriptList segments={view?.call.transcript ?? []} label={t('call.botPart')} />
      <h4>{t('call.humanPart')}</h4>
      <HumanTranscriptList segments={view?.humanTranscript ?? []} label={t('call.humanPart')} />
      <h3>{t('call.fields')}</h3>
      <CollectedFieldsList fields={view?.call.collectedFields ?? []} />
      <h3>{t('call.whisper')}</h3>
      <p className="hybrid-muted">{t('call.whisperHint')}</p>
      {agentOnCall ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void sendWhisper();
          }}
        >
          <textarea
            aria-label={t('call.whisper')}
            data-testid="whisper-text"
            maxLength={500}
            value={whisper}
            onChange={(event) => setWhisper(event.target.value)}
          />
          <button type="submit" data-testid="whisper-send">
            {t('call.send')}
          </button>
          {status === 'sent' ? <span role="status">{t('call.sent')}</span> : null}
          {status === 'failed' ? <span role="alert">{t('agent.actionFailed')}</span> : null}
        </form>
      ) : (
        <p className="hybrid-muted">{t('call.noAgent')}</p>
      )}
      <h3>{t('call.notes')}</h3>
      <ul>
        {(view?.reviewNotes ?? []).map((entry) => (
          <li key={entry.id}>{sanitizeDisplayText(entry.text, 2_000)}</li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveNote();
        }}
      >
        <textarea
          aria-label={t('call.notePlaceholder')}
          maxLength={2_000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit">{t('call.addNote')}</button>
      </form>
    </section>
  );
}
