/**
 * Window-wide keys for the four things an agent does without looking: Alt+A answer,
 * Alt+E end (hang up, or decline a ringing call), Alt+M mute, Alt+H hold/resume. Alt+digits
 * belong to the frame's area switching; these letters are free there and in Chromium.
 * In Electron the host also reports global shortcuts (answer, hang up, mute while another
 * program has the focus: settings `globalShortcuts`); they run the same actions.
 */
import { useEffect } from 'react';
import type { AppClient } from '../../../shared/contract/appContract';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { CallState } from '../../../shared/domain/callState';
import { focusedLeg, ringingLegs } from './callStore';
import type { Softphone } from './softphoneContext';

export const SOFTPHONE_SHORTCUTS = [
  { action: 'answer', key: 'A', code: 'KeyA' },
  { action: 'hangUp', key: 'E', code: 'KeyE' },
  { action: 'mute', key: 'M', code: 'KeyM' },
  { action: 'hold', key: 'H', code: 'KeyH' },
] as const;

export type SoftphoneShortcut = (typeof SOFTPHONE_SHORTCUTS)[number]['action'];

/** Runs one shortcut against the current calls; returns false when it had nothing to do. */
export function runSoftphoneShortcut(softphone: Softphone, action: SoftphoneShortcut): boolean {
  const state = softphone.store.getState();
  const calls = softphone.engine.calls;
  const ringing = ringingLegs(state)[0];
  const focused = focusedLeg(state);
  switch (action) {
    case 'answer':
      if (!ringing) return false;
      void calls.answer(ringing.id);
      return true;
    case 'hangUp':
      if (focused && focused.state !== CallState.Ringing) {
        void calls.hangUp(focused.id);
        return true;
      }
      if (!ringing) return false;
      void calls.decline(ringing.id);
      return true;
    case 'mute':
      if (!focused || focused.state === CallState.Ringing) return false;
      calls.setMuted(focused.id, !focused.muted);
      return true;
    case 'hold':
      if (!focused) return false;
      if (focused.state === CallState.Active) void calls.setHold(focused.id, true);
      else if (focused.state === CallState.Held) void calls.swap(focused.id);
      else return false;
      return true;
  }
}

/** Runs the host's global shortcuts (Electron) on this softphone; returns the unsubscribe. */
export function followGlobalShortcuts(
  client: Pick<AppClient, 'system'>,
  softphone: Softphone,
): () => void {
  // Test environments and older hosts may have no system events: nothing to follow then.
  const subscribe = client.system?.onGlobalShortcut;
  if (typeof subscribe !== 'function') return () => undefined;
  return subscribe(({ action }) => {
    runSoftphoneShortcut(softphone, action);
  });
}

export function useSoftphoneShortcuts(softphone: Softphone): void {
  const { client } = useAppEnvironment();
  useEffect(() => followGlobalShortcuts(client, softphone), [client, softphone]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.shiftKey) return;
      const shortcut = SOFTPHONE_SHORTCUTS.find((candidate) => candidate.code === event.code);
      if (!shortcut) return;
      event.preventDefault();
      runSoftphoneShortcut(softphone, shortcut.action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [softphone]);
}
