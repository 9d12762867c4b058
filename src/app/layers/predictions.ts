// The model's joint futures on the map: every sample of every mode for both agents of the pair in
// the mode's colour (opacity by the mode's probability), the goal mixture's main components (90% of
// its weight, goalRings) as circles sized by their spread, and ghost boxes that move along each mode's most likely sample in time with playback.
// A mode's kinematic anchors (model/joint-set.ts: samples with source 'kinematic', any number per
// mode) are drawn in the mode's colour too, but thin, in a layer of their own
// ('prediction-anchor-paths'), so they read as the mode's borrowed guesses, not the model's.
// Path, goal and ghost data are built once per prediction; playback changes only the time uniform.
import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { trackSize, trackXY, type Scene } from '../../scene/scene';
import type { PairPrediction } from '../model-protocol';
import { modeColor, type RGBA } from '../palette';
import { agentBuffers, setAgentInstance, type AgentBuffers } from './agent-buffers';
import { AgentLayer } from './agent-layer';
import { SIMPLIFY_M, simplifyPolyline } from './simplify';
import type { LayerContext } from './context';

interface PredPath {
  mode: number;
  path: Float32Array;
  color: RGBA;
  /** A kinematic anchor's hypothesis name ('A keeps · B brakes'); absent for the model's own samples. */
  name?: string;
}
interface PredGoal {
  mode: number;
  x: number;
  y: number;
  radius: number;
  color: RGBA;
}

export interface PredictionData {
  paths: PredPath[];
  /** The kinematic anchors' paths (model/joint-set.ts), drawn thin. */
  anchorPaths: PredPath[];
  goals: PredGoal[];
  ghosts: AgentBuffers;
}

const cache = new WeakMap<PairPrediction, Map<number, PredictionData>>();

/**
 * The share of a mode's goal mass its drawn rings cover: the heaviest components until together they
 * hold at least this much. 90%: a mixture of 6 components per mode (the shipped models) puts half its
 * components under 5% weight (synthetic-v1 scenes), and a ring each for those filled the map with
 * circles that are not the mode's outcomes; a 2-component mixture still draws both unless one holds 90%.
 */
export const GOAL_RING_MASS = 0.9;

/** The components whose rings are drawn: the heaviest first, until GOAL_RING_MASS of the weight. */
export function goalRings<G extends { weight: number }>(goals: readonly G[]): G[] {
  const sorted = [...goals].sort((u, v) => v.weight - u.weight);
  const total = sorted.reduce((s, g) => s + g.weight, 0);
  const out: G[] = [];
  let mass = 0;
  for (const g of sorted) {
    if (mass >= GOAL_RING_MASS * total) break;
    out.push(g);
    mass += g.weight;
  }
  return out;
}

/** Alpha from probability: a mode the model gives 5% is faint, a sure one solid. */
const alpha = (p: number) => Math.round(60 + 195 * Math.min(1, Math.max(0, p)));

/** `tolerance`: the paths' SIMPLIFY_M (simplify.ts); 0 keeps every point (the viewer bench's baseline). */
export function buildPredictionData(
  scene: Scene,
  pred: PairPrediction,
  shown: number,
  tolerance = SIMPLIFY_M,
): PredictionData {
  const tr = scene.tracks;
  const start = (track: number) => trackXY(tr, track, pred.t);
  const [ax, ay] = start(pred.a);
  const [bx, by] = start(pred.b);
  const paths: PredPath[] = [];
  const anchorPaths: PredPath[] = [];
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
        // start at the agent so the future reads as its continuation; simplified as the map's
        // lines are (SIMPLIFY_M: 1 cm), since a software GPU pays per drawn segment
        const full = new Float32Array(pts.length + 2);
        full[0] = x0!;
        full[1] = y0!;
        full.set(pts, 2);
        const path = tolerance > 0 ? simplifyPolyline(full, tolerance) : full;
        if (s.source === 'kinematic') anchorPaths.push({ mode: m.mode, path, color, name: s.name });
        else paths.push({ mode: m.mode, path, color });
      }
    // goals of the modes drawn: a ring of one standard deviation around the mean of each component
    // of the mode's main goals (goalRings)
    if (m.samples.length > 0)
      for (const g of goalRings(m.goals))
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
  return { paths, anchorPaths, goals, ghosts: ghostBuffers(scene, pred, shown, single) };
}

