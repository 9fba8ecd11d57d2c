/**
 * The window's hybrid store and the actions on it, created on first use per AppStores (every
 * window and every test with fresh stores gets its own). The handover gate is the softphone's.
 */
import type { AppStores } from '../../app/appStores';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useSoftphone } from '../softphone/softphoneContext';
import { createHybridStore, type HybridStore } from './hybridStore';
import type { OfferActionsOptions } from './offerActions';

const stores = new WeakMap<AppStores, HybridStore>();

export function hybridStoreFor(appStores: AppStores): HybridStore {
  let store = stores.get(appStores);
  if (!store) {
    store = createHybridStore();
    stores.set(appStores, store);
  }
  return store;
}

/** The store and what the actions need, for the component's window. */
export function useHybrid(): OfferActionsOptions & { store: HybridStore } {
  const { stores: appStores, client } = useAppEnvironment();
  const softphone = useSoftphone();
  return { store: hybridStoreFor(appStores), client, handover: softphone.engine.handover };
}
