import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GLOBAL_SHORTCUTS,
  type GlobalShortcutAction,
} from '../../shared/contract/services/settingsService';
import { GlobalShortcutFake } from './electronApiFake';
import { createGlobalShortcutKeys } from './globalShortcuts';

function keysWithFake() {
  const globalShortcut = new GlobalShortcutFake();
  const actions: GlobalShortcutAction[] = [];
  const logs: Record<string, unknown>[] = [];
  const keys = createGlobalShortcutKeys({
    globalShortcut,
    onAction: (action) => actions.push(action),
    log: (entry) => logs.push(entry),
  });
  return { globalShortcut, actions, logs, keys };
}

describe('global shortcuts', () => {
  it('registers answer, hang up and mute and runs the action when pressed', () => {
    const { globalShortcut, actions, keys } = keysWithFake();
    expect(keys.apply(DEFAULT_GLOBAL_SHORTCUTS)).toEqual({
      active: ['answer', 'hangUp', 'mute'],
      refused: [],
    });
    expect(globalShortcut.press('CommandOrControl+Alt+A')).toBe(true);
    expect(globalShortcut.press('CommandOrControl+Alt+M')).toBe(true);
    expect(globalShortcut.press('CommandOrControl+Alt+E')).toBe(true);
    expect(actions).toEqual(['answer', 'mute', 'hangUp']);
  });

  it('replaces the keys when the settings change and leaves "" off', () => {
    const { globalShortcut, actions, keys } = keysWithFake();
    keys.apply(DEFAULT_GLOBAL_SHORTCUTS);
    keys.apply({ answer: 'Alt+F9', hangUp: 'Ctrl+Shift+F10', mute: '' });
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+F9', 'Ctrl+Shift+F10']);
    expect(globalShortcut.press('CommandOrControl+Alt+A')).toBe(false);
    globalShortcut.press('Ctrl+Shift+F10');
    expect(actions).toEqual(['hangUp']);
  });

  it('reports a key another program holds, and a key given twice, as refused', () => {
    const { globalShortcut, logs, keys } = keysWithFake();
    globalShortcut.taken.add('CommandOrControl+Alt+A');
    expect(
      keys.apply({ ...DEFAULT_GLOBAL_SHORTCUTS, mute: DEFAULT_GLOBAL_SHORTCUTS.hangUp }),
    ).toEqual({ active: ['hangUp'], refused: ['answer', 'mute'] });
    expect(logs.at(-1)).toEqual({
      event: 'global-shortcuts',
      active: ['hangUp'],
      refused: ['answer', 'mute'],
    });
  });

  it('releases every key on dispose (quit), and only its own', () => {
    const { globalShortcut, keys } = keysWithFake();
    globalShortcut.register('Ctrl+Q', () => undefined);
    keys.apply(DEFAULT_GLOBAL_SHORTCUTS);
    keys.dispose();
    expect([...globalShortcut.registered.keys()]).toEqual(['Ctrl+Q']);
  });
});
