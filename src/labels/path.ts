// A track's driven path: its valid states in order (history and future), with time, arc length
// and speed per point, plus an extension ahead of the last valid state, so an agent that stops
// short of a conflict (it yields until the scene ends) still meets it. The extension keeps the
// path's lane through the map's lane topology (lanes.ts), or where it is in no lane its last
// curvature (constant turn rate: a car in a roundabout or mid-turn goes on turning). Only
// agents still observed at the last step are extended: where one that left the scene went is
// unknown.
import { laneAhead } from './lanes';
import {
  normalizeAngle,
  type Scene,
  STEP_S,
  trackHeading,
  trackSize,
  trackSpeed,
  trackXY,
  validSteps,
} from '../scene/scene';

/**
 * How far the path is extended ahead of the last valid state, metres. A vehicle held at a stop
 * line is 3-12 m from the lanes it must cross; 20 m also reaches the far lane of a wide road.
 */
export const EXTEND_M = 20;
/** Points the extension is drawn with (2.5 m apart: chords of a 10 m radius stay within 0.1 m). */
export const EXTEND_POINTS = 8;
/** Curvature is measured over the last this many metres of travel. */
const CURVATURE_BASE_M = 3;
/** Tightest curvature kept, 1/m (a 6 m radius: the tightest urban turns). */
const MAX_CURVATURE = 1 / 6;
/** Width used when a track reports none (invalid or zero boxes in real data), metres. */
export const MIN_WIDTH_M = 0.5;

export interface TrackPath {
  track: number;
  type: number;
  /** Number of valid (observed) points. */
  n: number;
  /**
   * Points in the arrays: the n observed ones, then the extension (EXTEND_POINTS of them, of zero
   * length for an agent that left the scene); 0 for a track never observed.
   */
  m: number;
  x: Float64Array;
  y: Float64Array;
  /** Seconds from scene start (Infinity on the extension). */
  t: Float64Array;
  step: Int32Array;
  /** Arc length from the first point, metres. */
  s: Float64Array;
  heading: Float64Array;
  speed: Float64Array;
  /** Largest width / length over the valid states. */
  width: number;
  length: number;
  /** Axis-aligned bounds of all m points. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function trackPath(scene: Scene, track: number): TrackPath {
  const tr = scene.tracks;
  const valid = validSteps(tr, track);
  const n = valid.length;
  const x = new Float64Array(n + EXTEND_POINTS);
  const y = new Float64Array(n + EXTEND_POINTS);
  const time = new Float64Array(n + EXTEND_POINTS);
  const step = new Int32Array(n + EXTEND_POINTS).fill(-1);
  const s = new Float64Array(n + EXTEND_POINTS);
  const heading = new Float64Array(n + EXTEND_POINTS);
  const speed = new Float64Array(n + EXTEND_POINTS);
  const t0 = scene.timestamps[0] ?? 0;
  let width = 0;
  let length = 0;
  valid.forEach((t, k) => {
    [x[k], y[k]] = trackXY(tr, track, t);
    time[k] = (scene.timestamps[t] ?? t * STEP_S) - t0;
    step[k] = t;
    heading[k] = trackHeading(tr, track, t);
    speed[k] = trackSpeed(tr, track, t);
    s[k] = k === 0 ? 0 : s[k - 1]! + Math.hypot(x[k]! - x[k - 1]!, y[k]! - y[k - 1]!);
    const [l, w] = trackSize(tr, track, t);
    width = Math.max(width, w);
    length = Math.max(length, l);
  });
  const stays = n > 0 && step[n - 1] === tr.steps - 1;
  const m = n > 0 ? n + EXTEND_POINTS : 0;
  if (n > 0) {
    // Curvature over the last few metres driven (0 for an agent that barely moved).
    let kappa = 0;
    for (let k = n - 2; k >= 0; k--) {
      const ds = s[n - 1]! - s[k]!;
      if (ds < CURVATURE_BASE_M) continue;
      if (n - 1 - k <= 20) kappa = normalizeAngle(heading[n - 1]! - heading[k]!) / ds;
      break;
    }
    kappa = Math.max(-MAX_CURVATURE, Math.min(MAX_CURVATURE, kappa));
    const ds = stays ? EXTEND_M / EXTEND_POINTS : 0;
    const lane = new Float64Array(2 * EXTEND_POINTS);
    const onLane =
      stays && laneAhead(scene, x[n - 1]!, y[n - 1]!, heading[n - 1]!, kappa, ds, EXTEND_POINTS, lane);
    for (let k = n; k < m; k++) {
      if (onLane) {
        x[k] = lane[2 * (k - n)]!;
        y[k] = lane[2 * (k - n) + 1]!;
        heading[k] = Math.atan2(y[k]! - y[k - 1]!, x[k]! - x[k - 1]!);
      } else {
        const h = heading[k - 1]! + kappa * ds;
        x[k] = x[k - 1]! + ds * Math.cos((h + heading[k - 1]!) / 2);
        y[k] = y[k - 1]! + ds * Math.sin((h + heading[k - 1]!) / 2);
        heading[k] = h;
      }
      s[k] = s[k - 1]! + ds;
      speed[k] = speed[n - 1]!;
    }
  }
  for (let k = n; k < m; k++) time[k] = Infinity;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < m; i++) {
    x0 = Math.min(x0, x[i]!);
    y0 = Math.min(y0, y[i]!);
    x1 = Math.max(x1, x[i]!);
    y1 = Math.max(y1, y[i]!);
  }
  return {
    track,
    m,
    type: tr.types[track]!,
    n,
    x,
    y,
    t: time,
    step,
    s,
    heading,
    speed,
    width: Math.max(width, MIN_WIDTH_M),
    length,
    x0,
    y0,
    x1,
    y1,
  };
}

/** Interpolates a per-point array at fractional point index f (0..m-1). */
export function at(arr: Float64Array, f: number): number {
  const i = Math.floor(f);
  const u = f - i;
  if (u === 0 || i + 1 >= arr.length) return arr[Math.min(i, arr.length - 1)]!;
  return arr[i]! + (arr[i + 1]! - arr[i]!) * u;
}
