// `npm run predict -- FILE... --model ID --out submission.binproto[.gz|.tar.gz] [header flags]`:
// a WOMD interaction-prediction challenge submission (DESIGN.md 3b) from any predictor of the
// registry (pseudo, vanilla, constant_velocity, kinematic, local:NAME = models-local/NAME) over the
// scenes of the given files and folders (any format waymo/open.ts reads).
//
// Per scene: the pair by labels/pairs.ts submissionPair (tracks_to_predict when the scenario lists
// exactly two, as WOMD's interactive split does, else the app's default pair), predicted from step
// 10 (SUBMISSION_CURRENT_STEP) with the joint prediction set eval scores (metrics/evaluate.ts
// PER_MODE samples per mode, JOINT_SET anchors, cut to JOINT_SET.budget = 6), in batches through
// model/batch-run.ts runInBatches + predictBatch (scenes decoded one at a time, one batch in
// memory), turned into a record by waymo/submission-write.ts scenarioRecord and written at once
// (waymo/node-file.ts openSubmissionFile: .binproto, .binproto.gz, or a .tar.gz of shards of at
// most --shard-scenarios). A scene is skipped, with its reason in the summary, when its record
// cannot be read, its current step is not 10, it has no pair, its pair is not tracked at step 10,
// or its scenario id was already written. Exits 1 when no scenario was written.
//
// Header flags: --account, --method (unique_method_name, default modescope-MODEL), --authors a,b,
// --affiliation, --description (the pair and confidence rules are appended), --method-link,
// --uses-lidar, --uses-camera, --uses-public-pretraining (each false unless given), --num-params
// (default the loaded weights' real count, e.g. "188K"; "0" for the baselines), --public-models a,b.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { SUBMISSION_PAIR_RULES, submissionPair, type SubmissionPairRule } from '../labels/pairs';
import { batchSizeFor, runInBatches } from '../model/batch-run';
import { JOINT_SET, LOCAL_MODELS_DIR } from '../model/config';
import type { Params } from '../model/network';
import { activeBackend, predictBatch, type PairRequest } from '../model/predictors';
import { getPredictor, isBaseline, isPredictorId, SHIPPED_IDS } from '../model/registry';
import { PER_MODE } from '../metrics/evaluate';
import { isValid, type Scene } from '../scene/scene';
import { openSubmissionFile } from '../waymo/node-file';
import { SUBMISSION_CURRENT_STEP, type SubmissionHeader } from '../waymo/submission-types';
import { formatParameterCount, scenarioRecord, submissionPairOf } from '../waymo/submission-write';
import { readModelDir } from './lib/local-models';
import { expandPaths, openPath } from './lib/scene-files';

const USAGE =
  'usage: npm run predict -- FILE_OR_FOLDER... --out submission.binproto[.gz|.tar.gz] [--model pseudo|vanilla|constant_velocity|kinematic|local:NAME] [--account NAME] [--method NAME] [--authors A,B] [--affiliation X] [--description TEXT] [--method-link URL] [--uses-lidar] [--uses-camera] [--uses-public-pretraining] [--num-params 200K] [--public-models A,B] [--shard-scenarios N] [--models DIR]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', short: 'o' },
    model: { type: 'string', default: 'pseudo' },
    models: { type: 'string', default: 'public/models' },
    account: { type: 'string', default: '' },
    method: { type: 'string' },
    authors: { type: 'string', default: '' },
    affiliation: { type: 'string', default: '' },
    description: { type: 'string', default: '' },
    'method-link': { type: 'string', default: '' },
    'uses-lidar': { type: 'boolean', default: false },
    'uses-camera': { type: 'boolean', default: false },
    'uses-public-pretraining': { type: 'boolean', default: false },
    'num-params': { type: 'string' },
    'public-models': { type: 'string', default: '' },
    'shard-scenarios': { type: 'string' },
  },
});
if (!values.out || positionals.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

await tf.setBackend('wasm');
await tf.ready();

/** The predictor's weights (null for the baselines) and the words the description uses for it. */
function loadModel(id: string): { params: Params | null; title: string } {
  const local = /^local:(.+)$/.exec(id);
  if (local) {
    const dir = join(LOCAL_MODELS_DIR, local[1]!);
    const m = readModelDir(dir);
    if (!m) throw new Error(`--model ${id}: ${dir}/model.json does not exist`);
    return { params: m.params, title: `local model ${dir}` };
  }
  if (!isPredictorId(id))
    throw new Error(`--model ${id}: not a predictor (${SHIPPED_IDS.join(', ')} or local:NAME)`);
  const p = getPredictor(id);
  if (isBaseline(id)) return { params: null, title: p.title };
  const dir = join(values.models, id);
  const m = readModelDir(dir);
  if (!m) throw new Error(`--model ${id}: ${dir}/model.json does not exist (npm run train)`);
  return { params: m.params, title: p.title };
}

/** A usage problem (model, file name, header): said in one line, exit 2, nothing written. */
function usage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}

