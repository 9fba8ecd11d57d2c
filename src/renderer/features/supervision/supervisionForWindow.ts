/** The window's supervision store, created on first use per AppStores (fresh in every test). */
import type { AppStores } from '../../app/appStores';
import { createSupervisionStore, type SupervisionStore } from './supervisionStore';

const stores = new WeakMap<AppStores, SupervisionStore>();

export function supervisionStoreFor(appStores: AppStores): SupervisionStore {
  let store = stores.get(appStores);
  if (!store) {
    store = createSupervisionStore();
    stores.set(appStores, store);
  }
  return store;
}
