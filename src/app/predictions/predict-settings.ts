// One way to change the prediction settings from the panel: merge a patch into the store's
// current `predict`, so two controls never overwrite each other's fields.
import type { PredictSettings, Store } from '../store';

export function setPredict(store: Store, patch: Partial<PredictSettings>): void {
  store.set({ predict: { ...store.get().predict, ...patch } });
}
