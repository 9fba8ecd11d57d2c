/** The suggestions slot of the call workspace: the shown call's cards, or a hint. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionCard } from '../../../shared/contract/services/suggestionService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';
import { useShownCallAssist } from '../transcript/liveAssistForWindow';
import { plainParagraphs } from './plainParagraphs';
import { SuggestionsPanel } from './SuggestionsPanel';

const TITLE_MAX_LENGTH = 200;

export function LiveSuggestionsPanel() {
  const { t } = useTranslation('suggestions');
  const { live, call } = useShownCallAssist();
  const callId = call?.callId;
  const quote = useCallback(
    (card: SuggestionCard) => {
      if (!callId) return 'failed' as const;
      const text =
        card.kind === 'answer'
          ? `${plainParagraphs(card.text).join(' ')} (${t('citation', {
              title: sanitizeDisplayText(card.citation.title, TITLE_MAX_LENGTH),
            })})`
          : `${t('escalate.title')}: ${card.forwardTo
              .map((target) => sanitizeDisplayText(target.name, TITLE_MAX_LENGTH))
              .join(', ')}`;
      return live.quote(callId, text);
    },
    [live, callId, t],
  );
  if (!call) {
    return (
      <section className="suggestions-panel suggestions-panel-idle" aria-label={t('title')}>
        <p className="suggestions-empty">{t('idle')}</p>
      </section>
    );
  }
  return <SuggestionsPanel key={call.callId} store={call.suggestions} onQuote={quote} />;
}
