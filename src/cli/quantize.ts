// `npm run quantize -- --model pseudo [--budget 0.15] [--out DIR] [--sweep] [--scenes N]`: a
// layer-wise mixed-precision copy of a model (issue 19; the stored form and the allocation are
// model/quantize.ts). Steps:
//   1. Importance per layer and bit width: the model's own validation loss (train.ts evaluateLoss:
//      trajectory, goal, KL and, for the pseudo-label CVAE, the pseudo-label term) with that one
//      kernel stored at that width and everything else float32, minus the float model's loss, on
//      the synthetic-v2 pairs (designed pair and rule pairs, step 10, no noise) of synthetic
//      *validation* scenes 0..N-1 (seed 61002, made in memory; never the test set or real data).
//      This is a measured sensitivity, not LIMPQ's learned indicators: LIMPQ learns one scale factor
//      per layer and width in a quantization-aware fine-tune; the quantity those indicators stand in
//      for, each layer's effect on the loss at each width, is what is measured here directly (a
//      forward pass per layer and width, about a minute on two cores). It assumes the effects add;
//      step 2 checks that on random mixed configurations and prints the rank correlation.
//   2. Additivity: 16 seeded random bit assignments, the summed importances against the measured
//      loss increase of each, Spearman's rho.
//   3. Allocation: the widths that minimise the summed importance with the weights file at most
//      `budget` x the float32 file (allocateBits: exact multiple-choice knapsack). Biases are stored
//      as float16 (2.9k values, 6 KB: not worth a width of their own); the forecast table stays float32.
//   4. Writes DIR/model.json + weights.bin: the same topology, the quantized manifest, and the card
//      (the source model's card with `quantization`: budget, bits per layer, bytes, importances).
// --sweep instead prints, on the same validation pairs (prediction at step 10, 6 joint predictions
// by eval's joint set) and the real benchmark pairs of the WOMD *training* split where ../shared is
// present: size, validation loss, argmax prior = pseudo label and minFDE / miss 8 s, for the float
// model, uniform 4, 6 and 8 bits and the mixed allocation at budgets 0.10 to 0.25. Writes nothing.
// A model whose card says it was trained on real scenes is written to models-local/ only (DESIGN.md
// 6b): --out under public/ is refused for it.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scenarioSplit } from '../labels/pairs';
import { LABEL_NAMES } from '../labels';
import { DATA_CONFIG, LOCAL_MODELS_DIR, VARIANTS, type Variant } from '../model/config';
import { v2Pairs } from '../model/dataset';
import { buildSample, FeatureError, MIN_STEP, type Sample } from '../model/features';
import { knowledgeFeatures } from '../model/knowledge';
import { FORECAST_TABLE } from '../model/layers';
import { priorKnowledgeDim, type Params } from '../model/network';
import { predictPairs, type PairRequest } from '../model/predictors';
import {
  allocateBits,
  BIT_CHOICES,
  encodeTensor,
  fakeQuantize,
  storedBytes,
  type BitWidth,
  type QuantEntry,
} from '../model/quantize';
import { evaluateLoss } from '../model/train';
import { WEIGHTS_FILE, type ModelJson } from '../model/weights';
import { benchmarkRequests, interactingRequests, PER_MODE } from '../metrics/evaluate';
import { HORIZONS, isMiss, jointTrajectory, minDisplacement, sceneTruth } from '../metrics';
import { generateScene } from '../synth';
import { readModelDir } from './lib/local-models';
import { writeModelFiles } from './lib/model-files';
import { loadScenes } from './lib/samples';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'pseudo' },
    budget: { type: 'string', default: '0.15' },
    out: { type: 'string' },
    sweep: { type: 'boolean', default: false },
    scenes: { type: 'string', default: '300' },
    real: { type: 'string', multiple: true },
  },
});
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(0);
await tf.setBackend('wasm');
await tf.ready();

// ---- the model and where its copy goes ----
const shipped = values.model in VARIANTS;
const dir = shipped ? join('public/models', values.model) : values.model;
const model = readModelDir(dir);
if (!model) {
  console.error(`quantize: no model.json in ${dir}`);
  process.exit(1);
}
const card = model.json.userDefinedMetadata as Record<string, unknown>;
const cardData = card.data as Record<string, unknown> | undefined;
const realTrained = !!(cardData?.selection && cardData.group);
const out =
  values.out ??
  (realTrained && !shipped ? join(LOCAL_MODELS_DIR, `${relative(LOCAL_MODELS_DIR, dir)}-q`) : `${dir}-q`);
