// The CVAEs' joint prediction set (issue 14): the model's own samples per mode, plus kinematic
// anchors, reduced to a budget by one stated rule. Plain arithmetic on what predictFrames already
// read back (the goal mixture, the prior), no tensors; model/predictors.ts predictPairs applies it.
//
// Anchors: the k most probable joint predictions of the kinematic baseline (model/kinematic.ts
// kinematicPredictions: constant turn rate and acceleration per agent) are added as samples. Each
// goes to the mode that explains its end points best, by Bayes over the model's own goal mixture:
//   z* = argmax_z  log p(z|x) + log sum_c w_zc · N(e | mu_zc, diag sigma_zc²)
// with e = (xA, yA, xB, yB) the anchor's 8 s end points in the pair frame (metres), computed in log
// space (log-sum-exp over the components); ties go to the lower mode index. So a mode keeps its
// meaning (its pseudo label): an anchor joins the interaction outcome its end points look like. An
// anchor sample carries source 'kinematic' and the kinematic hypothesis's name; it is appended after
// the mode's CVAE samples, most probable anchor first. When only one mode is decoded (a forced mode),
// an anchor assigned to another mode is left out: the others have no samples.
//
// Budget: when the samples of all modes together exceed it, CVAE samples are dropped, never
// anchors, lowest p(z|x) · w_c first (w_c: the weight of the goal component the sample was decoded
// from), ties dropping the later sample (higher mode, later in the mode) first, until the budget
// holds. Eval passes WOMD's 6 (config.ts JOINT_SET.budget), so with k anchors the k least probable
// of the model's 6 samples make way for them.
import { HORIZONS, inMissBox, missBox } from '../scene/geometry';
import { Rng } from '../util/rng';
import type { JointHypothesis } from './kinematic';
import type { FrameModePrediction, FrameSample } from './predict';

/** A pair-frame joint trajectory's end points (xA, yA, xB, yB): an anchor's goal. */
export function endPoints(tr: Float32Array): [number, number, number, number] {
  const fut = tr.length / 4;
  const at = (ag: number) => (ag * fut + fut - 1) * 2;
  return [tr[at(0)]!, tr[at(0) + 1]!, tr[at(1)]!, tr[at(1) + 1]!];
}

/**
 * A std below this (m) is raised to it in the anchor likelihood: a collapsed component (a std of
 * centimetres) would otherwise make every anchor not exactly on its mean infinitely unlikely there
 * and decide by a numerical accident; 1 cm is far below any goal's real spread.
 */
export const MIN_GOAL_STD_M = 0.01;

const LOG_2PI = Math.log(2 * Math.PI);

/** log p(z|x) + log sum_c w_zc N(e | mu_zc, sigma_zc) for every mode of `modes` (the header's rule). */
export function anchorLogScores(modes: readonly FrameModePrediction[], e: readonly number[]): number[] {
  return modes.map((m) => {
    const terms = m.goals.map((g) => {
      let ll = Math.log(Math.max(g.weight, 1e-300));
      for (let d = 0; d < 4; d++) {
        const sd = Math.max(g.std[d]!, MIN_GOAL_STD_M);
        const u = (e[d]! - g.mean[d]!) / sd;
        ll += -0.5 * u * u - Math.log(sd) - 0.5 * LOG_2PI;
      }
      return ll;
    });
    const top = Math.max(...terms);
    const lse =
      top === -Infinity ? -Infinity : top + Math.log(terms.reduce((s, t) => s + Math.exp(t - top), 0));
    return Math.log(Math.max(m.probability, 1e-300)) + lse;
  });
}

/** The mode (index into `modes`) an anchor with end points `e` goes to: the argmax of anchorLogScores. */
export function assignAnchor(modes: readonly FrameModePrediction[], e: readonly number[]): number {
  const s = anchorLogScores(modes, e);
  let best = 0;
  for (let z = 1; z < s.length; z++) if (s[z]! > s[best]!) best = z;
  return best;
}

/**
 * Adds `anchors` (kinematic joint predictions, most probable first) to the modes they are assigned
 * to, in place; `decoded` says which modes were decoded (the others take no anchor).
 */
