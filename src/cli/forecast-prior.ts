// `npm run forecast-prior [-- --group NAME] [--model DIR] [--real DIR...]`: how much of the interaction outcome
// the history alone tells, by domain knowledge rather than by a learned prior (issue 14, docs/real-gap.md
// "What the futures mean"). On the real benchmark's pairs (docs/real-benchmark.md, step 10):
//  - the forecast label: the pseudo labeller on the constant-velocity extrapolation of the pair's
//    history (labels/forecast.ts: nothing after step 10 is seen, signals held at step 10), against
//    the pseudo label of what happened;
//  - the shipped pseudo-label CVAE's argmax prior, and (with --group, default pseudo-real) the k-fold
//    models of models-local/GROUP-foldK, each on its held-out fold, pooled;
//  - both priors fused with the forecast by Bayes, p(z | x, r) ∝ p(z|x) · P(r | z), where P(r | z) is
//    the table of forecast label r against pseudo label z counted (add-one) on the data the model
//    could have seen: the synthetic training pairs (seed 61001, scenes 0..N-1, the v2 pairs) for the
//    shipped model, the training folds' real pairs for each fold model. Exploratory: nothing here
//    changes what the app or eval compute.
// Then the same agreements by how the pair's whole tracks meet (the labeller's encounter kind and
// reason, labels/index.ts labelPairDetail): where the learned prior and the forecast each fail.
// Prints markdown tables of agreements (with balanced accuracy); aggregate figures only (DESIGN.md 6b).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { labelFuture } from '../labels/forecast';
import { labelPairDetail } from '../labels';
import { scenarioFold, FOLDS } from '../labels/pairs';
import { balancedAccuracy } from '../metrics/stats';
import { benchmarkRequests } from '../metrics/evaluate';
import { DATA_CONFIG, NETWORK } from '../model/config';
import { v2Pairs } from '../model/dataset';
import { MIN_STEP } from '../model/features';
import { predictPairs, type PairRequest } from '../model/predictors';
import type { Params } from '../model/network';
import { generateScene } from '../synth';
import { FORECAST_TABLE } from '../model/layers';
import { readModelDir } from './lib/local-models';
import { loadScenes } from './lib/samples';

const { values } = parseArgs({
  options: {
    group: { type: 'string', default: 'pseudo-real' },
    real: { type: 'string', multiple: true },
    'synth-scenes': { type: 'string', default: '1000' },
    model: { type: 'string', default: 'public/models/pseudo' },
  },
});
const M = NETWORK.modes;
const SHARED = join(import.meta.dirname, '../../../shared');
await tf.setBackend('wasm');
await tf.ready();

/** The forecast label of each request: the labeller on constant velocity from its step. */
async function forecasts(reqs: PairRequest[]): Promise<{ forecast: number; label: number }[]> {
  const res = await predictPairs('constant_velocity', null, reqs, { samplesPerMode: 1, posterior: false });
  return res.map((r, k) => {
    const s = r.modes[0]!.samples[0]!;
    return { forecast: labelFuture(reqs[k]!.scene, r.a, r.b, r.t, s.a, s.b).label, label: r.label };
  });
}

/** P(r | z): rows pseudo label z, columns forecast r, add-one counts normalised per row. */
function likelihood(pairs: { forecast: number; label: number }[]): number[][] {
  const c = [...Array(M)].map(() => new Array<number>(M).fill(1));
  for (const p of pairs) c[p.label]![p.forecast]!++;
  return c.map((row) => row.map((v) => v / row.reduce((a, b) => a + b, 0)));
}

const argmax = (v: number[]) => v.indexOf(Math.max(...v));
/** Confusion [predicted][label] of a list of (predicted, label). */
function scoreOf(rows: { predicted: number; label: number }[]): string {
  const conf = [...Array(M)].map(() => new Array<number>(M).fill(0));
  for (const r of rows) conf[r.predicted]![r.label]!++;
  const acc = rows.filter((r) => r.predicted === r.label).length / rows.length;
  const bal = balancedAccuracy(conf[0]!.map((_, j) => conf.map((row) => row[j]!)));
  return `${(100 * acc).toFixed(1)}% | ${(100 * bal).toFixed(1)}%`;
}

/** Argmax of the prior alone and fused with the forecast, per request. */
async function priorRows(
  params: Params,
  reqs: PairRequest[],
  fc: { forecast: number; label: number }[],
  lik: number[][],
) {
  const res = await predictPairs('pseudo', params, reqs, { samplesPerMode: 0, posterior: false });
  return res.map((r, k) => ({
    label: fc[k]!.label,
    prior: argmax(r.prior),
    fused: argmax(r.prior.map((p, z) => Math.log(p) + Math.log(lik[z]![fc[k]!.forecast]!))),
  }));
}

