// The viewer bench's baselines. naiveLayers: a viewer without upload-once. Every frame it rebuilds all layer data from
// the scene (map geometry, agent boxes at the current time, trails), so deck re-tessellates and
// re-uploads everything. withUnsimplified: the app's layers with the map's lines, the trails and
// the predicted paths drawn from every point (no SIMPLIFY_M, simplify.ts). Loaded only by the viewer bench (a dynamic import, its own chunk).
import type { Layer } from '@deck.gl/core';
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { poseAt } from '../../scene/interpolate';
import type { Scene } from '../../scene/scene';
import { AGENT_COLORS, type RGBA } from '../palette';
import type { ViewerState } from '../store';
import type { PairPrediction } from '../model-protocol';
import { agentLayers, buildAgentData, type AgentData } from './agents';
import { buildMapGeometry, mapLayers, type MapGeometry } from './map';
import { buildPredictionData, predictionLayers } from './predictions';

const TRAIL_STEPS = 20;

export function naiveLayers(s: ViewerState & { scene: Scene }): Layer[] {
  const { scene, time } = s;
  const out = mapLayers({ scene, time, view: s }, buildMapGeometry(scene));
  const boxes: { polygon: number[]; color: RGBA }[] = [];
  const trails: { path: number[]; color: RGBA }[] = [];
  for (let i = 0; i < scene.tracks.count; i++) {
    const p = poseAt(scene.tracks, i, time);
    if (!p) continue;
    const color = AGENT_COLORS[scene.tracks.types[i]!] ?? AGENT_COLORS[0]!;
    const c = Math.cos(p.heading);
    const sn = Math.sin(p.heading);
    const polygon: number[] = [];
    for (const [u, v] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const) {
      const lx = (u * p.length) / 2;
      const ly = (v * p.width) / 2;
      polygon.push(p.x + c * lx - sn * ly, p.y + sn * lx + c * ly);
    }
    boxes.push({ polygon, color });
    const path: number[] = [];
    for (let t = Math.max(0, Math.ceil(time) - TRAIL_STEPS); t < time; t++) {
      const q = poseAt(scene.tracks, i, t);
      if (q) path.push(q.x, q.y);
    }
    path.push(p.x, p.y);
    if (path.length >= 4) trails.push({ path, color });
  }
  if (s.layers.trails)
    out.push(
      new PathLayer<(typeof trails)[number]>({
        id: 'naive-trails',
        data: trails,
        positionFormat: 'XY',
        getPath: (d) => d.path,
        getColor: (d) => d.color,
        getWidth: 0.6,
        widthMinPixels: 2,
      }),
    );
  if (s.layers.agents)
    out.push(
      new SolidPolygonLayer<(typeof boxes)[number]>({
        id: 'naive-agents',
        data: boxes,
        positionFormat: 'XY',
        getPolygon: (d) => d.polygon,
        getFillColor: (d) => d.color,
      }),
    );
  return out;
}

const unsimplified = new WeakMap<Scene, { map: MapGeometry; agents: AgentData }>();
const unsimplifiedPredictions = new WeakMap<
  PairPrediction,
  Map<number, ReturnType<typeof buildPredictionData>>
>();

/**
 * `build` (the engine's buildLayers) with the map's lines, the agents' trails and the predicted
 * paths drawn from every point (no SIMPLIFY_M): the same layers, ids and props otherwise.
 */
export function withUnsimplified(
  build: (s: ViewerState & { scene: Scene }) => Layer[],
): (s: ViewerState & { scene: Scene }) => Layer[] {
  return (s) => {
    let d = unsimplified.get(s.scene);
    if (!d)
      unsimplified.set(
        s.scene,
        (d = { map: buildMapGeometry(s.scene, 0), agents: buildAgentData(s.scene, 0) }),
      );
    const ctx = { scene: s.scene, time: s.time, view: s };
    const preds = (scene: Scene, pred: PairPrediction, shown: number | null) => {
      let m = unsimplifiedPredictions.get(pred);
      if (!m) unsimplifiedPredictions.set(pred, (m = new Map()));
      const key = shown ?? -1;
      let p = m.get(key);
      if (!p) m.set(key, (p = buildPredictionData(scene, pred, key, 0)));
      return p;
    };
    const mine = [...mapLayers(ctx, d.map), ...agentLayers(ctx, d.agents), ...predictionLayers(ctx, preds)];
    const byId = new Map(mine.map((l) => [l.id, l]));
    return build(s).map((l) => byId.get(l.id) ?? l);
  };
}
