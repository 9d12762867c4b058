// Domain-knowledge features d(x) for the prior (issue 14, docs/real-gap.md "The prior with domain
// knowledge"): what the pseudo labeller (labels/index.ts) says about a pair's history extrapolated
// by the kinematic hypotheses, so that the prior p(z | x, d(x)) can learn when to trust them.
// Contract:
//  - `knowledgeFeatures(scene, frame, features)` is a fixed-size Float32Array of KNOWLEDGE_DIM
//    values for the pair of `frame` (tracks a, b at step t): for each of KNOWLEDGE_HYPOTHESES futures,
//    constant velocity first (kinematic.ts rollout with no acceleration and no turn: predict.ts
//    constantVelocity to rounding for a moving agent; along the box heading below 1 m/s) and then the 6 joint predictions of the
//    kinematic baseline (kinematic.ts kinematicPredictions, most probable first), the labeller's
//    answer on that future (labels/forecast.ts labelFuture: only the history up to t and the
//    hypothesised 8 s are seen; the same answers, each agent's path built once per distinct future),
//    PER_HYPOTHESIS values each (layout: SLOT), then the kinematic
//    hypotheses' label distribution (their probabilities summed per label, 3 values).
//  - Every input comes from the history up to t and the map: nothing after t. The kinematic
//    hypotheses are read from `features` (so the tracking noise of a training sample reaches them),
//    the labeller from the scene's states up to t.
//  - Pure and deterministic (no tfjs, no RNG); costs 7 labeller runs (`npm run bench -- knowledge`).
import { labelPaths, trackPath, type LabelIndex, type TrackPath } from '../labels';
import { sceneWithFuture } from '../labels/forecast';
import { type Scene } from '../scene/scene';
import { FEATURES } from './config';
import { fromFrame, type Features, type PairFrame } from './features';
import { agentKinematics, JOINT_PREDICTIONS, kinematicPredictions, rollout } from './kinematic';

/** Bumped whenever the layout or a constant below changes: a model records the version it was trained with. */
export const KNOWLEDGE_VERSION = 1;
/** Constant velocity plus the kinematic baseline's 6 joint predictions. */
export const KNOWLEDGE_HYPOTHESES = 1 + JOINT_PREDICTIONS;
/** Offsets of one hypothesis' values. */
export const SLOT = {
  /** One-hot of the labeller's label on this future: A first, B first, no interaction (3 values). */
  label: 0,
  /** 1 when the labeller found no conflict point at all (paths never meet, or follow / oncoming), else 0. */
  noConflict: 3,
  /** 1 when A passes the conflict point within the history and the 8 s, else 0. */
  reachedA: 4,
  /** A's time at the conflict point relative to t, clipped to [-PAST_S, HORIZON_S], over HORIZON_S; 1 when not reached. */
  timeA: 5,
  reachedB: 6,
  timeB: 7,
  /** The hypothesis' probability among the kinematic 6 (kinematic.ts); constant velocity's slot holds 1. */
  probability: 8,
} as const;
export const PER_HYPOTHESIS = 9;
/** The kinematic hypotheses' probability per label, after the slots. */
export const MIXTURE_OFFSET = KNOWLEDGE_HYPOTHESES * PER_HYPOTHESIS;
export const KNOWLEDGE_DIM = MIXTURE_OFFSET + 3;
/**
 * Arrival times are scaled by the forecast horizon (8 s, FEATURES.future steps at 10 Hz): a time at
 * the end of the forecast is 1, the size of the other inputs; later than that is never seen.
 */
export const HORIZON_S = FEATURES.future / 10;
/**
 * A conflict point the agent passed in the history (before t) has a negative time; the history is
 * 1 s (FEATURES.history - 1 steps), so earlier than that cannot be observed in the features either.
 */
export const PAST_S = (FEATURES.history - 1) / 10;

/** What the labeller said on one hypothesised future (for tests and the app's explanations). */
export interface HypothesisKnowledge {
  name: string;
  label: LabelIndex;
  noConflict: boolean;
  /** Seconds after t at which A / B pass the conflict point (negative: in the history); null when not. */
  tA: number | null;
  tB: number | null;
  probability: number;
}

/**
 * Per hypothesis, constant velocity first, what the labeller gives (see the header). It is
 * labelFuture on each joint future, computed with each agent's path (labels/path.ts trackPath, the
 * labeller's costly part) built once per distinct agent future: the kinematic joint predictions
 * combine a few hypotheses per agent, so 7 joint futures need about 6 paths instead of 14.
 */
