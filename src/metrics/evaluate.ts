// Scoring the predictors of the registry (model/registry.ts) on a set of (scene, pair, step)
// requests (DESIGN.md section 6a): joint displacement, miss, overlap and WOMD mAP for any
// predictor, and for the CVAEs the latent against the pseudo label. Every prediction comes from
// model/predictors.ts predictPairs, the same function the app's worker and file-level run call,
// in batches through the loop the file-level run uses (model/batch-run.ts, via predictInBatches),
// and is scored in scene coordinates against sceneTruth. Scores are kept per pair, so a figure can
// be resampled by scenario for a bootstrap interval (stats.ts; DESIGN.md 6b). A CVAE's 6 joint
// predictions are its joint set (model/joint-set.ts): PER_MODE samples per mode plus
// JOINT_SET.anchors kinematic anchors, cut to EVAL_SAMPLES by dropping the CVAE samples with the
// lowest p(z|x) · w_component (never an anchor); the latent figures use the model's own samples.
// What the futures mean (labels/forecast.ts: the pseudo labeller run on a predicted future, nothing
// after t seen): for every predictor the label of its likeliest joint prediction against the pseudo
// label of what happened, and for the CVAEs the mode consistency, the share of modes whose own most
// likely future gets that mode's label (only meaningful where modes are trained to mean labels). Shared by
// `npm run eval` and the test that checks the shipped weights reproduce docs/results.json.
import { EVAL_SAMPLES, JOINT_SET, NETWORK, VARIANTS, type JointRule } from '../model/config';
import type { Params } from '../model/network';
import {
  activeBackend,
  pairZSensitivity,
  predictInBatches,
  type BatchOutcome,
  type PairRequest,
  type PairResult,
} from '../model/predictors';
import { batchSizeFor, runInBatches } from '../model/batch-run';
import { isBaseline, SHIPPED_IDS, type PredictorId } from '../model/registry';
import { benchmarkPairList, type SceneBenchmarkPair } from '../labels/pairs';
import { labelFuture } from '../labels/forecast';
import { BENCHMARK_STEPS, benchmarkScenes } from '../model/dataset';
import { MIN_STEP } from '../model/features';
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
import {
  meanAveragePrecision,
  pairTrajectoryType,
  scoreScene,
  type SceneMapRecord,
  type ScoredJoint,
} from './map';
import { balancedAccuracy, bootstrapCIs, type BootstrapOptions, type Interval } from './stats';

const M = NETWORK.modes;
/** Joint predictions per CVAE: the same number per mode. */
export const PER_MODE = EVAL_SAMPLES / M;
/** Test-split samples that results.json scores on their own, for the reproduction test. */
export const REPRODUCE_SAMPLES = 24;

export interface ModelReport {
  /** Pairs scored (one request each). */
  scenes: number;
  minADE: Record<string, number>;
  minFDE: Record<string, number>;
  missRate: Record<string, number>;
  overlapRate: number;
  /** WOMD mAP and soft mAP (metrics/map.ts) per horizon; joint predictions ranked by mode probability. */
  mAP?: Record<string, number>;
  softMAP?: Record<string, number>;
  latent?: {
    priorAccuracy: number;
    posteriorAccuracy: number;
    /** Mean recall over the labels present (stats.ts balancedAccuracy), prior and posterior. */
    priorBalancedAccuracy?: number;
    posteriorBalancedAccuracy?: number;
    meanKL: number;
    miPriorBits: number;
    miPosteriorBits: number;
    labelEntropyBits: number;
    /** Mean over scenes of the mean pairwise distance (m) between the modes' most likely joint futures. */
    modeSpreadM: number;
    /** Same, decoding every mode with one shared goal: what z alone changes in the trajectory. */
    zSensitivityM: number;
    /** confusion[argmax prior mode][pseudo label] */
    confusion: number[][];
    /**
     * Mode consistency: over pairs and modes, the share of modes z whose own most likely joint future
     * gets pseudo label z from the labeller (labels/forecast.ts). Chance is about 1/3.
     */
    modeConsistency?: number;
  };
  /**
   * What the likeliest joint prediction means: the pseudo labeller on it (labels/forecast.ts)
   * against the pseudo label of the real future, for every predictor.
   */
  outcome?: {
    /** Share of pairs whose likeliest predicted future gets the label of what happened. */
    likeliestAccuracy: number;
    likeliestBalancedAccuracy: number;
    /** confusion[label of the likeliest prediction][pseudo label] */
    confusion: number[][];
  };
  /** Bootstrap intervals by scenario (stats.ts), keyed like 'minADE 8s', 'mAP 8s', 'priorAccuracy'. */
  intervals?: Record<string, Interval>;
}

