// The kinematic baseline (model/kinematic.ts): a steady straight agent's most probable prediction is
// constant velocity, a turning one keeps turning, a braking one brakes first, always 6 joint
// predictions (deterministic, distinct, probabilities summing to 1), an agent never reverses, and
// missing history falls back by name. Then through predictPairs, the registry and the palette.
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/model/config';
import { AGENT_DIM, AGENTS, STEP_DIM, emptyFeatures, type Features } from '../../src/model/features';
import {
  ACCELERATE_MPS2,
  agentKinematics,
  BRAKE_MPS2,
  JOINT_PREDICTIONS,
  kinematicPredictions,
  MAX_TURN_RAD,
  rollout,
} from '../../src/model/kinematic';
import { constantVelocity } from '../../src/model/predict';
import { predictPairs } from '../../src/model/predictors';
import { getPredictor, isBaseline, modeName, SHIPPED_IDS } from '../../src/model/registry';
import { KINEMATIC_COLORS, modeColor } from '../../src/app/palette';
import { interactingPair } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';

const { history: H, future: FUT, scaleM: SCALE } = FEATURES;
const DT = 0.1;

/** An agent's history: state at time tau (s, 0 = t, negative = past), or null where invalid. */
type History = (tau: number) => { x: number; y: number; heading: number; speed: number } | null;

function features(a: History, b: History): Features {
  const f = emptyFeatures();
  f.agents.fill(0);
  f.agentMask.fill(0);
  [a, b].forEach((hist, ag) => {
    f.agentMask[ag] = 1;
    for (let h = 0; h < H; h++) {
      const s = hist((h - (H - 1)) * DT);
      if (!s) continue;
      const o = ag * AGENT_DIM + h * STEP_DIM;
      f.agents[o] = s.x / SCALE;
      f.agents[o + 1] = s.y / SCALE;
      f.agents[o + 2] = Math.cos(s.heading);
      f.agents[o + 3] = Math.sin(s.heading);
      f.agents[o + 4] = (s.speed * Math.cos(s.heading)) / SCALE;
      f.agents[o + 5] = (s.speed * Math.sin(s.heading)) / SCALE;
      f.agents[o + 6] = 1;
    }
  });
  expect(f.agents.length).toBe(AGENTS * AGENT_DIM);
  return f;
}

/** Constant speed `v` and yaw rate `w` (and acceleration `acc`), at (x0, y0) heading h0 at t. */
const motion =
  (x0: number, y0: number, h0: number, v: number, w = 0, acc = 0): History =>
  (tau) => ({
    x: x0 + v * tau * Math.cos(h0),
    y: y0 + v * tau * Math.sin(h0),
    heading: h0 + w * tau,
    speed: v + acc * tau,
  });

const point = (tr: Float32Array, ag: number, k: number): [number, number] => [
  tr[(ag * FUT + k) * 2]!,
  tr[(ag * FUT + k) * 2 + 1]!,
];

