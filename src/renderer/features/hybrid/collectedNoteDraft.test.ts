import { describe, expect, it } from 'vitest';
import { collectedNoteDraft } from './collectedNoteDraft';

describe('collectedNoteDraft', () => {
  it('maps the five collected fields onto the note and marks each as AI-filled', () => {
    const draft = collectedNoteDraft([
      { field: 'name', value: ' Petra Lindner ', confidence: 0.9 },
      { field: 'callbackNumber', value: '+49 151 2345678', confidence: 0.8 },
      { field: 'concern', value: 'Kündigung', confidence: 0.7 },
      { field: 'urgency', value: 'emergency', confidence: 0.6 },
      { field: 'preferredCallbackTime', value: 'morgen ab 9 Uhr', confidence: 0.5 },
    ]);
    expect(draft.fields).toEqual({
      callerName: 'Petra Lindner',
      callbackNumber: '+49 151 2345678',
      concern: 'Kündigung',
      urgency: 'urgent',
      preferredCallbackTime: 'morgen ab 9 Uhr',
    });
    expect(draft.aiFilled.sort()).toEqual(
      ['callbackNumber', 'callerName', 'concern', 'preferredCallbackTime', 'urgency'].sort(),
    );
  });

  it('skips empty values and urgencies the note does not know, keeps the last of repeats', () => {
    const draft = collectedNoteDraft([
      { field: 'name', value: 'Erst', confidence: 0.3 },
      { field: 'name', value: 'Zweit', confidence: 0.9 },
      { field: 'concern', value: '   ', confidence: 0.9 },
      { field: 'urgency', value: 'sofort!!', confidence: 0.9 },
    ]);
    expect(draft).toEqual({ fields: { callerName: 'Zweit' }, aiFilled: ['callerName'] });
  });
});
