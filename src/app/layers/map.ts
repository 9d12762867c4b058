// The scene's own map as deck.gl layers (no tile server exists offline). The geometry is built
// once per scene (lines simplified, dashes and double-line offsets on the CPU, because the map
// never moves) and memoised, so playback hands deck the same data objects every frame and nothing
// is re-uploaded.
import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { featurePoints, MapKind, type Scene } from '../../scene/scene';
import {
  highContrast,
  CROSSWALK_COLOR,
  DRIVEWAY_COLOR,
  LANE_COLORS,
  ROAD_EDGE_COLORS,
  roadLineStyle,
  signalColor,
  SPEED_BUMP_COLOR,
  STOP_SIGN_COLOR,
  type RGBA,
} from '../palette';
import type { LayerContext } from './context';
import { SIMPLIFY_M, simplifyPolyline } from './simplify';

export { SIMPLIFY_M, simplifyPolyline };

export interface MapPath {
  /** Flat x, y pairs. */
  path: Float32Array;
  color: RGBA;
  width: number;
  feature: number;
}
export interface MapPolygon {
  polygon: Float32Array;
  color: RGBA;
  feature: number;
}
export interface MapGeometry {
  lanes: MapPath[];
  roadLines: MapPath[];
  roadEdges: MapPath[];
  crosswalks: MapPolygon[];
  speedBumps: MapPolygon[];
  driveways: MapPolygon[];
  stopSigns: MapPolygon[];
  /** Per step: the signals drawn at their stop points, precomputed so a step change swaps one array. */
  signals: { position: [number, number]; color: RGBA; lane: number; state: number }[][];
  bounds: [number, number, number, number];
}

/** US practice: 10 ft dashes with 30 ft gaps. */
const DASH_M = 3;
const GAP_M = 9;
/** Centre-to-centre half distance of a double line, and a painted line's width. */
const DOUBLE_HALF_M = 0.15;
const LINE_WIDTH_M = 0.15;
const STOP_SIGN_RADIUS_M = 1.2;

function xy(points: Float32Array): Float32Array {
  const out = new Float32Array((points.length / 3) * 2);
  for (let i = 0, j = 0; i < points.length; i += 3, j += 2) {
    out[j] = points[i]!;
    out[j + 1] = points[i + 1]!;
  }
  return out;
}

/** The polyline shifted sideways by d metres (left positive), using the averaged vertex normals. */
export function offsetPolyline(p: Float32Array, d: number): Float32Array {
  const n = p.length / 2;
  const out = new Float32Array(p.length);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    let dx = p[b * 2]! - p[a * 2]!;
    let dy = p[b * 2 + 1]! - p[a * 2 + 1]!;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    out[i * 2] = p[i * 2]! - dy * d;
    out[i * 2 + 1] = p[i * 2 + 1]! + dx * d;
  }
  return out;
}

/** Cuts a polyline into dashes of `dash` metres separated by `gap` metres of arc length. */
export function dashPolyline(p: Float32Array, dash = DASH_M, gap = GAP_M): Float32Array[] {
  const out: Float32Array[] = [];
  const period = dash + gap;
  let cur: number[] = [];
  const flush = () => {
    if (cur.length >= 4) out.push(Float32Array.from(cur));
    cur = [];
  };
  let s = 0; // arc length at the start of the current segment
  for (let i = 0; i + 1 < p.length / 2; i++) {
    const x0 = p[i * 2]!;
    const y0 = p[i * 2 + 1]!;
    const dx = p[i * 2 + 2]! - x0;
    const dy = p[i * 2 + 3]! - y0;
    const len = Math.hypot(dx, dy);
    let u = 0;
    while (u < len - 1e-6) {
      let phase = (s + u) % period;
      if (period - phase < 1e-6) phase = 0;
      const on = phase < dash - 1e-6;
      const left = on ? dash - phase : period - phase;
      const next = Math.min(len, u + left);
      if (on) {
        if (cur.length === 0) cur.push(x0 + (dx * u) / len, y0 + (dy * u) / len);
        cur.push(x0 + (dx * next) / len, y0 + (dy * next) / len);
        if (u + left <= len + 1e-6) flush();
      }
      u = next;
    }
    s += len;
  }
  flush();
  return out;
}

