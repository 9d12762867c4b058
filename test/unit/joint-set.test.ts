// The CVAEs' joint set (model/joint-set.ts): an anchor whose end points sit on one mode's goal
// mean goes to that mode (Bayes over the goal mixture, in log space, finite far from every goal),
// the budget keeps exactly that many samples, every anchor, and drops the least probable
// (p(z|x) · w_c) CVAE samples; and through predictPairs: anchors 0 gives the model's own samples
// exactly as before, the default adds the kinematic anchors, named, and eval's budget leaves 6.
// The miss-aware rule (missAwareSet): on two modes of point-like goal components, where the hit sets
// are known by hand, greedy takes the component that covers most and then the one that adds most
// (not the old rule's second most probable, which the first already covers); seeded and
// deterministic; never more than the budget; anchors forced in or competing; a forced mode gets
// every goal and an anchor of another mode none; through predictPairs, decoded by the network.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURES, JOINT_SET, NETWORK } from '../../src/model/config';
import { buildSample } from '../../src/model/features';
import {
  addAnchors,
  anchorLogScores,
  applyBudget,
  assignAnchor,
  endPoints,
  missAwareSet,
  type MissAwareParams,
  type PairKinematics,
} from '../../src/model/joint-set';
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
      jointRule: 'components',
    });
    const all = cut!.modes.flatMap((m) => m.samples);
    expect(all).toHaveLength(JOINT_SET.budget);
    expect(all.filter((x) => x.source === 'kinematic')).toHaveLength(k);
    await expect(predictPairs('pseudo', params, [r!], { samplesPerMode: 2, anchors: -1 })).rejects.toThrow(
      /option anchors/,
    );
  });
});

/** Point-like goals (1 cm std): a draw lands on its component's mean, so the hit sets are exact. */
const POINT = [0.01, 0.01, 0.01, 0.01];
/** Both agents at 12 m/s heading along x: the 8 s box is 6 m along, 3 m across (missScale 1). */
const KIN: PairKinematics = { speed: [12, 12], heading: [0, 0] };
const MA: MissAwareParams = { poolDraws: 0, mcDraws: 2000, forceAnchors: false };
const all = () => true;

/**
 * Mode 0 (p 0.4): components A at 0 and B at 100 m (w 0.5 each: mass 0.2, 0.2). Mode 1 (p 0.6):
 * C 1 m from A (inside each other's box; w 0.9, mass 0.54) and D at −100 m (w 0.1, mass 0.06).
 * P(hit) of a set: {C} 0.74, {C, A} 0.74 (the old rule's top two by p · w), {C, B} 0.94, best.
 */
function twoModes(): FrameModePrediction[] {
  const g = (weight: number, x: number) => ({ weight, mean: [x, 0, x, 0], std: POINT });
  return [
    { mode: 0, probability: 0.4, goals: [g(0.5, 0), g(0.5, 100)], samples: [] },
    { mode: 1, probability: 0.6, goals: [g(0.9, 1), g(0.1, -100)], samples: [] },
  ];
}
const xs = (c: { sample: { goal: number[] } }[]) => c.map((x) => Math.round(x.sample.goal[0]!));

