/**
 * Entry of the benchmark page (see README.md): connects to the web shell host like the app
 * does, then waits for `scripts/benchmarkTranscript.ts` to call `window.empfangBenchmark`.
 */
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../../../app/app.css';
import { createI18n } from '../../../i18n/createI18n';
import { connectPlatform } from '../../../platform/platform';
import {
  startAudioSources,
  startCapture,
  stopCapture,
  type AudioSources,
  type RunningCapture,
} from './audioLoad';
import { runRenderBenchmark, type RenderOptions } from './renderBenchmark';
import { runSuggestionLatency } from './suggestionLatency';

async function start(): Promise<void> {
  const connection = await connectPlatform();
  if (!connection.ok) throw new Error(`benchmark page: ${connection.failure}`);
  const { client } = connection.platform;
  const i18n = createI18n('de');
  const host = document.getElementById('root')!;
  host.style.height = '600px';
  host.style.width = '900px';
  host.style.display = 'flex';
  const root = createRoot(host);
  const withText = (element: React.ReactNode) => (
    <I18nextProvider i18n={i18n}>{element}</I18nextProvider>
  );
  const rootWithText = {
    render: (element: React.ReactNode) => root.render(element === null ? null : withText(element)),
    unmount: () => root.unmount(),
  } as typeof root;
  let sources: AudioSources | undefined;
  let capture: RunningCapture | undefined;
  Object.assign(window, {
    empfangBenchmark: {
      renderUpdates: (options: RenderOptions) => runRenderBenchmark(rootWithText, options),
      suggestionLatency: (rounds: number) =>
        runSuggestionLatency(rootWithText, host, client, rounds),
      startSources: async () => {
        sources = await startAudioSources();
      },
      startAudio: async () => {
        capture = await startCapture(client, sources!);
      },
      stopAudio: () => stopCapture(capture!),
      stopSources: () => sources?.stop(),
    },
  });
  document.body.dataset.benchmarkReady = 'true';
}

void start();
