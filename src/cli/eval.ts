// `npm run eval [-- --scenes N] [--models DIR] [--out docs/results] [--files F...]`: constant velocity, the vanilla
// CVAE and the pseudo-label CVAE on the synthetic test set (prediction at step 10, 6 joint samples =
// 2 per mode), and on the real WOMD files in ../shared/womd/ when present. Writes docs/results.md and
// docs/results.json, and the metrics into each model's card (model.json userDefinedMetadata.metrics).
// With --files, the given scenario files stand in for the test set (e.g. the demo set, to check the
// app's file-level run against), and the model cards are left alone.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_CONFIG, EVAL_SAMPLES, NETWORK, type Variant } from '../model/config';
import { buildSample, type Sample } from '../model/features';
import { constantVelocity, latentProbabilities, predictFrames, zSensitivity } from '../model/predict';
import { decodeModel, type ModelJson } from '../model/weights';
import type { Params } from '../model/network';
import { LABEL_NAMES } from '../labels';
import {
  argmax,
  entropy,
  HORIZONS,
  isMiss,
  meanDistance,
  minDisplacement,
  mutualInformation,
  overlaps,
  type JointTruth,
} from '../metrics';
import { interactingPair, isValid, type Scene } from '../scene/scene';
import { loadSamples, shardPaths } from './lib/samples';

const { values, positionals } = parseArgs({
  options: {
    scenes: { type: 'string' },
    models: { type: 'string', default: 'public/models' },
    out: { type: 'string', default: 'docs/results' },
    womd: { type: 'string', default: join(import.meta.dirname, '../../../shared/womd') },
    data: { type: 'string', default: DATA_CONFIG.dir },
    files: { type: 'string', multiple: true },
  },
  allowPositionals: true,
});
const files = [...(values.files ?? []), ...positionals];
await tf.setBackend('wasm');
await tf.ready();
const M = NETWORK.modes;
const PER_MODE = EVAL_SAMPLES / M;
const BATCH = 64;

interface ModelReport {
  scenes: number;
  minADE: Record<string, number>;
  minFDE: Record<string, number>;
  missRate: Record<string, number>;
  overlapRate: number;
  latent?: {
    priorAccuracy: number;
    posteriorAccuracy: number;
    meanKL: number;
    miPriorBits: number;
    miPosteriorBits: number;
    labelEntropyBits: number;
    /** Mean over scenes of the mean pairwise distance (m) between the modes' most likely joint futures. */
    modeSpreadM: number;
    /** Same, decoding every mode with one shared goal: what z alone changes in the trajectory. */
    zSensitivityM: number;
    confusion: number[][];
  };
}

function loadParams(variant: Variant): { params: Params; json: ModelJson } | null {
  const path = join(values.models, variant, 'model.json');
  if (!existsSync(path)) return null;
  const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
  const bin = readFileSync(join(dirname(path), json.weightsManifest[0]!.paths[0]!));
  return {
    params: decodeModel(json, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), path),
    json,
  };
}

function truthOf(s: Sample): JointTruth {
  return {
    future: s.targets.future,
    mask: s.targets.futureMask,
    speed: s.frame.speed,
    heading: [0, s.frame.localHeading[1]],
  };
}

/** Metrics of one predictor; `predict` gives per sample its joint predictions, most likely first. */
async function evaluate(
  samples: Sample[],
  scenes: Map<string, Scene>,
  predict: (batch: Sample[]) => Promise<Float32Array[][]>,
): Promise<ModelReport> {
  const sums = { ade: [0, 0, 0], fde: [0, 0, 0], miss: [0, 0, 0], n: [0, 0, 0], overlap: 0 };
  for (let i = 0; i < samples.length; i += BATCH) {
    const batch = samples.slice(i, i + BATCH);
    const preds = await predict(batch);
    batch.forEach((s, j) => {
      const truth = truthOf(s);
      HORIZONS.forEach((h, k) => {
        const d = minDisplacement(preds[j]!, truth, h);
        if (!d) return;
        sums.ade[k]! += d.minADE;
        sums.fde[k]! += d.minFDE;
        sums.miss[k]! += isMiss(preds[j]!, truth, h) ? 1 : 0;
        sums.n[k]!++;
      });
      if (overlaps(scenes.get(s.frame.scene)!, s.frame, preds[j]![0]!)) sums.overlap++;
    });
  }
  const per = (v: number[]) =>
    Object.fromEntries(HORIZONS.map((h, k) => [`${h.seconds}s`, v[k]! / sums.n[k]!]));
  return {
    scenes: samples.length,
    minADE: per(sums.ade),
    minFDE: per(sums.fde),
    missRate: per(sums.miss),
    overlapRate: sums.overlap / samples.length,
  };
}

