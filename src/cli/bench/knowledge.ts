// Knowledge: what the domain-knowledge features d(x) (model/knowledge.ts: the labeller on constant
// velocity and the 6 kinematic hypotheses) cost a prediction. On Node wasm, the shipped pseudo-label
// CVAE's predictPairs as the worker runs it (one pair; and eval's batch of 8 pairs) against the same
// network with a prior that reads d(x) (public/models/pseudo when it already does, fusion table and all, else the shipped
// weights with a grown prior, model/prior-train.ts knowledgePrior: the same work; a goal head widened
// by model/goal-train.ts counted too, the baseline keeping config.ts NETWORK.goalComponents), alternated
// run by run in the same process; plus d(x) alone per pair. Issue 14's budget: at most 2x the plain
// network. Also eval's joint set (WOMD's 6 by the miss-aware rule) on the batch, the same two models.
// Demo scenes (public/demo/demo.tfrecord), their interacting pair at step 10; and, where
// ../shared/womd-json is present, the real benchmark's pairs of its first files (timings only).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_SAMPLES, JOINT_SET, NETWORK } from '../../model/config';
import { buildSample } from '../../model/features';
import { knowledgeFeatures } from '../../model/knowledge';
import { goalComponentsOf, priorKnowledgeDim, type Params } from '../../model/network';
import { knowledgePrior } from '../../model/prior-train';
import { FORECAST_TABLE, GOAL_PARAMS } from '../../model/layers';
import { predictPairs, type PairOptions, type PairRequest } from '../../model/predictors';
import { decodeModel, type ModelJson } from '../../model/weights';
import { interactingPair } from '../../scene/scene';
import { memorySource, ScenarioFile } from '../../waymo';
import { benchmarkRequests } from '../../metrics/evaluate';
import { loadScenes } from '../lib/samples';
import { fmt, median } from '../lib/timing';

const ROOT = join(import.meta.dirname, '../../..');
/** Alternated runs per variant after the warm-up (the median is reported). */
const RUNS = 20;
/** eval's wasm batch (model/batch-run.ts BATCH_SIZES.wasm). */
const EVAL_BATCH = 8;
/** Real scenario files read for the real pairs (a few: each has 1-4 benchmark pairs). */
const REAL_FILES = 6;

export default async function () {
  await tf.setBackend('wasm');
  await tf.ready();
  const json = JSON.parse(readFileSync(join(ROOT, 'public/models/pseudo/model.json'), 'utf8')) as ModelJson;
  const bin = readFileSync(join(ROOT, 'public/models/pseudo/weights.bin'));
  const shipped = decodeModel(json, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  // plain: the shipped network's prior reading the context alone; with: one that reads d(x)
  let plain: Params;
  let withK: Params;
  if (priorKnowledgeDim(shipped) > 0) {
    withK = shipped;
    // without d(x) there is no forecast label either: the plain prior has no fusion table
    const { [FORECAST_TABLE]: _table, ...rest } = shipped;
    plain = rest;
    const C = NETWORK.context;
    plain['prior1/kernel'] = tf.variable(tf.slice(shipped['prior1/kernel']!, [0, 0], [C, -1]), false);
  } else {
    plain = shipped;
    withK = knowledgePrior(shipped);
  }
  // a goal head widened past the network's own (model/goal-train.ts): the baseline keeps as many
  // components as a full training run builds, the cost of the wider head counted against it
  const G0 = NETWORK.goalComponents;
  if (goalComponentsOf(plain) > G0) {
    plain = { ...plain };
    plain['goal2/kernel'] = tf.variable(
      tf.slice(shipped['goal2/kernel']!, [0, 0], [-1, G0 * GOAL_PARAMS]),
      false,
    );
    plain['goal2/bias'] = tf.variable(tf.slice(shipped['goal2/bias']!, [0], [G0 * GOAL_PARAMS]), false);
  }
  console.log(
    `baseline: the plain prior, ${goalComponentsOf(plain)} goal components per mode; against: the shipped prior (d(x)${FORECAST_TABLE in withK ? ', fused' : ''}), ${goalComponentsOf(withK)} per mode`,
  );
  const file = await ScenarioFile.open(memorySource(readFileSync(join(ROOT, 'public/demo/demo.tfrecord'))));
  const reqs: PairRequest[] = [];
  for (let i = 0; i < file.count && reqs.length < EVAL_BATCH; i++) {
    const scene = await file.scene(i);
    const pair = interactingPair(scene);
    if (pair) reqs.push({ scene, a: pair[0], b: pair[1], t: 10 });
  }
  const o = { samplesPerMode: EVAL_SAMPLES / NETWORK.modes, meansFirst: true };
  const compare = async (what: string, batch: PairRequest[], extra: Partial<PairOptions> = {}) => {
    const runs: [number[], number[]] = [[], []];
    for (let i = 0; i < 2 * (RUNS + 2); i++) {
      const t0 = performance.now();
      await predictPairs('pseudo', i % 2 === 0 ? plain : withK, batch, { ...o, ...extra });
      if (i >= 4) runs[i % 2]!.push(performance.now() - t0);
    }
    const [a, b] = runs.map((r) => median(r.sort((x, y) => x - y)));
    console.log(
      `${what}: plain prior ${fmt(a!, 1)} ms (baseline), prior with d(x) ${fmt(b!, 1)} ms: ${fmt(b! / a!, 2)}x`,
    );
  };
  await compare('node wasm, predictPairs as the worker runs it, one pair', reqs.slice(0, 1));
  await compare(`node wasm, predictPairs on eval's batch of ${reqs.length} pairs`, reqs);
  await compare(`node wasm, eval's joint set (6, miss-aware) on ${reqs.length} pairs`, reqs, {
    budget: JOINT_SET.budget,
    jointRule: 'miss-aware',
  });
  console.log(`d(x) alone: ${knowledgeTime(reqs)} (${reqs.length} demo pairs)`);
  // real WOMD maps are denser (docs/real-gap.md): the same on the first real benchmark pairs, when present
  const realDir = join(ROOT, '../shared/womd-json');
  if (existsSync(realDir)) {
    const files = readdirSync(realDir)
      .filter((f) => f.endsWith('.json.gz'))
      .sort()
      .slice(0, REAL_FILES)
      .map((f) => join(realDir, f));
    const real = benchmarkRequests((await loadScenes(files, REAL_FILES)).scenes).reqs.slice(0, EVAL_BATCH);
    await compare(`node wasm, predictPairs on ${real.length} real benchmark pairs`, real);
    console.log(`d(x) alone: ${knowledgeTime(real)} (${real.length} real benchmark pairs)`);
  }
}

/** Median milliseconds of d(x) per pair over RUNS passes. */
function knowledgeTime(reqs: PairRequest[]): string {
  const samples = reqs.map((r) => buildSample(r.scene, r.a, r.b, r.t));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++)
    for (const [k, s] of samples.entries()) {
      const t0 = performance.now();
      knowledgeFeatures(reqs[k]!.scene, s.frame, s.features);
      times.push(performance.now() - t0);
    }
  return `median ${fmt(median(times.sort((x, y) => x - y)), 2)} ms a pair`;
}
