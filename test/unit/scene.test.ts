// The named track accessors and the time base of src/scene/scene.ts, against the raw columns.
import { describe, expect, it } from 'vitest';
import { HORIZONS } from '../../src/metrics';
import {
  F,
  isValid,
  STATE_FIELDS,
  STEP_HZ,
  STEP_S,
  stateOffset,
  trackHeading,
  trackSize,
  trackSpeed,
  trackState,
  trackVelocity,
  trackXY,
  validSteps,
} from '../../src/scene/scene';
import { fixtureScene } from '../fixtures/scenes';

describe('time base', () => {
  it('is 10 Hz, and STEP_S is the double 0.1 (x * STEP_S is x * 0.1 bit for bit)', () => {
    expect(STEP_HZ).toBe(10);
    expect(STEP_S).toBe(0.1);
  });

  it('the metric horizons count STEP_HZ steps per second', () => {
    for (const h of HORIZONS) expect(h.steps).toBe(h.seconds * STEP_HZ);
  });
});

describe('track accessors', () => {
  const tr = fixtureScene().tracks;

  it('read the same values as the strided columns', () => {
    for (let i = 0; i < tr.count; i++)
      for (let t = 0; t < tr.steps; t += 7) {
        const o = stateOffset(tr, i, t);
        const raw = Object.fromEntries(STATE_FIELDS.map((name, k) => [name, tr.state[o + k]!]));
        expect(trackXY(tr, i, t)).toEqual([raw.x, raw.y]);
        expect(trackHeading(tr, i, t)).toBe(raw.heading);
        expect(trackVelocity(tr, i, t)).toEqual([raw.vx, raw.vy]);
        expect(trackSpeed(tr, i, t)).toBe(Math.hypot(raw.vx!, raw.vy!));
        expect(trackSize(tr, i, t)).toEqual([raw.length, raw.width]);
        expect(trackState(tr, i, t)).toEqual({ ...raw, valid: raw.valid !== 0 });
        expect(isValid(tr, i, t)).toBe(raw.valid !== 0);
      }
    expect(F).toBe(STATE_FIELDS.length);
  });

  it('validSteps lists the valid steps in order', () => {
    // the fixture's last agent appears at step 20
    expect(validSteps(tr, 5)).toEqual(Array.from({ length: tr.steps - 20 }, (_, k) => 20 + k));
    expect(validSteps(tr, 0)).toHaveLength(tr.steps);
  });
});
