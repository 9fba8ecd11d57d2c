/**
 * Starts the lab voicebot (`npx tsx lab/voicebot/voicebot.ts`, or `bash lab/bot.sh start`).
 * Configuration from the environment (see lab/voicebot/README.md):
 *   EMPFANG_BOT_SIP_USER (voicebot), EMPFANG_BOT_SIP_DOMAIN (127.0.0.1),
 *   EMPFANG_BOT_PROXY (127.0.0.1:5060), EMPFANG_BOT_HOST (127.0.0.1), EMPFANG_BOT_SIP_PORT (any),
 *   EMPFANG_BOT_PORTAL_URL + EMPFANG_BOT_TOKEN (bot API; without them nothing is reported),
 *   EMPFANG_BOT_DEEPGRAM_URL (+ _KEY, _MODEL) or EMPFANG_BOT_DEMO=1 (a local Deepgram protocol
 *   server whose "caller" consents and then asks for a human in every call),
 *   EMPFANG_BOT_OPENAI_URL (+ _KEY, _MODEL), EMPFANG_BOT_CLIENTS (JSON file of client profiles;
 *   default: the demo clients), EMPFANG_BOT_ASSIGN_CALL_IDS=1 (report calls that came without
 *   the portal's X-Empfang-Call-Id under a made-up ID).
 * Prints `voicebot ready <contact>` when registered; stops cleanly on SIGTERM/SIGINT.
 * Logs carry no caller data: states, counts and statuses only.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEMO_CLIENTS } from '../../src/shared/demo/demoClients';
import { ClientProfileSchema } from '../../src/shared/domain/clientProfile';
import { startDeepgramServerFake } from '../providers/deepgramServerFake';
import { startVoicebot, type VoicebotConfiguration } from './voicebotServer';

const environment = process.env;
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

async function transcriptionSettings(): Promise<VoicebotConfiguration['transcription']> {
  if (environment.EMPFANG_BOT_DEEPGRAM_URL) {
    return {
      baseUrl: environment.EMPFANG_BOT_DEEPGRAM_URL,
      apiKey: environment.EMPFANG_BOT_DEEPGRAM_KEY ?? 'lab',
      model: environment.EMPFANG_BOT_DEEPGRAM_MODEL ?? 'nova-2',
    };
  }
  if (environment.EMPFANG_BOT_DEMO !== '1') return undefined;
  const fake = await startDeepgramServerFake();
  // Every 30 s of caller audio, the demo "caller" consents and asks for a human.
  let nextAt = 0;
  setInterval(() => {
    if (fake.audioSeconds() < nextAt) return;
    nextAt = fake.audioSeconds() + 30;
    fake.say('Ja, einverstanden.', { afterSeconds: 1 });
    fake.say('Ich möchte bitte einen Menschen sprechen.', { afterSeconds: 3, durationSeconds: 2 });
  }, 500).unref();
  log(`voicebot: demo transcription at ${fake.baseUrl}`);
  return { baseUrl: fake.baseUrl, apiKey: 'demo', model: 'fake' };
}

async function main(): Promise<void> {
  const [proxyHost, proxyPort] = (environment.EMPFANG_BOT_PROXY ?? '127.0.0.1:5060').split(':');
  const clients = environment.EMPFANG_BOT_CLIENTS
    ? z
        .array(ClientProfileSchema)
        .parse(JSON.parse(readFileSync(environment.EMPFANG_BOT_CLIENTS, 'utf8')))
    : DEMO_CLIENTS;
  const portalUrl = environment.EMPFANG_BOT_PORTAL_URL;
  const bot = await startVoicebot({
    sipUser: environment.EMPFANG_BOT_SIP_USER ?? 'voicebot',
    sipDomain: environment.EMPFANG_BOT_SIP_DOMAIN ?? '127.0.0.1',
    proxyHost: proxyHost ?? '127.0.0.1',
    proxyPort: Number(proxyPort ?? 5060),
    localHost: environment.EMPFANG_BOT_HOST ?? '127.0.0.1',
    localPort: environment.EMPFANG_BOT_SIP_PORT
      ? Number(environment.EMPFANG_BOT_SIP_PORT)
      : undefined,
    portal: portalUrl
      ? { baseUrl: portalUrl, token: environment.EMPFANG_BOT_TOKEN ?? '' }
      : undefined,
    transcription: await transcriptionSettings(),
    model: environment.EMPFANG_BOT_OPENAI_URL
      ? {
          baseUrl: environment.EMPFANG_BOT_OPENAI_URL,
          apiKey: environment.EMPFANG_BOT_OPENAI_KEY,
          model: environment.EMPFANG_BOT_OPENAI_MODEL ?? 'gpt-4o-mini',
        }
      : undefined,
    clients,
    assignCallIds: environment.EMPFANG_BOT_ASSIGN_CALL_IDS === '1',
    log,
  });
  console.log(`voicebot ready ${bot.contact}`);
  const stop = () => {
    void bot.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`voicebot: failed to start: ${error instanceof Error ? error.message : 'unknown'}`);
  process.exit(1);
});
