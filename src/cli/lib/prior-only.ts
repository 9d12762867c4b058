// `npm run train -- --prior-only --init MODEL_DIR ...` (issue 14, docs/real-gap.md "The prior with
// domain knowledge"): the model of MODEL_DIR with a prior that reads [context, d(x)]
// (model/knowledge.ts), only the prior head trained (model/prior-train.ts), everything else frozen.
// Contract:
//  - Data: what the plan names (train-samples.ts), synthetic-v2 or real (`--data real --fold K`),
//    each sample given its d(x) from its scene as it is made. real+synthetic and the synthetic data
//    folders are refused (their scenes are not at hand to compute d(x)).
//  - Synthetic runs also train on the v1 samples of the same scenes (the designed pair without noise,
//    what the init model was trained on), so the head keeps the init prior's behaviour there.
//  - Early stopping on a set the benchmark does not score with this model: synthetic-v2's validation
//    split (seed 61002) with its v1 samples at step 10; for real runs the training scenarios whose stopFold is 0 (about a fifth), never
//    the held-out fold, whose loss is only reported.
//  - Returns the model (encodeModel: modelTopology.prior says it reads d(x)) and prints progress.
import { fnv1a } from '../../labels/pairs';
import type { TrainConfig } from '../../model/config';
import { sceneSamples } from '../../model/dataset';
import type { Sample } from '../../model/features';
import type { Scene } from '../../scene/scene';
import { generateScene } from '../../synth';
import { KNOWLEDGE_DIM, KNOWLEDGE_VERSION, knowledgeFeatures } from '../../model/knowledge';
import {
  frozenInputs,
  knowledgePrior,
  scoreHead,
  trainPriorHead,
  type HeadConfig,
} from '../../model/prior-train';
import { trainingCard } from '../../model/train';
import { encodeModel, type ModelJson } from '../../model/weights';
import { startParams } from './model-files';
import type { TrainPlan } from './train-data';
import { loadTrainingData, type TrainingData, type TrainingDataOptions } from './train-samples';

/**
 * The head's schedule. 60 epochs at most: the head has 12k weights and its loss flattens within tens
 * of epochs on a few thousand rows; patience 6 stops it once the stop loss has not improved for six.
 * Learning rate and batch as the full model's (config.ts TRAIN_CONFIG).
 */
export const HEAD_SCHEDULE = { epochs: 60, patience: 6 } as const;
/** Real runs stop early on the training scenarios whose hash mod STOP_FOLDS is 0 (a fifth). */
export const STOP_FOLDS = 5;

/**
 * The v1 samples (model/dataset.ts sceneSamples: the designed pair, no noise, step 10 plus the
 * config's extra steps) of the synthetic-v2 run's training scenes, and at step 10 of its validation
 * scenes, each given its d(x) by `each` (the prior-only run; the goals-only run needs none).
 */
export function v1Samples(
  about: TrainingData['about'],
  cfg: TrainConfig,
  each: (scene: Scene, samples: Sample[]) => void = () => {},
): { train: Sample[]; val: Sample[]; trainScenes: number } {
  const data = about.data as {
    train: { seed: number; scenes: number };
    val: { seed: number; scenes: number };
  };
  const make = (seed: number, scenes: number, extra: number) =>
    [...Array(scenes).keys()].flatMap((i) => {
      const scene = generateScene(seed, i).scene;
      const samples = sceneSamples(scene, extra, cfg.maxExtraStep, cfg.seed, i);
      each(scene, samples);
      return samples;
    });
  return {
    train: make(data.train.seed, data.train.scenes, cfg.extraSteps),
    val: make(data.val.seed, data.val.scenes, 0),
    trainScenes: data.train.scenes,
  };
}

/** 0..STOP_FOLDS-1 for a scenario id: which training scenarios the real run stops early on (0). */
export function stopFold(id: string): number {
  return Number.parseInt(fnv1a(`prior-stop:${id}`), 16) % STOP_FOLDS;
}

