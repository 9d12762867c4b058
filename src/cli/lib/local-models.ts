// Models trained on real WOMD scenes (models-local/, git-ignored; DESIGN.md 6b) in `npm run eval`:
// found by their cards, scored on the real benchmark the way docs/real-benchmark.md says, beside
// the shipped models on the very same pairs. Models trained on the WOMD training split are scored
// on the validation split; fold models (VARIANT-real[-synth]-foldK) each on their held-out fold,
// pooled over the folds present, with bootstrap intervals by scenario and the per-fold figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_MODELS_DIR, type Variant, VARIANTS } from '../../model/config';
import type { RealSelection } from '../../model/dataset';
import type { Params } from '../../model/network';
import type { PairRequest } from '../../model/predictors';
import { isBaseline } from '../../model/registry';
import { decodeModel, type ModelJson } from '../../model/weights';
import { FOLDS, scenarioFold, scenarioSplit } from '../../labels/pairs';
import {
  evaluateAll,
  evaluatePooled,
  evaluatePredictor,
  type BenchmarkRequests,
  type ModelReport,
} from '../../metrics/evaluate';
import { f2, intervalTable, pct, reportTable } from './report-tables';

/** A model folder's weights and card, or null when it has no model.json. */
export function readModelDir(dir: string): { params: Params; json: ModelJson } | null {
  const path = join(dir, 'model.json');
  if (!existsSync(path)) return null;
  const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
  const bin = readFileSync(join(dir, json.weightsManifest[0]!.paths[0]!));
  return {
    params: decodeModel(json, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), path),
    json,
  };
}

interface RealCardData {
  source: string;
  group: string;
  mode: string;
  dirs: string[];
  selection: RealSelection;
  trainScenes: number;
  trainSamples: number;
}

export interface LocalModel {
  name: string;
  variant: Variant;
  params: Params;
  data: RealCardData;
  card: Record<string, unknown>;
}

