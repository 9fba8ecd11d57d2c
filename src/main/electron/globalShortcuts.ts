/**
 * Global shortcuts for answer / hang up / mute: they work while another program has the focus
 * (an agent typing in the client's CRM answers without switching windows). Registered from the
 * settings (`globalShortcuts`, "" = off) and re-registered whenever those change; a key another
 * program already holds is reported, never retried in a loop. Pressing one asks the page to run
 * the same action as its in-window key (the system service's `onGlobalShortcut` event).
 */
import {
  GLOBAL_SHORTCUT_ACTIONS,
  type GlobalShortcutAction,
  type GlobalShortcuts,
} from '../../shared/contract/services/settingsService';
import type { GlobalShortcutLike } from './electronApi';

export interface GlobalShortcutRegistration {
  /** Actions whose key is active now. */
  active: GlobalShortcutAction[];
  /** Actions whose key could not be registered (held by the OS or another program). */
  refused: GlobalShortcutAction[];
}

export interface GlobalShortcutKeys {
  /** Registers `shortcuts` in place of the previous ones. */
  apply(shortcuts: GlobalShortcuts): GlobalShortcutRegistration;
  dispose(): void;
}

export function createGlobalShortcutKeys(options: {
  globalShortcut: GlobalShortcutLike;
  onAction(action: GlobalShortcutAction): void;
  /** Abstract outcome only (action names), never key text typed elsewhere. */
  log(entry: Record<string, unknown>): void;
}): GlobalShortcutKeys {
  let registered: string[] = [];
  const release = (): void => {
    for (const accelerator of registered) options.globalShortcut.unregister(accelerator);
    registered = [];
  };
  return {
    apply(shortcuts) {
      release();
      const result: GlobalShortcutRegistration = { active: [], refused: [] };
      const used = new Set<string>();
      for (const action of GLOBAL_SHORTCUT_ACTIONS) {
        const accelerator = shortcuts[action];
        if (accelerator === '') continue;
        // One key for two actions would do only the first: the second is refused, visibly.
        if (used.has(accelerator)) {
          result.refused.push(action);
          continue;
        }
        used.add(accelerator);
        let done = false;
        try {
          done = options.globalShortcut.register(accelerator, () => options.onAction(action));
        } catch {
          // Electron throws for an accelerator it cannot parse; the schema should prevent it.
        }
        if (done) {
          registered.push(accelerator);
          result.active.push(action);
        } else result.refused.push(action);
      }
      options.log({ event: 'global-shortcuts', active: result.active, refused: result.refused });
      return result;
    },
    dispose: release,
  };
}
