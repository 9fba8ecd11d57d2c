/**
 * An answer card: the approved text (verbatim, or the model's phrasing where the client allows
 * it) with the approved text's title as its citation. Text only; copy and quote are the only
 * buttons, and nothing happens without the agent's click.
 */
import { useTranslation } from 'react-i18next';
import type { AnswerCard } from '../../../shared/contract/services/suggestionService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import type { QuoteResult } from '../transcript/session/quoteQueue';
import { plainParagraphs } from './plainParagraphs';
import { SteeringAttemptFlag } from './SteeringAttemptFlag';
import { useCardActions } from './useCardActions';

export interface AnswerSuggestionCardProps {
  card: AnswerCard;
  refining: boolean;
  onQuote?(card: AnswerCard): QuoteResult;
}

const TITLE_MAX_LENGTH = 200;

export function AnswerSuggestionCard({ card, refining, onQuote }: AnswerSuggestionCardProps) {
  const { t } = useTranslation('suggestions');
  const paragraphs = plainParagraphs(card.text);
  const { result, copy, quote } = useCardActions(
    paragraphs.join('\n'),
    () => onQuote?.(card) ?? 'failed',
  );
  return (
    <article
      className="suggestion-card suggestion-card-answer"
      data-suggestion-id={card.suggestionId}
      data-text-id={card.citation.textId}
      data-revision={card.revision}
    >
      <header className="suggestion-card-header">
        <cite className="suggestion-citation">
          {t('citation', { title: sanitizeDisplayText(card.citation.title, TITLE_MAX_LENGTH) })}
        </cite>
        <span className="suggestion-badge">{card.verbatim ? t('verbatim') : t('phrased')}</span>
      </header>
      <div className="suggestion-text">
        {paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {refining ? <p className="suggestion-note">{t('refining')}</p> : null}
      {card.injectionSuspected ? <SteeringAttemptFlag /> : null}
      {card.alternatives.length > 0 ? (
        <p className="suggestion-alternatives">
          {t('alternatives')}{' '}
          {card.alternatives
            .map((alternative) => sanitizeDisplayText(alternative.title, TITLE_MAX_LENGTH))
            .join(' · ')}
        </p>
      ) : null}
      <footer className="suggestion-actions">
        <button type="button" onClick={() => void copy()}>
          {t('copy')}
        </button>
        <button type="button" onClick={quote}>
          {t('quote')}
        </button>
        {result ? (
          <span className="suggestion-action-result" role="status">
            {t(result)}
          </span>
        ) : null}
      </footer>
    </article>
  );
}
