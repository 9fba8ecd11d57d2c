/**
 * The AI-assisted services of a host — transcription, suggestions, note drafts — from one set
 * of dependencies, so the composition root wires them in one line:
 *
 * ```ts
 * ...createAiServices({ providers: providerSettingsFromSettingsHost(settings) }).services,
 * ```
 *
 * Provider settings and keys are read per request (a settings change applies to the next call).
 * Without a client directory the demo clients are used until the portal integration arrives.
 */
import type { noteDraftService } from '../../../shared/contract/services/noteDraftService';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { createNoteDraftService } from '../noteDrafts/noteDraftService';
import {
  createSuggestionService,
  type SuggestionServiceHost,
} from '../suggestions/suggestionService';
import {
  createTranscriptionService,
  type TranscriptionServiceHost,
  type TranscriptionServiceOptions,
} from '../transcription/transcriptionService';
import { createDemoClientDirectory, type ClientDirectory } from './clientDirectory';
import type { ProviderSettingsSource } from './providerSettings';

export interface AiServicesDependencies {
  readonly providers: ProviderSettingsSource;
  readonly clients?: ClientDirectory;
  readonly transcription?: Omit<TranscriptionServiceOptions, 'providers'>;
  /** Deadline for one model request (suggestion refinement or note draft). */
  readonly modelTimeoutMilliseconds?: number;
}

export interface AiServices {
  readonly services: {
    readonly transcription: TranscriptionServiceHost;
    readonly suggestions: SuggestionServiceHost;
    readonly noteDrafts: ServiceImplementation<typeof noteDraftService>;
  };
  /** Closes live transcription sockets and cancels pending model work (host shutdown). */
  dispose(): void;
}

export function createAiServices(dependencies: AiServicesDependencies): AiServices {
  const clients = dependencies.clients ?? createDemoClientDirectory();
  const common = {
    providers: dependencies.providers,
    clients,
    modelTimeoutMilliseconds: dependencies.modelTimeoutMilliseconds,
  };
  const transcription = createTranscriptionService({
    ...dependencies.transcription,
    providers: dependencies.providers,
    clients,
  });
  const suggestions = createSuggestionService(common);
  const noteDrafts = createNoteDraftService(common);
  return {
    services: { transcription, suggestions, noteDrafts },
    dispose: () => {
      transcription.dispose();
      suggestions.dispose();
    },
  };
}
