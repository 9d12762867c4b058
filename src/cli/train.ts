// `npm run train [-- --variant pseudo|vanilla] [--epochs N] [--scenes N] [--val-scenes N] [--resume]
// [--out DIR] [--checkpoints DIR] [--checkpoint-every N] [--data DIR] [--init MODEL_DIR]
// [--label-weight W]`: trains
// the CVAE (from the seed, or fine-tunes the weights in MODEL_DIR) on the tfjs wasm backend (the
// loop is model/train.ts) with a progress bar (loss terms, steps/s, ETA), a checkpoint every few
// hundred steps (--resume continues from it); writes public/models/VARIANT/ with its card.
// On real WOMD scenes (DESIGN.md 6b, docs/real-benchmark.md section 6): `--data real` or
// `--data real+synthetic` [--real DIR...] [--fold K] [--quick] [--real-scenes N] [--local-dir DIR];
// the samples come from lib/train-samples.ts, the weights go to
// models-local/VARIANT-real[-synth][-from-INIT][-lwW][-nN][-foldK]/ (never shipped).
// `--real-scenes N` (the learning curve, docs/real-gap.md "How much real data"): only N of the
// selection's training scenarios train, the N a fixed seed ranks first (model/dataset.ts
// realSubset: nested in N, the same in every fold); the held-out scenarios are unchanged.
// `--local-dir DIR` writes NAME under DIR (inside models-local/) instead, e.g. models-local/curve,
// so `npm run eval -- --real-only --local-dir DIR` scores those models apart from the others.
// `--data synthetic-v2` (issue 14): synthetic scenes 0..N-1 (--scenes N) made in memory, the designed
// pair plus the benchmark rule's pairs, tracking noise on the histories; validation on --val-scenes
// of the validation split made the same way; the weights go to models-local/VARIANT-v2/ by default.
// `--prior-only --init MODEL_DIR` (with --data synthetic-v2 or real): only the prior head, reading
// [context, d(x)] (model/knowledge.ts), trained on the frozen init model (cli/lib/prior-only.ts);
// written to models-local/VARIANT-v2-prior/ or models-local/VARIANT-real-from-INIT-prior[-foldK]/;
// `--no-knowledge` is its control, the same head with d(x) all zero (named -prior-noknow);
// `--context-dropout P` drops the frozen context at rate P while the head trains (prior-train.ts).
// `--goals-only --init MODEL_DIR --goal-components G` (with --data synthetic-v2): only the goal head,
// widened to G components per mode, trained on the frozen init model (cli/lib/goals-only.ts); written
// to models-local/VARIANT-v2-goalsG/ unless --out DIR.
// `--fuse-forecast --init MODEL_DIR --out DIR [--scenes N]`: nothing trained; the init model (a prior
// reading d(x)) with its prior fused with the constant-velocity forecast, the table counted on
// synthetic-v2 training pairs (cli/lib/fuse.ts, model/fusion.ts).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_CONFIG, REAL_TRAIN, VARIANTS, type Variant } from '../model/config';
import { CHECKPOINT_EVERY, train, trainingCard } from '../model/train';
import { encodeModel } from '../model/weights';
import { readCheckpoint, startParams, writeCheckpoint, writeModelFiles } from './lib/model-files';
import { trainPlan } from './lib/train-data';
import { trainProgress } from './lib/train-progress';
import { trainPriorOnly } from './lib/prior-only';
import { trainGoalsOnly } from './lib/goals-only';
import { fuseModel, FUSE_SCENES } from './lib/fuse';
import { loadTrainingData, trainingCommit } from './lib/train-samples';

const { values } = parseArgs({
  options: {
    variant: { type: 'string', default: 'pseudo' },
    epochs: { type: 'string' },
    'label-weight': { type: 'string' },
    scenes: { type: 'string' },
    'val-scenes': { type: 'string', default: '500' },
    resume: { type: 'boolean', default: false },
    out: { type: 'string' },
    checkpoints: { type: 'string', default: 'checkpoints' },
    'checkpoint-every': { type: 'string', default: String(CHECKPOINT_EVERY) },
    data: { type: 'string', default: DATA_CONFIG.dir },
    real: { type: 'string', multiple: true },
    fold: { type: 'string' },
    quick: { type: 'boolean', default: false },
    init: { type: 'string' },
    'real-scenes': { type: 'string' },
    'local-dir': { type: 'string' },
    'prior-only': { type: 'boolean', default: false },
    'no-knowledge': { type: 'boolean', default: false },
    'context-dropout': { type: 'string' },
    'fuse-forecast': { type: 'boolean', default: false },
    'goals-only': { type: 'boolean', default: false },
    'goal-components': { type: 'string' },
    'hit-weight': { type: 'string' },
    'box-kernel': { type: 'string' },
  },
});
const variant = values.variant as Variant;
if (values['fuse-forecast']) {
  // nothing trained: the init model's prior fused with the forecast (cli/lib/fuse.ts)
  if (!values.out) throw new Error('--fuse-forecast needs --out DIR: where the fused model goes');
  await tf.setBackend('wasm');
  await tf.ready();
  const model = await fuseModel({
    init: values.init,
    scenes: values.scenes === undefined ? FUSE_SCENES : Number(values.scenes),
    commit: trainingCommit(),
  });
  writeModelFiles(values.out, model);
  console.log(
    `${variant} fused with the forecast: weights ${(model.data.byteLength / 1e6).toFixed(2)} MB -> ${values.out}`,
  );
  process.exit(0);
}
const labelWeight = values['label-weight'] === undefined ? undefined : Number(values['label-weight']);
if (labelWeight !== undefined && !(Number.isFinite(labelWeight) && labelWeight >= 0))
  throw new Error(`--label-weight ${values['label-weight']}: expected a number >= 0`);
