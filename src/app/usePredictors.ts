// React reads the predictor registry (model/registry.ts): the shipped entries and those registered
// at run time (models-local/ via the dev server, folders opened from disk); a registration re-renders.
import { useSyncExternalStore } from 'react';
import { onPredictorsChange, predictorList, type Predictor } from '../model/registry';

export function usePredictors(): readonly Predictor[] {
  return useSyncExternalStore(onPredictorsChange, predictorList);
}
