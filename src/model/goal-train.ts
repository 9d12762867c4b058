// Training the goal head alone (issue 14, `npm run train -- --goals-only --goal-components G`): a
// goal mixture of G components per mode on the frozen network, so the encoder, prior, posterior and
// decoder stay exactly as in the model it starts from, and so does every latent figure (the prior's
// agreement with the pseudo label, I(z; label), the fusion). Contract:
//  - `frozenGoalInputs(params, samples)` runs the frozen network once per sample (in batches): the
//    context x, the posterior's probabilities q(z|x,y), and the pair's 8 s end points (scaled, as
//    losses.ts goalTargets) with whether both are known. Nothing is trained there.
//  - `widenGoals(params, G, seed)` is a copy of `params` whose goal head has G components per mode:
//    goal1 is the init's; goal2's columns for component c copy the init's component c mod G0, its
//    weight logit lowered by log(copies) so the mixture is the init's, and each copy's mean bias moved
//    by a seeded offset (JITTER, scaled units) so the copies can part. The other variables are the
//    same tensors (not copies).
//  - `trainGoalHead(head, train, stop, cfg)` trains goal1 / goal2 of `head` in place with Adam on the
//    goal term of the full objective (losses.ts): the mean over rows with a known end point of
//    Σ_z q(z|x,y) · NLL_z(end points), q the frozen posterior, as the full training weighs it; with
//    cfg.hitWeight > 0 each mode's term also gets hitWeight · min_c (the component mean's offset from
//    the end points in WOMD's 8 s miss box units, squared: a winner-takes-all pull toward a hit;
//    tried and not adopted, docs/real-gap.md); with cfg.boxKernel = K > 0 the NLL is instead that of
//    the mixture convolved with each agent's box kernel (boxKernelNLLPerMode: a Gaussian of K x the
//    8 s miss box's half sizes along and across its heading; tried and not adopted either). After
//    each epoch it scores `stop`; in the end it restores the epoch with the lowest stop loss
//    (patience epochs without improvement end the run). Seeded batch order (head-fit.ts fitHead, the
//    loop it shares with prior-train.ts); returns the history (stop_total: the stop set's goal loss).
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/rng';
import { fitHead, takeRows, type HeadRecord, type HeadRun, type HeadSchedule } from './head-fit';
import { HORIZONS, missBox } from '../scene/geometry';
import { FEATURES, NETWORK } from './config';
import type { Sample } from './features';
import { disposeBatch, inputBatch, targetBatch } from './batch';
import { GOAL_PARAMS, MAX_GOAL_COMPONENTS } from './layers';
import { goalNLLPerMode, goalTargets } from './losses';
import { encode, goalComponentsOf, goalMixture, posteriorLogits, type Params } from './network';

const { modes: M, context: C } = NETWORK;
const SCALE = FEATURES.scaleM;
/** Rng salt of the head's batch order (train.ts uses 5, prior-train.ts 6). */
const GOAL_SHUFFLE_SALT = 8;
/** Rng salt of widenGoals' offsets. */
const JITTER_SALT = 9;
/**
 * Spread of the offsets given to copied component means, scaled units (x FEATURES.scaleM = 1 m):
 * enough to break the copies' symmetry in the first steps, small beside the 8 s end points' spread
 * (tens of metres), so the widened model starts where the init model was.
 */
export const JITTER = 0.1;
/** Samples per frozen forward pass (as prior-train.ts). */
const FROZEN_BATCH = 64;

/** The frozen network's outputs the goal head trains on, row per sample. */
export interface GoalData {
  n: number;
  ctx: Float32Array; // n * C
  q: Float32Array; // n * M
  goal: Float32Array; // n * 4, scaled
  known: Float32Array; // n, 1 when both 8 s end points are known
  /** Per agent of the pair, its 8 s miss box (geometry.ts missBox): cos, sin, 1 / lon, 1 / lat (scaled units): n * 8. */
  box: Float32Array;
}

/** The goal head's schedule, and the weight of the hit term (the header; 0: the goal NLL alone). */
export interface GoalHeadConfig extends HeadSchedule {
  hitWeight?: number;
  /** The box kernel's scale (the header; 0 or absent: the plain goal NLL). */
  boxKernel?: number;
}

