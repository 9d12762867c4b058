// The training loop, plain tfjs so it runs wherever the model does (Node's wasm backend for
// `npm run train`, the unit test; nothing here touches files or the console). Contract:
//  - `train` takes the caller's params (createParams(cfg.seed) for a fresh run) and updates them
//    in place with Adam, one batch a step, `floor(samples / batch)` steps an epoch, `cfg.epochs`
//    epochs; it returns where it ended and the per-epoch history.
//  - Seeded: the batch order of epoch e is a shuffle drawn from Rng(cfg.seed, e, SHUFFLE_SALT), a
//    fresh stream per epoch, so the same samples, config and params give the same weights. No RNG
//    state is carried between steps; the loss sums over the latent exactly (no sampling of z).
//  - Every `checkpointEvery` steps and at the last step it hands `onCheckpoint` the serialisable
//    state (model.json + weights, Adam's slots, step and history in the model's metadata); a run
//    given that state as `resume` continues from its step with its weights, slots and history.
//    Not bit for bit: tfjs's Adam restores its bias correction as beta^(t+1), at times an ulp off
//    the running product of an unbroken run (the unit test measures the difference). The train
//    loss averages start afresh on resume.
//  - After each epoch it validates on the validation samples and appends a history entry.
//  - Fewer training samples than one batch is an error (there would be no step to take).
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/rng';
import { DATA_CONFIG, type TrainConfig } from './config';
import type { Sample } from './features';
import { disposeBatch, inputBatch, targetBatch } from './batch';
import { lossTerms } from './losses';
import type { Params } from './network';
import { decodeModel, encodeModel, type ModelJson } from './weights';

/** Salt of the shuffle stream (util/rng.ts): the trained weights depend on it, keep it fixed. */
const SHUFFLE_SALT = 5;
/** Weight of a new step in the reported train loss averages: about the last 50 steps count. */
const EMA_NEW = 0.02;
/** About a minute of training at the ~5 steps/s of one wasm core: what an interruption may lose. */
export const CHECKPOINT_EVERY = 250;

export type LossRecord = Record<string, number>;

/** What a checkpoint holds; every field serialises to the files the CLI writes. */
export interface TrainCheckpoint {
  /** The params, with `{ step, ...meta, cfg, history }` as userDefinedMetadata. */
  model: { json: ModelJson; data: ArrayBuffer };
  /** Adam's iteration count and slots (tf.io weights manifest + shard). */
  optimizer: { specs: tf.io.WeightsManifestEntry[]; data: ArrayBuffer };
  /** Where it came from, for error messages on resume. */
  source?: string;
}

export interface TrainProgress {
  step: number;
  totalSteps: number;
  /** 1-based epoch the step belongs to. */
  epoch: number;
  /** Moving averages of the train loss terms (total, traj, goal, kl, label). */
  loss: LossRecord;
  /** Steps per second since this call started (steps before a resume do not count). */
  stepsPerSecond: number;
}

export interface TrainOptions {
  checkpointEvery?: number;
  /** Continue from this checkpoint: its weights, Adam slots, step and history. */
  resume?: TrainCheckpoint;
  /** Extra checkpoint metadata (the CLI's variant). */
  meta?: Record<string, unknown>;
  onStart?(at: { step: number; totalSteps: number; stepsPerEpoch: number }): void;
  onStep?(p: TrainProgress): void;
  onEpoch?(e: { epoch: number; step: number; val: LossRecord }): void | Promise<void>;
  onCheckpoint?(c: TrainCheckpoint): void | Promise<void>;
}

export interface TrainRun {
  /** The step the run started from (0, or the resumed checkpoint's). */
  firstStep: number;
  steps: number;
  seconds: number;
  history: LossRecord[];
}

/** Mean loss terms over full batches of `samples` (one short batch when there are fewer). */
export async function evaluateLoss(params: Params, samples: Sample[], cfg: TrainConfig): Promise<LossRecord> {
  const sums: LossRecord = { total: 0, traj: 0, goal: 0, kl: 0, label: 0 };
  let n = 0;
  for (let i = 0; i + cfg.batch <= samples.length || (i === 0 && samples.length > 0); i += cfg.batch) {
    const { x, y } = batchOf(samples.slice(i, i + cfg.batch));
    const terms = tf.tidy(() => ({ ...lossTerms(params, x, y, cfg) }) as Record<string, tf.Scalar>);
    for (const [k, t] of Object.entries(terms)) sums[k]! += (await t.data())[0]!;
    tf.dispose(Object.values(terms));
    disposeBatch(x);
    disposeBatch(y);
    n++;
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / Math.max(1, n)]));
}