export interface EvaluateOptions {
  /** Bootstrap intervals by scenario (DESIGN.md 6b: every real figure carries one). */
  intervals?: boolean;
  /** Kinematic anchors in a CVAE's joint set (default JOINT_SET.anchors); 0: the model's own 6 samples. */
  anchors?: number;
  /** How a CVAE's joint set is filled (default JOINT_SET.rule; model/predictors.ts PairOptions.jointRule). */
  jointRule?: JointRule;
  /**
   * evaluateAll only: each CVAE also scored with the other joint-set rule, under the key
   * "ID (RULE joint set)", same requests, same run (the rules' comparison in docs/results.md).
   */
  compareRules?: boolean;
  bootstrap?: BootstrapOptions;
}

/** What one request scored: kept per pair so figures can be resampled by scenario. */
interface PairScore {
  /** The bootstrap group: the scenario. */
  group: string;
  /** Per horizon (HORIZONS order); null where an end point is unknown. */
  ade: (number | null)[];
  fde: (number | null)[];
  miss: (boolean | null)[];
  overlap: boolean;
  map: (SceneMapRecord | null)[];
  /** The pseudo label of the real future and of the likeliest predicted one. */
  outcome: { label: number; predicted: number };
  latent?: {
    label: number;
    zPrior: number;
    zPost: number;
    kl: number;
    spread: number;
    zSens: number;
    /** Modes whose own most likely future gets the mode's label, of M. */
    consistent: number;
  };
}

/** A result's joint predictions with their confidences, most probable mode first ([0] most likely). */
function jointPredictions(r: PairResult): ScoredJoint[] {
  return [...r.modes]
    .sort((x, y) => y.probability - x.probability)
    .flatMap((m) => m.samples.map((smp) => ({ traj: jointTrajectory(smp), confidence: m.probability })));
}

/** The results of outcomes where every request must succeed (eval's requests are valid at their step). */
function results(outcomes: BatchOutcome[]): PairResult[] {
  return outcomes.map((x) => {
    if ('error' in x) throw new Error(x.error);
    return x.result;
  });
}

/** Displacement, miss, overlap and mAP records of one prediction against its request's real future. */
function scorePair(req: PairRequest, res: PairResult): PairScore {
  const { scene } = req;
  const joint = jointPredictions(res);
  const preds = joint.map((j) => j.traj);
  const truth = sceneTruth(scene, res.a, res.b, res.t);
  const type = pairTrajectoryType(scene, res.a, res.b, res.t);
  const key = `${scene.id}:${res.a}:${res.b}:${res.t}`;
  const d = HORIZONS.map((h) => minDisplacement(preds, truth, h));
  return {
    group: scene.id,
    ade: d.map((x) => x?.minADE ?? null),
    fde: d.map((x) => x?.minFDE ?? null),
    miss: HORIZONS.map((h) => isMiss(preds, truth, h)),
    overlap: overlaps(scene, res.a, res.b, res.t, preds[0]!),
    map: HORIZONS.map((h) => scoreScene(key, joint, truth, type, h)),
    outcome: { label: res.label, predicted: labelOf(req, res, likeliestSample(res)) },
  };
}

/**
 * The first sample of the most probable mode that has one (a CVAE's own where the mode has one:
 * anchors come after its samples; the miss-aware joint set may leave a mode without samples).
 */
function likeliestSample(r: PairResult): { a: Float32Array; b: Float32Array } {
  return [...r.modes].sort((x, y) => y.probability - x.probability).find((m) => m.samples.length)!
    .samples[0]!;
}

/** The pseudo label of a predicted joint future of the request's pair (labels/forecast.ts). */
function labelOf(req: PairRequest, r: PairResult, s: { a: Float32Array; b: Float32Array }): number {
  return labelFuture(req.scene, r.a, r.b, r.t, s.a, s.b).label;
}

/** The latent of one result (one sample per mode, with the posterior) against its pseudo label. */
function scoreLatent(req: PairRequest, r: PairResult, zSens: number): NonNullable<PairScore['latent']> {
  const posterior = r.posterior!;
  let kl = 0;
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
  const consistent = r.modes.filter((m) => m.samples[0] && labelOf(req, r, m.samples[0]) === m.mode).length;
  return {
    label: r.label,
    zPrior: argmax(r.prior),
    zPost: argmax(posterior),
    kl,
    spread: d / pairs,
    zSens,
    consistent,
  };
}

const transpose = (m: number[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));

/** Mean over the pairs of a per-horizon value, null values left out. */
function perHorizon(scores: readonly PairScore[], pick: (s: PairScore, k: number) => number | null) {
  return Object.fromEntries(
    HORIZONS.map((h, k) => {
      let sum = 0;
      let n = 0;
      for (const s of scores) {
        const v = pick(s, k);
        if (v === null) continue;
        sum += v;
        n++;
      }
      return [`${h.seconds}s`, sum / n];
    }),
  );
}

