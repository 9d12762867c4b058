// Physical plausibility of a scene, measured on the Scene itself (what gets written): the
// generator retries a scene that fails, and the tests run the same checks over many scenes.
import {
  F,
  featurePoints,
  MapKind,
  ObjectType,
  S_HEADING,
  S_LENGTH,
  S_VALID,
  S_VX,
  S_VY,
  S_WIDTH,
  S_X,
  S_Y,
  STEP_S,
  type Scene,
} from '../scene/scene';

/** The stated bounds. */
export const BOUNDS = {
  /** Max speed, m/s, per object type (vehicle, pedestrian, cyclist). */
  speed: { [ObjectType.Vehicle]: 35, [ObjectType.Pedestrian]: 3, [ObjectType.Cyclist]: 12 } as Record<
    number,
    number
  >,
  /** Max |acceleration| from consecutive velocities, m/s^2. */
  accel: { [ObjectType.Vehicle]: 8, [ObjectType.Pedestrian]: 4, [ObjectType.Cyclist]: 6 } as Record<
    number,
    number
  >,
  /** Max yaw rate, rad/s. */
  yawRate: 1.2,
  /** Max angle between heading and velocity when moving faster than 0.5 m/s, rad. */
  headingVsVelocity: 0.05,
  /** Max gap between the velocity and the displacement per step, m/s. */
  velocityVsMotion: 0.3,
  /** A vehicle's centre stays this far inside the road edges: half its width minus this tolerance, m. */
  edgeTolerance: 0.3,
  /** A vehicle's centre is within this distance of some lane centreline (parking strips included), m. */
  laneDistance: 4.0,
  /** Boxes are shrunk by this on every side before the overlap test (float32 rounding), m. */
  overlapSlack: 0.02,
};

export interface CheckStats {
  maxSpeed: number;
  maxAccel: number;
  maxYawRate: number;
  /** Largest longitudinal jerk (second difference of speed) over three valid steps, m/s^3 (not bounded). */
  maxJerk: number;
  maxHeadingErr: number;
  minEdgeMargin: number;
  overlaps: number;
}

function corners(x: number, y: number, h: number, l: number, w: number, out: Float64Array) {
  const c = Math.cos(h);
  const s = Math.sin(h);
  const hl = l / 2;
  const hw = w / 2;
  const pts = [hl, hw, -hl, hw, -hl, -hw, hl, -hw];
  for (let k = 0; k < 4; k++) {
    out[2 * k] = x + c * pts[2 * k]! - s * pts[2 * k + 1]!;
    out[2 * k + 1] = y + s * pts[2 * k]! + c * pts[2 * k + 1]!;
  }
}

function separated(a: Float64Array, b: Float64Array): boolean {
  for (const poly of [a, b])
    for (let e = 0; e < 2; e++) {
      const nx = -(poly[2 * e + 3]! - poly[2 * e + 1]!);
      const ny = poly[2 * e + 2]! - poly[2 * e]!;
      let amin = Infinity;
      let amax = -Infinity;
      let bmin = Infinity;
      let bmax = -Infinity;
      for (let k = 0; k < 4; k++) {
        const pa = a[2 * k]! * nx + a[2 * k + 1]! * ny;
        const pb = b[2 * k]! * nx + b[2 * k + 1]! * ny;
        amin = Math.min(amin, pa);
        amax = Math.max(amax, pa);
        bmin = Math.min(bmin, pb);
        bmax = Math.max(bmax, pb);
      }
      if (amax < bmin || bmax < amin) return true;
    }
  return false;
}

/** Segments of the given map kind in a coarse grid, for distance queries. */
class SegmentGrid {
  private cells = new Map<number, number[]>();
  private seg: number[] = [];
  private readonly C = 4;

