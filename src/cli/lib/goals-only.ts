// `npm run train -- --goals-only --init MODEL_DIR --goal-components G --data synthetic-v2 [--scenes N]
// [--out DIR]` (issue 14, docs/real-gap.md "The goal head retrained, 6 components per mode"): the model of MODEL_DIR with a goal
// mixture of G components per mode, only the goal head trained (model/goal-train.ts), everything else
// frozen, so its prior, posterior, decoder and fusion are the init's bit for bit. Contract:
//  - Data: synthetic-v2 only (shippable, DESIGN.md 6b): the v2 samples of training scenes 0..N-1
//    (train-samples.ts) and, beside them, the v1 samples of the same scenes (the designed pair without
//    noise, what synthetic-v1 scores), as the prior-only run; early stopping on the v2 validation
//    split plus its v1 samples at step 10, never the test set.
//  - The card is the init model's (its data, training, prior head and fusion records stay true of the
//    frozen parts), plus `goalsOnly`: the init, the data, the schedule, the best epoch and its loss.
import type { Sample } from '../../model/features';
import {
  frozenGoalInputs,
  JITTER,
  scoreGoalHead,
  trainGoalHead,
  widenGoals,
  type GoalHeadConfig,
} from '../../model/goal-train';
import { goalComponentsOf } from '../../model/network';
import { encodeModel, type ModelJson } from '../../model/weights';
import { readModelDir } from './local-models';
import { v1Samples } from './prior-only';
import type { TrainPlan } from './train-data';
import { loadTrainingData, type TrainingDataOptions } from './train-samples';

/**
 * The goal head's schedule: 60 epochs at most, patience 4. The head (goal1 / goal2, about 20k
 * weights) trains on cached contexts, a few seconds an epoch; its stop loss flattens within tens of
 * epochs. Learning rate and batch are the full model's (config.ts TRAIN_CONFIG).
 */
export const GOAL_SCHEDULE = { epochs: 60, patience: 4 } as const;

export async function trainGoalsOnly(
  o: TrainingDataOptions & {
    plan: TrainPlan;
    init?: string;
    goalComponents: number;
    epochs?: number;
    hitWeight?: number;
    boxKernel?: number;
  },
): Promise<{ json: ModelJson; data: ArrayBuffer }> {
  const { plan, cfg } = o;
  if (!o.init) throw new Error('--goals-only needs --init MODEL_DIR: the model whose goal head is widened');
  if (plan.kind !== 'synthetic-v2')
    throw new Error('--goals-only trains on --data synthetic-v2 (the model it writes may ship)');
  const init = readModelDir(o.init);
  if (!init) throw new Error(`${o.init}/model.json: no such file`);
  const g0 = goalComponentsOf(init.params);

  const { trainSamples, valSamples, about } = await loadTrainingData(plan, o);
  const v1 = v1Samples(about, cfg);
  console.log(
    `v1 samples beside them: ${v1.train.length} training (scenes 0..${v1.trainScenes - 1}), ${v1.val.length} early-stopping (step 10)`,
  );
  const t0 = performance.now();
  const frozen = async (what: string, ss: Sample[]) => {
    const d = await frozenGoalInputs(init.params, ss);
    console.log(`frozen context of ${ss.length} ${what} samples`);
    return d;
  };
  const train = await frozen('training', [...trainSamples, ...v1.train]);
  const stop = await frozen('early-stopping', [...valSamples, ...v1.val]);
  console.log(`frozen inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const headCfg: GoalHeadConfig = {
    epochs: o.epochs ?? GOAL_SCHEDULE.epochs,
    patience: GOAL_SCHEDULE.patience,
    batch: cfg.batch,
    learningRate: cfg.learningRate,
    seed: cfg.seed,
    ...(o.hitWeight ? { hitWeight: o.hitWeight } : {}),
    ...(o.boxKernel ? { boxKernel: o.boxKernel } : {}),
  };
  const initStop = await scoreGoalHead(init.params, stop, headCfg.hitWeight, headCfg.boxKernel);
  const head = widenGoals(init.params, o.goalComponents, cfg.seed);
  console.log(
    `goal head ${g0} -> ${o.goalComponents} components per mode; the init's stop loss ${initStop.toFixed(4)}`,
  );
  const run = await trainGoalHead(head, train, stop, headCfg, (e) =>
    console.log(
      `epoch ${e.epoch}: ${e.train_total === undefined ? '' : `train ${e.train_total.toFixed(4)}, `}stop goal NLL ${e.stop_total!.toFixed(4)}`,
    ),
  );
  console.log(`best epoch ${run.bestEpoch} (${run.steps} steps in ${run.seconds.toFixed(1)} s)`);
  const best = run.history.find((h) => h.epoch === run.bestEpoch)!.stop_total!;
  return encodeModel(head, {
    ...init.json.userDefinedMetadata,
    goalsOnly: {
      about:
        'only goal1 / goal2 trained, a mixture of goalComponents per mode, on the frozen context; the goal term of the full objective, Σ_z q(z|x,y) NLL_z(end points), q the frozen posterior (model/goal-train.ts); everything else is the init model’s',
      init: o.init,
      commit: o.commit,
      goalComponents: { from: g0, to: o.goalComponents, jitterScaled: JITTER },
      data: about.data,
      v1: { train: v1.train.length, stop: v1.val.length },
      rows: { train: train.n, stop: stop.n },
      head: headCfg,
      bestEpoch: run.bestEpoch,
      stopGoalNLL: { init: initStop, trained: best },
      seconds: run.seconds,
      history: run.history,
    },
  });
}
