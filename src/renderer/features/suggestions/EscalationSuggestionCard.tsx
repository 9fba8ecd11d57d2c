/**
 * The "escalate / forward to staff" card: why the desk must not answer, and who may take the
 * call (the client's staff only, present ones first). Shown as text; the agent transfers with
 * the softphone's own controls — this card never does anything by itself.
 */
import { useTranslation } from 'react-i18next';
import type { EscalationCard } from '../../../shared/contract/services/suggestionService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import type { QuoteResult } from '../transcript/session/quoteQueue';
import { SteeringAttemptFlag } from './SteeringAttemptFlag';
import { useCardActions } from './useCardActions';

const REASON_KEYS: Record<EscalationCard['reason'], string> = {
  'no-match': 'escalate.noMatch',
  judgement: 'escalate.judgement',
  'staff-request': 'escalate.staffRequest',
  'model-escalated': 'escalate.modelEscalated',
  'steering-attempt': 'escalate.steeringAttempt',
  emergency: 'escalate.emergency',
};

const FIELD_MAX_LENGTH = 120;

export interface EscalationSuggestionCardProps {
  card: EscalationCard;
  onQuote?(card: EscalationCard): QuoteResult;
}

export function EscalationSuggestionCard({ card, onQuote }: EscalationSuggestionCardProps) {
  const { t } = useTranslation('suggestions');
  const reason = t(REASON_KEYS[card.reason], {
    area: card.judgementArea ? t(`escalate.area.${card.judgementArea}`) : '',
  });
  const { result, quote } = useCardActions(reason, () => onQuote?.(card) ?? 'failed');
  return (
    <article
      className="suggestion-card suggestion-card-escalate"
      data-suggestion-id={card.suggestionId}
      data-reason={card.reason}
    >
      <header className="suggestion-card-header">
        <strong className="suggestion-escalate-title">{t('escalate.title')}</strong>
      </header>
      <p className="suggestion-text">{reason}</p>
      {card.injectionSuspected ? <SteeringAttemptFlag /> : null}
      {card.forwardTo.length > 0 ? (
        <>
          <p className="suggestion-forward-label">{t('escalate.forwardTo')}</p>
          <ul className="suggestion-forward-list">
            {card.forwardTo.map((target) => (
              <li key={target.staffId} className={`suggestion-presence-${target.presence}`}>
                <span className="suggestion-forward-name">
                  {sanitizeDisplayText(target.name, FIELD_MAX_LENGTH)}
                </span>
                {target.function
                  ? ` – ${sanitizeDisplayText(target.function, FIELD_MAX_LENGTH)}`
                  : ''}
                {` (${t(`escalate.presence.${target.presence}`)})`}
                <span className="suggestion-forward-target">
                  {t('escalate.target', {
                    target: sanitizeDisplayText(target.transferTarget, FIELD_MAX_LENGTH),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="suggestion-note">{t('escalate.noTargets')}</p>
      )}
      <footer className="suggestion-actions">
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
