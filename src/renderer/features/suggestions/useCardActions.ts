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
      setResult('copyFailed');
    }
  }, [text]);
  const quote = useCallback(() => {
    const quoted = onQuote?.() ?? 'failed';
    setResult(quoted === 'failed' ? 'quoteFailed' : quoted);
  }, [onQuote]);
  return { result, copy, quote };
}
