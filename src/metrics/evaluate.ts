// Scoring predictors on a set of samples (DESIGN.md section 6a): joint displacement, miss and
// overlap for any predictor, and for the CVAEs the latent against the pseudo label. Shared by
// `npm run eval` and the tests that check the shipped weights reproduce docs/results.json.
import { EVAL_SAMPLES, NETWORK, type Variant } from '../model/config';
import type { Sample } from '../model/features';
import type { Params } from '../model/network';
import { constantVelocity, latentProbabilities, predictFrames, zSensitivity } from '../model/predict';
import type { Scene } from '../scene/scene';
import {
  argmax,
  entropy,
  HORIZONS,
  isMiss,
  meanDistance,
  minDisplacement,
  mutualInformation,
  overlaps,
  type JointTruth,
} from './index';

const M = NETWORK.modes;
/** Joint predictions per CVAE: the same number per mode. */
export const PER_MODE = EVAL_SAMPLES / M;
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

function truthOf(s: Sample): JointTruth {
  return {
    future: s.targets.future,
    mask: s.targets.futureMask,
    speed: s.frame.speed,
    heading: [0, s.frame.localHeading[1]],
  };
}

/** Metrics of one predictor; `predict` gives per sample its joint predictions, most likely first. */
export async function evaluatePredictor(
  samples: Sample[],
  scenes: Map<string, Scene>,
  predict: (batch: Sample[]) => Promise<Float32Array[][]>,
): Promise<ModelReport> {
  const sums = { ade: [0, 0, 0], fde: [0, 0, 0], miss: [0, 0, 0], n: [0, 0, 0], overlap: 0 };
  for (let i = 0; i < samples.length; i += BATCH) {
    const batch = samples.slice(i, i + BATCH);
    const preds = await predict(batch);
    batch.forEach((s, j) => {
      const truth = truthOf(s);
      HORIZONS.forEach((h, k) => {
        const d = minDisplacement(preds[j]!, truth, h);
        if (!d) return;
        sums.ade[k]! += d.minADE;
        sums.fde[k]! += d.minFDE;
        sums.miss[k]! += isMiss(preds[j]!, truth, h) ? 1 : 0;
        sums.n[k]!++;
      });
      if (overlaps(scenes.get(s.frame.scene)!, s.frame, preds[j]![0]!)) sums.overlap++;
    });
  }
  const per = (v: number[]) =>
    Object.fromEntries(HORIZONS.map((h, k) => [`${h.seconds}s`, v[k]! / sums.n[k]!]));
  return {
    scenes: samples.length,
    minADE: per(sums.ade),
    minFDE: per(sums.fde),
    missRate: per(sums.miss),
    overlapRate: sums.overlap / samples.length,
  };
}

export async function evaluateCVAE(
  samples: Sample[],
  scenes: Map<string, Scene>,
  params: Params,
): Promise<ModelReport> {
  const report = await evaluatePredictor(samples, scenes, async (batch) => {
    const out = await predictFrames(
      params,
      batch.map((s) => s.features),
      { samplesPerMode: PER_MODE },
    );
    // most probable mode first, so the overlap check takes the most likely joint prediction
    return out.map((modes) =>
      [...modes]
        .sort((a, b) => b.probability - a.probability)
        .flatMap((m) => m.samples.map((s) => s.trajectory)),
    );
  });
  const confusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const postTable = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const labels = new Array<number>(M).fill(0);
  let priorHit = 0;
  let postHit = 0;
  let kl = 0;
  let spread = 0;
  let zSens = 0;
  for (let i = 0; i < samples.length; i += BATCH) {
    const batch = samples.slice(i, i + BATCH);
    const fs = batch.map((s) => s.features);
    const { prior, posterior } = await latentProbabilities(
      params,
      fs,
      batch.map((s) => s.targets),
    );
    const modes = await predictFrames(params, fs, { samplesPerMode: 1 });
    const shared = await zSensitivity(params, fs);
    batch.forEach((s, j) => {
      const label = s.targets.label;
      const zp = argmax(prior[j]!);
      const zq = argmax(posterior[j]!);
      confusion[zp]![label]!++;
      postTable[zq]![label]!++;
      labels[label]!++;
      if (zp === label) priorHit++;
      if (zq === label) postHit++;
      for (let z = 0; z < M; z++) {
        const q = posterior[j]![z]!;
        if (q > 0) kl += q * Math.log(q / Math.max(prior[j]![z]!, 1e-12));
      }
      const trajs = modes[j]!.map((m) => m.samples[0]!.trajectory);
      let pairs = 0;
      let d = 0;
      for (let a = 0; a < M; a++)
        for (let b = a + 1; b < M; b++) {
          d += meanDistance(trajs[a]!, trajs[b]!);
          pairs++;
        }
      spread += d / pairs;
      zSens += shared[j]!;
    });
  }
  const n = samples.length;
  report.latent = {
    priorAccuracy: priorHit / n,
    posteriorAccuracy: postHit / n,
    meanKL: kl / n,
    miPriorBits: mutualInformation(confusion),
    miPosteriorBits: mutualInformation(postTable),
    labelEntropyBits: entropy(labels),
    modeSpreadM: spread / n,
    zSensitivityM: zSens / n,
    confusion,
  };
  return report;
}

export async function evaluateAll(
  samples: Sample[],
  scenes: Map<string, Scene>,
  models: Partial<Record<Variant, Params>>,
) {
  const out: Record<string, ModelReport> = {};
  out.constant_velocity = await evaluatePredictor(samples, scenes, async (batch) =>
    batch.map((s) => [constantVelocity(s.features)]),
  );
  for (const [name, params] of Object.entries(models))
    out[name] = await evaluateCVAE(samples, scenes, params);
  return out;
}
