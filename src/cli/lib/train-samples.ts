// The samples `npm run train` trains and validates on, as its plan says (train-data.ts): the
// synthetic folders as before, or the real WOMD scenes (every benchmark pair of the chosen
// scenarios, optionally with as many synthetic samples), and the card's `about` record naming
// exactly what the run saw (DESIGN.md 6b: real runs say their data).
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { DATA_CONFIG, VARIANTS, type TrainConfig, type Variant } from '../../model/config';
import type { Sample } from '../../model/features';
import type { trainingCard } from '../../model/train';
import { loadRealSamples, loadSamples, synthTrainSamples } from './samples';
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
export async function loadTrainingData(
  plan: TrainPlan,
  o: {
    variant: Variant;
    cfg: TrainConfig;
    commit: string;
    shared: string;
    scenes?: string;
    valScenes: string;
  },
): Promise<TrainingData> {
  const { variant, cfg, commit } = o;
  const SHARED = o.shared;
  const values = { scenes: o.scenes, 'val-scenes': o.valScenes };
  let trainSamples: Sample[];
  let valSamples: Sample[];
  let about: TrainingData['about'];
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
    const sel =
      plan.selection.kind === 'fold' ? `every fold but ${plan.selection.fold}` : 'the training split';
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
  return { trainSamples, valSamples, about };
}