const modelId = values.model;
const { params, title } = usage(() => loadModel(modelId));
const parameterCount = params ? Object.values(params).reduce((n, v) => n + v.size, 0) : 0;
const header: SubmissionHeader = {
  submissionType: 'interaction',
  accountName: values.account,
  uniqueMethodName: values.method ?? `modescope-${modelId.replace(/^local:/, 'local-')}`,
  authors: list(values.authors),
  affiliation: values.affiliation,
  description: [
    values.description.trim(),
    `ModeScope ${title}, joint futures of one pair per scenario predicted from step ${SUBMISSION_CURRENT_STEP}.`,
    `Pair: ${SUBMISSION_PAIR_RULES.tracks_to_predict} when it lists exactly two, else ${SUBMISSION_PAIR_RULES.default}.`,
    "Confidence: the probability of the joint prediction's mode (a CVAE's prior p(z|x), a kinematic hypothesis' probability, 1 for constant velocity).",
  ]
    .filter(Boolean)
    .join(' '),
  methodLink: values['method-link'],
  usesLidarData: values['uses-lidar'],
  usesCameraData: values['uses-camera'],
  usesPublicModelPretraining: values['uses-public-pretraining'],
  numModelParameters: values['num-params'] ?? formatParameterCount(parameterCount),
  publicModelNames: list(values['public-models']),
};
if (!header.accountName)
  console.warn('note: no --account given; the challenge needs the account name of the uploader');

const shardScenarios =
  values['shard-scenarios'] === undefined ? undefined : Number(values['shard-scenarios']);
const out = usage(() => openSubmissionFile(values.out!, header, { shardScenarios }));

// ---- the scenes, one at a time ----

type Item =
  | { where: string; scene: Scene; pair: [number, number]; rule: SubmissionPairRule }
  | { where: string; skip: string };

/** Whether a scene goes into the submission, with its pair, or why not. */
function itemOf(where: string, scene: Scene, seen: Set<string>): Item {
  if (scene.currentIndex !== SUBMISSION_CURRENT_STEP)
    return {
      where,
      skip: `current step ${scene.currentIndex}; a submission predicts from step ${SUBMISSION_CURRENT_STEP}`,
    };
  if (scene.tracks.steps <= SUBMISSION_CURRENT_STEP)
    return {
      where,
      skip: `${scene.tracks.steps} steps; a submission needs the history up to step ${SUBMISSION_CURRENT_STEP}`,
    };
  if (seen.has(scene.id)) return { where, skip: `scenario ${scene.id} was already written` };
  const p = submissionPair(scene);
  if (!p) return { where, skip: 'no pair: no tracks_to_predict, objects_of_interest or benchmark-rule pair' };
  const lost = p.pair.filter((i) => !isValid(scene.tracks, i, SUBMISSION_CURRENT_STEP));
  if (lost.length)
    return {
      where,
      skip: `pair not valid at step ${SUBMISSION_CURRENT_STEP}: object ${lost.map((i) => scene.tracks.ids[i]).join(' and ')} not tracked there`,
    };
  seen.add(scene.id);
  return { where, scene, pair: p.pair, rule: p.rule };
}

