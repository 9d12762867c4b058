// The prior fused with the labeller's constant-velocity forecast (issue 14, docs/real-gap.md "The
// prior fused with the forecast"). Contract:
//  - `forecastLabel(knowledge)`: the forecast label r that d(x) holds (model/knowledge.ts: the
//    pseudo labeller on constant velocity, hypothesis 0, one-hot at SLOT.label).
//  - `forecastCounts(samples)`: counts [z][r] of pseudo label z against forecast label r over samples
//    that carry d(x): the synthetic training pairs, what a shipped model may see (DESIGN.md 6b).
//  - `forecastTable(counts)`: log P(r | z), add-one (FUSION_SMOOTHING) and normalised per row z.
//  - `fuseForecast(params, table)`: `params` (the same tensors) plus the fixed table `prior/forecast`;
//    the prior is then p(z | x, d(x), r) ∝ p(z | x, d(x)) · P(r | z) (network.ts priorLogits), for
//    the app, eval, the joint set and every other caller alike. Never trained: a training run that
//    starts from a fused model keeps the table fixed (cli/lib/model-files.ts startParams).
// Why: the prior head reads d(x), r included, beside the encoder's context. On real scenes the
// context is off its training distribution and outvotes d(x) where the forecast is right (same-way
// and never-meeting pairs called interactions: docs/real-gap.md). The table is a second expert that
// reads r alone, calibrated on the same synthetic pairs; on synthetic scenes it counts r twice,
// which costs little there because the head already agrees with it where r is informative.
import * as tf from '@tensorflow/tfjs';
import { NETWORK } from './config';
import type { Sample } from './features';
import { SLOT } from './knowledge';
import { FORECAST_TABLE } from './layers';
import { priorKnowledgeDim, type Params } from './network';

const { modes: M } = NETWORK;

/** Add-one (Laplace) counts: no forecast label is impossible under any mode, however few pairs. */
export const FUSION_SMOOTHING = 1;

/** The constant-velocity forecast's label (0 A first, 1 B first, 2 none) from a d(x). */
export function forecastLabel(knowledge: Float32Array): number {
  let r = 0;
  for (let k = 1; k < M; k++) if (knowledge[SLOT.label + k]! > knowledge[SLOT.label + r]!) r = k;
  return r;
}

/** Counts [pseudo label z][forecast label r] over samples that carry d(x). */
export function forecastCounts(samples: readonly Sample[]): number[][] {
  const c = [...Array(M)].map(() => new Array<number>(M).fill(0));
  samples.forEach((s, i) => {
    if (!s.features.knowledge)
      throw new Error(`forecastCounts: sample ${i} (scene ${s.frame.scene}) carries no d(x)`);
    c[s.targets.label]![forecastLabel(s.features.knowledge)]!++;
  });
  return c;
}

/** log P(r | z) from counts [z][r], add-one and normalised per row. */
export function forecastTable(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => {
    const total = row.reduce((a, b) => a + b + FUSION_SMOOTHING, 0);
    return row.map((v) => Math.log((v + FUSION_SMOOTHING) / total));
  });
}

/** `params` with the fusion table (see the header); refuses a prior that does not read d(x). */
export function fuseForecast(params: Params, table: readonly (readonly number[])[]): Params {
  if (priorKnowledgeDim(params) === 0)
    throw new Error('fuseForecast: the prior does not read d(x), where the forecast label comes from');
  if (table.length !== M || table.some((row) => row.length !== M))
    throw new Error(`fuseForecast: the table must be ${M} x ${M} (mode z by forecast label r)`);
  return { ...params, [FORECAST_TABLE]: tf.variable(tf.tensor2d(table.map((r) => [...r])), false) };
}
