// mAP and soft mAP with the WOMD definitions, and ClassifyTrack, on hand-made cases whose answers
// are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  classifyStates,
  classifyTrack,
  FUTURE_STEPS,
  HORIZONS,
  jointTrajectoryType,
  MapAccumulator,
  meanAveragePrecision,
  scoreScene,
  TRAJECTORY_TYPES,
  type ClassifyState,
  type JointTruth,
  type ScoredJoint,
  type TrajectoryType,
} from '../../src/metrics';
import { F, S_HEADING, S_VALID, S_VX, S_VY, S_X, S_Y, type Tracks } from '../../src/scene/scene';

const [H3, , H8] = HORIZONS;

/** Agent A along x at 10 m/s, agent B along y from (0, -30) at 5 m/s (as in metrics.test.ts). */
function joint(shift: [number, number, number, number] = [0, 0, 0, 0]): Float32Array {
  const t = new Float32Array(4 * FUTURE_STEPS);
  for (let k = 0; k < FUTURE_STEPS; k++) {
    const s = 0.1 * (k + 1);
    t[k * 2] = 10 * s + shift[0];
    t[k * 2 + 1] = shift[1];
    t[(FUTURE_STEPS + k) * 2] = shift[2];
    t[(FUTURE_STEPS + k) * 2 + 1] = -30 + 5 * s + shift[3];
  }
  return t;
}

const truth: JointTruth = {
  future: joint(),
  mask: new Float32Array(2 * FUTURE_STEPS).fill(1),
  speed: [10, 5],
  heading: [0, Math.PI / 2],
};
const HIT = joint();
/** 20 m off along A's path: a miss at every horizon. */
const MISS = joint([20, 0, 0, 0]);
const p = (traj: Float32Array, confidence: number): ScoredJoint => ({ traj, confidence });

/** mAP at 8 s of scenes given as [predictions, type]. */
function map8(scenes: [ScoredJoint[], TrajectoryType][]) {
  const acc = new MapAccumulator();
  scenes.forEach(([preds, type], i) => acc.add(`s${i}`, preds, truth, type));
  return acc.result()[2]!;
}

describe('average precision (reference P/R curve and interpolation)', () => {
  it('matches the reference tests: 0.65, and 1/3 with equal confidences (false positives first)', () => {
    // motion_metrics_test.cc ComputeMeanAveragePrecision: ranked T T F F T F against 4 truths:
    // precision 1 1 2/3 1/2 3/5 1/2, recall .25 .5 .5 .5 .75 .75; interpolated: .25 + .25 + .25 * 3/5.
    const s = (confidence: number, tp: boolean) => ({ confidence, tp });
    expect(
      averagePrecision(
        [s(0.3, true), s(0.7, true), s(0.4, false), s(0.8, true), s(0.5, false), s(0.2, false)],
        4,
      ),
    ).toBeCloseTo(0.65, 10);
    // ...EqualConfidences: 0.8 T, then the 0.5 ties ranked F F F T T: 1/6 * 1 + 2/6 * 1/2.
    expect(
      averagePrecision(
        [s(0.8, true), s(0.5, false), s(0.5, true), s(0.5, true), s(0.5, false), s(0.5, false)],
        6,
      ),
    ).toBeCloseTo(1 / 3, 10);
  });

  it('is 0 without samples', () => {
    expect(averagePrecision([], 3)).toBe(0);
  });
});

