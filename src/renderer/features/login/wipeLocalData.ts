/**
 * After an explicit logout: deletes every IndexedDB database of this origin (notes outbox, call
 * records, vault keys) and the in-memory query cache, so nothing of the user stays on the desk.
 * The caller reloads the window afterwards, which drops every remaining in-memory state.
 */
import type { QueryClient } from '@tanstack/react-query';
import { Dexie } from 'dexie';

export async function wipeLocalData(queryClient: QueryClient): Promise<void> {
  queryClient.clear();
  const names = await Dexie.getDatabaseNames();
  // Dexie closes its own open connections on the delete's version change, so this never blocks.
  await Promise.all(names.map((name) => Dexie.delete(name)));
}
