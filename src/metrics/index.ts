// Joint prediction metrics with the WOMD interactive definitions (DESIGN.md section 6a) and the
// latent-versus-label measures. Trajectories and truths share one frame (scene coordinates from
// sceneTruth and jointTrajectory; any rigid frame gives the same figures), metres, laid out
// [agent][step][x, y] for the two agents of the pair, step k = t + 1 + k.
import { boxesOverlap, inMissBox, missBox, type Box, type Horizon } from '../scene/geometry';

// WOMD's horizons and miss box live with the geometry (scene/geometry.ts), where the model's joint
// set (model/joint-set.ts) reads the same box; the metrics' callers import them from here as before
export { HORIZONS, inMissBox, missBox, missScale, type Horizon, type MissBox } from '../scene/geometry';
import {
  isValid,
  trackHeading,
  trackSize,
  trackSpeed,
  trackState,
  trackXY,
  type Scene,
} from '../scene/scene';

export const FUTURE_STEPS = 80;

export interface JointTruth {
  future: Float32Array;
  mask: Float32Array;
  /** Per agent: speed at t (m/s) and heading at t in the frame of `future`. */
  speed: [number, number];
  heading: [number, number];
}

const at = (traj: Float32Array, ag: number, k: number): [number, number] => [
  traj[(ag * FUTURE_STEPS + k) * 2]!,
  traj[(ag * FUTURE_STEPS + k) * 2 + 1]!,
];

/**
 * minADE and minFDE over the joint predictions at a horizon: per prediction the mean over both
 * agents of the average (final) displacement; null when an agent's end point at the horizon is unknown.
 */
export function minDisplacement(
  preds: Float32Array[],
  truth: JointTruth,
  h: Horizon,
): { minADE: number; minFDE: number } | null {
  const last = h.steps - 1;
  if (!truth.mask[last] || !truth.mask[FUTURE_STEPS + last]) return null;
  let minADE = Infinity;
  let minFDE = Infinity;
  for (const p of preds) {
    let ade = 0;
    let fde = 0;
    for (let ag = 0; ag < 2; ag++) {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < h.steps; k++) {
        if (!truth.mask[ag * FUTURE_STEPS + k]) continue;
        const [px, py] = at(p, ag, k);
        const [tx, ty] = at(truth.future, ag, k);
        sum += Math.hypot(px - tx, py - ty);
        n++;
      }
      ade += sum / n / 2;
      const [px, py] = at(p, ag, last);
      const [tx, ty] = at(truth.future, ag, last);
      fde += Math.hypot(px - tx, py - ty) / 2;
    }
    minADE = Math.min(minADE, ade);
    minFDE = Math.min(minFDE, fde);
  }
  return { minADE, minFDE };
}

/**
 * WOMD miss at a horizon: a joint prediction hits when both agents' end points lie within the
 * lateral and longitudinal thresholds in that agent's frame (heading at t), scaled by its speed at t
 * (missBox). The scene is missed when no prediction hits. Null when an end point is unknown.
 */
export function isMiss(preds: Float32Array[], truth: JointTruth, h: Horizon): boolean | null {
  const last = h.steps - 1;
  if (!truth.mask[last] || !truth.mask[FUTURE_STEPS + last]) return null;
  const boxes = [0, 1].map((ag) => missBox(truth.heading[ag]!, truth.speed[ag]!, h));
  for (const p of preds) {
    let hit = true;
    for (let ag = 0; ag < 2 && hit; ag++) {
      const [px, py] = at(p, ag, last);
      const [tx, ty] = at(truth.future, ag, last);
      hit = inMissBox(boxes[ag]!, px - tx, py - ty);
    }
    if (hit) return false;
  }
  return true;
}

/** Heading of a predicted point from the local direction of travel, else `fallback` (slow or standing). */
function headingAt(traj: Float32Array, ag: number, k: number, fallback: number): number {
  const [x0, y0] = at(traj, ag, Math.max(0, k - 1));
  const [x1, y1] = at(traj, ag, Math.min(FUTURE_STEPS - 1, k + 1));
  return Math.hypot(x1 - x0, y1 - y0) > 0.2 ? Math.atan2(y1 - y0, x1 - x0) : fallback;
}

/**
 * The real joint future of tracks a and b after step t in scene coordinates, in the layout the
 * metrics read: positions at t + 1 + k where the scene has them and the agent is valid (mask 1),
 * and each agent's speed and heading at t (the miss thresholds' frame and scale).
 */
