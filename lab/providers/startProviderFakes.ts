/**
 * Starts both provider fakes for the lab and manual demos, with a short German script on the
 * Deepgram side, and prints the settings to enter in the app. Stops on Ctrl+C or SIGTERM.
 *
 *   npx tsx lab/providers/startProviderFakes.ts
 *
 * Loopback only; keys are the fixed lab keys below (never real ones).
 */
import { startDeepgramServerFake } from './deepgramServerFake';
import { startOpenAiServerFake } from './openAiServerFake';

const LAB_DEEPGRAM_KEY = 'lab-deepgram-key';
const LAB_OPEN_AI_KEY = 'lab-openai-key';

async function main(): Promise<void> {
  const deepgram = await startDeepgramServerFake({
    apiKey: LAB_DEEPGRAM_KEY,
    script: [
      {
        channel: 1,
        startSeconds: 0.5,
        endSeconds: 2.5,
        text: 'Wolters Haustechnik, guten Tag, Sie sprechen mit Anna Berg.',
      },
      {
        channel: 0,
        startSeconds: 3,
        endSeconds: 6,
        text: 'Guten Tag, hier ist Petra Schneider. Unser Klo ist verstopft.',
      },
      { channel: 1, startSeconds: 6.5, endSeconds: 8, text: 'Das nehme ich gern auf.' },
      {
        channel: 0,
        startSeconds: 8.5,
        endSeconds: 11,
        text: 'Sie erreichen mich unter 0171 234 56 78, am besten ab 14 Uhr.',
      },
    ],
  });
  const openAi = await startOpenAiServerFake({ apiKey: LAB_OPEN_AI_KEY });
  console.log(`Deepgram fake:      baseUrl ${deepgram.baseUrl}   key ${LAB_DEEPGRAM_KEY}`);
  console.log(`OpenAI-compatible:  baseURL ${openAi.baseUrl}   key ${LAB_OPEN_AI_KEY}   model any`);
  const stop = async () => {
    await Promise.all([deepgram.close(), openAi.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