export async function trainPriorOnly(
  o: Omit<TrainingDataOptions, 'each'> & {
    plan: TrainPlan;
    init?: string;
    epochs?: number;
    /**
     * The control (`--no-knowledge`): every d(x) all zero, so the rows that read it get no gradient and
     * stay zero under Adam: the same head retrained on the context alone (its model still asks for d(x)).
     */
    noKnowledge?: boolean;
    /** Dropout on the frozen context while training the head (prior-train.ts HeadConfig). */
    contextDropout?: number;
  },
): Promise<{ json: ModelJson; data: ArrayBuffer }> {
  const { plan, cfg } = o;
  if (!o.init) throw new Error('--prior-only needs --init MODEL_DIR: the model whose prior is retrained');
  if (plan.kind === 'synthetic' || (plan.kind === 'real' && plan.data !== 'real'))
    throw new Error(
      '--prior-only trains on --data synthetic-v2 or --data real (d(x) needs each sample’s scene)',
    );
  let kSeconds = 0;
  let kCount = 0;
  const each = (scene: Scene, samples: Sample[]) => {
    const t0 = performance.now();
    for (const s of samples)
      s.features.knowledge = o.noKnowledge
        ? new Float32Array(KNOWLEDGE_DIM)
        : knowledgeFeatures(scene, s.frame, s.features);
    kSeconds += (performance.now() - t0) / 1000;
    kCount += samples.length;
  };
  const { trainSamples, valSamples, about } = await loadTrainingData(plan, { ...o, each });
  const msPerSample = (1000 * kSeconds) / Math.max(1, kCount);
  console.log(
    `d(x) of ${kCount} samples in ${kSeconds.toFixed(1)} s (${msPerSample.toFixed(2)} ms a sample)`,
  );

  const isReal = plan.kind === 'real';
  // synthetic: beside the v2 samples, the v1 samples of the same scenes (the designed pair without
  // noise, as the init model was trained on them), so the head keeps what the init prior does there
  const v1 = isReal ? null : v1Samples(about, cfg, each);
  if (v1)
    console.log(
      `v1 samples beside them: ${v1.train.length} training (scenes 0..${v1.trainScenes - 1}), ${v1.val.length} early-stopping (step 10)`,
    );
  const stopSet = isReal
    ? trainSamples.filter((s) => stopFold(s.frame.scene) === 0)
    : [...valSamples, ...v1!.val];
  const trainSet = isReal
    ? trainSamples.filter((s) => stopFold(s.frame.scene) !== 0)
    : [...trainSamples, ...v1!.train];
  const params = startParams(cfg.seed, o.init);
  const t0 = performance.now();
  const frozen = async (what: string, ss: Sample[]) => {
    const d = await frozenInputs(params, ss);
    console.log(`frozen context of ${ss.length} ${what} samples`);
    return d;
  };
  const train = await frozen('training', trainSet);
  const stop = await frozen('early-stopping', stopSet);
  const held = isReal ? await frozen('held-out', valSamples) : null;
  console.log(`frozen inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const headCfg: HeadConfig = {
    epochs: o.epochs ?? HEAD_SCHEDULE.epochs,
    patience: HEAD_SCHEDULE.patience,
    batch: cfg.batch,
    learningRate: cfg.learningRate,
    seed: cfg.seed,
    klWeight: cfg.klWeight,
    labelWeight: cfg.labelWeight,
    ...(o.contextDropout ? { contextDropout: o.contextDropout } : {}),
  };
  const head = knowledgePrior(params);
  const run = await trainPriorHead(head, train, stop, headCfg, (e) =>
    console.log(
      `epoch ${e.epoch}: ${e.train_total === undefined ? '' : `train ${e.train_total.toFixed(4)}, `}stop loss ${e.stop_total!.toFixed(4)} (KL ${e.stop_kl!.toFixed(4)}, CE ${e.stop_ce!.toFixed(4)}), argmax prior = label ${(100 * e.stop_agreement!).toFixed(1)}%`,
    ),
  );
  const heldScore = held ? await scoreHead(head, held, headCfg) : null;
  if (heldScore)
    console.log(
      `held-out fold: loss ${heldScore.total!.toFixed(4)}, argmax prior = label ${(100 * heldScore.agreement!).toFixed(1)}%`,
    );
  console.log(`best epoch ${run.bestEpoch} (${run.steps} steps in ${run.seconds.toFixed(1)} s)`);
  const card = trainingCard(
    { firstStep: 0, steps: run.steps, seconds: run.seconds, history: run.history },
    cfg,
    { ...about, init: o.init },
  );
  return encodeModel(head, {
    ...card,
    priorOnly: {
      about:
        'only prior1 / prior2 trained, on [frozen context, d(x)]; encoder, posterior, goals and decoder are the init model’s (model/prior-train.ts)',
      loss: 'klWeight · KL(q || p) + labelWeight · CE(p, label), q the frozen posterior',
      head: headCfg,
      bestEpoch: run.bestEpoch,
      knowledge: {
        version: KNOWLEDGE_VERSION,
        dim: KNOWLEDGE_DIM,
        msPerSample,
        ...(o.noKnowledge ? { control: 'd(x) all zero in training: the prior reads the context alone' } : {}),
      },
      rows: { train: train.n, stop: stop.n, heldOut: held?.n ?? 0 },
      stop: isReal
        ? `training scenarios with stopFold(id) = 0 of ${STOP_FOLDS} (cli/lib/prior-only.ts)`
        : 'synthetic-v2 validation split plus the v1 samples (designed pair, step 10, no noise) of the same scenes',
      ...(v1
        ? {
            v1: {
              about:
                'the v1 samples of the training scenes (model/dataset.ts sceneSamples: designed pair, no noise) beside the v2 ones',
              train: v1.train.length,
              stop: v1.val.length,
            },
          }
        : {}),
      ...(heldScore ? { heldOut: heldScore } : {}),
    },
  });
}
