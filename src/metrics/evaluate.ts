// Scoring the predictors of the registry (model/registry.ts) on a set of (scene, pair, step)
// requests (DESIGN.md section 6a): joint displacement, miss and overlap for any predictor, and for
// the CVAEs the latent against the pseudo label. Every prediction comes from model/predictors.ts
// predictPairs, the same function the app's worker and file-level run call, and is scored in scene
// coordinates against sceneTruth. Shared by `npm run eval` and the test that checks the shipped
// weights reproduce docs/results.json.
import { EVAL_SAMPLES, NETWORK } from '../model/config';
import type { Params } from '../model/network';
import { pairZSensitivity, predictPairs, type PairRequest, type PairResult } from '../model/predictors';
import { PREDICTOR_IDS, type PredictorId } from '../model/registry';
import { interactingPair, isValid, type Scene } from '../scene/scene';
import {
  argmax,
  entropy,
  HORIZONS,
  isMiss,
  jointTrajectory,
  meanDistance,
  minDisplacement,
  mutualInformation,
  overlaps,
  sceneTruth,
} from './index';

const M = NETWORK.modes;
/** Joint predictions per CVAE: the same number per mode. */
export const PER_MODE = EVAL_SAMPLES / M;
/** Requests per predictPairs call: the batch the model sees (and the seeded draws are made in). */
const BATCH = 64;
/** Test-split samples that results.json scores on their own, for the reproduction test. */
export const REPRODUCE_SAMPLES = 24;

export interface ModelReport {
  scenes: number;
  minADE: Record<string, number>;
  minFDE: Record<string, number>;
  missRate: Record<string, number>;
  overlapRate: number;
  latent?: {
    priorAccuracy: number;
    posteriorAccuracy: number;
    meanKL: number;
    miPriorBits: number;
    miPosteriorBits: number;
    labelEntropyBits: number;
    /** Mean over scenes of the mean pairwise distance (m) between the modes' most likely joint futures. */
    modeSpreadM: number;
    /** Same, decoding every mode with one shared goal: what z alone changes in the trajectory. */
    zSensitivityM: number;
    confusion: number[][];
  };
}

/** A result's joint predictions, most probable mode first (so [0] is the most likely one). */
function jointPredictions(r: PairResult): Float32Array[] {
  return [...r.modes]
    .sort((x, y) => y.probability - x.probability)
    .flatMap((m) => m.samples.map(jointTrajectory));
}

