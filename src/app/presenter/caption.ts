// What presenter mode's caption says, as plain strings (no DOM): an interaction in words ("B yields
// to A", from the pseudo label and the labels' yielder, labels/index.ts PairDetail), and each mode
// of a prediction with its probability ("B yields to A · 58%"). A mode of a model whose modes mean
// the labels is named by its label, and by who yields where the mode's own most likely future (the
// labeller on it, labels/forecast.ts, nothing after the step seen) has that label and a yielder;
// other models' modes keep their registry names ("mode 2", "A brakes · B keeps", "future 1").
import { LABEL_NAMES, type PairLabel } from '../../labels';
import { labelFuture } from '../../labels/forecast';
import { getPredictor, modeName } from '../../model/registry';
import type { Scene } from '../../scene/scene';
import type { PairPrediction } from '../model-protocol';

/** An interaction in words: "B yields to A" where the later agent yielded, else the label's name. */
export function interactionPhrase(l: Pick<PairLabel, 'label' | 'yielder'>): string {
  if (l.yielder) return `${l.yielder} yields to ${l.yielder === 'A' ? 'B' : 'A'}`;
  return LABEL_NAMES[l.label];
}

export interface ModePhrase {
  mode: number;
  /** "B yields to A", "no interaction", "mode 2", ... */
  name: string;
  probability: number;
}

/**
 * Each mode of the prediction named for the caption, in the model's order. `scene` must be the
 * prediction's scene (the labeller reads its history and map); about a millisecond a mode.
 */
export function modePhrases(prediction: PairPrediction, scene: Scene): ModePhrase[] {
  const meansLabels = getPredictor(prediction.variant).modesMeanLabels;
  return prediction.modes.map((m) => {
    let name = modeName(prediction.variant, m.mode, m.label);
    const own = m.samples.find((s) => s.source !== 'kinematic');
    if (meansLabels && own && scene.id === prediction.sceneId) {
      const d = labelFuture(scene, prediction.a, prediction.b, prediction.t, own.a, own.b);
      if (d.label === m.mode) name = interactionPhrase(d);
    }
    return { mode: m.mode, name, probability: m.probability };
  });
}

/** A probability as the caption writes it: a whole percent. */
export const percent = (p: number) => `${Math.round(100 * p)}%`;
