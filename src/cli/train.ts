// `npm run train [-- --variant pseudo|vanilla] [--epochs N] [--scenes N] [--val-scenes N] [--resume]
// [--out DIR] [--checkpoints DIR] [--checkpoint-every N] [--data DIR]`: trains the CVAE in Node on
// the tfjs wasm backend (the loop is model/train.ts), with a progress bar (loss terms, steps/s,
// ETA), a checkpoint every few hundred steps (--resume continues from it), and writes the
// weights to public/models/VARIANT/ (model.json + weights.bin) with the training card.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_CONFIG, VARIANTS, type Variant } from '../model/config';
import { createParams } from '../model/network';
import { CHECKPOINT_EVERY, train, trainingCard } from '../model/train';
import { encodeModel } from '../model/weights';
import { readCheckpoint, writeCheckpoint, writeModelFiles } from './lib/model-files';
import { loadSamples } from './lib/samples';
import { trainProgress } from './lib/train-progress';

const { values } = parseArgs({
  options: {
    variant: { type: 'string', default: 'pseudo' },
    epochs: { type: 'string' },
    scenes: { type: 'string' },
    'val-scenes': { type: 'string', default: '500' },
    resume: { type: 'boolean', default: false },
    out: { type: 'string' },
    checkpoints: { type: 'string', default: 'checkpoints' },
    'checkpoint-every': { type: 'string', default: String(CHECKPOINT_EVERY) },
    data: { type: 'string', default: DATA_CONFIG.dir },
  },
});
const variant = values.variant as Variant;
if (!(variant in VARIANTS))
  throw new Error(`unknown variant '${variant}'; known: ${Object.keys(VARIANTS).join(', ')}`);
const cfg = { ...VARIANTS[variant], ...(values.epochs ? { epochs: Number(values.epochs) } : {}) };
const [outDir, ckptDir] = [values.out ?? join('public/models', variant), join(values.checkpoints, variant)];
await tf.setBackend('wasm');
await tf.ready();

// the code that trains is the code at start (later commits do not count), dirty when uncommitted
// changes to the model, its helpers or this command are present
let commit = 'unknown';
try {
  commit = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  const paths = 'src/model src/util src/cli/train.ts src/cli/lib';
  if (execSync(`git status --porcelain ${paths}`, { encoding: 'utf8' }).trim()) commit += '-dirty';
} catch {
  /* not a git checkout */
}

const maxScenes = values.scenes ? Number(values.scenes) : Infinity;
const trainSet = await loadSamples(join(values.data, 'train'), maxScenes, cfg);
const valScenes = Number(values['val-scenes']);
const val = await loadSamples(join(values.data, 'val'), valScenes, { ...cfg, extraSteps: 0 });
console.log(
  `train: ${trainSet.samples.length} samples from ${trainSet.scenes} scenes; val: ${val.samples.length} samples`,
);
if (trainSet.problems.length) console.log(`skipped records:\n  ${trainSet.problems.join('\n  ')}`);

const resume = values.resume ? readCheckpoint(ckptDir) : undefined;
const progress = trainProgress(variant, resume?.source);
const params = createParams(cfg.seed);
const run = await train(params, trainSet.samples, val.samples, cfg, {
  resume,
  checkpointEvery: Number(values['checkpoint-every']),
  meta: { variant },
  ...progress.hooks,
  onCheckpoint: (c) => writeCheckpoint(ckptDir, c),
});
progress.stop();
const about = { variant, commit, trainSamples: trainSet.samples.length, trainScenes: trainSet.scenes };
const model = await encodeModel(params, trainingCard(run, cfg, about));
writeModelFiles(outDir, model);
const [steps, s] = [run.steps - run.firstStep, run.seconds];
console.log(
  `${variant}: ${steps} steps in ${s.toFixed(0)} s (${(steps / s).toFixed(2)} steps/s); weights ${(model.data.byteLength / 1e6).toFixed(2)} MB -> ${outDir}`,
);
