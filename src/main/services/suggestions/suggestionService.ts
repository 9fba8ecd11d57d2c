/**
 * The suggestion service: built-in retrieval at once, a model refinement afterwards when an
 * OpenAI-compatible endpoint is configured and may help. See the contract
 * (`shared/contract/services/suggestionService.ts`) for the promises.
 *
 * No context crosses calls or clients: every request resolves its own client, builds its own
 * candidate list and sends a fresh, single-turn model request. Per call the service keeps only
 * the abort handle of the pending refinement. Nothing from the transcript is logged.
 */
import { createHash, randomUUID } from 'node:crypto';
import type {
  AssistantStatus,
  SuggestionCard,
  SuggestionRequest,
  SuggestionResult,
  suggestionService,
} from '../../../shared/contract/services/suggestionService';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import {
  buildApprovedTextIndex,
  type ApprovedTextIndex,
} from '../../../shared/suggestions/approvedTextIndex';
import {
  confidenceOf,
  suggestFromApprovedTexts,
  type BuiltInSuggestion,
} from '../../../shared/suggestions/builtInSuggester';
import { resolveClient, type ClientDirectory } from '../ai/clientDirectory';
import { isOpenAiConfigured, type ProviderSettingsSource } from '../ai/providerSettings';
import { assistantStatusAfter, modelOffStatus } from '../ai/assistantStatus';
import { chooseWithModel } from './modelSuggestionChooser';
import { allowsProvider } from '../../../shared/domain/aiProviderPolicy';
import { answerCard, builtInCard, escalationCard, type CardBase } from './suggestionCards';

type SuggestionDefinition = typeof suggestionService;

export interface SuggestionServiceOptions {
  readonly providers: ProviderSettingsSource;
  readonly clients: ClientDirectory;
  /** Deadline for one model refinement, first byte to last. */
  readonly modelTimeoutMilliseconds?: number;
}

export interface SuggestionServiceHost extends ServiceImplementation<SuggestionDefinition> {
  /** Tool calls models volunteered and the service ignored (for tests: actions taken stay 0). */
  readonly ignoredToolCalls: () => number;
  /** Resolves when every pending refinement has settled (for tests and shutdown). */
  readonly settled: () => Promise<void>;
  /** Cancels every pending refinement (host shutdown). */
  readonly dispose: () => void;
}

const DEFAULT_MODEL_TIMEOUT_MILLISECONDS = 8000;
/** Indexes kept for inline profiles, least recently built dropped first. */
const MAXIMUM_CACHED_CLIENTS = 50;

