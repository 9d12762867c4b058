// Agents, their fading history trails and their ground-truth futures. The GPU columns are built
// once per scene and memoised; playback passes the same objects to deck every frame with a new
// `time`, so deck only updates uniforms.
import type { Layer } from '@deck.gl/core';
import {
  F,
  S_HEADING,
  S_LENGTH,
  S_VALID,
  S_WIDTH,
  S_X,
  S_Y,
  normalizeAngle,
  type Scene,
} from '../../scene/scene';
import { AGENT_COLORS, ROLE_COLORS, type RGBA } from '../palette';
import { agentBuffers, setAgentInstance, type AgentBuffers } from './agent-buffers';
import { AgentLayer } from './agent-layer';
import { SIMPLIFY_M, simplifyTimed } from './simplify';
import type { LayerContext } from './context';
import { TimedPathLayer } from './timed-path-layer';

export type AgentRole = keyof typeof ROLE_COLORS;

/** The highest role of each track: SDC, object of interest, track to predict, none. */
export function agentRoles(scene: Scene): AgentRole[] {
  const roles: AgentRole[] = Array.from({ length: scene.tracks.count }, () => 'none');
  for (const i of scene.tracksToPredict.trackIndex) if (roles[i]) roles[i] = 'predict';
  for (const id of scene.objectsOfInterest) {
    const i = scene.tracks.ids.indexOf(id);
    if (i >= 0) roles[i] = 'interest';
  }
  if (scene.sdc >= 0 && scene.sdc < roles.length) roles[scene.sdc] = 'sdc';
  return roles;
}

/**
 * One contiguous valid run of a track as a timed polyline (step per point): the trails layer draws
 * it up to the current time, the future layer from there on. Not labels' TrackPath (a driven path).
 */
export interface AgentTrail {
  track: number;
  path: Float32Array;
  timestamps: Float32Array;
  color: RGBA;
}

export interface AgentData {
  buffers: AgentBuffers;
  /** Contiguous valid runs of each track, with the step of every point. */
  paths: AgentTrail[];
  roles: AgentRole[];
}

const cache = new WeakMap<Scene, AgentData>();
/** Agent data begun by agentLayers.prepare and not finished (a staging overtaken), per scene. */
const building = new WeakMap<Scene, Generator<void, AgentData, void>>();

/** Runs the steps to their end. */
function finish(steps: Generator<void, AgentData, void>): AgentData {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** The scene's agent data, built on first use (or finished, if prepare began it) and kept for as long as the scene lives. */
export function agentData(scene: Scene): AgentData {
  let data = cache.get(scene);
  if (!data) {
    data = finish(building.get(scene) ?? agentDataSteps(scene));
    building.delete(scene);
    cache.set(scene, data);
  }
  return data;
}

/**
 * The agents' data built a track per step, for the engine's staging of a new scene (LayerGroup
 * .prepare): built in one task, a 128-agent scene's was a 50-62 ms staging task on two cores with
 * one busy (npm run bench -- list, `data group 2`).
 */
agentLayers.prepare = function* (ctx: LayerContext): Generator<void, void, void> {
  if (cache.has(ctx.scene)) return;
  const steps = building.get(ctx.scene) ?? agentDataSteps(ctx.scene);
  building.set(ctx.scene, steps);
  const data = yield* steps;
  building.delete(ctx.scene);
  cache.set(ctx.scene, data);
};

/** `tolerance`: the trails' SIMPLIFY_M (simplify.ts); 0 keeps every point (the viewer bench's baseline). */
export function buildAgentData(scene: Scene, tolerance = SIMPLIFY_M): AgentData {
  return finish(agentDataSteps(scene, tolerance));
}

/** Builds the agent data, yielding after each track. */
function* agentDataSteps(scene: Scene, tolerance = SIMPLIFY_M): Generator<void, AgentData, void> {
  const { count: N, steps: T, state, types } = scene.tracks;
  const buffers = agentBuffers(N, T);
  /** [x, y, heading, valid] of the state row at offset o. */
  const pose = (o: number) => [
    state[o + S_X]!,
    state[o + S_Y]!,
    normalizeAngle(state[o + S_HEADING]!),
    state[o + S_VALID]!,
  ];
  const roles = agentRoles(scene);
  const paths: AgentTrail[] = [];
  for (let i = 0; i < N; i++) {
    const fc = AGENT_COLORS[types[i]!] ?? AGENT_COLORS[0]!;
    const lc = ROLE_COLORS[roles[i]!];
    let run: number[] = [];
    let runT: number[] = [];
    const endRun = () => {
      if (run.length >= 4)
        paths.push({
          track: i,
          // fewer segments, none off by over 1 cm or 1 ms (simplify.ts): a software GPU pays per segment
          ...simplifyTimed(Float32Array.from(run), Float32Array.from(runT), tolerance),
          color: fc,
        });
      run = [];
      runT = [];
    };
    for (let t = 0; t < T; t++) {
      const k = i * T + t;
      const o0 = k * F;
      const o1 = (i * T + Math.min(t + 1, T - 1)) * F;
      setAgentInstance(buffers, k, {
        pose0: pose(o0),
        pose1: pose(o1),
        sizes: [state[o0 + S_LENGTH]!, state[o0 + S_WIDTH]!, state[o1 + S_LENGTH]!, state[o1 + S_WIDTH]!],
        fill: fc,
        line: lc,
      });
      if (state[o0 + S_VALID]) {
        run.push(state[o0 + S_X]!, state[o0 + S_Y]!);
        runT.push(t);
      } else endRun();
    }
    endRun();
    yield;
  }
  return { buffers, paths, roles };
}

/** History trail length: 2 s. */
const TRAIL_STEPS = 20;

export function agentLayers(ctx: LayerContext, d = agentData(ctx.scene)): Layer[] {
  const on = ctx.view.layers;
  const out: Layer[] = [];
  const pathCommon = {
    data: d.paths,
    positionFormat: 'XY' as const,
    getPath: (p: AgentTrail) => p.path,
    getTimestamps: (p: AgentTrail) => p.timestamps,
    getColor: (p: AgentTrail) => p.color,
    widthUnits: 'meters' as const,
    widthMinPixels: 2,
    jointRounded: true,
    capRounded: true,
    time: ctx.time,
    trailSteps: TRAIL_STEPS,
  };
  if (on.future)
    out.push(
      new TimedPathLayer<AgentTrail>({
        id: 'agent-future',
        ...pathCommon,
        getWidth: 0.3,
        future: true,
        opacity: 0.55,
      }),
    );
  if (on.trails)
    out.push(
      new TimedPathLayer<AgentTrail>({ id: 'agent-trails', ...pathCommon, getWidth: 0.6, future: false }),
    );
  if (on.agents)
    out.push(
      new AgentLayer({
        id: 'agents',
        data: d.buffers,
        time: ctx.time,
        selected: ctx.view.selected,
        hovered: ctx.view.hovered,
        lineWidthPixels: 2,
        pickable: true,
      }),
    );
  return out;
}
