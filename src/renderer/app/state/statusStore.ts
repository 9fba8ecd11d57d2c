/**
 * The status bar's items. The frame owns the host connection item and placeholders for SIP
 * registration and the portal; a feature fills a placeholder (or adds its own item) with
 * `registerStatusItem`, and the placeholder comes back when the feature unregisters.
 *
 * Texts are i18n keys with their namespace (`softphone:status.registered`), so the status bar
 * follows a language switch. Values MUST NOT contain personal data (numbers, names).
 */
import { createAppStore, type AppStore } from './appStore';

/** ok: working · pending: on its way · warning: degraded · error: broken · inactive: not set up */
export type StatusLevel = 'ok' | 'pending' | 'warning' | 'error' | 'inactive';

export interface StatusItem {
  id: string;
  /** Position in the bar, ascending. */
  order: number;
  labelKey: string;
  valueKey: string;
  valueOptions?: Record<string, string | number>;
  level: StatusLevel;
}

export const STATUS_ITEM_IDS = { host: 'host', sip: 'sip', portal: 'portal' } as const;

export const DEFAULT_STATUS_ITEMS: readonly StatusItem[] = [
  {
    id: STATUS_ITEM_IDS.host,
    order: 10,
    labelKey: 'app:status.host',
    valueKey: 'app:status.connected',
    level: 'ok',
  },
  {
    id: STATUS_ITEM_IDS.sip,
    order: 20,
    labelKey: 'app:status.sip',
    valueKey: 'app:status.notAvailableYet',
    level: 'inactive',
  },
  {
    id: STATUS_ITEM_IDS.portal,
    order: 30,
    labelKey: 'app:status.portal',
    valueKey: 'app:status.notAvailableYet',
    level: 'inactive',
  },
];

export interface StatusState {
  items: Readonly<Record<string, StatusItem>>;
  setItem(item: StatusItem): void;
  updateItem(id: string, change: Partial<Omit<StatusItem, 'id'>>): void;
  removeItem(id: string): void;
}

export type StatusStore = AppStore<StatusState>;

export function createStatusStore(
  initialItems: readonly StatusItem[] = DEFAULT_STATUS_ITEMS,
): StatusStore {
  return createAppStore<StatusState>((set) => ({
    items: Object.fromEntries(initialItems.map((item) => [item.id, item])),
    setItem: (item) => set((state) => ({ items: { ...state.items, [item.id]: item } })),
    updateItem: (id, change) =>
      set((state) => {
        const current = state.items[id];
        return current ? { items: { ...state.items, [id]: { ...current, ...change } } } : state;
      }),
    removeItem: (id) =>
      set((state) => {
        const { [id]: _removed, ...rest } = state.items;
        return { items: rest };
      }),
  }));
}

/**
 * Puts a feature's item into the bar (replacing a placeholder of the same id) and returns a
 * function that restores what was there before.
 */
export function registerStatusItem(store: StatusStore, item: StatusItem): () => void {
  const previous = store.getState().items[item.id];
  store.getState().setItem(item);
  return () => {
    if (previous) store.getState().setItem(previous);
    else store.getState().removeItem(item.id);
  };
}

/** Items in display order. */
export function sortedStatusItems(items: Readonly<Record<string, StatusItem>>): StatusItem[] {
  return Object.values(items).sort((left, right) => left.order - right.order);
}
