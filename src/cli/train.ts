// `npm run train [-- --variant pseudo|vanilla] [--epochs N] [--scenes N] [--resume] [--out DIR]`:
// trains the CVAE in Node on the tfjs wasm backend, seeded, with a progress bar (loss terms,
// steps/s, ETA), a checkpoint every few hundred steps (resume continues from it exactly), and
// writes the weights to public/models/VARIANT/ (model.json + weights.bin) with the training card.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { DATA_CONFIG, VARIANTS, type TrainConfig, type Variant } from '../model/config';
import { createParams, type Params } from '../model/network';
import { lossTerms } from '../model/losses';
import { inputBatch, targetBatch, disposeBatch } from '../model/batch';
import { decodeModel, encodeModel, type ModelJson } from '../model/weights';
import { Rng } from '../synth/rng';
import type { Sample } from '../model/features';
import { loadSamples } from './lib/samples';

const { values } = parseArgs({
  options: {
    variant: { type: 'string', default: 'pseudo' },
    epochs: { type: 'string' },
    scenes: { type: 'string' },
    'val-scenes': { type: 'string', default: '500' },
    resume: { type: 'boolean', default: false },
    out: { type: 'string' },
    checkpoints: { type: 'string', default: 'checkpoints' },
    'checkpoint-every': { type: 'string', default: '250' },
    data: { type: 'string', default: DATA_CONFIG.dir },
  },
});
const variant = values.variant as Variant;
if (!(variant in VARIANTS))
  throw new Error(`unknown variant '${variant}'; known: ${Object.keys(VARIANTS).join(', ')}`);
const cfg: TrainConfig = {
  ...VARIANTS[variant],
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
};
const outDir = values.out ?? join('public/models', variant);
const ckptDir = join(values.checkpoints, variant);

await tf.setBackend('wasm');
await tf.ready();

// the code that trains is the code at start (later commits do not count), dirty when uncommitted
// changes to the model or this command are present
let commit = 'unknown';
try {
  commit = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  if (execSync('git status --porcelain src/model src/cli/train.ts', { encoding: 'utf8' }).trim())
    commit += '-dirty';
} catch {
  /* not a git checkout */
}

const maxScenes = values.scenes ? Number(values.scenes) : Infinity;
const train = await loadSamples(join(values.data, 'train'), maxScenes, cfg);
const val = await loadSamples(join(values.data, 'val'), Number(values['val-scenes']), {
  ...cfg,
  extraSteps: 0,
});
console.log(
  `train: ${train.samples.length} samples from ${train.scenes} scenes; val: ${val.samples.length} samples`,
);
if (train.problems.length) console.log(`skipped records:\n  ${train.problems.join('\n  ')}`);

const params: Params = createParams(cfg.seed);
const optimizer = tf.train.adam(cfg.learningRate);
const stepsPerEpoch = Math.floor(train.samples.length / cfg.batch);
const totalSteps = stepsPerEpoch * cfg.epochs;
let step = 0;
const history: Record<string, number>[] = [];

/** Checkpoint = the weights in model.json form + the optimizer's slots + where we are. */
async function saveCheckpoint() {
  mkdirSync(ckptDir, { recursive: true });
  const m = await encodeModel(params, { step, variant, cfg, history });
  writeFileSync(join(ckptDir, 'model.json'), JSON.stringify(m.json));
  writeFileSync(join(ckptDir, 'weights.bin'), new Uint8Array(m.data));
  const slots = await optimizer.getWeights();
  const enc = await tf.io.encodeWeights(slots);
  writeFileSync(join(ckptDir, 'optimizer.json'), JSON.stringify(enc.specs));
  writeFileSync(join(ckptDir, 'optimizer.bin'), new Uint8Array(enc.data));
}

async function loadCheckpoint() {
  const json = JSON.parse(readFileSync(join(ckptDir, 'model.json'), 'utf8')) as ModelJson;
  const bin = readFileSync(join(ckptDir, 'weights.bin'));
  const loaded = decodeModel(
    json,
    bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    ckptDir,
  );
  for (const [k, v] of Object.entries(loaded)) {
    params[k]!.assign(v);
    v.dispose();
  }
  const specs = JSON.parse(
    readFileSync(join(ckptDir, 'optimizer.json'), 'utf8'),
  ) as tf.io.WeightsManifestEntry[];
  const ob = readFileSync(join(ckptDir, 'optimizer.bin'));
  const named = tf.io.decodeWeights(ob.buffer.slice(ob.byteOffset, ob.byteOffset + ob.byteLength), specs);
  await optimizer.setWeights(specs.map((s) => ({ name: s.name, tensor: named[s.name]! })));
  const meta = json.userDefinedMetadata as { step: number; history: Record<string, number>[] };
  step = meta.step;
  history.push(...meta.history);
  console.log(`resumed ${variant} at step ${step}/${totalSteps} from ${ckptDir}`);
}

if (values.resume && existsSync(join(ckptDir, 'model.json'))) await loadCheckpoint();

