/**
 * Which AI providers may receive a client's call data (issue 13). Each client has an allow-list
 * per kind: `transcription` gets the caller's audio, `model` gets what the caller said. A client
 * bound by professional secrecy allows none unless its profile names them: no audio and no
 * caller text leaves the desk, and suggestions come from the built-in retrieval only.
 * Other clients without a list allow every provider the desk has (the behaviour before lists).
 */
import { z } from 'zod';

export const TRANSCRIPTION_PROVIDERS = ['deepgram'] as const;
export const MODEL_PROVIDERS = ['openai'] as const;
export type TranscriptionProvider = (typeof TRANSCRIPTION_PROVIDERS)[number];
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

const unique = (values: readonly string[]) => new Set(values).size === values.length;

/** The allow-list as stored in the client profile; each provider at most once. */
export const AiProviderAllowListSchema = z.strictObject({
  transcription: z
    .array(z.enum(TRANSCRIPTION_PROVIDERS))
    .max(TRANSCRIPTION_PROVIDERS.length)
    .refine(unique, 'Each provider at most once'),
  model: z
    .array(z.enum(MODEL_PROVIDERS))
    .max(MODEL_PROVIDERS.length)
    .refine(unique, 'Each provider at most once'),
});
export type AiProviderAllowList = z.infer<typeof AiProviderAllowListSchema>;

/** The effective list of a client: its own, or the default for its kind. */
export function allowedAiProviders(client: {
  readonly professionalSecrecy: boolean;
  readonly aiProviders?: AiProviderAllowList | undefined;
}): AiProviderAllowList {
  if (client.aiProviders) return client.aiProviders;
  return client.professionalSecrecy
    ? { transcription: [], model: [] }
    : { transcription: [...TRANSCRIPTION_PROVIDERS], model: [...MODEL_PROVIDERS] };
}

/** Whether the client lets this provider receive its callers' audio or text. */
export function allowsProvider(
  client: Parameters<typeof allowedAiProviders>[0],
  provider: TranscriptionProvider | ModelProvider,
): boolean {
  const allowed = allowedAiProviders(client);
  return (
    (allowed.transcription as string[]).includes(provider) ||
    (allowed.model as string[]).includes(provider)
  );
}