export function addAnchors(
  modes: FrameModePrediction[],
  anchors: readonly JointHypothesis[],
  decoded: (mode: number) => boolean,
): void {
  for (const h of anchors) {
    const goal = endPoints(h.trajectory);
    const z = assignAnchor(modes, goal);
    if (!decoded(modes[z]!.mode)) continue;
    modes[z]!.samples.push({ trajectory: h.trajectory, goal, source: 'kinematic', name: h.name });
  }
}

/** A CVAE sample's budget score p(z|x) · w_c; anchors are never dropped. */
function sampleScore(m: FrameModePrediction, s: FrameSample): number {
  return m.probability * (m.goals[s.component ?? 0]?.weight ?? 0);
}

/**
 * Drops CVAE samples (never anchors) until at most `budget` samples remain over all modes, in place,
 * by the header's rule: lowest p(z|x) · w_c first, ties dropping the later sample first. Throws a
 * RangeError when the anchors alone exceed the budget.
 */
export function applyBudget(modes: FrameModePrediction[], budget: number): void {
  const all = modes.flatMap((m, mi) =>
    m.samples.map((s, si) => ({ mi, si, anchor: s.source === 'kinematic', score: sampleScore(m, s) })),
  );
  const anchors = all.filter((x) => x.anchor).length;
  if (anchors > budget)
    throw new RangeError(
      `joint set: ${anchors} anchors exceed the budget of ${budget} samples (option budget)`,
    );
  const excess = all.length - budget;
  if (excess <= 0) return;
  // position order is (mode, sample): the later of two equal scores sorts first and is dropped first
  const order = all
    .map((x, pos) => ({ ...x, pos }))
    .filter((x) => !x.anchor)
    .sort((u, v) => u.score - v.score || v.pos - u.pos);
  const drop = new Set(order.slice(0, excess).map((x) => `${x.mi}:${x.si}`));
  modes.forEach((m, mi) => {
    m.samples = m.samples.filter((_, si) => !drop.has(`${mi}:${si}`));
  });
}

// ---- The miss-aware joint set (issue 14, "a better use of the 6 joint predictions") ----
//
// WOMD scores a pair as missed when no joint prediction has BOTH agents' 8 s end points inside the
// speed-scaled box around the real ones (metrics/index.ts missBox, isMiss). The rule above keeps the
// goal components' means; this one chooses the `budget` joint goals that minimise the expected miss
// under the model's own predictive mixture
//   p(y|x) = Σ_z p(z|x) Σ_c w_zc N(y | μ_zc, diag σ_zc²),   y = (xA, yA, xB, yB), pair frame:
//   1. Pool: per mode z (only the decoded one when a mode is forced) and component c, the mean μ_zc
//      and `poolDraws` seeded draws from N(μ_zc, σ_zc); plus the anchors (kinematic joint predictions,
//      most probable first), each in the mode anchorLogScores gives it. Pool order (the tie order):
//      means by p(z|x) · w_zc, highest first (the old rule's order), then anchors, then the draws.
//   2. `mcDraws` seeded draws y_m of the mixture (of the forced mode's own mixture when a mode is
//      forced), each weight 1/M.
//   3. hit(g, m) = both agents of candidate g inside y_m's miss box (missBox with each agent's speed
//      and heading at t, the 8 s horizon: the box isMiss scores with, centred on the draw).
//   4. Greedy: first the `forceMeans` most probable means (the components rule's own first picks, so
//      the set keeps the model's likeliest futures: minFDE), then with `forceAnchors` the anchors;
//      then repeatedly the candidate that covers the most draws no chosen one covers, ties to the
//      earlier in the pool, until `budget` are chosen;
//      when no candidate covers a new draw, the next unchosen in pool order. P(at least one hits)
//      is monotone submodular in the set, so greedy is within 1 − 1/e of the best set of its size.
// Each chosen goal keeps the mode it was drawn from (its pseudo-label meaning) and the component it
// came from, and is decoded by that mode's trajectory decoder (model/predict.ts), so the futures are
// the model's; a chosen anchor keeps its kinematic trajectory. Within a mode the CVAE goals come in
// greedy order, then its anchors (eval's "most likely joint prediction" stays a CVAE sample).
// Deterministic for a (seed, stream): the draws come from util/rng.ts.

