import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteDraft } from '../../../../shared/contract/services/noteDraftService';
import type { TranscriptSegment } from '../../../../shared/contract/services/transcriptionService';
import { DEMO_MEDICAL_PRACTICE } from '../../../../shared/demo/demoClients';
import { CallState } from '../../../../shared/domain/callState';
import { createCallStore, type CallStore } from '../../softphone/callStore';
import { answerCardFake } from '../../suggestions/cardFakes';
import type { AudioCaptureOptions } from '../audio/audioCapture';
import type { CallStreams } from './callStreams';
import { LiveAssist } from './liveAssist';
import { LiveAssistClientsFake, type LiveAssistClientsFakeOptions } from './liveAssistClientsFake';

const LINE = DEMO_MEDICAL_PRACTICE.lines[0]!;

function draft(callId: string): NoteDraft {
  const field = <T>(value: T | null, aiFilled = true) => ({
    value,
    aiFilled,
    method: 'rules' as const,
  });
  return {
    callId,
    clientId: DEMO_MEDICAL_PRACTICE.id,
    fields: {
      callerName: field('Erika Mustermann'),
      callbackNumber: field('+4915112345678'),
      concern: field('Fragt nach den Sprechzeiten'),
      urgency: field<'normal'>('normal', false),
      preferredCallbackTime: field<string>(null),
    },
    keywordsHeard: [],
    status: { retrieval: 'ready', model: 'off' },
  };
}

interface Harness {
  store: CallStore;
  fake: LiveAssistClientsFake;
  assist: LiveAssist;
  captures: { options: AudioCaptureOptions; stopped: boolean }[];
  released: number;
  applied: { callId: string; fields: object; aiFilled: readonly string[] }[];
}

let running: LiveAssist | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

function setUp(options: LiveAssistClientsFakeOptions = {}): Harness {
  const store = createCallStore();
  const fake = new LiveAssistClientsFake({
    answer: (request) => ({
      card: answerCardFake({ callId: request.callId, clientId: DEMO_MEDICAL_PRACTICE.id }),
      refinementPending: true,
      status: { retrieval: 'ready', model: 'ready' },
    }),
    draft: (request) => draft(request.callId),
    ...options,
  });
  const harness: Harness = {
    store,
    fake,
    captures: [],
    released: 0,
    applied: [],
  } as unknown as Harness;
  const streams = async (): Promise<CallStreams> => ({
    remote: {} as MediaStream,
    local: {} as MediaStream,
    setAgentMuted: () => undefined,
    release: () => void (harness.released += 1),
  });
  harness.assist = new LiveAssist({
    callStore: store,
    clients: fake.clients,
    clientOf: async (leg) => (leg.clientLine === LINE ? DEMO_MEDICAL_PRACTICE : undefined),
    applyDraft: (callId, fields, aiFilled) =>
      void harness.applied.push({ callId, fields, aiFilled }),
    streams,
    startCapture: async (captureOptions) => {
      const capture = { options: captureOptions, stopped: false };
      harness.captures.push(capture);
      return { contextSampleRate: 48_000, stop: async () => void (capture.stopped = true) };
    },
  });
  running = harness.assist;
  harness.assist.start();
  return harness;
}

function connect(store: CallStore, id = 'leg-1', change: { consultationFor?: string } = {}) {
  store.getState().addLeg({
    id,
    event: 'incoming',
    direction: 'incoming',
    remoteLabel: '0151 12345678',
    remoteName: '',
    clientLine: LINE,
    createdAt: Date.now(),
    ...change,
  });
  store.getState().applyCallEvent(id, 'answer');
  store.getState().applyCallEvent(id, 'established');
  expect(store.getState().legs[id]!.state).toBe(CallState.Active);
}

const segment = (change: Partial<TranscriptSegment>): TranscriptSegment => ({
  segmentId: 'c1',
  callId: 'leg-1',
  speaker: 'caller',
  text: 'Wann haben Sie heute geöffnet?',
  isFinal: true,
  startSeconds: 1,
  endSeconds: 3,
  ...change,
});