describe('the kinematic baseline', () => {
  it('gives a straight steady agent constant velocity as its most probable prediction', () => {
    const f = features(motion(0, 0, 0, 10), motion(20, -20, Math.PI / 2, 8));
    const ps = kinematicPredictions(f);
    expect(ps[0]!.name).toBe('A keeps · B keeps');
    const cv = constantVelocity(f);
    for (let i = 0; i < cv.length; i++) expect(ps[0]!.trajectory[i]).toBeCloseTo(cv[i]!, 4);
    // the others vary the speed first: braking and accelerating are likelier than an unseen turn
    // (equal weights: the lower (A, B) hypothesis index first, A's keep before its accelerate)
    expect(ps.map((p) => p.name)).toEqual([
      'A keeps · B keeps',
      'A keeps · B accelerates',
      'A accelerates · B keeps',
      'A accelerates · B accelerates',
      'A keeps · B brakes',
      'A brakes · B keeps',
    ]);
  });

  it('keeps a turning agent turning, up to a quarter turn', () => {
    const w = 0.2;
    const f = features(motion(0, 0, 0, 8, w), motion(30, 5, Math.PI, 6));
    const k = agentKinematics(f, 0);
    expect(k.yawRate).toBeCloseTo(w, 6);
    const top = kinematicPredictions(f)[0]!;
    expect(top.a.lateral).toBe('keeps');
    expect(top.a.yawRate).toBeCloseTo(w, 6);
    const [x1, y1] = point(top.trajectory, 0, FUT - 2);
    const [x2, y2] = point(top.trajectory, 0, FUT - 1);
    // 0.2 rad/s for 8 s would be 1.6 rad: the heading stops at MAX_TURN (a left turn: y grows)
    expect(Math.atan2(y2 - y1, x2 - x1)).toBeCloseTo(MAX_TURN_RAD, 2);
    expect(y2).toBeGreaterThan(20);
    // constant velocity goes straight on
    expect(Math.abs(point(constantVelocity(f), 0, FUT - 1)[1]!)).toBeLessThan(1e-3);
  });

  it('ranks a braking hypothesis first for a braking agent, and it stops rather than reverse', () => {
    const f = features(motion(0, 0, 0, 9, 0, -3), motion(15, -15, Math.PI / 2, 7));
    expect(agentKinematics(f, 0).accel).toBeCloseTo(-3, 6);
    const ps = kinematicPredictions(f);
    expect(ps[0]!.a.longitudinal).toBe('brakes');
    expect(ps[0]!.a.accel).toBe(-BRAKE_MPS2);
    const tr = ps[0]!.trajectory;
    // 9 m/s at 2.5 m/s² stops after 3.6 s, 16.2 m on
    expect(point(tr, 0, FUT - 1)[0]).toBeCloseTo((9 * 9) / (2 * BRAKE_MPS2), 3);
    for (let k = 1; k < FUT; k++) expect(point(tr, 0, k)[0]).toBeGreaterThanOrEqual(point(tr, 0, k - 1)[0]!);
  });

  it('never gives a negative speed: every step moves forward or stands', () => {
    const k = agentKinematics(features(motion(0, 0, 0, 3, 0.1), motion(5, 5, 0, 0)), 0);
    for (const accel of [-BRAKE_MPS2, -8, 0, ACCELERATE_MPS2]) {
      const tr = rollout(k, accel, 0);
      let prev = [k.x, k.y];
      let prevStep = Infinity;
      for (let i = 0; i < FUT; i++) {
        const p = [tr[i * 2]!, tr[i * 2 + 1]!];
        const step = Math.hypot(p[0]! - prev[0]!, p[1]! - prev[1]!);
        // forward along the heading (the x axis here), never back
        expect(p[0]! - prev[0]!).toBeGreaterThanOrEqual(-1e-9);
        if (accel < 0) expect(step).toBeLessThanOrEqual(prevStep + 1e-9);
        prev = p;
        prevStep = step;
      }
    }
  });

  it('always gives 6 distinct joint predictions, most probable first, the same every time', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 40; n++) {
      const hist = (): History => {
        const [x, y, h, v, w, acc] = [
          rnd() * 40 - 20,
          rnd() * 40 - 20,
          rnd() * 6 - 3,
          rnd() * 15,
          rnd() - 0.5,
          rnd() * 6 - 3,
        ];
        const gap = rnd() < 0.3;
        return (tau) =>
          gap && tau < 0 && Math.round(tau * 10) % 3 === 0 ? null : motion(x, y, h, v, w, acc)(tau);
      };
      const f = features(hist(), hist());
      const ps = kinematicPredictions(f);
      expect(ps).toHaveLength(JOINT_PREDICTIONS);
      expect(ps.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 9);
      for (let i = 1; i < ps.length; i++)
        expect(ps[i]!.probability).toBeLessThanOrEqual(ps[i - 1]!.probability);
      expect(new Set(ps.map((p) => p.name)).size).toBe(JOINT_PREDICTIONS);
      for (let i = 0; i < ps.length; i++)
        for (let j = i + 1; j < ps.length; j++) {
          let d = 0;
          for (let k = 0; k < ps[i]!.trajectory.length; k++)
            d = Math.max(d, Math.abs(ps[i]!.trajectory[k]! - ps[j]!.trajectory[k]!));
          expect(d).toBeGreaterThan(0.05);
        }
      const again = kinematicPredictions(f);
      expect(again.map((p) => [p.name, p.probability])).toEqual(ps.map((p) => [p.name, p.probability]));
      expect(again.map((p) => Array.from(p.trajectory))).toEqual(ps.map((p) => Array.from(p.trajectory)));
      for (const p of ps) expect(p.trajectory.every(Number.isFinite)).toBe(true);
    }
  });

  it('falls back by name where the history is missing or the agent stands', () => {
    // A: only its current state; B: stopped
    const f = features(
      (tau) => (tau < 0 ? null : { x: 0, y: 0, heading: 0, speed: 6 }),
      motion(10, 10, 1, 0),
    );
    const a = agentKinematics(f, 0);
    expect(a.validStates).toBe(1);
    expect(a.fallbacks).toEqual(['no accel fit', 'no yaw fit']);
    expect([a.accel, a.yawRate]).toEqual([0, 0]);
    const b = agentKinematics(f, 1);
    expect(b.fallbacks).toEqual(['box heading', 'no yaw fit']);
    expect(b.heading).toBeCloseTo(1, 6);
    const ps = kinematicPredictions(f);
    expect(ps).toHaveLength(6);
    const cv = constantVelocity(f);
    for (let i = 0; i < cv.length; i++) expect(ps[0]!.trajectory[i]).toBeCloseTo(cv[i]!, 4);
    // a standing agent's brake and turns in place are its keep: merged, so never two equal futures
    expect(ps.filter((p) => p.b.longitudinal === 'brakes')).toHaveLength(0);
    // and an agent whose current velocity is missing from the features altogether still predicts
    const none = features(() => null, motion(10, 10, 1, 5));
    expect(kinematicPredictions(none)).toHaveLength(6);
  });
});

