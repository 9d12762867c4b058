// `npm run anchors [-- --synth-scenes N] [--real DIR...] [--models DIR]`: chooses the number k of
// kinematic anchors in the CVAEs' joint set (issue 14; model/joint-set.ts, config.ts JOINT_SET) by
// measurement on data the benchmark does not score: the synthetic validation split (the interacting
// pair at step 10 of scenes 0..N-1, seed 61002, generated in memory) and the real benchmark's pairs
// (docs/real-benchmark.md) of the WOMD *training* split only (scenarioSplit; the --real folders,
// default ../shared/womd and ../shared/womd-json). For k = 0..3 the shipped pseudo-label CVAE
// (public/models/pseudo) gives 2 samples per mode plus k anchors, cut to 6 by the budget rule, as
// `npm run eval` scores it; constant velocity and the kinematic baseline on the same pairs in the
// same run. Prints one markdown table per set of minFDE 8 s and miss rate 8 s with 95% bootstrap
// intervals by scenario, and each k's paired change against k − 1; aggregate figures only (DESIGN.md 6b).
// `--miss-aware`: instead of k, the miss-aware joint set's parameters (model/joint-set.ts
// missAwareSet; config.ts JOINT_SET.missAware) on the same pairs: the components rule with one anchor
// (the rule it would replace) against the miss-aware rule over a grid of pool draws per component,
// Monte Carlo draws, anchors in the pool, whether they are forced in and how many of the most probable
// means are forced in, each row's paired change against the components rule.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scenarioSplit } from '../labels/pairs';
import { DATA_CONFIG, JOINT_SET } from '../model/config';
import { MIN_STEP } from '../model/features';
import { predictPairs, type PairOptions, type PairRequest } from '../model/predictors';
import type { PredictorId } from '../model/registry';
import { benchmarkRequests, interactingRequests, PER_MODE } from '../metrics/evaluate';
import { bootstrapCI, HORIZONS, isMiss, jointTrajectory, minDisplacement, sceneTruth } from '../metrics';
import { generateScene } from '../synth';
import { loadScenes } from './lib/samples';
import { readModelDir } from './lib/local-models';

const { values } = parseArgs({
  options: {
    'synth-scenes': { type: 'string', default: '500' },
    real: { type: 'string', multiple: true },
    models: { type: 'string', default: 'public/models' },
    'miss-aware': { type: 'boolean', default: false },
  },
});
/** The anchor counts compared: 0 (the model's own 6) to 3 (half the set). */
const KS = [0, 1, 2, 3];
/** Requests per predictPairs call, as eval (metrics/evaluate.ts). */
const BATCH = 64;
const H8 = HORIZONS[2];
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(0);
await tf.setBackend('wasm');
await tf.ready();

const model = readModelDir(join(values.models, 'pseudo'));
if (!model) {
  console.error(`anchors: no weights in ${join(values.models, 'pseudo')}/model.json`);
  process.exit(1);
}

// the synthetic validation split, made in memory
const valSeed = DATA_CONFIG.splits.val.seed;
const nSynth = Number(values['synth-scenes']);
const synthReqs = interactingRequests(
  [...Array(nSynth).keys()].map((i) => generateScene(valSeed, i).scene),
  MIN_STEP,
);
// the real benchmark's pairs of the WOMD training split
const SHARED = join(import.meta.dirname, '../../../shared');
const realDirs = (values.real ?? [join(SHARED, 'womd'), join(SHARED, 'womd-json')]).filter((d) =>
  existsSync(d),
);
const loaded = realDirs.length ? await loadScenes(realDirs, Infinity) : { scenes: [], problems: [] };
for (const p of loaded.problems) console.log(`  real: skipped ${p}`);
const bench = benchmarkRequests(loaded.scenes);
const realReqs = bench.reqs.filter((r) => scenarioSplit(r.scene) === 'training');
console.log(
  `synthetic validation: ${synthReqs.length} pairs (scenes 0-${nSynth - 1}, seed ${valSeed}); real training split: ${realReqs.length} of the benchmark's ${bench.reqs.length} pairs [${secs()} s]`,
);

/** Per pair: its scenario, the 8 s minFDE (null: no 8 s end point) and the 8 s miss. */
interface Scored {
  group: string;
  fde: number | null;
  miss: boolean | null;
}

async function score(id: PredictorId, reqs: PairRequest[], o: Partial<PairOptions>): Promise<Scored[]> {
  const out: Scored[] = [];
  for (let i = 0; i < reqs.length; i += BATCH) {
    const batch = reqs.slice(i, i + BATCH);
    const res = await predictPairs(id, id === 'pseudo' ? model!.params : null, batch, {
      samplesPerMode: PER_MODE,
      posterior: false,
      ...o,
    });
    res.forEach((r, j) => {
      const preds = r.modes.flatMap((m) => m.samples.map(jointTrajectory));
      if (preds.length > JOINT_SET.budget)
        throw new Error(
          `anchors: ${id} gave ${preds.length} joint predictions for ${r.sceneId}, more than 6`,
        );
      const truth = sceneTruth(batch[j]!.scene, r.a, r.b, r.t);
      out.push({
        group: r.sceneId,
        fde: minDisplacement(preds, truth, H8)?.minFDE ?? null,
        miss: isMiss(preds, truth, H8),
      });
    });
  }
  return out;
}

/**
 * The miss-aware grid: (anchors in the pool, pool draws per component, Monte Carlo draws, anchors
 * forced, most probable means forced, std scale, mode temperature). The earlier grids (forceMeans
 * 0-4, pool 0/4/16/64, M 256/1024/4096, anchors forced or not, k 1 or 6, std x0.5-1.4;
 * docs/real-gap.md) chose the first row; this one asks whether hedging toward the less probable
 * modes (modeTemperature) gains, and re-asks the forced slots at that temperature.
 */
