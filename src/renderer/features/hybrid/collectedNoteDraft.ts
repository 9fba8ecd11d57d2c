/**
 * Turns the fields the voicebot collected into a pre-filled note (issue 9): name, callback
 * number, concern, urgency and preferred callback time, each marked AI-filled until the agent
 * confirms or edits it (the notes store keeps that mark). Values are plain text; a field the bot
 * reported twice counts with its last value.
 */
import type { CollectedField } from '../../../shared/contract/services/hybridService';
import type { NoteUrgency } from '../../../shared/contract/services/portalService';
import type { NoteFieldName, NoteFields } from '../notes/noteFields';

export interface CollectedNoteDraft {
  readonly fields: Partial<NoteFields>;
  readonly aiFilled: NoteFieldName[];
}

/** The bot's urgency words onto the note's (the note has no "emergency": it is "urgent"). */
const URGENCY: Record<string, NoteUrgency> = {
  low: 'low',
  normal: 'normal',
  high: 'high',
  emergency: 'urgent',
  urgent: 'urgent',
};

export function collectedNoteDraft(collected: readonly CollectedField[]): CollectedNoteDraft {
  const fields: Partial<NoteFields> = {};
  for (const { field, value } of collected) {
    const text = value.trim();
    if (text === '') continue;
    if (field === 'name') fields.callerName = text.slice(0, 200);
    else if (field === 'callbackNumber') fields.callbackNumber = text.slice(0, 40);
    else if (field === 'concern') fields.concern = text.slice(0, 2000);
    else if (field === 'preferredCallbackTime') fields.preferredCallbackTime = text.slice(0, 200);
    else if (field === 'urgency' && URGENCY[text.toLowerCase()]) {
      fields.urgency = URGENCY[text.toLowerCase()];
    }
  }
  return { fields, aiFilled: Object.keys(fields) as NoteFieldName[] };
}
