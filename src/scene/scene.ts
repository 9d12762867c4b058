// The in-memory Scene (DESIGN.md section 4): columnar typed arrays that go to the GPU and to
// tfjs without copies. Positions are float32 relative to a float64 origin, because WOMD
// coordinates can sit thousands of metres from zero where float32 loses centimetres.

/** WOMD Track.ObjectType values. */
export const ObjectType = {
  Unset: 0,
  Vehicle: 1,
  Pedestrian: 2,
  Cyclist: 3,
  Other: 4,
} as const;
export type ObjectType = (typeof ObjectType)[keyof typeof ObjectType];
export const OBJECT_TYPE_NAMES = ['unset', 'vehicle', 'pedestrian', 'cyclist', 'other'] as const;

/** Per-state fields, in the order they are stored in `Tracks.state` (stride F). */
export const STATE_FIELDS = [
  'x',
  'y',
  'z',
  'length',
  'width',
  'height',
  'heading',
  'vx',
  'vy',
  'valid',
] as const;
export const F = STATE_FIELDS.length;
export const S_X = 0;
export const S_Y = 1;
export const S_Z = 2;
export const S_LENGTH = 3;
export const S_WIDTH = 4;
export const S_HEIGHT = 5;
export const S_HEADING = 6;
export const S_VX = 7;
export const S_VY = 8;
export const S_VALID = 9;

/**
 * The one time base: WOMD scenario steps are 10 Hz (91 steps = 9.1 s; step 10 is the current
 * time). STEP_S is exactly the double 0.1, so `x * STEP_S` is bit-for-bit `x * 0.1`; `x / STEP_HZ`
 * is `x / 10`. The two round differently in the last bit: code that multiplied by 0.1 uses
 * STEP_S, code that divided by 10 uses STEP_HZ, so results stay the same.
 */
export const STEP_HZ = 10;
/** Seconds per step. */
export const STEP_S = 1 / STEP_HZ;

export interface Tracks {
  /** Number of tracks N. */
  count: number;
  /** Number of steps T (91 in WOMD). */
  steps: number;
  ids: Int32Array;
  types: Uint8Array;
  /** N*T*F: state of track i at step t starts at (i*T + t)*F. x, y, z relative to Scene.origin. */
  state: Float32Array;
}

/** Map feature kinds, in the order of the MapFeature oneof. */
export const MapKind = {
  Lane: 0,
  RoadLine: 1,
  RoadEdge: 2,
  StopSign: 3,
  Crosswalk: 4,
  SpeedBump: 5,
  Driveway: 6,
} as const;
export type MapKind = (typeof MapKind)[keyof typeof MapKind];
export const MAP_KIND_NAMES = [
  'lane',
  'road_line',
  'road_edge',
  'stop_sign',
  'crosswalk',
  'speed_bump',
  'driveway',
] as const;

/** LaneCenter.type */
export const LaneType = { Undefined: 0, Freeway: 1, SurfaceStreet: 2, BikeLane: 3 } as const;
/** RoadLine.type */
export const RoadLineType = {
  Unknown: 0,
  BrokenSingleWhite: 1,
  SolidSingleWhite: 2,
  SolidDoubleWhite: 3,
  BrokenSingleYellow: 4,
  BrokenDoubleYellow: 5,
  SolidSingleYellow: 6,
  SolidDoubleYellow: 7,
  PassingDoubleYellow: 8,
} as const;
/** RoadEdge.type */
export const RoadEdgeType = { Unknown: 0, Boundary: 1, Median: 2 } as const;
/** TrafficSignalLaneState.state */
export const SignalState = {
  Unknown: 0,
  ArrowStop: 1,
  ArrowCaution: 2,
  ArrowGo: 3,
  Stop: 4,
  Caution: 5,
  Go: 6,
  FlashingStop: 7,
  FlashingCaution: 8,
} as const;
export const SIGNAL_STATE_NAMES = [
  'unknown',
  'arrow_stop',
  'arrow_caution',
  'arrow_go',
  'stop',
  'caution',
  'go',
  'flashing_stop',
  'flashing_caution',
] as const;

export interface BoundarySegment {
  laneStartIndex: number;
  laneEndIndex: number;
  boundaryFeatureId: number;
  /** A RoadLineType value. */
  boundaryType: number;
}

export interface LaneNeighbor {
  featureId: number;
  selfStartIndex: number;
  selfEndIndex: number;
  neighborStartIndex: number;
  neighborEndIndex: number;
  boundaries: BoundarySegment[];
}

