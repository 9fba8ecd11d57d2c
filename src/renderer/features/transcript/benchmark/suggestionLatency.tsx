/**
 * Suggestion latency as the agent sees it: from a final caller line arriving in the renderer to
 * its card in the DOM and painted, through the real path (call assist → contract client → web
 * shell host → built-in retrieval → back → React). No model is configured, so no model time.
 */
import { flushSync } from 'react-dom';
import type { Root } from 'react-dom/client';
import type { AppClient } from '../../../../shared/contract/appContract';
import { DEMO_CLIENTS } from '../../../../shared/demo/demoClients';
import { SuggestionsPanel } from '../../suggestions/SuggestionsPanel';
import { CallAssist } from '../session/callAssist';

export interface LatencySample {
  clientId: string;
  /** Request sent until the result is in the store (RPC + host retrieval). */
  answerMilliseconds: number;
  /** Final line until the card is in the DOM. */
  domMilliseconds: number;
  /** Final line until the frame after the card was committed (painted). */
  paintedMilliseconds: number;
}

const nextPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
  );

function waitForCard(container: HTMLElement, suggestionId: () => string | undefined) {
  return new Promise<number>((resolve) => {
    const check = () => {
      const id = suggestionId();
      if (id && container.querySelector(`[data-suggestion-id="${id}"]`)) {
        observer.disconnect();
        resolve(performance.now());
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => void check());
    observer.observe(container, { childList: true, subtree: true });
    check();
  });
}

export async function runSuggestionLatency(
  root: Root,
  container: HTMLElement,
  client: AppClient,
  rounds: number,
): Promise<LatencySample[]> {
  const samples: LatencySample[] = [];
  const perClient = Math.ceil(rounds / DEMO_CLIENTS.length);
  for (const profile of DEMO_CLIENTS) {
    const assist = new CallAssist({
      callId: `benchmark-${profile.id}`,
      clients: client,
      streams: async () => undefined,
      applyDraft: () => undefined,
    });
    await assist.begin(profile);
    flushSync(() => root.render(<SuggestionsPanel store={assist.suggestions} />));
    const texts = profile.approvedTexts.slice(0, perClient);
    for (const [index, text] of texts.entries()) {
      if (samples.length >= rounds) break;
      const before = assist.suggestions.getState().cards[0]?.suggestionId;
      const newest = () => {
        const id = assist.suggestions.getState().cards[0]?.suggestionId;
        return id !== before ? id : undefined;
      };
      let answered = 0;
      const unsubscribe = assist.suggestions.subscribe(() => {
        if (!answered && newest()) answered = performance.now();
      });
      const started = performance.now();
      assist.addSegment({
        segmentId: `question-${index}`,
        callId: assist.callId,
        speaker: 'caller',
        text: `Guten Tag, ich habe eine Frage zu ${text.title}.`,
        isFinal: true,
        startSeconds: index * 5,
        endSeconds: index * 5 + 3,
      });
      const inDom = await waitForCard(container, newest);
      const painted = await nextPaint();
      unsubscribe();
      samples.push({
        clientId: profile.id,
        answerMilliseconds: answered - started,
        domMilliseconds: inDom - started,
        paintedMilliseconds: painted - started,
      });
    }
    await assist.finish();
  }
  flushSync(() => root.render(null));
  return samples;
}
