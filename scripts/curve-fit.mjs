// The learning curve of docs/real-gap.md ("How much real data"): reads the results.json that
// `npm run eval -- --real-only --local-dir DIR` wrote for the fold models in DIR (default
// models-local/curve), prints per recipe and training-set size N the pooled k-fold figures, and fits
// argmax prior = label against log2(N) by least squares two ways: on the pooled points (standard
// error from the residuals, t with n - 2 degrees of freedom) and per fold (one slope per fold, then
// their mean with a t interval over the folds, which carries the fold-to-fold and training noise).
// The N the 75% target would need follows the pooled line (through its centroid) at the fitted slope
// and at the ends of the per-fold slope interval. Local figures: print only, nothing is written.
// Usage: node scripts/curve-fit.mjs [DIR]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'models-local/curve';
const r = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
const TARGET = 0.75;
// two-sided 95% t quantiles by degrees of freedom
const T95 = { 1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 8: 2.306, 10: 2.228 };

/** Training scenes per (group, fold), from the cards. */
const scenes = new Map();
for (const m of r.models)
  if (m.data.selection.kind === 'fold')
    scenes.set(`${m.data.group}:${m.data.selection.fold}`, m.data.trainScenes);

const recipes = new Map();
for (const g of r.kfold) {
  const recipe = g.group.replace(/-n\d+$/, '');
  const key = Object.keys(g.results).find((k) => k.startsWith(`${g.group} `));
  const m = g.results[key];
  const cv = g.results.constant_velocity;
  const folds = g.perFold.map((f) => ({
    fold: f.fold,
    n: scenes.get(`${g.group}:${f.fold}`),
    acc: f.report.latent.priorAccuracy,
  }));
  const n = folds.reduce((s, f) => s + f.n, 0) / folds.length;
  recipes.set(recipe, [
    ...(recipes.get(recipe) ?? []),
    { group: g.group, n, folds, pairs: g.pairs, folds5: g.folds.length, m, cv },
  ]);
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const ci = (i, f = pct) => (i ? `[${f(i.lo)}, ${f(i.hi)}]` : '');
const m2 = (x) => `${x.toFixed(2)} m`;

function ols(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  const b = sxy / sxx;
  const rss = xs.reduce((s, x, i) => s + (ys[i] - my - b * (x - mx)) ** 2, 0);
  const se = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : NaN;
  return { b, a: my - b * mx, mx, my, se, df: n - 2 };
}

/** N where the line through (mx, my) with slope b reaches TARGET; Infinity when it never does. */
const needed = (mx, my, b) => (b > 0 ? 2 ** (mx + (TARGET - my) / b) : Infinity);
const fmtN = (n) => (Number.isFinite(n) ? (n > 1e6 ? 'over a million' : n.toFixed(0)) : 'never (slope <= 0)');

for (const [recipe, rows] of recipes) {
  rows.sort((x, y) => x.n - y.n);
  console.log(`\n### ${recipe}\n`);
  console.log(
    '| N (mean per fold) | pairs | argmax prior = label | balanced (prior) | I(z_prior; label) | minFDE 8 s | / const. vel. | miss 8 s |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const x of rows) {
    const i = x.m.intervals;
    console.log(
      `| ${x.n.toFixed(1)}${x.folds5 < 5 ? ` (${x.folds5} folds)` : ''} | ${x.pairs} | ${pct(x.m.latent.priorAccuracy)} ${ci(i.priorAccuracy)} | ${pct(x.m.latent.priorBalancedAccuracy)} ${ci(i.priorBalancedAccuracy)} | ${x.m.latent.miPriorBits.toFixed(2)} of ${x.m.latent.labelEntropyBits.toFixed(2)} bits | ${m2(x.m.minFDE['8s'])} ${ci(i['minFDE 8s'], (v) => v.toFixed(2))} | ${(x.m.minFDE['8s'] / x.cv.minFDE['8s']).toFixed(2)}x (${m2(x.cv.minFDE['8s'])}) | ${pct(x.m.missRate['8s'])} ${ci(i['missRate 8s'])} |`,
    );
  }
  console.log(
    `\nper fold, argmax prior = label: ${rows.map((x) => `N≈${x.n.toFixed(0)}: ${x.folds.map((f) => pct(f.acc)).join(' ')}`).join('; ')}`,
  );
  if (rows.length < 3) {
    console.log(`(${rows.length} sizes: no fit)`);
    continue;
  }
  const pooled = ols(
    rows.map((x) => Math.log2(x.n)),
    rows.map((x) => x.m.latent.priorAccuracy),
  );
  const t = T95[pooled.df];
  console.log(
    `\npooled points: agreement = ${pct(pooled.a)} + ${(100 * pooled.b).toFixed(2)} points x log2(N); slope 95% CI [${(100 * (pooled.b - t * pooled.se)).toFixed(2)}, ${(100 * (pooled.b + t * pooled.se)).toFixed(2)}] points per doubling (residual SE, t, ${pooled.df} df)`,
  );
  // the other targets of issue 14, on the pooled points only (per fold there is no constant velocity)
  for (const [name, get, target, unit] of [
    ['I(z_prior; label)', (x) => x.m.latent.miPriorBits, 0.6, ' bits'],
    ['minFDE 8 s / constant velocity', (x) => x.m.minFDE['8s'] / x.cv.minFDE['8s'], 0.6, 'x'],
    ['miss rate 8 s (share)', (x) => x.m.missRate['8s'], 0.7, ''],
  ]) {
    const f = ols(
      rows.map((x) => Math.log2(x.n)),
      rows.map(get),
    );
    const tq = T95[f.df];
    const at = f.b !== 0 ? 2 ** (f.mx + (target - f.my) / f.b) : Infinity;
    const right = (target - f.my) / f.b > 0;
    console.log(
      `${name}: ${f.b >= 0 ? '+' : ''}${f.b.toFixed(3)}${unit} per doubling, 95% CI [${(f.b - tq * f.se).toFixed(3)}, ${(f.b + tq * f.se).toFixed(3)}] (pooled, ${f.df} df); target ${target}${unit} on the line at N ≈ ${right && Number.isFinite(at) ? fmtN(at) : 'never (moving away)'}`,
    );
  }
  const foldIds = rows[0].folds
    .map((f) => f.fold)
    .filter((k) => rows.every((x) => x.folds.some((f) => f.fold === k)));
  const slopes = foldIds.map((k) => {
    const pts = rows.map((x) => x.folds.find((f) => f.fold === k));
    return ols(
      pts.map((p) => Math.log2(p.n)),
      pts.map((p) => p.acc),
    ).b;
  });
  const mb = slopes.reduce((a, b) => a + b, 0) / slopes.length;
  const sd = Math.sqrt(slopes.reduce((s, b) => s + (b - mb) ** 2, 0) / (slopes.length - 1));
  const tf = T95[slopes.length - 1];
  const [lo, hi] = [mb - (tf * sd) / Math.sqrt(slopes.length), mb + (tf * sd) / Math.sqrt(slopes.length)];
  console.log(
    `per fold: slopes ${slopes.map((b) => (100 * b).toFixed(2)).join(', ')} points per doubling; mean ${(100 * mb).toFixed(2)}, 95% CI [${(100 * lo).toFixed(2)}, ${(100 * hi).toFixed(2)}] (t, ${slopes.length - 1} df)`,
  );
  console.log(
    `75% needs, on the pooled line: N ≈ ${fmtN(needed(pooled.mx, pooled.my, pooled.b))} at the pooled slope; ${fmtN(needed(pooled.mx, pooled.my, mb))} at the mean per-fold slope; [${fmtN(needed(pooled.mx, pooled.my, hi))}, ${fmtN(needed(pooled.mx, pooled.my, lo))}] over the per-fold slope interval`,
  );
}
