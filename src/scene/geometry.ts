// Plane geometry on scene coordinates (metres): segment distances and crossings, polyline
// lengths, oriented boxes. Allocation-free where it runs per segment pair (labels, metrics).

/** Closest points between two segments: distance and the parameters (0..1) on each. */
export interface SegmentClosest {
  d: number;
  /** Parameter on the first segment P0->P1. */
  u: number;
  /** Parameter on the second segment Q0->Q1. */
  w: number;
}

const EPS = 1e-12;

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * Closest points of segments P0P1 and Q0Q1 (Ericson, Real-Time Collision Detection 5.1.9),
 * written into `out`. Degenerate (zero-length) segments are points. Crossing segments give d = 0
 * at their intersection.
 */
export function segmentClosest(
  p0x: number,
  p0y: number,
  p1x: number,
  p1y: number,
  q0x: number,
  q0y: number,
  q1x: number,
  q1y: number,
  out: SegmentClosest,
): SegmentClosest {
  const d1x = p1x - p0x;
  const d1y = p1y - p0y;
  const d2x = q1x - q0x;
  const d2y = q1y - q0y;
  const rx = p0x - q0x;
  const ry = p0y - q0y;
  const a = d1x * d1x + d1y * d1y;
  const e = d2x * d2x + d2y * d2y;
  const f = d2x * rx + d2y * ry;
  let u: number;
  let w: number;
  if (a <= EPS && e <= EPS) {
    u = 0;
    w = 0;
  } else if (a <= EPS) {
    u = 0;
    w = clamp01(f / e);
  } else {
    const c = d1x * rx + d1y * ry;
    if (e <= EPS) {
      w = 0;
      u = clamp01(-c / a);
    } else {
      const b = d1x * d2x + d1y * d2y;
      const denom = a * e - b * b;
      u = denom > EPS ? clamp01((b * f - c * e) / denom) : 0;
      w = (b * u + f) / e;
      if (w < 0) {
        w = 0;
        u = clamp01(-c / a);
      } else if (w > 1) {
        w = 1;
        u = clamp01((b - c) / a);
      }
    }
  }
  const dx = p0x + d1x * u - (q0x + d2x * w);
  const dy = p0y + d1y * u - (q0y + d2y * w);
  out.d = Math.sqrt(dx * dx + dy * dy);
  out.u = u;
  out.w = w;
  return out;
}

/** Intersection point of two segments, or null when they do not cross (parallel ones never do). */
export function segmentIntersection(
  p0: { x: number; y: number },
  p1: { x: number; y: number },
  q0: { x: number; y: number },
  q1: { x: number; y: number },
): { x: number; y: number; u: number; w: number } | null {
  const d1x = p1.x - p0.x;
  const d1y = p1.y - p0.y;
  const d2x = q1.x - q0.x;
  const d2y = q1.y - q0.y;
  const den = d1x * d2y - d1y * d2x;
  if (Math.abs(den) <= EPS) return null;
  const rx = q0.x - p0.x;
  const ry = q0.y - p0.y;
  const u = (rx * d2y - ry * d2x) / den;
  const w = (rx * d1y - ry * d1x) / den;
  if (u < 0 || u > 1 || w < 0 || w > 1) return null;
  return { x: p0.x + u * d1x, y: p0.y + u * d1y, u, w };
}

/** Distance from point (x, y) to segment P0P1 and the parameter of the closest point. */
export function pointSegment(
  x: number,
  y: number,
  p0x: number,
  p0y: number,
  p1x: number,
  p1y: number,
): { d: number; u: number } {
  const dx = p1x - p0x;
  const dy = p1y - p0y;
  const L = dx * dx + dy * dy;
  const u = L <= EPS ? 0 : clamp01(((x - p0x) * dx + (y - p0y) * dy) / L);
  return { d: Math.hypot(p0x + u * dx - x, p0y + u * dy - y), u };
}