export function createSuggestionService(options: SuggestionServiceOptions): SuggestionServiceHost {
  const events = new ServiceEvents<SuggestionDefinition>();
  const indexes = new WeakMap<ClientProfile, ApprovedTextIndex>();
  const pending = new Map<string, AbortController>();
  const running = new Set<Promise<void>>();
  let status: AssistantStatus = modelOffStatus();
  let ignoredToolCalls = 0;
  const timeoutMilliseconds =
    options.modelTimeoutMilliseconds ?? DEFAULT_MODEL_TIMEOUT_MILLISECONDS;

  const setStatus = (next: AssistantStatus) => {
    if (next.model === status.model && next.modelReason === status.modelReason) return;
    status = next;
    events.emit('onStatus', status);
  };

  // Profiles from the directory are the same object each time (WeakMap hit); profiles sent
  // inline arrive as new objects, so they are matched by client id and a content hash: a
  // 500-text index takes a few hundred milliseconds to build, the hash a few.
  const fingerprinted = new Map<string, { fingerprint: string; index: ApprovedTextIndex }>();
  const indexFor = (client: ClientProfile): ApprovedTextIndex => {
    const known = indexes.get(client);
    if (known) return known;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(client.approvedTexts))
      .digest('hex');
    let entry = fingerprinted.get(client.id);
    if (entry?.fingerprint !== fingerprint) {
      entry = { fingerprint, index: buildApprovedTextIndex(client) };
      fingerprinted.delete(client.id);
      fingerprinted.set(client.id, entry);
      if (fingerprinted.size > MAXIMUM_CACHED_CLIENTS) {
        fingerprinted.delete(fingerprinted.keys().next().value as string);
      }
    }
    indexes.set(client, entry.index);
    return entry.index;
  };

  const refine = async (
    base: CardBase,
    client: ClientProfile,
    builtIn: BuiltInSuggestion,
    fallback: SuggestionCard,
    controller: AbortController,
  ): Promise<void> => {
    const settings = (await options.providers.getProviderSettings()).openAi;
    const result = await chooseWithModel({
      settings,
      client,
      candidates: builtIn.candidates.map((ranked) => ranked.text),
      callerSaid: builtIn.question,
      timeoutMilliseconds,
      signal: controller.signal,
    });
    ignoredToolCalls += result.ignoredToolCalls;
    if (pending.get(base.callId) === controller) pending.delete(base.callId);
    if (!result.ok && result.reason === 'cancelled') return;
    setStatus(assistantStatusAfter(result));
    const refined = { ...base, revision: base.revision + 1 };
    let card: SuggestionCard = { ...fallback, revision: refined.revision };
    const choice = result.ok ? result.choice : undefined;
    if (choice?.kind === 'escalate') {
      card = escalationCard(refined, client, { reason: 'model-escalated' });
    } else if (choice?.kind === 'answer') {
      const chosen = builtIn.candidates.find((ranked) => ranked.text.id === choice.text.id);
      card = answerCard(refined, choice.text, builtIn.candidates, {
        text: choice.phrasing,
        verbatim: choice.verbatim,
        source: 'model',
        confidence: chosen ? confidenceOf(chosen.score) : builtIn.confidence,
      });
    }
    events.emit('onSuggestion', card);
  };

  const suggest = async (request: SuggestionRequest): Promise<SuggestionResult> => {
    const client = await resolveClient(request.client, options.clients);
    const builtIn = suggestFromApprovedTexts(indexFor(client), client, request.transcript);
    const base: CardBase = {
      suggestionId: randomUUID(),
      callId: request.callId,
      clientId: client.id,
      revision: 1,
      injectionSuspected: builtIn.injectionSuspected,
    };
    const card = builtInCard(base, client, builtIn);
    pending.get(request.callId)?.abort();
    pending.delete(request.callId);

    const settings = (await options.providers.getProviderSettings()).openAi;
    if (!isOpenAiConfigured(settings)) setStatus(modelOffStatus());
    else if (status.model === 'off') setStatus({ retrieval: 'ready', model: 'ready' });
    // The model only ever chooses among retrieved texts: judgement questions, requests for
    // staff and suspected injections stay with the built-in decision.
    // A client that does not allow the model keeps the caller's words on the desk (issue 13).
    const mayRefine =
      isOpenAiConfigured(settings) &&
      allowsProvider(client, 'openai') &&
      !builtIn.injectionSuspected &&
      builtIn.candidates.length > 0 &&
      (builtIn.decision === 'answer' || builtIn.reason === 'no-match');
    if (mayRefine) {
      const controller = new AbortController();
      pending.set(request.callId, controller);
      const task = refine(base, client, builtIn, card, controller).catch(() => undefined);
      running.add(task);
      void task.finally(() => running.delete(task));
    }
    return { card, refinementPending: mayRefine, status };
  };

  return {
    methods: {
      suggest,
      endCall: async (callId) => {
        const controller = pending.get(callId);
        controller?.abort();
        return pending.delete(callId);
      },
      getStatus: async () => {
        const settings = (await options.providers.getProviderSettings()).openAi;
        if (!isOpenAiConfigured(settings)) setStatus(modelOffStatus());
        return status;
      },
    },
    events,
    ignoredToolCalls: () => ignoredToolCalls,
    dispose: () => {
      for (const controller of pending.values()) controller.abort();
      pending.clear();
    },
    settled: async () => {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