const dirs = (values.real ?? [join(SHARED, 'womd'), join(SHARED, 'womd-json')]).filter((d) => existsSync(d));
if (dirs.length === 0) {
  console.log(
    'forecast-prior: no real WOMD folders (../shared/womd, ../shared/womd-json): nothing to measure',
  );
  process.exit(0);
}
const { reqs } = benchmarkRequests((await loadScenes(dirs, Infinity)).scenes);
const fc = await forecasts(reqs);
const byKind: { label: number; prior: number; fused: number; forecast: number }[] = [];
const lines = [
  `Real benchmark: ${reqs.length} pairs, step ${MIN_STEP}.`,
  '',
  '| predictor of the pseudo label | agreement | balanced |',
  '| --- | --- | --- |',
  `| forecast: the labeller on constant velocity | ${scoreOf(fc.map((f) => ({ predicted: f.forecast, label: f.label })))} |`,
];

// the shipped model (or --model DIR), its fusion table from synthetic training pairs only; a model
// fused already (model/fusion.ts) is measured without its table here, and as it is below
const shipped = readModelDir(values.model);
if (shipped) {
  const { [FORECAST_TABLE]: ownTable, ...head } = shipped.params;
  const name = values.model === 'public/models/pseudo' ? 'shipped pseudo' : values.model;
  const n = Number(values['synth-scenes']);
  const synthReqs = [...Array(n).keys()].flatMap((i) => {
    const scene = generateScene(DATA_CONFIG.splits.train.seed, i).scene;
    return v2Pairs(scene).map(({ a, b }) => ({ scene, a, b, t: MIN_STEP }));
  });
  const lik = likelihood(await forecasts(synthReqs));
  const rows = await priorRows(head, reqs, fc, lik);
  lines.push(
    `| ${name}: argmax prior${ownTable ? ' without its fusion table' : ''} | ${scoreOf(rows.map((r) => ({ predicted: r.prior, label: r.label })))} |`,
    `| ${name}: prior × forecast (P(r|z) from ${synthReqs.length} synthetic-v2 pairs, here) | ${scoreOf(rows.map((r) => ({ predicted: r.fused, label: r.label })))} |`,
  );
  if (ownTable) {
    const own = await priorRows(shipped.params, reqs, fc, lik);
    lines.push(
      `| ${name}: argmax prior as it is (fused, model/fusion.ts) | ${scoreOf(own.map((r) => ({ predicted: r.prior, label: r.label })))} |`,
    );
  }
  byKind.push(...rows.map((r, k) => ({ ...r, forecast: fc[k]!.forecast })));
}

// the k-fold models of the group, each on its held-out fold, P(r|z) from the other folds
const pooled: { label: number; prior: number; fused: number }[] = [];
const present: number[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const m = readModelDir(join('models-local', `${values.group}-fold${fold}`));
  if (!m) continue;
  present.push(fold);
  const held = reqs.map((_, i) => i).filter((i) => scenarioFold(reqs[i]!.scene.id) === fold);
  const lik = likelihood(fc.filter((_, i) => scenarioFold(reqs[i]!.scene.id) !== fold));
  pooled.push(
    ...(await priorRows(
      m.params,
      held.map((i) => reqs[i]!),
      held.map((i) => fc[i]!),
      lik,
    )),
  );
}
if (present.length)
  lines.push(
    `| ${values.group} folds ${present.join(', ')}: argmax prior, pooled | ${scoreOf(pooled.map((r) => ({ predicted: r.prior, label: r.label })))} |`,
    `| ${values.group} folds: prior × forecast (P(r|z) from the training folds) | ${scoreOf(pooled.map((r) => ({ predicted: r.fused, label: r.label })))} |`,
  );
else
  lines.push('', `(no fold models models-local/${values.group}-foldK: only the shipped model is measured)`);
if (byKind.length) {
  // by how the whole tracks meet: which pairs the learned prior gets wrong, and the forecast right
  const groups = new Map<string, number[]>();
  reqs.forEach((q, k) => {
    const d = labelPairDetail(q.scene, q.a, q.b);
    const key = `${d.kind}: ${d.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  const pct = (ks: number[], f: (k: number) => boolean) =>
    `${ks.filter(f).length} (${((100 * ks.filter(f).length) / ks.length).toFixed(0)}%)`;
  lines.push(
    '',
    'By how the whole tracks meet (labels/index.ts labelPairDetail: encounter kind and reason), the model above (without a fusion table of its own):',
    '',
    '| encounter: reason | pairs | argmax prior = label | forecast = label | prior × forecast = label |',
    '| --- | --- | --- | --- | --- |',
    ...[...groups]
      .sort((x, y) => y[1].length - x[1].length)
      .map(
        ([key, ks]) =>
          `| ${key} | ${ks.length} | ${pct(ks, (k) => byKind[k]!.prior === byKind[k]!.label)} | ${pct(ks, (k) => byKind[k]!.forecast === byKind[k]!.label)} | ${pct(ks, (k) => byKind[k]!.fused === byKind[k]!.label)} |`,
      ),
  );
}
console.log(lines.join('\n'));
