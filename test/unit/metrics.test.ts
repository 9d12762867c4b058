// Joint metrics with the WOMD interactive definitions, on hand-built trajectories.
import { describe, expect, it } from 'vitest';
import {
  entropy,
  FUTURE_STEPS,
  HORIZONS,
  isMiss,
  minDisplacement,
  missScale,
  mutualInformation,
  overlaps,
  type JointTruth,
} from '../../src/metrics';
import { S_HEADING, S_LENGTH, S_VALID, S_WIDTH, stateOffset } from '../../src/scene/scene';
import { fixtureScene } from '../fixtures/scenes';

const [H3, , H8] = HORIZONS;

/** Straight lines: agent A along x at speed vA, agent B along y from (0, -30) at vB. */
function joint(vA: number, vB: number, shift: [number, number, number, number] = [0, 0, 0, 0]): Float32Array {
  const t = new Float32Array(4 * FUTURE_STEPS);
  for (let k = 0; k < FUTURE_STEPS; k++) {
    const s = 0.1 * (k + 1);
    t[k * 2] = vA * s + shift[0];
    t[k * 2 + 1] = shift[1];
    t[(FUTURE_STEPS + k) * 2] = shift[2];
    t[(FUTURE_STEPS + k) * 2 + 1] = -30 + vB * s + shift[3];
  }
  return t;
}

function truth(vA = 10, vB = 5): JointTruth {
  return {
    future: joint(vA, vB),
    mask: new Float32Array(2 * FUTURE_STEPS).fill(1),
    speed: [vA, vB],
    heading: [0, Math.PI / 2],
  };
}

describe('displacement', () => {
  it('averages over both agents and takes the best joint prediction', () => {
    const good = joint(10, 5, [1, 0, 0, 0]); // A 1 m ahead all along, B exact
    const bad = joint(10, 5, [0, 4, 0, 4]);
    const d = minDisplacement([bad, good], truth(), H8!)!;
    expect(d.minADE).toBeCloseTo(0.5, 5);
    expect(d.minFDE).toBeCloseTo(0.5, 5);
  });

  it('is undefined when an end point is unknown', () => {
    const t = truth();
    t.mask[FUTURE_STEPS + 79] = 0;
    expect(minDisplacement([joint(10, 5)], t, H8!)).toBeNull();
    expect(minDisplacement([joint(10, 5)], t, H3!)).not.toBeNull();
  });
});

describe('miss rate (WOMD definition)', () => {
  it('scales thresholds with speed: 0.5 below 1.4 m/s, 1 above 11 m/s, linear between', () => {
    expect(missScale(0)).toBe(0.5);
    expect(missScale(1.39)).toBe(0.5);
    expect(missScale(11.01)).toBe(1);
    expect(missScale(6.2)).toBeCloseTo(0.75, 5);
  });

  it('hits just inside the longitudinal and lateral thresholds in each agent frame, misses just outside', () => {
    // A at 12 m/s: scale 1, 8 s thresholds lon 6 / lat 3 along x / y
    expect(isMiss([joint(12, 12, [5.9, 0, 0, 0])], truth(12, 12), H8!)).toBe(false);
    expect(isMiss([joint(12, 12, [6.1, 0, 0, 0])], truth(12, 12), H8!)).toBe(true);
    expect(isMiss([joint(12, 12, [0, 2.9, 0, 0])], truth(12, 12), H8!)).toBe(false);
    expect(isMiss([joint(12, 12, [0, 3.1, 0, 0])], truth(12, 12), H8!)).toBe(true);
    // B heads along +y: its longitudinal axis is y, so 5.9 m in y hits and 3.1 m in x misses
    expect(isMiss([joint(12, 12, [0, 0, 0, 5.9])], truth(12, 12), H8!)).toBe(false);
    expect(isMiss([joint(12, 12, [0, 0, 3.1, 0])], truth(12, 12), H8!)).toBe(true);
    // slow agents get half the thresholds
    expect(isMiss([joint(1, 1, [2.9, 0, 0, 0])], truth(1, 1), H8!)).toBe(false);
    expect(isMiss([joint(1, 1, [3.1, 0, 0, 0])], truth(1, 1), H8!)).toBe(true);
    // one joint prediction that hits is enough
    expect(isMiss([joint(12, 12, [9, 0, 0, 0]), joint(12, 12)], truth(12, 12), H8!)).toBe(false);
  });
});

describe('overlap', () => {
  it('flags a prediction that drives one agent of the pair into the other, not one that keeps apart', () => {
    // the pair alone (other agents may be anywhere in the fixture): A heading along x, B along y,
    // both 4.5 x 2 m at step 10; trajectories are scene coordinates
    const base = fixtureScene(1);
    const scene = { ...base, tracks: { ...base.tracks, count: 2, state: base.tracks.state.slice() } };
    [0, Math.PI / 2].forEach((heading, i) => {
      const o = stateOffset(scene.tracks, i, 10);
      scene.tracks.state[o + S_LENGTH] = 4.5;
      scene.tracks.state[o + S_WIDTH] = 2;
      scene.tracks.state[o + S_HEADING] = heading;
      scene.tracks.state[o + S_VALID] = 1;
    });
    // both reach (20, 0) around step 39 when B runs along y from -20
    const collide = joint(5, 5, [0, 0, 20, 10]);
    const apart = joint(5, 5, [0, 0, 200, 10]);
    expect(overlaps(scene, 0, 1, 10, collide)).toBe(true);
    expect(overlaps(scene, 0, 1, 10, apart)).toBe(false);
  });
});

describe('information', () => {
  it('mutual information is H(label) for a perfect code and 0 for an independent one', () => {
    expect(
      mutualInformation([
        [10, 0, 0],
        [0, 10, 0],
        [0, 0, 10],
      ]),
    ).toBeCloseTo(Math.log2(3), 6);
    expect(
      mutualInformation([
        [5, 5, 5],
        [5, 5, 5],
        [0, 0, 0],
      ]),
    ).toBeCloseTo(0, 9);
    expect(entropy([10, 10])).toBeCloseTo(1, 9);
  });
});