export function sceneTruth(scene: Scene, a: number, b: number, t: number): JointTruth {
  const tr = scene.tracks;
  const future = new Float32Array(2 * FUTURE_STEPS * 2);
  const mask = new Float32Array(2 * FUTURE_STEPS);
  [a, b].forEach((i, ag) => {
    for (let k = 0; k < FUTURE_STEPS && t + 1 + k < tr.steps; k++) {
      if (!isValid(tr, i, t + 1 + k)) continue;
      const [x, y] = trackXY(tr, i, t + 1 + k);
      future[(ag * FUTURE_STEPS + k) * 2] = x;
      future[(ag * FUTURE_STEPS + k) * 2 + 1] = y;
      mask[ag * FUTURE_STEPS + k] = 1;
    }
  });
  return {
    future,
    mask,
    speed: [trackSpeed(tr, a, t), trackSpeed(tr, b, t)],
    heading: [trackHeading(tr, a, t), trackHeading(tr, b, t)],
  };
}

/** One joint sample (A's and B's 80 points, scene coordinates) in the metrics' [agent][step][x, y] layout. */
export function jointTrajectory(sample: { a: Float32Array; b: Float32Array }): Float32Array {
  const out = new Float32Array(2 * FUTURE_STEPS * 2);
  out.set(sample.a.subarray(0, FUTURE_STEPS * 2), 0);
  out.set(sample.b.subarray(0, FUTURE_STEPS * 2), FUTURE_STEPS * 2);
  return out;
}

/**
 * Whether a joint prediction of tracks a and b from step t (scene coordinates, [agent][step][x, y])
 * puts their boxes (each agent's size at t) on each other or on any other agent's real box at the
 * same step, within the scene's remaining steps.
 */
export function overlaps(scene: Scene, a: number, b: number, t: number, traj: Float32Array): boolean {
  const tr = scene.tracks;
  const pair = [a, b];
  const size = pair.map((i) => trackSize(tr, i, t));
  const heading = pair.map((i) => trackHeading(tr, i, t));
  for (let k = 0; k < FUTURE_STEPS; k++) {
    const step = t + 1 + k;
    if (step >= tr.steps) break;
    const boxes: Box[] = [0, 1].map((ag) => {
      const [x, y] = at(traj, ag, k);
      const hd = headingAt(traj, ag, k, heading[ag]!);
      return { x, y, length: size[ag]![0], width: size[ag]![1], heading: hd };
    });
    if (boxesOverlap(boxes[0]!, boxes[1]!)) return true;
    for (let i = 0; i < tr.count; i++) {
      if (pair.includes(i)) continue;
      if (!isValid(tr, i, step)) continue;
      const other: Box = trackState(tr, i, step);
      if (boxesOverlap(boxes[0]!, other) || boxesOverlap(boxes[1]!, other)) return true;
    }
  }
  return false;
}

/** argmax of a probability vector. */
export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}

/** Mutual information in bits of a joint distribution given as a (not normalised) count table [z][label]. */
export function mutualInformation(table: number[][]): number {
  const total = table.flat().reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0) / total);
  const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0) / total);
  let mi = 0;
  table.forEach((r, i) =>
    r.forEach((c, j) => {
      const pij = c / total;
      if (pij > 0) mi += pij * Math.log2(pij / (rows[i]! * cols[j]!));
    }),
  );
  return mi;
}

/** Entropy in bits of a count vector. */
export function entropy(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.reduce((h, c) => (c > 0 ? h - (c / total) * Math.log2(c / total) : h), 0);
}

/** Mean displacement (m, both agents, all steps) between two joint trajectories. */
export function meanDistance(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 2) s += Math.hypot(a[i]! - b[i]!, a[i + 1]! - b[i + 1]!);
  return s / (a.length / 2);
}

/**
 * minADE / minFDE (m) of joint samples given in scene coordinates (80 points per agent, step k =
 * t + 1 + k) against the scene's real future of the pair, over the steps the scene still has and
 * both agents are valid; FDE at the last such step. Null when no future step is known.
 */
export function sceneMinDisplacement(
  scene: Scene,
  a: number,
  b: number,
  t: number,
  samples: { a: Float32Array; b: Float32Array }[],
): { minADE: number; minFDE: number; steps: number } | null {
  const tr = scene.tracks;
  const steps: number[] = [];
  for (let k = 0; k < FUTURE_STEPS && t + 1 + k < tr.steps; k++) {
    if (isValid(tr, a, t + 1 + k) && isValid(tr, b, t + 1 + k)) steps.push(k);
  }
  if (steps.length === 0 || samples.length === 0) return null;
  const last = steps[steps.length - 1]!;
  const err = (traj: Float32Array, track: number, k: number) => {
    const [x, y] = trackXY(tr, track, t + 1 + k);
    return Math.hypot(traj[k * 2]! - x, traj[k * 2 + 1]! - y);
  };
  let minADE = Infinity;
  let minFDE = Infinity;
  for (const s of samples) {
    let sum = 0;
    for (const k of steps) sum += (err(s.a, a, k) + err(s.b, b, k)) / 2;
    minADE = Math.min(minADE, sum / steps.length);
    minFDE = Math.min(minFDE, (err(s.a, a, last) + err(s.b, b, last)) / 2);
  }
  return { minADE, minFDE, steps: steps.length };
}

export * from './map';
export * from './stats';
