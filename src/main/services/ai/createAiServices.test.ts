/**
 * The three AI services through the contract over the in-memory RPC pair: every payload and
 * result passes the declared schemas, binary audio frames cross intact, events arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteDraftService } from '../../../shared/contract/services/noteDraftService';
import {
  suggestionService,
  type SuggestionCard,
} from '../../../shared/contract/services/suggestionService';
import {
  transcriptionService,
  type TranscriptSegment,
} from '../../../shared/contract/services/transcriptionService';
import { createInMemoryProtocolPair } from '../../../shared/rpc/inMemoryProtocolPair';
import { createContractClient } from '../../../shared/rpc/rpcClient';
import { serveContract } from '../../../shared/rpc/rpcServer';
import {
  startDeepgramServerFake,
  type DeepgramServerFake,
} from '../../../../lab/providers/deepgramServerFake';
import {
  startOpenAiServerFake,
  type OpenAiServerFake,
} from '../../../../lab/providers/openAiServerFake';
import { createAiServices, type AiServices } from './createAiServices';

const CONTRACT = {
  transcription: transcriptionService,
  suggestions: suggestionService,
  noteDrafts: noteDraftService,
};

let deepgram: DeepgramServerFake;
let openAi: OpenAiServerFake;
let ai: AiServices;
beforeAll(async () => {
  deepgram = await startDeepgramServerFake({
    apiKey: 'dg',
    script: [{ channel: 0, startSeconds: 0.1, endSeconds: 0.6, text: 'Unser Klo ist verstopft.' }],
  });
  openAi = await startOpenAiServerFake({ apiKey: 'oa' });
  ai = createAiServices({
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

function connect() {
  const pair = createInMemoryProtocolPair();
  const rejected: string[] = [];
  serveContract(CONTRACT, ai.services, pair.server, {
    onRejected: (reason) => rejected.push(reason),
  });
  return {
    client: createContractClient(CONTRACT, pair.client, { timeoutMilliseconds: 5000 }),
    rejected,
  };
}

describe('createAiServices over the contract', () => {
  it('transcribes a call, suggests from its final caller line and drafts the note', async () => {
    const { client, rejected } = connect();
    const segments: TranscriptSegment[] = [];
    const cards: SuggestionCard[] = [];
    client.transcription.onSegment((segment) => segments.push(segment));
    client.suggestions.onSuggestion((card) => cards.push(card));

    expect(await client.transcription.start({ callId: 'call-1' })).toMatchObject({
      ok: true,
      value: { state: 'live' },
    });
    for (let frame = 0; frame < 10; frame += 1) {
      expect(await client.transcription.pushAudio('call-1', new Uint8Array(6400))).toEqual({
        ok: true,
        value: true,
      });
    }
    const stopped = await client.transcription.stop('call-1');
    if (!stopped.ok) throw new Error(stopped.error.message);
    expect(stopped.value.segments.map((segment) => segment.text)).toEqual([
      'Unser Klo ist verstopft.',
    ]);
    expect(segments.some((segment) => segment.isFinal)).toBe(true);

    const transcript = stopped.value.segments.map(({ speaker, text }) => ({ speaker, text }));
    const suggestion = await client.suggestions.suggest({
      callId: 'call-1',
      client: { clientId: 'haustechnik-wolters' },
      transcript,
    });
    expect(suggestion).toMatchObject({
      ok: true,
      value: { card: { kind: 'answer', citation: { textId: 'trade-blocked-drain' } } },
    });
    await ai.services.suggestions.settled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cards.at(-1)).toMatchObject({
      revision: 2,
      source: 'model',
      citation: { textId: 'trade-blocked-drain' },
    });

    const draft = await client.noteDrafts.draft({
      callId: 'call-1',
      client: { clientId: 'haustechnik-wolters' },
      transcript,
    });
    expect(draft).toMatchObject({
      ok: true,
      value: {
        clientId: 'haustechnik-wolters',
        status: { model: 'ready' },
        fields: { concern: { value: 'Unser Klo ist verstopft.', method: 'model', aiFilled: true } },
      },
    });
    expect(rejected).toEqual([]);
  });

  it('rejects malformed audio frames and unknown clients as data, not crashes', async () => {
    const { client } = connect();
    const odd = await client.transcription.pushAudio('call-2', new Uint8Array(3));
    expect(odd).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await client.suggestions.suggest({
      callId: 'call-2',
      client: { clientId: 'nobody' },
      transcript: [{ speaker: 'caller', text: 'Hallo' }],
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
