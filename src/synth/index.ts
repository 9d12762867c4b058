// Synthetic interactive scenes in genuine WOMD form (issue 3). generateScene(seed, index) builds a
// randomised layout, places an interacting pair (and background traffic, pedestrians, parked
// cars), simulates 9 s at 10 Hz with the behaviour model of sim.ts, and returns the Scene plus
// the simulation's own decision (who went first) as sidecar truth, never written into the Scene.
import { buildScene, type SceneInput, type StateInput, type TrackInput } from '../scene/build';
import { ObjectType, STEP_S, type Scene } from '../scene/scene';
import { validateScene } from './checks';
import { buildLayout, LAYOUTS, STEPS, type AgentKind, type Layout, type LayoutName } from './layouts';
import { DS, type Pt } from './path';
import { Rng } from '../util/rng';
import {
  freeSpeed,
  relationsFor,
  routeGeo,
  simulate,
  type AgentSpec,
  type SimRelation,
  type RouteGeo,
} from './sim';

export { LAYOUTS, type LayoutName } from './layouts';

export interface SynthTruth {
  id: string;
  layout: LayoutName;
  interactive: boolean;
  first: 'A' | 'B' | null;
  yielder: 'A' | 'B' | null;
  /** World coordinates. */
  conflict: { x: number; y: number } | null;
  /** Seconds from scene start at which A / B reach the conflict point. */
  tA: number | null;
  tB: number | null;
  /**
   * Extra to the contract: who had the right of way by rule (main road, circulating traffic,
   * oncoming straight, vehicle over crosswalk gap), null under first-come or all-way-stop order.
   */
  rightOfWay?: 'A' | 'B' | null;
}

export interface SynthOptions {
  layouts?: LayoutName[];
  /** Share of scenes set up for an interaction (the rest get a non-interacting pair). */
  interactiveShare?: number;
}

export const CURRENT_INDEX = 10;
/** Attempts before a scene that fails the plausibility checks is given up on. */
const ATTEMPTS = 12;

const MAX_PARKED = 8;

function agentSpec(rng: Rng, kind: AgentKind, route: number): AgentSpec {
  const alpha = rng.next();
  if (kind === 'pedestrian')
    return {
      kind,
      L: rng.uniform(0.5, 0.9),
      W: rng.uniform(0.5, 0.9),
      H: rng.uniform(1.5, 1.9),
      route,
      s: 0,
      v: 0,
      spawn: 0,
      vDes: rng.uniform(1.1, 1.7),
      aMax: 0.9,
      bComf: 1.5,
      headway: 0.6,
      alpha,
    };
  if (kind === 'cyclist')
    return {
      kind,
      L: rng.uniform(1.6, 1.9),
      W: rng.uniform(0.6, 0.8),
      H: rng.uniform(1.6, 1.9),
      route,
      s: 0,
      v: 0,
      spawn: 0,
      vDes: rng.uniform(4.5, 6.5),
      aMax: 1.2,
      bComf: 2,
      headway: 1.0,
      alpha,
    };
  const big = rng.chance(0.08);
  return {
    kind,
    L: big ? rng.uniform(6.5, 9) : rng.uniform(4.2, 5.2),
    W: big ? rng.uniform(2.3, 2.5) : rng.uniform(1.75, 2.05),
    H: big ? rng.uniform(2.6, 3.4) : rng.uniform(1.45, 1.9),
    route,
    s: 0,
    v: 0,
    spawn: 0,
    vDes: rng.uniform(0.85, 1.1),
    aMax: big ? rng.uniform(1.0, 1.4) : rng.uniform(1.4, 2.4),
    bComf: rng.uniform(2, 3),
    headway: rng.uniform(1.0, 1.6),
    alpha,
  };
}

/** Speed at arc length s that still allows stopping for a control ahead at 2 m/s^2. */
function startSpeed(layout: Layout, a: AgentSpec, v0: Float32Array): number {
  let v = v0[Math.min(v0.length - 1, Math.floor(a.s / DS))]! * 0.95;
  for (const c of layout.routes[a.route]!.controls) {
    const gap = c.s - (a.s + a.L / 2);
    if (gap < -0.5) continue;
    v = Math.min(v, Math.sqrt(2 * 2 * Math.max(0, gap - 1.5)));
    break;
  }
  return v;
}

