/**
 * Feeds a transcript view at a fixed rate and measures, per update, the synchronous cost of
 * store update + React render/commit + style and layout (forced), and the frame gaps seen by
 * requestAnimationFrame while it runs (a gap over 1.5 frames counts its missing frames).
 */
import { flushSync } from 'react-dom';
import type { Root } from 'react-dom/client';
import type { TranscriptSegment } from '../../../../shared/contract/services/transcriptionService';
import { TranscriptPanel } from '../TranscriptPanel';
import { createTranscriptStore, type TranscriptStore } from '../transcriptStore';
import { PlainTranscriptList } from './PlainTranscriptList';

export type RenderMode = 'virtual' | 'plain';

export interface RenderOptions {
  mode: RenderMode;
  segments: number;
  updatesPerSecond: number;
  seconds: number;
}

export interface RenderResult {
  mode: RenderMode;
  updates: number;
  updateMilliseconds: number[];
  frames: number;
  droppedFrames: number;
  longestFrameMilliseconds: number;
  domNodes: number;
  elapsedMilliseconds: number;
}

const FRAME_MILLISECONDS = 1000 / 60;
const WORDS =
  'ich wollte fragen ob sie heute nachmittag noch einen termin frei haben wegen der frist'.split(
    ' ',
  );

function lineText(index: number, words: number): string {
  return Array.from({ length: words }, (_, word) => WORDS[(index + word) % WORDS.length]).join(' ');
}

function segment(index: number, words: number, isFinal: boolean): TranscriptSegment {
  return {
    segmentId: `line-${index}`,
    callId: 'benchmark',
    speaker: index % 2 === 0 ? 'caller' : 'agent',
    text: lineText(index, words),
    isFinal,
    startSeconds: index * 3,
    endSeconds: index * 3 + 2.5,
  };
}

function filledStore(count: number): TranscriptStore {
  const store = createTranscriptStore('benchmark');
  store.getState().setKeywords(['Frist', 'Notfall']);
  for (let index = 0; index < count; index += 1) {
    store.getState().addSegment(segment(index, 6 + (index % 9), true));
  }
  return store;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export async function runRenderBenchmark(
  root: Root,
  options: RenderOptions,
): Promise<RenderResult> {
  const store = filledStore(options.segments);
  flushSync(() =>
    root.render(
      options.mode === 'virtual' ? (
        <TranscriptPanel store={store} />
      ) : (
        <PlainTranscriptList store={store} />
      ),
    ),
  );
  for (let frame = 0; frame < 30; frame += 1) await nextFrame();
  const domNodes = document.getElementsByTagName('*').length;
  const scroller = document.querySelector<HTMLElement>('.transcript-scroll')!;

  const frameTimes: number[] = [];
  let measuring = true;
  const onFrame = (time: number) => {
    frameTimes.push(time);
    if (measuring) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  const total = Math.round(options.updatesPerSecond * options.seconds);
  const costs: number[] = [];
  const started = performance.now();
  await new Promise<void>((resolve) => {
    let update = 0;
    const timer = setInterval(() => {
      // Ten interim updates grow the live line, then it turns final and a new line starts.
      const line = options.segments + Math.floor(update / 10);
      const step = update % 10;
      const before = performance.now();
      flushSync(() => store.getState().addSegment(segment(line, step + 2, step === 9)));
      void scroller.scrollHeight; // force style and layout into the measured time
      costs.push(performance.now() - before);
      update += 1;
      if (update >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1000 / options.updatesPerSecond);
  });
  const elapsed = performance.now() - started;
  await nextFrame();
  measuring = false;

  let dropped = 0;
  let longest = 0;
  for (let index = 1; index < frameTimes.length; index += 1) {
    const gap = frameTimes[index]! - frameTimes[index - 1]!;
    longest = Math.max(longest, gap);
    if (gap > FRAME_MILLISECONDS * 1.5) dropped += Math.round(gap / FRAME_MILLISECONDS) - 1;
  }
  flushSync(() => root.render(null));
  return {
    mode: options.mode,
    updates: costs.length,
    updateMilliseconds: costs,
    frames: frameTimes.length,
    droppedFrames: dropped,
    longestFrameMilliseconds: longest,
    domNodes,
    elapsedMilliseconds: elapsed,
  };
}
