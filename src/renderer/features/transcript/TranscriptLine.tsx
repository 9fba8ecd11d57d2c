/**
 * One transcript line: time stamp, speaker, text with keyword highlights. Caller speech is
 * untrusted: it is neutralised (bidi, zero-width, controls, length) and rendered as text nodes.
 * Memoised on the segment object, which the merge keeps for unchanged lines.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { highlightKeywords } from './highlightKeywords';
import { formatOffset } from './transcriptStatusMessages';

/** Longest line shown; the contract allows 4,000 characters per segment. */
export const LINE_MAX_LENGTH = 4000;

export interface TranscriptLineProps {
  segment: TranscriptSegment;
  keywords: readonly string[];
  onQuote(segment: TranscriptSegment): void;
}

export const TranscriptLine = memo(function TranscriptLine({
  segment,
  keywords,
  onQuote,
}: TranscriptLineProps) {
  const { t } = useTranslation('transcript');
  const parts = useMemo(
    () => highlightKeywords(sanitizeDisplayText(segment.text, LINE_MAX_LENGTH), keywords),
    [segment.text, keywords],
  );
  return (
    <button
      type="button"
      className={`transcript-line transcript-line-${segment.speaker}${
        segment.isFinal ? '' : ' transcript-line-interim'
      }`}
      title={t('quoteHint')}
      onClick={() => onQuote(segment)}
    >
      <span className="transcript-time">{formatOffset(segment.startSeconds)}</span>
      <span className="transcript-speaker">{t(`speaker.${segment.speaker}`)}</span>
      <span className="transcript-text">
        {parts.map((part, index) =>
          part.keyword ? (
            <mark key={index} className="transcript-keyword" data-keyword={part.keyword}>
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
        {segment.isFinal ? null : (
          <span className="transcript-visually-hidden"> ({t('interim')})</span>
        )}
      </span>
    </button>
  );
});
