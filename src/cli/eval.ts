// `npm run eval [-- --scenes N] [--models DIR] [--out docs/results] [--files F...] [--real DIR...]
// [--real-only] [--local-dir DIR]`:
// every predictor of the registry that can run (the baselines constant velocity and kinematic, the
// vanilla and the pseudo-label CVAE) on the synthetic test set (prediction at step 10, 6 joint
// predictions: a CVAE's joint set, model/joint-set.ts, by JOINT_SET.rule: 2 per mode plus
// JOINT_SET.anchors kinematic anchors cut to 6, or the miss-aware 6; each CVAE also by the other rule,
// "ID (RULE joint set)", in the same run), and on the
// real benchmark (docs/real-benchmark.md: the pair rule over every scene of the --real folders,
// default ../shared/womd and ../shared/womd-json, skipped when absent; bootstrap intervals by
// scenario). Writes docs/results.md and docs/results.json, and the metrics into each model's card
// (model.json userDefinedMetadata.metrics).
// Models trained on real scenes (models-local/, git-ignored) are scored too, when present: those
// trained on the WOMD training split on the validation split, fold models by k-fold over scenarios,
// beside the shipped models on the same pairs. Their figures depend on local weights, so they go to
// models-local/results.md and .json (and the console), never to docs/results.*. --real-only skips
// the synthetic test set and writes nothing but those. --local-dir DIR (inside models-local/, e.g.
// models-local/curve, where `npm run train -- --local-dir DIR` wrote the learning curve's models)
// scores the models in DIR instead and writes DIR/results.md and .json.
// With --files, the given scenario files stand in for the test set (e.g. the demo set, to check the
// app's file-level run against), and the model cards are left alone.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_CONFIG, EVAL_SAMPLES, JOINT_SET, LOCAL_MODELS_DIR, type Variant } from '../model/config';
import type { QuantizedId } from '../model/registry';
import { MIN_STEP } from '../model/features';
import type { Params } from '../model/network';
import { LABEL_NAMES, labelPair } from '../labels';
import {
  evaluateAll,
  interactingRequests,
  PER_MODE,
  REPRODUCE_SAMPLES,
  type ModelReport,
} from '../metrics/evaluate';
import { benchmarkRequests } from '../metrics/evaluate';
import { scenarioSplit } from '../labels/pairs';
import { STEP_HZ } from '../scene/scene';
import { loadScenes, shardPaths } from './lib/samples';
import { expandPaths } from './lib/scene-files';
import { intervalTable, reportTable } from './lib/report-tables';
import { evaluateLocal, loadLocalModels, localMarkdown, readModelDir } from './lib/local-models';

const { values, positionals } = parseArgs({
  options: {
    scenes: { type: 'string' },
    models: { type: 'string', default: 'public/models' },
    out: { type: 'string', default: 'docs/results' },
    real: { type: 'string', multiple: true },
    data: { type: 'string', default: DATA_CONFIG.dir },
    files: { type: 'string', multiple: true },
    'real-only': { type: 'boolean', default: false },
    'local-dir': { type: 'string', default: LOCAL_MODELS_DIR },
  },
  allowPositionals: true,
});
const files = [...(values.files ?? []), ...positionals];
const realOnly = values['real-only'];
await tf.setBackend('wasm');
await tf.ready();

const loadParams = (id: Variant | QuantizedId) => readModelDir(join(values.models, id));

// the float models and their layer-wise mixed-precision copies (npm run quantize; issue 19), when present
const loaded = {
  pseudo: loadParams('pseudo'),
  vanilla: loadParams('vanilla'),
  'pseudo-q': loadParams('pseudo-q'),
  'vanilla-q': loadParams('vanilla-q'),
};
const models: Partial<Record<Variant | QuantizedId, Params>> = {};
for (const [k, v] of Object.entries(loaded)) if (v) models[k as Variant] = v.params;
/** The float models alone: what the real-trained models are compared with. */
const floats: Partial<Record<Variant, Params>> = { pseudo: models.pseudo, vanilla: models.vanilla };
if (!models.pseudo || !models.vanilla)
  console.warn(`missing weights under ${values.models}: run npm run train first`);

