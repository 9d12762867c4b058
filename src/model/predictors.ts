// Running the predictors of the registry (model/registry.ts): `predictPairs` runs any of them on
// any number of (scene, pair, step) requests in one batch, for the app's worker and the Node
// tools alike (model/backends.ts starts the tfjs backend). The caller never sees a tensor. A model
// whose prior reads the domain knowledge d(x) (model/knowledge.ts) gets it computed here.
import * as tf from '@tensorflow/tfjs';
import { LABEL_NAMES, labelPair, type LabelIndex } from '../labels';
import type { Scene } from '../scene/scene';
import { getPredictor, type PredictorId } from './registry';
import { batchSizeFor, runInBatches } from './batch-run';
import { buildFeatures, buildTargets, MIN_STEP, pairFrame } from './features';
import { JOINT_SET, type JointRule } from './config';
import { addAnchors, applyBudget, endPoints, missAwareSet, type MissAwareParams } from './joint-set';
import { kinematicPredictions } from './kinematic';
import { knowledgeFeatures } from './knowledge';
import { priorKnowledgeDim, type Params } from './network';
import {
  constantVelocity,
  latentProbabilities,
  predictFrames,
  toScene,
  zSensitivity,
  type FrameModePrediction,
  type ModePrediction,
  type PredictOptions,
} from './predict';

/** One thing to predict: the joint future of tracks a (A) and b (B) of `scene` from step t. */
export interface PairRequest {
  scene: Scene;
  a: number;
  b: number;
  t: number;
}

export type PairOptions = PredictOptions & {
  /** Also q(z|x,y) given the real future (default true; needs steps after t). */
  posterior?: boolean;
  /**
   * CVAEs only: the k most probable kinematic joint predictions added as anchor samples, each in
   * the mode its end points fit best (model/joint-set.ts); default JOINT_SET.anchors (config.ts),
   * 0 gives the model's own samples only. None when samplesPerMode is 0.
   */
  anchors?: number;
  /**
   * CVAEs only: at most this many samples over all modes, the least probable CVAE samples dropped
   * first, anchors never (model/joint-set.ts); default none. Eval passes JOINT_SET.budget (6).
   */
  budget?: number;
  /**
   * CVAEs only, with a budget: how the set is filled (config.ts JOINT_SET.rule, the default):
   * 'components' (the goal components' means plus the anchors, cut to the budget) or 'miss-aware'
   * (model/joint-set.ts missAwareSet: the budget's goals chosen to maximise the model's own
   * P(at least one hits the 8 s miss box), the `anchors` anchors in its pool). Without a budget the
   * components rule always applies.
   */
  jointRule?: JointRule;
  /** The miss-aware rule's parameters; default JOINT_SET.missAware. */
  missAware?: Partial<MissAwareParams>;
  /**
   * When given, the milliseconds each phase of the call took are added to it (PHASES): how the
   * browser worker's time compares with Node's, phase by phase (npm run bench -- model).
   */
  phases?: PhaseTimes;
};

/** The phases of predictPairs that `phases` times. */
export const PHASES = ['features', 'label', 'network', 'joint set', 'posterior', 'to scene'] as const;
export type PhaseTimes = Partial<Record<(typeof PHASES)[number], number>>;

/** Runs `f`, adding its time to `phases[name]` when timing is asked. */
function timed<T>(phases: PhaseTimes | undefined, name: (typeof PHASES)[number], f: () => T): T {
  if (!phases) return f();
  const t0 = performance.now();
  try {
    return f();
  } finally {
    phases[name] = (phases[name] ?? 0) + performance.now() - t0;
  }
}

/** A prediction for one request, in scene coordinates. */
export interface PairResult {
  sceneId: string;
  a: number;
  b: number;
  /** The step predicted from (history ends here). */
  t: number;
  /** Pseudo label of what really happened (whole scene) and its name: for display and scoring. */
  label: LabelIndex;
  labelName: string;
  /** Per mode: probability under the prior, label name, goals, joint samples in scene coordinates. */
  modes: ModePrediction[];
  prior: number[];
  /** q(z|x,y) given the real future after t; null when not asked or there are no steps after t. */
  posterior: number[] | null;
}

/** The step a request at `t` predicts from: 10 steps of history before it, one step after it. */
export function clampStep(scene: Scene, t: number): number {
  return Math.max(MIN_STEP, Math.min(t, scene.tracks.steps - 1));
}

