// Builds the columnar Scene from world coordinates (float64). The WOMD decoder and the synthetic
// generator both go through here, so a Scene has one origin rule wherever it comes from.
import { F, type LaneInfo, type MapKind, type Scene, S_HEADING, S_VALID, S_X, S_Y, S_Z } from './scene';

/** One object state in world coordinates; every field defaults to 0 as in the proto. */
export interface StateInput {
  x?: number;
  y?: number;
  z?: number;
  length?: number;
  width?: number;
  height?: number;
  heading?: number;
  vx?: number;
  vy?: number;
  valid?: boolean;
}

export interface TrackInput {
  id: number;
  type: number;
  states: StateInput[];
}

export interface FeatureInput {
  id: number;
  kind: MapKind;
  /** Lane, road line or road edge type. */
  subtype?: number;
  /** World points; a stop sign has one, its position. */
  points: { x: number; y: number; z?: number }[];
  lane?: LaneInfo;
  stopSignLanes?: number[];
}

export interface SignalInput {
  lane: number;
  state: number;
  stop: { x: number; y: number; z?: number };
}

export interface SceneInput {
  id: string;
  /** Scene.sourceName: the scenario's name in its dataset, when the format carries one. */
  sourceName?: string;
  timestamps: ArrayLike<number>;
  currentIndex: number;
  sdc: number;
  objectsOfInterest: ArrayLike<number>;
  tracksToPredict: { trackIndex: number; difficulty: number }[];
  tracks: TrackInput[];
  features: FeatureInput[];
  /** One list per step. */
  signals: SignalInput[][];
}

/**
 * The origin is the reference position snapped down to a 100 m grid. Snapping makes the rule a
 * fixed point: re-deriving it from the float32-relative positions of a written scene gives the
 * same origin, so write-then-read reproduces the Scene exactly.
 */
export const ORIGIN_GRID_M = 100;

function snap(v: number): number {
  return Math.floor(v / ORIGIN_GRID_M) * ORIGIN_GRID_M;
}

/** Reference: the SDC at the current step, else the first valid state, else the first map point. */
function originOf(input: SceneInput): [number, number, number] {
  const pick = (s: StateInput | undefined): s is StateInput => !!s && !!s.valid;
  const sdcState = input.tracks[input.sdc]?.states[input.currentIndex];
  let ref: { x?: number; y?: number; z?: number } | undefined = pick(sdcState) ? sdcState : undefined;
  for (let i = 0; !ref && i < input.tracks.length; i++) ref = input.tracks[i]!.states.find(pick);
  for (let i = 0; !ref && i < input.features.length; i++) ref = input.features[i]!.points[0];
  if (!ref) return [0, 0, 0];
  return [snap(ref.x ?? 0), snap(ref.y ?? 0), snap(ref.z ?? 0)];
}

export function buildScene(input: SceneInput): Scene {
  const origin = originOf(input);
  const [ox, oy, oz] = origin;
  const T = input.timestamps.length;
  const N = input.tracks.length;
  const ids = new Int32Array(N);
  const types = new Uint8Array(N);
  const state = new Float32Array(N * T * F);
  for (let i = 0; i < N; i++) {
    const tr = input.tracks[i]!;
    ids[i] = tr.id;
    types[i] = tr.type;
    const n = Math.min(T, tr.states.length);
    for (let t = 0; t < n; t++) {
      const s = tr.states[t]!;
      const o = (i * T + t) * F;
      state[o + S_X] = (s.x ?? 0) - ox;
      state[o + S_Y] = (s.y ?? 0) - oy;
      state[o + S_Z] = (s.z ?? 0) - oz;
      state[o + 3] = s.length ?? 0;
      state[o + 4] = s.width ?? 0;
      state[o + 5] = s.height ?? 0;
      state[o + S_HEADING] = s.heading ?? 0;
      state[o + 7] = s.vx ?? 0;
      state[o + 8] = s.vy ?? 0;
      state[o + S_VALID] = s.valid ? 1 : 0;
    }
  }

  const M = input.features.length;
  const fids = new Float64Array(M);
  const kinds = new Uint8Array(M);
  const subtypes = new Uint8Array(M);
  const starts = new Uint32Array(M + 1);
  let total = 0;
  for (let i = 0; i < M; i++) total += input.features[i]!.points.length;
  const points = new Float32Array(total * 3);
  const lanes = new Map<number, LaneInfo>();
  const stopSignLanes = new Map<number, number[]>();
  let p = 0;
  for (let i = 0; i < M; i++) {
    const f = input.features[i]!;
    fids[i] = f.id;
    kinds[i] = f.kind;
    subtypes[i] = f.subtype ?? 0;
    starts[i] = p;
    for (const pt of f.points) {
      points[p * 3] = pt.x - ox;
      points[p * 3 + 1] = pt.y - oy;
      points[p * 3 + 2] = (pt.z ?? 0) - oz;
      p++;
    }
    if (f.lane) lanes.set(i, f.lane);
    if (f.stopSignLanes) stopSignLanes.set(i, f.stopSignLanes);
  }
  starts[M] = p;

  const sigStarts = new Uint32Array(T + 1);
  let S = 0;
  for (let t = 0; t < T; t++) S += input.signals[t]?.length ?? 0;
  const sigLanes = new Float64Array(S);
  const sigStates = new Uint8Array(S);
  const stopPoints = new Float32Array(S * 3);
  let k = 0;
  for (let t = 0; t < T; t++) {
    sigStarts[t] = k;
    for (const s of input.signals[t] ?? []) {
      sigLanes[k] = s.lane;
      sigStates[k] = s.state;
      stopPoints[k * 3] = s.stop.x - ox;
      stopPoints[k * 3 + 1] = s.stop.y - oy;
      stopPoints[k * 3 + 2] = (s.stop.z ?? 0) - oz;
      k++;
    }
  }
  sigStarts[T] = k;

  return {
    id: input.id,
    // Only when given, so scenes from formats without a name keep exactly the same shape.
    ...(input.sourceName !== undefined ? { sourceName: input.sourceName } : {}),
    origin,
    timestamps: Float64Array.from(input.timestamps),
    currentIndex: input.currentIndex,
    sdc: input.sdc,
    objectsOfInterest: Int32Array.from(input.objectsOfInterest),
    tracksToPredict: {
      trackIndex: Int32Array.from(input.tracksToPredict.map((r) => r.trackIndex)),
      difficulty: Uint8Array.from(input.tracksToPredict.map((r) => r.difficulty)),
    },
    tracks: { count: N, steps: T, ids, types, state },
    map: { count: M, ids: fids, kinds, subtypes, starts, points, lanes, stopSignLanes },
    signals: { starts: sigStarts, lanes: sigLanes, states: sigStates, stopPoints },
  };
}
