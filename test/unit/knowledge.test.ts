// model/knowledge.ts: the domain-knowledge features d(x) on hand-built scenes (the labeller on
// constant velocity and the kinematic hypotheses), and the loading path of a model whose prior
// reads them beside one that does not (weights.ts, weights-check.ts, predictors.ts).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startParams, writeModelFiles } from '../../src/cli/lib/model-files';
import { A_FIRST, NO_INTERACTION } from '../../src/labels';
import { NETWORK } from '../../src/model/config';
import { buildSample } from '../../src/model/features';
import {
  HORIZON_S,
  KNOWLEDGE_DIM,
  KNOWLEDGE_HYPOTHESES,
  KNOWLEDGE_VERSION,
  knowledgeDetail,
  knowledgeFeatures,
  MIXTURE_OFFSET,
  PER_HYPOTHESIS,
  SLOT,
} from '../../src/model/knowledge';
import { createParams, priorKnowledgeDim, priorLogits } from '../../src/model/network';
import {
  knowledgePrior,
  scoreHead,
  trainPriorHead,
  type HeadConfig,
  type HeadData,
} from '../../src/model/prior-train';
import { predictPairs } from '../../src/model/predictors';
import { forecastLabel, forecastTable, fuseForecast } from '../../src/model/fusion';
import { decodeModel, encodeModel, WeightsError } from '../../src/model/weights';
import { checkModelJson } from '../../src/model/weights-check';
import { buildScene, type StateInput, type TrackInput } from '../../src/scene/build';
import { ObjectType, type Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { interactingPair } from '../../src/scene/scene';

const T = 91;
const DT = 0.1;

/** A vehicle driving the straight line from (x0, y0) along `heading` at `speed` m/s, valid at every step. */
function straight(id: number, x0: number, y0: number, heading: number, speed: number): TrackInput {
  const states: StateInput[] = [];
  for (let k = 0; k < T; k++) {
    const d = speed * k * DT;
    states.push({
      x: x0 + d * Math.cos(heading),
      y: y0 + d * Math.sin(heading),
      heading,
      vx: speed * Math.cos(heading),
      vy: speed * Math.sin(heading),
      length: 4.5,
      width: 2,
      height: 1.6,
      valid: true,
    });
  }
  return { id, type: ObjectType.Vehicle, states };
}

function scene(tracks: TrackInput[]): Scene {
  return buildScene({
    id: 'hand',
    timestamps: Array.from({ length: T }, (_, k) => k * DT),
    currentIndex: 10,
    sdc: 0,
    objectsOfInterest: [tracks[0]!.id, tracks[1]!.id],
    tracksToPredict: [],
    tracks,
    features: [],
    signals: [],
  });
}

/** d(x) of tracks 0 (A) and 1 (B) at step 10, with its per-hypothesis detail. */
function knowledgeAt(s: Scene) {
  const sample = buildSample(s, 0, 1, 10, 0);
  return {
    detail: knowledgeDetail(s, sample.frame, sample.features),
    d: knowledgeFeatures(s, sample.frame, sample.features),
  };
}

describe('knowledgeFeatures', () => {
  // A drives east at 10 m/s and is 20 m short of (0, 0) at step 10; B drives north at 10 m/s and is 40 m short
  const crossing = () => scene([straight(1, -30, 0, 0, 10), straight(2, 0, -50, Math.PI / 2, 10)]);

  it('labels constant velocity A first where A reaches the conflict point first, with both arrival times', () => {
    const { detail, d } = knowledgeAt(crossing());
    expect(d.length).toBe(KNOWLEDGE_DIM);
    expect(KNOWLEDGE_DIM).toBe(KNOWLEDGE_HYPOTHESES * PER_HYPOTHESIS + 3);
    const cv = detail[0]!;
    expect(cv.name).toBe('constant velocity');
    expect(cv.label).toBe(A_FIRST);
    expect(cv.noConflict).toBe(false);
    // A passes the point 2 s after t, B 4 s after (within a step: the labeller's points are 0.1 s apart)
    expect(cv.tA!).toBeCloseTo(2, 1);
    expect(cv.tB!).toBeCloseTo(4, 1);
    expect([...d.subarray(0, 3)]).toEqual([1, 0, 0]);
    expect(d[SLOT.noConflict]).toBe(0);
    expect(d[SLOT.reachedA]).toBe(1);
    expect(d[SLOT.timeA]).toBeCloseTo(2 / HORIZON_S, 2);
    expect(d[SLOT.reachedB]).toBe(1);
    expect(d[SLOT.timeB]).toBeCloseTo(4 / HORIZON_S, 2);
    expect(d[SLOT.probability]).toBe(1);
    // the kinematic six: one label each, probabilities summing to 1, and their mixture after the slots
    let mix = 0;
    for (let k = 1; k < KNOWLEDGE_HYPOTHESES; k++) {
      const o = k * PER_HYPOTHESIS;
      expect(d[o]! + d[o + 1]! + d[o + 2]!).toBe(1);
      mix += d[o + SLOT.probability]!;
    }
    expect(mix).toBeCloseTo(1, 5);
    expect(d[MIXTURE_OFFSET]! + d[MIXTURE_OFFSET + 1]! + d[MIXTURE_OFFSET + 2]!).toBeCloseTo(1, 5);
    // steady agents: the most probable hypothesis keeps both speeds, so it tells the same as constant velocity
    expect(detail[1]!.name).toBe('A keeps · B keeps');
    expect(detail[1]!.label).toBe(A_FIRST);
  });

  it('flags no conflict when the paths never meet', () => {
    // parallel, 50 m apart, the same way
    const { detail, d } = knowledgeAt(scene([straight(1, -30, 0, 0, 10), straight(2, -30, 50, 0, 10)]));
    expect(detail[0]!.label).toBe(NO_INTERACTION);
    expect(detail[0]!.noConflict).toBe(true);
    expect([...d.subarray(0, PER_HYPOTHESIS - 1)]).toEqual([0, 0, 1, 1, 0, 1, 0, 1]);
    for (let k = 0; k < KNOWLEDGE_HYPOTHESES; k++) expect(d[k * PER_HYPOTHESIS + SLOT.noConflict]).toBe(1);
  });

  it('is deterministic and reads nothing after t', () => {
    const s = crossing();
    const first = knowledgeAt(s).d;
    expect(knowledgeAt(s).d).toEqual(first);
    // B turns away after step 10: d(x) at step 10 is unchanged
    const later = scene([
      straight(1, -30, 0, 0, 10),
      {
        ...straight(2, 0, -50, Math.PI / 2, 10),
        states: straight(2, 0, -50, Math.PI / 2, 10).states.map((st, k) =>
          k > 10 ? { ...st, x: st.x! + 3 * (k - 10) } : st,
        ),
      },
    ]);
    expect(knowledgeAt(later).d).toEqual(first);
  });
});

describe('a model whose prior reads d(x), beside one that does not', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('old models load and predict as before; the new one records d(x) in its topology and gets it computed', async () => {
    const plain = createParams(3);
    const oldModel = await encodeModel(plain, { variant: 'pseudo' });
    expect(oldModel.json.modelTopology.prior).toBeUndefined();
    const oldBack = decodeModel(oldModel.json, oldModel.data);
    expect(priorKnowledgeDim(oldBack)).toBe(0);

    // the grown prior predicts exactly what the plain one did (zero rows for d(x)) until trained
    const head = knowledgePrior(plain);
    expect(priorKnowledgeDim(head)).toBe(KNOWLEDGE_DIM);
    head['prior1/kernel']!.assign(
      tf.tidy(() =>
        tf.add(
          head['prior1/kernel']!,
          tf.mul(tf.randomNormal(head['prior1/kernel']!.shape, 0, 1, 'float32', 1), 0.05),
        ),
      ),
    );
    const newModel = await encodeModel(head, { variant: 'pseudo' });
    expect(newModel.json.modelTopology.prior).toEqual({
      inputs: 'context+knowledge',
      knowledgeVersion: KNOWLEDGE_VERSION,
      knowledgeDim: KNOWLEDGE_DIM,
    });
    const newBack = decodeModel(newModel.json, newModel.data);
    expect(newBack['prior1/kernel']!.shape).toEqual([NETWORK.context + KNOWLEDGE_DIM, NETWORK.hidden]);

    const s = generateScene(61003, 4).scene;
    const [a, b] = interactingPair(s)!;
    const req = [{ scene: s, a, b, t: 10 }];
    const o = { samplesPerMode: 2, posterior: true };
    const oldRes = await predictPairs('pseudo', oldBack, req, o);
    const again = await predictPairs('pseudo', plain, req, o);
    expect(oldRes[0]!.prior).toEqual(again[0]!.prior);
    const newRes = await predictPairs('pseudo', newBack, req, o);
    // same encoder, goals and decoder: the same futures; a prior that reads d(x): another distribution
    expect(newRes[0]!.modes[0]!.samples[0]!.a).toEqual(oldRes[0]!.modes[0]!.samples[0]!.a);
    expect(newRes[0]!.posterior).toEqual(oldRes[0]!.posterior);
    expect(newRes[0]!.prior).not.toEqual(oldRes[0]!.prior);
    expect(newRes[0]!.prior.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
  });

  it('a d(x) model is a starting point for training (startParams), in its own shape', async () => {
    const head = knowledgePrior(createParams(5));
    const dir = mkdtempSync(join(tmpdir(), 'modescope-knowledge-'));
    try {
      writeModelFiles(dir, await encodeModel(head, {}));
      const params = startParams(9, dir);
      expect(priorKnowledgeDim(params)).toBe(KNOWLEDGE_DIM);
      expect(await params['prior1/kernel']!.data()).toEqual(await head['prior1/kernel']!.data());
      // its prior already reads d(x): growing it again is refused
      expect(() => knowledgePrior(params)).toThrow(/already reads 66 values/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is missing: a prior that reads d(x) given none, or a model of another d(x) version', async () => {
    const head = knowledgePrior(createParams(4));
    const ctx = tf.zeros([1, NETWORK.context]) as tf.Tensor2D;
    expect(() => priorLogits(head, ctx)).toThrow(/reads 66 values of domain knowledge/);
    ctx.dispose();
    const m = await encodeModel(head, {});
    const other = {
      ...m.json,
      modelTopology: {
        ...m.json.modelTopology,
        prior: { ...m.json.modelTopology.prior!, knowledgeVersion: 0 },
      },
    };
    expect(() => checkModelJson(other, 'new/model.json')).toThrow(WeightsError);
    expect(() => checkModelJson(other, 'new/model.json')).toThrow(
      /new\/model.json: modelTopology.prior reads domain knowledge version 0/,
    );
    // the weights of a d(x) prior under a topology that does not say so: prior1's shape names the mismatch
    const bare = { ...m.json, modelTopology: { ...m.json.modelTopology, prior: undefined } };
    expect(() => checkModelJson(JSON.parse(JSON.stringify(bare)), 'bare/model.json')).toThrow(
      /prior1\/kernel' has shape \[194,64\]/,
    );
  });
});

describe('the prior head trained with context dropout', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  /**
   * Rows whose label shows in one context unit (strongly, scale 4) and in one d(x) unit (weakly,
   * scale 1), the same label: a head may learn either. With `ctxScale` 0 the context says nothing,
   * which is what an unfamiliar (real) context amounts to.
   */
  function rowsOf(n: number, seed: number, ctxScale: number): HeadData {
    const C = NETWORK.context;
    const d: HeadData = {
      n,
      ctx: new Float32Array(n * C),
      logq: new Float32Array(n * 3),
      knowledge: new Float32Array(n * KNOWLEDGE_DIM),
      label: new Int32Array(n),
    };
    let r = seed;
    const rand = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < n; i++) {
      const y = i % 3;
      d.label[i] = y;
      for (let k = 0; k < C; k++) d.ctx[i * C + k] = 0.3 * (rand() - 0.5);
      d.ctx[i * C + y] = ctxScale;
      d.knowledge[i * KNOWLEDGE_DIM + y] = 1;
      for (let k = 0; k < 3; k++) d.logq[i * 3 + k] = Math.log(k === y ? 0.9 : 0.05);
    }
    return d;
  }

  it('moves the decision onto d(x): with the context silent, the dropout-trained head is surer of the label', async () => {
    const train = rowsOf(384, 1, 4);
    const stop = rowsOf(96, 2, 4);
    const silent = rowsOf(96, 3, 0);
    const cfg: HeadConfig = {
      epochs: 10,
      patience: 10,
      batch: 32,
      learningRate: 1e-2,
      seed: 7,
      klWeight: 1,
      labelWeight: 1,
    };
    const ce: number[] = [];
    for (const contextDropout of [0, 0.8]) {
      const head = knowledgePrior(createParams(11));
      await trainPriorHead(head, train, stop, { ...cfg, contextDropout });
      // scoring never drops: both heads are scored on the same rows the same way
      expect((await scoreHead(head, stop, { ...cfg, contextDropout })).agreement).toBe(1);
      ce.push((await scoreHead(head, silent, cfg)).ce!);
    }
    // cross-entropy on rows where only d(x) tells: lower after training with dropout
    // (measured: 0.88 nats without dropout, 0.02 with; the bound leaves room for other seeds)
    expect(ce[1]!).toBeLessThan(0.25 * ce[0]!);
  });
});

describe('the prior fused with the constant-velocity forecast (model/fusion.ts)', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('counts the table add-one per mode, reads r from d(x), and refuses a prior without d(x)', () => {
    const t = forecastTable([
      [3, 0, 1],
      [0, 0, 0],
      [1, 1, 6],
    ]);
    expect(t[0]!.map(Math.exp)).toEqual([4 / 7, 1 / 7, 2 / 7].map((v) => expect.closeTo(v, 6)));
    expect(t[1]!.map(Math.exp)).toEqual([1, 1, 1].map(() => expect.closeTo(1 / 3, 6)));
    const d = new Float32Array(KNOWLEDGE_DIM);
    d[SLOT.label + 1] = 1;
    expect(forecastLabel(d)).toBe(1);
    expect(() => fuseForecast(createParams(2), t)).toThrow(/does not read d\(x\)/);
    expect(() => fuseForecast(knowledgePrior(createParams(2)), [[0, 0]])).toThrow(/3 x 3/);
  });

  it('adds log P(r | z) to the prior logits, survives a save and load, and stays fixed in training', async () => {
    const head = knowledgePrior(createParams(6));
    head['prior1/kernel']!.assign(
      tf.tidy(() =>
        tf.add(head['prior1/kernel']!, tf.randomNormal(head['prior1/kernel']!.shape, 0, 0.05, 'float32', 2)),
      ),
    );
    const table = forecastTable([
      [50, 10, 40],
      [10, 60, 30],
      [5, 5, 90],
    ]);
    const fused = fuseForecast(head, table);
    const ctx = tf.randomNormal([3, NETWORK.context], 0, 1, 'float32', 3) as tf.Tensor2D;
    const k = new Float32Array(3 * KNOWLEDGE_DIM);
    for (let b = 0; b < 3; b++) k[b * KNOWLEDGE_DIM + SLOT.label + b] = 1; // row b: forecast r = b
    const knowledge = tf.tensor2d(k, [3, KNOWLEDGE_DIM]);
    const plain = (await priorLogits(head, ctx, knowledge).array()) as number[][];
    const withR = (await priorLogits(fused, ctx, knowledge).array()) as number[][];
    for (let b = 0; b < 3; b++)
      for (let z = 0; z < 3; z++) expect(withR[b]![z]!).toBeCloseTo(plain[b]![z]! + table[z]![b]!, 4);

    const m = await encodeModel(fused, { variant: 'pseudo' });
    expect(m.json.modelTopology.prior?.forecastFusion).toBe(true);
    const back = decodeModel(JSON.parse(JSON.stringify(m.json)), m.data);
    expect(await priorLogits(back, ctx, knowledge).array()).toEqual(withR);
    // the topology and the weights must agree, and the flag is true or absent
    const noTable = JSON.parse(JSON.stringify(m.json));
    noTable.weightsManifest[0].weights = noTable.weightsManifest[0].weights.filter(
      (w: { name: string }) => w.name !== 'prior/forecast',
    );
    expect(() => checkModelJson(noTable, 'f/model.json')).toThrow(
      /f\/model.json: weight 'prior\/forecast' missing/,
    );
    const odd = JSON.parse(JSON.stringify(m.json));
    odd.modelTopology.prior.forecastFusion = 'yes';
    expect(() => checkModelJson(odd, 'f/model.json')).toThrow(/modelTopology.prior.forecastFusion is "yes"/);
    // a training start keeps the table, fixed: only the network's weights are trainable
    const dir = mkdtempSync(join(tmpdir(), 'modescope-fused-'));
    try {
      writeModelFiles(dir, m);
      const start = startParams(1, dir);
      expect(start['prior/forecast']!.trainable).toBe(false);
      expect(start['prior1/kernel']!.trainable).toBe(true);
      expect(await start['prior/forecast']!.array()).toEqual(await fused['prior/forecast']!.array());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    tf.dispose([ctx, knowledge]);
  });
});
