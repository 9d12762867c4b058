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
