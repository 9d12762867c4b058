// `npm run gap [-- --synth-scenes N] [--synth-test M] [--real DIR...] [--models DIR] [--out FILE] [--v2]`:
// the synthetic-to-real gap (issue 14, metrics/gap.ts). Measures the inputs of the pairs the model
// is trained on (the interacting pair at step 10 of synthetic training scenes 0..N-1, seed 61001,
// made in memory) against the real benchmark's pairs (docs/real-benchmark.md, the --real folders,
// default ../shared/womd and ../shared/womd-json), and splits the shipped pseudo-label CVAE's 8 s
// error on the real pairs (and, for reference, on synthetic test scenes 0..M-1, seed 61003) by agent
// type, pseudo label and speed, with constant velocity on the same pairs. Writes the tables into
// FILE (default docs/real-gap.md) between the generated-section markers, keeping the text around
// them; only aggregate figures are written, never a scene's data.
// With --v2 it measures instead the synthetic-v2 training pairs (model/dataset.ts v2SceneSamples at
// step 10 of the same N scenes, with the training run's tracking noise) beside the v1 ones against
// the real pairs, and writes only that table, between the `gap-v2:begin` / `gap-v2:end` markers.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LABEL_NAMES } from '../labels';
import { DATA_CONFIG, FEATURES, TRAIN_CONFIG } from '../model/config';
import { sceneSamples, v2SceneSamples } from '../model/dataset';
import { buildSample, MIN_STEP } from '../model/features';
import { predictPairs, type PairRequest } from '../model/predictors';
import { benchmarkRequests, interactingRequests, PER_MODE } from '../metrics/evaluate';
import {
  agentErrorTable,
  compareSets,
  compareV2,
  emptyMeasureSet,
  errorTable,
  measureSample,
  pairErrors,
  SPEED_BUCKETS,
  speedBucket,
  type AgentErrorRow,
  type CategoricalRow,
  type ErrorRow,
  type NumericRow,
  type PairErrorRecord,
} from '../metrics/gap';
import type { Params } from '../model/network';
import { generateScene } from '../synth';
import { loadScenes } from './lib/samples';
import { readModelDir } from './lib/local-models';

const { values } = parseArgs({
  options: {
    'synth-scenes': { type: 'string', default: '1000' },
    'synth-test': { type: 'string', default: '300' },
    real: { type: 'string', multiple: true },
    models: { type: 'string', default: 'public/models' },
    out: { type: 'string', default: 'docs/real-gap.md' },
    v2: { type: 'boolean', default: false },
  },
});
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
const synthScenes = Number(values['synth-scenes']);
const synthTest = Number(values['synth-test']);
await tf.setBackend('wasm');
await tf.ready();

const SHARED = join(import.meta.dirname, '../../../shared');
const realDirs = (values.real ?? [join(SHARED, 'womd'), join(SHARED, 'womd-json')]).filter((d) =>
  existsSync(d),
);
if (!realDirs.length) {
  console.error('gap: no real folder found (../shared/womd, ../shared/womd-json, or --real DIR)');
  process.exit(1);
}

// 1. distributions: synthetic training pairs at step 10 against the real benchmark's pairs
const trainSeed = DATA_CONFIG.splits.train.seed;
const synth = emptyMeasureSet();
for (let i = 0; i < synthScenes; i++) {
  const { scene } = generateScene(trainSeed, i);
  for (const s of sceneSamples(scene)) measureSample(synth, scene, s);
}
console.log(`synthetic: ${synth.samples} pairs from ${synthScenes} scenes (seed ${trainSeed}) [${secs()} s]`);
const loaded = await loadScenes(realDirs, Infinity);
for (const p of loaded.problems) console.log(`  real: skipped ${p}`);
const bench = benchmarkRequests(loaded.scenes);
const real = emptyMeasureSet();
bench.reqs.forEach((r, k) =>
  measureSample(real, r.scene, buildSample(r.scene, r.a, r.b, r.t, bench.pairs[k]!.label)),
);
console.log(
  `real: ${real.samples} pairs from ${bench.scenes.length} scenes (pair list ${bench.hash}) [${secs()} s]`,
);
const cmp = compareSets(synth, real);