describe('the miss-aware joint set', () => {
  it('forces the most probable means in first, then fills the rest by coverage (forceMeans)', () => {
    // pool order by p · w: C (0.54), A (0.2, before B by mode then component), B (0.2), D (0.06)
    const kept = missAwareSet(twoModes(), [], KIN, 2, { ...MA, forceMeans: 2 }, all, 0, 0);
    expect(kept.map((c) => [c.mode, Math.round(c.sample.goal[0])])).toEqual([
      [0, 0],
      [1, 1],
    ]); // {C, A}: the components rule's own two, though {C, B} covers more
    const three = missAwareSet(twoModes(), [], KIN, 3, { ...MA, forceMeans: 2 }, all, 0, 0);
    expect(three.map((c) => [c.mode, Math.round(c.sample.goal[0])])).toEqual([
      [0, 0],
      [0, 100],
      [1, 1],
    ]); // the third by coverage: B (0.2 new) over D (0.06)
    // more forced than the budget: the budget holds
    expect(missAwareSet(twoModes(), [], KIN, 1, { ...MA, forceMeans: 3 }, all, 0, 0)).toHaveLength(1);
    expect(() => missAwareSet(twoModes(), [], KIN, 2, { ...MA, forceMeans: -1 }, all, 0, 0)).toThrow(
      /option forceMeans/,
    );
  });

  it('greedy takes the component covering most, then the one adding most (hand-computed sets)', () => {
    const one = missAwareSet(twoModes(), [], KIN, 1, MA, all, 0, 0);
    expect(one).toHaveLength(1);
    expect(one[0]!.mode).toBe(1); // C: 0.74 covered, tied with A, earlier in the pool (p · w 0.54)
    expect(xs(one)).toEqual([1]);
    const two = missAwareSet(twoModes(), [], KIN, 2, MA, all, 0, 0);
    // mode order in the result: B (mode 0), then C (mode 1); A is never taken second
    expect(two.map((c) => [c.mode, Math.round(c.sample.goal[0])])).toEqual([
      [0, 100],
      [1, 1],
    ]);
    expect(two.map((c) => c.sample.component)).toEqual([1, 0]);
    // a third adds D (0.06); the fourth covers nothing new and is the next in pool order: A
    expect(xs(missAwareSet(twoModes(), [], KIN, 3, MA, all, 0, 0)).sort((a, b) => a - b)).toEqual([
      -100, 1, 100,
    ]);
    expect(xs(missAwareSet(twoModes(), [], KIN, 4, MA, all, 0, 0)).sort((a, b) => a - b)).toEqual([
      -100, 0, 1, 100,
    ]);
    // every CVAE goal is left for the decoder: no trajectory yet
    for (const c of two) expect(c.sample.trajectory).toHaveLength(0);
  });

  it('is deterministic for a seed and stream, and a new stream draws anew', () => {
    const wide = () =>
      modes().map((m) => ({ ...m, samples: [], goals: m.goals.map((g) => ({ ...g, std: [4, 4, 4, 4] })) }));
    const p = { poolDraws: 6, mcDraws: 300, forceAnchors: false };
    const a = missAwareSet(wide(), [], KIN, 6, p, all, 7, 3);
    const b = missAwareSet(wide(), [], KIN, 6, p, all, 7, 3);
    expect(b).toEqual(a);
    const c = missAwareSet(wide(), [], KIN, 6, p, all, 7, 4);
    expect(c.map((x) => x.sample.goal)).not.toEqual(a.map((x) => x.sample.goal));
  });

  it('stdScale scales every draw about its mean: the same normals, the spread times the scale', () => {
    const wide = () =>
      modes().map((m) => ({ ...m, samples: [], goals: m.goals.map((g) => ({ ...g, std: [4, 4, 4, 4] })) }));
    // pure greedy (nothing forced), the same seed: the draws use the same normals, so a chosen draw's
    // offset from its mean is the unscaled one times the scale wherever both runs pick the same draw
    const p = { poolDraws: 6, mcDraws: 300, forceAnchors: false };
    const spread = (sc: number) => {
      const got = missAwareSet(wide(), [], KIN, 6, { ...p, stdScale: sc }, all, 7, 3);
      const ms = wide();
      return got.map((c) => {
        const g = ms[c.mode]!.goals[c.sample.component!]!;
        return Math.hypot(...c.sample.goal.map((v, d) => v - g.mean[d]!));
      });
    };
    const one = spread(1);
    const half = spread(0.5);
    expect(Math.max(...half)).toBeLessThan(Math.max(...one));
    expect(Math.max(...half)).toBeGreaterThan(0);
    expect(() => missAwareSet(modes(), [], KIN, 6, { ...p, stdScale: 0 }, all, 0, 0)).toThrow(
      /option stdScale/,
    );
    expect(() => missAwareSet(modes(), [], KIN, 6, { ...p, stdScale: NaN }, all, 0, 0)).toThrow(
      /option stdScale/,
    );
  });

  it('modeTemperature flattens the modes the set covers: above 1 the least probable mode gets goals', () => {
    // one mode holds 96% of the prior: at T = 1 the greedy spends most of the budget on it, at T = 20
    // the modes weigh 0.39 / 0.30 / 0.30 and the least probable modes get more
    const p = { poolDraws: 4, mcDraws: 600, forceAnchors: false };
    const perMode = (T: number) => {
      const got = missAwareSet(
        modes([0.96, 0.02, 0.02]),
        [],
        KIN,
        6,
        { ...p, modeTemperature: T },
        all,
        7,
        3,
      );
      return [0, 1, 2].map((z) => got.filter((c) => c.mode === z).length);
    };
    const cold = perMode(1);
    const warm = perMode(20);
    expect(cold[0]).toBeGreaterThanOrEqual(4);
    expect(warm[1]! + warm[2]!).toBeGreaterThan(cold[1]! + cold[2]!);
    expect(warm[0]).toBeLessThan(cold[0]!);
    for (const bad of [0, -1, NaN, Infinity])
      expect(() => missAwareSet(modes(), [], KIN, 6, { ...p, modeTemperature: bad }, all, 0, 0)).toThrow(
        /option modeTemperature must be a finite number > 0/,
      );
  });

  it('never gives more than the budget, nor more than the pool holds; refuses bad options', () => {
    const p = { poolDraws: 3, mcDraws: 100, forceAnchors: true };
    const far = anchor([500, 500, 500, 500], 'far');
    for (let budget = 1; budget <= 8; budget++) {
      const got = missAwareSet(modes(), [far], KIN, budget, p, all, 1, 0);
      expect(got.length).toBe(budget); // pool: 6 means + 1 anchor + 18 draws
    }
    // a pool of 4 means (poolDraws 0, no anchor) gives 4 whatever the budget
    expect(missAwareSet(twoModes(), [], KIN, 6, MA, all, 0, 0)).toHaveLength(4);
    expect(() => missAwareSet(modes(), [], KIN, 0, p, all, 0, 0)).toThrow(/option budget/);
    expect(() => missAwareSet(modes(), [], KIN, 6, { ...p, mcDraws: 0 }, all, 0, 0)).toThrow(
      /option mcDraws/,
    );
    expect(() => missAwareSet(modes(), [], KIN, 6, { ...p, poolDraws: 1.5 }, all, 0, 0)).toThrow(
      /option poolDraws/,
    );
  });

  it('a forced anchor is in the set whatever it covers; an unforced one only when it adds most', () => {
    // an anchor far from every goal covers no draw: in only when forced
    const far = anchor([500, 0, 500, 0], 'far');
    const free = missAwareSet(twoModes(), [far], KIN, 2, MA, all, 0, 0);
    expect(free.some((c) => c.sample.source === 'kinematic')).toBe(false);
    const forced = missAwareSet(twoModes(), [far], KIN, 2, { ...MA, forceAnchors: true }, all, 0, 0);
    const a = forced.filter((c) => c.sample.source === 'kinematic');
    expect(a).toHaveLength(1);
    expect(a[0]!.sample.name).toBe('far');
    expect(a[0]!.sample.trajectory).toBe(far.trajectory); // the kinematic trajectory, not decoded
    expect(forced.filter((c) => !c.sample.source).map((c) => Math.round(c.sample.goal[0]))).toEqual([1]); // C
    // an anchor on B's goal ties B; the means come earlier in the pool, so B is taken
    const onB = anchor([100, 0, 100, 0], 'on B');
    const tie = missAwareSet(twoModes(), [onB], KIN, 2, MA, all, 0, 0);
    expect(tie.map((c) => c.sample.name ?? Math.round(c.sample.goal[0]))).toEqual([100, 1]);
    // an anchor between two goals 10 m apart (each 5 m off: inside its 6 m box) covers both, 0.5,
    // more than any mean (0.45): taken first, unforced
    const g = (weight: number, x: number) => ({ weight, mean: [x, 0, x, 0], std: POINT });
    const split: FrameModePrediction[] = [
      { mode: 0, probability: 0.5, goals: [g(0.5, 97), g(0.5, 107)], samples: [] },
      { mode: 1, probability: 0.5, goals: [g(0.9, 0), g(0.1, -100)], samples: [] },
    ];
    const between = anchor([102, 0, 102, 0], 'between');
    const got = missAwareSet(split, [between], KIN, 2, MA, all, 0, 0);
    expect(got.map((c) => c.sample.name ?? Math.round(c.sample.goal[0]))).toEqual(['between', 0]);
    // within a mode the CVAE goals come first, then its anchors
    const three = missAwareSet(twoModes(), [onB], KIN, 4, { ...MA, forceAnchors: true }, all, 0, 0);
    const m0 = three.filter((c) => c.mode === 0);
    expect(m0[m0.length - 1]!.sample.source).toBe('kinematic');
  });

  it('a forced mode gets every goal, drawn from its own mixture; an anchor of another mode is left out', () => {
    const onC = anchor([1, 0, 1, 0], 'on C'); // mode 1's
    const only0 = (z: number) => z === 0;
    const got = missAwareSet(twoModes(), [onC], KIN, 2, { ...MA, forceAnchors: true }, only0, 0, 0);
    expect(got.every((c) => c.mode === 0)).toBe(true);
    expect(got.some((c) => c.sample.source)).toBe(false);
    expect(xs(got).sort((a, b) => a - b)).toEqual([0, 100]);
  });
});