describe('LiveAssist', () => {
  it('starts transcription in the client language and sends captured frames', async () => {
    const { store, fake, assist, captures } = setUp();
    connect(store);
    await vi.waitFor(() => expect(captures).toHaveLength(1));
    expect(fake.started).toEqual([
      {
        callId: 'leg-1',
        language: DEMO_MEDICAL_PRACTICE.language,
        clientId: DEMO_MEDICAL_PRACTICE.id,
      },
    ]);
    captures[0]!.options.onFrame(new Uint8Array(6400));
    await vi.waitFor(() => expect(fake.frames).toEqual([{ callId: 'leg-1', bytes: 6400 }]));
    const transcript = assist.assistOf('leg-1')!.transcript.getState();
    expect(transcript.keywords).toEqual(DEMO_MEDICAL_PRACTICE.keywordAlerts);
    expect(transcript.capture.state).toBe('running');
  });

  it('pauses capture on hold and restarts it on resume', async () => {
    const { store, assist, captures, released } = setUp();
    connect(store);
    await vi.waitFor(() => expect(captures).toHaveLength(1));
    store.getState().applyCallEvent('leg-1', 'hold');
    const transcript = assist.assistOf('leg-1')!.transcript;
    await vi.waitFor(() => expect(transcript.getState().capture.state).toBe('paused'));
    expect(captures[0]!.stopped).toBe(true);
    expect(released).toBe(0);
    store.getState().applyCallEvent('leg-1', 'resume');
    await vi.waitFor(() => expect(captures).toHaveLength(2));
    expect(transcript.getState().capture.state).toBe('running');
  });

  it('asks for suggestions after a final caller line only, and applies refinements', async () => {
    const { store, fake, assist } = setUp();
    connect(store);
    await vi.waitFor(() => expect(fake.started).toHaveLength(1));
    fake.segment.emit(segment({ isFinal: false, text: 'Wann haben' }));
    fake.segment.emit(
      segment({
        segmentId: 'a1',
        speaker: 'agent',
        text: 'Moment.',
        startSeconds: 4,
        endSeconds: 5,
      }),
    );
    expect(fake.suggestRequests).toHaveLength(0);
    fake.segment.emit(segment({}));
    const suggestions = assist.assistOf('leg-1')!.suggestions;
    await vi.waitFor(() => expect(suggestions.getState().cards).toHaveLength(1));
    expect(fake.suggestRequests[0]).toMatchObject({
      callId: 'leg-1',
      client: { clientId: DEMO_MEDICAL_PRACTICE.id },
      transcript: [
        { speaker: 'caller', text: 'Wann haben Sie heute geöffnet?' },
        { speaker: 'agent', text: 'Moment.' },
      ],
    });
    const card = suggestions.getState().cards[0]!;
    fake.suggestion.emit({ ...card, revision: 2, callId: 'leg-1' });
    fake.suggestion.emit({ ...card, revision: 3, callId: 'other-call' });
    expect(suggestions.getState().cards[0]!.revision).toBe(2);
  });

  it('routes segments only to their own call', async () => {
    const { store, fake, assist } = setUp();
    connect(store);
    await vi.waitFor(() => expect(fake.started).toHaveLength(1));
    fake.segment.emit(segment({ callId: 'leg-2' }));
    expect(assist.assistOf('leg-1')!.transcript.getState().transcript.segments).toEqual([]);
  });

  it('at hang-up stops capture and transcription and pre-fills the note', async () => {
    const { store, fake, assist, captures, applied } = setUp();
    connect(store);
    await vi.waitFor(() => expect(captures).toHaveLength(1));
    fake.finals = [
      segment({}),
      segment({
        segmentId: 'a1',
        speaker: 'agent',
        text: 'Bis 18 Uhr.',
        startSeconds: 4,
        endSeconds: 5,
      }),
    ];
    store.getState().applyCallEvent('leg-1', 'remoteHangup');
    const transcript = assist.assistOf('leg-1')!.transcript;
    await vi.waitFor(() => expect(transcript.getState().noteDraft).toBe('applied'));
    expect(captures[0]!.stopped).toBe(true);
    expect(fake.stopped).toEqual(['leg-1']);
    expect(fake.endedCalls).toEqual(['leg-1']);
    expect(fake.draftRequests[0]!.transcript).toEqual([
      { speaker: 'caller', text: 'Wann haben Sie heute geöffnet?' },
      { speaker: 'agent', text: 'Bis 18 Uhr.' },
    ]);
    expect(applied).toEqual([
      {
        callId: 'leg-1',
        fields: {
          callerName: 'Erika Mustermann',
          callbackNumber: '+4915112345678',
          concern: 'Fragt nach den Sprechzeiten',
          urgency: 'normal',
        },
        aiFilled: ['callerName', 'callbackNumber', 'concern'],
      },
    ]);
    expect(transcript.getState().capture.state).toBe('stopped');
  });

  it('without a provider captures nothing, says why, and drafts nothing', async () => {
    const { store, fake, assist, captures, applied } = setUp({
      startState: 'off',
      startReason: 'not-configured',
    });
    connect(store);
    const transcript = () => assist.assistOf('leg-1')!.transcript.getState();
    await vi.waitFor(() => expect(transcript().status?.reason).toBe('not-configured'));
    store.getState().applyCallEvent('leg-1', 'hangup');
    await vi.waitFor(() => expect(transcript().noteDraft).toBe('empty'));
    expect(captures).toHaveLength(0);
    expect(fake.stopped).toEqual([]);
    expect(applied).toEqual([]);
  });

  it('gives consultation calls no assistance', async () => {
    const { store, assist } = setUp();
    connect(store, 'consult-1', { consultationFor: 'leg-1' });
    expect(assist.assistOf('consult-1')).toBeUndefined();
  });

  it('marks suggestions unavailable when the host call fails', async () => {
    const { store, fake, assist } = setUp({ answer: () => undefined });
    connect(store);
    await vi.waitFor(() => expect(fake.started).toHaveLength(1));
    fake.segment.emit(segment({}));
    const suggestions = assist.assistOf('leg-1')!.suggestions;
    await vi.waitFor(() => expect(suggestions.getState().serviceUnavailable).toBe(true));
  });
});