/** Arc length from which free-flow driving reaches `sc` after `t` seconds (0 if the path is too short). */
function startFor(v0: Float32Array, sc: number, t: number): number {
  let acc = 0;
  for (let k = Math.floor(sc / DS) - 1; k >= 0; k--) {
    acc += DS / Math.max(v0[k]!, 0.5);
    if (acc >= t) return k * DS;
  }
  return 0;
}

/**
 * Where (and how fast) to start so that the conflict point comes `t` seconds in. With a stop sign
 * on the way the agent is instead braking for the stop line, reaching it STOP_OVERHEAD_S before
 * `t` (the stop, the wait and pulling away take about that long).
 */
function startAt(rng: Rng, layout: Layout, a: AgentSpec, v0: Float32Array, sc: number, t: number): void {
  const stop = layout.routes[a.route]!.controls.find((c) => c.stopSign && c.s < sc);
  if (!stop) {
    a.s = startFor(v0, sc, Math.max(1.5, t));
    a.v = startSpeed(layout, a, v0);
    return;
  }
  const line = stop.s - a.L / 2 - 1;
  const ts = Math.max(0.5, t - STOP_OVERHEAD_S);
  const b = rng.uniform(1.3, 2.2);
  const v = Math.min(b * ts, v0[Math.max(0, Math.floor(line / DS) - 1)]! + 4);
  a.v = v;
  a.s = Math.max(0, line - (v * ts) / 2);
}

const STOP_OVERHEAD_S = 2.5;

/**
 * Whether two agents present at the start are already committed to a collision: one of them is
 * too close to its conflict zone to stop comfortably while the other is in or near its own.
 */
function startConflict(layout: Layout, geo: RouteGeo, a: AgentSpec, b: AgentSpec): boolean {
  const thr = (a.W + b.W) / 2 + 0.6;
  for (const r of relationsFor(geo, layout.routes, a.route, b.route, thr)) {
    if (r.kind === 'shared' && r.M[0] < 1 && r.M[1] < 1) continue;
    const ag = [a, b];
    const close = (x: number) =>
      r.zin[x]! - (ag[x]!.s + ag[x]!.L / 2) < (ag[x]!.v * ag[x]!.v) / (2 * 2.5) + 4;
    const near = (x: number) =>
      ag[x]!.s + ag[x]!.L / 2 > r.zin[x]! - 15 && ag[x]!.s - ag[x]!.L / 2 < r.zout[x]!;
    if ((close(0) && near(1)) || (close(1) && near(0))) return true;
  }
  return false;
}

interface Placed {
  layout: Layout;
  specs: AgentSpec[];
  signals: ReturnType<Layout['signalize']>;
  parked: { x: number; y: number; h: number; L: number; W: number; H: number }[];
  geo: RouteGeo;
}

