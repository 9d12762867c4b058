// The samples `npm run train` trains and validates on, as its plan says (train-data.ts): the
// synthetic folders as before, or the real WOMD scenes (every benchmark pair of the chosen
// scenarios, optionally with as many synthetic samples), or synthetic-v2 (rule pairs on synthetic
// scenes with tracking noise, made in memory), and the card's `about` record naming exactly what
// the run saw (DESIGN.md 6b: real runs say their data; v2 runs say their pairs and noise).
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { DATA_CONFIG, VARIANTS, type TrainConfig, type Variant } from '../../model/config';
import type { Sample } from '../../model/features';
import type { trainingCard } from '../../model/train';
import { TRACKING_NOISE } from '../../model/dataset';
import { loadRealSamples, loadSamples, synthTrainSamples, synthV2Samples, type SceneHook } from './samples';
import type { TrainPlan } from './train-data';

/**
 * The commit the code that trains comes from (later commits do not count), `-dirty` when the
 * model, its helpers or the train command have uncommitted changes; 'unknown' outside git.
 */
export function trainingCommit(): string {
  try {
    const commit = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
    const paths = 'src/model src/util src/cli/train.ts src/cli/lib';
    return execSync(`git status --porcelain ${paths}`, { encoding: 'utf8' }).trim()
      ? `${commit}-dirty`
      : commit;
  } catch {
    return 'unknown';
  }
}

export interface TrainingData {
  trainSamples: Sample[];
  valSamples: Sample[];
  about: Parameters<typeof trainingCard>[2];
}

/** Loads what `plan` trains on; `shared` is the ../shared folder (named relatively in the card). */
/** What loadTrainingData needs besides the plan (the head-only runs take the same). */
export interface TrainingDataOptions {
  variant: Variant;
  cfg: TrainConfig;
  commit: string;
  shared: string;
  scenes?: string;
  valScenes: string;
  /** Per scene and its samples (train and validation; synthetic-v2 and real only): the prior-only run's d(x). */
  each?: SceneHook;
}

export async function loadTrainingData(plan: TrainPlan, o: TrainingDataOptions): Promise<TrainingData> {
  const { variant, cfg, commit } = o;
  const SHARED = o.shared;
  const values = { scenes: o.scenes, 'val-scenes': o.valScenes };
  let trainSamples: Sample[];
  let valSamples: Sample[];
  let about: TrainingData['about'];
  if (plan.kind === 'synthetic-v2') {
    // scenes 0..N-1 of the training seed, as v1's 20,000 are: --scenes N (default all of them)
    const scenes = values.scenes ? Number(values.scenes) : DATA_CONFIG.splits.train.scenes;
    const valScenes = Number(values['val-scenes']);
    if (!(Number.isInteger(scenes) && scenes > 0))
      throw new Error(`--scenes ${values.scenes}: expected a positive integer`);
    if (!(Number.isInteger(valScenes) && valScenes > 0))
      throw new Error(`--val-scenes ${values['val-scenes']}: expected a positive integer`);
    const steps = { extraSteps: cfg.extraSteps, maxExtraStep: cfg.maxExtraStep, seed: cfg.seed, noise: true };
    const { train: tr, val: va } = DATA_CONFIG.splits;
    const trainSet = synthV2Samples(tr.seed, scenes, steps, 'v2 train', o.each);
    // validation: the same kind of data (v2 pairs with noise) at step 10 of the validation split's scenes
    const val = synthV2Samples(va.seed, valScenes, { ...steps, extraSteps: 0 }, 'v2 val', o.each);
    console.log(
      `synthetic-v2 train: ${trainSet.samples.length} samples of ${trainSet.designedPairs} designed + ${trainSet.rulePairs} rule pairs from ${scenes} scenes (sample list ${trainSet.hash}); val: ${val.samples.length} samples of ${val.designedPairs + val.rulePairs} pairs from ${valScenes} scenes`,
    );
    [trainSamples, valSamples] = [trainSet.samples, val.samples];
    about = {
      variant,
      commit,
      trainSamples: trainSamples.length,
      trainScenes: scenes,
      data: {
        source: 'synthetic-v2',
        about:
          'synthetic scenes made in memory by generateScene; per scene the designed pair (interactingPair) plus every pair benchmarkPairs keeps on the scene with objects_of_interest cleared, deduplicated (model/dataset.ts v2Pairs); tracking noise on the history inputs only (addTrackingNoise, TRACKING_NOISE), seeded per sample by (train seed, scene id, a, b, t); targets untouched',
        train: {
          seed: tr.seed,
          scenes,
          designedPairs: trainSet.designedPairs,
          rulePairs: trainSet.rulePairs,
        },
        pairsPerScene: (trainSet.designedPairs + trainSet.rulePairs) / scenes,
        samples: trainSamples.length,
        sampleHash: trainSet.hash,
        steps: { extraSteps: cfg.extraSteps, maxExtraStep: cfg.maxExtraStep },
        noise: { ...TRACKING_NOISE, seed: cfg.seed },
        val: {
          seed: va.seed,
          scenes: valScenes,
          pairs: val.designedPairs + val.rulePairs,
          samples: val.samples.length,
          use: 'validation loss only (v2 pairs at step 10, with noise)',
        },
      },
    };
  } else if (plan.kind === 'synthetic') {
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
    const real = await loadRealSamples(plan.dirs, plan.selection, cfg, o.each);
    for (const p of real.problems) console.log(`  real WOMD: skipped ${p}`);
    const sel = `${plan.selection.kind === 'fold' ? `every fold but ${plan.selection.fold}` : 'the training split'}${plan.selection.trainScenes !== undefined ? `, ${plan.selection.trainScenes} scenarios drawn of ${real.train.scenes + real.notDrawn.length}` : ''}`;
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
        notDrawnScenes: real.notDrawn.length,
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
  return { trainSamples, valSamples, about };
}