const paths = expandPaths(positionals);
let total = 0;
for (const path of paths) {
  try {
    const f = await openPath(path);
    total += f.count;
    await f.close?.();
  } catch {
    total += 1; // counted (and named) as one skipped entry below
  }
}

async function* items(): AsyncGenerator<Item> {
  const seen = new Set<string>();
  for (const path of paths) {
    let file;
    try {
      file = await openPath(path);
    } catch (e) {
      yield { where: path, skip: `cannot open: ${e instanceof Error ? e.message : String(e)}` };
      continue;
    }
    for (const p of file.problems) yield { where: path, skip: p.message };
    try {
      for await (const { record, scene, error } of file.scenes()) {
        const where = `${path}: record ${record}${scene ? ` (${scene.id})` : ''}`;
        yield scene ? itemOf(where, scene, seen) : { where, skip: error!.message };
      }
    } finally {
      await file.close?.();
    }
  }
}

const written: Record<SubmissionPairRule, number> = { tracks_to_predict: 0, default: 0 };
const skipped: { where: string; reason: string }[] = [];
const bar = new SingleBar(
  { format: 'predict [{bar}] {value}/{total} records | {written} written, {skipped} skipped' },
  Presets.shades_classic,
);
bar.start(total, 0, { written: 0, skipped: 0 });
let done = 0;
await runInBatches(items(), {
  batchSize: batchSizeFor(activeBackend()),
  async run(batch) {
    const todo = batch.filter((x) => 'scene' in x);
    const reqs: PairRequest[] = todo.map((x) => ({
      scene: x.scene,
      a: x.pair[0],
      b: x.pair[1],
      t: SUBMISSION_CURRENT_STEP,
    }));
    // the joint set eval scores: PER_MODE per mode, JOINT_SET anchors, cut to the budget of 6
    const answers = reqs.length
      ? await predictBatch(modelId, params, reqs, {
          samplesPerMode: PER_MODE,
          posterior: false,
          anchors: JOINT_SET.anchors,
          budget: JOINT_SET.budget,
        })
      : [];
    let j = 0;
    for (const x of batch) {
      if (!('scene' in x)) {
        skipped.push({ where: x.where, reason: x.skip });
        continue;
      }
      const a = answers[j++]!;
      if ('error' in a) {
        skipped.push({ where: x.where, reason: a.error });
        continue;
      }
      // a record the schema refuses (SubmissionWriteError) is skipped alone, named
      try {
        await out.add(scenarioRecord(a.result, submissionPairOf(x.scene, a.result.a, a.result.b)));
        written[x.rule]++;
      } catch (e) {
        skipped.push({ where: x.where, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    return batch.map(() => null);
  },
  onBatch: (n) => {
    done = n;
    bar.update(n, { written: written.tracks_to_predict + written.default, skipped: skipped.length });
  },
});
bar.update(done);
bar.stop();
const result = await out.finish();

/** Skip reasons shown one by one; past this, a count (a whole split can skip thousands). */
const MAX_LISTED = 50;
console.log(
  `${values.out}: ${result.scenarios} scenario(s) written (${out.container}${out.container === 'tar.gz' ? `, ${result.shards} shard(s)` : ''}), ` +
    `model ${modelId}, num_model_parameters ${header.numModelParameters}, method ${header.uniqueMethodName}`,
);
console.log(
  `  pairs: ${written.tracks_to_predict} by tracks_to_predict (exactly two listed), ${written.default} by the default pair`,
);
console.log(`  skipped: ${skipped.length}`);
for (const s of skipped.slice(0, MAX_LISTED)) console.log(`    ${s.where}: ${s.reason}`);
if (skipped.length > MAX_LISTED) console.log(`    ... and ${skipped.length - MAX_LISTED} more`);
process.exit(result.scenarios > 0 ? 0 : 1);