if (!(variant in VARIANTS))
  throw new Error(`unknown variant '${variant}'; known: ${Object.keys(VARIANTS).join(', ')}`);
/** --context-dropout P (prior-only): 0 <= P < 1, absent = 0. */
function contextDropout(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const p = Number(v);
  if (!(Number.isFinite(p) && p >= 0 && p < 1))
    throw new Error(`--context-dropout ${v}: expected 0 <= P < 1`);
  if (!values['prior-only']) throw new Error('--context-dropout applies to --prior-only runs only');
  return p;
}
const SHARED = join(import.meta.dirname, '../../../shared');
const plan = trainPlan(
  {
    ...values,
    variant,
    labelWeight: values['label-weight'],
    realScenes: values['real-scenes'],
    localDir: values['local-dir'],
    priorOnly: values['prior-only'],
    noKnowledge: values['no-knowledge'],
    goalsOnly: values['goals-only'],
    goalComponents: values['goal-components'],
  },
  [join(SHARED, 'womd'), join(SHARED, 'womd-json')],
);
const cfg = {
  ...VARIANTS[variant],
  ...(plan.kind === 'real' ? REAL_TRAIN[plan.mode] : {}),
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(labelWeight !== undefined ? { labelWeight } : {}),
};
await tf.setBackend('wasm');
await tf.ready();

/** What every run reads from the arguments (the data loader, and the head-only runs' init and epochs). */
const headRun = {
  plan,
  variant,
  cfg,
  commit: trainingCommit(),
  shared: SHARED,
  scenes: values.scenes,
  valScenes: values['val-scenes'],
  init: values.init,
  epochs: values.epochs ? Number(values.epochs) : undefined,
};
if (values['prior-only']) {
  const model = await trainPriorOnly({
    ...headRun,
    noKnowledge: values['no-knowledge'],
    contextDropout: contextDropout(values['context-dropout']),
  });
  writeModelFiles(plan.outDir, model);
  console.log(
    `${variant} prior head: weights ${(model.data.byteLength / 1e6).toFixed(2)} MB -> ${plan.outDir}`,
  );
  process.exit(0);
}

if (values['goals-only']) {
  const g = Number(values['goal-components']);
  if (values['goal-components'] === undefined || !Number.isInteger(g))
    throw new Error('--goals-only needs --goal-components G: the goal components per mode');
  const model = await trainGoalsOnly({
    ...headRun,
    goalComponents: g,
    hitWeight: values['hit-weight'] ? Number(values['hit-weight']) : undefined,
    boxKernel: values['box-kernel'] ? Number(values['box-kernel']) : undefined,
  });
  writeModelFiles(plan.outDir, model);
  console.log(
    `${variant} goal head: weights ${(model.data.byteLength / 1e6).toFixed(2)} MB -> ${plan.outDir}`,
  );
  process.exit(0);
}
if (values['goal-components']) throw new Error('--goal-components applies to --goals-only runs only');

const t0 = performance.now();
const { trainSamples, valSamples, about } = await loadTrainingData(plan, headRun);
console.log(`samples ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const resume = values.resume ? readCheckpoint(plan.ckptDir) : undefined;
const progress = trainProgress(variant, resume?.source);
const params = startParams(cfg.seed, values.init);
const run = await train(params, trainSamples, valSamples, cfg, {
  resume,
  checkpointEvery: Number(values['checkpoint-every']),
  meta: { variant },
  ...progress.hooks,
  onCheckpoint: (c) => writeCheckpoint(plan.ckptDir, c),
});
progress.stop();
const model = await encodeModel(params, trainingCard(run, cfg, { ...about, init: values.init }));
writeModelFiles(plan.outDir, model);
const [steps, s] = [run.steps - run.firstStep, run.seconds];
console.log(
  `${variant}: ${steps} steps in ${s.toFixed(0)} s (${(steps / s).toFixed(2)} steps/s); weights ${(model.data.byteLength / 1e6).toFixed(2)} MB -> ${plan.outDir}`,
);