describe('mAP and soft mAP (WOMD interactive)', () => {
  it('one scene, one perfect prediction: 1 and 1', () => {
    const r = map8([[[p(HIT, 1)], 'STRAIGHT']]);
    expect(r).toMatchObject({ mAP: 1, softMAP: 1, scenes: 1 });
    expect(r.byType).toEqual({ STRAIGHT: { scenes: 1, ap: 1, softAP: 1 } });
  });

  it('a confident miss ranked above a hit: the AP worked out by hand', () => {
    // One scene: 0.8 miss, 0.5 hit: precision 0, 1/2 at recall 0, 1: AP 1/2 (the reference's
    // TwoJointPredictionsNoMiss gives 0.5 for this too).
    expect(map8([[[p(MISS, 0.8), p(HIT, 0.5)], 'STRAIGHT']]).mAP).toBeCloseTo(0.5, 10);
    // Two scenes: A = 0.9 miss, 0.1 hit; B = 0.6 hit. Ranked F(0.9) T(0.6) T(0.1): precision
    // 0, 1/2, 2/3 at recall 0, 1/2, 1; interpolated 2/3 everywhere: AP 2/3.
    const r = map8([
      [[p(MISS, 0.9), p(HIT, 0.1)], 'STRAIGHT'],
      [[p(HIT, 0.6)], 'STRAIGHT'],
    ]);
    expect(r.mAP).toBeCloseTo(2 / 3, 10);
    expect(r.softMAP).toBeCloseTo(2 / 3, 10);
  });

  it('two hits in one scene: mAP counts the second as a false positive, soft mAP ignores it', () => {
    // A = 0.9 hit, 0.8 hit; B = 0.5 hit. mAP ranks T F T: precision 1, 1/2, 2/3 at recall 1/2,
    // 1/2, 1: AP 1/2 + 1/2 * 2/3 = 5/6. Soft drops A's second hit: T T: AP 1.
    const r = map8([
      [[p(HIT, 0.9), p(HIT, 0.8)], 'STRAIGHT'],
      [[p(HIT, 0.5)], 'STRAIGHT'],
    ]);
    expect(r.mAP).toBeCloseTo(5 / 6, 10);
    expect(r.softMAP).toBe(1);
    expect(r.mAP).toBeLessThan(r.softMAP);
  });

  it('soft mAP still counts a miss as a false positive', () => {
    const rec = scoreScene('x', [p(HIT, 0.9), p(MISS, 0.5), p(HIT, 0.4)], truth, 'STRAIGHT', H8!)!;
    expect(rec.samples.map((s) => s.tp)).toEqual([true, false, false]);
    expect(rec.softSamples.map((s) => s.tp)).toEqual([true, false]);
  });

  it('ranks by confidence, not by the order given, and keeps only the first six predictions', () => {
    const rec = scoreScene('x', [p(MISS, 0.1), p(HIT, 0.7), p(MISS, 0.3)], truth, 'STRAIGHT', H8!)!;
    expect(rec.samples).toEqual([
      { confidence: 0.7, tp: true },
      { confidence: 0.3, tp: false },
      { confidence: 0.1, tp: false },
    ]);
    // A seventh prediction, however confident, is not looked at.
    const seven = [...Array.from({ length: 6 }, (_, i) => p(MISS, 0.1 + i * 0.01)), p(HIT, 0.99)];
    expect(scoreScene('y', seven, truth, 'STRAIGHT', H8!)!.samples.some((s) => s.tp)).toBe(false);
  });

  it('averages over the types that have scenes; an empty type does not count', () => {
    // STRAIGHT: AP 1; LEFT_TURN: a miss only, AP 0. Six empty types are left out: mAP 1/2, not 1/8.
    const r = map8([
      [[p(HIT, 0.9)], 'STRAIGHT'],
      [[p(MISS, 0.9)], 'LEFT_TURN'],
    ]);
    expect(r.mAP).toBeCloseTo(0.5, 10);
    expect(Object.keys(r.byType).sort()).toEqual(['LEFT_TURN', 'STRAIGHT']);
    expect(r.byType.LEFT_TURN).toEqual({ scenes: 1, ap: 0, softAP: 0 });
  });

  it('no scored scene: the reference 0, with scenes = 0 to tell it apart', () => {
    expect(meanAveragePrecision([])).toEqual({ mAP: 0, softMAP: 0, scenes: 0, byType: {} });
    // No type (unclassifiable pair) and an unknown end point are not scored.
    const acc = new MapAccumulator();
    acc.add('untyped', [p(HIT, 1)], truth, null);
    const blind = { ...truth, mask: new Float32Array(2 * FUTURE_STEPS).fill(1) };
    blind.mask[FUTURE_STEPS + 79] = 0;
    acc.add('blind', [p(HIT, 1)], blind, 'STRAIGHT');
    const [r3, , r8] = acc.result();
    expect(r8).toMatchObject({ seconds: 8, mAP: 0, scenes: 0 });
    expect(r3).toMatchObject({ seconds: 3, mAP: 1, scenes: 1 });
  });

  it('is per horizon: 2.5 m along the path misses at 3 s and hits at 8 s', () => {
    // A at 10 m/s scales the thresholds by 0.5 + 0.5 * 8.6 / 9.6 = 0.948: longitudinal 1.90 m at
    // 3 s, 5.69 m at 8 s.
    const shifted = joint([2.5, 0, 0, 0]);
    expect(scoreScene('x', [p(shifted, 1)], truth, 'STRAIGHT', H3!)!.samples[0]!.tp).toBe(false);
    expect(scoreScene('x', [p(shifted, 1)], truth, 'STRAIGHT', H8!)!.samples[0]!.tp).toBe(true);
  });

  it('refuses the same scene twice', () => {
    const acc = new MapAccumulator();
    acc.add('a', [p(HIT, 1)], truth, 'STRAIGHT');
    expect(() => acc.add('a', [p(HIT, 1)], truth, 'STRAIGHT')).toThrow(/twice/);
  });
});

const st = (x: number, y: number, heading: number, speed: number): ClassifyState => ({
  x,
  y,
  heading,
  vx: speed * Math.cos(heading),
  vy: speed * Math.sin(heading),
});
const START = st(0, 0, 0, 10);