export function predictionData(scene: Scene, pred: PairPrediction, shown: number | null): PredictionData {
  let byShown = cache.get(pred);
  if (!byShown) cache.set(pred, (byShown = new Map()));
  const key = shown ?? -1;
  let d = byShown.get(key);
  if (!d) byShown.set(key, (d = buildPredictionData(scene, pred, key)));
  return d;
}

/**
 * Ghost boxes as AgentLayer instances (one per ghost and scene step, uploaded once per
 * prediction): each mode's most likely sample (its first own sample; an anchor only where the mode
 * kept nothing else) for both agents, starting from the agent's real
 * pose at the prediction step. Playback then changes only the layer's time uniform.
 */
function ghostBuffers(scene: Scene, pred: PairPrediction, shown: number, single: boolean): AgentBuffers {
  const tr = scene.tracks;
  const T = tr.steps;
  const drawn = pred.modes.filter((m) => (shown < 0 || m.mode === shown) && m.samples.length > 0);
  const buffers = agentBuffers(drawn.length * 2, T);
  let g = 0;
  for (const m of drawn) {
    const c = modeColor(pred.variant, m.mode);
    const a = single ? 255 : alpha(m.probability);
    const s = m.samples.find((x) => x.source === undefined) ?? m.samples[0]!;
    for (const [pts, track] of [
      [s.a, pred.a],
      [s.b, pred.b],
    ] as const) {
      // positions at steps t, t+1, ...: the real pose, then the sample
      const [x0, y0] = trackXY(tr, track, pred.t);
      const xs = [x0];
      const ys = [y0];
      for (let k = 0; k < pts.length / 2 && pred.t + 1 + k < T; k++) {
        xs.push(pts[k * 2]!);
        ys.push(pts[k * 2 + 1]!);
      }
      const heading = (i: number) => {
        const a = Math.max(0, i - 1);
        const b = Math.min(xs.length - 1, i + 1);
        return Math.atan2(ys[b]! - ys[a]!, xs[b]! - xs[a]!);
      };
      const [len, wid] = trackSize(tr, track, pred.t);
      const pose = (i: number) => (i < xs.length ? [xs[i]!, ys[i]!, heading(i), 1] : [0, 0, 0, 0]);
      for (let i = 0; i < xs.length; i++)
        setAgentInstance(buffers, g * T + pred.t + i, {
          pose0: pose(i),
          pose1: pose(i + 1 < xs.length ? i + 1 : i),
          sizes: [len, wid, len, wid],
          fill: [c[0], c[1], c[2], Math.round(a * 0.55)],
          line: [c[0], c[1], c[2], a],
        });
      g++;
    }
  }
  return buffers;
}

/** `data`: the prediction's layer data for the mode shown (predictionData unless the bench's baseline). */
export function predictionLayers(
  ctx: LayerContext,
  data: (scene: Scene, pred: PairPrediction, shown: number | null) => PredictionData = predictionData,
): Layer[] {
  const pred = ctx.view.prediction;
  if (!pred || !ctx.view.layers.predictions || pred.sceneId !== ctx.scene.id) return [];
  const shown = ctx.view.predict.shownMode;
  const d = data(ctx.scene, pred, shown);
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
    // presenter mode: 4 px at least, so a path reads from the back of a hall
    predictionPaths('prediction-paths', d.paths, 0.35, ctx.view.presenter.on ? 4 : 2),
    // the anchors: a third of the width (PathLayer has no dashes without @deck.gl/extensions), on top
    predictionPaths('prediction-anchor-paths', d.anchorPaths, 0.12, 1),
    new AgentLayer({
      id: 'prediction-ghosts',
      data: d.ghosts,
      time: ctx.time,
      selected: -1,
      hovered: -1,
      lineWidthPixels: 1.5,
    }),
  ];
}

/** Predicted paths in their colours, `width` metres wide and at least `minPixels` on screen. */
function predictionPaths(id: string, data: PredPath[], width: number, minPixels: number) {
  return new PathLayer<PredPath>({
    id,
    data,
    positionFormat: 'XY',
    getPath: (p) => p.path,
    getColor: (p) => p.color,
    getWidth: width,
    widthUnits: 'meters',
    widthMinPixels: minPixels,
    jointRounded: true,
    capRounded: true,
  });
}
