// Fewer points for what the viewer draws, within a bound nobody can see. On a software GPU
// (SwiftShader: a machine without a usable GPU) a frame's cost is in the instances it draws, one
// per path segment, not in its pixels (docs/performance.md, "Frames on a software GPU"), and WOMD
// samples every polyline every 0.5 m (every 0.1 s for tracks) however straight. simplifyPolyline:
// Douglas-Peucker in the plane (simplify-js), for the map's lines and the predicted paths.
// simplifyTimed: the same in (x, y, t) for the agents' trails, whose fragment shader cuts them by
// the time interpolated along each segment, so a dropped point may move neither the line nor the
// time by more than the tolerance (simplify-js is planar only, hence the few lines here).
import simplify from 'simplify-js';

/**
 * How far a drawn line may stray from its data (a map polyline, a predicted path, a trail). 1 cm
 * is 4-7% of the thinnest drawn line (0.15 m) and below the map's own accuracy, so nothing moves
 * visibly at any zoom, and it drops most points: map lines 17,297 -> 2,293 segments a real scene
 * (20 of ../shared/womd-json), 3,537 -> 335 a demo scene. Each segment is a path instance of 12
 * vertices; the three map path layers were 60% of a demo frame's GPU-process time.
 */
export const SIMPLIFY_M = 0.01;

/** The polyline without the points that keep it within `tolerance` metres of itself (ends kept). */
export function simplifyPolyline(p: Float32Array, tolerance = SIMPLIFY_M): Float32Array {
  const n = p.length / 2;
  if (n <= 2) return p;
  const pts = new Array<{ x: number; y: number }>(n);
  for (let i = 0; i < n; i++) pts[i] = { x: p[i * 2]!, y: p[i * 2 + 1]! };
  // highQuality: Douglas-Peucker alone (the radial pre-pass could move a corner by the tolerance)
  const kept = simplify(pts, tolerance, true);
  if (kept.length === n) return p;
  const out = new Float32Array(kept.length * 2);
  kept.forEach((q, i) => {
    out[i * 2] = q.x;
    out[i * 2 + 1] = q.y;
  });
  return out;
}

/**
 * Metres per step in simplifyTimed's distance: a time error of 0.01 steps (1 ms) counts as 1 cm.
 * The trail's cut (TimedPathLayer) then moves by at most 1 cm plus the agent's 1 ms of travel.
 */
export const TIME_M_PER_STEP = 1;

/**
 * The points of a timed polyline (flat x, y pairs and a step per point) that keep it within
 * `tolerance` of itself in (x, y, TIME_M_PER_STEP * t), ends kept: recursive Douglas-Peucker, an
 * explicit stack. Returns the inputs themselves when no point can go.
 */
export function simplifyTimed(
  path: Float32Array,
  timestamps: Float32Array,
  tolerance = SIMPLIFY_M,
): { path: Float32Array; timestamps: Float32Array } {
  const n = timestamps.length;
  if (n <= 2) return { path, timestamps };
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack = [0, n - 1];
  while (stack.length) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const ax = path[first * 2]!;
    const ay = path[first * 2 + 1]!;
    const at = timestamps[first]! * TIME_M_PER_STEP;
    const dx = path[last * 2]! - ax;
    const dy = path[last * 2 + 1]! - ay;
    const dt = timestamps[last]! * TIME_M_PER_STEP - at;
    const l2 = dx * dx + dy * dy + dt * dt;
    let worst = tol2;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const px = path[i * 2]! - ax;
      const py = path[i * 2 + 1]! - ay;
      const pt = timestamps[i]! * TIME_M_PER_STEP - at;
      const u = l2 ? Math.max(0, Math.min(1, (px * dx + py * dy + pt * dt) / l2)) : 0;
      const d2 = (px - u * dx) ** 2 + (py - u * dy) ** 2 + (pt - u * dt) ** 2;
      if (d2 > worst) {
        worst = d2;
        index = i;
      }
    }
    if (index < 0) continue;
    keep[index] = 1;
    stack.push(first, index, index, last);
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += keep[i]!;
  if (m === n) return { path, timestamps };
  const outP = new Float32Array(m * 2);
  const outT = new Float32Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    if (!keep[i]) continue;
    outP[j * 2] = path[i * 2]!;
    outP[j * 2 + 1] = path[i * 2 + 1]!;
    outT[j++] = timestamps[i]!;
  }
  return { path: outP, timestamps: outT };
}
