// The interpretable interaction graph of labels/ on the map: an arrow from agent to agent per
// relation (passes first, yields to, follows), drawn between the agents' current poses. The graph
// is computed once per scene; only the arrow ends move with the time (a handful of segments).
import type { Layer } from '@deck.gl/core';
import { LineLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { interactionGraphSteps, type InteractionGraph } from '../../labels';
import { poseAt } from '../../scene/interpolate';
import type { Scene } from '../../scene/scene';
import { RELATION_COLORS, type RGBA } from '../palette';
import type { LayerContext } from './context';

// per scene, per pair centred on (the user may choose another pair than the scene's)
const cache = new WeakMap<Scene, Map<string, InteractionGraph>>();

export function sceneGraph(scene: Scene, pair: [number, number] | null = null): InteractionGraph {
  const steps = sceneGraphSteps(scene, pair);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * sceneGraph a node pair at a time (labels' interactionGraphSteps): the graph of a scene with
 * eight agents near its pair labels 28 pairs, 87 ms in one task on the page's main thread under
 * load (npm run bench -- list), so the engine's staging takes it in slices. Cached when done.
 */
function* sceneGraphSteps(
  scene: Scene,
  pair: [number, number] | null,
): Generator<void, InteractionGraph, void> {
  let byPair = cache.get(scene);
  if (!byPair) cache.set(scene, (byPair = new Map()));
  const key = pair ? pair.join(',') : '';
  let g = byPair.get(key);
  if (!g) byPair.set(key, (g = yield* interactionGraphSteps(scene, pair ? { pair } : {})));
  return g;
}

interface Arrow {
  from: [number, number];
  to: [number, number];
  head: [number, number][];
  color: RGBA;
  relation: string;
}

export function graphArrows(scene: Scene, time: number, pair: [number, number] | null = null): Arrow[] {
  const out: Arrow[] = [];
  for (const e of sceneGraph(scene, pair).edges) {
    if (e.relation === 'none') continue;
    const a = poseAt(scene.tracks, e.from, time);
    const b = poseAt(scene.tracks, e.to, time);
    if (!a || !b) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    if (len < 1) continue;
    const ux = dx / len;
    const uy = dy / len;
    // stop short of the target's centre so the head sits beside its box
    const tip: [number, number] = [b.x - ux * 2.5, b.y - uy * 2.5];
    const base = [tip[0] - ux * 2.2, tip[1] - uy * 2.2];
    out.push({
      from: [a.x + ux * 2.5, a.y + uy * 2.5],
      to: tip,
      head: [tip, [base[0]! - uy * 1.1, base[1]! + ux * 1.1], [base[0]! + uy * 1.1, base[1]! - ux * 1.1]],
      color: RELATION_COLORS[e.relation],
      relation: e.relation,
    });
  }
  return out;
}

/** The graph the layers will draw, computed a slice per step (LayerGroup.prepare). */
graphLayers.prepare = function* (ctx: LayerContext): Generator<void, void, void> {
  if (ctx.view.layers.graph) yield* sceneGraphSteps(ctx.scene, ctx.view.pair);
};

export function graphLayers(ctx: LayerContext): Layer[] {
  if (!ctx.view.layers.graph) return [];
  const arrows = graphArrows(ctx.scene, ctx.time, ctx.view.pair);
  return [
    new LineLayer<Arrow>({
      id: 'graph-edges',
      data: arrows,
      getSourcePosition: (a) => a.from,
      getTargetPosition: (a) => a.to,
      getColor: (a) => a.color,
      getWidth: 3,
      widthUnits: 'pixels',
    }),
    new SolidPolygonLayer<Arrow>({
      id: 'graph-heads',
      data: arrows,
      getPolygon: (a) => a.head,
      getFillColor: (a) => a.color,
    }),
  ];
}
