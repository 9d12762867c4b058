// The CVAEs' joint set (model/joint-set.ts): an anchor whose end points sit on one mode's goal
// mean goes to that mode (Bayes over the goal mixture, in log space, finite far from every goal),
// the budget keeps exactly that many samples, every anchor, and drops the least probable
// (p(z|x) · w_c) CVAE samples; and through predictPairs: anchors 0 gives the model's own samples
// exactly as before, the default adds the kinematic anchors, named, and eval's budget leaves 6.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURES, JOINT_SET, NETWORK } from '../../src/model/config';
import { buildSample } from '../../src/model/features';
import { addAnchors, anchorLogScores, applyBudget, assignAnchor, endPoints } from '../../src/model/joint-set';
import { kinematicPredictions, type JointHypothesis } from '../../src/model/kinematic';
import { createParams, type Params } from '../../src/model/network';
import { predictFrames, toScene, type FrameModePrediction } from '../../src/model/predict';
import { predictPairs, type PairRequest } from '../../src/model/predictors';
import { interactingPair } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';

const FUT = FEATURES.future;

/** Three modes, two goal components each (weights 0.7 / 0.3), two samples per mode (one per component). */
function modes(prob = [0.5, 0.3, 0.2]): FrameModePrediction[] {
  return prob.map((p, z) => ({
    mode: z,
    probability: p,
    goals: [0.7, 0.3].map((w, c) => ({
      weight: w,
      mean: [10 * z + c, 5 * c, -10 * z, 20 + c],
      std: [2, 2, 2, 2],
    })),
    samples: [0, 1].map((c) => ({
      trajectory: new Float32Array(4 * FUT),
      goal: [0, 0, 0, 0] as [number, number, number, number],
      component: c,
    })),
  }));
}

/** A joint trajectory ending at e = (xA, yA, xB, yB), as a kinematic hypothesis. */
function anchor(e: number[], name: string): JointHypothesis {
  const tr = new Float32Array(4 * FUT);
  tr[(FUT - 1) * 2] = e[0]!;
  tr[(FUT - 1) * 2 + 1] = e[1]!;
  tr[(2 * FUT - 1) * 2] = e[2]!;
  tr[(2 * FUT - 1) * 2 + 1] = e[3]!;
  const h = {
    index: 0,
    longitudinal: 'keeps',
    lateral: 'keeps',
    accel: 0,
    yawRate: 0,
    probability: 1,
  } as const;
  return { a: h, b: h, confidence: 1, probability: 1, name, trajectory: tr };
}

describe('anchor assignment', () => {
  it("goes to the mode whose goal mean the anchor's end points sit on, whatever the component", () => {
    const ms = modes();
    for (let z = 0; z < 3; z++)
      for (let c = 0; c < 2; c++) expect(assignAnchor(ms, ms[z]!.goals[c]!.mean)).toBe(z);
    // the least likely mode still wins an anchor on its own mean
    const unlikely = modes([0.89, 0.1, 0.01]);
    expect(assignAnchor(unlikely, unlikely[2]!.goals[1]!.mean)).toBe(2);
  });

  it('is computed in log space: an anchor far from every goal still has finite scores', () => {
    const s = anchorLogScores(modes(), [5e3, -5e3, 5e3, 5e3]);
    expect(s.every(Number.isFinite)).toBe(true);
    expect(assignAnchor(modes(), [5e3, -5e3, 5e3, 5e3])).toBeGreaterThanOrEqual(0);
  });

  it('appends the anchor after the mode samples, named and marked; a mode not decoded takes none', () => {
    const ms = modes();
    const a = anchor(ms[2]!.goals[0]!.mean, 'A keeps · B brakes');
    expect(endPoints(a.trajectory)).toEqual(ms[2]!.goals[0]!.mean);
    addAnchors(ms, [a], () => true);
    expect(ms.map((m) => m.samples.length)).toEqual([2, 2, 3]);
    expect(ms[2]!.samples[2]).toMatchObject({ source: 'kinematic', name: 'A keeps · B brakes' });
    expect(ms[2]!.samples[2]!.goal).toEqual(ms[2]!.goals[0]!.mean);
    const forced = modes();
    addAnchors(forced, [a], (z) => z === 0);
    expect(forced.map((m) => m.samples.length)).toEqual([2, 2, 2]);
  });
});

