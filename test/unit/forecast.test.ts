// labels/forecast.ts: the pseudo labeller run on a predicted future agrees with the labeller on the
// real one when the "prediction" is the real future, and sees nothing of the scene after step t.
import { describe, expect, it } from 'vitest';
import { labelPairDetail } from '../../src/labels';
import { FORECAST_STEPS, labelFuture, sceneWithFuture } from '../../src/labels/forecast';
import { F, interactingPair, isValid, trackXY, type Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';

/** A track's real states after t as a predicted future (NaN where it is not tracked). */
function realFuture(s: Scene, k: number, t: number): Float32Array {
  const f = new Float32Array(2 * FORECAST_STEPS);
  for (let j = 0; j < FORECAST_STEPS; j++) {
    const step = t + 1 + j;
    const [x, y] =
      step < s.tracks.steps && isValid(s.tracks, k, step) ? trackXY(s.tracks, k, step) : [NaN, NaN];
    f[2 * j] = x;
    f[2 * j + 1] = y;
  }
  return f;
}

describe('labelFuture', () => {
  it('gives the pair its own label when the predicted future is the real one (60 synthetic scenes)', () => {
    const labels = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const s = generateScene(5, i).scene;
      const [a, b] = interactingPair(s)!;
      const want = labelPairDetail(s, a, b);
      const got = labelFuture(s, a, b, 10, realFuture(s, a, 10), realFuture(s, b, 10));
      expect(got.label, `${s.id}: ${want.reason} / ${got.reason}`).toBe(want.label);
      labels.add(got.label);
    }
    expect(labels.size).toBe(3); // every label occurs: the check is not vacuous
  });

  it('reads nothing after step t: later signals, later states of other tracks', () => {
    const s = generateScene(5, 3).scene;
    const [a, b] = interactingPair(s)!;
    const fa = realFuture(s, a, 10);
    const fb = realFuture(s, b, 10);
    const seen = sceneWithFuture(s, a, b, 10, fa, fb);
    // signals after t are the ones at t
    const at10 = [...seen.signals.states.subarray(seen.signals.starts[10]!, seen.signals.starts[11]!)];
    for (let step = 11; step < seen.tracks.steps; step++)
      expect([
        ...seen.signals.states.subarray(seen.signals.starts[step]!, seen.signals.starts[step + 1]!),
      ]).toEqual(at10);
    // scrambling the scene after t (every state, every signal) changes nothing
    const scrambled: Scene = {
      ...s,
      tracks: {
        ...s.tracks,
        state: s.tracks.state.map((v, i) => (Math.floor(i / F) % s.tracks.steps > 10 ? v + 37 : v)),
      },
      signals: {
        ...s.signals,
        states: s.signals.states.map((v, i) => (i >= s.signals.starts[11]! ? (v + 1) % 9 : v)),
      },
    };
    expect(labelFuture(scrambled, a, b, 10, fa, fb)).toEqual(labelFuture(s, a, b, 10, fa, fb));
    expect(seen.tracks.count).toBe(2);
  });

  it('names the scene and agent when a future has the wrong length', () => {
    const s = generateScene(5, 0).scene;
    const [a, b] = interactingPair(s)!;
    expect(() => labelFuture(s, a, b, 10, new Float32Array(10), realFuture(s, b, 10))).toThrow(
      /synth-5-0: agent A's future has 5 points, expected 80/,
    );
  });
});