/**
 * Runs predictor `id` (with its loaded `params`; null for the baselines) on every request in
 * one batch. Constant velocity gives one mode with one sample; the kinematic baseline 6 modes, one
 * per joint prediction (model/kinematic.ts), most probable first, each with one sample, its
 * probability and its name as the label. The baselines have no latent: `mode`, samplesPerMode and
 * the seed do not apply to them. A CVAE's modes get `anchors` kinematic anchor samples and are cut to
 * `budget` samples (model/joint-set.ts; the options above). Inference features never look at the future: the pseudo label is
 * computed only for display, and the future only for the posterior. Throws FeatureError (features.ts) naming the
 * agent and step when an agent of a pair is not tracked at its step.
 */
export async function predictPairs(
  id: PredictorId,
  params: Params | null,
  reqs: PairRequest[],
  o: PairOptions,
): Promise<PairResult[]> {
  const ph = o.phases;
  const prepared = reqs.map((r) => {
    const t = clampStep(r.scene, r.t);
    const frame = timed(ph, 'features', () => pairFrame(r.scene, r.a, r.b, t)); // FeatureError: not tracked at t
    const label = timed(ph, 'label', () => labelPair(r.scene, r.a, r.b).label);
    return {
      r,
      t,
      frame,
      label,
      features: timed(ph, 'features', () => modelFeatures(params, r.scene, frame)),
    };
  });
  const base = (k: number) => {
    const p = prepared[k]!;
    return {
      sceneId: p.r.scene.id,
      a: p.r.a,
      b: p.r.b,
      t: p.t,
      label: p.label,
      labelName: LABEL_NAMES[p.label]!,
    };
  };
  if (id === 'constant_velocity')
    return prepared.map((p, k) => {
      const modes = toScene(p.frame, [
        {
          mode: 0,
          probability: 1,
          goals: [],
          samples: [{ trajectory: constantVelocity(p.features), goal: [0, 0, 0, 0] }],
        },
      ]).map((m) => ({ ...m, label: 'constant velocity' }));
      return { ...base(k), modes, prior: [1], posterior: null };
    });
  if (id === 'kinematic')
    return prepared.map((p, k) => {
      const joint = kinematicPredictions(p.features);
      const modes = toScene(
        p.frame,
        joint.map((j, m) => ({
          mode: m,
          probability: j.probability,
          goals: [],
          samples: [{ trajectory: j.trajectory, goal: endPoints(j.trajectory) }],
        })),
      ).map((m, i) => ({ ...m, label: joint[i]!.name }));
      return { ...base(k), modes, prior: modes.map((m) => m.probability), posterior: null };
    });
  if (!params) throw new Error(`predictor ${id} needs its weights (${getPredictor(id).source})`);
  const anchors = o.anchors ?? JOINT_SET.anchors;
  if (!Number.isInteger(anchors) || anchors < 0)
    throw new RangeError(`predictPairs: option anchors must be a whole number >= 0, got ${anchors}`);
  const decoded = (z: number) => (o.mode === undefined ? true : z === o.mode);
  const missAware =
    (o.jointRule ?? JOINT_SET.rule) === 'miss-aware' && o.budget !== undefined && o.samplesPerMode > 0;
  const mp: MissAwareParams = { ...JOINT_SET.missAware, ...o.missAware };
  // the miss-aware joint set chooses the goals the network then decodes (model/joint-set.ts); its
  // time is the 'joint set' phase, taken out of the network's
  let selectMs = 0;
  const selectGoals = missAware
    ? (k: number, modes: readonly FrameModePrediction[]) => {
        const s0 = performance.now();
        const p = prepared[k]!;
        const chosen = missAwareSet(
          modes,
          anchors > 0 ? kinematicPredictions(p.features).slice(0, anchors) : [],
          { speed: p.frame.speed, heading: p.frame.localHeading },
          o.budget!,
          mp,
          decoded,
          o.seed ?? 0,
          o.streams?.[k] ?? k,
        );
        selectMs += performance.now() - s0;
        return chosen;
      }
    : undefined;
  const t0 = ph ? performance.now() : 0;
  const frames = await predictFrames(
    params,
    prepared.map((p) => p.features),
    { ...o, selectGoals },
  );
  if (ph) {
    ph.network = (ph.network ?? 0) + performance.now() - t0 - selectMs;
    if (missAware) ph['joint set'] = (ph['joint set'] ?? 0) + selectMs;
  }
  // the joint set (model/joint-set.ts): anchors into the modes they fit, then the budget
  timed(ph, 'joint set', () =>
    frames.forEach((modes, k) => {
      if (missAware) return; // chosen above, within the budget
      if (anchors > 0 && o.samplesPerMode > 0)
        addAnchors(modes, kinematicPredictions(prepared[k]!.features).slice(0, anchors), decoded);
      if (o.budget !== undefined) applyBudget(modes, o.budget);
    }),
  );
  // the posterior needs a real future: only where the scene has steps after t
  const t1 = ph ? performance.now() : 0;
  const withFuture =
    o.posterior === false
      ? []
      : prepared
          .map((p, k) => ({ k, targets: buildTargets(p.r.scene, p.frame, p.label) }))
          .filter((x) => x.targets.futureMask.some((v) => v > 0));
  const latent = withFuture.length
    ? await latentProbabilities(
        params,
        withFuture.map((x) => prepared[x.k]!.features),
        withFuture.map((x) => x.targets),
      )
    : null;
  const posterior = new Map(withFuture.map((x, j) => [x.k, [...latent!.posterior[j]!]]));
  if (ph) ph.posterior = (ph.posterior ?? 0) + performance.now() - t1;
  return timed(ph, 'to scene', () =>
    prepared.map((p, k) => {
      const modes = toScene(p.frame, frames[k]!);
      return {
        ...base(k),
        modes,
        prior: modes.map((m) => m.probability),
        posterior: posterior.get(k) ?? null,
      };
    }),
  );
}

