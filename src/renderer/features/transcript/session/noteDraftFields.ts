/**
 * Turns the host's note draft into what the notes store's `applyDraft` takes: the filled
 * values, and the names of the fields that stay marked as AI-filled until the agent confirms
 * them. Empty draft fields are left out, so they never overwrite anything.
 */
import type { NoteDraft } from '../../../../shared/contract/services/noteDraftService';

export interface NoteDraftValues {
  callerName?: string;
  callbackNumber?: string;
  concern?: string;
  urgency?: 'high' | 'normal' | 'low';
  preferredCallbackTime?: string;
}

export interface AppliedDraft {
  fields: NoteDraftValues;
  aiFilledFieldNames: string[];
}

const DRAFT_FIELD_NAMES = [
  'callerName',
  'callbackNumber',
  'concern',
  'urgency',
  'preferredCallbackTime',
] as const;

export function noteDraftFields(draft: NoteDraft): AppliedDraft {
  const fields: Record<string, string> = {};
  const aiFilledFieldNames: string[] = [];
  for (const name of DRAFT_FIELD_NAMES) {
    const field = draft.fields[name];
    if (field.value === null || field.value === '') continue;
    fields[name] = field.value;
    if (field.aiFilled) aiFilledFieldNames.push(name);
  }
  return { fields: fields as NoteDraftValues, aiFilledFieldNames };
}
