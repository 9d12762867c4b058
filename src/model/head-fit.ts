// The loop that trains one head of a frozen network on rows cached from it (prior-train.ts: the
// prior head; goal-train.ts: the goal head). Contract of `fitHead`:
//  - Adam over `vars` only, at cfg.learningRate; epoch e visits the n rows in the order
//    Rng(cfg.seed, e, salt).shuffle, in floor(n / batch) batches (the rest of an epoch is left out).
//  - `batch(idx)` makes a batch's tensors (disposed after its step); `loss(b, step)` is the scalar to
//    lower, `step` counting the batches taken over the run (a seed for per-step randomness).
//  - `score()` scores the stop set: its `total` decides. It runs before the first epoch (epoch 0) and
//    after each; the weights of the epoch with the lowest total are restored at the end, and a run
//    stops after cfg.patience epochs without a lower one.
//  - The history has per epoch `train_total` (the mean batch loss) and `stop_` + each field of score().
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/rng';

export interface HeadSchedule {
  epochs: number;
  batch: number;
  learningRate: number;
  seed: number;
  /** Stop after this many epochs without a lower stop-set total. */
  patience: number;
}

export type HeadRecord = Record<string, number>;

export interface HeadRun {
  history: HeadRecord[];
  bestEpoch: number;
  seconds: number;
  steps: number;
}

/** Rows `idx` of a row-major table of width `w`, copied into one array. */
export function takeRows(src: Float32Array, idx: readonly number[], w: number): Float32Array {
  const out = new Float32Array(idx.length * w);
  idx.forEach((r, k) => out.set(src.subarray(r * w, (r + 1) * w), k * w));
  return out;
}

/** Trains `vars` in place (the header's contract). */
export async function fitHead<B extends Record<string, tf.Tensor>>(o: {
  vars: tf.Variable[];
  n: number;
  cfg: HeadSchedule;
  salt: number;
  batch: (idx: number[]) => B;
  loss: (b: B, step: number) => tf.Scalar;
  score: () => Promise<HeadRecord & { total: number }>;
  onEpoch?: (e: HeadRecord) => void;
}): Promise<HeadRun> {
  const { vars, cfg } = o;
  const steps = Math.floor(o.n / cfg.batch);
  if (steps === 0) throw new Error(`${o.n} training rows do not fill one batch of ${cfg.batch}`);
  const opt = tf.train.adam(cfg.learningRate);
  const t0 = performance.now();
  const first = await o.score();
  const history: HeadRecord[] = [{ epoch: 0, ...prefixed('stop', first) }];
  o.onEpoch?.(history[0]!);
  let best = { loss: first.total, epoch: 0, weights: vars.map((v) => v.clone()) };
  let taken = 0;
  for (let epoch = 1; epoch <= cfg.epochs; epoch++) {
    const idx = new Rng(cfg.seed, epoch, o.salt).shuffle([...Array(o.n).keys()]);
    let sum = 0;
    for (let s = 0; s < steps; s++) {
      const b = o.batch(idx.slice(s * cfg.batch, (s + 1) * cfg.batch));
      const { value, grads } = tf.variableGrads(() => o.loss(b, taken), vars);
      opt.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
      sum += (await value.data())[0]!;
      tf.dispose([value, ...Object.values(grads), ...Object.values(b)]);
      taken++;
    }
    const score = await o.score();
    history.push({ epoch, train_total: sum / steps, ...prefixed('stop', score) });
    o.onEpoch?.(history[history.length - 1]!);
    if (score.total < best.loss) {
      tf.dispose(best.weights);
      best = { loss: score.total, epoch, weights: vars.map((v) => v.clone()) };
    } else if (epoch - best.epoch >= cfg.patience) break;
  }
  vars.forEach((v, i) => v.assign(best.weights[i]!));
  tf.dispose(best.weights);
  opt.dispose();
  return { history, bestEpoch: best.epoch, seconds: (performance.now() - t0) / 1000, steps: taken };
}

const prefixed = (p: string, r: HeadRecord) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [`${p}_${k}`, v]));