function place(rng: Rng, name: LayoutName, interactive: boolean): Placed {
  const layout = buildLayout(name, rng);
  const pool = interactive ? layout.interactive : layout.nonInteractive;
  const choice = rng.pick(pool);
  const swap = rng.chance(0.5);
  const aSpec = agentSpec(rng, 'vehicle', choice.a);
  const bSpec = agentSpec(rng, choice.bKind, choice.b);
  const thr = (aSpec.W + bSpec.W) / 2 + 0.6;
  const geo = routeGeo(layout.routes);
  const rel = relationsFor(geo, layout.routes, choice.a, choice.b, thr)[0];
  const v0A = freeSpeed(layout.routes[choice.a]!, aSpec);
  const v0B = freeSpeed(layout.routes[choice.b]!, bSpec);
  const signals = layout.signalize(
    rng,
    layout.routes[choice.a]!.arm,
    choice.redForB ? layout.routes[choice.b]!.arm : null,
  );
  if (rel) {
    // B's arrival relative to A's. The agent without right of way needs a gap of a few seconds
    // to go first, so it is aimed earlier; that keeps both orders common in every layout.
    const pa = layout.routes[choice.a]!.prio[Math.floor(rel.zin[0] / DS)]!;
    const pb = layout.routes[choice.b]!.prio[Math.floor(rel.zin[1] / DS)]!;
    const minor = pb < pa ? choice.b : choice.a;
    const stopped = layout.routes[minor]!.controls.some((c) => c.stopSign);
    const lead = rel.kind === 'shared' ? 1.5 : choice.bKind === 'pedestrian' ? 6 : stopped ? 8 : 5;
    // A minor road with a stop sign needs the main-road car far off to go first.
    const tA =
      stopped && pa !== pb && interactive && rng.chance(0.85) ? rng.uniform(6, 10) : rng.uniform(2.0, 4.5);
    let dt = !interactive
      ? 0
      : pb < pa
        ? rng.uniform(-lead, 1.5)
        : pa < pb
          ? rng.uniform(-1.5, lead)
          : rng.uniform(-2.8, 2.8);
    if (!interactive && !choice.redForB && rng.chance(0.5))
      dt = (rng.chance(0.5) ? 1 : -1) * rng.uniform(8, 12);
    startAt(rng, layout, aSpec, v0A, rel.sc[0], tA);
    startAt(rng, layout, bSpec, v0B, rel.sc[1], tA + dt);
  } else {
    aSpec.s = rng.uniform(0, layout.routes[choice.a]!.path.length * 0.35);
    bSpec.s = rng.uniform(0, layout.routes[choice.b]!.path.length * 0.35);
    aSpec.v = startSpeed(layout, aSpec, v0A);
    bSpec.v = startSpeed(layout, bSpec, v0B);
  }
  const specs = swap ? [bSpec, aSpec] : [aSpec, bSpec];
  const clear = (s: AgentSpec, others: AgentSpec[]) => {
    const p = layout.routes[s.route]!.path;
    const x = p.x(s.s);
    const y = p.y(s.s);
    return others.every((o) => {
      if (o.spawn !== s.spawn && Math.abs(o.spawn - s.spawn) > 30) return true;
      const q = layout.routes[o.route]!.path;
      if (Math.hypot(q.x(o.s) - x, q.y(o.s) - y) <= (s.L + o.L) / 2 + 8) return false;
      return s.spawn > 0 || o.spawn > 0 || !startConflict(layout, geo, s, o);
    });
  };
  const nBg = rng.int(name === 'midblock_crosswalk' ? 3 : 6, name === 'onramp_merge' ? 16 : 12);
  for (let k = 0; k < nBg * 4 && specs.length < nBg + 2; k++) {
    const follow = rng.chance(0.3);
    const route = follow ? rng.pick([choice.a, choice.b]) : rng.pick(layout.vehicleRoutes);
    if (layout.routes[route]!.lanes.length === 0) continue;
    const s = agentSpec(rng, 'vehicle', route);
    const len = layout.routes[route]!.path.length;
    if (follow) {
      const lead = specs.find((x) => x.route === route)!;
      s.s = lead.s - rng.uniform(18, 45) - lead.L;
      if (s.s < 0) continue;
    } else if (rng.chance(0.55)) s.s = rng.uniform(0, len * 0.7);
    else s.spawn = rng.int(5, 80);
    if (!clear(s, specs)) continue;
    s.v = startSpeed(layout, s, freeSpeed(layout.routes[route]!, s));
    specs.push(s);
  }
  for (let k = 0, n = rng.int(0, 3); k < n * 2 && layout.pedRoutes.length > 0; k++) {
    const route = rng.pick(layout.pedRoutes);
    const s = agentSpec(rng, 'pedestrian', route);
    s.s = rng.uniform(0, layout.routes[route]!.path.length * 0.5);
    if (rng.chance(0.3)) {
      s.s = 0;
      s.spawn = rng.int(5, 70);
    }
    if (!clear(s, specs)) continue;
    s.v = s.vDes;
    specs.push(s);
  }
  const parked = rng
    .shuffle(layout.parking.slice())
    .slice(0, MAX_PARKED)
    .map((p) => ({ ...p, L: rng.uniform(4.2, 5.0), W: rng.uniform(1.75, 2.0), H: rng.uniform(1.45, 1.8) }));
  return { layout, specs, signals, parked, geo };
}

