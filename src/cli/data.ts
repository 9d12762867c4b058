// `npm run data [-- --only train,val,test]`: the model's train / validation / test sets, made by the
// synthetic generator with the sizes and seeds of src/model/config.ts, written as WOMD shards with
// truth sidecars under data/model/SPLIT/. Deterministic; not committed.
// `npm run data -- --real [DIR...] [--quick] [--fold K]`: the real training samples (every benchmark
// pair of the WOMD training split, or of every fold but K, several steps each; docs/real-benchmark.md)
// counted and listed in data/real/manifest.json (scenes, splits, folds, pairs, samples, the sample
// list's hash). No copy of the scenes is written: `npm run train -- --data real` reads the same
// folders with the same function (cli/lib/samples.ts loadRealSamples), and its card carries the
// same hash, so the manifest says what a training run will see. Default folders: ../shared/womd
// and ../shared/womd-json.
import { SingleBar, Presets } from 'cli-progress';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_CONFIG, REAL_TRAIN, TRAIN_CONFIG, type Split } from '../model/config';
import type { RealSelection } from '../model/dataset';
import { LABEL_NAMES } from '../labels';
import { writeSynthShards } from '../synth/node-write';
import { loadRealSamples } from './lib/samples';
import { trainPlan } from './lib/train-data';

const { values, positionals } = parseArgs({
  options: {
    only: { type: 'string' },
    real: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    fold: { type: 'string' },
  },
  allowPositionals: true,
});

if (values.real) {
  const SHARED = join(import.meta.dirname, '../../../shared');
  const plan = trainPlan(
    { variant: 'pseudo', data: 'real', real: positionals, fold: values.fold, quick: values.quick },
    [join(SHARED, 'womd'), join(SHARED, 'womd-json')],
  );
  if (plan.kind !== 'real') throw new Error('unreachable');
  const steps = { ...REAL_TRAIN[plan.mode], seed: TRAIN_CONFIG.seed };
  const t0 = performance.now();
  const real = await loadRealSamples(plan.dirs, plan.selection, steps);
  const seconds = (performance.now() - t0) / 1000;
  for (const p of real.problems) console.log(`  real WOMD: skipped ${p}`);
  const labels = LABEL_NAMES.map((_, k) => real.train.samples.filter((s) => s.targets.label === k).length);
  const manifest = {
    generatedBy: `npm run data -- --real${values.quick ? ' --quick' : ''}${values.fold ? ` --fold ${values.fold}` : ''}`,
    dirs: plan.dirs.map((d) => d.replace(`${SHARED}/`, '../shared/')),
    selection: plan.selection satisfies RealSelection,
    mode: plan.mode,
    steps,
    scenesRead: real.read,
    short: real.short,
    duplicates: real.duplicates,
    unused: real.unused,
    train: {
      scenes: real.train.scenes,
      pairs: real.train.pairs,
      samples: real.train.samples.length,
      sampleLabels: Object.fromEntries(LABEL_NAMES.map((n, k) => [n, labels[k]])),
      sampleHash: real.train.hash,
    },
    heldOut: { scenes: real.heldOut.scenes, samplesAtStep10: real.heldOut.samples.length },
    scenes: real.manifest,
  };
  const dir = join('data', 'real');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `manifest${plan.selection.kind === 'fold' ? `-fold${plan.selection.fold}` : ''}${values.quick ? '-quick' : ''}.json`,
  );
  writeFileSync(file, `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(
    `real (${plan.selection.kind === 'fold' ? `every fold but ${plan.selection.fold}` : 'training split'}, ${plan.mode}): ${real.train.samples.length} samples of ${real.train.pairs} pairs from ${real.train.scenes} scenes (labels ${LABEL_NAMES.map((n, k) => `${n} ${labels[k]}`).join(', ')}; sample list ${real.train.hash}); held out ${real.heldOut.scenes} scenes; left out: ${real.unused.length} of unknown split, ${real.short.length} history-only, ${real.duplicates.length} repeated; ${real.read} scenes read in ${seconds.toFixed(1)} s -> ${file}`,
  );
} else {
  if (positionals.length)
    throw new Error(`unexpected arguments ${positionals.join(' ')} (folders go with --real)`);
  await synthetic();
}

async function synthetic() {
  const splits = (values.only?.split(',') ?? Object.keys(DATA_CONFIG.splits)) as Split[];
  for (const split of splits) {
    const cfg = DATA_CONFIG.splits[split];
    if (!cfg)
      throw new Error(`unknown split '${split}'; known: ${Object.keys(DATA_CONFIG.splits).join(', ')}`);
    const bar = new SingleBar(
      { format: `${split.padEnd(5)} [{bar}] {value}/{total} scenes | {rate} scenes/s | eta {eta}s` },
      Presets.shades_classic,
    );
    const t0 = performance.now();
    bar.start(cfg.scenes, 0, { rate: '0' });
    const shards = await writeSynthShards({
      seed: cfg.seed,
      count: cfg.scenes,
      dir: join(DATA_CONFIG.dir, split),
      name: split,
      shardSize: DATA_CONFIG.shardSize,
      onScene: (done) => {
        if (done % 20 === 0 || done === cfg.scenes)
          bar.update(done, { rate: (done / ((performance.now() - t0) / 1000)).toFixed(1) });
      },
    });
    bar.stop();
    const mb = shards.reduce((a, s) => a + s.bytes, 0) / 1e6;
    console.log(
      `${split}: ${cfg.scenes} scenes, ${shards.length} shards, ${mb.toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
}
