/**
 * Types for code that runs inside the page (`page.evaluate`). The e2e folder is compiled with
 * Node's type library only (no DOM, so shared code cannot use browser globals by accident);
 * page callbacks cast `globalThis` to this minimal shape instead. Types only: nothing here
 * exists at run time, which is what serialised page callbacks need.
 */
export interface PageStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}

export interface PageRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}

export interface PageDatabase {
  objectStoreNames: ArrayLike<string>;
  transaction(store: string): { objectStore(name: string): { getAll(): PageRequest<unknown[]> } };
  close(): void;
}

export interface PageGlobals {
  document: {
    documentElement: { outerHTML: string };
    activeElement: unknown;
    querySelectorAll(selector: string): ArrayLike<{ value: string }>;
  };
  localStorage: PageStorage;
  sessionStorage: PageStorage;
  indexedDB: {
    databases(): Promise<{ name?: string }[]>;
    open(name: string): PageRequest<PageDatabase>;
  };
  getComputedStyle(element: unknown): { outlineWidth: string; outlineStyle: string };
  TextDecoder: new () => { decode(bytes: ArrayBufferView): string };
}