/** The miss-aware rule's parameters (config.ts JOINT_SET.missAware holds the chosen ones). */
export interface MissAwareParams {
  /** Seeded draws per goal component added to the pool besides its mean. */
  poolDraws: number;
  /** Monte Carlo draws of the predictive mixture the hit probabilities are estimated on. */
  mcDraws: number;
  /** Whether the anchors are in the set whatever their hits (else they compete as candidates). */
  forceAnchors: boolean;
  /**
   * How many of the pool's means, most probable first (p(z|x) · w_zc), are in the set before the
   * greedy runs (0: none; absent means 0). The pure greedy spreads the set for coverage and gives up
   * the likeliest futures, which costs minFDE on real scenes (docs/real-gap.md); forcing the top means
   * keeps them and spends only the rest of the budget on coverage.
   */
  forceMeans?: number;
  /**
   * The goal components' stds are multiplied by this in the pool draws and the Monte Carlo draws
   * (absent means 1: the model's own stds). A calibration of the mixture's spread, chosen by
   * `npm run anchors -- --miss-aware` (docs/real-gap.md).
   */
  stdScale?: number;
  /**
   * The modes' probabilities in the Monte Carlo draws are p(z|x)^(1/T), renormalised (absent means 1:
   * the prior as it is). Above 1 the set hedges toward the less probable modes, where a confident prior
   * is wrong. Measured by `npm run anchors -- --miss-aware` and left at 1: it does not lower the miss
   * rate (docs/real-gap.md).
   */
  modeTemperature?: number;
}

/** One chosen joint goal: its mode (index into the modes list) and the sample to decode (or the anchor's). */
export interface ChosenGoal {
  mode: number;
  sample: FrameSample;
}

/** Per agent of the pair at t, in the pair frame: speed (m/s) and heading (rad); the miss box's frame and scale. */
export interface PairKinematics {
  speed: readonly [number, number];
  heading: readonly [number, number];
}

type Goal = [number, number, number, number];
interface Candidate {
  mode: number;
  goal: Goal;
  component?: number;
  anchor?: JointHypothesis;
}

/** Salt of the miss-aware rule's random stream (util/rng.ts): apart from predictFrames' (17). */
const MISS_AWARE_SALT = 29;

/**
 * The miss-aware joint set of one request (the rule above): at most `budget` chosen goals, every
 * anchor in it when `forceAnchors`. `decoded` says which modes may get samples (a forced mode: only
 * it). Throws a RangeError naming the option when the parameters are not whole numbers in range.
 */