  constructor(scene: Scene, kind: number) {
    const { map } = scene;
    for (let i = 0; i < map.count; i++) {
      if (map.kinds[i] !== kind) continue;
      const p = featurePoints(map, i);
      for (let k = 0; k + 5 < p.length; k += 3) {
        const id = this.seg.length / 4;
        this.seg.push(p[k]!, p[k + 1]!, p[k + 3]!, p[k + 4]!);
        const x0 = Math.floor(Math.min(p[k]!, p[k + 3]!) / this.C);
        const x1 = Math.floor(Math.max(p[k]!, p[k + 3]!) / this.C);
        const y0 = Math.floor(Math.min(p[k + 1]!, p[k + 4]!) / this.C);
        const y1 = Math.floor(Math.max(p[k + 1]!, p[k + 4]!) / this.C);
        for (let cx = x0; cx <= x1; cx++)
          for (let cy = y0; cy <= y1; cy++) {
            const key = cx * 100003 + cy;
            const c = this.cells.get(key);
            if (c) c.push(id);
            else this.cells.set(key, [id]);
          }
      }
    }
  }

  /** Whether some segment passes within r (r at most one cell). */
  near(x: number, y: number, r: number): boolean {
    return this.distance(x, y) <= r;
  }

  /** Distance to the nearest segment, or `far` when none is within one cell. */
  distance(x: number, y: number, far = Infinity): number {
    const cx = Math.floor(x / this.C);
    const cy = Math.floor(y / this.C);
    let best = far;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const c = this.cells.get((cx + dx) * 100003 + cy + dy);
        if (!c) continue;
        for (const id of c) {
          const ax = this.seg[4 * id]!;
          const ay = this.seg[4 * id + 1]!;
          const bx = this.seg[4 * id + 2]!;
          const by = this.seg[4 * id + 3]!;
          const vx = bx - ax;
          const vy = by - ay;
          const len2 = vx * vx + vy * vy;
          const f = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / len2)) : 0;
          best = Math.min(best, Math.hypot(ax + f * vx - x, ay + f * vy - y));
        }
      }
    return best;
  }
}

