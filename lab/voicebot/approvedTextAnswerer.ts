/**
 * How the lab voicebot answers a question: the desk's built-in retrieval over the called
 * client's approved texts (`suggestFromApprovedTexts`), and, when an OpenAI-compatible model is
 * configured, the desk's model chooser on top (it may only pick one of the retrieved texts; an
 * uncited or failed answer falls back to the built-in decision). The bot says approved texts
 * only: anything else escalates.
 */
import type { ClientProfile } from '../../src/shared/domain/clientProfile';
import {
  buildApprovedTextIndex,
  type ApprovedTextIndex,
} from '../../src/shared/suggestions/approvedTextIndex';
import { suggestFromApprovedTexts } from '../../src/shared/suggestions/builtInSuggester';
import type { OpenAiProviderSettings } from '../../src/main/services/ai/providerSettings';
import { chooseWithModel } from '../../src/main/services/suggestions/modelSuggestionChooser';
import type { AnswerDecision } from './voicebotDialogue';

const MODEL_TIMEOUT_MILLISECONDS = 4000;

export type Answerer = (
  client: ClientProfile,
  callerLines: readonly string[],
) => Promise<AnswerDecision>;

export function createApprovedTextAnswerer(model?: OpenAiProviderSettings): Answerer {
  const indexes = new Map<string, ApprovedTextIndex>();
  const indexOf = (client: ClientProfile) => {
    let index = indexes.get(client.id);
    if (!index) {
      index = buildApprovedTextIndex(client);
      indexes.set(client.id, index);
    }
    return index;
  };
  return async (client, callerLines) => {
    const builtIn = suggestFromApprovedTexts(
      indexOf(client),
      client,
      callerLines.map((text) => ({ speaker: 'caller' as const, text })),
    );
    if (builtIn.decision === 'escalate' || builtIn.injectionSuspected) {
      return { kind: 'escalate', reason: builtIn.reason ?? 'no-match' };
    }
    const best = builtIn.candidates[0]!.text;
    if (!model || model.baseUrl === '') return { kind: 'answer', text: best.text };
    const chosen = await chooseWithModel({
      settings: model,
      client,
      candidates: builtIn.candidates.map((candidate) => candidate.text),
      callerSaid: builtIn.question,
      timeoutMilliseconds: MODEL_TIMEOUT_MILLISECONDS,
    });
    if (!chosen.ok) return { kind: 'answer', text: best.text };
    if (chosen.choice.kind === 'escalate') return { kind: 'escalate', reason: 'no-match' };
    return { kind: 'answer', text: chosen.choice.phrasing };
  };
}