function crossTime(s: Float64Array, valid: Uint8Array, sc: number): number | null {
  for (let t = 1; t < STEPS; t++) {
    if (!valid[t] || !valid[t - 1]) continue;
    const a = s[t - 1]!;
    const b = s[t]!;
    if (a <= sc && b >= sc) return Number(((t - 1 + (b > a ? (sc - a) / (b - a) : 0)) * STEP_S).toFixed(3));
  }
  if (valid[0] && s[0]! >= sc) return 0;
  return null;
}

export function generateScene(
  seed: number,
  index: number,
  opts: SynthOptions = {},
): { scene: Scene; truth: SynthTruth } {
  const { scene, truth } = generateSceneDetailed(seed, index, opts);
  return { scene, truth };
}

/**
 * generateScene plus how many attempts it took: an attempt whose scene fails the plausibility
 * checks is thrown away and the next attempt draws a new layout and agents; the last attempt keeps
 * only the pair.
 */
export function generateSceneDetailed(
  seed: number,
  index: number,
  opts: SynthOptions = {},
): { scene: Scene; truth: SynthTruth; attempts: number; plausible: boolean } {
  const layouts = opts.layouts && opts.layouts.length > 0 ? opts.layouts : LAYOUTS;
  const pre = new Rng(seed, index, 0);
  const name = layouts[Math.floor(pre.next() * layouts.length)]!;
  const interactive = pre.next() < (opts.interactiveShare ?? 0.75);
  for (let attempt = 0; ; attempt++) {
    const last = attempt === ATTEMPTS - 1;
    const out = attemptScene(seed, index, name, interactive, new Rng(seed, index, attempt + 1), last);
    const plausible = validateScene(out.scene).length === 0;
    if (plausible || last) return { ...out, attempts: attempt + 1, plausible };
  }
}

function attemptScene(
  seed: number,
  index: number,
  name: LayoutName,
  wantInteractive: boolean,
  rng: Rng,
  bare: boolean,
) {
  const placed = place(rng, name, wantInteractive);
  const { layout, signals, parked } = placed;
  // Last resort: the pair alone, which the checks nearly always accept.
  const specs = bare ? placed.specs.slice(0, 2) : placed.specs;
  const sim = simulate(layout, signals, specs, placed.geo);
  const rot = rng.uniform(-Math.PI, Math.PI);
  const X0 = rng.uniform(-9000, 9000);
  const Y0 = rng.uniform(-9000, 9000);
  const Z0 = rng.uniform(-30, 250);
  const c = Math.cos(rot);
  const s = Math.sin(rot);
  const world = (p: Pt) => ({ x: X0 + c * p.x - s * p.y, y: Y0 + s * p.x + c * p.y, z: Z0 });
  const types: Record<AgentKind, number> = {
    vehicle: ObjectType.Vehicle,
    cyclist: ObjectType.Cyclist,
    pedestrian: ObjectType.Pedestrian,
  };
  const tracks: TrackInput[] = [];
  const order: number[] = [];
  sim.trajectories.forEach((tr, i) => {
    const sp = specs[i]!;
    const states: StateInput[] = [];
    for (let t = 0; t < STEPS; t++) {
      if (!tr.valid[t]) {
        states.push({ valid: false });
        continue;
      }
      const p = world({ x: tr.x[t]!, y: tr.y[t]! });
      const h = tr.h[t]! + rot;
      states.push({
        x: p.x,
        y: p.y,
        z: Z0 + sp.H / 2,
        length: sp.L,
        width: sp.W,
        height: sp.H,
        heading: normalize(h),
        vx: tr.v[t]! * Math.cos(h),
        vy: tr.v[t]! * Math.sin(h),
        valid: true,
      });
    }
    order.push(tracks.length);
    tracks.push({ id: 0, type: types[sp.kind], states });
  });
  if (!bare)
    for (const p of parked) {
      const q = world(p);
      const st: StateInput = {
        x: q.x,
        y: q.y,
        z: Z0 + p.H / 2,
        length: p.L,
        width: p.W,
        height: p.H,
        heading: normalize(p.h + rot),
        vx: 0,
        vy: 0,
        valid: true,
      };
      tracks.push({ id: 0, type: ObjectType.Vehicle, states: Array.from({ length: STEPS }, () => st) });
    }
  // Track order and ids as in WOMD: arbitrary order, ids unique within the scene.
  const perm = rng.shuffle(tracks.map((_, i) => i));
  const shuffled = perm.map((i) => tracks[i]!);
  let nextId = rng.int(100, 3000);
  for (const t of shuffled) {
    t.id = nextId;
    nextId += rng.int(1, 40);
  }
  const where = (orig: number) => perm.indexOf(orig);
  const ia = where(0);
  const ib = where(1);
  const validAt = (k: number, t: number) => shuffled[k]!.states[t]!.valid === true;
  const moving = perm
    .map((orig, k) => ({ orig, k }))
    .filter(
      ({ orig, k }) => orig >= 2 && orig < specs.length && validAt(k, CURRENT_INDEX) && validAt(k, STEPS - 1),
    );
  const vehicleMoving = moving.filter(({ orig }) => specs[orig]!.kind === 'vehicle');
  let sdc = ia;
  const r = rng.next();
  if (specs[0]!.kind === 'vehicle' && r < 0.35) sdc = ia;
  else if (specs[1]!.kind === 'vehicle' && r < 0.55) sdc = ib;
  else if (vehicleMoving.length > 0) sdc = rng.pick(vehicleMoving).k;
  const extra = rng.shuffle(moving.map((m) => m.k)).slice(0, rng.int(0, 4));
  const input: SceneInput = {
    id: `synth-${seed}-${index}`,
    timestamps: Array.from({ length: STEPS }, (_, t) => Number((t * STEP_S).toFixed(1))),
    currentIndex: CURRENT_INDEX,
    sdc,
    objectsOfInterest: [shuffled[ia]!.id, shuffled[ib]!.id],
    tracksToPredict: [ia, ib, ...extra].map((trackIndex) => ({ trackIndex, difficulty: 1 })),
    tracks: shuffled,
    features: layout.map.features(world),
    signals: Array.from({ length: STEPS }, (_, t) =>
      signals.map((sg) => ({ lane: sg.lane, state: sg.states[t]!, stop: world(sg.stop) })),
    ),
  };
  const scene = buildScene(input);
  const truth = truthOf(input.id, name, sim.relations, sim.trajectories, world);
  return { scene, truth };
}

