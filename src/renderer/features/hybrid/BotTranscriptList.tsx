/** The bot's part of a call: who said what (caller text rendered as text only). */
import { useTranslation } from 'react-i18next';
import type { BotTranscriptSegment } from '../../../shared/contract/services/hybridService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';

const LINE_MAX_LENGTH = 4_000;

export interface BotTranscriptListProps {
  segments: readonly BotTranscriptSegment[];
  /** Show only the last few lines (the board's peek). */
  last?: number;
  label: string;
}

export function BotTranscriptList({ segments, last, label }: BotTranscriptListProps) {
  const { t } = useTranslation('hybrid');
  const shown = last === undefined ? segments : segments.slice(-last);
  if (shown.length === 0) return <p className="hybrid-muted">{t('offers.noTranscript')}</p>;
  return (
    <ol className="bot-transcript" aria-label={label}>
      {shown.map((segment) => (
        <li
          key={segment.segmentId}
          className={`bot-transcript-line bot-transcript-${segment.speaker}${segment.final ? '' : ' bot-transcript-interim'}`}
        >
          <span className="bot-transcript-speaker">{t(`speakers.${segment.speaker}`)}:</span>{' '}
          <span>{sanitizeDisplayText(segment.text, LINE_MAX_LENGTH)}</span>
        </li>
      ))}
    </ol>
  );
}
