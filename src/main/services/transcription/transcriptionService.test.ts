/**
 * The real @deepgram/sdk against the local Deepgram protocol server (lab/providers).
 * Audio is silence: the fake answers from a script keyed by audio time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type {
  TranscriptionStatus,
  TranscriptSegment,
  UtteranceEnd,
} from '../../../shared/contract/services/transcriptionService';
import {
  startDeepgramServerFake,
  type ScriptedUtterance,
} from '../../../../lab/providers/deepgramServerFake';
import type { ProviderSettingsSource } from '../ai/providerSettings';
import { createTranscriptionService, type TranscriptionServiceHost } from './transcriptionService';

/** 100 ms of stereo 16 kHz 16-bit silence. */
const FRAME = new Uint8Array(6400);
const KEY = 'deepgram-test-key';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function providers(baseUrl: string, apiKey: string | undefined = KEY): ProviderSettingsSource {
  return {
    getProviderSettings: async () => ({
      deepgram: { baseUrl, apiKey, language: 'de' },
      openAi: { baseUrl: '', model: '' },
    }),
  };
}

async function setUp(
  script: ScriptedUtterance[],
  options: { keepAliveIntervalMilliseconds?: number } = {},
) {
  const fake = await startDeepgramServerFake({ script, apiKey: KEY });
  const utteranceEnds: UtteranceEnd[] = [];
  const service = createTranscriptionService({
    providers: providers(fake.baseUrl),
    onUtteranceEnd: (end) => utteranceEnds.push(end),
    connectTimeoutMilliseconds: 3000,
    ...options,
  });
  const segments: TranscriptSegment[] = [];
  const statuses: TranscriptionStatus[] = [];
  service.events.subscribe((event, payload) => {
    if (event === 'onSegment') segments.push(payload as TranscriptSegment);
    if (event === 'onStatus') statuses.push(payload as TranscriptionStatus);
  });
  cleanups.push(
    () => fake.close(),
    () => service.dispose(),
  );
  return { fake, service, segments, statuses, utteranceEnds };
}

async function pushSeconds(service: TranscriptionServiceHost, callId: string, seconds: number) {
  for (let frame = 0; frame < seconds * 10; frame += 1)
    await service.methods.pushAudio(callId, FRAME);
}