/** Replaces the text between `begin` (a pattern) and `end` in FILE, or appends the section. */
function writeSection(begin: RegExp, end: string, section: string, title: string): void {
  const existing = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
  const b = existing.search(begin);
  const e = existing.indexOf(end);
  const doc =
    b >= 0 && e > b
      ? existing.slice(0, b) + section + existing.slice(e + end.length)
      : `${existing || `${title}\n`}\n${section}\n`;
  writeFileSync(values.out, doc);
}

if (values.v2) {
  const v2 = emptyMeasureSet();
  const steps = { extraSteps: 0, maxExtraStep: MIN_STEP, seed: TRAIN_CONFIG.seed, noise: true };
  for (let i = 0; i < synthScenes; i++) {
    const { scene } = generateScene(trainSeed, i);
    for (const s of v2SceneSamples(scene, steps)) measureSample(v2, scene, s);
  }
  console.log(`synthetic-v2: ${v2.samples} pairs from ${synthScenes} scenes [${secs()} s]`);
  const f = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3)) : '–');
  const q3 = (x: { q: number[] }) => `${f(x.q[1]!)} / ${f(x.q[2]!)} / ${f(x.q[3]!)}`;
  const rows = compareV2(synth, v2, real).map(
    (r) =>
      `| ${r.title} | ${r.unit || '–'} | ${f(r.ksV1)} | ${f(r.ksV2)} | ${q3(r.v1)} | ${q3(r.v2)} | ${q3(r.real)} |`,
  );
  const v2cmp = compareSets(v2, real);
  const shares = (key: string) => {
    const [c1, c2] = [cmp, v2cmp].map((c) => c.categorical.find((x) => x.key === key)!);
    const cats = c1!.categories;
    const line = (name: string, sh: Record<string, number>) =>
      `| ${name} | ${cats.map((c) => `${(100 * (sh[c] ?? 0)).toFixed(0)}%`).join(' | ')} |`;
    return [
      `**${c1!.title}** (total variation against real: v1 ${f(c1!.tv)}, v2 ${f(c2!.tv)})`,
      '',
      `| | ${cats.join(' | ')} |`,
      `| --- | ${cats.map(() => '---').join(' | ')} |`,
      line(`v1 (n = ${c1!.synthetic.n})`, c1!.synthetic.shares),
      line(`v2 (n = ${c2!.synthetic.n})`, c2!.synthetic.shares),
      line(`real (n = ${c1!.real.n})`, c1!.real.shares),
    ].join('\n');
  };
  const section = `<!-- gap-v2:begin (written by npm run gap -- --v2; do not edit by hand) -->

Written by \`npm run gap -- --v2\` in ${secs()} s. v1: the designed (interacting) pair at step 10 of synthetic
training scenes 0–${synthScenes - 1} (seed ${trainSeed}): ${synth.samples} pairs. v2: every synthetic-v2 pair
(model/dataset.ts v2Pairs: the designed pair plus the benchmark rule's pairs) of the same scenes at step 10, with
the training run's tracking noise (TRACKING_NOISE, noise seed ${TRAIN_CONFIG.seed}): ${v2.samples} pairs. Real: the
${real.samples} real benchmark pairs (pair list ${bench.hash}). KS: two-sample Kolmogorov–Smirnov statistic against
real (0 = same distribution, 1 = disjoint); quantiles 25 / 50 / 75 %.

| measure | unit | KS v1 | KS v2 | v1 25 / 50 / 75 % | v2 25 / 50 / 75 % | real 25 / 50 / 75 % |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${shares('label')}

${shares('pairTypes')}

<!-- gap-v2:end -->`;
  writeSection(/<!-- gap-v2:begin[^>]*-->/, '<!-- gap-v2:end -->', section, '# The synthetic-to-real gap');
  console.log(section);
  console.log(`\nwritten to ${values.out} in ${secs()} s`);
  process.exit(0);
}