describe('ClassifyTrack (motion_metrics_utils.cc thresholds)', () => {
  it('gives each bucket for a hand-made start and end', () => {
    const cases: [ClassifyState, ClassifyState, TrajectoryType][] = [
      // max speed 1.5 < 2 m/s and 2.9 m < 3 m
      [st(0, 0, 0, 1.5), st(2.9, 0, 0, 1), 'STATIONARY'],
      // same heading, 0.5 m to the side (< 2.5 m)
      [START, st(60, 0.5, 0.1, 10), 'STRAIGHT'],
      // same heading, 3.5 m to the left / right: a lane change
      [START, st(60, 3.5, 0, 10), 'STRAIGHT_LEFT'],
      [START, st(60, -3.5, 0, 10), 'STRAIGHT_RIGHT'],
      // a quarter turn ending ahead (dx > 0) to the left / right
      [START, st(20, 20, Math.PI / 2, 8), 'LEFT_TURN'],
      [START, st(20, -20, -Math.PI / 2, 8), 'RIGHT_TURN'],
      // turned around and ended behind the start (dx < 0)
      [START, st(-5, 12, Math.PI, 6), 'LEFT_U_TURN'],
      [START, st(-5, -12, Math.PI, 6), 'RIGHT_U_TURN'],
    ];
    for (const [start, end, type] of cases) {
      expect(classifyStates(start, end), type).toBe(type);
      // The same manoeuvre in any direction: rotate both states about the origin.
      for (const a of [0.52, -1, 2.9]) {
        const rot = (s: ClassifyState): ClassifyState => ({
          x: s.x * Math.cos(a) - s.y * Math.sin(a),
          y: s.x * Math.sin(a) + s.y * Math.cos(a),
          heading: s.heading + a,
          vx: s.vx * Math.cos(a) - s.vy * Math.sin(a),
          vy: s.vx * Math.sin(a) + s.vy * Math.cos(a),
        });
        expect(classifyStates(rot(start), rot(end)), `${type} rotated ${a}`).toBe(type);
      }
    }
  });

  it('uses the thresholds strictly: 3 m, 2 m/s, 2.5 m, pi/6 and dx = 0 go the other way', () => {
    expect(classifyStates(st(0, 0, 0, 1), st(3, 0, 0, 1))).toBe('STRAIGHT');
    expect(classifyStates(st(0, 0, 0, 2), st(1, 0, 0, 1))).toBe('STRAIGHT');
    expect(classifyStates(START, st(60, 2.5, 0, 10))).toBe('STRAIGHT_LEFT');
    expect(classifyStates(START, st(30, 10, Math.PI / 6, 10))).toBe('LEFT_TURN');
    expect(classifyStates(START, st(0, 10, Math.PI, 10))).toBe('LEFT_TURN');
  });

  it('wraps the heading difference: pi - 0.1 to -pi + 0.1 is straight', () => {
    const h = Math.PI - 0.1;
    expect(classifyStates(st(0, 0, h, 10), st(50 * Math.cos(h), 50 * Math.sin(h), -Math.PI + 0.1, 10))).toBe(
      'STRAIGHT',
    );
  });

  it('reads a real track from the current step to its last valid state, null without one', () => {
    const steps = 91;
    const tracks: Tracks = {
      count: 1,
      steps,
      ids: new Int32Array([7]),
      types: new Uint8Array([1]),
      state: new Float32Array(steps * F),
    };
    // A left quarter circle of radius 20 m from step 10 to step 60, then invalid.
    for (let s = 0; s <= 60; s++) {
      const th = (Math.PI / 2) * Math.max(0, (s - 10) / 50);
      const o = s * F;
      tracks.state[o + S_X] = 20 * Math.sin(th);
      tracks.state[o + S_Y] = 20 * (1 - Math.cos(th));
      tracks.state[o + S_HEADING] = th;
      tracks.state[o + S_VX] = 5 * Math.cos(th);
      tracks.state[o + S_VY] = 5 * Math.sin(th);
      tracks.state[o + S_VALID] = 1;
    }
    expect(classifyTrack(tracks, 0, 10)).toBe('LEFT_TURN');
    // From step 60 nothing later is valid; an invalid current state gives nothing either.
    expect(classifyTrack(tracks, 0, 60)).toBeNull();
    expect(classifyTrack(tracks, 0, 70)).toBeNull();
  });
});

describe('joint bucket (GetTrajectoryTypePriority)', () => {
  it('takes the agent of higher priority, skips an unclassified one, and bins RIGHT_U_TURN with RIGHT_TURN', () => {
    expect(jointTrajectoryType(['STATIONARY', 'STRAIGHT'])).toBe('STRAIGHT');
    expect(jointTrajectoryType(['LEFT_TURN', 'RIGHT_TURN'])).toBe('LEFT_TURN');
    expect(jointTrajectoryType(['STRAIGHT_LEFT', 'STRAIGHT_RIGHT'])).toBe('STRAIGHT_LEFT');
    expect(jointTrajectoryType([null, 'STATIONARY'])).toBe('STATIONARY');
    expect(jointTrajectoryType(['LEFT_U_TURN', 'RIGHT_U_TURN'])).toBe('RIGHT_TURN');
    expect(jointTrajectoryType([null, null])).toBeNull();
    expect(TRAJECTORY_TYPES).toHaveLength(8);
  });
});
