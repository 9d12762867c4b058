// Odd scenes for the abuse tests and `npm run bench -- huge` (issue 18 item 1): six Scenes at the
// edges of what WOMD allows, each a synthetic scene (generateScene, so a real interacting pair on a
// real layout) changed in one way, encoded as genuine Scenario protos (encodeScene) by the callers:
// - tracks3000: 3,000 tracks (the synthetic ones plus parked cars on a grid beside the road);
// - map200k: 200,000 map points (extra solid white road lines, 100 points each, beside the road);
// - steps1000: 1,000 steps (100 s at 10 Hz; every track keeps moving at its last velocity, valid
//   where it was valid at the last synthetic step; signals repeat their last step);
// - nomap: zero map features and no signals;
// - invalidpair: the interacting pair (objects_of_interest) invalid at every step;
// - far: every coordinate 10^7 m from zero in x and y (the scene origin moves, the float32
//   scene-relative values stay as they were).
// The contract: each function returns a new Scene (the input is never changed), deterministic in
// (seed, index); ids are `odd-NAME`.
import {
  F,
  MapKind,
  RoadLineType,
  S_VALID,
  S_VX,
  S_VY,
  S_X,
  S_Y,
  type Scene,
  interactingPair,
} from '../scene/scene';
import { generateScene } from './index';

export const ODD_SCENES = ['tracks3000', 'map200k', 'steps1000', 'nomap', 'invalidpair', 'far'] as const;
export type OddScene = (typeof ODD_SCENES)[number];

/** The sizes (issue 18 item 1). */
export const ODD_TRACKS = 3000;
export const ODD_MAP_POINTS = 200_000;
export const ODD_STEPS = 1000;
/** Distance of the far scene from zero, metres, in x and in y. */
export const ODD_FAR_M = 1e7;
/** Points per extra road line of map200k: a long WOMD road line has about this many. */
const LINE_POINTS = 100;
/** Spacing of the parked-car grid and of the extra road lines, metres (clear of each other). */
const GRID_M = 6;

const base = (seed: number, index: number): Scene => generateScene(seed, index).scene;

/** A Scene whose track arrays are replaced (count and steps from `state`'s layout). */
function withTracks(s: Scene, ids: Int32Array, types: Uint8Array, steps: number, state: Float32Array): Scene {
  return { ...s, tracks: { count: ids.length, steps, ids, types, state } };
}

/** Far below every track and feature of the synthetic layouts (they span a few hundred metres). */
function belowScene(s: Scene): number {
  let minY = Infinity;
  for (let k = 1; k < s.map.points.length; k += 3) minY = Math.min(minY, s.map.points[k]!);
  return (Number.isFinite(minY) ? minY : 0) - 50;
}

function tracks3000(s: Scene): Scene {
  const { count: N, steps: T } = s.tracks;
  const extra = ODD_TRACKS - N;
  const ids = new Int32Array(ODD_TRACKS);
  const types = new Uint8Array(ODD_TRACKS);
  ids.set(s.tracks.ids);
  types.set(s.tracks.types);
  const state = new Float32Array(ODD_TRACKS * T * F);
  state.set(s.tracks.state);
  const y0 = belowScene(s);
  const cols = 60;
  for (let j = 0; j < extra; j++) {
    const i = N + j;
    ids[i] = 100_000 + j;
    types[i] = 1;
    for (let t = 0; t < T; t++) {
      const o = (i * T + t) * F;
      state[o + S_X] = (j % cols) * GRID_M;
      state[o + S_Y] = y0 - Math.floor(j / cols) * GRID_M;
      state[o + 3] = 4.5;
      state[o + 4] = 2;
      state[o + 5] = 1.5;
      state[o + S_VALID] = 1;
    }
  }
  return withTracks(s, ids, types, T, state);
}

function map200k(s: Scene): Scene {
  const m = s.map;
  const have = m.starts[m.count]!;
  const lines = Math.ceil((ODD_MAP_POINTS - have) / LINE_POINTS);
  const total = have + lines * LINE_POINTS;
  const count = m.count + lines;
  const points = new Float32Array(total * 3);
  points.set(m.points.subarray(0, have * 3));
  const starts = new Uint32Array(count + 1);
  starts.set(m.starts.subarray(0, m.count + 1));
  const ids = new Float64Array(count);
  ids.set(m.ids);
  const kinds = new Uint8Array(count);
  kinds.set(m.kinds);
  const subtypes = new Uint8Array(count);
  subtypes.set(m.subtypes);
  const y0 = belowScene(s);
  let p = have;
  for (let j = 0; j < lines; j++) {
    const f = m.count + j;
    ids[f] = 1_000_000 + j;
    kinds[f] = MapKind.RoadLine;
    subtypes[f] = RoadLineType.SolidSingleWhite;
    starts[f] = p;
    for (let k = 0; k < LINE_POINTS; k++, p++) {
      points[p * 3] = k * 2;
      points[p * 3 + 1] = y0 - j * GRID_M * 0.5;
    }
  }
  starts[count] = p;
  return { ...s, map: { ...m, count, ids, kinds, subtypes, starts, points } };
}