describe('the kinematic baseline in the app and eval', () => {
  it('is a shipped baseline: no weights, plain modes named by their hypotheses, 6 distinct colours', () => {
    expect(SHIPPED_IDS).toContain('kinematic');
    const p = getPredictor('kinematic');
    expect(p.weights).toBeNull();
    expect(p.modesMeanLabels).toBe(false);
    expect(isBaseline('kinematic')).toBe(true);
    expect(isBaseline('pseudo')).toBe(false);
    expect(modeName('kinematic', 2)).toBe('hypothesis 3');
    expect(modeName('kinematic', 2, 'A brakes · B keeps')).toBe('A brakes · B keeps');
    const colours = [...Array(6).keys()].map((k) => modeColor('kinematic', k).join());
    expect(new Set(colours).size).toBe(6);
    expect(KINEMATIC_COLORS).toHaveLength(6);
  });

  it('runs through predictPairs: 6 modes in scene coordinates, one sample each', async () => {
    const scene = generateScene(77, 0).scene;
    const [a, b] = interactingPair(scene)!;
    const [r] = await predictPairs('kinematic', null, [{ scene, a, b, t: 10 }], { samplesPerMode: 2 });
    expect(r!.modes).toHaveLength(6);
    expect(r!.posterior).toBeNull();
    expect(r!.prior.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 6);
    expect(r!.modes.map((m) => m.mode)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const m of r!.modes) {
      expect(m.samples).toHaveLength(1);
      expect(m.samples[0]!.a).toHaveLength(2 * FUT);
      expect(m.label).toMatch(/^A \w+.* · B \w+/);
    }
    const [cv] = await predictPairs('constant_velocity', null, [{ scene, a, b, t: 10 }], {
      samplesPerMode: 1,
    });
    // the nominal hypothesis starts where constant velocity does
    expect(r!.modes[0]!.samples[0]!.a[0]).toBeCloseTo(cv!.modes[0]!.samples[0]!.a[0]!, 0);
  });
});
