// Where the camera looks when the app places it: the whole scene (the `0` key), or the interacting
// pair and what the models predict for it (a scene opening, the first load, the `z` key). Pure
// functions of the scene, the predictions and the map area's size in CSS pixels: the map area is
// the canvas host, which no panel covers (the panels are docked beside or below it), so a point
// fitted here is a point on screen and under no panel.
import { F, S_VALID, S_X, S_Y, type Scene } from '../scene/scene';
import { poseAt } from '../scene/interpolate';
import { mapGeometry } from './layers/map';
import type { PairPrediction } from './model-protocol';
import type { Camera } from './store';

/** The zoom range the view allows (deck zoom: log2 pixels per metre); the engine clamps to it too. */
export const MIN_ZOOM = -4;
export const MAX_ZOOM = 7;

/** Metres added around every agent for the scene fit, so the outermost boxes are not on the edge. */
const SCENE_MARGIN_M = 15;
/**
 * Smallest extent (metres) the pair fit frames: two cars waiting side by side span 5 m, and
 * zooming that close hides the lanes they are choosing between; 40 m shows an intersection's arm.
 */
const MIN_FOCUS_EXTENT_M = 40;
/**
 * Screen pixels kept clear on every side of the pair fit: the ring of a goal circle and a box's
 * outline stay whole, and a path's end is not on the edge where the eye misses it.
 */
const FIT_PADDING_PX = 24;

/** [x0, y0, x1, y1] in scene metres. */
export type Bounds = [number, number, number, number];

/**
 * What "fit the scene" frames: every valid agent state over the whole scene plus a margin, so
 * the agents fill the view; the map alone when there are no agents.
 */
export function sceneBounds(scene: Scene): Bounds {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const { state, count, steps } = scene.tracks;
  for (let k = 0; k < count * steps; k++) {
    if (!state[k * F + S_VALID]) continue;
    const x = state[k * F + S_X]!;
    const y = state[k * F + S_Y]!;
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  if (!Number.isFinite(b[0]))
    return Number.isFinite(mapGeometry(scene).bounds[0]) ? mapGeometry(scene).bounds : [-50, -50, 50, 50];
  const m = SCENE_MARGIN_M;
  return [b[0] - m, b[1] - m, b[2] + m, b[3] + m];
}

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export function fitCamera(scene: Scene, width: number, height: number, rotation = 0): Camera {
  const [x0, y0, x1, y1] = sceneBounds(scene);
  const zoom = Math.log2(Math.min(width / (x1 - x0 || 1), height / (y1 - y0 || 1)));
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, zoom: clampZoom(zoom), rotation };
}

/**
 * Steps around the scene's current step that the pair fit frames: WOMD's window, 1 s of history
 * before it and 8 s after (91 steps in all, the whole of a WOMD scenario, so real scenes frame as
 * before). A longer scene (1,000 steps: 100 s) would otherwise frame the pair's whole drive, a
 * kilometre or more, and show each agent a pixel wide (issue 18).
 */
export const FOCUS_HISTORY_STEPS = 10;
export const FOCUS_FUTURE_STEPS = 80;

/**
 * The points the pair fit must show, flat [x, y, ...] in scene metres: the corners of both
 * agents' boxes at every valid step of the focus window (where they were, are and really go), and
 * every predicted point of each prediction given that is for this scene and this pair.
 */
export function focusPoints(
  scene: Scene,
  pair: [number, number],
  predictions: readonly (PairPrediction | null)[],
): number[] {
  const pts: number[] = [];
  const tr = scene.tracks;
  const first = Math.max(0, scene.currentIndex - FOCUS_HISTORY_STEPS);
  const last = Math.min(tr.steps - 1, scene.currentIndex + FOCUS_FUTURE_STEPS);
  for (const track of pair)
    for (let t = first; t <= last; t++) {
      const p = poseAt(tr, track, t);
      if (!p) continue;
      const c = Math.cos(p.heading);
      const s = Math.sin(p.heading);
      for (const [u, v] of [
        [1, 1],
        [1, -1],
        [-1, 1],
        [-1, -1],
      ] as const) {
        const dx = (u * p.length) / 2;
        const dy = (v * p.width) / 2;
        pts.push(p.x + dx * c - dy * s, p.y + dx * s + dy * c);
      }
    }
  for (const pred of predictions) {
    if (!pred || pred.sceneId !== scene.id || pred.a !== pair[0] || pred.b !== pair[1]) continue;
    for (const m of pred.modes)
      for (const s of m.samples)
        for (const path of [s.a, s.b])
          for (let k = 0; k + 1 < path.length; k += 2)
            if (Number.isFinite(path[k]) && Number.isFinite(path[k + 1])) pts.push(path[k]!, path[k + 1]!);
  }
  return pts;
}

/**
 * The camera that shows every point of `pts` (flat [x, y, ...]) inside a `width` x `height` map
 * area at this rotation (degrees counter-clockwise, as the view turns the scene), with
 * FIT_PADDING_PX clear on every side; null when there is no point.
 */
export function fitPoints(
  pts: readonly number[],
  width: number,
  height: number,
  rotation = 0,
): Camera | null {
  if (pts.length < 2) return null;
  // extents in the screen's axes: the view turns the scene by `rotation`, so turn the points too
  const r = (rotation * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  let u0 = Infinity;
  let v0 = Infinity;
  let u1 = -Infinity;
  let v1 = -Infinity;
  for (let k = 0; k + 1 < pts.length; k += 2) {
    const u = pts[k]! * c - pts[k + 1]! * s;
    const v = pts[k]! * s + pts[k + 1]! * c;
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
  }
  const grow = (a: number, b: number): [number, number] => {
    const pad = Math.max(0, MIN_FOCUS_EXTENT_M - (b - a)) / 2;
    return [a - pad, b + pad];
  };
  [u0, u1] = grow(u0, u1);
  [v0, v1] = grow(v0, v1);
  const w = Math.max(1, width - 2 * FIT_PADDING_PX);
  const h = Math.max(1, height - 2 * FIT_PADDING_PX);
  const zoom = clampZoom(Math.log2(Math.min(w / (u1 - u0), h / (v1 - v0))));
  // the centre back in scene axes (the inverse turn)
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  return { x: cu * c + cv * s, y: -cu * s + cv * c, zoom, rotation };
}

/**
 * The pair fit: the pair and its predictions (fitPoints of focusPoints); the scene fit when the
 * scene has no pair or the pair is never valid.
 */
export function fitPair(
  scene: Scene,
  pair: [number, number] | null,
  predictions: readonly (PairPrediction | null)[],
  width: number,
  height: number,
  rotation = 0,
): Camera {
  const pts = pair ? focusPoints(scene, pair, predictions) : [];
  return fitPoints(pts, width, height, rotation) ?? fitCamera(scene, width, height, rotation);
}