function truthOf(
  id: string,
  layout: LayoutName,
  relations: SimRelation[],
  trs: ReturnType<typeof simulate>['trajectories'],
  world: (p: Pt) => { x: number; y: number },
): SynthTruth {
  const rel = relations.find((r) => (r.i === 0 && r.j === 1) || (r.i === 1 && r.j === 0));
  if (!rel)
    return { id, layout, interactive: false, first: null, yielder: null, conflict: null, tA: null, tB: null };
  const sideOfA: 0 | 1 = rel.i === 0 ? 0 : 1;
  const sideOfB = (1 - sideOfA) as 0 | 1;
  const tA = crossTime(trs[0]!.s, trs[0]!.valid, rel.sc[sideOfA]);
  const tB = crossTime(trs[1]!.s, trs[1]!.valid, rel.sc[sideOfB]);
  const p = world(rel.point);
  const conflict = { x: Number(p.x.toFixed(3)), y: Number(p.y.toFixed(3)) };
  const interactive = rel.contested && rel.token !== -1 && (tA !== null || tB !== null);
  if (!interactive) return { id, layout, interactive: false, first: null, yielder: null, conflict, tA, tB };
  const rightOfWay = rel.rule === 'yield' ? (rel.major === sideOfA ? 'A' : 'B') : null;
  const first = rel.token === sideOfA ? 'A' : 'B';
  const second = first === 'A' ? sideOfB : sideOfA;
  const yielder = rel.bound[second] ? (first === 'A' ? 'B' : 'A') : null;
  return { id, layout, interactive, first, yielder, conflict, tA, tB, rightOfWay };
}

function normalize(a: number): number {
  let r = (a + Math.PI) % (2 * Math.PI);
  if (r < 0) r += 2 * Math.PI;
  return r - Math.PI;
}

export function* generateScenes(
  seed: number,
  count: number,
  opts: SynthOptions = {},
): Generator<{ scene: Scene; truth: SynthTruth }> {
  for (let i = 0; i < count; i++) yield generateScene(seed, i, opts);
}
