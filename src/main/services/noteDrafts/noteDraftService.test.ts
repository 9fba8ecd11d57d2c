import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../../shared/contract/services/suggestionService';
import {
  startOpenAiServerFake,
  type OpenAiServerFake,
} from '../../../../lab/providers/openAiServerFake';
import { createDemoClientDirectory } from '../ai/clientDirectory';
import { NO_MODEL, providersWith } from '../suggestions/suggestionTestSupport';
import { createNoteDraftService } from './noteDraftService';

const TRANSCRIPT: TranscriptLine[] = [
  { speaker: 'agent', text: 'Wolters Haustechnik, guten Tag.' },
  {
    speaker: 'caller',
    text: 'Hier ist Jens Albrecht. Unsere Heizung ist ausgefallen und es wird kalt.',
  },
  { speaker: 'agent', text: 'Wann erreichen wir Sie am besten?' },
  { speaker: 'caller', text: 'Heute ab 16 Uhr unter 040 66969 123.' },
];

let fake: OpenAiServerFake;
beforeAll(async () => {
  fake = await startOpenAiServerFake();
});
afterAll(async () => {
  await fake.close();
});

const service = (withModel: boolean) =>
  createNoteDraftService({
    providers: providersWith(
      withModel ? { baseUrl: fake.baseUrl, apiKey: 'k', model: 'm' } : NO_MODEL,
    ),
    clients: createDemoClientDirectory(),
    modelTimeoutMilliseconds: 2000,
  });
const request = {
  callId: 'call-9',
  client: { clientId: 'haustechnik-wolters' },
  transcript: TRANSCRIPT,
};

describe('note draft service', () => {
  it('drafts by rules without a model and marks every filled field as AI-filled', async () => {
    const draft = await service(false).methods.draft(request);
    expect(draft.status).toEqual({
      retrieval: 'ready',
      model: 'off',
      modelReason: 'not-configured',
    });
    expect(draft.fields).toEqual({
      callerName: { value: 'Jens Albrecht', aiFilled: true, method: 'rules' },
      callbackNumber: { value: '+494066969123', aiFilled: true, method: 'rules' },
      concern: {
        value: 'Unsere Heizung ist ausgefallen und es wird kalt.',
        aiFilled: true,
        method: 'rules',
      },
      urgency: { value: 'normal', aiFilled: true, method: 'rules' },
      preferredCallbackTime: { value: 'Heute ab 16 Uhr', aiFilled: true, method: 'rules' },
    });
  });

  it('takes model values the transcript supports and replaces invented ones by rule values', async () => {
    fake.mode = 'obedient';
    fake.scriptResponse(
      JSON.stringify({
        callerName: 'Dr. Maximilian Mustermann',
        callbackNumber: '0170 9999999',
        concern: 'Heizungsausfall, Wohnung kühlt aus.',
        urgency: 'high',
        preferredCallbackTime: 'heute ab 16 Uhr',
      }),
    );
    const draft = await service(true).methods.draft(request);
    expect(draft.status).toEqual({ retrieval: 'ready', model: 'ready' });
    expect(draft.fields.callerName).toEqual({
      value: 'Jens Albrecht',
      aiFilled: true,
      method: 'rules',
    });
    expect(draft.fields.callbackNumber).toEqual({
      value: '+494066969123',
      aiFilled: true,
      method: 'rules',
    });
    expect(draft.fields.concern).toEqual({
      value: 'Heizungsausfall, Wohnung kühlt aus.',
      aiFilled: true,
      method: 'model',
    });
    expect(draft.fields.urgency).toEqual({ value: 'high', aiFilled: true, method: 'model' });
    expect(draft.fields.preferredCallbackTime.method).toBe('model');
    const sent = fake.requests.at(-1)?.body;
    expect(sent?.response_format?.json_schema?.name).toBe('call_note_draft');
  });

  it('falls back to the rule draft when the model answers garbage', async () => {
    fake.mode = 'invalid-json';
    const draft = await service(true).methods.draft(request);
    fake.mode = 'obedient';
    expect(draft.status).toEqual({
      retrieval: 'ready',
      model: 'unavailable',
      modelReason: 'invalid-output',
    });
    expect(Object.values(draft.fields).every((field) => field.method === 'rules')).toBe(true);
    expect(draft.fields.callerName.value).toBe('Jens Albrecht');
  });
});
