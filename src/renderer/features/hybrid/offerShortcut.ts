/**
 * The answer key also takes escalation offers: Alt+A (and the host's global "answer" shortcut)
 * accepts the offer that has rung longest, but only while no call rings — a ringing call is the
 * softphone's to answer, and one key press must never take two callers at once.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { OfferView } from './hybridStore';

/** The offer the answer key takes now, if any: the longest-ringing one when no call rings. */
export function offerForAnswerKey(
  offers: readonly OfferView[],
  callRinging: boolean,
): string | undefined {
  if (callRinging) return undefined;
  return offers.find((view) => view.phase === 'ringing')?.offer.offerId;
}

/** Alt+A without other modifiers, as the softphone's shortcut reads it (by key position). */
export function isAnswerKey(event: KeyboardEvent): boolean {
  return (
    event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyA'
  );
}

/**
 * Calls `answer` on Alt+A in the window and on the host's global answer shortcut (Electron);
 * returns the unsubscribe.
 */
export function followAnswerKey(
  client: Pick<AppClient, 'system'>,
  answer: () => boolean,
): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isAnswerKey(event)) return;
    if (answer()) event.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown);
  // Test environments and older hosts may have no system events.
  const subscribe = client.system?.onGlobalShortcut;
  const unsubscribe =
    typeof subscribe === 'function'
      ? subscribe(({ action }) => {
          if (action === 'answer') answer();
        })
      : () => undefined;
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    unsubscribe();
  };
}