describe('predictPairs with the miss-aware joint set', () => {
  let params: Params;
  let reqs: PairRequest[];
  beforeAll(async () => {
    await tf.setBackend('wasm');
    params = createParams(5);
    reqs = [0, 1, 2].map((i) => {
      const scene = generateScene(91, i).scene;
      const [a, b] = interactingPair(scene)!;
      return { scene, a, b, t: 10 };
    });
  });

  it('gives at most the budget, each CVAE goal decoded by its mode, the same answer twice', async () => {
    const o = {
      samplesPerMode: 2,
      posterior: false,
      anchors: 1,
      budget: JOINT_SET.budget,
      jointRule: 'miss-aware' as const,
      missAware: { poolDraws: 4, mcDraws: 200, forceAnchors: false, forceMeans: 0 },
    };
    const got = await predictPairs('pseudo', params, reqs, o);
    for (const r of got) {
      const samples = r.modes.flatMap((m) => m.samples);
      expect(samples.length).toBeLessThanOrEqual(JOINT_SET.budget);
      expect(samples.length).toBeGreaterThan(0);
      for (const s of samples) {
        expect(s.a).toHaveLength(2 * FUT);
        expect(s.a.every(Number.isFinite)).toBe(true);
      }
    }
    expect(await predictPairs('pseudo', params, reqs, o)).toEqual(got);
    // the components rule is still there, in the same call shape
    const old = await predictPairs('pseudo', params, reqs, { ...o, jointRule: 'components' });
    for (const r of old) expect(r.modes.flatMap((m) => m.samples)).toHaveLength(JOINT_SET.budget);
    // the same batch through features -> predictFrames with missAwareSet choosing -> toScene: each
    // chosen goal decoded by its own mode's decoder, the anchors' kinematic trajectories kept
    const built = reqs.map((r) => buildSample(r.scene, r.a, r.b, r.t));
    const frames = await predictFrames(
      params,
      built.map((b) => b.features),
      {
        samplesPerMode: 0,
        selectGoals: (k, ms) =>
          missAwareSet(
            ms,
            kinematicPredictions(built[k]!.features).slice(0, 1),
            { speed: built[k]!.frame.speed, heading: built[k]!.frame.localHeading },
            JOINT_SET.budget,
            o.missAware,
            all,
            0,
            k,
          ),
      },
    );
    for (let k = 0; k < reqs.length; k++) expect(got[k]!.modes).toEqual(toScene(built[k]!.frame, frames[k]!));
  });
});
