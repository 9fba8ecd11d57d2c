/**
 * On the agent's call card: the supervisor's whispers for this call (a call taken over from the
 * bot, or the one this agent just accepted). The portal sends the announcement to this agent only; the text is read through the
 * scoped route and rendered as text only. The caller never hears anything of it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Whisper } from '../../../shared/portalWire/supervisionSchemas';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { useShownCallAssist } from '../transcript/liveAssistForWindow';
import { useHybrid } from '../hybrid/hybridForWindow';
import './supervision.css';

const WHISPER_MAX_LENGTH = 500;

export function WhisperNotices() {
  const { call } = useShownCallAssist();
  const { store } = useHybrid();
  const { client } = useAppEnvironment();
  // The last call a whisper was announced for (only this agent's whispers are announced).
  const [announced, setAnnounced] = useState<string | undefined>(undefined);
  useEffect(
    () => client.supervision.onWhisperReceived((notice) => setAnnounced(notice.callId)),
    [client],
  );
  // The handed-over call on the card; else the call this agent accepted; else the live call
  // a whisper was announced for (a desk without SIP, as in the web shell tests).
  const botCallId = useAppStore(
    store,
    (state) =>
      (call ? state.legCalls[call.callId] : undefined) ??
      Object.values(state.offers).find((view) => view.phase === 'accepted')?.offer.callId ??
      (announced && state.botCalls[announced]?.state !== 'ended' ? announced : undefined),
  );
  return botCallId ? <WhisperList callId={botCallId} /> : null;
}

export function WhisperList({ callId }: { callId: string }) {
  const { t } = useTranslation('supervision');
  const { client } = useAppEnvironment();
  const [whispers, setWhispers] = useState<readonly Whisper[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const answer = await client.supervision.whispersFor(callId);
      if (!stopped && answer.ok) setWhispers(answer.value);
    };
    void load();
    const unsubscribe = client.supervision.onWhisperReceived((notice) => {
      if (notice.callId === callId) void load();
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [callId, client]);
  if (whispers.length === 0) return null;
  return (
    <section
      className="whisper-notices"
      aria-label={t('whisper.label')}
      data-testid="whisper-notices"
    >
      <h3>{t('whisper.label')}</h3>
      <ul aria-live="polite">
        {whispers.map((entry) => (
          <li key={entry.id} data-testid="whisper">
            {sanitizeDisplayText(entry.text, WHISPER_MAX_LENGTH)}
          </li>
        ))}
      </ul>
    </section>
  );
}
