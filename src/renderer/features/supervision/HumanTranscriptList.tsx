/**
 * The human part of a call in the supervisor's live view (after the handover): who said what,
 * as the agent's desk transcribed it. Caller text is rendered as text only.
 */
import { useTranslation } from 'react-i18next';
import type { HumanTranscriptSegment } from '../../../shared/portalWire/supervisionSchemas';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';

const LINE_MAX_LENGTH = 4_000;

export function HumanTranscriptList(props: {
  segments: readonly HumanTranscriptSegment[];
  label: string;
}) {
  const { t } = useTranslation('supervision');
  if (props.segments.length === 0) return <p className="hybrid-muted">{t('call.noHumanPart')}</p>;
  return (
    <ol className="bot-transcript" aria-label={props.label} data-testid="supervision-human-part">
      {props.segments.map((segment) => (
        <li
          key={segment.segmentId}
          className={`bot-transcript-line bot-transcript-${segment.speaker}`}
        >
          <span className="bot-transcript-speaker">{t(`call.speakers.${segment.speaker}`)}:</span>{' '}
          <span>{sanitizeDisplayText(segment.text, LINE_MAX_LENGTH)}</span>
        </li>
      ))}
    </ol>
  );
}
