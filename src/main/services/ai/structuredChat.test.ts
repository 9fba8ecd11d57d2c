import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  startOpenAiServerFake,
  type OpenAiServerFake,
} from '../../../../lab/providers/openAiServerFake';
import { requestStructuredChat } from './structuredChat';

const Schema = z.object({
  decision: z.enum(['answer', 'escalate']),
  citedTextId: z.string(),
  text: z.string(),
});
const jsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['decision', 'citedTextId', 'text'],
  properties: {
    decision: { type: 'string' },
    citedTextId: { type: 'string' },
    text: { type: 'string' },
  },
};

let fake: OpenAiServerFake;
beforeAll(async () => {
  fake = await startOpenAiServerFake({ apiKey: 'test-key' });
});
afterAll(async () => {
  await fake.close();
});

const ask = (
  overrides: { apiKey?: string; timeoutMilliseconds?: number; signal?: AbortSignal } = {},
) =>
  requestStructuredChat({
    settings: {
      baseUrl: fake.baseUrl,
      apiKey: overrides.apiKey ?? 'test-key',
      model: 'fake-model',
    },
    system: 'Choose.',
    user: JSON.stringify({ approvedTexts: [{ id: 'a-text', text: 'Hallo' }], callerSaid: 'Frage' }),
    schemaName: 'approved_text_choice',
    jsonSchema,
    validator: Schema,
    timeoutMilliseconds: overrides.timeoutMilliseconds ?? 2000,
    signal: overrides.signal,
  });

describe('requestStructuredChat against the OpenAI-compatible fake (official SDK)', () => {
  it('streams a structured answer and validates it', async () => {
    fake.mode = 'obedient';
    const result = await ask();
    expect(result).toEqual({
      ok: true,
      value: { decision: 'answer', citedTextId: 'a-text', text: 'Hallo' },
      ignoredToolCalls: 0,
    });
    const sent = fake.requests.at(-1)?.body;
    expect(sent?.stream).toBe(true);
    expect(sent?.response_format?.type).toBe('json_schema');
    expect(sent?.response_format?.json_schema?.name).toBe('approved_text_choice');
    expect(sent?.tools).toBeUndefined();
    expect(sent?.messages?.map((message) => message.role)).toEqual(['system', 'user']);
  });

  it('reports invalid JSON as invalid output', async () => {
    fake.mode = 'invalid-json';
    expect(await ask()).toMatchObject({ ok: false, reason: 'invalid-output' });
  });

  it('reports JSON that misses the schema as invalid output', async () => {
    fake.mode = 'obedient';
    fake.scriptResponse(JSON.stringify({ decision: 'answer', action: 'delete' }));
    expect(await ask()).toMatchObject({ ok: false, reason: 'invalid-output' });
  });

  it('gives up at the deadline when the provider does not answer', async () => {
    fake.mode = 'timeout';
    const started = Date.now();
    expect(await ask({ timeoutMilliseconds: 300 })).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a rejected key as unauthorized', async () => {
    fake.mode = 'obedient';
    expect(await ask({ apiKey: 'wrong-key' })).toMatchObject({ ok: false, reason: 'unauthorized' });
  });

  it('reports an abort by the caller as cancelled', async () => {
    fake.mode = 'timeout';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await ask({ signal: controller.signal })).toMatchObject({
      ok: false,
      reason: 'cancelled',
    });
  });

  it('reports an unreachable endpoint', async () => {
    const result = await requestStructuredChat({
      settings: { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'x', model: 'm' },
      system: 's',
      user: 'u',
      schemaName: 'n',
      jsonSchema,
      validator: Schema,
      timeoutMilliseconds: 2000,
    });
    expect(result).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});