/** The lane topology that does not fit the flat polyline columns. */
export interface LaneInfo {
  speedLimitMph: number;
  interpolating: boolean;
  entryLanes: number[];
  exitLanes: number[];
  leftBoundaries: BoundarySegment[];
  rightBoundaries: BoundarySegment[];
  leftNeighbors: LaneNeighbor[];
  rightNeighbors: LaneNeighbor[];
}

/** A lane without topology (no speed limit, neighbours or boundaries), as real JSON lanes come. */
export const emptyLane = (): LaneInfo => ({
  speedLimitMph: 0,
  interpolating: false,
  entryLanes: [],
  exitLanes: [],
  leftBoundaries: [],
  rightBoundaries: [],
  leftNeighbors: [],
  rightNeighbors: [],
});

export interface SceneMap {
  /** Number of features M. */
  count: number;
  /** Feature ids (WOMD int64; real ids fit in 2^53). */
  ids: Float64Array;
  kinds: Uint8Array;
  /** Lane type, road line type or road edge type; 0 for the other kinds. */
  subtypes: Uint8Array;
  /** M+1 offsets into points (in points, not floats). A stop sign has one point, its position. */
  starts: Uint32Array;
  /** x, y, z per point (stride 3), relative to Scene.origin. Polygons are not closed. */
  points: Float32Array;
  /** Keyed by feature index, for lanes. */
  lanes: Map<number, LaneInfo>;
  /** Keyed by feature index, for stop signs: the lane ids they control. */
  stopSignLanes: Map<number, number[]>;
}

/** Traffic signal lane states, flattened over steps. */
export interface Signals {
  /** steps+1 offsets into the arrays below. */
  starts: Uint32Array;
  lanes: Float64Array;
  states: Uint8Array;
  /** Stop point x, y, z (stride 3), relative to Scene.origin. */
  stopPoints: Float32Array;
}

export interface Scene {
  id: string;
  /**
   * The scenario's name in the dataset it came from (GPUDrive JSON `name`, e.g.
   * tfrecord-00997-of-01000_183.json), when the format carries one; the real benchmark reads the
   * WOMD split from it. A Scenario proto has no such field, so it does not survive encodeScene.
   */
  sourceName?: string;
  /** float64 world position that all x, y, z are relative to. */
  origin: [number, number, number];
  timestamps: Float64Array;
  currentIndex: number;
  /** Index of the self-driving car's track, -1 when none. */
  sdc: number;
  /** Track IDs (not indices) of the objects of interest. */
  objectsOfInterest: Int32Array;
  /** Track indices to predict and their difficulty (0 none, 1 level 1, 2 level 2). */
  tracksToPredict: { trackIndex: Int32Array; difficulty: Uint8Array };
  tracks: Tracks;
  map: SceneMap;
  signals: Signals;
}

/** Offset of a state in Tracks.state. */
export function stateOffset(tracks: Tracks, track: number, step: number): number {
  return (track * tracks.steps + step) * F;
}

// Named reads of one track at one step (Waymax's Trajectory fields, over the columnar state).
// For code that looks at one agent at a time; loops over every state of the scene (GPU buffers,
// interpolation) index Tracks.state directly.

export function isValid(tracks: Tracks, track: number, step: number): boolean {
  return tracks.state[stateOffset(tracks, track, step) + S_VALID] !== 0;
}

/** Position x, y (scene-relative metres) of a track at a step. */
export function trackXY(tracks: Tracks, track: number, step: number): [x: number, y: number] {
  const o = stateOffset(tracks, track, step);
  return [tracks.state[o + S_X]!, tracks.state[o + S_Y]!];
}

/** Heading (radians, as stored: real WOMD values can fall slightly outside [-pi, pi)). */
export function trackHeading(tracks: Tracks, track: number, step: number): number {
  return tracks.state[stateOffset(tracks, track, step) + S_HEADING]!;
}

/** Velocity vx, vy (m/s). */
export function trackVelocity(tracks: Tracks, track: number, step: number): [vx: number, vy: number] {
  const o = stateOffset(tracks, track, step);
  return [tracks.state[o + S_VX]!, tracks.state[o + S_VY]!];
}

/** Speed (m/s): the length of the velocity. */
export function trackSpeed(tracks: Tracks, track: number, step: number): number {
  const o = stateOffset(tracks, track, step);
  return Math.hypot(tracks.state[o + S_VX]!, tracks.state[o + S_VY]!);
}

