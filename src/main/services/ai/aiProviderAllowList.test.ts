/**
 * Issue 13 "provider test": a professional-secrecy client's call against the local Deepgram and
 * OpenAI protocol servers → they receive 0 bytes for that call (no socket, no request); the same
 * call for a normal client, or for a secrecy client whose allow-list names the providers → they
 * do. Transcription, suggestion refinement and the note draft all go through the host services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { DEMO_PLUMBING_BUSINESS } from '../../../shared/demo/demoClients';
import {
  startDeepgramServerFake,
  type DeepgramServerFake,
} from '../../../../lab/providers/deepgramServerFake';
import {
  startOpenAiServerFake,
  type OpenAiServerFake,
} from '../../../../lab/providers/openAiServerFake';
import { createDemoClientDirectory } from './clientDirectory';
import { createAiServices, type AiServices } from './createAiServices';

const NORMAL: ClientProfile = {
  ...DEMO_PLUMBING_BUSINESS,
  id: 'normal',
  professionalSecrecy: false,
};
const SECRECY: ClientProfile = { ...NORMAL, id: 'secrecy', professionalSecrecy: true };
const SECRECY_ALLOWING: ClientProfile = {
  ...SECRECY,
  id: 'secrecy-allowing',
  aiProviders: { transcription: ['deepgram'], model: ['openai'] },
};
const SAID = [{ speaker: 'caller' as const, text: 'Unser Klo ist verstopft.' }];

let deepgram: DeepgramServerFake;
let openAi: OpenAiServerFake;
let ai: AiServices;
beforeAll(async () => {
  deepgram = await startDeepgramServerFake({
    apiKey: 'dg',
    script: [{ channel: 0, startSeconds: 0.1, endSeconds: 0.6, text: SAID[0]?.text ?? '' }],
  });
  openAi = await startOpenAiServerFake({ apiKey: 'oa' });
  ai = createAiServices({
    clients: createDemoClientDirectory([NORMAL, SECRECY, SECRECY_ALLOWING]),
    providers: {
      getProviderSettings: async () => ({
        deepgram: { baseUrl: deepgram.baseUrl, apiKey: 'dg', language: 'de' },
        openAi: { baseUrl: openAi.baseUrl, apiKey: 'oa', model: 'fake' },
      }),
    },
  });
});
afterAll(async () => {
  ai.dispose();
  await Promise.all([deepgram.close(), openAi.close()]);
});

/** One call for a client through all three services; what the providers received for it. */
async function callFor(client: ClientProfile, callId: string) {
  const connectionsBefore = deepgram.connections.length;
  const requestsBefore = openAi.requests.length;
  const { transcription, suggestions, noteDrafts } = ai.services;
  const status = await transcription.methods.start({ callId, clientId: client.id });
  for (let frame = 0; frame < 10; frame += 1)
    await transcription.methods.pushAudio(callId, new Uint8Array(6400));
  await transcription.methods.stop(callId);
  const reference = { clientId: client.id };
  const suggestion = await suggestions.methods.suggest({
    callId,
    client: reference,
    transcript: SAID,
  });
  await suggestions.settled();
  await noteDrafts.methods.draft({ callId, client: reference, transcript: SAID });
  const connections = deepgram.connections.slice(connectionsBefore);
  const requests = openAi.requests.slice(requestsBefore);
  return {
    status,
    suggestion,
    audioBytes: connections.reduce((sum, connection) => sum + connection.audioBytes, 0),
    connections: connections.length,
    modelBytes: requests.reduce((sum, request) => sum + JSON.stringify(request.body).length, 0),
  };
}

describe('AI providers allowed per client', () => {
  it('sends nothing of a professional-secrecy call to any provider', async () => {
    const secrecy = await callFor(SECRECY, 'secrecy-call');
    expect(secrecy.status).toMatchObject({ state: 'off', reason: 'not-allowed' });
    expect({
      connections: secrecy.connections,
      audio: secrecy.audioBytes,
      model: secrecy.modelBytes,
    }).toEqual({
      connections: 0,
      audio: 0,
      model: 0,
    });
    // Suggestions still come, from the built-in retrieval.
    expect(secrecy.suggestion.card).toMatchObject({ kind: 'answer', source: 'retrieval' });
    expect(secrecy.suggestion.refinementPending).toBe(false);
  });

  it.each([
    ['a normal client', NORMAL],
    ['a secrecy client that allows both providers', SECRECY_ALLOWING],
  ])('sends the call of %s to both providers', async (_name, client) => {
    const result = await callFor(client, `${client.id}-call`);
    expect(result.connections).toBe(1);
    expect(result.audioBytes).toBe(64_000);
    expect(result.modelBytes).toBeGreaterThan(0);
  });
});