if (realTrained && !resolve(out).startsWith(resolve(LOCAL_MODELS_DIR)))
  throw new Error(
    `quantize: ${dir} was trained on real WOMD scenes; its copy goes to ${LOCAL_MODELS_DIR}/, not ${out} (DESIGN.md 6b)`,
  );
const budget = Number(values.budget);
if (!(budget > 0 && budget <= 1))
  throw new Error(`quantize: --budget ${values.budget} is not a fraction in (0, 1]`);
const variant = (card.variant as Variant | undefined) ?? (values.model as Variant);
const params = model.params;
const withK = priorKnowledgeDim(params) > 0;

// ---- the validation pairs (header, step 1) ----
const valSeed = DATA_CONFIG.splits.val.seed;
const nScenes = Number(values.scenes);
const samples: Sample[] = [];
const valScenes = [...Array(nScenes).keys()].map((i) => generateScene(valSeed, i).scene);
for (const scene of valScenes)
  for (const p of v2Pairs(scene)) {
    try {
      const s = buildSample(scene, p.a, p.b, MIN_STEP, p.label);
      if (withK) s.features.knowledge = knowledgeFeatures(scene, s.frame, s.features);
      samples.push(s);
    } catch (e) {
      if (!(e instanceof FeatureError)) throw e;
    }
  }
const cfg = { ...VARIANTS[variant in VARIANTS ? variant : 'pseudo'], batch: 128 };
console.log(
  `${dir}: ${variant}; ${samples.length} validation pairs of synthetic scenes 0-${nScenes - 1} (seed ${valSeed}) [${secs()} s]`,
);

// ---- the tensors ----
const names = Object.keys(params);
const kernels = names.filter((n) => n.endsWith('/kernel'));
const valuesOf = new Map(names.map((n) => [n, params[n]!.dataSync() as Float32Array]));
const sizeOf = (n: string) => valuesOf.get(n)!.length;
/** The width every non-kernel tensor is stored at (header, step 3). */
const fixedBits = (n: string): 16 | 32 => (n === FORECAST_TABLE ? 32 : 16);
const floatBytes = names.reduce((a, n) => a + 4 * sizeOf(n), 0);
const fixedBytes = names
  .filter((n) => !n.endsWith('/kernel'))
  .reduce((a, n) => a + storedBytes(sizeOf(n), fixedBits(n)), 0);

/** Params with the kernels at `bits` (absent: float32) and the rest at their fixed widths when `all`. */
function quantized(bits: ReadonlyMap<string, BitWidth>, all: boolean): Params {
  const p: Params = {};
  for (const n of names) {
    const b = bits.get(n) ?? (all && !n.endsWith('/kernel') ? fixedBits(n) : 32);
    p[n] =
      b === 32
        ? params[n]!
        : tf.variable(tf.tensor(fakeQuantize(valuesOf.get(n)!, b), params[n]!.shape), false);
  }
  return p;
}
const release = (p: Params) => {
  for (const n of names) if (p[n] !== params[n]) p[n]!.dispose();
};
async function lossOf(p: Params): Promise<number> {
  return (await evaluateLoss(p, samples, cfg)).total!;
}
const bytesOf = (bits: ReadonlyMap<string, BitWidth>) =>
  fixedBytes + kernels.reduce((a, n) => a + storedBytes(sizeOf(n), bits.get(n) ?? 16), 0);

