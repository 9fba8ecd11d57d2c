/**
 * Window-wide keys: Alt+1…9 switch areas (focus moves to the area's heading), `?` and F1 open
 * the shortcut help. `?` is ignored while typing, so it can still be entered in fields.
 */
import { useEffect } from 'react';
import { useAppEnvironment } from './AppEnvironment';
import type { AreaDefinition } from './areaDefinition';

const AREA_KEY = /^(?:Digit|Numpad)([1-9])$/;

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(
    target.type,
  );
}

export function useGlobalShortcuts(areas: readonly AreaDefinition[]): void {
  const { stores } = useAppEnvironment();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const navigation = stores.navigation.getState();
      const areaKey = AREA_KEY.exec(event.code);
      if (areaKey && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        const area = areas[Number(areaKey[1]) - 1];
        if (!area) return;
        event.preventDefault();
        navigation.setHelpOpen(false);
        navigation.showArea(area.id, { focus: true });
        return;
      }
      const plainQuestionMark =
        event.key === '?' && !event.altKey && !event.ctrlKey && !event.metaKey;
      if (event.key === 'F1' || (plainQuestionMark && !isTextEntry(event.target))) {
        event.preventDefault();
        navigation.setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [areas, stores]);
}
