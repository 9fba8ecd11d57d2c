/**
 * The host services live assistance uses, typed from their contract declarations (so this
 * feature does not depend on the names under which `APP_CONTRACT` registers them).
 */
import type { ServiceClient } from '../../../../shared/contract/contractDefinition';
import type { noteDraftService } from '../../../../shared/contract/services/noteDraftService';
import type { suggestionService } from '../../../../shared/contract/services/suggestionService';
import type { transcriptionService } from '../../../../shared/contract/services/transcriptionService';
import type { NoteDraftValues } from './noteDraftFields';

export interface LiveAssistClients {
  transcription: ServiceClient<typeof transcriptionService>;
  suggestions: ServiceClient<typeof suggestionService>;
  noteDrafts: ServiceClient<typeof noteDraftService>;
}

/** Pre-fills the call's note (the notes store's `applyDraft`). */
export type ApplyNoteDraft = (
  callId: string,
  fields: NoteDraftValues,
  aiFilledFieldNames: readonly string[],
) => unknown;