const SHARED = join(import.meta.dirname, '../../../shared');
const realDirs = (values.real ?? [join(SHARED, 'womd'), join(SHARED, 'womd-json')]).filter((d) =>
  existsSync(d),
);
let real: {
  dirs: string[];
  files: number;
  scenes: number;
  short: number;
  duplicates: number;
  problems: string[];
  pairs: number;
  hash: string;
  labelMix: Record<string, number>;
  splits: Record<string, number>;
  results: Record<string, ModelReport>;
} | null = null;
if (realDirs.length) {
  const r = await loadScenes(realDirs, Infinity);
  for (const p of r.problems) console.log(`  real WOMD: skipped ${p}`);
  const b = benchmarkRequests(r.scenes);
  console.log(`real: ${b.reqs.length} pairs from ${b.scenes.length} scenes (pair list ${b.hash})`);
  const count = <T extends string>(xs: T[]) =>
    xs.reduce<Record<string, number>>((acc, x) => ((acc[x] = (acc[x] ?? 0) + 1), acc), {});
  if (b.reqs.length)
    real = {
      dirs: realDirs.map((d) => d.replace(`${SHARED}/`, '../shared/')),
      files: expandPaths(realDirs).length,
      scenes: b.scenes.length,
      short: b.short.length,
      duplicates: b.duplicates.length,
      problems: r.problems,
      pairs: b.reqs.length,
      hash: b.hash,
      labelMix: Object.fromEntries(
        LABEL_NAMES.map((n, k) => [n, b.pairs.filter((p) => p.label === k).length]),
      ),
      splits: count(b.scenes.map(scenarioSplit)),
      results: realOnly ? {} : await evaluateAll(b.reqs, models, { intervals: true, compareRules: true }),
    };
  // models trained on real scenes (models-local/, git-ignored): scored on the validation split and
  // by k-fold, beside the shipped models on the same pairs; their figures go to models-local/ only
  const localDir = values['local-dir'];
  const local = loadLocalModels(localDir);
  if (!local) console.log(`real-trained models: none (${localDir}/ is absent)`);
  else if (!local.models.length) console.log(`real-trained models: none in ${localDir}/`);
  else if (b.reqs.length) {
    for (const m of local.models)
      if (m.data.dirs.join() !== real!.dirs.join())
        console.warn(
          `  ${m.name} was trained on ${m.data.dirs.join(', ')}; scored on ${real!.dirs.join(', ')}`,
        );
    const lr = await evaluateLocal(b, floats, local);
    const md = localMarkdown(lr, { hash: b.hash, pairs: b.reqs.length });
    writeFileSync(join(localDir, 'results.json'), `${JSON.stringify(lr, null, 1)}\n`);
    writeFileSync(join(localDir, 'results.md'), md);
    console.log(`${md}\n(local figures written to ${localDir}/results.md and results.json)`);
  }
}
// --real-only: the real benchmark's local models and nothing else; docs/results.* and the shipped
// cards are left alone
if (realOnly) process.exit(0);

const maxScenes = values.scenes ? Number(values.scenes) : Infinity;
const test = await loadScenes(files.length ? files : join(values.data, 'test'), maxScenes);
const testReqs = interactingRequests(test.scenes, MIN_STEP);
console.log(`test: ${testReqs.length} pairs from ${test.scenes.length} scenes`);
const labelCounts = LABEL_NAMES.map(
  (_, k) => testReqs.filter((r) => labelPair(r.scene, r.a, r.b).label === k).length,
);
const t0 = performance.now();
const synthetic = await evaluateAll(testReqs, models, { compareRules: true });
const evalSeconds = (performance.now() - t0) / 1000;

// prediction from a later moment of the scene (the app predicts from wherever playback is): the
// future is shorter there, so only the horizons it covers are scored
const LATER_STEP = 30;
const laterReqs = interactingRequests(test.scenes, LATER_STEP);
// the first requests of the test split again, on their own: test/unit/results.test.ts regenerates
// these scenes with the synthetic generator and checks the shipped weights give these figures
const reproduce = files.length
  ? null
  : {
      seed: DATA_CONFIG.splits.test.seed,
      samples: REPRODUCE_SAMPLES,
      results: await evaluateAll(testReqs.slice(0, REPRODUCE_SAMPLES), models),
    };
const later = { step: LATER_STEP, samples: laterReqs.length, results: await evaluateAll(laterReqs, models) };

