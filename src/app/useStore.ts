// React reads a slice of the viewer store and re-renders only when that slice changes; the time,
// which changes every frame, is never read this way (components that show it write to the DOM).
import { useCallback, useSyncExternalStore } from 'react';
import type { Store, ViewerState } from './store';

export function useStore<T>(store: Store, select: (s: ViewerState) => T): T {
  const subscribe = useCallback((cb: () => void) => store.subscribe(cb), [store]);
  return useSyncExternalStore(subscribe, () => select(store.get()));
}
