/**
 * The one doorway to zustand (an excalidraw habit): features create stores with
 * `createAppStore` and read them with `useAppStore`, so the state library can be swapped or
 * instrumented in one place. Stores are created by factories, never as module singletons, so
 * every test and every window gets a fresh one.
 */
import { useStore } from 'zustand';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';

export type AppStore<State> = StoreApi<State>;

export function createAppStore<State>(initializer: StateCreator<State>): AppStore<State> {
  return createStore<State>()(initializer);
}

export function useAppStore<State, Selected>(
  store: AppStore<State>,
  selector: (state: State) => Selected,
): Selected {
  return useStore(store, selector);
}