export async function train(
  params: Params,
  trainSamples: Sample[],
  valSamples: Sample[],
  cfg: TrainConfig,
  opts: TrainOptions = {},
): Promise<TrainRun> {
  const stepsPerEpoch = Math.floor(trainSamples.length / cfg.batch);
  if (stepsPerEpoch === 0)
    throw new Error(`${trainSamples.length} training samples do not fill one batch of ${cfg.batch}`);
  const totalSteps = stepsPerEpoch * cfg.epochs;
  const everyCkpt = opts.checkpointEvery ?? CHECKPOINT_EVERY;
  const optimizer = tf.train.adam(cfg.learningRate);
  const history: LossRecord[] = [];
  let step = 0;
  if (opts.resume) step = await restore(params, optimizer, opts.resume, history);

  const t0 = performance.now();
  const step0 = step;
  opts.onStart?.({ step, totalSteps, stepsPerEpoch });
  const ema: LossRecord = {};
  let idx: number[] = [];
  let idxEpoch = -1;
  while (step < totalSteps) {
    const epoch = Math.floor(step / stepsPerEpoch);
    if (epoch !== idxEpoch) [idx, idxEpoch] = [order(trainSamples.length, cfg.seed, epoch), epoch];
    const k = step % stepsPerEpoch;
    const { x, y } = batchOf(idx.slice(k * cfg.batch, (k + 1) * cfg.batch).map((i) => trainSamples[i]!));
    let terms: Record<string, tf.Scalar> = {};
    const { value, grads } = tf.variableGrads(() => {
      const l = lossTerms(params, x, y, cfg);
      terms = { traj: tf.keep(l.traj), goal: tf.keep(l.goal), kl: tf.keep(l.kl), label: tf.keep(l.label) };
      return l.total;
    });
    optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    terms.total = value;
    for (const [name, t] of Object.entries(terms)) {
      const v = (await t.data())[0]!;
      ema[name] = ema[name] === undefined ? v : (1 - EMA_NEW) * ema[name]! + EMA_NEW * v;
    }
    tf.dispose([...Object.values(terms), ...Object.values(grads)]);
    disposeBatch(x);
    disposeBatch(y);
    step++;
    const stepsPerSecond = (step - step0) / ((performance.now() - t0) / 1000);
    opts.onStep?.({ step, totalSteps, epoch: epoch + 1, loss: { ...ema }, stepsPerSecond });
    if (step % stepsPerEpoch === 0) {
      const val = await evaluateLoss(params, valSamples, cfg);
      history.push({
        epoch: step / stepsPerEpoch,
        step,
        ...Object.fromEntries(Object.entries(ema).map(([n, e]) => [`train_${n}`, e])),
        ...Object.fromEntries(Object.entries(val).map(([n, e]) => [`val_${n}`, e])),
      });
      await opts.onEpoch?.({ epoch: step / stepsPerEpoch, step, val });
    }
    if (opts.onCheckpoint && (step % everyCkpt === 0 || step === totalSteps))
      await opts.onCheckpoint(await checkpoint(params, optimizer, { step, ...opts.meta, cfg, history }));
  }
  optimizer.dispose();
  return { firstStep: step0, steps: totalSteps, seconds: (performance.now() - t0) / 1000, history };
}

/** The weights card of a finished run (model.json userDefinedMetadata; eval adds `metrics`). */
export function trainingCard(
  run: TrainRun,
  cfg: TrainConfig,
  about: {
    variant: string;
    commit: string;
    trainSamples: number;
    trainScenes: number;
    /** What the data was when it is not the synthetic DATA_CONFIG (real WOMD scenes: dirs, rule, split or fold). */
    data?: Record<string, unknown>;
    /** The model folder whose weights the run started from (fine-tuning); absent: fresh from the seed. */
    init?: string;
  },
): Record<string, unknown> {
  return {
    variant: about.variant,
    ...(about.init ? { init: about.init } : {}),
    data: about.data ?? { ...DATA_CONFIG, trainSamples: about.trainSamples, trainScenes: about.trainScenes },
    train: cfg,
    seed: cfg.seed,
    commit: about.commit,
    backend: tf.getBackend(),
    steps: run.steps,
    trainSeconds: Math.round(run.seconds),
    stepsPerSecond: (run.steps - run.firstStep) / run.seconds,
    history: run.history,
  };
}

/** Fisher-Yates over the sample indices, one seeded stream per epoch. */
function order(n: number, seed: number, epoch: number): number[] {
  const idx = [...Array(n).keys()];
  const rng = new Rng(seed, epoch, SHUFFLE_SALT);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}

function batchOf(samples: Sample[]) {
  return { x: inputBatch(samples.map((s) => s.features)), y: targetBatch(samples.map((s) => s.targets)) };
}

async function checkpoint(
  params: Params,
  optimizer: tf.Optimizer,
  meta: { step: number; history: LossRecord[] } & Record<string, unknown>,
): Promise<TrainCheckpoint> {
  // the history goes on growing: the checkpoint keeps a copy of today's
  const model = await encodeModel(params, { ...meta, history: [...meta.history] });
  const slots = await optimizer.getWeights();
  const { specs, data } = await tf.io.encodeWeights(slots);
  tf.dispose(slots.filter((s) => s.name === 'iter').map((s) => s.tensor)); // a fresh scalar; the rest are live slots
  return { model, optimizer: { specs, data } };
}

/** Loads a checkpoint's weights into params and its slots into the optimizer; returns its step. */
async function restore(
  params: Params,
  optimizer: tf.Optimizer,
  c: TrainCheckpoint,
  history: LossRecord[],
): Promise<number> {
  for (const [k, v] of Object.entries(decodeModel(c.model.json, c.model.data, c.source))) {
    params[k]!.assign(v);
    v.dispose();
  }
  const named = tf.io.decodeWeights(c.optimizer.data, c.optimizer.specs);
  await optimizer.setWeights(c.optimizer.specs.map((s) => ({ name: s.name, tensor: named[s.name]! })));
  tf.dispose(Object.values(named)); // setWeights made variables of them
  const meta = c.model.json.userDefinedMetadata as { step: number; history: LossRecord[] };
  history.push(...meta.history);
  return meta.step;
}