function summarizeLatent(lat: NonNullable<PairScore['latent']>[]): NonNullable<ModelReport['latent']> {
  const confusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const postTable = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const labels = new Array<number>(M).fill(0);
  for (const l of lat) {
    confusion[l.zPrior]![l.label]!++;
    postTable[l.zPost]![l.label]!++;
    labels[l.label]!++;
  }
  const mean = (f: (l: (typeof lat)[number]) => number) => lat.reduce((acc, l) => acc + f(l), 0) / lat.length;
  return {
    priorAccuracy: mean((l) => +(l.zPrior === l.label)),
    posteriorAccuracy: mean((l) => +(l.zPost === l.label)),
    priorBalancedAccuracy: balancedAccuracy(transpose(confusion)),
    posteriorBalancedAccuracy: balancedAccuracy(transpose(postTable)),
    meanKL: mean((l) => l.kl),
    miPriorBits: mutualInformation(confusion),
    miPosteriorBits: mutualInformation(postTable),
    labelEntropyBits: entropy(labels),
    modeSpreadM: mean((l) => l.spread),
    zSensitivityM: mean((l) => l.zSens),
    confusion,
    modeConsistency: mean((l) => l.consistent / M),
  };
}

/** The report's figures from per-pair scores (the same code for the estimate and every resample). */
function summarize(scores: readonly PairScore[]): ModelReport {
  const maps = HORIZONS.map((_, k) =>
    meanAveragePrecision(scores.map((s) => s.map[k]).filter((r): r is SceneMapRecord => !!r)),
  );
  const report: ModelReport = {
    scenes: scores.length,
    minADE: perHorizon(scores, (s, k) => s.ade[k]!),
    minFDE: perHorizon(scores, (s, k) => s.fde[k]!),
    missRate: perHorizon(scores, (s, k) => (s.miss[k] === null ? null : +s.miss[k]!)),
    overlapRate: scores.filter((s) => s.overlap).length / scores.length,
    mAP: Object.fromEntries(HORIZONS.map((h, k) => [`${h.seconds}s`, maps[k]!.mAP])),
    softMAP: Object.fromEntries(HORIZONS.map((h, k) => [`${h.seconds}s`, maps[k]!.softMAP])),
  };
  if (scores.length > 0) {
    const confusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
    for (const s of scores) confusion[s.outcome.predicted]![s.outcome.label]!++;
    report.outcome = {
      likeliestAccuracy: scores.filter((s) => s.outcome.predicted === s.outcome.label).length / scores.length,
      likeliestBalancedAccuracy: balancedAccuracy(transpose(confusion)),
      confusion,
    };
  }
  const lat = scores.flatMap((s) => (s.latent ? [s.latent] : []));
  if (lat.length > 0 && lat.length === scores.length) report.latent = summarizeLatent(lat);
  return report;
}

/** The figures the intervals are given for, flat: 'minADE 8s', 'mAP 8s', 'priorAccuracy', ... */
function headline(r: ModelReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ['minADE', 'minFDE', 'missRate', 'mAP', 'softMAP'] as const)
    for (const [h, v] of Object.entries(r[key] ?? {})) out[`${key} ${h}`] = v;
  if (r.latent) {
    out.priorAccuracy = r.latent.priorAccuracy;
    out.priorBalancedAccuracy = r.latent.priorBalancedAccuracy ?? NaN;
    out.posteriorAccuracy = r.latent.posteriorAccuracy;
    if (r.latent.modeConsistency !== undefined) out.modeConsistency = r.latent.modeConsistency;
  }
  if (r.outcome) out.likeliestAccuracy = r.outcome.likeliestAccuracy;
  return out;
}

/** Per-pair scores of predictor `id` (its weights in `params`; null for constant velocity) on `reqs`. */
async function pairScores(
  id: PredictorId,
  params: Params | null,
  reqs: PairRequest[],
  o: EvaluateOptions,
): Promise<PairScore[]> {
  const anchors = o.anchors ?? JOINT_SET.anchors;
  // model/batch-run.ts: the batched loop the app's file-level run shares; its size for the backend
  const predicted = results(
    await predictInBatches(id, params, reqs, {
      samplesPerMode: PER_MODE,
      posterior: false,
      anchors,
      budget: JOINT_SET.budget,
      jointRule: o.jointRule,
    }),
  );
  const scores = predicted.map((r, j) => scorePair(reqs[j]!, r));
  if (params && !isBaseline(id)) {
    // one sample per mode (its most likely goal, no anchor) for the spread, and the posterior given the future
    const latent = results(await predictInBatches(id, params, reqs, { samplesPerMode: 1, anchors: 0 }));
    const shared = await runInBatches(reqs, {
      batchSize: batchSizeFor(activeBackend()),
      run: (b) => pairZSensitivity(params, b),
    });
    latent.forEach((r, j) => (scores[j]!.latent = scoreLatent(reqs[j]!, r, shared[j]!)));
  }
  return scores;
}

