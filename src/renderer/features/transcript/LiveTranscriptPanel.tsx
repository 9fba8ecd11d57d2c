/** The transcript slot of the call workspace: the shown call's transcript, or a hint. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { useShownCallAssist } from './liveAssistForWindow';
import { TranscriptPanel } from './TranscriptPanel';
import { LINE_MAX_LENGTH } from './TranscriptLine';

export function LiveTranscriptPanel() {
  const { t } = useTranslation('transcript');
  const { live, call } = useShownCallAssist();
  const callId = call?.callId;
  const quote = useCallback(
    (segment: TranscriptSegment) =>
      callId ? live.quote(callId, sanitizeDisplayText(segment.text, LINE_MAX_LENGTH)) : 'failed',
    [live, callId],
  );
  if (!call) {
    return (
      <section className="transcript-panel transcript-panel-idle" aria-label={t('title')}>
        <p className="transcript-empty">{t('idle')}</p>
      </section>
    );
  }
  return <TranscriptPanel key={call.callId} store={call.transcript} onQuote={quote} />;
}