async function inBatches<T>(reqs: PairRequest[], run: (batch: PairRequest[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < reqs.length; i += BATCH) out.push(...(await run(reqs.slice(i, i + BATCH))));
  return out;
}

/** Displacement, miss and overlap of predictions against the real futures of their requests. */
function scoreTrajectories(reqs: PairRequest[], results: PairResult[]): ModelReport {
  const sums = { ade: [0, 0, 0], fde: [0, 0, 0], miss: [0, 0, 0], n: [0, 0, 0], overlap: 0 };
  results.forEach((res, j) => {
    const { scene } = reqs[j]!;
    const preds = jointPredictions(res);
    const truth = sceneTruth(scene, res.a, res.b, res.t);
    HORIZONS.forEach((h, k) => {
      const d = minDisplacement(preds, truth, h);
      if (!d) return;
      sums.ade[k]! += d.minADE;
      sums.fde[k]! += d.minFDE;
      sums.miss[k]! += isMiss(preds, truth, h) ? 1 : 0;
      sums.n[k]!++;
    });
    if (overlaps(scene, res.a, res.b, res.t, preds[0]!)) sums.overlap++;
  });
  const per = (v: number[]) =>
    Object.fromEntries(HORIZONS.map((h, k) => [`${h.seconds}s`, v[k]! / sums.n[k]!]));
  return {
    scenes: reqs.length,
    minADE: per(sums.ade),
    minFDE: per(sums.fde),
    missRate: per(sums.miss),
    overlapRate: sums.overlap / reqs.length,
  };
}

/** The latent against the pseudo label: accuracy of prior and posterior, KL, information, spread. */
async function scoreLatent(
  id: PredictorId,
  params: Params,
  reqs: PairRequest[],
): Promise<NonNullable<ModelReport['latent']>> {
  // one sample per mode (its most likely goal) for the spread, and the posterior given the future
  const results = await inBatches(reqs, (b) => predictPairs(id, params, b, { samplesPerMode: 1 }));
  const shared = await inBatches(reqs, (b) => pairZSensitivity(params, b));
  const confusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const postTable = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const labels = new Array<number>(M).fill(0);
  let priorHit = 0;
  let postHit = 0;
  let kl = 0;
  let spread = 0;
  results.forEach((r) => {
    const posterior = r.posterior!;
    const zp = argmax(r.prior);
    const zq = argmax(posterior);
    confusion[zp]![r.label]!++;
    postTable[zq]![r.label]!++;
    labels[r.label]!++;
    if (zp === r.label) priorHit++;
    if (zq === r.label) postHit++;
    for (let z = 0; z < M; z++) {
      const q = posterior[z]!;
      if (q > 0) kl += q * Math.log(q / Math.max(r.prior[z]!, 1e-12));
    }
    const trajs = r.modes.map((m) => jointTrajectory(m.samples[0]!));
    let pairs = 0;
    let d = 0;
    for (let a = 0; a < M; a++)
      for (let b = a + 1; b < M; b++) {
        d += meanDistance(trajs[a]!, trajs[b]!);
        pairs++;
      }
    spread += d / pairs;
  });
  const n = reqs.length;
  return {
    priorAccuracy: priorHit / n,
    posteriorAccuracy: postHit / n,
    meanKL: kl / n,
    miPriorBits: mutualInformation(confusion),
    miPosteriorBits: mutualInformation(postTable),
    labelEntropyBits: entropy(labels),
    modeSpreadM: spread / n,
    zSensitivityM: shared.reduce((s, v) => s + v, 0) / n,
    confusion,
  };
}

/**
 * Metrics of predictor `id` (its weights in `params`; null for constant velocity) on `reqs`; the
 * requests' pairs must be valid at their step. CVAEs give EVAL_SAMPLES joint predictions (PER_MODE
 * per mode) and a latent report; constant velocity gives one.
 */
export async function evaluatePredictor(
  id: PredictorId,
  params: Params | null,
  reqs: PairRequest[],
): Promise<ModelReport> {
  const results = await inBatches(reqs, (b) =>
    predictPairs(id, params, b, { samplesPerMode: PER_MODE, posterior: false }),
  );
  const report = scoreTrajectories(reqs, results);
  if (params && id !== 'constant_velocity') report.latent = await scoreLatent(id, params, reqs);
  return report;
}

/** Every predictor of the registry that can run: constant velocity, and each one given weights. */
export async function evaluateAll(
  reqs: PairRequest[],
  weights: Partial<Record<PredictorId, Params>>,
): Promise<Record<string, ModelReport>> {
  const out: Record<string, ModelReport> = {};
  // the baseline first, so every table reads from it
  const ids = [...PREDICTOR_IDS].sort((x, y) => +(y === 'constant_velocity') - +(x === 'constant_velocity'));
  for (const id of ids) {
    const params = weights[id] ?? null;
    if (id !== 'constant_velocity' && !params) continue;
    out[id] = await evaluatePredictor(id, params, reqs);
  }
  return out;
}

/** One request per scene: its interacting pair (DESIGN.md section 5) at step t, where both are valid. */
export function interactingRequests(scenes: Scene[], t: number): PairRequest[] {
  return scenes.flatMap((scene) => {
    const pair = interactingPair(scene);
    if (!pair || t >= scene.tracks.steps) return [];
    const [a, b] = pair;
    return isValid(scene.tracks, a, t) && isValid(scene.tracks, b, t) ? [{ scene, a, b, t }] : [];
  });
}