/**
 * The features of one request for `params`: with the domain knowledge d(x) (model/knowledge.ts)
 * when the model's prior reads it, else as the network always had them (d(x) costs 7 labeller runs).
 */
function modelFeatures(params: Params | null, scene: Scene, frame: ReturnType<typeof pairFrame>) {
  const features = buildFeatures(scene, frame);
  if (params && priorKnowledgeDim(params) > 0) features.knowledge = knowledgeFeatures(scene, frame, features);
  return features;
}

/** One request's answer in a batch: its result, or why it could not be predicted. */
export type BatchOutcome = { result: PairResult } | { error: string };

/**
 * predictPairs over one batch, each request as if it were alone: the seeded draws of every request
 * come from stream 0 (what a batch of one draws, PredictOptions.streams), so a request's samples
 * never depend on its neighbours or its place; and a request whose pair is not tracked at its step
 * fails alone (its error, the others predicted). An error of the whole batch (weights, backend) is
 * thrown.
 */
export async function predictBatch(
  id: PredictorId,
  params: Params | null,
  reqs: PairRequest[],
  o: PairOptions,
): Promise<BatchOutcome[]> {
  const errors = reqs.map((r) => {
    try {
      pairFrame(r.scene, r.a, r.b, clampStep(r.scene, r.t));
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  });
  const ok = reqs.filter((_, k) => errors[k] === null);
  const results = ok.length ? await predictPairs(id, params, ok, { ...o, streams: ok.map(() => 0) }) : [];
  let j = 0;
  return errors.map((error) => (error === null ? { result: results[j++]! } : { error }));
}

/** The tfjs backend running now (its batch size: model/batch-run.ts batchSizeFor). */
export function activeBackend(): string {
  return tf.getBackend();
}

/**
 * Every request through predictBatch in batches of `batchSize` (default: model/batch-run.ts's size
 * for the active tfjs backend), with runInBatches (the loop the app's file-level run uses): one
 * outcome per request, in order. `npm run eval` scores through this.
 */
export async function predictInBatches(
  id: PredictorId,
  params: Params | null,
  reqs: PairRequest[],
  o: PairOptions & { batchSize?: number; onBatch?: (done: number) => void },
): Promise<BatchOutcome[]> {
  const { batchSize, onBatch, ...opts } = o;
  return runInBatches(reqs, {
    batchSize: batchSize ?? batchSizeFor(activeBackend()),
    run: (b) => predictBatch(id, params, b, opts),
    onBatch,
  });
}

/**
 * What z alone changes for each request (model/predict.ts zSensitivity: every mode decoded with one
 * shared goal; mean pairwise distance in metres between the modes' joint trajectories), for eval.
 */
export async function pairZSensitivity(params: Params, reqs: PairRequest[]): Promise<number[]> {
  return zSensitivity(
    params,
    reqs.map((r) => modelFeatures(params, r.scene, pairFrame(r.scene, r.a, r.b, clampStep(r.scene, r.t)))),
  );
}
