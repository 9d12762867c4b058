// CVAE training objective with the exact sum over the discrete latent (no sampling of z):
//   sum_z q(z|x,y) [traj error + goal NLL] + KL(q || p) + labelWeight * (CE(q, label) + CE(p, label)).
// labelWeight 0 is the vanilla CVAE baseline.
import * as tf from '@tensorflow/tfjs';
import { FEATURES, NETWORK, type TrainConfig } from './config';
import {
  encode,
  goalMixture,
  posteriorLogits,
  priorLogits,
  decodeAllModes,
  kinematics,
  type GoalMixture,
  type InputBatch,
  type Params,
} from './network';

const { modes: M } = NETWORK;
const { future: FUT, scaleM: SCALE } = FEATURES;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export interface TargetBatch {
  /** [B, FUTURE_DIM] metres, pair frame. */
  future: tf.Tensor;
  /** [B, 2*FUT] */
  futureMask: tf.Tensor;
  /** [B] int32 pseudo labels. */
  label: tf.Tensor;
}

export interface LossTerms {
  total: tf.Scalar;
  /** Expected (under q) mean displacement over valid steps, metres. */
  traj: tf.Scalar;
  /** Expected goal negative log-likelihood (scaled units), over samples whose 8 s end point is known. */
  goal: tf.Scalar;
  kl: tf.Scalar;
  /** CE(q, label) + CE(p, label); computed for the vanilla model too, where its weight is 0. */
  label: tf.Scalar;
}

/** Identity forward, zero gradient: a goal predicted by the model feeds the decoder as a constant. */
const stopGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
  value: tf.clone(args[0] as tf.Tensor),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
}));

/** The pair's end points at the last future step, scaled, [B, 4], and whether both are known, [B]. */
export function goalTargets(
  future: tf.Tensor,
  futureMask: tf.Tensor,
): { goal: tf.Tensor2D; known: tf.Tensor1D } {
  const f = tf.reshape(future, [-1, 2, FUT, 2]);
  const goal = tf.reshape(tf.slice(f, [0, 0, FUT - 1, 0], [-1, 2, 1, 2]), [-1, 4]);
  const m = tf.reshape(futureMask, [-1, 2, FUT]);
  const known = tf.prod(tf.reshape(tf.slice(m, [0, 0, FUT - 1], [-1, 2, 1]), [-1, 2]), 1);
  return { goal: tf.div(goal, SCALE) as tf.Tensor2D, known: known as tf.Tensor1D };
}

/** Each mode's goal-mixture negative log-likelihood of the pair's end points `goal` [B, 4] (scaled): [B, M]. */
export function goalNLLPerMode(gm: GoalMixture, goal: tf.Tensor): tf.Tensor {
  const b = goal.shape[0]!;
  const diff = tf.div(tf.sub(tf.reshape(goal, [b, 1, 1, 4]), gm.mean), tf.exp(gm.logStd));
  const compLL = tf.neg(tf.sum(tf.add(tf.add(gm.logStd, tf.mul(tf.square(diff), 0.5)), HALF_LOG_2PI), 3));
  return tf.neg(tf.logSumExp(tf.add(gm.logWeights, compLL), 2));
}

/** Exact KL(q || p) for categorical q and p given as log-probabilities, per row. */
export function categoricalKL(logq: tf.Tensor, logp: tf.Tensor): tf.Tensor {
  return tf.sum(tf.mul(tf.exp(logq), tf.sub(logq, logp)), -1);
}

export function lossTerms(p: Params, x: InputBatch, y: TargetBatch, cfg: TrainConfig): LossTerms {
  const ctx = encode(p, x);
  const logp = tf.logSoftmax(priorLogits(p, ctx, x.knowledge));
  const logq = tf.logSoftmax(posteriorLogits(p, ctx, y.future, y.futureMask));
  const q = tf.exp(logq);
  const b = ctx.shape[0];

  // goal mixture NLL per (sample, mode)
  const gm = goalMixture(p, ctx);
  const { goal, known } = goalTargets(y.future, y.futureMask);
  const goalNLL = goalNLLPerMode(gm, goal); // [B, M]

  // decoder goal: the real end point when known, else the mode's most likely goal (no gradient)
  const top = tf.oneHot(tf.argMax(gm.logWeights, 2), gm.logWeights.shape[2]!).toFloat(); // [B, M, G]
  const predGoal = stopGradient(tf.sum(tf.mul(tf.expandDims(top, 3), gm.mean), 2)) as tf.Tensor; // [B, M, 4]
  const k = tf.reshape(known, [b, 1, 1]);
  const goalIn = tf.add(tf.mul(tf.reshape(goal, [b, 1, 4]), k), tf.mul(predGoal, tf.sub(1, k)));
  const traj = tf.reshape(
    decodeAllModes(p, ctx, kinematics(x), tf.reshape(goalIn, [b * M, 4]) as tf.Tensor2D),
    [b, M, 2 * FUT, 2],
  );
  const truth = tf.reshape(tf.div(y.future, SCALE), [b, 1, 2 * FUT, 2]);
  const dist = tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(traj, truth)), 3), 1e-6)); // [B, M, 2FUT]
  const mask = tf.reshape(y.futureMask, [b, 1, 2 * FUT]);
  const trajErr = tf.div(tf.sum(tf.mul(dist, mask), 2), tf.maximum(tf.sum(mask, 2), 1)); // [B, M]

  const rec = tf.add(
    tf.mul(trajErr, cfg.trajWeight),
    tf.mul(tf.mul(goalNLL, tf.reshape(known, [b, 1])), cfg.goalWeight),
  );
  const recon = tf.mean(tf.sum(tf.mul(q, rec), 1));
  const kl = tf.mean(categoricalKL(logq, logp));
  const onehot = tf.oneHot(tf.cast(y.label, 'int32'), M).toFloat();
  const labelCE = tf.mean(tf.neg(tf.sum(tf.mul(onehot, tf.add(logq, logp)), 1)));
  const total = tf.add(
    tf.add(recon, tf.mul(kl, cfg.klWeight)),
    tf.mul(labelCE, cfg.labelWeight),
  ) as tf.Scalar;
  const knownCount = tf.maximum(tf.sum(known), 1);
  return {
    total,
    traj: tf.mul(tf.mean(tf.sum(tf.mul(q, trajErr), 1)), SCALE) as tf.Scalar,
    goal: tf.div(tf.sum(tf.mul(tf.sum(tf.mul(q, goalNLL), 1), known)), knownCount) as tf.Scalar,
    kl: kl as tf.Scalar,
    label: labelCE as tf.Scalar,
  };
}
