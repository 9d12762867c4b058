// The model's joint futures on the map: every sample of every mode for both agents of the pair in
// the mode's colour (opacity by the mode's probability), the goal mixture as circles sized by its
// spread, and ghost boxes that move along each mode's most likely sample in time with playback.
// Path and goal data are built once per prediction; only the few ghost boxes change per frame.
import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { S_LENGTH, S_WIDTH, S_X, S_Y, stateOffset, type Scene } from '../../scene/scene';
import type { PairPrediction } from '../model-protocol';
import { modeColor, type RGBA } from '../palette';
import type { LayerContext } from './context';

interface PredPath {
  mode: number;
  path: Float32Array;
  color: RGBA;
}
interface PredGoal {
  mode: number;
  x: number;
  y: number;
  radius: number;
  color: RGBA;
}
interface Ghost {
  polygon: [number, number][];
  color: RGBA;
}

interface PredictionData {
  paths: PredPath[];
  goals: PredGoal[];
}

const cache = new WeakMap<PairPrediction, Map<number, PredictionData>>();

/** Alpha from probability: a mode the model gives 5% is faint, a sure one solid. */
const alpha = (p: number) => Math.round(60 + 195 * Math.min(1, Math.max(0, p)));

function build(scene: Scene, pred: PairPrediction, shown: number): PredictionData {
  const tr = scene.tracks;
  const start = (track: number) => {
    const o = stateOffset(tr, track, pred.t);
    return [tr.state[o + S_X]!, tr.state[o + S_Y]!];
  };
  const [ax, ay] = start(pred.a);
  const [bx, by] = start(pred.b);
  const paths: PredPath[] = [];
  const goals: PredGoal[] = [];
  // a mode the user forced (the only one decoded) or picked is drawn solid whatever its probability
  const single = shown >= 0 || pred.modes.filter((m) => m.samples.length > 0).length === 1;
  for (const m of pred.modes) {
    if (shown >= 0 && m.mode !== shown) continue;
    const c = modeColor(pred.variant, m.mode);
    const a = single ? 255 : alpha(m.probability);
    const color: RGBA = [c[0], c[1], c[2], a];
    for (const s of m.samples)
      for (const [pts, x0, y0] of [
        [s.a, ax, ay],
        [s.b, bx, by],
      ] as const) {
        // start at the agent so the future reads as its continuation
        const path = new Float32Array(pts.length + 2);
        path[0] = x0!;
        path[1] = y0!;
        path.set(pts, 2);
        paths.push({ mode: m.mode, path, color });
      }
    // goals of the modes drawn: a ring of one standard deviation around each component's mean
    if (m.samples.length > 0)
      for (const g of m.goals)
        for (const [x, y, sd] of [
          [g.a[0], g.a[1], g.stdA],
          [g.b[0], g.b[1], g.stdB],
        ] as const)
          goals.push({
            mode: m.mode,
            x,
            y,
            radius: Math.max(0.5, Math.sqrt(sd[0] * sd[1])),
            color: [c[0], c[1], c[2], Math.round(a * Math.max(0.3, g.weight))],
          });
  }
  return { paths, goals };
}

export function predictionData(scene: Scene, pred: PairPrediction, shown: number | null): PredictionData {
  let byShown = cache.get(pred);
  if (!byShown) cache.set(pred, (byShown = new Map()));
  const key = shown ?? -1;
  let d = byShown.get(key);
  if (!d) byShown.set(key, (d = build(scene, pred, key)));
  return d;
}

/** Oriented box corners at (x, y) heading h. */
function box(x: number, y: number, h: number, length: number, width: number): [number, number][] {
  const c = Math.cos(h);
  const s = Math.sin(h);
  return [
    [1, 1],
    [1, -1],
    [-1, -1],
    [-1, 1],
  ].map(([u, v]) => [
    x + (c * u! * length) / 2 - (s * v! * width) / 2,
    y + (s * u! * length) / 2 + (c * v! * width) / 2,
  ]);
}

/** Where each mode's most likely sample puts the pair at `time` (steps since scene start). */
function ghosts(scene: Scene, pred: PairPrediction, shown: number | null, time: number): Ghost[] {
  const tau = time - pred.t; // steps after the prediction step
  if (tau <= 0) return [];
  const tr = scene.tracks;
  const out: Ghost[] = [];
  for (const m of pred.modes) {
    if ((shown !== null && m.mode !== shown) || m.samples.length === 0) continue;
    const c = modeColor(pred.variant, m.mode);
    const s = m.samples[0]!;
    for (const [pts, track] of [
      [s.a, pred.a],
      [s.b, pred.b],
    ] as const) {
      const o = stateOffset(tr, track, pred.t);
      const n = pts.length / 2;
      const k = Math.min(n - 1, tau - 1); // sample index k is step t + 1 + k
      const k0 = Math.max(0, Math.floor(k));
      const k1 = Math.min(n - 1, k0 + 1);
      const f = Math.max(0, k - k0);
      const px = (i: number) => (i < 0 ? tr.state[o + S_X]! : pts[i * 2]!);
      const py = (i: number) => (i < 0 ? tr.state[o + S_Y]! : pts[i * 2 + 1]!);
      const kk = k < 0 ? -1 : k0;
      const x = k < 0 ? px(-1) + (px(0) - px(-1)) * (1 + k) : px(kk) + (px(k1) - px(kk)) * f;
      const y = k < 0 ? py(-1) + (py(0) - py(-1)) * (1 + k) : py(kk) + (py(k1) - py(kk)) * f;
      const a = Math.max(-1, k0 - 1);
      const b = Math.min(n - 1, k0 + 1);
      const h = Math.atan2(py(b) - py(a), px(b) - px(a));
      out.push({
        polygon: box(x, y, h, tr.state[o + S_LENGTH]!, tr.state[o + S_WIDTH]!),
        color: [c[0], c[1], c[2], Math.round(alpha(m.probability) * 0.55)],
      });
    }
  }
  return out;
}

export function predictionLayers(ctx: LayerContext): Layer[] {
  const pred = ctx.view.prediction;
  if (!pred || !ctx.view.layers.predictions || pred.sceneId !== ctx.scene.id) return [];
  const shown = ctx.view.predict.shownMode;
  const d = predictionData(ctx.scene, pred, shown);
  return [
    new ScatterplotLayer<PredGoal>({
      id: 'prediction-goals',
      data: d.goals,
      getPosition: (g) => [g.x, g.y],
      getRadius: (g) => g.radius,
      radiusUnits: 'meters',
      // faint fill, clear ring: the spread reads without hiding the paths
      getFillColor: (g) => [g.color[0], g.color[1], g.color[2], Math.round(g.color[3] * 0.12)],
      getLineColor: (g) => g.color,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
    }),
    new PathLayer<PredPath>({
      id: 'prediction-paths',
      data: d.paths,
      positionFormat: 'XY',
      getPath: (p) => p.path,
      getColor: (p) => p.color,
      getWidth: 0.35,
      widthUnits: 'meters',
      widthMinPixels: 2,
      jointRounded: true,
      capRounded: true,
    }),
    new SolidPolygonLayer<Ghost>({
      id: 'prediction-ghosts',
      data: ghosts(ctx.scene, pred, shown, ctx.time),
      getPolygon: (g) => g.polygon,
      getFillColor: (g) => g.color,
    }),
  ];
}