export function knowledgeDetail(scene: Scene, frame: PairFrame, features: Features): HypothesisKnowledge[] {
  const { a, b, t } = frame;
  const t0 = scene.timestamps[0] ?? 0;
  const now = (scene.timestamps[t] ?? t * 0.1) - t0;
  const futures = [
    {
      name: 'constant velocity',
      trajectory: constantVelocityPath(features),
      probability: 1,
      keys: ['cv', 'cv'],
    },
    ...kinematicPredictions(features).map((h) => ({ ...h, keys: [`k${h.a.index}`, `k${h.b.index}`] })),
  ];
  const paths = new Map<string, TrackPath>();
  // the scene the labeller reads signals from: the same for every future (held at their state at t)
  let signals: Scene | null = null;
  return futures.map((h) => {
    const [futA, futB] = toSceneFutures(frame, h.trajectory);
    let seen: Scene | null = null;
    const path = (ag: 0 | 1) => {
      const key = `${ag}:${h.keys[ag]}`;
      let p = paths.get(key);
      if (!p) {
        seen ??= sceneWithFuture(scene, a, b, t, futA, futB);
        p = trackPath(seen, ag);
        paths.set(key, p);
      }
      return p;
    };
    const pa = path(0);
    const pb = path(1);
    signals ??= seen ?? sceneWithFuture(scene, a, b, t, futA, futB);
    const d = labelPaths(signals, pa, pb);
    return {
      name: h.name,
      label: d.label,
      noConflict: d.conflict === null,
      tA: d.tA === null ? null : d.tA - now,
      tB: d.tB === null ? null : d.tB - now,
      probability: h.probability,
    };
  });
}

/** The fixed-size vector d(x) of the header from the per-hypothesis answers. */
export function encodeKnowledge(hs: readonly HypothesisKnowledge[]): Float32Array {
  if (hs.length !== KNOWLEDGE_HYPOTHESES)
    throw new RangeError(`encodeKnowledge: ${hs.length} hypotheses, expected ${KNOWLEDGE_HYPOTHESES}`);
  const out = new Float32Array(KNOWLEDGE_DIM);
  const time = (v: number | null) => (v === null ? 1 : Math.min(HORIZON_S, Math.max(-PAST_S, v)) / HORIZON_S);
  hs.forEach((h, k) => {
    const o = k * PER_HYPOTHESIS;
    out[o + SLOT.label + h.label] = 1;
    out[o + SLOT.noConflict] = h.noConflict ? 1 : 0;
    out[o + SLOT.reachedA] = h.tA === null ? 0 : 1;
    out[o + SLOT.timeA] = time(h.tA);
    out[o + SLOT.reachedB] = h.tB === null ? 0 : 1;
    out[o + SLOT.timeB] = time(h.tB);
    out[o + SLOT.probability] = h.probability;
    if (k > 0) out[MIXTURE_OFFSET + h.label] = out[MIXTURE_OFFSET + h.label]! + h.probability;
  });
  return out;
}

/** d(x) of the pair of `frame` (the header's contract). */
export function knowledgeFeatures(scene: Scene, frame: PairFrame, features: Features): Float32Array {
  return encodeKnowledge(knowledgeDetail(scene, frame, features));
}

/** A pair-frame joint trajectory ([agent][step][x, y]) as A's and B's scene-relative futures. */
function toSceneFutures(frame: PairFrame, traj: Float32Array): [Float32Array, Float32Array] {
  const fut = FEATURES.future;
  const out: [Float32Array, Float32Array] = [new Float32Array(2 * fut), new Float32Array(2 * fut)];
  for (let ag = 0; ag < 2; ag++)
    for (let k = 0; k < fut; k++) {
      const [x, y] = fromFrame(frame, traj[(ag * fut + k) * 2]!, traj[(ag * fut + k) * 2 + 1]!);
      out[ag]![2 * k] = x;
      out[ag]![2 * k + 1] = y;
    }
  return out;
}

/** Both agents at constant velocity, pair frame [agent][step][x, y] (kinematic.ts rollout, no tfjs). */
function constantVelocityPath(f: Features): Float32Array {
  const fut = FEATURES.future;
  const out = new Float32Array(4 * fut);
  out.set(rollout(agentKinematics(f, 0), 0, 0), 0);
  out.set(rollout(agentKinematics(f, 1), 0, 0), 2 * fut);
  return out;
}