type GridRow = [number, number, number, boolean, number, number, number];
const MISS_AWARE_GRID: GridRow[] = [
  [1, 16, 1024, true, 1, 1, 1],
  ...[1.5, 2, 3, 5].map((T): GridRow => [1, 16, 1024, true, 1, 1, T]),
  [1, 16, 1024, false, 1, 1, 2],
  [1, 16, 1024, true, 0, 1, 2],
];
const budget = JOINT_SET.budget;
/** Each row, and the row its paired change is against (an index into the list; none for the baselines). */
const plan: [string, PredictorId, Partial<PairOptions>, number | null][] = values['miss-aware']
  ? [
      ['constant velocity', 'constant_velocity', {}, null],
      ['kinematic (6)', 'kinematic', {}, null],
      ['pseudo, components, k = 1', 'pseudo', { anchors: 1, budget, jointRule: 'components' }, null],
      ...MISS_AWARE_GRID.map(
        ([k, poolDraws, mcDraws, forceAnchors, forceMeans, stdScale, modeTemperature]) =>
          [
            `pseudo, miss-aware, k = ${k}, pool ${poolDraws}, M = ${mcDraws}${forceAnchors ? ', anchor forced' : ''}${forceMeans ? `, top ${forceMeans} means forced` : ''}${stdScale !== 1 ? `, std x${stdScale}` : ''}${modeTemperature !== 1 ? `, modes at T = ${modeTemperature}` : ''}`,
            'pseudo',
            {
              anchors: k,
              budget,
              jointRule: 'miss-aware',
              missAware: { poolDraws, mcDraws, forceAnchors, forceMeans, stdScale, modeTemperature },
            },
            2,
          ] as [string, PredictorId, Partial<PairOptions>, number | null],
      ),
    ]
  : [
      ['constant velocity', 'constant_velocity', {}, null],
      ['kinematic (6)', 'kinematic', {}, null],
      ...KS.map(
        (k, i) =>
          [
            `pseudo, k = ${k}`,
            'pseudo',
            { anchors: k, budget, jointRule: 'components' },
            i ? 2 + i - 1 : null,
          ] as [string, PredictorId, Partial<PairOptions>, number | null],
      ),
    ];
const rows: { name: string; synth: Scored[]; real: Scored[]; ref: number | null }[] = [];
for (const [name, id, o, ref] of plan) {
  rows.push({ name, synth: await score(id, synthReqs, o), real: await score(id, realReqs, o), ref });
  console.log(`${name} [${secs()} s]`);
}
const against = values['miss-aware'] ? 'the components rule' : 'k − 1';

// ---- figures ----
const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.reduce((s, x) => s + x, 0) / v.length;
};
const fdeOf = (s: readonly Scored[]) => mean(s.map((x) => x.fde));
const missOf = (s: readonly Scored[]) => mean(s.map((x) => (x.miss === null ? null : +x.miss)));
/** Per scenario, the pair indices: the bootstrap's groups. */
function groupsOf(s: readonly Scored[]): number[][] {
  const by = new Map<string, number[]>();
  s.forEach((x, i) => by.set(x.group, [...(by.get(x.group) ?? []), i]));
  return [...by.values()];
}
const f = (v: number) => v.toFixed(2);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const ci = (lo: number, hi: number, fmt: (v: number) => string) => `[${fmt(lo)}, ${fmt(hi)}]`;
const pick = (s: readonly Scored[], gs: readonly number[][]) => gs.flat().map((i) => s[i]!);

/** One set's table: each row's figures with intervals, and a pseudo row's paired change against k − 1. */
function table(set: 'synth' | 'real'): string {
  const groups = groupsOf(rows[0]![set]);
  const lines = [
    `| predictor | minFDE 8 s (95% CI) | miss 8 s (95% CI) | change in minFDE against ${against} (95% CI) | change in miss against ${against} (95% CI) |`,
    '| --- | --- | --- | --- | --- |',
  ];
  rows.forEach((r) => {
    const fd = bootstrapCI(groups, (gs) => fdeOf(pick(r[set], gs)));
    const ms = bootstrapCI(groups, (gs) => missOf(pick(r[set], gs)));
    const prev = r.ref === null ? null : rows[r.ref]![set];
    const dF = prev && bootstrapCI(groups, (gs) => fdeOf(pick(r[set], gs)) - fdeOf(pick(prev, gs)));
    const dM = prev && bootstrapCI(groups, (gs) => missOf(pick(r[set], gs)) - missOf(pick(prev, gs)));
    lines.push(
      `| ${r.name} | ${f(fd.estimate)} ${ci(fd.lo, fd.hi, f)} | ${pct(ms.estimate)} ${ci(ms.lo, ms.hi, pct)} | ${dF ? `${f(dF.estimate)} ${ci(dF.lo, dF.hi, f)}` : '–'} | ${dM ? `${pct(dM.estimate)} ${ci(dM.lo, dM.hi, pct)}` : '–'} |`,
    );
  });
  return lines.join('\n');
}
const withEnd = (s: readonly Scored[]) => s.filter((x) => x.fde !== null).length;
const base = rows[2]!;
console.log(`
Synthetic validation split (scenes 0–${nSynth - 1}, seed ${valSeed}): ${withEnd(base.synth)} of ${synthReqs.length} pairs with an 8 s end point.

${table('synth')}

Real benchmark pairs of the WOMD training split: ${withEnd(base.real)} of ${realReqs.length} pairs with an 8 s end point, ${groupsOf(base.real).length} scenarios.

${table('real')}

Intervals: 2000 bootstrap resamples of scenarios (seed 1); a change is paired (both rows on the same resample).
(written by npm run anchors in ${secs()} s)`);
