// The markdown tables of `npm run eval` (docs/results.md, models-local/results.md): a model report's
// figures per horizon and its latent, and the bootstrap intervals by scenario.
import { LABEL_NAMES } from '../../labels';
import type { ModelReport } from '../../metrics/evaluate';

export const f2 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(2));
export const pct = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : `${(100 * v).toFixed(1)}%`;
/** The figures per horizon, what the futures mean, then the latent's agreement and confusion for the CVAEs. */
export const reportTable = (res: Record<string, ModelReport>) => {
  const rows = [
    '| model | minADE 3/5/8 s (m) | minFDE 3/5/8 s (m) | miss rate 3/5/8 s | mAP 3/5/8 s | soft mAP 3/5/8 s | overlap rate |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const hs = ['3s', '5s', '8s'];
  for (const [name, m] of Object.entries(res))
    rows.push(
      `| ${name} | ${hs.map((h) => f2(m.minADE[h])).join(' / ')} | ${hs.map((h) => f2(m.minFDE[h])).join(' / ')} | ${hs.map((h) => pct(m.missRate[h])).join(' / ')} | ${hs.map((h) => f2(m.mAP?.[h])).join(' / ')} | ${hs.map((h) => f2(m.softMAP?.[h])).join(' / ')} | ${pct(m.overlapRate)} |`,
    );
  const out = Object.entries(res).filter(([, m]) => m.outcome);
  if (out.length)
    rows.push(
      '',
      "What the futures mean (labels/forecast.ts: the pseudo labeller run on a predicted future, nothing after the step predicted from seen): the label of each model's likeliest joint prediction against the pseudo label of what happened, and for the CVAEs the mode consistency, the share of modes z whose own most likely future gets label z (chance about 33%; it means something only where modes are trained to mean labels).",
      '',
      "| model | likeliest future's label = label | balanced | mode consistency |",
      '| --- | --- | --- | --- |',
      ...out.map(
        ([name, m]) =>
          `| ${name} | ${pct(m.outcome!.likeliestAccuracy)} | ${pct(m.outcome!.likeliestBalancedAccuracy)} | ${pct(m.latent?.modeConsistency)} |`,
      ),
    );
  const lat = Object.entries(res).filter(([, m]) => m.latent);
  if (lat.length) {
    rows.push(
      '',
      '| model | argmax prior = label | balanced (prior) | argmax posterior = label | balanced (posterior) | mean KL(q‖p) (nats) | I(z_prior; label) (bits) | I(z_post; label) (bits) | H(label) (bits) | mode spread (m) | z sensitivity, shared goal (m) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [name, m] of lat) {
      const l = m.latent!;
      rows.push(
        `| ${name} | ${pct(l.priorAccuracy)} | ${pct(l.priorBalancedAccuracy)} | ${pct(l.posteriorAccuracy)} | ${pct(l.posteriorBalancedAccuracy)} | ${(Math.abs(l.meanKL) < 5e-4 ? 0 : l.meanKL).toFixed(3)} | ${l.miPriorBits.toFixed(3)} | ${l.miPosteriorBits.toFixed(3)} | ${l.labelEntropyBits.toFixed(3)} | ${f2(l.modeSpreadM)} | ${f2(l.zSensitivityM)} |`,
      );
    }
    for (const [name, m] of lat) {
      rows.push('', `Confusion of argmax prior mode (rows) against pseudo label (columns), ${name}:`, '');
      rows.push(
        `| mode \\ label | ${LABEL_NAMES.join(' | ')} |`,
        `| --- |${LABEL_NAMES.map(() => ' --- |').join('')}`,
      );
      m.latent!.confusion.forEach((row, z) => rows.push(`| mode ${z} | ${row.join(' | ')} |`));
    }
  }
  return rows.join('\n');
};
/** Bootstrap intervals by scenario: the figures at 8 s, the latent's agreement and what the futures mean. */
export const intervalTable = (res: Record<string, ModelReport>) => {
  const keys = [
    'minADE 8s',
    'minFDE 8s',
    'missRate 8s',
    'mAP 8s',
    'priorAccuracy',
    'priorBalancedAccuracy',
    'likeliestAccuracy',
    'modeConsistency',
  ];
  const fmt = (k: string, v: number) => (k.startsWith('min') ? f2(v) : k.startsWith('mAP') ? f2(v) : pct(v));
  const rows = [`| model | ${keys.join(' | ')} |`, `| --- |${keys.map(() => ' --- |').join('')}`];
  for (const [name, m] of Object.entries(res))
    rows.push(
      `| ${name} | ${keys
        .map((k) => {
          const iv = m.intervals?.[k];
          return iv ? `${fmt(k, iv.estimate)} [${fmt(k, iv.lo)}, ${fmt(k, iv.hi)}]` : '–';
        })
        .join(' | ')} |`,
    );
  return rows.join('\n');
};