async function evaluateCVAE(
  samples: Sample[],
  scenes: Map<string, Scene>,
  params: Params,
): Promise<ModelReport> {
  const report = await evaluate(samples, scenes, async (batch) => {
    const out = await predictFrames(
      params,
      batch.map((s) => s.features),
      { samplesPerMode: PER_MODE },
    );
    // most probable mode first, so the overlap check takes the most likely joint prediction
    return out.map((modes) =>
      [...modes]
        .sort((a, b) => b.probability - a.probability)
        .flatMap((m) => m.samples.map((s) => s.trajectory)),
    );
  });
  const confusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const postTable = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const labels = new Array<number>(M).fill(0);
  let priorHit = 0;
  let postHit = 0;
  let kl = 0;
  let spread = 0;
  let zSens = 0;
  for (let i = 0; i < samples.length; i += BATCH) {
    const batch = samples.slice(i, i + BATCH);
    const fs = batch.map((s) => s.features);
    const { prior, posterior } = await latentProbabilities(
      params,
      fs,
      batch.map((s) => s.targets),
    );
    const modes = await predictFrames(params, fs, { samplesPerMode: 1 });
    const shared = await zSensitivity(params, fs);
    batch.forEach((s, j) => {
      const label = s.targets.label;
      const zp = argmax(prior[j]!);
      const zq = argmax(posterior[j]!);
      confusion[zp]![label]!++;
      postTable[zq]![label]!++;
      labels[label]!++;
      if (zp === label) priorHit++;
      if (zq === label) postHit++;
      for (let z = 0; z < M; z++) {
        const q = posterior[j]![z]!;
        if (q > 0) kl += q * Math.log(q / Math.max(prior[j]![z]!, 1e-12));
      }
      const trajs = modes[j]!.map((m) => m.samples[0]!.trajectory);
      let pairs = 0;
      let d = 0;
      for (let a = 0; a < M; a++)
        for (let b = a + 1; b < M; b++) {
          d += meanDistance(trajs[a]!, trajs[b]!);
          pairs++;
        }
      spread += d / pairs;
      zSens += shared[j]!;
    });
  }
  const n = samples.length;
  report.latent = {
    priorAccuracy: priorHit / n,
    posteriorAccuracy: postHit / n,
    meanKL: kl / n,
    miPriorBits: mutualInformation(confusion),
    miPosteriorBits: mutualInformation(postTable),
    labelEntropyBits: entropy(labels),
    modeSpreadM: spread / n,
    zSensitivityM: zSens / n,
    confusion,
  };
  return report;
}

async function evaluateAll(
  samples: Sample[],
  scenes: Map<string, Scene>,
  models: Partial<Record<Variant, Params>>,
) {
  const out: Record<string, ModelReport> = {};
  out.constant_velocity = await evaluate(samples, scenes, async (batch) =>
    batch.map((s) => [constantVelocity(s.features)]),
  );
  for (const [name, params] of Object.entries(models))
    out[name] = await evaluateCVAE(samples, scenes, params);
  return out;
}

const loaded = { pseudo: loadParams('pseudo'), vanilla: loadParams('vanilla') };
const models: Partial<Record<Variant, Params>> = {};
for (const [k, v] of Object.entries(loaded)) if (v) models[k as Variant] = v.params;
if (!models.pseudo || !models.vanilla)
  console.warn(`missing weights under ${values.models}: run npm run train first`);

const maxScenes = values.scenes ? Number(values.scenes) : Infinity;
const test = await loadSamples(
  files.length ? files : join(values.data, 'test'),
  maxScenes,
  { extraSteps: 0, maxExtraStep: 0, seed: 0 },
  true,
);
const testScenes = new Map(test.sceneList.map((s) => [s.id, s]));
console.log(`test: ${test.samples.length} samples from ${test.scenes} scenes`);
const labelCounts = LABEL_NAMES.map((_, k) => test.samples.filter((s) => s.targets.label === k).length);
const t0 = performance.now();
const synthetic = await evaluateAll(test.samples, testScenes, models);
const evalSeconds = (performance.now() - t0) / 1000;

// prediction from a later moment of the scene (the app predicts from wherever playback is): the
// future is shorter there, so only the horizons it covers are scored
const LATER_STEP = 30;
const laterSamples = test.sceneList.flatMap((scene) => {
  const pair = interactingPair(scene);
  if (!pair || !isValid(scene.tracks, pair[0], LATER_STEP) || !isValid(scene.tracks, pair[1], LATER_STEP))
    return [];
  return [buildSample(scene, pair[0], pair[1], LATER_STEP)];
});
const later = {
  step: LATER_STEP,
  samples: laterSamples.length,
  results: await evaluateAll(laterSamples, testScenes, models),
};

let real: { files: string[]; scenes: number; results: Record<string, ModelReport> } | null = null;
if (existsSync(values.womd)) {
  const womdFiles = readdirSync(values.womd)
    .filter((f) => f.endsWith('.tfrecord'))
    .map((f) => join(values.womd, f));
  const r = await loadSamples(womdFiles, Infinity, { extraSteps: 0, maxExtraStep: 0, seed: 0 }, true);
  for (const p of r.problems) console.log(`  real WOMD: skipped ${p}`);
  if (r.samples.length)
    real = {
      // files that gave scenes (the tf.Example sample is reported as skipped above)
      files: womdFiles
        .map((f) => f.split('/').pop()!)
        .filter((f) => !r.problems.some((p) => p.startsWith(f))),
      scenes: r.samples.length,
      results: await evaluateAll(r.samples, new Map(r.sceneList.map((s) => [s.id, s])), models),
    };
}