async function until(condition: () => boolean, timeoutMilliseconds = 8000) {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('transcription over the Deepgram SDK', () => {
  it('streams multichannel audio and turns interim, final and utterance-end messages into segments', async () => {
    const { fake, service, segments, utteranceEnds } = await setUp([
      {
        channel: 0,
        startSeconds: 0.2,
        endSeconds: 1.2,
        text: 'Guten Tag, mein Klo ist verstopft.',
      },
      { channel: 1, startSeconds: 1.4, endSeconds: 2.2, text: 'Das nehme ich gern auf.' },
    ]);
    expect(await service.methods.start({ callId: 'call-1', language: 'de' })).toMatchObject({
      state: 'live',
    });
    await pushSeconds(service, 'call-1', 3.5);
    await until(() => utteranceEnds.length === 2);

    const query = fake.connections[0]!.query;
    expect(Object.fromEntries(query)).toMatchObject({
      encoding: 'linear16',
      sample_rate: '16000',
      channels: '2',
      multichannel: 'true',
      interim_results: 'true',
      punctuate: 'true',
      language: 'de',
      utterance_end_ms: '1000',
      vad_events: 'true',
    });
    expect(fake.connections[0]!.authorization).toBe(`Token ${KEY}`);

    const caller = segments.filter((segment) => segment.speaker === 'caller');
    expect(caller.map((segment) => [segment.isFinal, segment.text])).toEqual([
      [false, 'Guten Tag, mein'],
      [true, 'Guten Tag, mein Klo ist verstopft.'],
    ]);
    expect(caller[0]!.segmentId).toBe(caller[1]!.segmentId);
    expect(caller[1]).toMatchObject({
      startSeconds: expect.closeTo(0.2, 5),
      endSeconds: expect.closeTo(1.2, 5),
    });
    expect(segments.find((segment) => segment.speaker === 'agent' && segment.isFinal)?.text).toBe(
      'Das nehme ich gern auf.',
    );
    expect(utteranceEnds.map((end) => end.speaker)).toEqual(['caller', 'agent']);

    const result = await service.methods.stop('call-1');
    expect(result.segments.map((segment) => segment.speaker)).toEqual(['caller', 'agent']);
    expect(result.status.state).toBe('stopped');
  });

  it('finalizes and closes the stream cleanly at hang-up', async () => {
    const { fake, service } = await setUp([
      { channel: 0, startSeconds: 0.5, endSeconds: 5, text: 'Ich rufe an wegen' },
    ]);
    await service.methods.start({ callId: 'call-2' });
    await pushSeconds(service, 'call-2', 1);
    await until(() => fake.audioSeconds() >= 1);
    const result = await service.methods.stop('call-2');
    expect(fake.connections[0]).toMatchObject({ finalizes: 1, closeStreams: 1 });
    expect(result.segments.map((segment) => segment.text)).toEqual(['Ich rufe an wegen']);
    expect(result.status.state).toBe('stopped');
    expect(await service.methods.pushAudio('call-2', FRAME)).toBe(false);
  });

  it('reconnects after a server drop and keeps every final, with continuous times', async () => {
    const { fake, service, statuses } = await setUp([
      { channel: 0, startSeconds: 0.2, endSeconds: 0.8, text: 'Erster Satz.' },
      { channel: 0, startSeconds: 1.6, endSeconds: 2.4, text: 'Zweiter Satz.' },
    ]);
    await service.methods.start({ callId: 'call-3' });
    await pushSeconds(service, 'call-3', 1);
    await until(() => fake.audioSeconds() >= 1);
    fake.dropConnections('close');
    await until(() => statuses.some((status) => status.state === 'reconnecting'));
    // Audio during the outage waits in the bounded buffer and is sent after reconnecting.
    await pushSeconds(service, 'call-3', 0.5);
    await until(() => fake.connections.length === 2 && statuses.at(-1)?.state === 'live', 9000);
    await pushSeconds(service, 'call-3', 1.5);
    await until(() => fake.audioSeconds() >= 2.9);
    const result = await service.methods.stop('call-3');
    expect(result.segments.map((segment) => segment.text)).toEqual([
      'Erster Satz.',
      'Zweiter Satz.',
    ]);
    expect(result.segments[1]!.startSeconds).toBeCloseTo(1.6, 5);
    expect(statuses.at(-1)).toMatchObject({ state: 'stopped', droppedAudioMilliseconds: 0 });
  }, 15_000);

  it('gives up with a reason when the provider stays unreachable', async () => {
    const fake = await startDeepgramServerFake({ apiKey: KEY });
    const service = createTranscriptionService({
      providers: providers(fake.baseUrl),
      connectTimeoutMilliseconds: 3000,
      giveUpAfterMilliseconds: 300,
    });
    cleanups.push(() => service.dispose());
    const states: string[] = [];
    service.events.subscribe((event, payload) => {
      if (event === 'onStatus') states.push((payload as TranscriptionStatus).state);
    });
    await service.methods.start({ callId: 'call-5' });
    await fake.close();
    await until(() => states.includes('failed'), 5000);
    expect(await service.methods.getStatus('call-5')).toMatchObject({
      state: 'failed',
      reason: 'unreachable',
    });
    expect(await service.methods.pushAudio('call-5', FRAME)).toBe(false);
    expect(states).toEqual(['live', 'reconnecting', 'failed']);
  });

  it('sends KeepAlive while no audio arrives', async () => {
    const { fake, service } = await setUp([], { keepAliveIntervalMilliseconds: 150 });
    await service.methods.start({ callId: 'call-4' });
    await service.methods.pushAudio('call-4', FRAME);
    await until(() => (fake.connections[0]?.keepAlives ?? 0) >= 2, 3000);
    await service.methods.stop('call-4');
  });

  it('says why it is off without a provider or a key, and fails on a rejected key', async () => {
    const none = createTranscriptionService({ providers: providers('') });
    expect(await none.methods.start({ callId: 'x' })).toEqual({
      callId: 'x',
      state: 'off',
      reason: 'not-configured',
      droppedAudioMilliseconds: 0,
    });
    expect(await none.methods.pushAudio('x', FRAME)).toBe(false);
    const fake = await startDeepgramServerFake({ apiKey: KEY });
    cleanups.push(() => fake.close());
    const keyless = createTranscriptionService({ providers: providers(fake.baseUrl, '') });
    expect(await keyless.methods.start({ callId: 'y' })).toMatchObject({
      state: 'off',
      reason: 'missing-key',
    });
    const wrong = createTranscriptionService({
      providers: providers(fake.baseUrl, 'wrong'),
      connectTimeoutMilliseconds: 3000,
    });
    cleanups.push(() => wrong.dispose());
    expect(await wrong.methods.start({ callId: 'z' })).toMatchObject({
      state: 'failed',
      reason: 'unauthorized',
    });
  });
});
