/**
 * Suggested answers for one call: the newest card first, each citing an approved text of the
 * called client or asking to escalate; a note when a part is unavailable. Reads one call's
 * {@link SuggestionsStore}; quoting goes through `onQuote` (the notes store).
 */
import { useTranslation } from 'react-i18next';
import type {
  AssistantStatus,
  SuggestionCard,
} from '../../../shared/contract/services/suggestionService';
import { useAppStore } from '../../app/state/appStore';
import type { QuoteResult } from '../transcript/session/quoteQueue';
import { AnswerSuggestionCard } from './AnswerSuggestionCard';
import { EscalationSuggestionCard } from './EscalationSuggestionCard';
import type { SuggestionsStore } from './suggestionsStore';
import './suggestions.css';

const MODEL_REASON_KEYS: Record<NonNullable<AssistantStatus['modelReason']>, string> = {
  'not-configured': 'unavailable.reason.notConfigured',
  unauthorized: 'unavailable.reason.unauthorized',
  timeout: 'unavailable.reason.timeout',
  'invalid-output': 'unavailable.reason.invalidOutput',
  unreachable: 'unavailable.reason.unreachable',
  'provider-error': 'unavailable.reason.providerError',
};

export interface SuggestionsPanelProps {
  store: SuggestionsStore;
  /** Quotes a card into the call's note (or keeps it until the note opens). */
  onQuote?(card: SuggestionCard): QuoteResult;
}

export function SuggestionsPanel({ store, onQuote }: SuggestionsPanelProps) {
  const { t } = useTranslation('suggestions');
  const cards = useAppStore(store, (state) => state.cards);
  const pendingRequests = useAppStore(store, (state) => state.pendingRequests);
  const refining = useAppStore(store, (state) => state.refining);
  const assistant = useAppStore(store, (state) => state.assistant);
  const serviceUnavailable = useAppStore(store, (state) => state.serviceUnavailable);
  const steeringAttempts = useAppStore(store, (state) => state.steeringAttempts);
  const modelUnavailable = assistant?.model === 'unavailable';
  return (
    <section className="suggestions-panel" aria-labelledby="suggestions-title">
      <header className="suggestions-header">
        <h2 id="suggestions-title">{t('title')}</h2>
        <p className="suggestions-hint">{t('neverAutomatic')}</p>
        <div role="status" data-testid="suggestions-status">
          {serviceUnavailable ? (
            <p className="suggestions-unavailable">{t('unavailable.service')}</p>
          ) : null}
          {modelUnavailable ? (
            <p className="suggestions-unavailable">
              {t('unavailable.model', {
                reason: t(MODEL_REASON_KEYS[assistant.modelReason ?? 'provider-error']),
              })}
            </p>
          ) : null}
          {pendingRequests > 0 ? <p className="suggestions-pending">{t('pending')}</p> : null}
          {steeringAttempts > 0 ? (
            <p className="suggestion-warning" data-testid="steering-attempts">
              {t('steeringInCall', { count: steeringAttempts })}
            </p>
          ) : null}
        </div>
      </header>
      {cards.length === 0 ? <p className="suggestions-empty">{t('empty')}</p> : null}
      <ol className="suggestions-cards" aria-live="polite">
        {cards.map((card) => (
          <li key={card.suggestionId}>
            {card.kind === 'answer' ? (
              <AnswerSuggestionCard
                card={card}
                refining={refining.includes(card.suggestionId)}
                onQuote={onQuote}
              />
            ) : (
              <EscalationSuggestionCard card={card} onQuote={onQuote} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