/** The frozen context, posterior and end points of each sample (see the header). */
export async function frozenGoalInputs(params: Params, samples: Sample[]): Promise<GoalData> {
  const n = samples.length;
  const out: GoalData = {
    n,
    ctx: new Float32Array(n * C),
    q: new Float32Array(n * M),
    goal: new Float32Array(n * 4),
    known: new Float32Array(n),
    box: new Float32Array(n * 8),
  };
  samples.forEach((smp, i) =>
    [0, 1].forEach((ag) => {
      const b = missBox(smp.frame.localHeading[ag]!, smp.frame.speed[ag]!, HORIZONS[2]);
      out.box.set([b.c, b.s, SCALE / b.lon, SCALE / b.lat], i * 8 + ag * 4);
    }),
  );
  for (let i = 0; i < n; i += FROZEN_BATCH) {
    const part = samples.slice(i, i + FROZEN_BATCH);
    // the posterior and the goals never read d(x); the encoder neither
    const x = inputBatch(part.map((s) => ({ ...s.features, knowledge: undefined })));
    const y = targetBatch(part.map((s) => s.targets));
    const [ctx, q, goal, known] = tf.tidy(() => {
      const c = encode(params, x);
      const t = goalTargets(y.future, y.futureMask);
      return [c, tf.softmax(posteriorLogits(params, c, y.future, y.futureMask)), t.goal, t.known];
    });
    out.ctx.set(await ctx!.data(), i * C);
    out.q.set(await q!.data(), i * M);
    out.goal.set(await goal!.data(), i * 4);
    out.known.set(await known!.data(), i);
    tf.dispose([ctx!, q!, goal!, known!]);
    disposeBatch(x);
    disposeBatch(y);
  }
  return out;
}

/** `params` with a goal head of `g` components per mode, starting as the init's mixture (the header). */
export function widenGoals(params: Params, g: number, seed: number): Params {
  const g0 = goalComponentsOf(params);
  if (!(Number.isInteger(g) && g >= 1 && g <= MAX_GOAL_COMPONENTS))
    throw new Error(`goal components ${g}: expected a whole number from 1 to ${MAX_GOAL_COMPONENTS}`);
  if (g < g0) throw new Error(`goal components ${g}: the init model has ${g0}; the head only widens`);
  const k = params['goal2/kernel']!.arraySync() as number[][];
  const bias = params['goal2/bias']!.arraySync() as number[];
  const rng = new Rng(seed, g, JITTER_SALT);
  const copies = (c0: number) => Math.floor((g - 1 - c0) / g0) + 1; // components c < g with c mod g0 = c0
  const colsK: number[][] = k.map(() => []);
  const colsB: number[] = [];
  // goal2 is shared by the modes (goal1 reads the mode one-hot): its columns are component-major
  for (let c = 0; c < g; c++) {
    const c0 = c % g0;
    const fresh = c >= g0;
    for (let j = 0; j < GOAL_PARAMS; j++) {
      const src = c0 * GOAL_PARAMS + j;
      k.forEach((row, r) => colsK[r]!.push(row[src]!));
      let b = bias[src]!;
      if (j === 0)
        b -= Math.log(copies(c0)); // the weight logit: copies share the init's weight
      else if (j <= 4 && fresh) b += JITTER * (2 * rng.next() - 1); // a copy's mean parts from its source
      colsB.push(b);
    }
  }
  const head: Params = { ...params };
  head['goal1/kernel'] = tf.variable(params['goal1/kernel']!.clone() as tf.Tensor, true);
  head['goal1/bias'] = tf.variable(params['goal1/bias']!.clone() as tf.Tensor, true);
  head['goal2/kernel'] = tf.variable(tf.tensor2d(colsK, [k.length, g * GOAL_PARAMS]), true);
  head['goal2/bias'] = tf.variable(tf.tensor1d(colsB), true);
  return head;
}

const HEAD_VARS = ['goal1/kernel', 'goal1/bias', 'goal2/kernel', 'goal2/bias'];

/** Rows `idx` of a GoalData as tensors. */
function rows(d: GoalData, idx: readonly number[]) {
  return {
    ctx: tf.tensor2d(takeRows(d.ctx, idx, C), [idx.length, C]),
    q: tf.tensor2d(takeRows(d.q, idx, M), [idx.length, M]),
    goal: tf.tensor2d(takeRows(d.goal, idx, 4), [idx.length, 4]),
    known: tf.tensor1d(takeRows(d.known, idx, 1)),
    box: tf.tensor3d(takeRows(d.box, idx, 8), [idx.length, 2, 4]),
  };
}

/**
 * Mean over known rows of Σ_z q_z (NLL_z + hitWeight · min_c box_zc): losses.ts's goal term, plus the
 * hit term, the squared offset of the mode's nearest component mean from the end points in units of
 * WOMD's 8 s miss box (each agent's (lon / L)² + (lat / W)², summed; under 2 for a hit).
 */
function headLoss(head: Params, r: ReturnType<typeof rows>, hitWeight = 0, boxKernel = 0): tf.Scalar {
  const gm = goalMixture(head, r.ctx);
  let perMode =
    boxKernel > 0 ? boxKernelNLLPerMode(gm, r.goal, r.box, boxKernel) : goalNLLPerMode(gm, r.goal); // [B, M]
  if (hitWeight > 0) {
    const b = r.ctx.shape[0];
    const G = gm.mean.shape[2]!;
    const d = tf.reshape(tf.sub(gm.mean, tf.reshape(r.goal, [b, 1, 1, 4])), [b, M, G, 2, 2]);
    const box = tf.reshape(r.box, [b, 1, 1, 2, 4]);
    const [c, s, invLon, invLat] = tf.unstack(box, 4);
    const [dx, dy] = tf.unstack(d, 4);
    const lon = tf.mul(tf.add(tf.mul(c!, dx!), tf.mul(s!, dy!)), invLon!);
    const lat = tf.mul(tf.sub(tf.mul(c!, dy!), tf.mul(s!, dx!)), invLat!);
    const off = tf.sum(tf.add(tf.square(lon), tf.square(lat)), 3); // [B, M, G]
    perMode = tf.add(perMode, tf.mul(tf.min(off, 2), hitWeight));
  }
  const perRow = tf.sum(tf.mul(r.q, perMode), 1);
  return tf.div(tf.sum(tf.mul(perRow, r.known)), tf.maximum(tf.sum(r.known), 1)) as tf.Scalar;
}

