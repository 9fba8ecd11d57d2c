/**
 * On the agent's call card: the supervisor's whispers for this call (a call taken over from the
 * bot). The portal sends the announcement to this agent only; the text is read through the
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
  const botCallId = useAppStore(store, (state) => (call ? state.legCalls[call.callId] : undefined));
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
