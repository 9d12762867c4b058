// Small-sample statistics: bootstrap by scenario, balanced accuracy, k-fold by scenario id.
import { describe, expect, it } from 'vitest';
import {
  balancedAccuracy,
  bootstrapCI,
  kFold,
  meanAveragePrecision,
  pooledMean,
  pooledRatio,
  type SceneMapRecord,
} from '../../src/metrics';
import { Rng } from '../../src/util/rng';

/** n scenarios of 1 to 3 pairs each, values around 2 with spread 1 (a minADE-like figure). */
function scenarios(n: number, seed: number): number[][] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => Array.from({ length: rng.int(1, 3) }, () => rng.normal(2, 1)));
}

describe('bootstrapCI (resampling scenarios)', () => {
  it('gives the statistic on the data as the estimate, inside the interval', () => {
    const groups = scenarios(40, 3);
    const ci = bootstrapCI(groups, pooledMean, { resamples: 500, seed: 7 });
    expect(ci.estimate).toBe(pooledMean(groups));
    expect(ci.lo).toBeLessThan(ci.estimate);
    expect(ci.hi).toBeGreaterThan(ci.estimate);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const groups = scenarios(30, 4);
    const a = bootstrapCI(groups, pooledMean, { resamples: 300, seed: 11 });
    expect(bootstrapCI(groups, pooledMean, { resamples: 300, seed: 11 })).toEqual(a);
    expect(bootstrapCI(groups, pooledMean, { resamples: 300, seed: 12 })).not.toEqual(a);
  });

  it('narrows with more scenarios', () => {
    const width = (n: number) => {
      const ci = bootstrapCI(scenarios(n, 5), pooledMean, { resamples: 1000, seed: 1 });
      return ci.hi - ci.lo;
    };
    const w10 = width(10);
    const w160 = width(160);
    // Width falls like 1 / sqrt(n): 16x the scenarios, about a quarter of the width.
    expect(w160).toBeLessThan(w10 / 2);
  });

  it('keeps a scenario whole: groups of identical values give a zero-width interval', () => {
    // Every scenario has the same mean pair value, so any resample of scenarios has that mean,
    // though the pairs themselves differ (resampling pairs would not give zero width).
    const groups = [
      [1, 3],
      [0, 4],
      [2, 2],
    ];
    const ci = bootstrapCI(groups, pooledMean, { resamples: 200, seed: 2 });
    expect(ci).toEqual({ estimate: 2, lo: 2, hi: 2 });
  });

  it('takes a ratio statistic: agreement = sum agree / sum n over the resampled scenarios', () => {
    const groups = [
      { num: 3, den: 4 },
      { num: 1, den: 1 },
      { num: 0, den: 5 },
      { num: 2, den: 2 },
    ];
    const ci = bootstrapCI(groups, pooledRatio, { resamples: 2000, seed: 3, level: 0.9 });
    expect(ci.estimate).toBeCloseTo(6 / 12, 12);
    expect(ci.lo).toBeGreaterThanOrEqual(0);
    expect(ci.hi).toBeLessThanOrEqual(1);
    expect(ci.lo).toBeLessThan(0.5);
    expect(ci.hi).toBeGreaterThan(0.5);
  });

  it('takes mAP over scene records: the groups can be anything the statistic reads', () => {
    const rec = (key: string, tp: boolean, confidence: number): SceneMapRecord => ({
      key,
      type: 'STRAIGHT',
      samples: [{ confidence, tp }],
      softSamples: [{ confidence, tp }],
    });
    const records = [rec('a', true, 0.9), rec('b', false, 0.8), rec('c', true, 0.3), rec('d', true, 0.6)];
    const ci = bootstrapCI(records, (g) => meanAveragePrecision(g).mAP, { resamples: 300, seed: 5 });
    expect(ci.estimate).toBeCloseTo(meanAveragePrecision(records).mAP, 12);
    expect(ci.lo).toBeLessThanOrEqual(ci.estimate);
    expect(ci.hi).toBeGreaterThanOrEqual(ci.estimate);
    expect(ci.hi).toBeLessThanOrEqual(1);
  });

  it('handles the degenerate cases: no group, one group, a bad level', () => {
    const none = bootstrapCI([] as number[][], pooledMean);
    expect([none.estimate, none.lo, none.hi].every(Number.isNaN)).toBe(true);
    expect(bootstrapCI([[1, 2, 6]], pooledMean, { resamples: 50 })).toEqual({ estimate: 3, lo: 3, hi: 3 });
    expect(() => bootstrapCI([[1]], pooledMean, { level: 1 })).toThrow(RangeError);
  });
});

describe('pooled statistics', () => {
  it('pooledMean weighs pairs, pooledRatio sums before dividing', () => {
    expect(pooledMean([[1], [2, 3, 4]])).toBe(2.5);
    expect(
      pooledRatio([
        { num: 1, den: 1 },
        { num: 0, den: 3 },
      ]),
    ).toBe(0.25);
    expect(pooledMean([])).toBeNaN();
    expect(pooledRatio([{ num: 0, den: 0 }])).toBeNaN();
  });
});

describe('balancedAccuracy', () => {
  it('is the mean recall over classes with support', () => {
    // rows truth, columns predicted: recalls 8/10, 1/2, 3/4.
    const c = [
      [8, 1, 1],
      [1, 1, 0],
      [0, 1, 3],
    ];
    expect(balancedAccuracy(c)).toBeCloseTo((0.8 + 0.5 + 0.75) / 3, 12);
  });

  it('leaves out a class absent from the truth, but its predictions still cost the other rows', () => {
    // Class 2 never occurs: mean of 9/10 and 2/4; the 1 + 2 predictions of class 2 are errors.
    const c = [
      [9, 0, 1],
      [0, 2, 2],
      [0, 0, 0],
    ];
    expect(balancedAccuracy(c)).toBeCloseTo((0.9 + 0.5) / 2, 12);
    // Plain accuracy on an imbalanced set is not balanced accuracy.
    const skew = [
      [98, 0],
      [2, 0],
    ];
    expect(balancedAccuracy(skew)).toBe(0.5);
  });

  it('is NaN with no support at all', () => {
    expect(
      balancedAccuracy([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNaN();
  });
});

describe('kFold by scenario id', () => {
  const ids = Array.from({ length: 23 }, (_, i) => `scenario-${i.toString(16).padStart(4, '0')}`);

  it('puts each id in exactly one fold, fold sizes within one', () => {
    const folds = kFold(ids, 5, 1);
    expect(folds).toHaveLength(5);
    expect(folds.flat().sort()).toEqual([...ids].sort());
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('does not depend on the order of the ids; is the same for a seed and differs across seeds', () => {
    const a = kFold(ids, 4, 9);
    const shuffled = new Rng(3).shuffle([...ids]);
    expect(kFold(shuffled, 4, 9)).toEqual(a);
    expect(kFold(ids, 4, 9)).toEqual(a);
    expect(kFold(ids, 4, 10)).not.toEqual(a);
    // Not just consecutive runs of the input order.
    expect(a[0]).not.toEqual(ids.slice(0, a[0]!.length));
  });

  it('refuses repeated ids and k outside [2, n]', () => {
    expect(() => kFold(['a', 'b', 'a'], 2, 1)).toThrow(/repeat/);
    expect(() => kFold(['a', 'b'], 3, 1)).toThrow(RangeError);
    expect(() => kFold(['a', 'b'], 1, 1)).toThrow(RangeError);
  });
});