// 2. errors of the shipped pseudo-label CVAE against constant velocity, real and synthetic test pairs
const model = readModelDir(join(values.models, 'pseudo'));
if (!model) {
  console.error(`gap: no weights in ${join(values.models, 'pseudo')}`);
  process.exit(1);
}
async function errors(params: Params, reqs: PairRequest[]): Promise<PairErrorRecord[]> {
  const out: PairErrorRecord[] = [];
  for (let i = 0; i < reqs.length; i += 64) {
    const batch = reqs.slice(i, i + 64);
    // the model's own six (no kinematic anchors): what the tables below take apart
    const m = await predictPairs('pseudo', params, batch, {
      samplesPerMode: PER_MODE,
      posterior: false,
      anchors: 0,
    });
    const cv = await predictPairs('constant_velocity', null, batch, { samplesPerMode: 1, posterior: false });
    batch.forEach((r, j) => {
      const rec = pairErrors(r, m[j]!, cv[j]!);
      if (rec) out.push(rec);
    });
  }
  return out;
}
const realErrors = await errors(model.params, bench.reqs);
console.log(`real errors: ${realErrors.length} pairs [${secs()} s]`);
const testSeed = DATA_CONFIG.splits.test.seed;
const testScenes = [...Array(synthTest).keys()].map((i) => generateScene(testSeed, i).scene);
const synthErrors = await errors(model.params, interactingRequests(testScenes, MIN_STEP));
console.log(`synthetic test errors: ${synthErrors.length} pairs [${secs()} s]`);
const runtime = Number(secs());

// ---- markdown ----
const fmt = (v: number) => {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
};
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(0)}%` : '–');
const qs = (q: number[]) => q.map(fmt).join(' / ');

function numericTable(rows: NumericRow[]): string {
  const out = [
    '| measure | unit | level (source) | KS | W1 | synthetic: n, mean | synthetic 5 / 25 / 50 / 75 / 95 % | real: n, mean | real 5 / 25 / 50 / 75 / 95 % |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of [...rows].sort(
    (x, y) => (Number.isFinite(y.ks) ? y.ks : -1) - (Number.isFinite(x.ks) ? x.ks : -1),
  ))
    out.push(
      `| ${r.title} | ${r.unit || '–'} | ${r.level} (${r.source}) | ${fmt(r.ks)} | ${fmt(r.w1)} | ${r.synthetic.n}, ${fmt(r.synthetic.mean)} | ${qs(r.synthetic.q)} | ${r.real.n}, ${fmt(r.real.mean)} | ${qs(r.real.q)} |`,
    );
  return out.join('\n');
}

function categoricalTables(rows: CategoricalRow[]): string {
  return rows
    .map((r) => {
      const lines = [
        `**${r.title}** (per ${r.level}; synthetic n = ${r.synthetic.n}, real n = ${r.real.n}; total variation distance ${fmt(r.tv)})`,
        '',
        `| | ${r.categories.join(' | ')} |`,
        `| --- | ${r.categories.map(() => '---').join(' | ')} |`,
        `| synthetic | ${r.categories.map((c) => pct(r.synthetic.shares[c] ?? 0)).join(' | ')} |`,
        `| real | ${r.categories.map((c) => pct(r.real.shares[c] ?? 0)).join(' | ')} |`,
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}

function errorMd(rows: ErrorRow[], what: string): string {
  const out = [
    `| ${what} | pairs (scenes) | minFDE 8 s (95% CI) | miss 8 s | CV minFDE | CV miss | best goal FDE | end to own goal | per-agent best FDE | 5 + CV minFDE | 5 + CV miss |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows)
    out.push(
      `| ${r.group} | ${r.pairs} (${r.scenes}) | ${fmt(r.fde.estimate)} [${fmt(r.fde.lo)}, ${fmt(r.fde.hi)}] | ${pct(r.miss)} | ${fmt(r.baselineFde)} | ${pct(r.baselineMiss)} | ${fmt(r.goalFde)} | ${fmt(r.goalToEnd)} | ${fmt(r.marginalFde)} | ${fmt(r.swapFde)} | ${pct(r.swapMiss)} |`,
    );
  return out.join('\n');
}

