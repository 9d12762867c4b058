// `npm run train -- --fuse-forecast --init MODEL_DIR [--scenes N] --out DIR` (issue 14, docs/real-gap.md
// "The prior fused with the forecast"): the model of MODEL_DIR, whose prior reads d(x), with its prior
// fused with the constant-velocity forecast (model/fusion.ts). Contract:
//  - Data: the synthetic-v2 pairs (model/dataset.ts v2Pairs: the designed pair plus the benchmark
//    rule's pairs) of training scenes 0..N-1 (seed DATA_CONFIG.splits.train.seed, made in memory), at
//    step MIN_STEP, without tracking noise; a pair not tracked at that step is left out and counted.
//    Synthetic only, so the result may ship (DESIGN.md 6b).
//  - Nothing is trained: the table log P(r | z) is counted from those pairs and stored as the fixed
//    weight `prior/forecast`; every other weight is the init model's, bit for bit.
//  - The card is the init model's, plus `forecastFusion`: where it came from, the counts and the table.
import { join } from 'node:path';
import { DATA_CONFIG } from '../../model/config';
import { v2Pairs } from '../../model/dataset';
import { buildSample, FeatureError, MIN_STEP, type Sample } from '../../model/features';
import { forecastCounts, forecastTable, fuseForecast, FUSION_SMOOTHING } from '../../model/fusion';
import { knowledgeFeatures } from '../../model/knowledge';
import { priorKnowledgeDim } from '../../model/network';
import { encodeModel, type ModelJson } from '../../model/weights';
import { generateScene } from '../../synth';
import { readModelDir } from './local-models';

/** Training scenes counted when --scenes is not given: 1,000 give about 2,900 pairs. */
export const FUSE_SCENES = 1000;

export async function fuseModel(o: {
  init: string | undefined;
  scenes: number;
  commit: string;
}): Promise<{ json: ModelJson; data: ArrayBuffer }> {
  if (!o.init) throw new Error('--fuse-forecast needs --init MODEL_DIR: the model whose prior is fused');
  if (!(Number.isInteger(o.scenes) && o.scenes > 0))
    throw new Error(`--scenes ${o.scenes}: expected a whole number of training scenes above 0`);
  const path = join(o.init, 'model.json');
  const model = readModelDir(o.init);
  if (!model) throw new Error(`${path}: no such file`);
  const { params, json } = model;
  if (json.modelTopology.prior?.forecastFusion)
    throw new Error(`${path}: modelTopology.prior.forecastFusion: this model is fused already`);
  if (priorKnowledgeDim(params) === 0)
    throw new Error(
      `${path}: its prior reads the context alone; the forecast label comes from d(x) (train a prior head with --prior-only first)`,
    );

  const { seed } = DATA_CONFIG.splits.train;
  const t0 = performance.now();
  const samples: Sample[] = [];
  let untracked = 0;
  for (let i = 0; i < o.scenes; i++) {
    const scene = generateScene(seed, i).scene;
    for (const p of v2Pairs(scene)) {
      let s: Sample;
      try {
        s = buildSample(scene, p.a, p.b, MIN_STEP, p.label);
      } catch (e) {
        if (!(e instanceof FeatureError)) throw e;
        untracked++;
        continue;
      }
      s.features.knowledge = knowledgeFeatures(scene, s.frame, s.features);
      samples.push(s);
    }
  }
  const counts = forecastCounts(samples);
  const table = forecastTable(counts);
  console.log(
    `forecast table from ${samples.length} synthetic-v2 pairs of ${o.scenes} training scenes (${untracked} not tracked at step ${MIN_STEP}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`counts [pseudo label][forecast label]: ${JSON.stringify(counts)}`);
  const card = json.userDefinedMetadata;
  return encodeModel(fuseForecast(params, table), {
    ...card,
    metrics: undefined,
    forecastFusion: {
      about:
        'prior fused with the pseudo labeller on constant velocity (d(x) hypothesis 0): p(z | x, d(x), r) ∝ p(z | x, d(x)) · P(r | z), the table fixed (model/fusion.ts)',
      from: { dir: o.init, commit: card.commit ?? null },
      commit: o.commit,
      data: {
        source: 'synthetic-v2 pairs (model/dataset.ts v2Pairs) at step 10, no tracking noise',
        seed,
        scenes: o.scenes,
        pairs: samples.length,
        untracked,
      },
      smoothing: FUSION_SMOOTHING,
      counts,
      table,
    },
  });
}
