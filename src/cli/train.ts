// `npm run train [-- --variant pseudo|vanilla] [--epochs N] [--scenes N] [--val-scenes N] [--resume]
// [--out DIR] [--checkpoints DIR] [--checkpoint-every N] [--data DIR]`: trains the CVAE in Node on
// the tfjs wasm backend (the loop is model/train.ts), with a progress bar (loss terms, steps/s,
// ETA), a checkpoint every few hundred steps (--resume continues from it), and writes the
// weights to public/models/VARIANT/ (model.json + weights.bin) with the training card.
// On real WOMD scenes (DESIGN.md 6b, docs/real-benchmark.md): `--data real` or
// `--data real+synthetic` [--real DIR...] [--fold K] [--quick]: every benchmark pair of the real
// training split (or of every fold but K), several prediction steps each, pseudo labels from
// labels/; real+synthetic adds as many synthetic samples (the synthetic training split's first
// scenes). Writes to models-local/VARIANT-real[-synth][-foldK]/ (git-ignored, never shipped).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_CONFIG, REAL_TRAIN, VARIANTS, type Variant } from '../model/config';
import type { Sample } from '../model/features';
import { createParams } from '../model/network';
import { CHECKPOINT_EVERY, train, trainingCard } from '../model/train';
import { encodeModel } from '../model/weights';
import { readCheckpoint, writeCheckpoint, writeModelFiles } from './lib/model-files';
import { loadRealSamples, loadSamples, synthTrainSamples } from './lib/samples';
import { trainPlan } from './lib/train-data';
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
    real: { type: 'string', multiple: true },
    fold: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const variant = values.variant as Variant;
if (!(variant in VARIANTS))
  throw new Error(`unknown variant '${variant}'; known: ${Object.keys(VARIANTS).join(', ')}`);
const SHARED = join(import.meta.dirname, '../../../shared');
const plan = trainPlan({ ...values, variant }, [join(SHARED, 'womd'), join(SHARED, 'womd-json')]);
const cfg = {
  ...VARIANTS[variant],
  ...(plan.kind === 'real' ? REAL_TRAIN[plan.mode] : {}),
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
};
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

const t0 = performance.now();
let trainSamples: Sample[];
let valSamples: Sample[];
let about: Parameters<typeof trainingCard>[2];
if (plan.kind === 'synthetic') {
  const maxScenes = values.scenes ? Number(values.scenes) : Infinity;
  const trainSet = await loadSamples(join(plan.dir, 'train'), maxScenes, cfg);
  const valScenes = Number(values['val-scenes']);
  const val = await loadSamples(join(plan.dir, 'val'), valScenes, { ...cfg, extraSteps: 0 });
  console.log(
    `train: ${trainSet.samples.length} samples from ${trainSet.scenes} scenes; val: ${val.samples.length} samples`,
  );
  if (trainSet.problems.length) console.log(`skipped records:\n  ${trainSet.problems.join('\n  ')}`);
  [trainSamples, valSamples] = [trainSet.samples, val.samples];
  about = { variant, commit, trainSamples: trainSamples.length, trainScenes: trainSet.scenes };
} else {
  const real = await loadRealSamples(plan.dirs, plan.selection, cfg);
  for (const p of real.problems) console.log(`  real WOMD: skipped ${p}`);
  const sel = plan.selection.kind === 'fold' ? `every fold but ${plan.selection.fold}` : 'the training split';
  console.log(
    `real (${sel}): ${real.train.samples.length} samples of ${real.train.pairs} pairs from ${real.train.scenes} scenes (sample list ${real.train.hash}); held out: ${real.heldOut.scenes} scenes, ${real.heldOut.samples.length} samples at step 10`,
  );
  trainSamples = real.train.samples;
  // the same number of synthetic samples beside the real ones; shuffled together by the loop
  const synth =
    plan.data === 'real+synthetic'
      ? {
          seed: DATA_CONFIG.splits.train.seed,
          ...synthTrainSamples(trainSamples.length, DATA_CONFIG.splits.train.seed, VARIANTS[variant]),
        }
      : null;
  if (synth) {
    console.log(
      `synthetic: ${synth.samples.length} samples from scenes 0..${synth.scenes - 1} of seed ${synth.seed}`,
    );
    trainSamples = [...trainSamples, ...synth.samples];
  }
  valSamples = real.heldOut.samples;
  about = {
    variant,
    commit,
    trainSamples: trainSamples.length,
    trainScenes: real.train.scenes,
    data: {
      source: plan.data,
      group: plan.group,
      mode: plan.mode,
      dirs: plan.dirs.map((d) => d.replace(`${SHARED}/`, '../shared/')),
      rule: 'docs/real-benchmark.md: benchmarkPairs; split by scenario (name field); fold = scenarioFold(id)',
      selection: plan.selection,
      scenesRead: real.read,
      trainScenes: real.train.scenes,
      trainPairs: real.train.pairs,
      realSamples: real.train.samples.length,
      trainSamples: trainSamples.length,
      sampleHash: real.train.hash,
      steps: { extraSteps: cfg.extraSteps, maxExtraStep: cfg.maxExtraStep },
      heldOut: {
        scenes: real.heldOut.scenes,
        samples: real.heldOut.samples.length,
        use: 'validation loss only',
      },
      unusedScenes: real.unused.length,
      short: real.short.length,
      duplicates: real.duplicates.length,
      synthetic: synth
        ? {
            seed: synth.seed,
            scenes: synth.scenes,
            samples: synth.samples.length,
            sampling: VARIANTS[variant],
          }
        : null,
      trainScenarioIds: real.train.ids,
    },
  };
}
const loadSeconds = (performance.now() - t0) / 1000;
console.log(`samples ready in ${loadSeconds.toFixed(1)} s`);

const resume = values.resume ? readCheckpoint(plan.ckptDir) : undefined;
const progress = trainProgress(variant, resume?.source);
const params = createParams(cfg.seed);
const run = await train(params, trainSamples, valSamples, cfg, {
  resume,
  checkpointEvery: Number(values['checkpoint-every']),
  meta: { variant },
  ...progress.hooks,
  onCheckpoint: (c) => writeCheckpoint(plan.ckptDir, c),
});
progress.stop();
const model = await encodeModel(params, trainingCard(run, cfg, about));
writeModelFiles(plan.outDir, model);
const [steps, s] = [run.steps - run.firstStep, run.seconds];
console.log(
  `${variant}: ${steps} steps in ${s.toFixed(0)} s (${(steps / s).toFixed(2)} steps/s); weights ${(model.data.byteLength / 1e6).toFixed(2)} MB -> ${plan.outDir}`,
);