function order(epoch: number): number[] {
  const idx = [...train.samples.keys()];
  const rng = new Rng(cfg.seed, epoch, 5);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}

function batchOf(samples: Sample[]) {
  return { x: inputBatch(samples.map((s) => s.features)), y: targetBatch(samples.map((s) => s.targets)) };
}

async function validate(): Promise<Record<string, number>> {
  const sums: Record<string, number> = { total: 0, traj: 0, goal: 0, kl: 0, label: 0 };
  let n = 0;
  for (
    let i = 0;
    i + cfg.batch <= val.samples.length || (i === 0 && val.samples.length > 0);
    i += cfg.batch
  ) {
    const { x, y } = batchOf(val.samples.slice(i, i + cfg.batch));
    const terms = tf.tidy(() => ({ ...lossTerms(params, x, y, cfg) }) as Record<string, tf.Scalar>);
    for (const [k, t] of Object.entries(terms)) sums[k]! += (await t.data())[0]!;
    tf.dispose(Object.values(terms));
    disposeBatch(x);
    disposeBatch(y);
    n++;
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / Math.max(1, n)]));
}

const bar = new SingleBar(
  {
    format: `${variant} [{bar}] {value}/{total} steps | epoch {epoch} | loss {loss} traj {traj} m goal {goal} kl {kl} label {label} | {rate} steps/s | eta {eta_formatted}`,
    // logs redirected to a file still get a line every 30 s
    noTTYOutput: true,
    notTTYSchedule: 30000,
  },
  Presets.shades_classic,
);
const fmt = (v: number) => v.toFixed(3);
const t0 = performance.now();
const step0 = step;
bar.start(totalSteps, step, { epoch: 0, loss: '-', traj: '-', goal: '-', kl: '-', label: '-', rate: '0' });
const ema: Record<string, number> = {};
const everyCkpt = Number(values['checkpoint-every']);
while (step < totalSteps) {
  const epoch = Math.floor(step / stepsPerEpoch);
  const idx = order(epoch);
  const k = step % stepsPerEpoch;
  const { x, y } = batchOf(idx.slice(k * cfg.batch, (k + 1) * cfg.batch).map((i) => train.samples[i]!));
  let terms: Record<string, tf.Scalar> = {};
  const { value, grads } = tf.variableGrads(() => {
    const l = lossTerms(params, x, y, cfg);
    terms = { traj: tf.keep(l.traj), goal: tf.keep(l.goal), kl: tf.keep(l.kl), label: tf.keep(l.label) };
    return l.total;
  });
  optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
  terms.total = value;
  for (const [name, t] of Object.entries(terms)) {
    const v = (await t.data())[0]!;
    ema[name] = ema[name] === undefined ? v : 0.98 * ema[name]! + 0.02 * v;
  }
  tf.dispose([...Object.values(terms), ...Object.values(grads)]);
  disposeBatch(x);
  disposeBatch(y);
  step++;
  const rate = (step - step0) / ((performance.now() - t0) / 1000);
  const payload = {
    epoch: epoch + 1,
    // 'total' is the bar's own token: the loss shows as 'loss'
    ...Object.fromEntries(Object.entries(ema).map(([n, v]) => [n === 'total' ? 'loss' : n, fmt(v)])),
    rate: rate.toFixed(2),
  };
  bar.update(step, payload);
  if (step % stepsPerEpoch === 0) {
    const v = await validate();
    history.push({
      epoch: step / stepsPerEpoch,
      step,
      ...Object.fromEntries(Object.entries(ema).map(([n, e]) => [`train_${n}`, e])),
      ...Object.fromEntries(Object.entries(v).map(([n, e]) => [`val_${n}`, e])),
    });
    bar.stop();
    console.log(
      `epoch ${step / stepsPerEpoch}: val ${Object.entries(v)
        .map(([n, e]) => `${n} ${fmt(e)}`)
        .join(' ')}`,
    );
    bar.start(totalSteps, step, payload); // without it the restarted bar prints its {tokens}
  }
  if (step % everyCkpt === 0 || step === totalSteps) await saveCheckpoint();
}
bar.stop();
const seconds = (performance.now() - t0) / 1000;
const model = await encodeModel(params, {
  variant,
  data: { ...DATA_CONFIG, trainSamples: train.samples.length, trainScenes: train.scenes },
  train: cfg,
  seed: cfg.seed,
  commit,
  backend: tf.getBackend(),
  steps: totalSteps,
  trainSeconds: Math.round(seconds),
  stepsPerSecond: (totalSteps - step0) / seconds,
  history,
});
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'model.json'), `${JSON.stringify(model.json, null, 1)}\n`);
writeFileSync(join(outDir, 'weights.bin'), new Uint8Array(model.data));
console.log(
  `${variant}: ${totalSteps - step0} steps in ${seconds.toFixed(0)} s (${((totalSteps - step0) / seconds).toFixed(2)} steps/s); weights ${(model.data.byteLength / 1e6).toFixed(2)} MB -> ${outDir}`,
);
