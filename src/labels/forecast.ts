// The pseudo labels of a predicted future (issue 14: do a model's modes mean what they say on real
// scenes; issue 16 runs the same on any model's predictions). Contract:
//  - `labelFuture(scene, a, b, t, futA, futB)` is labelPair (labels/index.ts) on the scene as it
//    would be if tracks a and b followed the given 8 s futures after step t: their states up to t
//    are the scene's, the 80 predicted points (10 Hz, scene-relative, the layout of ModePrediction
//    samples) are the states after t, with speed and heading from the points themselves.
//  - Nothing after t leaks in: only the pair's tracks are kept (the labeller reads no other track),
//    and the traffic signals after t are held at their state at t (a red light at t stays red).
//    The map is the scene's (the labeller extends a path along its lane, labels/path.ts).
//  - A NaN point ends that agent's future there (the rest invalid), as a missing state would.
// Pure; no tfjs. Costs one labelPaths on a two-track scene: about a millisecond.
import { F, S_HEADING, S_VALID, S_VX, S_VY, S_X, S_Y, STEP_S, stateOffset, type Scene } from '../scene/scene';
import { HEADING_SPEED, labelPaths, trackPath, type PairDetail } from './index';

/** Steps of a predicted future (8 s at 10 Hz: the models' horizon). */
export const FORECAST_STEPS = 80;

/** The scene seen from step t with the pair's futures replaced by futA / futB (80 points each, x, y interleaved). */
export function sceneWithFuture(
  scene: Scene,
  a: number,
  b: number,
  t: number,
  futA: Float32Array,
  futB: Float32Array,
): Scene {
  const src = scene.tracks;
  if (t < 0 || t >= src.steps)
    throw new RangeError(`labelFuture: step ${t} is not in scene ${scene.id} (0..${src.steps - 1})`);
  for (const [name, fut] of [
    ['A', futA],
    ['B', futB],
  ] as const)
    if (fut.length !== 2 * FORECAST_STEPS)
      throw new RangeError(
        `labelFuture: scene ${scene.id}: agent ${name}'s future has ${fut.length / 2} points, expected ${FORECAST_STEPS}`,
      );
  const steps = t + 1 + FORECAST_STEPS;
  const state = new Float32Array(2 * steps * F);
  const tracks = {
    count: 2,
    steps,
    ids: Int32Array.of(src.ids[a]!, src.ids[b]!),
    types: Uint8Array.of(src.types[a]!, src.types[b]!),
    state,
  };
  [
    [a, futA],
    [b, futB],
  ].forEach(([track, fut], k) => {
    const f = fut as Float32Array;
    state.set(
      src.state.subarray(stateOffset(src, track as number, 0), stateOffset(src, track as number, t + 1)),
      k * steps * F,
    );
    const now = stateOffset(tracks, k, t);
    let [px, py, heading] = [state[now + S_X]!, state[now + S_Y]!, state[now + S_HEADING]!];
    let ended = state[now + S_VALID] === 0;
    for (let j = 0; j < FORECAST_STEPS; j++) {
      const o = stateOffset(tracks, k, t + 1 + j);
      const [x, y] = [f[2 * j]!, f[2 * j + 1]!];
      ended ||= !Number.isFinite(x) || !Number.isFinite(y);
      if (ended) continue; // state stays all zero: invalid
      state.set(state.subarray(now, now + F), o); // size and z as at t
      const [vx, vy] = [(x - px) / STEP_S, (y - py) / STEP_S];
      if (Math.hypot(vx, vy) > HEADING_SPEED) heading = Math.atan2(vy, vx);
      state[o + S_X] = x;
      state[o + S_Y] = y;
      state[o + S_VX] = vx;
      state[o + S_VY] = vy;
      state[o + S_HEADING] = heading;
      state[o + S_VALID] = 1;
      [px, py] = [x, y];
    }
  });
  const timestamps = new Float64Array(steps);
  for (let s = 0; s < steps; s++)
    timestamps[s] =
      s <= t && s < scene.timestamps.length
        ? scene.timestamps[s]!
        : (scene.timestamps[t] ?? t * STEP_S) + (s - t) * STEP_S;
  // signals: the scene's up to t, then its states at t held
  const sg = scene.signals;
  const have = sg.starts.length - 1;
  const at = (s: number) => Math.min(s, t, have - 1);
  const counts = Array.from({ length: steps }, (_, s) =>
    have > 0 ? sg.starts[at(s) + 1]! - sg.starts[at(s)]! : 0,
  );
  const starts = new Uint32Array(steps + 1);
  for (let s = 0; s < steps; s++) starts[s + 1] = starts[s]! + counts[s]!;
  const lanes = new Float64Array(starts[steps]!);
  const states = new Uint8Array(starts[steps]!);
  const stopPoints = new Float32Array(3 * starts[steps]!);
  for (let s = 0; s < steps; s++) {
    if (counts[s] === 0) continue;
    const from = sg.starts[at(s)]!;
    lanes.set(sg.lanes.subarray(from, from + counts[s]!), starts[s]!);
    states.set(sg.states.subarray(from, from + counts[s]!), starts[s]!);
    stopPoints.set(sg.stopPoints.subarray(3 * from, 3 * (from + counts[s]!)), 3 * starts[s]!);
  }
  return {
    ...scene,
    timestamps,
    tracks,
    objectsOfInterest: Int32Array.from(tracks.ids),
    tracksToPredict: { trackIndex: Int32Array.of(0, 1), difficulty: Uint8Array.of(0, 0) },
    sdc: -1,
    signals: { starts, lanes, states, stopPoints },
  };
}

/** The pseudo label (with its reason) of the pair if it followed futA / futB after step t; see the header. */
export function labelFuture(
  scene: Scene,
  a: number,
  b: number,
  t: number,
  futA: Float32Array,
  futB: Float32Array,
): PairDetail {
  const s = sceneWithFuture(scene, a, b, t, futA, futB);
  return labelPaths(s, trackPath(s, 0), trackPath(s, 1));
}
