// Where an agent goes next by the map: from its last pose, along the lane it is in and on through
// the lane topology (exit lanes), so that an agent that stops at an entry line meets the traffic
// it waits for where its lane actually goes (into a roundabout, round a turn), not straight on.
import { featurePoints, MapKind, normalizeAngle, type Scene } from '../scene/scene';

/** An agent is in a lane when the lane centre is within this of its position, metres (half a wide lane). */
export const LANE_SNAP_M = 2;
/** ... and runs within this of its heading, radians (40 deg: lane changes and turns in progress). */
export const LANE_HEADING_RAD = (40 * Math.PI) / 180;
/** Most lanes walked through (a lane graph can loop, a roundabout always does). */
const MAX_HOPS = 12;

interface LaneIndex {
  lanes: number[];
  byId: Map<number, number>;
  /** Per entry of `lanes`: its points' bounds x0, y0, x1, y1 (the snap skips lanes out of reach). */
  box: Float64Array;
}

/**
 * By map, not by scene: the index depends on the map alone, and a scene seen with a predicted future
 * (labels/forecast.ts) is a new scene object over the same map.
 */
const indexes = new WeakMap<Scene['map'], LaneIndex>();

function laneIndex(scene: Scene): LaneIndex {
  let ix = indexes.get(scene.map);
  if (ix) return ix;
  const lanes: number[] = [];
  const byId = new Map<number, number>();
  for (let f = 0; f < scene.map.count; f++)
    if (scene.map.kinds[f] === MapKind.Lane && scene.map.starts[f + 1]! - scene.map.starts[f]! >= 2) {
      lanes.push(f);
      byId.set(scene.map.ids[f]!, f);
    }
  const box = new Float64Array(4 * lanes.length);
  lanes.forEach((f, k) => {
    const p = featurePoints(scene.map, f);
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < p.length; i += 3) {
      x0 = Math.min(x0, p[i]!);
      x1 = Math.max(x1, p[i]!);
      y0 = Math.min(y0, p[i + 1]!);
      y1 = Math.max(y1, p[i + 1]!);
    }
    box.set([x0, y0, x1, y1], 4 * k);
  });
  ix = { lanes, byId, box };
  indexes.set(scene.map, ix);
  return ix;
}

/** Overall heading change of a lane, radians. */
function laneTurn(p: Float32Array): number {
  const n = p.length / 3;
  const h0 = Math.atan2(p[4]! - p[1]!, p[3]! - p[0]!);
  const h1 = Math.atan2(p[(n - 1) * 3 + 1]! - p[(n - 2) * 3 + 1]!, p[(n - 1) * 3]! - p[(n - 2) * 3]!);
  let turn = 0;
  let prev = h0;
  for (let i = 1; i < n - 1; i++) {
    const h = Math.atan2(p[(i + 1) * 3 + 1]! - p[i * 3 + 1]!, p[(i + 1) * 3]! - p[i * 3]!);
    turn += normalizeAngle(h - prev);
    prev = h;
  }
  return n > 2 ? turn : normalizeAngle(h1 - h0);
}

function laneLength(p: Float32Array): number {
  let len = 0;
  for (let i = 3; i < p.length; i += 3) len += Math.hypot(p[i]! - p[i - 3]!, p[i + 1]! - p[i - 2]!);
  return len;
}

/**
 * `count` points `ds` apart along the lanes ahead of pose (x, y, h), written as x, y pairs into
 * `out`; where the lanes end first, the rest continue straight. At a fork the exit whose turn best
 * matches the agent's present curvature `kappa` (1/m) is taken: straight on for a standing agent.
 * Returns false when the agent is in no lane.
 */
export function laneAhead(
  scene: Scene,
  x: number,
  y: number,
  h: number,
  kappa: number,
  ds: number,
  count: number,
  out: Float64Array,
): boolean {
  const ix = laneIndex(scene);
  let best = -1;
  let bestSeg = 0;
  let bestU = 0;
  let bestD = LANE_SNAP_M;
  for (let k = 0; k < ix.lanes.length; k++) {
    // every point of a lane whose bounds lie bestD or more away is at least that far: skipping it is exact
    const b = 4 * k;
    if (
      x < ix.box[b]! - bestD ||
      x > ix.box[b + 2]! + bestD ||
      y < ix.box[b + 1]! - bestD ||
      y > ix.box[b + 3]! + bestD
    )
      continue;
    const f = ix.lanes[k]!;
    const p = featurePoints(scene.map, f);
    for (let i = 0; i + 4 < p.length; i += 3) {
      const dx = p[i + 3]! - p[i]!;
      const dy = p[i + 4]! - p[i + 1]!;
      const L2 = dx * dx + dy * dy;
      if (L2 < 1e-6) continue;
      const u = Math.max(0, Math.min(1, ((x - p[i]!) * dx + (y - p[i + 1]!) * dy) / L2));
      const d = Math.hypot(p[i]! + u * dx - x, p[i + 1]! + u * dy - y);
      if (d >= bestD) continue;
      if (Math.abs(normalizeAngle(Math.atan2(dy, dx) - h)) > LANE_HEADING_RAD) continue;
      best = f;
      bestSeg = i / 3;
      bestU = u;
      bestD = d;
    }
  }
  if (best < 0) return false;
  let f = best;
  let p = featurePoints(scene.map, f);
  let seg = bestSeg;
  let u = bestU;
  let hops = 0;
  let px = x;
  let py = y;
  let dir = h;
  for (let k = 0; k < count; k++) {
    let need = ds;
    while (need > 0) {
      if (seg >= p.length / 3 - 1) {
        const next = hops < MAX_HOPS ? nextLane(scene, ix, f, kappa) : -1;
        if (next < 0) {
          px += need * Math.cos(dir);
          py += need * Math.sin(dir);
          break;
        }
        f = next;
        p = featurePoints(scene.map, f);
        seg = 0;
        u = 0;
        hops++;
        continue;
      }
      const ax = p[seg * 3]!;
      const ay = p[seg * 3 + 1]!;
      const dx = p[seg * 3 + 3]! - ax;
      const dy = p[seg * 3 + 4]! - ay;
      const L = Math.hypot(dx, dy);
      const left = (1 - u) * L;
      if (L > 1e-6) dir = Math.atan2(dy, dx);
      if (left >= need) {
        u += L > 1e-6 ? need / L : 1;
        need = 0;
        px = ax + u * dx;
        py = ay + u * dy;
      } else {
        need -= left;
        seg++;
        u = 0;
        px = ax + dx;
        py = ay + dy;
      }
    }
    out[2 * k] = px;
    out[2 * k + 1] = py;
  }
  return true;
}

/** The exit lane of lane f whose turn best matches curvature kappa kept over its length, or -1. */
function nextLane(scene: Scene, ix: LaneIndex, f: number, kappa: number): number {
  const info = scene.map.lanes.get(f);
  if (!info) return -1;
  let best = -1;
  let bestScore = Infinity;
  for (const id of info.exitLanes) {
    const g = ix.byId.get(id);
    if (g === undefined) continue;
    const p = featurePoints(scene.map, g);
    const score = Math.abs(laneTurn(p) - kappa * laneLength(p));
    if (score < bestScore) {
      bestScore = score;
      best = g;
    }
  }
  return best;
}