/**
 * -log Σ_c w_zc ∫ N(g | μ_zc, diag σ_zc²) k(y − g) dg per row and mode: the goal NLL of the mixture
 * convolved with each agent's box kernel k, a Gaussian whose std along the agent's heading at t is
 * `scale` x the 8 s miss box's longitudinal threshold and across it `scale` x the lateral one (so a
 * component covariance becomes diag σ² + R diag(L², W²) Rᵀ, R the heading's rotation, per agent).
 * The kernel blurs the end point to the miss box's size: spread finer than a box no longer pays, and
 * the weights pay for mass within a box of the end point, as the miss rate counts. [B, M].
 */
export function boxKernelNLLPerMode(
  gm: ReturnType<typeof goalMixture>,
  goal: tf.Tensor,
  box: tf.Tensor,
  scale: number,
): tf.Tensor {
  const b = goal.shape[0]!;
  const G = gm.mean.shape[2]!;
  const d = tf.reshape(tf.sub(tf.reshape(goal, [b, 1, 1, 4]), gm.mean), [b, M, G, 2, 2]);
  const v = tf.reshape(tf.exp(tf.mul(gm.logStd, 2)), [b, M, G, 2, 2]);
  const [c, s, invLon, invLat] = tf.unstack(tf.reshape(box, [b, 1, 1, 2, 4]), 4);
  const l2 = tf.square(tf.div(scale, invLon!));
  const w2 = tf.square(tf.div(scale, invLat!));
  const [dx, dy] = tf.unstack(d, 4);
  const [vx, vy] = tf.unstack(v, 4);
  const cc = tf.square(c!);
  const ss = tf.square(s!);
  const sxx = tf.add(vx!, tf.add(tf.mul(cc, l2), tf.mul(ss, w2)));
  const syy = tf.add(vy!, tf.add(tf.mul(ss, l2), tf.mul(cc, w2)));
  const sxy = tf.mul(tf.mul(c!, s!), tf.sub(l2, w2));
  const det = tf.sub(tf.mul(sxx, syy), tf.square(sxy));
  const quad = tf.div(
    tf.add(
      tf.sub(tf.mul(syy, tf.square(dx!)), tf.mul(tf.mul(sxy, tf.mul(dx!, dy!)), 2)),
      tf.mul(sxx, tf.square(dy!)),
    ),
    det,
  );
  // per agent: log N(d | 0, S) = −log 2π − ½ log det S − ½ dᵀS⁻¹d; summed over the pair's two agents
  const ll = tf.sum(tf.neg(tf.add(tf.add(tf.mul(tf.log(det), 0.5), tf.mul(quad, 0.5)), LOG_2PI)), 3); // [B, M, G]
  return tf.neg(tf.logSumExp(tf.add(gm.logWeights, ll), 2));
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Rows a scoring pass reads at once. */
const SCORE_CHUNK = 1024;

/** The goal loss over all rows of `d` (the mean over its known rows). */
export async function scoreGoalHead(
  head: Params,
  d: GoalData,
  hitWeight = 0,
  boxKernel = 0,
): Promise<number> {
  let sum = 0;
  let known = 0;
  for (let i = 0; i < d.n; i += SCORE_CHUNK) {
    const idx = [...Array(Math.min(SCORE_CHUNK, d.n - i)).keys()].map((k) => i + k);
    const r = rows(d, idx);
    const n = d.known.subarray(i, i + idx.length).reduce((a, v) => a + v, 0);
    const t = tf.tidy(() => headLoss(head, r, hitWeight, boxKernel));
    sum += (await t.data())[0]! * n;
    known += n;
    tf.dispose([t, ...Object.values(r)]);
  }
  return sum / Math.max(known, 1);
}

/** Trains goal1 / goal2 of `head` in place (the header's contract; the loop is head-fit.ts). */
export async function trainGoalHead(
  head: Params,
  train: GoalData,
  stop: GoalData,
  cfg: GoalHeadConfig,
  onEpoch?: (e: HeadRecord) => void,
): Promise<HeadRun> {
  return fitHead({
    vars: HEAD_VARS.map((k) => head[k]!),
    n: train.n,
    cfg,
    salt: GOAL_SHUFFLE_SALT,
    batch: (idx) => rows(train, idx),
    loss: (r) => headLoss(head, r, cfg.hitWeight, cfg.boxKernel),
    score: async () => ({ total: await scoreGoalHead(head, stop, cfg.hitWeight, cfg.boxKernel) }),
    onEpoch,
  });
}