/** Every violation of BOUNDS in the scene (empty when plausible), and the measured extremes. */
export function checkScene(scene: Scene): { violations: string[]; stats: CheckStats } {
  const { tracks } = scene;
  const T = tracks.steps;
  const st = tracks.state;
  const out: string[] = [];
  const stats: CheckStats = {
    maxSpeed: 0,
    maxAccel: 0,
    maxYawRate: 0,
    maxJerk: 0,
    maxHeadingErr: 0,
    minEdgeMargin: Infinity,
    overlaps: 0,
  };
  const edges = new SegmentGrid(scene, MapKind.RoadEdge);
  const lanes = new SegmentGrid(scene, MapKind.Lane);
  const o = (i: number, t: number) => (i * T + t) * F;
  for (let i = 0; i < tracks.count; i++) {
    const type = tracks.types[i]!;
    for (let t = 0; t < T; t++) {
      const a = o(i, t);
      if (!st[a + S_VALID]) continue;
      const v = Math.hypot(st[a + S_VX]!, st[a + S_VY]!);
      stats.maxSpeed = Math.max(stats.maxSpeed, v);
      if (v > (BOUNDS.speed[type] ?? 35)) out.push(`track ${tracks.ids[i]} step ${t}: speed ${v.toFixed(2)}`);
      if (v > 0.5) {
        const d = Math.abs(wrap(Math.atan2(st[a + S_VY]!, st[a + S_VX]!) - st[a + S_HEADING]!));
        stats.maxHeadingErr = Math.max(stats.maxHeadingErr, d);
        if (d > BOUNDS.headingVsVelocity)
          out.push(`track ${tracks.ids[i]} step ${t}: heading off velocity by ${d.toFixed(3)}`);
      }
      if (type === ObjectType.Vehicle) {
        const margin = edges.distance(st[a + S_X]!, st[a + S_Y]!, 10) - st[a + S_WIDTH]! / 2;
        stats.minEdgeMargin = Math.min(stats.minEdgeMargin, margin);
        if (margin < -BOUNDS.edgeTolerance)
          out.push(`track ${tracks.ids[i]} step ${t}: ${margin.toFixed(2)} m past a road edge`);
        if (!lanes.near(st[a + S_X]!, st[a + S_Y]!, BOUNDS.laneDistance))
          out.push(`track ${tracks.ids[i]} step ${t}: off every lane`);
      }
      if (t === 0) continue;
      const b = o(i, t - 1);
      if (!st[b + S_VALID]) continue;
      const acc = Math.hypot(st[a + S_VX]! - st[b + S_VX]!, st[a + S_VY]! - st[b + S_VY]!) / STEP_S;
      stats.maxAccel = Math.max(stats.maxAccel, acc);
      if (acc > (BOUNDS.accel[type] ?? 8))
        out.push(`track ${tracks.ids[i]} step ${t}: acceleration ${acc.toFixed(2)}`);
      const c = t >= 2 ? o(i, t - 2) : -1;
      if (c >= 0 && st[c + S_VALID]) {
        const sp = (q: number) => Math.hypot(st[q + S_VX]!, st[q + S_VY]!);
        const jerk = Math.abs(sp(a) - 2 * sp(b) + sp(c)) / (STEP_S * STEP_S);
        stats.maxJerk = Math.max(stats.maxJerk, jerk);
      }
      const yaw = Math.abs(wrap(st[a + S_HEADING]! - st[b + S_HEADING]!)) / STEP_S;
      stats.maxYawRate = Math.max(stats.maxYawRate, yaw);
      if (yaw > BOUNDS.yawRate) out.push(`track ${tracks.ids[i]} step ${t}: yaw rate ${yaw.toFixed(2)}`);
      const mx = (st[a + S_X]! - st[b + S_X]!) / STEP_S - (st[a + S_VX]! + st[b + S_VX]!) / 2;
      const my = (st[a + S_Y]! - st[b + S_Y]!) / STEP_S - (st[a + S_VY]! + st[b + S_VY]!) / 2;
      if (Math.hypot(mx, my) > BOUNDS.velocityVsMotion)
        out.push(`track ${tracks.ids[i]} step ${t}: velocity disagrees with motion`);
    }
  }
  const ca = new Float64Array(8);
  const cb = new Float64Array(8);
  const slack = 2 * BOUNDS.overlapSlack;
  for (let t = 0; t < T; t++)
    for (let i = 0; i < tracks.count; i++) {
      const a = o(i, t);
      if (!st[a + S_VALID]) continue;
      const ra = Math.hypot(st[a + S_LENGTH]!, st[a + S_WIDTH]!) / 2;
      for (let j = i + 1; j < tracks.count; j++) {
        const b = o(j, t);
        if (!st[b + S_VALID]) continue;
        const rb = Math.hypot(st[b + S_LENGTH]!, st[b + S_WIDTH]!) / 2;
        if (Math.hypot(st[a + S_X]! - st[b + S_X]!, st[a + S_Y]! - st[b + S_Y]!) > ra + rb) continue;
        corners(
          st[a + S_X]!,
          st[a + S_Y]!,
          st[a + S_HEADING]!,
          st[a + S_LENGTH]! - slack,
          st[a + S_WIDTH]! - slack,
          ca,
        );
        corners(
          st[b + S_X]!,
          st[b + S_Y]!,
          st[b + S_HEADING]!,
          st[b + S_LENGTH]! - slack,
          st[b + S_WIDTH]! - slack,
          cb,
        );
        if (!separated(ca, cb)) {
          stats.overlaps++;
          out.push(`step ${t}: tracks ${tracks.ids[i]} and ${tracks.ids[j]} overlap`);
        }
      }
    }
  return { violations: out, stats };
}

export function validateScene(scene: Scene): string[] {
  return checkScene(scene).violations;
}

function wrap(a: number): number {
  while (a > Math.PI) a -= 2 * Math.PI;
  while (a < -Math.PI) a += 2 * Math.PI;
  return a;
}