// ---- 1. importance ----
const base = await lossOf(params);
const baseAll = quantized(new Map(), true);
const biasLoss = (await lossOf(baseAll)) - base;
release(baseAll);
console.log(
  `float32 validation loss ${base.toFixed(4)}; biases at float16: +${biasLoss.toExponential(2)} [${secs()} s]`,
);
const importance = new Map<string, Map<BitWidth, number>>();
for (const n of kernels) {
  const row = new Map<BitWidth, number>();
  for (const b of BIT_CHOICES) {
    const p = quantized(new Map([[n, b]]), false);
    row.set(b, (await lossOf(p)) - base);
    release(p);
  }
  importance.set(n, row);
}
const ranked = [...kernels].sort((a, b) => importance.get(b)!.get(4)! - importance.get(a)!.get(4)!);
console.log(
  `\nImportance: validation loss increase with one kernel stored at a width, the rest float32 [${secs()} s]\n`,
);
console.log(
  `| rank | kernel | values | ${BIT_CHOICES.map((b) => (b === 16 ? 'float16' : `${b} bits`)).join(' | ')} |`,
);
console.log(`| --- | --- | --- | ${BIT_CHOICES.map(() => '---').join(' | ')} |`);
ranked.forEach((n, i) =>
  console.log(
    `| ${i + 1} | ${n} | ${sizeOf(n)} | ${BIT_CHOICES.map((b) => importance.get(n)!.get(b)!.toExponential(1)).join(' | ')} |`,
  ),
);
/**
 * The importances the allocation reads: never below zero and never larger at more bits than at
 * fewer (a measured decrease, or a coarser width measured as less harmful than a finer one, is the
 * noise of a few hundred validation pairs: rounding weights to fewer levels does not help a trained
 * network in expectation), cost(b) = max(0, max over b' >= b of the measured increase at b').
 */
function monotone(row: ReadonlyMap<BitWidth, number>): Map<BitWidth, number> {
  const out = new Map<BitWidth, number>();
  let run = 0;
  for (const b of [...BIT_CHOICES].reverse()) out.set(b, (run = Math.max(run, row.get(b)!)));
  return new Map(BIT_CHOICES.map((b) => [b, out.get(b)!]));
}
const layers = kernels.map((n) => ({ name: n, values: sizeOf(n), cost: monotone(importance.get(n)!) }));

// ---- 2. additivity ----
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const predicted: number[] = [];
const measured: number[] = [];
for (let k = 0; k < 16; k++) {
  const bits = new Map(kernels.map((n) => [n, BIT_CHOICES[Math.floor(rand() * 6)]!] as [string, BitWidth]));
  predicted.push(layers.reduce((a, l) => a + l.cost.get(bits.get(l.name)!)!, 0));
  const p = quantized(bits, false);
  measured.push((await lossOf(p)) - base);
  release(p);
}
const rho = spearman(predicted, measured);
console.log(
  `\nAdditivity: 16 random assignments of 2-7 bits, summed importance against measured loss increase: Spearman rho ${rho.toFixed(3)} [${secs()} s]`,
);

