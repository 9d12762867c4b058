// What each mode's own most likely future means to the pseudo labeller (labels/forecast.ts), one
// place for the mode table and the file-level run: the label of the mode's first own sample (not a
// kinematic anchor), or null where it has none. A submission's modes already carry it
// (metrics/submission.ts labels each future while matching), so they are not labelled twice, and
// the model worker's predictions carry them computed there (PairPrediction.readings). About a
// millisecond a mode otherwise.
import type { LabelIndex } from '../../labels';
import { labelFuture } from '../../labels/forecast';
import type { Scene } from '../../scene/scene';
import type { PairResult } from '../../model/predictors';
import type { PairPrediction } from '../model-protocol';

/** Per mode of `p` (a prediction for `scene`): the pseudo label of its own most likely future, or null. */
export function modeReadings(
  scene: Scene,
  p: PairResult & Pick<PairPrediction, 'readings'>,
): (LabelIndex | null)[] {
  if (p.readings) return p.readings;
  return p.modes.map((m) => {
    if ('labelIndex' in m && typeof m.labelIndex === 'number') return m.labelIndex as LabelIndex;
    const s = m.samples.find((x) => x.source !== 'kinematic');
    return s ? labelFuture(scene, p.a, p.b, p.t, s.a, s.b).label : null;
  });
}