/** Every model under `root` whose card says it was trained on real scenes; null when `root` is absent. */
export function loadLocalModels(root = LOCAL_MODELS_DIR): { models: LocalModel[]; skipped: string[] } | null {
  if (!existsSync(root)) return null;
  const out = { models: [] as LocalModel[], skipped: [] as string[] };
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    let m: ReturnType<typeof readModelDir>;
    try {
      m = readModelDir(dir);
    } catch (e) {
      out.skipped.push(`${dir}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (!m) continue;
    const card = m.json.userDefinedMetadata as Record<string, unknown>;
    const data = card.data as Partial<RealCardData> | undefined;
    const variant = card.variant as Variant;
    if (!data?.selection || !data.group || !(variant in VARIANTS)) {
      out.skipped.push(`${dir}: its card does not describe a real-data training run`);
      continue;
    }
    out.models.push({ name, variant, params: m.params, data: data as RealCardData, card });
  }
  return out;
}

export interface LocalResults {
  models: { name: string; variant: string; data: RealCardData; commit: unknown; trainSeconds: unknown }[];
  skipped: string[];
  /** Split models and the shipped ones on the validation split's pairs. */
  validation: { scenes: number; pairs: number; results: Record<string, ModelReport> } | null;
  /** Per fold group: the pooled out-of-fold figures (shipped models on the same pairs) and each fold's own. */
  kfold: {
    group: string;
    folds: number[];
    scenes: number;
    pairs: number;
    results: Record<string, ModelReport>;
    perFold: { fold: number; scenes: number; pairs: number; report: ModelReport }[];
  }[];
}

const shippedName = (id: string) => (isBaseline(id) ? id : `${id} (shipped, synthetic)`);
const localName = (m: LocalModel) => `${m.name} (local, ${m.data.source})`;

/** Scores the local models (and the shipped ones, on the same pairs) on the benchmark's requests. */
export async function evaluateLocal(
  b: BenchmarkRequests,
  shipped: Partial<Record<Variant, Params>>,
  local: { models: LocalModel[]; skipped: string[] },
): Promise<LocalResults> {
  const o = { intervals: true };
  const rename = (r: Record<string, ModelReport>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [shippedName(k), v]));
  const out: LocalResults = {
    models: local.models.map((m) => ({
      name: m.name,
      variant: m.variant,
      data: { ...m.data, trainScenarioIds: undefined } as RealCardData,
      commit: m.card.commit,
      trainSeconds: m.card.trainSeconds,
    })),
    skipped: local.skipped,
    validation: null,
    kfold: [],
  };
  const sceneCount = (reqs: PairRequest[]) => new Set(reqs.map((r) => r.scene.id)).size;

  const splitModels = local.models.filter((m) => m.data.selection.kind === 'split');
  if (splitModels.length) {
    const reqs = b.reqs.filter((r) => scenarioSplit(r.scene) === 'validation');
    const results = rename(await evaluateAll(reqs, shipped, o));
    for (const m of splitModels)
      results[localName(m)] = await evaluatePredictor(m.variant, m.params, reqs, o);
    out.validation = { scenes: sceneCount(reqs), pairs: reqs.length, results };
  }

  const groups = new Map<string, LocalModel[]>();
  for (const m of local.models)
    if (m.data.selection.kind === 'fold') groups.set(m.data.group, [...(groups.get(m.data.group) ?? []), m]);
  for (const [group, ms] of [...groups].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const fold = (m: LocalModel) => (m.data.selection as { fold: number }).fold;
    ms.sort((x, y) => fold(x) - fold(y));
    const parts = ms.map((m) => ({
      params: m.params,
      reqs: b.reqs.filter((r) => scenarioFold(r.scene.id) === fold(m)),
    }));
    const reqs = parts.flatMap((p) => p.reqs);
    const pooled = await evaluatePooled(ms[0]!.variant, parts, o);
    const results = rename(await evaluateAll(reqs, shipped, o));
    results[`${group} ${ms.length}-fold pooled (local, ${ms[0]!.data.source})`] = pooled.pooled;
    out.kfold.push({
      group,
      folds: ms.map(fold),
      scenes: sceneCount(reqs),
      pairs: reqs.length,
      results,
      perFold: ms.map((m, k) => ({
        fold: fold(m),
        scenes: sceneCount(parts[k]!.reqs),
        pairs: parts[k]!.reqs.length,
        report: pooled.parts[k]!,
      })),
    });
  }
  return out;
}

/** models-local/results.md: every figure here depends on local weights, and says so. */
export function localMarkdown(r: LocalResults, benchmark: { hash: string; pairs: number }): string {
  const models = r.models
    .map(
      (m) =>
        `| ${m.name} | ${m.variant} | ${m.data.source} | ${m.data.mode} | ${m.data.selection.kind === 'fold' ? `all folds but ${m.data.selection.fold}` : 'WOMD training split'} | ${m.data.trainScenes} | ${m.data.trainSamples} | ${String(m.trainSeconds)} | ${String(m.commit).slice(0, 12)} |`,
    )
    .join('\n');
  const validation = r.validation
    ? `## Validation split (models trained on the WOMD training split)

${r.validation.pairs} pairs from ${r.validation.scenes} validation scenarios. Shipped models and local models on the same pairs.

${reportTable(r.validation.results)}

Bootstrap 95% intervals, resampling scenarios (2000 resamples, seed 1):

${intervalTable(r.validation.results)}
`
    : 'No model trained on the WOMD training split (models-local/VARIANT-real) was found.\n';
  const kfold = r.kfold.length
    ? r.kfold
        .map(
          (g) => `## k-fold over scenarios: ${g.group}

Folds present: ${g.folds.join(', ')} of ${FOLDS}${g.folds.length < FOLDS ? " (incomplete: the pooled figures cover only these folds' scenarios)" : ''}. ${g.pairs} pairs from ${g.scenes} scenarios, each predicted by the fold model that did not train on it; the shipped models on the same pairs.

${reportTable(g.results)}

Bootstrap 95% intervals, resampling scenarios (2000 resamples, seed 1):

${intervalTable(g.results)}

Per fold:

| fold | scenarios | pairs | minADE 8s | minFDE 8s | miss rate 8s | argmax prior = label | balanced (prior) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${g.perFold.map((f) => `| ${f.fold} | ${f.scenes} | ${f.pairs} | ${f2(f.report.minADE['8s'])} | ${f2(f.report.minFDE['8s'])} | ${pct(f.report.missRate['8s'])} | ${pct(f.report.latent?.priorAccuracy)} | ${pct(f.report.latent?.priorBalancedAccuracy)} |`).join('\n')}
`,
        )
        .join('\n')
    : 'No fold models (models-local/VARIANT-real-foldK) were found.\n';
  return `# ModeScope: models trained on real WOMD scenes (local)

Written by \`npm run eval\`. LOCAL FIGURES: they depend on the weights in models-local/, which are trained on
WOMD-derived data, never committed and never shipped (DESIGN.md 6b). Not comparable across machines unless the
cards below match. The shipped models (trained on synthetic scenes only) are scored on the same pairs.

Benchmark: ${benchmark.pairs} pairs by the rule (pair list hash ${benchmark.hash}), predicted from step 10.

| model | variant | data | config | trained on | scenes | samples | train s | commit |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${models}
${r.skipped.length ? `\nSkipped: ${r.skipped.join('; ')}\n` : ''}
${validation}
${kfold}`;
}