const results = {
  generatedBy: 'npm run eval',
  testSet: files.length
    ? { files, scenes: test.scenes.length, samples: testReqs.length }
    : {
        ...DATA_CONFIG.splits.test,
        shards: shardPaths(join(values.data, 'test')).length,
        samples: testReqs.length,
      },
  labelCounts: Object.fromEntries(LABEL_NAMES.map((n, k) => [n, labelCounts[k]])),
  jointSamples: EVAL_SAMPLES,
  jointSet: JOINT_SET,
  predictionStep: 10,
  evalSeconds,
  synthetic,
  later,
  reproduce,
  realWOMD: real,
  // the training cards, without the metrics eval itself wrote into them last time
  models: Object.fromEntries(
    Object.entries(loaded).map(([k, v]) => [
      k,
      v ? { ...v.json.userDefinedMetadata, metrics: undefined } : null,
    ]),
  ),
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(`${values.out}.json`, `${JSON.stringify(results, null, 1)}\n`);
writeFileSync(`${values.out}.md`, markdown(results));
for (const [k, v] of Object.entries(loaded)) {
  if (!v || files.length) continue;
  v.json.userDefinedMetadata.metrics = { synthetic: synthetic[k], realWOMD: real?.results[k] ?? null };
  writeFileSync(join(values.models, k, 'model.json'), `${JSON.stringify(v.json, null, 1)}\n`);
}
console.log(markdown(results));

function markdown(r: typeof results): string {
  return `# ModeScope results

Written by \`npm run eval\` (do not edit by hand); the same figures are in results.json.

Prediction from step 10 (1.1 s of history) for the interacting pair, 8 s ahead; ${r.jointSamples} joint predictions per
scene. The CVAEs: their joint set (model/joint-set.ts), by the ${r.jointSet.rule} rule (config.ts JOINT_SET.rule; the rows
"(… joint set)" are the same models by the other rule, same pairs, same run). Components rule: ${PER_MODE} per mode, the goal
mixture's components by weight, plus k = ${r.jointSet.anchors} kinematic anchor${r.jointSet.anchors === 1 ? '' : 's'} (the kinematic baseline's most probable joint prediction${r.jointSet.anchors === 1 ? '' : 's'}), each placed in the mode whose
goal mixture explains its end points best, z* = argmax p(z|x) · Σ_c w_zc N(end points | μ_zc, σ_zc); then, while there
are more than ${r.jointSet.budget}, the CVAE sample with the lowest p(z|x) · w_c is dropped, never an anchor. Miss-aware rule: the
${r.jointSet.budget} joint goals that maximise the model's own P(at least one hits WOMD's 8 s miss box) under its mixture
Σ_z p(z|x) Σ_c w_zc N(μ_zc, σ_zc), greedy over a pool of the component means, ${r.jointSet.missAware.poolDraws} draws per component and the anchor${r.jointSet.anchors === 1 ? '' : 's'}, hit
probabilities on ${r.jointSet.missAware.mcDraws} seeded draws of the mixture${r.jointSet.missAware.forceAnchors ? ', the anchors forced in' : ''}${r.jointSet.missAware.forceMeans ? `, the ${r.jointSet.missAware.forceMeans} most probable component mean${r.jointSet.missAware.forceMeans === 1 ? '' : 's'} forced in first` : ''}; each goal decoded by its own mode. Every joint prediction is
ranked by its mode's probability; k and the miss-aware parameters were chosen by \`npm run anchors\` on the synthetic
validation and real training splits, docs/real-gap.md; constant velocity: one; kinematic: the 6 most probable
combinations of each agent's constant turn rate and acceleration hypotheses, model/kinematic.ts). minADE/minFDE: mean
over both agents, minimum over the joint predictions. Miss rate: WOMD definition (both agents' end points within the
speed-scaled lateral/longitudinal thresholds of at least one joint prediction). Overlap: the most likely joint prediction's
boxes touch each other or another agent's real box. Latent: argmax of the prior p(z|x) and the posterior q(z|x,y) against
the pseudo label of labels/, from the model's own samples without anchors (modes are trained to mean ${LABEL_NAMES.map((n, k) => `${k} = ${n}`).join(', ')}).
pseudo-q and vanilla-q: the same two models stored at layer-wise mixed precision (\`npm run quantize\`,
model/quantize.ts; bits per layer in their cards, docs/quantization.md), scored the same way on the same pairs.

## ${'files' in r.testSet ? 'Given files' : 'Synthetic test set (synthetic-v1)'}

${'files' in r.testSet ? `Files ${(r.testSet.files as string[]).join(', ')}: ${r.testSet.scenes} scenes` : `${r.testSet.scenes} scenes (seed ${r.testSet.seed}; synthetic-v1: the generator's designed pair, frozen)`}, ${r.testSet.samples} with the pair valid at step 10. Labels: ${Object.entries(
    r.labelCounts,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.

${reportTable(r.synthetic)}

## Predicting from a later step

The same scenes, predicted from step ${r.later.step} (${r.later.samples} with the pair valid there): the scene ends
${(90 - r.later.step) / STEP_HZ} s later, so the 8 s horizon is not scored. The pseudo label is still the whole scene's.

${reportTable(r.later.results)}

## Real WOMD

${
  r.realWOMD
    ? `The real benchmark (docs/real-benchmark.md): ${r.realWOMD.scenes} scenes from ${r.realWOMD.files} files in ${r.realWOMD.dirs.join(', ')} (WOMD split by the \`name\` field: ${Object.entries(
        r.realWOMD.splits,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}; ${r.realWOMD.short} history-only scene(s) and ${r.realWOMD.duplicates} repeated scenario(s) left out${r.realWOMD.problems.length ? `; ${r.realWOMD.problems.length} unreadable file(s) or record(s), listed in results.json` : ''}). ${r.realWOMD.pairs} pairs by the rule (pair list hash ${r.realWOMD.hash}), predicted from step 10. Pseudo labels: ${Object.entries(
        r.realWOMD.labelMix,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}. Every model here was trained on synthetic scenes only.

${reportTable(r.realWOMD.results)}

Bootstrap 95% intervals, resampling scenarios (2000 resamples, seed 1):

${intervalTable(r.realWOMD.results)}`
    : 'No real WOMD folder was present (../shared/womd/, ../shared/womd-json/).'
}
`;
}