function steps1000(s: Scene): Scene {
  const { count: N, steps: T0 } = s.tracks;
  const T = ODD_STEPS;
  const state = new Float32Array(N * T * F);
  for (let i = 0; i < N; i++) {
    state.set(s.tracks.state.subarray(i * T0 * F, (i + 1) * T0 * F), i * T * F);
    const last = (i * T0 + T0 - 1) * F;
    for (let t = T0; t < T; t++) {
      const o = (i * T + t) * F;
      state.set(s.tracks.state.subarray(last, last + F), o);
      const dt = (t - (T0 - 1)) / 10;
      state[o + S_X] = s.tracks.state[last + S_X]! + s.tracks.state[last + S_VX]! * dt;
      state[o + S_Y] = s.tracks.state[last + S_Y]! + s.tracks.state[last + S_VY]! * dt;
    }
  }
  const sg = s.signals;
  const lastFrom = sg.starts[T0 - 1]!;
  const per = sg.starts[T0]! - lastFrom;
  const S = sg.starts[T0 - 1]! + per * (T - T0 + 1);
  const starts = new Uint32Array(T + 1);
  const lanes = new Float64Array(S);
  const states = new Uint8Array(S);
  const stopPoints = new Float32Array(S * 3);
  lanes.set(sg.lanes.subarray(0, lastFrom));
  states.set(sg.states.subarray(0, lastFrom));
  stopPoints.set(sg.stopPoints.subarray(0, lastFrom * 3));
  starts.set(sg.starts.subarray(0, T0));
  for (let t = T0 - 1; t < T; t++) {
    const at = lastFrom + per * (t - (T0 - 1));
    starts[t] = at;
    lanes.set(sg.lanes.subarray(lastFrom, lastFrom + per), at);
    states.set(sg.states.subarray(lastFrom, lastFrom + per), at);
    stopPoints.set(sg.stopPoints.subarray(lastFrom * 3, (lastFrom + per) * 3), at * 3);
  }
  starts[T] = S;
  const timestamps = Float64Array.from({ length: T }, (_, t) => t / 10);
  return {
    ...withTracks(s, s.tracks.ids, s.tracks.types, T, state),
    timestamps,
    signals: { starts, lanes, states, stopPoints },
  };
}

function nomap(s: Scene): Scene {
  const T = s.tracks.steps;
  return {
    ...s,
    map: {
      count: 0,
      ids: new Float64Array(0),
      kinds: new Uint8Array(0),
      subtypes: new Uint8Array(0),
      starts: new Uint32Array(1),
      points: new Float32Array(0),
      lanes: new Map(),
      stopSignLanes: new Map(),
    },
    signals: {
      starts: new Uint32Array(T + 1),
      lanes: new Float64Array(0),
      states: new Uint8Array(0),
      stopPoints: new Float32Array(0),
    },
  };
}

function invalidpair(s: Scene): Scene {
  const pair = interactingPair(s);
  if (!pair) throw new Error(`${s.id}: the synthetic scene has no pair`);
  const T = s.tracks.steps;
  const state = s.tracks.state.slice();
  for (const i of pair) for (let t = 0; t < T; t++) state.fill(0, (i * T + t) * F, (i * T + t + 1) * F);
  // the SDC must be a valid reference for the origin; the pair never is
  return withTracks(s, s.tracks.ids, s.tracks.types, T, state);
}

function far(s: Scene): Scene {
  const [x, y, z] = s.origin;
  return { ...s, origin: [x + ODD_FAR_M, y + ODD_FAR_M, z] };
}

const MAKERS: Record<OddScene, (s: Scene) => Scene> = {
  tracks3000,
  map200k,
  steps1000,
  nomap,
  invalidpair,
  far,
};

/** The odd scene `name`, built from synthetic scene (seed, index). */
export function oddScene(name: OddScene, seed = 18, index = 0): Scene {
  return { ...MAKERS[name](base(seed, index)), id: `odd-${name}` };
}
