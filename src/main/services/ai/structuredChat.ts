/**
 * One structured chat completion against an OpenAI-compatible endpoint with the official SDK:
 * streamed, `response_format: json_schema`, a hard deadline, no retries (a live call cannot
 * wait), and a fresh client and message list per request so no context crosses calls.
 *
 * Errors never throw: they come back as a reason the status can show. Tool calls a model may
 * volunteer are ignored (counted for tests): suggestions never act.
 */
import OpenAI from 'openai';
import type { z } from 'zod';
import type { OpenAiProviderSettings } from './providerSettings';

export const MODEL_FAILURE_REASONS = [
  'unauthorized',
  'timeout',
  'invalid-output',
  'unreachable',
  'provider-error',
  'cancelled',
] as const;
export type ModelFailureReason = (typeof MODEL_FAILURE_REASONS)[number];

export type StructuredChatResult<T> =
  | { ok: true; value: T; ignoredToolCalls: number }
  | { ok: false; reason: ModelFailureReason; ignoredToolCalls: number };

export interface StructuredChatRequest<T> {
  readonly settings: OpenAiProviderSettings;
  readonly system: string;
  readonly user: string;
  readonly schemaName: string;
  readonly jsonSchema: Record<string, unknown>;
  readonly validator: z.ZodType<T>;
  readonly timeoutMilliseconds: number;
  readonly signal?: AbortSignal;
  readonly maximumTokens?: number;
}

/** Self-hosted endpoints often need no key; the SDK insists on one, so send a placeholder. */
const NO_KEY = 'not-set';

export async function requestStructuredChat<T>(
  request: StructuredChatRequest<T>,
): Promise<StructuredChatResult<T>> {
  const deadline = AbortSignal.timeout(request.timeoutMilliseconds);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
  const client = new OpenAI({
    baseURL: request.settings.baseUrl,
    apiKey: request.settings.apiKey || NO_KEY,
    timeout: request.timeoutMilliseconds,
    maxRetries: 0,
  });
  let ignoredToolCalls = 0;
  let content = '';
  try {
    const stream = await client.chat.completions.create(
      {
        model: request.settings.model,
        stream: true,
        temperature: 0,
        max_tokens: request.maximumTokens ?? 600,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: request.schemaName, strict: true, schema: request.jsonSchema },
        },
      },
      { signal },
    );
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      if (delta?.content) content += delta.content;
      if (delta?.tool_calls) ignoredToolCalls += delta.tool_calls.length;
    }
  } catch (error) {
    return {
      ok: false,
      reason: classifyFailure(error, request.signal, deadline),
      ignoredToolCalls,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { ok: false, reason: 'invalid-output', ignoredToolCalls };
  }
  const checked = request.validator.safeParse(parsed);
  if (!checked.success) return { ok: false, reason: 'invalid-output', ignoredToolCalls };
  return { ok: true, value: checked.data, ignoredToolCalls };
}

function classifyFailure(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  deadline: AbortSignal,
): ModelFailureReason {
  if (callerSignal?.aborted) return 'cancelled';
  if (deadline.aborted || error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (
    error instanceof OpenAI.AuthenticationError ||
    error instanceof OpenAI.PermissionDeniedError
  ) {
    return 'unauthorized';
  }
  if (error instanceof OpenAI.APIConnectionError) return 'unreachable';
  return 'provider-error';
}
