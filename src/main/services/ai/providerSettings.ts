/**
 * What the AI services need to know about providers, read fresh for every request so that a
 * settings change applies to the next call without a restart. Keys stay in the host process.
 */
import type { SettingsHost } from '../settings/settingsService';

export interface DeepgramProviderSettings {
  /** `wss://api.deepgram.com` or a self-hosted/lab server; empty = not configured. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** Default call language when the client profile names none. */
  readonly language: string;
  readonly model?: string;
}

export interface OpenAiProviderSettings {
  /** An OpenAI-compatible `/v1` base URL; empty = not configured. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly model: string;
}

export interface ProviderSettings {
  readonly deepgram: DeepgramProviderSettings;
  readonly openAi: OpenAiProviderSettings;
}

export interface ProviderSettingsSource {
  getProviderSettings(): Promise<ProviderSettings>;
}

/** Reads provider settings and keys from the settings service of the host. */
export function providerSettingsFromSettingsHost(
  settings: Pick<SettingsHost, 'current' | 'readSecret'>,
): ProviderSettingsSource {
  return {
    async getProviderSettings() {
      const providers = settings.current().providers;
      return {
        deepgram: {
          baseUrl: providers.deepgramBaseUrl,
          apiKey: await settings.readSecret('deepgramApiKey'),
          language: providers.deepgramLanguage || 'de',
        },
        openAi: {
          baseUrl: providers.openAiBaseUrl,
          apiKey: await settings.readSecret('openAiApiKey'),
          model: providers.openAiModel,
        },
      };
    },
  };
}

/** True when an OpenAI-compatible endpoint is set up enough to try. */
export function isOpenAiConfigured(settings: OpenAiProviderSettings): boolean {
  return settings.baseUrl !== '' && settings.model !== '';
}
