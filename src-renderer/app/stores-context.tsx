import { createContext, useContext } from 'react';
import type { RootStore } from '../stores/root-store';

const StoresContext = createContext<RootStore | null>(null);

/** Makes the root store available to every screen. */
export const StoresProvider = StoresContext.Provider;

/** The root store; screens take the stores they need from it. */
export function useStores(): RootStore {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('Invariant failed: useStores outside StoresProvider');
  return stores;
}