function octagon(x: number, y: number, r: number): Float32Array {
  const out = new Float32Array(16);
  for (let k = 0; k < 8; k++) {
    const a = Math.PI / 8 + (k * Math.PI) / 4;
    out[k * 2] = x + r * Math.cos(a);
    out[k * 2 + 1] = y + r * Math.sin(a);
  }
  return out;
}

const cache = new WeakMap<Scene, MapGeometry>();

/** The scene's map geometry, built on first use and kept for as long as the scene lives. */
export function mapGeometry(scene: Scene): MapGeometry {
  let g = cache.get(scene);
  if (!g) cache.set(scene, (g = buildMapGeometry(scene)));
  return g;
}

/** `tolerance`: SIMPLIFY_M; 0 keeps every point (the viewer bench's baseline). */
export function buildMapGeometry(scene: Scene, tolerance = SIMPLIFY_M): MapGeometry {
  const m = scene.map;
  const g: MapGeometry = {
    lanes: [],
    roadLines: [],
    roadEdges: [],
    crosswalks: [],
    speedBumps: [],
    driveways: [],
    stopSigns: [],
    signals: signalsByStep(scene),
    bounds: [Infinity, Infinity, -Infinity, -Infinity],
  };
  for (let f = 0; f < m.count; f++) {
    const p = xy(featurePoints(m, f));
    if (p.length === 0) continue;
    growBounds(g.bounds, p);
    const kind = m.kinds[f]!;
    const line = kind === MapKind.Lane || kind === MapKind.RoadLine || kind === MapKind.RoadEdge;
    addFeature(g, kind, m.subtypes[f]!, line && tolerance > 0 ? simplifyPolyline(p, tolerance) : p, f);
  }
  return g;
}

/** Widens the bounds to take in every point of a flat x, y polyline. */
function growBounds(bounds: MapGeometry['bounds'], p: Float32Array) {
  for (let i = 0; i < p.length; i += 2) {
    bounds[0] = Math.min(bounds[0], p[i]!);
    bounds[1] = Math.min(bounds[1], p[i + 1]!);
    bounds[2] = Math.max(bounds[2], p[i]!);
    bounds[3] = Math.max(bounds[3], p[i + 1]!);
  }
}

/** Files map feature `f` (its points `p`, its subtype `sub`) under its kind. */
function addFeature(g: MapGeometry, kind: number, sub: number, p: Float32Array, f: number) {
  switch (kind) {
    case MapKind.Lane:
      if (p.length >= 4)
        g.lanes.push({ path: p, color: LANE_COLORS[sub] ?? LANE_COLORS[0]!, width: 0.25, feature: f });
      break;
    case MapKind.RoadLine:
      if (p.length >= 4) addRoadLine(g.roadLines, p, sub, f);
      break;
    case MapKind.RoadEdge:
      if (p.length >= 4)
        g.roadEdges.push({
          path: p,
          color: ROAD_EDGE_COLORS[sub] ?? ROAD_EDGE_COLORS[0]!,
          width: 0.35,
          feature: f,
        });
      break;
    case MapKind.Crosswalk:
      g.crosswalks.push({ polygon: p, color: CROSSWALK_COLOR, feature: f });
      break;
    case MapKind.SpeedBump:
      g.speedBumps.push({ polygon: p, color: SPEED_BUMP_COLOR, feature: f });
      break;
    case MapKind.Driveway:
      g.driveways.push({ polygon: p, color: DRIVEWAY_COLOR, feature: f });
      break;
    case MapKind.StopSign:
      g.stopSigns.push({
        polygon: octagon(p[0]!, p[1]!, STOP_SIGN_RADIUS_M),
        color: STOP_SIGN_COLOR,
        feature: f,
      });
      break;
  }
}

/** Adds a painted road line's paths: a double line offset to both sides, broken lines as dashes. */
function addRoadLine(out: MapPath[], p: Float32Array, sub: number, f: number) {
  const st = roadLineStyle(sub);
  const lines = st.double ? [offsetPolyline(p, DOUBLE_HALF_M), offsetPolyline(p, -DOUBLE_HALF_M)] : [p];
  lines.forEach((line, k) => {
    const parts = st.broken[k] ? dashPolyline(line) : [line];
    for (const path of parts) out.push({ path, color: st.color, width: LINE_WIDTH_M, feature: f });
  });
}

