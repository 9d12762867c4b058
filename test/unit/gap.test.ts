// The synthetic-to-real gap module (metrics/gap.ts) on synthetic scenes: the distances between
// distributions, the measures against the scene they come from, the tracking-noise measure on a
// track with known jitter, and the 8 s error records against the eval module on the same requests.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePredictor, interactingRequests, PER_MODE } from '../../src/metrics/evaluate';
import {
  agentErrorTable,
  compareSets,
  emptyMeasureSet,
  errorTable,
  ksStatistic,
  lateralNoise,
  measureSample,
  NUMERIC_MEASURES,
  pairErrors,
  summary,
  wasserstein1,
  type MeasureSet,
  type PairErrorRecord,
} from '../../src/metrics/gap';
import { sceneSamples } from '../../src/model/dataset';
import { MIN_STEP } from '../../src/model/features';
import { createParams } from '../../src/model/network';
import { predictPairs, type PairRequest } from '../../src/model/predictors';
import { F, S_VALID, S_VX, S_VY, S_X, S_Y, trackSpeed, trackXY, type Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';

let scenes: Scene[];
let set: MeasureSet;
beforeAll(async () => {
  await tf.setBackend('wasm');
  scenes = [0, 1, 2, 3, 4, 5].map((i) => generateScene(61001, i).scene);
  set = emptyMeasureSet();
  for (const scene of scenes) for (const s of sceneSamples(scene)) measureSample(set, scene, s);
});

describe('distances between distributions', () => {
  it('KS is 0 for equal samples, 1 for disjoint ones, and the CDF gap between', () => {
    expect(ksStatistic([1, 2, 3], [3, 2, 1])).toBe(0);
    expect(ksStatistic([0, 1], [2, 3])).toBe(1);
    expect(ksStatistic([0, 1, 2, 3], [2, 3, 4, 5])).toBeCloseTo(0.5);
  });

  it('W1 of a shifted sample is the shift', () => {
    expect(wasserstein1([0, 1, 5], [2, 3, 7])).toBeCloseTo(2);
    expect(wasserstein1([1, 2], [2, 1])).toBe(0);
  });

  it('summary gives type-7 quantiles and the mean', () => {
    const s = summary([4, 0, 1, 3, 2]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(2);
    expect(s.q).toEqual([0.2, 1, 2, 3, 3.8]);
  });
});

describe('measureSample on synthetic pairs', () => {
  it('reads the speeds, the A-B distance and the 8 s displacement the scene has', () => {
    const scene = scenes[0]!;
    const [s] = sceneSamples(scene);
    const one = emptyMeasureSet();
    measureSample(one, scene, s!);
    const { a, b, t } = s!.frame;
    const tr = scene.tracks;
    expect(one.samples).toBe(1);
    expect(one.numeric.speed![0]).toBeCloseTo(trackSpeed(tr, a, t), 4);
    expect(one.numeric.speed![1]).toBeCloseTo(trackSpeed(tr, b, t), 4);
    const [ax, ay] = trackXY(tr, a, t);
    const [bx, by] = trackXY(tr, b, t);
    expect(one.numeric.distanceAB![0]).toBeCloseTo(Math.hypot(ax - bx, ay - by), 3);
    const [ex, ey] = trackXY(tr, a, t + 80);
    expect(one.numeric.futureDisplacement![0]).toBeCloseTo(Math.hypot(ex - ax, ey - ay), 3);
    expect(one.numeric.historyMissing).toEqual([0, 0]);
    expect(one.categorical.agentType).toHaveLength(2);
    expect(one.numeric.piecesKept![0]).toBeLessThanOrEqual(48);
    expect(one.numeric.othersKept![0]).toBeLessThanOrEqual(Math.min(8, one.numeric.othersInRadius![0]!));
  });

  it('a set compared with itself is at distance 0 everywhere', () => {
    expect(set.samples).toBeGreaterThan(3);
    const cmp = compareSets(set, set);
    expect(cmp.numeric).toHaveLength(NUMERIC_MEASURES.length);
    for (const r of cmp.numeric) if (r.synthetic.n) expect(r.ks, r.key).toBe(0);
    for (const r of cmp.categorical) expect(r.tv, r.key).toBeCloseTo(0, 12);
  });

  it('tracking noise is the lateral jitter of a straight track', () => {
    const scene = generateScene(61001, 0).scene;
    const tr = scene.tracks;
    const i = 0;
    for (let k = 0; k < tr.steps; k++) {
      const o = (i * tr.steps + k) * F;
      tr.state[o + S_X] = k; // 10 m/s along x
      tr.state[o + S_Y] = (k % 2 ? 1 : -1) * 0.02; // chords bend 0.9 degrees: still straight
      tr.state[o + S_VX] = 10;
      tr.state[o + S_VY] = 0;
      tr.state[o + S_VALID] = 1;
    }
    expect(lateralNoise(scene, i)).toBeCloseTo(0.08, 4); // |e(k+1) - 2 e(k) + e(k-1)| = 4 * 0.02
    for (let k = 0; k < tr.steps; k++) tr.state[(i * tr.steps + k) * F + S_Y] = 0;
    expect(lateralNoise(scene, i)).toBeCloseTo(0, 6);
  });
});

describe('8 s error records', () => {
  let reqs: PairRequest[];
  let records: PairErrorRecord[];
  beforeAll(async () => {
    reqs = interactingRequests(scenes, MIN_STEP);
    const m = await predictPairs('pseudo', createParams(3), reqs, {
      samplesPerMode: PER_MODE,
      posterior: false,
    });
    const cv = await predictPairs('constant_velocity', null, reqs, { samplesPerMode: 1, posterior: false });
    records = reqs.flatMap((r, j) => pairErrors(r, m[j]!, cv[j]!) ?? []);
  });

  it('the baseline columns equal eval on the same requests', async () => {
    const cv = await evaluatePredictor('constant_velocity', null, reqs);
    const all = errorTable(records, () => 'x', undefined, 50).find((r) => r.group === 'all')!;
    expect(all.pairs).toBe(cv.scenes);
    expect(all.baselineFde).toBeCloseTo(cv.minFDE['8s']!, 4);
    expect(all.baselineMiss).toBeCloseTo(cv.missRate['8s']!, 6);
    expect(Number.isFinite(all.goalFde)).toBe(true);
  });

  it('splits the model error into goals, trajectories and per-agent parts', () => {
    for (const r of records) {
      expect(r.model.goalFde).not.toBeNull();
      expect(r.model.goalToEnd).not.toBeNull();
      const jointBest = (r.model.agentFde[0] + r.model.agentFde[1]) / 2;
      expect(jointBest).toBeCloseTo(r.model.fde, 5);
      for (const ag of [0, 1]) {
        expect(r.model.marginalFde[ag]).toBeLessThanOrEqual(r.model.agentFde[ag]! + 1e-9);
        expect(Math.hypot(r.model.agentLon[ag]!, r.model.agentLat[ag]!)).toBeCloseTo(
          r.model.agentFde[ag]!,
          4,
        );
      }
      expect(r.baseline.goalFde).toBeNull();
      expect(r.swap).not.toBeNull();
    }
    const rows = agentErrorTable(records, (r, ag) => r.types[ag]);
    expect(rows.find((r) => r.group === 'all')!.agents).toBe(2 * records.length);
  });
});
