/**
 * Which work area is shown, which areas have been opened (they stay mounted, hidden, so a call
 * or a half-filled form survives switching away), and whether the shortcut help is open.
 */
import { createAppStore, type AppStore } from './appStore';

export interface NavigationState {
  activeArea: string;
  mountedAreas: readonly string[];
  helpOpen: boolean;
  /** Counts switches made by keyboard, so the frame moves focus to the new area's heading. */
  focusRequest: number;
  showArea(areaId: string, options?: { focus?: boolean }): void;
  setHelpOpen(open: boolean): void;
}

export type NavigationStore = AppStore<NavigationState>;

export function createNavigationStore(
  initialArea: string,
  mountAtStart: readonly string[] = [],
): NavigationStore {
  return createAppStore<NavigationState>((set) => ({
    activeArea: initialArea,
    mountedAreas: [...new Set([initialArea, ...mountAtStart])],
    helpOpen: false,
    focusRequest: 0,
    showArea: (areaId, options) =>
      set((state) => ({
        activeArea: areaId,
        mountedAreas: state.mountedAreas.includes(areaId)
          ? state.mountedAreas
          : [...state.mountedAreas, areaId],
        focusRequest: options?.focus ? state.focusRequest + 1 : state.focusRequest,
      })),
    setHelpOpen: (open) => set({ helpOpen: open }),
  }));
}