/** Per step, the signals drawn at their stop points. */
function signalsByStep(scene: Scene): MapGeometry['signals'] {
  const sg = scene.signals;
  const out: MapGeometry['signals'] = [];
  for (let t = 0; t < scene.timestamps.length; t++) {
    const list: MapGeometry['signals'][number] = [];
    for (let k = sg.starts[t]!; k < sg.starts[t + 1]!; k++) {
      const state = sg.states[k]!;
      list.push({
        position: [sg.stopPoints[k * 3]!, sg.stopPoints[k * 3 + 1]!],
        color: signalColor(state),
        lane: sg.lanes[k]!,
        state,
      });
    }
    out.push(list);
  }
  return out;
}

const pathProps = {
  positionFormat: 'XY' as const,
  getPath: (d: MapPath) => d.path,
  getWidth: (d: MapPath) => d.width,
  widthUnits: 'meters' as const,
  capRounded: true,
  jointRounded: true,
  pickable: false,
};

/**
 * Line colours and least widths: as the palette says, or presenter mode's high-contrast theme
 * (opaque, lifted lines, 2 px at least: a 1 px line is lost on a projector from the back of a hall).
 * The colour accessor changes only when the theme does (updateTriggers), so playback re-uploads nothing.
 */
function pathTheme(contrast: boolean) {
  return {
    getColor: contrast ? (d: MapPath) => highContrast(d.color) : (d: MapPath) => d.color,
    updateTriggers: { getColor: contrast },
    widthMinPixels: contrast ? 2 : 1,
  };
}

function polygons(id: string, data: MapPolygon[], line: RGBA, contrast: boolean) {
  return new PolygonLayer<MapPolygon>({
    id,
    data,
    positionFormat: 'XY',
    getPolygon: (d) => d.polygon,
    getFillColor: (d) => d.color,
    getLineColor: contrast ? highContrast(line) : line,
    getLineWidth: 0.15,
    lineWidthMinPixels: contrast ? 2 : 1,
    stroked: true,
  });
}

export function mapLayers(ctx: LayerContext, g = mapGeometry(ctx.scene)): Layer[] {
  const on = ctx.view.layers;
  const hc = ctx.view.presenter.contrast;
  const theme = pathTheme(hc);
  const out: Layer[] = [];
  if (on.driveways) out.push(polygons('map-driveways', g.driveways, [170, 130, 220, 160], hc));
  if (on.crosswalks) out.push(polygons('map-crosswalks', g.crosswalks, [240, 240, 240, 200], hc));
  if (on.speedBumps) out.push(polygons('map-speed-bumps', g.speedBumps, [250, 170, 60, 230], hc));
  if (on.lanes) out.push(new PathLayer<MapPath>({ id: 'map-lanes', data: g.lanes, ...pathProps, ...theme }));
  if (on.roadEdges)
    out.push(new PathLayer<MapPath>({ id: 'map-road-edges', data: g.roadEdges, ...pathProps, ...theme }));
  if (on.roadLines)
    out.push(new PathLayer<MapPath>({ id: 'map-road-lines', data: g.roadLines, ...pathProps, ...theme }));
  if (on.stopSigns) out.push(polygons('map-stop-signs', g.stopSigns, [255, 255, 255, 255], hc));
  if (on.signals) {
    const step = Math.min(g.signals.length - 1, Math.round(ctx.time));
    out.push(
      new ScatterplotLayer<MapGeometry['signals'][number][number]>({
        id: 'map-signals',
        // the per-step array is prebuilt: a step change swaps the reference, frames in between reuse it
        data: g.signals[step] ?? [],
        getPosition: (d) => d.position,
        getFillColor: (d) => d.color,
        getLineColor: [15, 15, 15, 255],
        getRadius: 1.1,
        radiusUnits: 'meters',
        radiusMinPixels: 4,
        stroked: true,
        getLineWidth: 0.25,
        lineWidthMinPixels: 1,
        pickable: true,
      }),
    );
  }
  return out;
}