/** Length of a polyline given as flat x, y pairs (stride 2 unless told). */
export function polylineLength(xy: ArrayLike<number>, stride = 2): number {
  let len = 0;
  for (let i = stride; i + 1 < xy.length; i += stride)
    len += Math.hypot(xy[i]! - xy[i - stride]!, xy[i + 1]! - xy[i + 1 - stride]!);
  return len;
}

/** Corners of an oriented box (centre, length along heading, width across), counter-clockwise. */
export function boxCorners(
  x: number,
  y: number,
  length: number,
  width: number,
  heading: number,
): [number, number][] {
  const c = Math.cos(heading);
  const s = Math.sin(heading);
  const hl = length / 2;
  const hw = width / 2;
  return [
    [x + c * hl - s * hw, y + s * hl + c * hw],
    [x - c * hl - s * hw, y - s * hl + c * hw],
    [x - c * hl + s * hw, y - s * hl - c * hw],
    [x + c * hl + s * hw, y + s * hl - c * hw],
  ];
}

export interface Box {
  x: number;
  y: number;
  length: number;
  width: number;
  heading: number;
}

/** Whether two oriented boxes overlap (separating axis test; touching counts as overlap). */
export function boxesOverlap(a: Box, b: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (Math.hypot(dx, dy) > (Math.hypot(a.length, a.width) + Math.hypot(b.length, b.width)) / 2) return false;
  const axes = [a.heading, a.heading + Math.PI / 2, b.heading, b.heading + Math.PI / 2];
  for (const h of axes) {
    const ax = Math.cos(h);
    const ay = Math.sin(h);
    const ra = radius(a, ax, ay);
    const rb = radius(b, ax, ay);
    if (Math.abs(dx * ax + dy * ay) > ra + rb) return false;
  }
  return true;
}

/** Half extent of a box projected on a unit axis. */
function radius(b: Box, ax: number, ay: number): number {
  const c = Math.cos(b.heading);
  const s = Math.sin(b.heading);
  return (Math.abs(c * ax + s * ay) * b.length) / 2 + (Math.abs(-s * ax + c * ay) * b.width) / 2;
}

// ---- WOMD's miss box (DESIGN.md 6a): metrics/index.ts isMiss and model/joint-set.ts share it ----

/** Evaluation horizons: seconds and the number of future steps (STEP_HZ) they cover. */
export const HORIZONS = [
  { seconds: 3, steps: 30, lateral: 1.0, longitudinal: 2.0 },
  { seconds: 5, steps: 50, lateral: 1.8, longitudinal: 3.6 },
  { seconds: 8, steps: 80, lateral: 3.0, longitudinal: 6.0 },
] as const;
export type Horizon = (typeof HORIZONS)[number];

/** WOMD's speed scaling of the miss thresholds: 0.5 below 1.4 m/s, 1 above 11 m/s, linear between. */
export function missScale(speed: number): number {
  if (speed < 1.4) return 0.5;
  if (speed > 11) return 1;
  return 0.5 + (0.5 * (speed - 1.4)) / (11 - 1.4);
}

/**
 * One agent's WOMD miss box at a horizon: its heading at t (cos, sin, in the frame the end points
 * are in) and the longitudinal and lateral thresholds scaled by its speed at t (missScale). The one
 * box isMiss and the miss-aware joint set (model/joint-set.ts) both test against.
 */
export interface MissBox {
  c: number;
  s: number;
  lon: number;
  lat: number;
}

export function missBox(heading: number, speed: number, h: Horizon): MissBox {
  const k = missScale(speed);
  return { c: Math.cos(heading), s: Math.sin(heading), lon: h.longitudinal * k, lat: h.lateral * k };
}

/** Whether a predicted end point off the real one by (dx, dy) = predicted − real lies inside `box`. */
export function inMissBox(box: MissBox, dx: number, dy: number): boolean {
  const lon = box.c * dx + box.s * dy;
  const lat = -box.s * dx + box.c * dy;
  return Math.abs(lon) <= box.lon && Math.abs(lat) <= box.lat;
}
