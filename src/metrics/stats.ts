// Small-sample statistics for real-data figures (DESIGN.md section 6b): bootstrap confidence
// intervals that resample scenarios, balanced accuracy beside plain agreement, and k-fold splits
// by scenario id.
//
// Contract:
//   - bootstrapCI resamples GROUPS (one per scenario) with replacement, never the values inside a
//     group, so pairs of one scenario stay together. The statistic sees a list of groups and may
//     be anything computed from them: a pooled mean (pooledMean), a ratio of sums (pooledRatio),
//     or mAP over resampled scene records. Percentile interval; seeded, so the same inputs and
//     seed give the same interval in Node and in the browser.
//   - balancedAccuracy reads confusion[truth][predicted] (the layout of labels/agreement.ts) and
//     averages recall over the classes that occur in the truth.
//   - kFold deals scenario ids into k folds by a stable hash of (seed, id): the folds depend on the
//     set of ids and the seed, never on the order the ids come in.
import { Rng } from '../util/rng';

/** Resamples when none are asked for: enough for stable 95% percentile bounds on small sets. */
export const DEFAULT_RESAMPLES = 2000;
/** Coverage of the interval when none is asked for. */
export const DEFAULT_LEVEL = 0.95;
/** Seed when none is given, so an unseeded call is still reproducible. */
export const DEFAULT_SEED = 1;
/** Rng salt of the bootstrap stream, apart from the other users of util/rng (synth, training). */
const BOOTSTRAP_SALT = 0xb007;

export interface Interval {
  /** The statistic on the groups as given. */
  estimate: number;
  lo: number;
  hi: number;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Coverage in (0, 1), e.g. 0.95. */
  level?: number;
}

/** Quantile q of sorted values, linear between order statistics (type 7). */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < sorted.length ? sorted[i]! + frac * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}

/**
 * Percentile bootstrap interval of `statistic` over groups resampled with replacement (as many
 * groups per resample as there are groups). A resample whose statistic is not finite (a ratio
 * whose resampled denominator is 0) is left out of the percentiles. No groups: all NaN. One
 * group: lo = hi = estimate (every resample is that group).
 */
export function bootstrapCI<G>(
  groups: readonly G[],
  statistic: (groups: readonly G[]) => number,
  opts: BootstrapOptions = {},
): Interval {
  if (groups.length === 0) {
    checkOptions(opts);
    return { estimate: NaN, lo: NaN, hi: NaN };
  }
  return bootstrapCIs(groups, (g) => ({ value: statistic(g) }), opts).value!;
}

function checkOptions(opts: BootstrapOptions): void {
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const level = opts.level ?? DEFAULT_LEVEL;
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapCI: level ${level} not in (0, 1)`);
  if (!(Number.isInteger(resamples) && resamples > 0))
    throw new RangeError(`bootstrapCI: resamples ${resamples} is not a positive integer`);
}

/**
 * bootstrapCI for several statistics at once over the SAME resamples (one pass: the statistics
 * share whatever they compute, e.g. one aggregation of the resampled groups gives every figure).
 * Keys are those of the statistic on the groups as given.
 */
export function bootstrapCIs<G>(
  groups: readonly G[],
  statistic: (groups: readonly G[]) => Record<string, number>,
  opts: BootstrapOptions = {},
): Record<string, Interval> {
  checkOptions(opts);
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const level = opts.level ?? DEFAULT_LEVEL;
  const n = groups.length;
  if (n === 0) return {};
  const estimate = statistic(groups);
  const keys = Object.keys(estimate);
  const rng = new Rng(opts.seed ?? DEFAULT_SEED, 0, BOOTSTRAP_SALT);
  const stats: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  const draw: G[] = new Array<G>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) draw[i] = groups[rng.int(0, n - 1)]!;
    const v = statistic(draw);
    for (const k of keys) if (Number.isFinite(v[k])) stats[k]!.push(v[k]!);
  }
  const tail = (1 - level) / 2;
  return Object.fromEntries(
    keys.map((k) => {
      const sorted = stats[k]!.sort((a, b) => a - b);
      return [
        k,
        sorted.length
          ? { estimate: estimate[k]!, lo: quantile(sorted, tail), hi: quantile(sorted, 1 - tail) }
          : { estimate: estimate[k]!, lo: NaN, hi: NaN },
      ];
    }),
  );
}

/** Mean of all values of all groups (e.g. minADE per pair, grouped by scenario). NaN when empty. */
export function pooledMean(groups: readonly (readonly number[])[]): number {
  let sum = 0;
  let count = 0;
  for (const g of groups) {
    for (const v of g) sum += v;
    count += g.length;
  }
  return count === 0 ? NaN : sum / count;
}

/** Sum of numerators over sum of denominators (e.g. agreement = sum agree / sum n). NaN when the denominator is 0. */
export function pooledRatio(groups: readonly { num: number; den: number }[]): number {
  let num = 0;
  let den = 0;
  for (const g of groups) {
    num += g.num;
    den += g.den;
  }
  return den === 0 ? NaN : num / den;
}

/**
 * Balanced accuracy of a confusion matrix confusion[truth][predicted]: the mean over classes WITH
 * support (a non-zero row) of recall = diagonal / row sum. A class absent from the truth has no
 * recall and is left out of the mean rather than counted as 0 or 1; predictions of it still count
 * against the recall of the rows they fall in. NaN when no class has support.
 */
export function balancedAccuracy(confusion: readonly (readonly number[])[]): number {
  let sum = 0;
  let classes = 0;
  confusion.forEach((row, i) => {
    const support = row.reduce((a, b) => a + b, 0);
    if (support === 0) return;
    sum += (row[i] ?? 0) / support;
    classes++;
  });
  return classes === 0 ? NaN : sum / classes;
}

/** 32-bit FNV-1a over the UTF-16 code units of a string, then murmur3's finaliser to spread the bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * k folds of scenario ids: the ids ranked by a hash of (seed, id) (ties by id) and dealt in turn,
 * so fold sizes differ by at most one, each id is in exactly one fold, and the result does not
 * depend on the order of `ids`. Adding ids can move others to another fold (balance over
 * stability). Throws on a repeated id or k outside [2, ids.length].
 */
export function kFold(ids: readonly string[], k: number, seed: number): string[][] {
  if (!Number.isInteger(k) || k < 2 || k > ids.length)
    throw new RangeError(`kFold: k = ${k} needs 2 <= k <= ${ids.length} (the number of ids)`);
  if (new Set(ids).size !== ids.length) throw new Error('kFold: ids repeat; each scenario must appear once');
  const ranked = ids
    .map((id) => ({ id, h: hash32(`${seed >>> 0}:${id}`) }))
    .sort((u, v) => u.h - v.h || (u.id < v.id ? -1 : u.id > v.id ? 1 : 0));
  const folds: string[][] = Array.from({ length: k }, () => []);
  ranked.forEach((r, i) => folds[i % k]!.push(r.id));
  return folds;
}