const results = {
  generatedBy: 'npm run eval',
  testSet: {
    ...DATA_CONFIG.splits.test,
    shards: shardPaths(join(values.data, 'test')).length,
    samples: test.samples.length,
  },
  labelCounts: Object.fromEntries(LABEL_NAMES.map((n, k) => [n, labelCounts[k]])),
  jointSamples: EVAL_SAMPLES,
  predictionStep: 10,
  evalSeconds,
  synthetic,
  later,
  realWOMD: real,
  models: Object.fromEntries(
    Object.entries(loaded).map(([k, v]) => [k, v ? v.json.userDefinedMetadata : null]),
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
  const f2 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(2));
  const pct = (v: number | undefined) =>
    v === undefined || Number.isNaN(v) ? '–' : `${(100 * v).toFixed(1)}%`;
  const table = (res: Record<string, ModelReport>) => {
    const rows = [
      '| model | minADE 3/5/8 s (m) | minFDE 3/5/8 s (m) | miss rate 3/5/8 s | overlap rate |',
      '| --- | --- | --- | --- | --- |',
    ];
    for (const [name, m] of Object.entries(res))
      rows.push(
        `| ${name} | ${['3s', '5s', '8s'].map((h) => f2(m.minADE[h])).join(' / ')} | ${['3s', '5s', '8s'].map((h) => f2(m.minFDE[h])).join(' / ')} | ${['3s', '5s', '8s'].map((h) => pct(m.missRate[h])).join(' / ')} | ${pct(m.overlapRate)} |`,
      );
    const lat = Object.entries(res).filter(([, m]) => m.latent);
    if (lat.length) {
      rows.push(
        '',
        '| model | argmax prior = label | argmax posterior = label | mean KL(q‖p) (nats) | I(z_prior; label) (bits) | I(z_post; label) (bits) | H(label) (bits) | mode spread (m) | z sensitivity, shared goal (m) |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      );
      for (const [name, m] of lat) {
        const l = m.latent!;
        rows.push(
          `| ${name} | ${pct(l.priorAccuracy)} | ${pct(l.posteriorAccuracy)} | ${l.meanKL.toFixed(3)} | ${l.miPriorBits.toFixed(3)} | ${l.miPosteriorBits.toFixed(3)} | ${l.labelEntropyBits.toFixed(3)} | ${f2(l.modeSpreadM)} | ${f2(l.zSensitivityM)} |`,
        );
      }
      for (const [name, m] of lat) {
        rows.push('', `Confusion of argmax prior mode (rows) against pseudo label (columns), ${name}:`, '');
        rows.push(
          `| mode \\ label | ${LABEL_NAMES.join(' | ')} |`,
          `| --- |${LABEL_NAMES.map(() => ' --- |').join('')}`,
        );
        m.latent!.confusion.forEach((row, z) => rows.push(`| mode ${z} | ${row.join(' | ')} |`));
      }
    }
    return rows.join('\n');
  };
  return `# ModeScope results

Written by \`npm run eval\` (do not edit by hand); the same figures are in results.json.

Prediction from step 10 (1.1 s of history) for the interacting pair, 8 s ahead; ${r.jointSamples} joint predictions per
scene (the CVAEs: ${PER_MODE} per mode, the goal mixture's components by weight; constant velocity: one). minADE/minFDE: mean
over both agents, minimum over the joint predictions. Miss rate: WOMD definition (both agents' end points within the
speed-scaled lateral/longitudinal thresholds of at least one joint prediction). Overlap: the most likely joint prediction's
boxes touch each other or another agent's real box. Latent: argmax of the prior p(z|x) and the posterior q(z|x,y) against
the pseudo label of labels/ (modes are trained to mean ${LABEL_NAMES.map((n, k) => `${k} = ${n}`).join(', ')}).

## ${'files' in r.testSet ? 'Given files' : 'Synthetic test set'}

${'files' in r.testSet ? `Files ${(r.testSet.files as string[]).join(', ')}: ${r.testSet.scenes} scenes` : `${r.testSet.scenes} scenes (seed ${r.testSet.seed})`}, ${r.testSet.samples} with the pair valid at step 10. Labels: ${Object.entries(
    r.labelCounts,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.

${table(r.synthetic)}

## Predicting from a later step

The same scenes, predicted from step ${r.later.step} (${r.later.samples} with the pair valid there): the scene ends
${(90 - r.later.step) / 10} s later, so the 8 s horizon is not scored. The pseudo label is still the whole scene's.

${table(r.later.results)}

## Real WOMD

${
  r.realWOMD
    ? `${r.realWOMD.scenes} scene(s) from ${r.realWOMD.files.join(', ')} (the pair: objects_of_interest, else the first two tracks_to_predict). One scene is an anecdote, not a measurement.\n\n${table(r.realWOMD.results)}`
    : 'No real WOMD file was present (../shared/womd/).'
}
`;
}