describe('the budget', () => {
  it('keeps exactly the budget, every anchor, and drops the least probable CVAE samples', () => {
    const ms = modes([0.5, 0.3, 0.2]);
    addAnchors(ms, [anchor(ms[0]!.goals[0]!.mean, 'one'), anchor(ms[1]!.goals[1]!.mean, 'two')], () => true);
    expect(ms.flatMap((m) => m.samples)).toHaveLength(8);
    applyBudget(ms, 6);
    const kept = ms.flatMap((m) => m.samples);
    expect(kept).toHaveLength(6);
    expect(kept.filter((s) => s.source === 'kinematic').map((s) => s.name)).toEqual(['one', 'two']);
    // p · w: mode 0 0.35 / 0.15, mode 1 0.21 / 0.09, mode 2 0.14 / 0.06: the 0.06 and 0.09 ones go
    expect(ms.map((m) => m.samples.map((s) => s.source ?? `c${s.component}`))).toEqual([
      ['c0', 'c1', 'kinematic'],
      ['c0', 'kinematic'],
      ['c0'],
    ]);
  });

  it('drops the later of equal scores first, leaves a set within budget alone, refuses too many anchors', () => {
    // p · w: modes 0 and 1 0.28 / 0.12 each, mode 2 0.14 / 0.06
    const ms = modes([0.4, 0.4, 0.2]);
    applyBudget(ms, 5);
    expect(ms.map((m) => m.samples.map((s) => s.component))).toEqual([[0, 1], [0, 1], [0]]);
    // 0.12 against 0.12: the later one (mode 1's) goes first, then mode 0's
    applyBudget(ms, 4);
    expect(ms.map((m) => m.samples.map((s) => s.component))).toEqual([[0, 1], [0], [0]]);
    applyBudget(ms, 3);
    expect(ms.map((m) => m.samples.map((s) => s.component))).toEqual([[0], [0], [0]]);
    const same = modes();
    applyBudget(same, 6);
    expect(same).toEqual(modes());
    const many = modes();
    addAnchors(
      many,
      [0, 1, 2].map((z) => anchor(many[z]!.goals[0]!.mean, `a${z}`)),
      () => true,
    );
    expect(() => applyBudget(many, 2)).toThrow(/3 anchors exceed the budget of 2 samples \(option budget\)/);
  });
});

describe('predictPairs with the joint set', () => {
  let params: Params;
  let reqs: PairRequest[];
  beforeAll(async () => {
    await tf.setBackend('wasm');
    params = createParams(5);
    reqs = [0, 1].map((i) => {
      const scene = generateScene(91, i).scene;
      const [a, b] = interactingPair(scene)!;
      return { scene, a, b, t: 10 };
    });
  });

  it('anchors 0 gives the model own samples, exactly the pair-frame path as before', async () => {
    const o = { samplesPerMode: 2, posterior: false };
    const got = await predictPairs('pseudo', params, reqs, { ...o, anchors: 0 });
    // the same batch through features -> predictFrames -> toScene, what predictPairs did before
    const built = reqs.map((r) => buildSample(r.scene, r.a, r.b, r.t));
    const frames = await predictFrames(
      params,
      built.map((b) => b.features),
      o,
    );
    for (let k = 0; k < reqs.length; k++) {
      expect(got[k]!.modes).toEqual(toScene(built[k]!.frame, frames[k]!));
      expect(got[k]!.modes.flatMap((m) => m.samples).some((x) => 'source' in x)).toBe(false);
    }
  });

  it('adds the most probable kinematic predictions by default; eval budget leaves 6 with every anchor', async () => {
    const k = Math.max(1, JOINT_SET.anchors);
    const [r] = reqs;
    const s = buildSample(r!.scene, r!.a, r!.b, r!.t);
    const kin = kinematicPredictions(s.features).slice(0, k);
    const [open] = await predictPairs('pseudo', params, [r!], { samplesPerMode: 2, anchors: k });
    const anchors = open!.modes.flatMap((m) => m.samples).filter((x) => x.source === 'kinematic');
    expect(anchors.map((a) => a.name)).toEqual(expect.arrayContaining(kin.map((h) => h.name)));
    expect(anchors).toHaveLength(k);
    expect(open!.modes.flatMap((m) => m.samples)).toHaveLength(2 * NETWORK.modes + k);
    // an anchor is the kinematic trajectory itself, in scene coordinates
    const [scene0] = toScene(s.frame, [
      {
        mode: 0,
        probability: 1,
        goals: [],
        samples: [{ trajectory: kin[0]!.trajectory, goal: [0, 0, 0, 0] }],
      },
    ]);
    const first = anchors.find((a) => a.name === kin[0]!.name)!;
    expect(Array.from(first.a)).toEqual(Array.from(scene0!.samples[0]!.a));
    const [cut] = await predictPairs('pseudo', params, [r!], {
      samplesPerMode: 2,
      anchors: k,
      budget: JOINT_SET.budget,
    });
    const all = cut!.modes.flatMap((m) => m.samples);
    expect(all).toHaveLength(JOINT_SET.budget);
    expect(all.filter((x) => x.source === 'kinematic')).toHaveLength(k);
    await expect(predictPairs('pseudo', params, [r!], { samplesPerMode: 2, anchors: -1 })).rejects.toThrow(
      /option anchors/,
    );
  });
});
