/**
 * The note-draft service: rules always, the model on top when configured. Each field says
 * which method filled it and is marked `aiFilled` until the agent confirms it (the form does
 * that). A model failure only changes the status; the rule draft is still returned.
 */
import type {
  NoteDraft,
  NoteDraftFields,
  noteDraftService,
} from '../../../shared/contract/services/noteDraftService';
import type { AssistantStatus } from '../../../shared/contract/services/suggestionService';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { noEvents } from '../../../shared/contract/serviceEvents';
import { draftNoteByRules, type RuleDraft } from '../../../shared/noteDrafts/noteDraftRules';
import { assistantStatusAfter, modelOffStatus } from '../ai/assistantStatus';
import { resolveClient, type ClientDirectory } from '../ai/clientDirectory';
import { isOpenAiConfigured, type ProviderSettingsSource } from '../ai/providerSettings';
import { draftWithModel, type ModelDraft } from './modelNoteDrafter';
import { allowsProvider } from '../../../shared/domain/aiProviderPolicy';

type NoteDraftDefinition = typeof noteDraftService;

export interface NoteDraftServiceOptions {
  readonly providers: ProviderSettingsSource;
  readonly clients: ClientDirectory;
  readonly modelTimeoutMilliseconds?: number;
}

const DEFAULT_MODEL_TIMEOUT_MILLISECONDS = 12_000;
type FieldName = keyof NoteDraftFields;
const FIELD_NAMES: readonly FieldName[] = [
  'callerName',
  'callbackNumber',
  'concern',
  'urgency',
  'preferredCallbackTime',
];

function combine(rules: RuleDraft, model: ModelDraft | undefined): NoteDraftFields {
  const fields = {} as Record<
    FieldName,
    { value: string | null; aiFilled: boolean; method: 'rules' | 'model' }
  >;
  for (const name of FIELD_NAMES) {
    const modelValue = model?.[name];
    const value = modelValue ?? rules[name] ?? null;
    fields[name] = {
      value,
      aiFilled: value !== null,
      method: modelValue !== undefined ? 'model' : 'rules',
    };
  }
  return fields as NoteDraftFields;
}

export function createNoteDraftService(
  options: NoteDraftServiceOptions,
): ServiceImplementation<NoteDraftDefinition> {
  const timeoutMilliseconds =
    options.modelTimeoutMilliseconds ?? DEFAULT_MODEL_TIMEOUT_MILLISECONDS;
  return {
    methods: {
      draft: async (request): Promise<NoteDraft> => {
        const client = await resolveClient(request.client, options.clients);
        const rules = draftNoteByRules(request.transcript, client);
        const settings = (await options.providers.getProviderSettings()).openAi;
        let status: AssistantStatus = modelOffStatus();
        let model: ModelDraft | undefined;
        // The transcript goes to the model only for clients that allow it (issue 13).
        const mayUseModel = isOpenAiConfigured(settings) && allowsProvider(client, 'openai');
        if (mayUseModel && request.transcript.length > 0) {
          const result = await draftWithModel({
            settings,
            transcript: request.transcript,
            timeoutMilliseconds,
          });
          status = assistantStatusAfter(result);
          if (result.ok) model = result.draft;
        }
        return {
          callId: request.callId,
          clientId: client.id,
          fields: combine(rules, model),
          keywordsHeard: rules.keywordsHeard,
          status,
        };
      },
    },
    events: noEvents<NoteDraftDefinition>(),
  };
}
