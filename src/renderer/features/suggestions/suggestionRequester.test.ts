import { describe, expect, it } from 'vitest';
import type {
  SuggestionRequest,
  SuggestionResult,
} from '../../../shared/contract/services/suggestionService';
import type { TranscriptSegment } from '../../../shared/contract/services/transcriptionService';
import { DEMO_LAW_FIRM } from '../../../shared/demo/demoClients';
import { failure, ok, type Result } from '../../../shared/rpc/result';
import { answerCardFake } from './cardFakes';
import { SuggestionRequester, recentLines, type SuggestionClient } from './suggestionRequester';
import { createSuggestionsStore } from './suggestionsStore';

const line = (index: number, change: Partial<TranscriptSegment> = {}): TranscriptSegment => ({
  segmentId: `s${index}`,
  callId: 'call-1',
  speaker: 'caller',
  text: `Frage ${index}`,
  isFinal: true,
  startSeconds: index,
  endSeconds: index + 0.5,
  ...change,
});

function clientOf(suggest: (request: SuggestionRequest) => Promise<Result<SuggestionResult>>) {
  return { suggest } as unknown as SuggestionClient;
}

const result = (suggestionId: string): SuggestionResult => ({
  card: answerCardFake({ suggestionId }),
  refinementPending: false,
  status: { retrieval: 'ready', model: 'off' },
});

describe('recentLines', () => {
  it('keeps the last 40 final lines, oldest first, without interims or empty lines', () => {
    const segments = [
      ...Array.from({ length: 50 }, (_, index) => line(index)),
      line(50, { isFinal: false }),
      line(51, { text: '  ' }),
    ];
    const lines = recentLines(segments);
    expect(lines).toHaveLength(40);
    expect(lines[0]!.text).toBe('Frage 10');
    expect(lines.at(-1)!.text).toBe('Frage 49');
  });
});

describe('SuggestionRequester', () => {
  it('drops an answer that arrives after the answer to a newer question', async () => {
    const store = createSuggestionsStore('call-1');
    const releases: (() => void)[] = [];
    const requester = new SuggestionRequester(
      'call-1',
      DEMO_LAW_FIRM,
      clientOf(async (request) => {
        const id = request.transcript.at(-1)!.text;
        if (id === 'Frage 0') await new Promise<void>((resolve) => releases.push(resolve));
        return ok(result(id));
      }),
      store,
    );
    const first = requester.request([line(0)]);
    await requester.request([line(0), line(1)]);
    releases[0]!();
    await first;
    expect(store.getState().cards.map((card) => card.suggestionId)).toEqual(['Frage 1']);
    expect(store.getState().pendingRequests).toBe(0);
  });

  it('sends the full profile once when the host does not know the client id', async () => {
    const store = createSuggestionsStore('call-1');
    const references: string[] = [];
    const requester = new SuggestionRequester(
      'call-1',
      DEMO_LAW_FIRM,
      clientOf(async (request) => {
        references.push('clientId' in request.client ? 'id' : 'profile');
        return 'clientId' in request.client
          ? failure('not-found', 'Unknown client')
          : ok(result('x'));
      }),
      store,
    );
    await requester.request([line(0)]);
    await requester.request([line(0), line(1)]);
    expect(references).toEqual(['id', 'profile', 'profile']);
    expect(store.getState().cards).toHaveLength(1);
  });

  it('asks nothing when the caller has not said anything final yet', async () => {
    const store = createSuggestionsStore('call-1');
    let calls = 0;
    const requester = new SuggestionRequester(
      'call-1',
      DEMO_LAW_FIRM,
      clientOf(async () => {
        calls += 1;
        return ok(result('x'));
      }),
      store,
    );
    await requester.request([line(0, { speaker: 'agent' }), line(1, { isFinal: false })]);
    expect(calls).toBe(0);
  });
});