/** Box length and width (metres). */
export function trackSize(tracks: Tracks, track: number, step: number): [length: number, width: number] {
  const o = stateOffset(tracks, track, step);
  return [tracks.state[o + S_LENGTH]!, tracks.state[o + S_WIDTH]!];
}

/** All fields of one state, by name. */
export interface TrackState {
  x: number;
  y: number;
  z: number;
  length: number;
  width: number;
  height: number;
  heading: number;
  vx: number;
  vy: number;
  valid: boolean;
}

/** One state as a named object (it is also a geometry Box: x, y, length, width, heading). */
export function trackState(tracks: Tracks, track: number, step: number): TrackState {
  const o = stateOffset(tracks, track, step);
  const st = tracks.state;
  return {
    x: st[o + S_X]!,
    y: st[o + S_Y]!,
    z: st[o + S_Z]!,
    length: st[o + S_LENGTH]!,
    width: st[o + S_WIDTH]!,
    height: st[o + S_HEIGHT]!,
    heading: st[o + S_HEADING]!,
    vx: st[o + S_VX]!,
    vy: st[o + S_VY]!,
    valid: st[o + S_VALID] !== 0,
  };
}

/** The steps at which a track is valid, in order. */
export function validSteps(tracks: Tracks, track: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < tracks.steps; t++) if (isValid(tracks, track, t)) out.push(t);
  return out;
}

/** Wrap an angle to [-pi, pi): real WOMD headings fall slightly outside. */
export function normalizeAngle(a: number): number {
  if (a >= -Math.PI && a < Math.PI) return a;
  const twoPi = 2 * Math.PI;
  let r = (a + Math.PI) % twoPi;
  if (r < 0) r += twoPi;
  return r - Math.PI;
}

/** WOMD split of a GPUDrive `name` (tfrecord-00997-of-01000_183.json), from its shard count. */
export type WomdSplit = 'training' | 'validation' | 'testing' | 'unknown';

/**
 * The WOMD split a scenario came from, read from its GPUDrive `name`: training has 1000 shards
 * (`-of-01000`), validation and testing 150 each (`-of-00150`). The two cannot be told apart by
 * name; a testing scene holds history only (11 steps), so pass the scene's step count to tell
 * them apart (without it, `-of-00150` reads as validation, as the README counts them). Anything
 * else is 'unknown'.
 */
export function womdSplitOf(name: string, steps?: number): WomdSplit {
  const m = /-of-(\d{5})(?!\d)/.exec(name);
  if (m?.[1] === '01000') return 'training';
  if (m?.[1] === '00150')
    return steps !== undefined && steps <= HISTORY_ONLY_STEPS ? 'testing' : 'validation';
  return 'unknown';
}

/** Steps of a history-only (WOMD testing split) scene: 10 past + the current one. */
export const HISTORY_ONLY_STEPS = 11;

/** Track index of a track ID, or -1. */
export function trackIndexOf(scene: Scene, id: number): number {
  return scene.tracks.ids.indexOf(id);
}

/**
 * The interacting pair as track indices: objects_of_interest when it names two tracks present
 * in the scene, else the first two tracks_to_predict (real scenes often have no objects of
 * interest, DESIGN.md section 5), else null.
 */
export function interactingPair(scene: Scene): [number, number] | null {
  if (scene.objectsOfInterest.length >= 2) {
    const a = trackIndexOf(scene, scene.objectsOfInterest[0]!);
    const b = trackIndexOf(scene, scene.objectsOfInterest[1]!);
    if (a >= 0 && b >= 0 && a !== b) return [a, b];
  }
  const ttp = scene.tracksToPredict.trackIndex;
  if (ttp.length >= 2) return [ttp[0]!, ttp[1]!];
  return null;
}

/** Whether the pair came from objects_of_interest (true) or the tracks_to_predict fallback. */
export function pairIsMarked(scene: Scene): boolean {
  const p = interactingPair(scene);
  return (
    p !== null && scene.objectsOfInterest.length >= 2 && scene.tracks.ids[p[0]] === scene.objectsOfInterest[0]
  );
}

/** Points of map feature i as a subarray view (stride 3). */
export function featurePoints(map: SceneMap, i: number): Float32Array {
  return map.points.subarray(map.starts[i]! * 3, map.starts[i + 1]! * 3);
}