function agentMd(rows: AgentErrorRow[], what: string): string {
  const out = [
    `| ${what} | agents | median speed (m/s) | end error (m) | along / across heading | per-agent best | agent miss | CV end error | CV along / across | CV agent miss |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows)
    out.push(
      `| ${r.group} | ${r.agents} | ${fmt(r.medianSpeed)} | ${fmt(r.fde)} | ${fmt(r.lon)} / ${fmt(r.lat)} | ${fmt(r.marginalFde)} | ${pct(r.miss)} | ${fmt(r.baselineFde)} | ${fmt(r.baselineLon)} / ${fmt(r.baselineLat)} | ${pct(r.baselineMiss)} |`,
    );
  return out.join('\n');
}

const pairType = (r: PairErrorRecord) => [...r.types].sort().join('–');
const speedOrder = SPEED_BUCKETS.map((b) => b.name);
const errorsMd = (recs: PairErrorRecord[]) => `By pair type:

${errorMd(errorTable(recs, pairType), 'pair')}

By pseudo label:

${errorMd(
  errorTable(recs, (r) => LABEL_NAMES[r.label]!, LABEL_NAMES),
  'label',
)}

By the faster agent's speed at t:

${errorMd(
  errorTable(recs, (r) => speedBucket(Math.max(...r.speed)), speedOrder),
  'speed',
)}

Per agent (A and B pooled), by type and by own speed at t:

${agentMd(
  agentErrorTable(recs, (r, ag) => r.types[ag]),
  'type',
)}

${agentMd(
  agentErrorTable(recs, (r, ag) => speedBucket(r.speed[ag]), speedOrder),
  'speed',
)}`;

const rel = (d: string) => d.replace(`${SHARED}/`, '../shared/');
const generated = `<!-- gap:begin (written by npm run gap; do not edit by hand) -->

Written by \`npm run gap\` in ${runtime.toFixed(0)} s (tfjs wasm). Synthetic: the interacting pair at step 10 of
training scenes 0–${synthScenes - 1} (seed ${trainSeed}, generated in memory): ${synth.samples} pairs. Real: the real
benchmark (docs/real-benchmark.md) over ${realDirs.map(rel).join(', ')}: ${real.samples} pairs from ${bench.scenes.length} scenes (pair list ${bench.hash}), step 10.
Feature radius ${FEATURES.radiusM} m from either agent; at most ${FEATURES.others} other agents and ${FEATURES.polylines} map pieces are kept.

### Input distributions, synthetic training pairs against real pairs

Sorted by the Kolmogorov–Smirnov statistic (KS, 0 = same distribution, 1 = disjoint); W1 is the
Wasserstein-1 distance in the measure's unit. Shares are fractions (0–1). "features" means read back
from the feature tensor the network gets, "targets" from its training targets, "scene" from the
scene where the features cannot show it (before the nearest-8 / nearest-48 truncation).

${numericTable(cmp.numeric)}

${categoricalTables(cmp.categorical)}

### Where the 8 s error comes from: the shipped pseudo-label CVAE on the real pairs

The model's own six joint predictions (${PER_MODE} per mode, the goal components' means), without the kinematic anchor
\`npm run eval\` adds to them (model/joint-set.ts; section "Kinematic anchors in the joint set"); CV is constant
velocity on the same pairs. "best goal FDE": the minimum over the six joint goals of the mean over A and B of the
distance from the goal to the real 8 s position. "end to own goal": the best joint prediction's mean distance between
its 8 s points and the goal it was decoded from. "per-agent best FDE": each agent's best end point over the six,
whichever joint prediction it is in (what a free choice per agent would give). "5 + CV": the least likely of the six
replaced by constant velocity. Intervals: 95% bootstrap by scenario (2000 resamples).

${errorsMd(realErrors)}

### The same on synthetic test pairs (reference)

Synthetic test scenes 0–${synthTest - 1} (seed ${testSeed}, synthetic-v1), interacting pair at step 10: ${synthErrors.length} pairs.

${errorsMd(synthErrors)}

<!-- gap:end -->`;

writeSection(/<!-- gap:begin[^>]*-->/, '<!-- gap:end -->', generated, '# The synthetic-to-real gap');
console.log(generated);
console.log(`\nwritten to ${values.out} in ${runtime.toFixed(1)} s`);
