/**
 * Shared set-up for suggestion tests and the benchmark: a suggestion service over the demo
 * clients with provider settings the test controls.
 */
import { createDemoClientDirectory } from '../ai/clientDirectory';
import type { OpenAiProviderSettings, ProviderSettingsSource } from '../ai/providerSettings';
import { createSuggestionService, type SuggestionServiceHost } from './suggestionService';

export const NO_MODEL: OpenAiProviderSettings = { baseUrl: '', model: '' };

export function providersWith(openAi: OpenAiProviderSettings): ProviderSettingsSource {
  return {
    getProviderSettings: async () => ({ deepgram: { baseUrl: '', language: 'de' }, openAi }),
  };
}

export function createTestSuggestionService(
  openAi: OpenAiProviderSettings = NO_MODEL,
  modelTimeoutMilliseconds = 2000,
): SuggestionServiceHost {
  return createSuggestionService({
    providers: providersWith(openAi),
    clients: createDemoClientDirectory(),
    modelTimeoutMilliseconds,
  });
}

/** The id a card stands for in the labelled set: the cited text, or "escalate". */
export function cardLabel(
  card: { kind: 'answer'; citation: { textId: string } } | { kind: 'escalate' },
): string {
  return card.kind === 'answer' ? card.citation.textId : 'escalate';
}