/** The report of per-pair scores, with bootstrap intervals by scenario when asked. */
function reportOf(scores: PairScore[], o: EvaluateOptions): ModelReport {
  const report = summarize(scores);
  if (o.intervals) {
    const byScene = new Map<string, PairScore[]>();
    for (const sc of scores) byScene.set(sc.group, [...(byScene.get(sc.group) ?? []), sc]);
    const groups = [...byScene.values()];
    report.intervals = bootstrapCIs(groups, (gs) => headline(summarize(gs.flat())), o.bootstrap);
  }
  return report;
}

/**
 * Metrics of predictor `id` (its weights in `params`; null for constant velocity) on `reqs`; the
 * requests' pairs must be valid at their step. CVAEs give EVAL_SAMPLES joint predictions (PER_MODE
 * per mode with o.anchors kinematic anchors, cut to EVAL_SAMPLES: the header's rule) and a latent
 * report; constant velocity gives one, kinematic 6 (one per mode).
 */
export async function evaluatePredictor(
  id: PredictorId,
  params: Params | null,
  reqs: PairRequest[],
  o: EvaluateOptions = {},
): Promise<ModelReport> {
  return reportOf(await pairScores(id, params, reqs, o), o);
}

/**
 * k-fold over scenarios (docs/real-benchmark.md section 3): each part's weights predict only that
 * part's (held-out) requests; the pooled report scores every request once, with intervals when
 * asked (resampling scenarios across all parts), and each part's own report is given beside it.
 */
export async function evaluatePooled(
  id: PredictorId,
  parts: { params: Params | null; reqs: PairRequest[] }[],
  o: EvaluateOptions = {},
): Promise<{ pooled: ModelReport; parts: ModelReport[] }> {
  const scores: PairScore[][] = [];
  for (const p of parts) scores.push(await pairScores(id, p.params, p.reqs, o));
  return { pooled: reportOf(scores.flat(), o), parts: scores.map((s) => reportOf(s, {})) };
}

/** Every shipped predictor of the registry that can run: the baselines (constant velocity, kinematic), and each one given weights. */
export async function evaluateAll(
  reqs: PairRequest[],
  weights: Partial<Record<PredictorId, Params>>,
  o: EvaluateOptions = {},
): Promise<Record<string, ModelReport>> {
  const out: Record<string, ModelReport> = {};
  // the baselines first (constant velocity, then kinematic), so every table reads from them
  const ids = [...SHIPPED_IDS].sort((x, y) => +isBaseline(y) - +isBaseline(x));
  for (const id of ids) {
    const params = weights[id] ?? null;
    if (!isBaseline(id) && !params) continue;
    out[id] = await evaluatePredictor(id, params, reqs, o);
  }
  if (o.compareRules) {
    const other: JointRule = (o.jointRule ?? JOINT_SET.rule) === 'miss-aware' ? 'components' : 'miss-aware';
    for (const id of ids) {
      const params = weights[id];
      // the other rule for the float CVAEs only: a quantized copy's rows would repeat their story
      if (isBaseline(id) || !params || !(id in VARIANTS)) continue;
      out[`${id} (${other} joint set)`] = await evaluatePredictor(id, params, reqs, {
        ...o,
        jointRule: other,
      });
    }
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

/** Steps a scene needs for the real benchmark (model/dataset.ts owns it: training uses it too). */
export { BENCHMARK_STEPS };

export interface BenchmarkRequests {
  reqs: PairRequest[];
  pairs: SceneBenchmarkPair[];
  /** The pair list's hash (labels/pairs.ts benchmarkPairList), pinned by a test. */
  hash: string;
  /** Scenes in the benchmark: whole future, first of each scenario id. */
  scenes: Scene[];
  /** Left out: scenes with no whole future (WOMD testing scenes hold history only). */
  short: string[];
  /** Left out: a scenario id seen before (the same scene in two files). */
  duplicates: string[];
}

/**
 * The real benchmark's requests (docs/real-benchmark.md): every pair the rule keeps in each scene
 * with the whole future, predicted from MIN_STEP; a scenario that comes twice counts once.
 */
export function benchmarkRequests(all: Scene[]): BenchmarkRequests {
  const { scenes, short, duplicates } = benchmarkScenes(all);
  const { pairs, hash } = benchmarkPairList(scenes);
  const byId = new Map(scenes.map((s) => [s.id, s]));
  return {
    reqs: pairs.map((p) => ({ scene: byId.get(p.sceneId)!, a: p.a, b: p.b, t: MIN_STEP })),
    pairs,
    hash,
    scenes,
    short,
    duplicates,
  };
}
