/**
 * The transcript slot of the call workspace. For a call taken over from the bot: the AI
 * disclosure and consent state for the whole call, then one timeline — the bot's part (from the
 * portal), then the human part (the desk's live transcript), merged by `callTimeline`. For any
 * other call: the live transcript panel as before. Every line, the bot's part included, is a
 * button that quotes it into the call's note, as in the live transcript: what the caller told
 * the bot is the agent's to use, so the caller never repeats it. While a taken-over call is
 * shown, its human part also goes to the portal for the supervisor's live view
 * (`humanTranscriptReport`).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { callTimeline, type TimelineEntry } from '../../../shared/domain/callTimeline';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { LiveTranscriptPanel } from '../transcript/LiveTranscriptPanel';
import type { QuoteResult } from '../transcript/session/quoteQueue';
import { LINE_MAX_LENGTH } from '../transcript/TranscriptLine';
import { useShownCallAssist } from '../transcript/liveAssistForWindow';
import type { TranscriptStore } from '../transcript/transcriptStore';
import { ConsentState } from './ConsentState';
import { useHybrid } from './hybridForWindow';
import { startHumanTranscriptReport } from './humanTranscriptReport';
import type { BotCallView } from './hybridStore';
import './hybrid.css';

const NO_SEGMENTS: readonly TranscriptSegment[] = [];

export function HandoverTimelinePanel() {
  const { call, live } = useShownCallAssist();
  const { store } = useHybrid();
  const botCallId = useAppStore(store, (state) => (call ? state.legCalls[call.callId] : undefined));
  const botCall = useAppStore(store, (state) =>
    botCallId ? state.botCalls[botCallId] : undefined,
  );
  const botSegments = useAppStore(store, (state) =>
    botCallId ? state.transcripts[botCallId] : undefined,
  );
  const callId = call?.callId;
  const quote = useCallback(
    (text: string): QuoteResult =>
      callId ? live.quote(callId, sanitizeDisplayText(text, LINE_MAX_LENGTH)) : 'failed',
    [live, callId],
  );
  const { client } = useAppEnvironment();
  const transcript = call?.transcript;
  // The supervisor's live view shows the human part too: the portal gets its final segments.
  useEffect(
    () =>
      transcript && botCallId
        ? startHumanTranscriptReport({ botCallId, transcript, client })
        : undefined,
    [transcript, botCallId, client],
  );
  if (!call || !botCallId) return <LiveTranscriptPanel />;
  return (
    <HandoverTimeline
      botCall={botCall}
      botSegments={botSegments ?? []}
      human={call.transcript}
      onQuote={quote}
    />
  );
}

export interface HandoverTimelineProps {
  botCall: BotCallView | undefined;
  botSegments: Parameters<typeof callTimeline>[0];
  human: TranscriptStore;
  /** Quotes a line into the call's note; without it the lines are plain text. */
  onQuote?(text: string): QuoteResult;
}

export function HandoverTimeline({ botCall, botSegments, human, onQuote }: HandoverTimelineProps) {
  const { t } = useTranslation('hybrid');
  const [quoteNotice, setQuoteNotice] = useState<QuoteResult>();
  const quote = useMemo(
    () => (onQuote ? (text: string) => setQuoteNotice(onQuote(text)) : undefined),
    [onQuote],
  );
  const humanSegments = useAppStore(human, (state) => state.transcript.segments) ?? NO_SEGMENTS;
  const entries = useMemo(
    () => callTimeline(botSegments, humanSegments),
    [botSegments, humanSegments],
  );
  const bot = entries.filter((entry) => entry.part === 'bot');
  const people = entries.filter((entry) => entry.part === 'human');
  return (
    <section
      className="handover-timeline transcript-panel"
      aria-labelledby="handover-timeline-title"
      data-testid="handover-timeline"
    >
      <h2 id="handover-timeline-title">{t('timeline.title')}</h2>
      <ConsentState
        disclosurePlayed={botCall?.disclosurePlayed ?? false}
        consentGiven={botCall?.consentGiven ?? null}
      />
      <ol className="timeline-list" aria-label={t('timeline.title')}>
        {bot.length > 0 ? <PartHeading text={t('timeline.botPart')} /> : null}
        {bot.map((entry) => (
          <TimelineLine key={entry.key} entry={entry} onQuote={quote} />
        ))}
        <PartHeading text={t('timeline.humanPart')} />
        {people.map((entry) => (
          <TimelineLine key={entry.key} entry={entry} onQuote={quote} />
        ))}
        {people.length === 0 ? <li className="hybrid-muted">{t('timeline.humanEmpty')}</li> : null}
      </ol>
      <p className="timeline-quote-notice" aria-live="polite" data-testid="timeline-quote-notice">
        {quoteNotice ? t(`transcript:quote.${quoteNotice}`) : null}
      </p>
    </section>
  );
}

function PartHeading({ text }: { text: string }) {
  return (
    <li className="timeline-part-heading">
      <h3>{text}</h3>
    </li>
  );
}

function TimelineLine({
  entry,
  onQuote,
}: {
  entry: TimelineEntry;
  onQuote: ((text: string) => void) | undefined;
}) {
  const { t } = useTranslation('hybrid');
  const content = (
    <>
      <span className="timeline-speaker">{t(`speakers.${entry.speaker}`)}:</span>{' '}
      <span>{sanitizeDisplayText(entry.text, 4_000)}</span>
    </>
  );
  return (
    <li
      className={`timeline-line timeline-part-${entry.part}${entry.isFinal ? '' : ' timeline-interim'}`}
      data-timeline-part={entry.part}
    >
      {onQuote ? (
        <button
          type="button"
          className="timeline-quote"
          title={t('transcript:quoteHint')}
          onClick={() => onQuote(entry.text)}
        >
          {content}
        </button>
      ) : (
        content
      )}
    </li>
  );
}