function spearman(a: number[], b: number[]): number {
  const rank = (v: number[]) => {
    const r = new Array<number>(v.length);
    [...v.keys()].sort((i, j) => v[i]! - v[j]!).forEach((i, k) => (r[i] = k));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const d2 = ra.reduce((s, r, i) => s + (r - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

// ---- 3. allocation ----
function allocate(frac: number): Map<string, BitWidth> {
  const bits = allocateBits(layers, frac * floatBytes, fixedBytes);
  if (!bits)
    throw new Error(
      `quantize: a budget of ${frac} x ${floatBytes} bytes does not fit even 2 bits per kernel`,
    );
  return bits;
}

if (values.sweep) await sweep();
else await write();

async function write() {
  const bits = allocate(budget);
  const entries: QuantEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const n of names) {
    const e = encodeTensor(n, params[n]!.shape, valuesOf.get(n)!, bits.get(n) ?? fixedBits(n));
    entries.push(e.entry);
    parts.push(e.bytes);
  }
  const data = new Uint8Array(parts.reduce((a, b) => a + b.length, 0));
  parts.reduce((at, b) => (data.set(b, at), at + b.length), 0);
  const p = quantized(bits, true);
  const loss = await lossOf(p);
  release(p);
  const json: ModelJson = {
    ...model!.json,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: entries }],
    userDefinedMetadata: {
      ...card,
      metrics: undefined,
      quantization: {
        about:
          'layer-wise mixed precision (model/quantize.ts, npm run quantize): per kernel the width that minimises the summed validation-loss increase under the byte budget; biases float16; forecast table float32',
        source: `${dir} (${(floatBytes / 1e6).toFixed(2)} MB float32)`,
        budget,
        bytes: data.length,
        ratio: data.length / floatBytes,
        bits: Object.fromEntries(kernels.map((n) => [n, bits.get(n)!])),
        validation: {
          seed: valSeed,
          scenes: nScenes,
          pairs: samples.length,
          lossFloat: base,
          lossQuantized: loss,
        },
        additivityRho: rho,
        importance: Object.fromEntries(kernels.map((n) => [n, Object.fromEntries(importance.get(n)!)])),
      },
    },
  };
  writeModelFiles(out, { json, data: data.buffer });
  console.log(
    `\n${out}: ${data.length} bytes (${((100 * data.length) / floatBytes).toFixed(1)}% of float32), validation loss ${loss.toFixed(4)} against ${base.toFixed(4)}; bits ${kernels.map((n) => `${n.replace('/kernel', '')} ${bits.get(n)}`).join(', ')} [${secs()} s]`,
  );
}

async function sweep() {
  const H8 = HORIZONS[2];
  const synthReqs = interactingRequests(valScenes, MIN_STEP);
  const SHARED = join(import.meta.dirname, '../../../shared');
  const realDirs = (values.real ?? [join(SHARED, 'womd'), join(SHARED, 'womd-json')]).filter((d) =>
    existsSync(d),
  );
  const loaded = realDirs.length ? await loadScenes(realDirs, Infinity) : { scenes: [], problems: [] };
  const realReqs = benchmarkRequests(loaded.scenes).reqs.filter((r) => scenarioSplit(r.scene) === 'training');
  async function score(p: Params, reqs: PairRequest[]) {
    let agree = 0;
    let fde = 0;
    let nf = 0;
    let miss = 0;
    let nm = 0;
    for (let i = 0; i < reqs.length; i += 64) {
      const batch = reqs.slice(i, i + 64);
      const res = await predictPairs(variant, p, batch, {
        samplesPerMode: PER_MODE,
        posterior: false,
        budget: 6,
      });
      res.forEach((r, j) => {
        if (r.prior.indexOf(Math.max(...r.prior)) === r.label) agree++;
        const preds = r.modes.flatMap((m) => m.samples.map(jointTrajectory));
        const truth = sceneTruth(batch[j]!.scene, r.a, r.b, r.t);
        const d = minDisplacement(preds, truth, H8);
        if (d) {
          fde += d.minFDE;
          nf++;
        }
        const m = isMiss(preds, truth, H8);
        if (m !== null) {
          miss += +m;
          nm++;
        }
      });
    }
    return { agree: agree / reqs.length, fde: fde / nf, miss: miss / nm };
  }
  const rows: [string, Map<string, BitWidth> | null][] = [
    ['float32', null],
    ...([8, 6, 4] as BitWidth[]).map((b): [string, Map<string, BitWidth>] => [
      `uniform ${b} bits`,
      new Map(kernels.map((n) => [n, b])),
    ]),
    ...[0.25, 0.2, 0.15, 0.125, 0.1].map((f): [string, Map<string, BitWidth>] => [
      `mixed, budget ${f}`,
      allocate(f),
    ]),
  ];
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  console.log(
    `\nSweep: ${synthReqs.length} synthetic validation pairs (scenes 0-${nScenes - 1}, step 10); ${realReqs.length} real benchmark pairs of the WOMD training split. Prior agreement: argmax p(z|x) = pseudo label (${LABEL_NAMES.length} labels).\n`,
  );
  console.log(
    '| weights | bytes (x float32) | mean bits per kernel value | validation loss | synthetic: prior = label | minFDE 8 s | miss 8 s | real: prior = label | minFDE 8 s | miss 8 s |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const kernelValues = kernels.reduce((a, n) => a + sizeOf(n), 0);
  for (const [name, bits] of rows) {
    const p = bits ? quantized(bits, true) : params;
    const bytes = bits ? bytesOf(bits) : floatBytes;
    const meanBits = bits ? kernels.reduce((a, n) => a + sizeOf(n) * bits.get(n)!, 0) / kernelValues : 32;
    const loss = await lossOf(p);
    const s = await score(p, synthReqs);
    const r = realReqs.length ? await score(p, realReqs) : null;
    if (bits) release(p);
    console.log(
      `| ${name} | ${bytes} (${(bytes / floatBytes).toFixed(3)}) | ${meanBits.toFixed(2)} | ${loss.toFixed(4)} | ${pct(s.agree)} | ${s.fde.toFixed(2)} m | ${pct(s.miss)} | ${r ? pct(r.agree) : '–'} | ${r ? `${r.fde.toFixed(2)} m` : '–'} | ${r ? pct(r.miss) : '–'} |`,
    );
  }
  console.log(`(npm run quantize -- --model ${values.model} --sweep, ${secs()} s)`);
}
