/**
 * Copy and quote for a card: the only things a suggestion can lead to, and only when the agent
 * clicks. The result is shown next to the buttons for a few seconds.
 */
import { useCallback, useEffect, useState } from 'react';
import type { QuoteResult } from '../transcript/session/quoteQueue';

export type CardActionResult = 'copied' | 'copyFailed' | 'quoted' | 'queued' | 'quoteFailed';

const NOTICE_MILLISECONDS = 4000;

export function useCardActions(text: string, onQuote?: () => QuoteResult) {
  const [result, setResult] = useState<CardActionResult>();
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(undefined), NOTICE_MILLISECONDS);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = useCallback(async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult(copyBySelection(text) ? 'copied' : 'copyFailed');
    }
  }, [text]);
  const quote = useCallback(() => {
    const quoted = onQuote?.() ?? 'failed';
    setResult(quoted === 'failed' ? 'quoteFailed' : quoted);
  }, [onQuote]);
  return { result, copy, quote };
}

/**
 * Fallback for shells that deny the asynchronous clipboard permission (the Electron shell
 * denies every permission but the microphone): copying a selection during the click needs none.
 */
function copyBySelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.className = 'suggestion-copy-buffer';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}