export function missAwareSet(
  modes: readonly FrameModePrediction[],
  anchors: readonly JointHypothesis[],
  kin: PairKinematics,
  budget: number,
  p: MissAwareParams,
  decoded: (mode: number) => boolean,
  seed: number,
  stream: number,
): ChosenGoal[] {
  for (const [name, v, min] of [
    ['budget', budget, 1],
    ['poolDraws', p.poolDraws, 0],
    ['mcDraws', p.mcDraws, 1],
    ['forceMeans', p.forceMeans ?? 0, 0],
  ] as const)
    if (!Number.isInteger(v) || v < min)
      throw new RangeError(`miss-aware joint set: option ${name} must be a whole number >= ${min}, got ${v}`);
  const positive = (name: 'stdScale' | 'modeTemperature'): number => {
    const v = p[name] ?? 1;
    if (!(v > 0 && Number.isFinite(v)))
      throw new RangeError(`miss-aware joint set: option ${name} must be a finite number > 0, got ${v}`);
    return v;
  };
  const scale = positive('stdScale');
  const temp = positive('modeTemperature');
  const rng = new Rng(seed, stream, MISS_AWARE_SALT);
  const live = modes.map((m, i) => ({ m, i })).filter((x) => decoded(x.m.mode));
  const draw = (g: { mean: number[]; std: number[] }): Goal =>
    g.mean.map((mu, d) => mu + scale * g.std[d]! * rng.normal()) as Goal;

  // 1. the pool: means by p(z|x) · w_zc, then anchors, then draws per (mode, component)
  const means: (Candidate & { score: number })[] = live.flatMap(({ m, i }) =>
    m.goals.map((g, c) => ({
      mode: i,
      goal: [...g.mean] as Goal,
      component: c,
      score: m.probability * g.weight,
    })),
  );
  means.sort((u, v) => v.score - u.score); // stable: ties keep (mode, component) order
  const pool: Candidate[] = means.map(({ mode, goal, component }) => ({ mode, goal, component }));
  for (const h of anchors) {
    const goal = endPoints(h.trajectory);
    const z = assignAnchor(modes, goal);
    if (decoded(modes[z]!.mode)) pool.push({ mode: z, goal, anchor: h });
  }
  const firstDraw = pool.length;
  for (const { m, i } of live)
    m.goals.forEach((g, c) => {
      for (let k = 0; k < p.poolDraws; k++) pool.push({ mode: i, goal: draw(g), component: c });
    });

  // 2. the Monte Carlo draws of the (forced mode's) mixture
  const mass = live.map(({ m }) => m.probability ** (1 / temp)); // x ** 1 is x exactly
  const total = mass.reduce((s, v) => s + v, 0);
  const M = p.mcDraws;
  const ys = new Float64Array(M * 4);
  for (let k = 0; k < M; k++) {
    const zi = pickIndex(mass, total, rng);
    const goals = live[zi]!.m.goals;
    const ci = pickIndex(
      goals.map((g) => g.weight),
      goals.reduce((s, g) => s + g.weight, 0),
      rng,
    );
    ys.set(draw(goals[ci]!), k * 4);
  }

  // 3. hits against each draw's 8 s miss box (the metrics' box, centred on the draw)
  const H8 = HORIZONS[2];
  const boxes = [0, 1].map((ag) => missBox(kin.heading[ag]!, kin.speed[ag]!, H8));
  // one bit per draw, 32 to a word: the greedy's gains are popcounts of whole words
  const P = pool.length;
  const W = (M + 31) >>> 5;
  const hits = new Uint32Array(P * W);
  pool.forEach((cand, j) => {
    const g = cand.goal;
    for (let k = 0; k < M; k++) {
      const y = k * 4;
      if (
        inMissBox(boxes[0]!, g[0] - ys[y]!, g[1] - ys[y + 1]!) &&
        inMissBox(boxes[1]!, g[2] - ys[y + 2]!, g[3] - ys[y + 3]!)
      )
        hits[j * W + (k >>> 5)]! |= 1 << (k & 31);
    }
  });

  // 4. greedy on the draws covered
  const covered = new Uint32Array(W);
  const chosen: number[] = [];
  const take = (j: number) => {
    chosen.push(j);
    for (let w = 0; w < W; w++) covered[w]! |= hits[j * W + w]!;
  };
  // the means lead the pool (by score), so the first forceMeans entries are the most probable means
  for (let j = 0; j < Math.min(p.forceMeans ?? 0, means.length) && chosen.length < budget; j++) take(j);
  if (p.forceAnchors)
    for (let j = 0; j < firstDraw && chosen.length < budget; j++) if (pool[j]!.anchor) take(j);
  const isChosen = new Uint8Array(P);
  for (const j of chosen) isChosen[j] = 1;
  while (chosen.length < Math.min(budget, P)) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < P; j++) {
      if (isChosen[j]) continue;
      let gain = 0;
      for (let w = 0; w < W; w++) gain += popcount(hits[j * W + w]! & ~covered[w]!);
      if (gain > bestGain) {
        best = j;
        bestGain = gain;
      }
    }
    if (best < 0) best = isChosen.indexOf(0); // nothing new covered: the next in pool order
    isChosen[best] = 1;
    take(best);
  }

  // per mode: the CVAE goals in greedy order, then its anchors
  return chosen
    .map((j, r) => ({ c: pool[j]!, r }))
    .sort((u, v) => u.c.mode - v.c.mode || +!!u.c.anchor - +!!v.c.anchor || u.r - v.r)
    .map(({ c }) => ({
      mode: c.mode,
      sample: c.anchor
        ? { trajectory: c.anchor.trajectory, goal: c.goal, source: 'kinematic', name: c.anchor.name }
        : { trajectory: new Float32Array(0), goal: c.goal, component: c.component },
    }));
}

/** Set bits of a 32-bit word (the SWAR count). */
function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** An index drawn with probability weights[i] / total (the last one on rounding). */
function pickIndex(weights: readonly number[], total: number, rng: Rng): number {
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) if ((u -= weights[i]!) < 0) return i;
  return weights.length - 1;
}
