// model/goal-train.ts: the goal head widened to more components per mode starts as the init's
// mixture, trains on the frozen network alone (prior, posterior and decoder untouched), and the model
// it makes saves, loads and predicts with its own number of components (weights.ts, predict.ts).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { NETWORK } from '../../src/model/config';
import { sceneSamples } from '../../src/model/dataset';
import {
  boxKernelNLLPerMode,
  frozenGoalInputs,
  JITTER,
  scoreGoalHead,
  trainGoalHead,
  widenGoals,
} from '../../src/model/goal-train';
import { goalNLLPerMode } from '../../src/model/losses';
import { createParams, goalComponentsOf, goalMixture } from '../../src/model/network';
import { predictPairs } from '../../src/model/predictors';
import { decodeModel, encodeModel } from '../../src/model/weights';
import { interactingPair } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';

const M = NETWORK.modes;

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('the goal head widened and trained alone (model/goal-train.ts)', () => {
  it('starts as the init mixture: each copy shares its source weight, std and (within the jitter) mean', async () => {
    const init = createParams(11);
    const head = widenGoals(init, 5, 7);
    expect(goalComponentsOf(init)).toBe(NETWORK.goalComponents);
    expect(goalComponentsOf(head)).toBe(5);
    const ctx = tf.randomNormal([3, NETWORK.context], 0, 1, 'float32', 2) as tf.Tensor2D;
    const read = async (p: typeof init) => {
      const gm = goalMixture(p, ctx);
      const out = {
        w: (await tf.exp(gm.logWeights).array()) as number[][][],
        mean: (await gm.mean.array()) as number[][][][],
        logStd: (await gm.logStd.array()) as number[][][][],
      };
      tf.dispose([gm.logWeights, gm.mean, gm.logStd]);
      return out;
    };
    const a = await read(init);
    const b = await read(head);
    const g0 = NETWORK.goalComponents;
    for (let i = 0; i < 3; i++)
      for (let z = 0; z < M; z++) {
        for (let c0 = 0; c0 < g0; c0++) {
          const copies = [0, 1, 2, 3, 4].filter((c) => c % g0 === c0);
          const w = copies.reduce((s, c) => s + b.w[i]![z]![c]!, 0);
          expect(w).toBeCloseTo(a.w[i]![z]![c0]!, 5);
          for (const c of copies)
            for (let d = 0; d < 4; d++) {
              expect(b.logStd[i]![z]![c]![d]).toBeCloseTo(a.logStd[i]![z]![c0]![d]!, 5);
              const off = Math.abs(b.mean[i]![z]![c]![d]! - a.mean[i]![z]![c0]![d]!);
              if (c < g0) expect(off).toBeLessThan(1e-5);
              else expect(off).toBeLessThanOrEqual(JITTER + 1e-5);
            }
        }
      }
    // the rest of the network is the init's own tensors
    expect(head['prior1/kernel']).toBe(init['prior1/kernel']);
    expect(head['traj3/kernel']).toBe(init['traj3/kernel']);
    expect(() => widenGoals(init, 1, 7)).toThrow(/the init model has 2; the head only widens/);
    expect(() => widenGoals(init, 17, 7)).toThrow(/expected a whole number from 1 to 16/);
    tf.dispose(ctx);
  });

  it('lowers the goal loss on its data, leaves every other weight alone, and the model loads and predicts with 4 per mode', async () => {
    const init = createParams(12);
    const scenes = [...Array(12).keys()].map((i) => generateScene(61001, i).scene);
    const samples = scenes.flatMap((s, i) => sceneSamples(s, 0, 60, 7, i));
    expect(samples.length).toBeGreaterThan(8);
    const data = await frozenGoalInputs(init, samples);
    expect(data.n).toBe(samples.length);
    // q rows are distributions; end points known for the designed pairs
    for (let r = 0; r < data.n; r++)
      expect(data.q.subarray(r * M, (r + 1) * M).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(data.known.reduce((s, v) => s + v, 0)).toBeGreaterThan(0);

    const head = widenGoals(init, 4, 7);
    const priorBefore = await head['prior2/kernel']!.data();
    const before = await scoreGoalHead(head, data);
    const run = await trainGoalHead(head, data, data, {
      epochs: 6,
      patience: 6,
      batch: 4,
      learningRate: 1e-2,
      seed: 1,
    });
    const after = await scoreGoalHead(head, data);
    expect(run.history[0]!.stop_total).toBeCloseTo(before, 4);
    expect(after).toBeLessThan(before - 0.5);
    expect(after).toBeCloseTo(Math.min(...run.history.map((h) => h.stop_total!)), 4);
    expect(await head['prior2/kernel']!.data()).toEqual(priorBefore);

    const model = await encodeModel(head, { variant: 'pseudo' });
    expect(model.json.modelTopology.network.goalComponents).toBe(4);
    const back = decodeModel(model.json, model.data);
    expect(goalComponentsOf(back)).toBe(4);
    const s = scenes[3]!;
    const [a, b] = interactingPair(s)!;
    const req = [{ scene: s, a, b, t: 10 }];
    const [res] = await predictPairs('pseudo', back, req, { samplesPerMode: 2, anchors: 0 });
    expect(res!.modes).toHaveLength(M);
    for (const m of res!.modes) {
      expect(m.goals).toHaveLength(4);
      expect(m.samples).toHaveLength(2);
      expect(m.goals[0]!.weight).toBeGreaterThanOrEqual(m.goals[1]!.weight);
    }
    // the miss-aware joint set (what eval scores) picks WOMD's 6 from the wider mixture
    const [set] = await predictPairs('pseudo', back, req, {
      samplesPerMode: 2,
      budget: 6,
      jointRule: 'miss-aware',
    });
    expect(set!.modes.reduce((n, m) => n + m.samples.length, 0)).toBe(6);
  });

  it('the hit term adds, per known row, hitWeight times the nearest mean offset in miss-box units, q-weighted', async () => {
    const init = createParams(13);
    const scenes = [...Array(4).keys()].map((i) => generateScene(61001, i).scene);
    const samples = scenes.flatMap((s, i) => sceneSamples(s, 0, 60, 7, i));
    const d = await frozenGoalInputs(init, samples);
    const gm = goalMixture(init, tf.tensor2d(d.ctx, [d.n, NETWORK.context]));
    const mean = (await gm.mean.array()) as number[][][][];
    tf.dispose([gm.logWeights, gm.mean, gm.logStd]);
    let sum = 0;
    let known = 0;
    for (let r = 0; r < d.n; r++) {
      if (!d.known[r]) continue;
      known++;
      for (let z = 0; z < M; z++) {
        const offs = mean[r]![z]!.map((mu) =>
          [0, 1].reduce((acc, ag) => {
            const [c, s, il, it] = d.box.subarray(r * 8 + ag * 4, r * 8 + ag * 4 + 4);
            const dx = mu[2 * ag]! - d.goal[r * 4 + 2 * ag]!;
            const dy = mu[2 * ag + 1]! - d.goal[r * 4 + 2 * ag + 1]!;
            return acc + ((c! * dx + s! * dy) * il!) ** 2 + ((c! * dy - s! * dx) * it!) ** 2;
          }, 0),
        );
        sum += d.q[r * M + z]! * Math.min(...offs);
      }
    }
    const extra = (await scoreGoalHead(init, d, 0.5)) - (await scoreGoalHead(init, d, 0));
    expect(extra).toBeCloseTo((0.5 * sum) / known, 3);
    // the box is the metric's: 6 m x 3 m at 8 s, halved below 1.4 m/s (scaled units: x 10 m)
    for (let r = 0; r < d.n; r++) {
      const il = d.box[r * 8 + 2]!;
      expect(il).toBeGreaterThanOrEqual(10 / 6 - 1e-6);
      expect(il).toBeLessThanOrEqual(20 / 6 + 1e-6);
    }
  });

  it('the box-kernel NLL is the mixture convolved with each agent’s rotated box Gaussian, and the plain NLL as the kernel shrinks', async () => {
    const init = createParams(17);
    const scenes = [...Array(3).keys()].map((i) => generateScene(61001, i).scene);
    const samples = scenes.flatMap((s, i) => sceneSamples(s, 0, 60, 7, i));
    const d = await frozenGoalInputs(init, samples);
    const ctx = tf.tensor2d(d.ctx, [d.n, NETWORK.context]);
    const goal = tf.tensor2d(d.goal, [d.n, 4]);
    const box = tf.tensor3d(d.box, [d.n, 2, 4]);
    const gm = goalMixture(init, ctx);
    const mean = (await gm.mean.array()) as number[][][][];
    const logStd = (await gm.logStd.array()) as number[][][][];
    const logW = (await gm.logWeights.array()) as number[][][];
    const K = 0.7;
    const got = (await boxKernelNLLPerMode(gm, goal, box, K).array()) as number[][];
    // by hand: S = diag σ² + R diag((K L)², (K W)²) Rᵀ as matrix products, its inverse by adjugate
    for (let r = 0; r < d.n; r++)
      for (let z = 0; z < M; z++) {
        const terms = mean[r]![z]!.map((mu, c) => {
          let ll = logW[r]![z]![c]!;
          for (const ag of [0, 1]) {
            const [co, si, il, it] = d.box.subarray(r * 8 + ag * 4, r * 8 + ag * 4 + 4);
            const R = [
              [co!, -si!],
              [si!, co!],
            ];
            const D = [(K / il!) ** 2, (K / it!) ** 2];
            const S = [0, 1].map((i) =>
              [0, 1].map((j) => R[i]![0]! * D[0]! * R[j]![0]! + R[i]![1]! * D[1]! * R[j]![1]!),
            );
            S[0]![0]! += Math.exp(2 * logStd[r]![z]![c]![2 * ag]!);
            S[1]![1]! += Math.exp(2 * logStd[r]![z]![c]![2 * ag + 1]!);
            const det = S[0]![0]! * S[1]![1]! - S[0]![1]! * S[1]![0]!;
            const e = [d.goal[r * 4 + 2 * ag]! - mu[2 * ag]!, d.goal[r * 4 + 2 * ag + 1]! - mu[2 * ag + 1]!];
            const q = (S[1]![1]! * e[0]! ** 2 - 2 * S[0]![1]! * e[0]! * e[1]! + S[0]![0]! * e[1]! ** 2) / det;
            ll += -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * q;
          }
          return ll;
        });
        const top = Math.max(...terms);
        const want = -(top + Math.log(terms.reduce((s, t) => s + Math.exp(t - top), 0)));
        expect(got[r]![z]).toBeCloseTo(want, 3);
      }
    // a vanishing kernel gives the plain goal NLL
    const tiny = (await boxKernelNLLPerMode(gm, goal, box, 1e-4).array()) as number[][];
    const plain = (await goalNLLPerMode(gm, goal).array()) as number[][];
    for (let r = 0; r < d.n; r++)
      for (let z = 0; z < M; z++) expect(tiny[r]![z]).toBeCloseTo(plain[r]![z]!, 3);
    tf.dispose([ctx, goal, box, gm.logWeights, gm.mean, gm.logStd]);
  });
});
