// The six road layouts, each randomised per scene (angles, lane counts, widths, curvature) and
// built in a local frame around the junction: lanes with topology, road lines, road edges,
// crosswalks, stop signs, signal programs, the routes agents drive, and the candidate pairs.
import { LaneType, MapKind, RoadEdgeType, RoadLineType, SignalState, STEP_S } from '../scene/scene';
import { MapBuilder, type Control, type Lane, type Route, type Turn } from './map';
import { arc, bezier, join, line, Path, type Pt, wrap } from './path';
import type { Rng } from '../util/rng';

export type LayoutName =
  | 'signalized_4way'
  | 'all_way_stop'
  | 't_junction_left'
  | 'onramp_merge'
  | 'roundabout'
  | 'midblock_crosswalk';

export const LAYOUTS: LayoutName[] = [
  'signalized_4way',
  'all_way_stop',
  't_junction_left',
  'onramp_merge',
  'roundabout',
  'midblock_crosswalk',
];

export const STEPS = 91;

export type AgentKind = 'vehicle' | 'cyclist' | 'pedestrian';

/** A candidate interacting pair: route indices and what B is. */
export interface PairChoice {
  a: number;
  b: number;
  bKind: AgentKind;
  /** B's approach is held at red for the whole scene (a non-interacting pair by signal). */
  redForB?: boolean;
}

export interface SignalLane {
  lane: number;
  stop: Pt;
  states: Uint8Array;
}

export interface Spot {
  x: number;
  y: number;
  h: number;
}

export interface Layout {
  name: LayoutName;
  map: MapBuilder;
  routes: Route[];
  /** Route indices that vehicles (background included) may use. */
  vehicleRoutes: number[];
  /** Route indices pedestrians may use: crossings and sidewalks. */
  pedRoutes: number[];
  allWayStop: boolean;
  interactive: PairChoice[];
  nonInteractive: PairChoice[];
  parking: Spot[];
  /** Builds the per-step signal states; `green` is the arm whose phase starts green. */
  signalize(rng: Rng, green: number, holdArm: number | null): SignalLane[];
}

/** A route along a path that has no lane (pedestrian crossings and sidewalks). */
function freeRoute(pts: Pt[], speed: number, prio: number, arm: number): Route {
  const path = new Path(pts);
  return {
    lanes: [],
    starts: [0],
    path,
    controls: [],
    turn: 'S',
    arm,
    limit: new Float32Array(path.n).fill(speed),
    prio: new Uint8Array(path.n).fill(prio),
  };
}

const dir = (a: number): Pt => ({ x: Math.cos(a), y: Math.sin(a) });
const add = (p: Pt, q: Pt, k = 1): Pt => ({ x: p.x + k * q.x, y: p.y + k * q.y });
const at = (u: Pt, d: number, n: Pt, o: number): Pt => ({ x: u.x * d + n.x * o, y: u.y * d + n.y * o });

function turnOf(fromAngle: number, toAngle: number): Turn {
  const d = wrap(toAngle - (fromAngle + Math.PI));
  return d > 0.5 ? 'L' : d < -0.5 ? 'R' : 'S';
}

interface ArmSpec {
  angle: number;
  lanes: number;
  parking: boolean;
  minor: boolean;
}

interface JunctionOpts {
  arms: ArmSpec[];
  w: number;
  speedMph: number;
  crosswalks: boolean;
  stopSigns: 'all' | 'minor' | 'none';
  signalised: boolean;
  prio: (from: ArmSpec, turn: Turn) => number;
  /** Arm length range, metres. */
  armLen?: [number, number];
}

interface Junction {
  map: MapBuilder;
  routes: Route[];
  /** routeAt[fromArm][turn] = route indices. */
  byMove: Map<string, number[]>;
  connectors: { lane: Lane; arm: number; stop: Pt }[];
  parking: Spot[];
  pedRoutes: Route[];
}

const ARM_LEN: [number, number] = [105, 130];
const SHOULDER = 0.6;
const PARK_W = 2.4;

/** A 3- or 4-arm intersection; arms sorted counter-clockwise by angle. */
function junction(rng: Rng, o: JunctionOpts): Junction {
  const map = new MapBuilder(rng.int(1, 400));
  const { w } = o;
  const arms = o.arms;
  const edgeOff = (a: ArmSpec) => a.lanes * w + SHOULDER + (a.parking ? PARK_W : 0);
  const R = Math.max(...arms.map(edgeOff)) + rng.uniform(4.5, 7);
  const len = rng.uniform(...(o.armLen ?? ARM_LEN));
  const inc: Lane[][] = [];
  const out: Lane[][] = [];
  const parking: Spot[] = [];
  const pedRoutes: Route[] = [];
  arms.forEach((a, k) => {
    const u = dir(a.angle);
    const n = dir(a.angle + Math.PI / 2);
    const lim = a.minor ? o.speedMph - 5 : o.speedMph;
    inc[k] = [];
    out[k] = [];
    for (let j = 0; j < a.lanes; j++) {
      const off = w * (j + 0.5);
      inc[k]!.push(map.lane(line(at(u, R + len, n, off), at(u, R, n, off)), lim, 2));
      out[k]!.push(map.lane(line(at(u, R, n, -off), at(u, R + len, n, -off)), lim, 2));
    }
    const cl = map.polyline(
      MapKind.RoadLine,
      RoadLineType.SolidDoubleYellow,
      line(at(u, R, n, 0), at(u, R + len, n, 0)),
    );
    for (let j = 1; j < a.lanes; j++) {
      const li = map.polyline(
        MapKind.RoadLine,
        RoadLineType.BrokenSingleWhite,
        line(at(u, R + len, n, w * j), at(u, R, n, w * j)),
      );
      map.neighbors(inc[k]![j]!, inc[k]![j - 1]!, li, RoadLineType.BrokenSingleWhite);
      const lo = map.polyline(
        MapKind.RoadLine,
        RoadLineType.BrokenSingleWhite,
        line(at(u, R, n, -w * j), at(u, R + len, n, -w * j)),
      );
      map.neighbors(out[k]![j]!, out[k]![j - 1]!, lo, RoadLineType.BrokenSingleWhite);
    }
    const pts = (l: Lane) => l.path.points(1).length - 1;
    inc[k]![0]!.leftB.push({
      laneStartIndex: 0,
      laneEndIndex: pts(inc[k]![0]!),
      boundaryFeatureId: cl,
      boundaryType: RoadLineType.SolidDoubleYellow,
    });
    out[k]![0]!.leftB.push({
      laneStartIndex: 0,
      laneEndIndex: pts(out[k]![0]!),
      boundaryFeatureId: cl,
      boundaryType: RoadLineType.SolidDoubleYellow,
    });
    if (o.crosswalks) {
      const e = edgeOff(a);
      map.crosswalk([at(u, R - 4, n, -e), at(u, R - 4, n, e), at(u, R - 1, n, e), at(u, R - 1, n, -e)]);
    }
    if (a.parking)
      for (const side of [1, -1]) {
        const off = side * (a.lanes * w + PARK_W / 2);
        for (let d = R + 10 + rng.uniform(0, 4); d < R + len - 10; d += rng.uniform(6.5, 8.5))
          if (rng.chance(0.55))
            parking.push({ ...at(u, d, n, off), h: side > 0 ? a.angle + Math.PI : a.angle });
      }
    // Sidewalks just outside the road edges, for pedestrians that never cross the road.
    for (const side of [1, -1]) {
      const off = side * (edgeOff(a) + 2);
      const p0 = at(u, R + 4, n, off);
      const p1 = at(u, R + len - 5, n, off);
      pedRoutes.push(freeRoute(rng.chance(0.5) ? line(p0, p1) : line(p1, p0), 1.4, 1, k));
    }
  });
  // Corner road edges between consecutive arms (counter-clockwise).
  arms.forEach((a, k) => {
    const b = arms[(k + 1) % arms.length]!;
    const ua = dir(a.angle);
    const na = dir(a.angle + Math.PI / 2);
    const ub = dir(b.angle);
    const nb = dir(b.angle + Math.PI / 2);
    const ea = edgeOff(a);
    const eb = edgeOff(b);
    const gap =
      wrap(b.angle - a.angle) <= 0 ? wrap(b.angle - a.angle) + 2 * Math.PI : wrap(b.angle - a.angle);
    const p = at(ua, R, na, ea);
    const q = at(ub, R, nb, -eb);
    const corner = gap > 2.6 ? line(p, q) : bezier(p, a.angle + Math.PI, q, b.angle, 0.45);
    map.polyline(
      MapKind.RoadEdge,
      RoadEdgeType.Boundary,
      join(line(at(ua, R + len, na, ea), p), corner, line(q, at(ub, R + len, nb, -eb))),
    );
  });
  const routes: Route[] = [];
  const byMove = new Map<string, number[]>();
  const connectors: Junction['connectors'] = [];
  const stopSigned: number[][] = arms.map(() => []);
  arms.forEach((a, k) => {
    arms.forEach((b, m) => {
      if (m === k) return;
      const turn = turnOf(a.angle, b.angle);
      const pairs: [number, number][] = [];
      if (turn === 'L') pairs.push([0, 0]);
      else if (turn === 'R') pairs.push([a.lanes - 1, b.lanes - 1]);
      else for (let j = 0; j < a.lanes; j++) pairs.push([j, Math.min(j, b.lanes - 1)]);
      for (const [ji, jo] of pairs) {
        const from = inc[k]![ji]!;
        const to = out[m]![jo]!;
        const pa = { x: from.path.xs[from.path.n - 1]!, y: from.path.ys[from.path.n - 1]! };
        const pb = { x: to.path.xs[0]!, y: to.path.ys[0]! };
        const c = turn === 'S' ? 0.35 : turn === 'L' ? 0.5 : 0.42;
        const lim = turn === 'S' ? o.speedMph : turn === 'L' ? 20 : 15;
        const conn = map.lane(bezier(pa, a.angle + Math.PI, pb, b.angle, c), lim, o.prio(a, turn));
        map.connect(from, conn);
        map.connect(conn, to);
        connectors.push({ lane: conn, arm: k, stop: pa });
        const stopSign = o.stopSigns === 'all' || (o.stopSigns === 'minor' && a.minor);
        if (stopSign && !stopSigned[k]!.includes(from.id)) stopSigned[k]!.push(from.id);
        const ctl = (r: { starts: number[] }): Control[] =>
          o.signalised || stopSign
            ? [{ s: r.starts[1]!, signalLane: o.signalised ? conn.id : undefined, stopSign }]
            : [];
        const key = `${k}${turn}`;
        byMove.set(key, [...(byMove.get(key) ?? []), routes.length]);
        routes.push(map.route([from.id, conn.id, to.id], turn, k, ctl));
      }
    });
  });
  arms.forEach((a, k) => {
    if (stopSigned[k]!.length === 0) return;
    map.stopSign(stopSigned[k]!, at(dir(a.angle), R + 0.5, dir(a.angle + Math.PI / 2), edgeOff(a) + 0.5));
  });
  return { map, routes, byMove, connectors, parking, pedRoutes };
}

/** Signal program of a 4-way: arms 0/2 and 1/3 alternate, permissive lefts. */
function fourWayProgram(j: Junction) {
  return (rng: Rng, green: number, holdArm: number | null): SignalLane[] => {
    const g = green % 2;
    // Remaining green of the starting phase: long enough that the pair meets on green.
    const rest = holdArm !== null ? rng.uniform(10, 14) : rng.uniform(8, 16);
    const yellow = rng.uniform(3, 4);
    const allRed = rng.uniform(1, 2);
    const states = (group: number) => {
      const s = new Uint8Array(STEPS);
      for (let t = 0; t < STEPS; t++) {
        const time = t * STEP_S;
        if (group === g)
          s[t] = time < rest ? SignalState.Go : time < rest + yellow ? SignalState.Caution : SignalState.Stop;
        else s[t] = time < rest + yellow + allRed ? SignalState.Stop : SignalState.Go;
      }
      return s;
    };
    const byGroup = [states(0), states(1)];
    return j.connectors.map((c) => ({ lane: c.lane.id, stop: c.stop, states: byGroup[c.arm % 2]! }));
  };
}

function jitteredArms(
  rng: Rng,
  base: number[],
  lanes: number[],
  minor: boolean[],
  parkingP: number,
): ArmSpec[] {
  const rot = rng.uniform(-Math.PI, Math.PI);
  return base.map((b, k) => ({
    angle: wrap(rot + b + rng.uniform(-0.2, 0.2)),
    lanes: lanes[k]!,
    parking: rng.chance(parkingP),
    minor: minor[k]!,
  }));
}

const moves = (j: Junction, arm: number, turn: Turn) => j.byMove.get(`${arm}${turn}`) ?? [];

function build4way(rng: Rng, name: 'signalized_4way' | 'all_way_stop'): Layout {
  const signalised = name === 'signalized_4way';
  const n1 = signalised ? rng.int(1, 2) : rng.chance(0.8) ? 1 : 2;
  const n2 = signalised ? rng.int(1, 2) : n1;
  const arms = jitteredArms(
    rng,
    [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2],
    [n1, n2, n1, n2],
    [false, false, false, false],
    0.3,
  );
  const j = junction(rng, {
    arms,
    w: rng.uniform(3.3, 3.8),
    speedMph: signalised ? rng.pick([25, 30, 35]) : 25,
    crosswalks: signalised || rng.chance(0.5),
    stopSigns: signalised ? 'none' : 'all',
    signalised,
    prio: (_a, turn) => (signalised ? (turn === 'L' ? 1 : 2) : 1),
  });
  const interactive: PairChoice[] = [];
  const nonInteractive: PairChoice[] = [];
  for (let k = 0; k < 4; k++) {
    const opp = (k + 2) % 4;
    const right = (k + 1) % 4;
    const left = (k + 3) % 4;
    const bKind = (): AgentKind => (rng.chance(0.12) ? 'cyclist' : 'vehicle');
    if (signalised) {
      for (const a of moves(j, k, 'S'))
        for (const b of moves(j, opp, 'L')) interactive.push({ a, b, bKind: 'vehicle' });
      for (const a of moves(j, k, 'S'))
        for (const b of moves(j, opp, 'R')) nonInteractive.push({ a, b, bKind: bKind() });
      for (const a of moves(j, k, 'S'))
        for (const b of moves(j, right, 'S')) nonInteractive.push({ a, b, bKind: 'vehicle', redForB: true });
    } else {
      for (const a of moves(j, k, 'S'))
        for (const b of [...moves(j, right, 'S'), ...moves(j, left, 'S'), ...moves(j, right, 'L')])
          interactive.push({ a, b, bKind: bKind() });
      for (const a of moves(j, k, 'S'))
        for (const b of moves(j, opp, 'R')) nonInteractive.push({ a, b, bKind: bKind() });
    }
  }
  return finish(name, j, interactive, nonInteractive, !signalised, signalised ? fourWayProgram(j) : () => []);
}

function finish(
  name: LayoutName,
  j: Junction,
  interactive: PairChoice[],
  nonInteractive: PairChoice[],
  allWayStop: boolean,
  signalize: Layout['signalize'],
): Layout {
  const routes = [...j.routes, ...j.pedRoutes];
  return {
    name,
    map: j.map,
    routes,
    vehicleRoutes: j.routes.map((_, i) => i),
    pedRoutes: j.pedRoutes.map((_, i) => j.routes.length + i),
    allWayStop,
    interactive,
    nonInteractive,
    parking: j.parking,
    signalize,
  };
}

function buildT(rng: Rng): Layout {
  const nm = rng.int(1, 2);
  // Arm 0: main road one way, arm 1: main road the other way, arm 2: the minor road.
  const rot = rng.uniform(-Math.PI, Math.PI);
  const arms: ArmSpec[] = [
    { angle: wrap(rot), lanes: nm, parking: rng.chance(0.3), minor: false },
    { angle: wrap(rot + Math.PI), lanes: nm, parking: rng.chance(0.3), minor: false },
    { angle: wrap(rot + 1.5 * Math.PI + rng.uniform(-0.26, 0.26)), lanes: 1, parking: false, minor: true },
  ];
  const j = junction(rng, {
    arms,
    w: rng.uniform(3.3, 3.8),
    speedMph: rng.pick([30, 35, 40]),
    crosswalks: rng.chance(0.4),
    stopSigns: 'minor',
    signalised: false,
    prio: (a, turn) => (a.minor ? 0 : turn === 'L' ? 1 : 2),
    // Long enough for the 6-9 s gaps a minor-road left turn needs (HCM critical gap ~7 s).
    armLen: [140, 170],
  });
  const bKind = (): AgentKind => (rng.chance(0.1) ? 'cyclist' : 'vehicle');
  const interactive: PairChoice[] = [];
  const nonInteractive: PairChoice[] = [];
  // Main-road left turn into the minor road across oncoming traffic (listed twice: half the pairs).
  for (let k = 0; k < 2; k++)
    for (const b of moves(j, 0, 'L'))
      for (const a of moves(j, 1, 'S')) interactive.push({ a, b, bKind: 'vehicle' });
  // Minor-road left turn across the near lane and into the far one.
  for (const b of moves(j, 2, 'L'))
    for (const a of [...moves(j, 1, 'S'), ...moves(j, 0, 'S')]) interactive.push({ a, b, bKind: bKind() });
  for (const a of moves(j, 0, 'S'))
    for (const b of moves(j, 1, 'R')) nonInteractive.push({ a, b, bKind: bKind() });
  for (const a of moves(j, 1, 'S'))
    for (const b of moves(j, 0, 'S')) nonInteractive.push({ a, b, bKind: 'vehicle' });
  return finish('t_junction_left', j, interactive, nonInteractive, false, () => []);
}

/** Highway with 2-3 lanes, an on-ramp, a parallel acceleration lane and a taper into the right lane. */
function buildOnramp(rng: Rng): Layout {
  const map = new MapBuilder(rng.int(1, 400));
  const n = rng.int(2, 3);
  const w = rng.uniform(3.5, 3.8);
  const curv = rng.uniform(-1 / 900, 1 / 900);
  const total = 420;
  const base: Pt[] = [];
  for (let s = 0; s <= total; s += 2) base.push({ x: s - 260, y: 0.5 * curv * (s - 260) ** 2 });
  const ref = new Path(base);
  const mph = rng.pick([55, 60, 65]);
  const sA = rng.uniform(200, 215); // acceleration lane starts
  const sT = sA + rng.uniform(40, 70); // taper starts
  const sM = sT + rng.uniform(45, 60); // merge complete
  const sub = (p: Path, s0: number, s1: number, off: (s: number) => number): Pt[] => {
    const out: Pt[] = [];
    for (let s = s0; s <= s1 + 1e-6; s += 1) {
      const h = p.heading(s);
      const o = off(s);
      out.push({ x: p.x(s) - o * Math.sin(h), y: p.y(s) + o * Math.cos(h) });
    }
    return out;
  };
  const up: Lane[] = [];
  const down: Lane[] = [];
  for (let j = 0; j < n; j++) {
    const off = -w * (j + 0.5);
    up.push(
      map.lane(
        sub(ref, 0, sM, () => off),
        mph,
        2,
        LaneType.Freeway,
      ),
    );
    down.push(
      map.lane(
        sub(ref, sM, total, () => off),
        mph,
        2,
        LaneType.Freeway,
      ),
    );
    map.connect(up[j]!, down[j]!);
  }
  for (let j = 1; j < n; j++) {
    const t = RoadLineType.BrokenSingleWhite;
    map.neighbors(
      up[j]!,
      up[j - 1]!,
      map.polyline(
        MapKind.RoadLine,
        t,
        sub(ref, 0, sM, () => -w * j),
      ),
      t,
    );
    map.neighbors(
      down[j]!,
      down[j - 1]!,
      map.polyline(
        MapKind.RoadLine,
        t,
        sub(ref, sM, total, () => -w * j),
      ),
      t,
    );
  }
  const accOff = -w * (n + 0.5);
  const rightOff = -w * (n - 0.5);
  const smooth = (s: number) => {
    const f = Math.min(1, Math.max(0, (s - sT) / (sM - sT)));
    return accOff + (rightOff - accOff) * f * f * (3 - 2 * f);
  };
  const acc = map.lane(sub(ref, sA, sM, smooth), mph - 10, 1, LaneType.Freeway);
  map.connect(acc, down[n - 1]!);
  const ang = rng.uniform(0.12, 0.25);
  const rampLen = rng.uniform(110, 140);
  const hA = ref.heading(sA);
  const pA = { x: ref.x(sA) - accOff * Math.sin(hA), y: ref.y(sA) + accOff * Math.cos(hA) };
  const p0 = {
    x: pA.x - rampLen * Math.cos(hA + ang),
    y: pA.y - rampLen * Math.sin(hA + ang),
  };
  const ramp = map.lane(bezier(p0, hA + ang, pA, hA, 0.4), rng.pick([35, 40, 45]), 1, LaneType.Freeway);
  map.connect(ramp, acc);
  map.polyline(
    MapKind.RoadLine,
    RoadLineType.SolidSingleWhite,
    sub(ref, sA, sT, () => -w * n),
  );
  map.polyline(
    MapKind.RoadEdge,
    RoadEdgeType.Median,
    sub(ref, 0, total, () => 0.9),
  );
  // A full-width right shoulder (room for a stopped car) that ends at the gore.
  const shoulder = 3.0;
  const gore = sA - 45;
  map.polyline(
    MapKind.RoadEdge,
    RoadEdgeType.Boundary,
    sub(ref, 0, gore, () => -w * n - shoulder),
  );
  map.polyline(
    MapKind.RoadEdge,
    RoadEdgeType.Boundary,
    sub(ref, sA, total, (s) => (s < sM ? smooth(s) - w / 2 - shoulder : -w * n - shoulder)),
  );
  const rampPath = ramp.path;
  const rightLane = up[n - 1]!.path;
  const distToRight = (x: number, y: number) => {
    let best = Infinity;
    for (let k = 0; k < rightLane.n; k += 2)
      best = Math.min(best, Math.hypot(rightLane.xs[k]! - x, rightLane.ys[k]! - y));
    return best;
  };
  // The ramp's left edge stops where the ramp comes within a lane of the main road (the gore).
  let cut = rampPath.length;
  while (cut > 2 && distToRight(rampPath.x(cut), rampPath.y(cut)) < w + 1.5) cut -= 1;
  const side = (o: number, s1: number) => sub(rampPath, 0, s1, () => o);
  map.polyline(MapKind.RoadEdge, RoadEdgeType.Boundary, side(w / 2 + 0.6, cut));
  map.polyline(MapKind.RoadEdge, RoadEdgeType.Boundary, side(-w / 2 - shoulder, rampPath.length));
  const routes: Route[] = [];
  for (let j = 0; j < n; j++) routes.push(map.route([up[j]!.id, down[j]!.id], 'S', j));
  const rampRoute = routes.length;
  routes.push(map.route([ramp.id, acc.id, down[n - 1]!.id], 'S', n));
  const interactive: PairChoice[] = [{ a: n - 1, b: rampRoute, bKind: 'vehicle' }];
  const nonInteractive: PairChoice[] = [{ a: n - 2, b: rampRoute, bKind: 'vehicle' }];
  const parking: Spot[] = [];
  // Broken-down or stopped vehicles on the right shoulder upstream of the gore, sometimes.
  if (rng.chance(0.3)) {
    const s = rng.uniform(30, gore - 30);
    const o = -w * n - 1.6;
    const h = ref.heading(s);
    parking.push({ x: ref.x(s) - o * Math.sin(h), y: ref.y(s) + o * Math.cos(h), h });
  }
  return {
    name: 'onramp_merge',
    map,
    routes,
    vehicleRoutes: routes.map((_, i) => i),
    pedRoutes: [],
    allWayStop: false,
    interactive,
    nonInteractive,
    parking,
    signalize: () => [],
  };
}

function buildRoundabout(rng: Rng): Layout {
  const map = new MapBuilder(rng.int(1, 400));
  const nArms = rng.chance(0.5) ? 3 : 4;
  const Rr = rng.uniform(14, 22);
  const wr = rng.uniform(4.2, 4.8);
  const wa = rng.uniform(3.4, 3.8);
  const rot = rng.uniform(-Math.PI, Math.PI);
  const angles = Array.from(
    { length: nArms },
    (_, k) => rot + (2 * Math.PI * k) / nArms + rng.uniform(-0.2, 0.2),
  );
  const d0 = Rr + rng.uniform(14, 18);
  const len = rng.uniform(95, 120);
  const delta = (wa / 2 + 6) / Rr;
  const ringMph = rng.pick([15, 20]);
  const armMph = rng.pick([25, 30, 35]);
  const entry: Lane[] = [];
  const exit: Lane[] = [];
  const entryConn: Lane[] = [];
  const exitConn: Lane[] = [];
  const O = { x: 0, y: 0 };
  angles.forEach((a) => {
    const u = dir(a);
    const n = dir(a + Math.PI / 2);
    const el = map.lane(line(at(u, d0 + len, n, wa / 2), at(u, d0, n, wa / 2)), armMph, 2);
    const xl = map.lane(line(at(u, d0, n, -wa / 2), at(u, d0 + len, n, -wa / 2)), armMph, 2);
    map.polyline(
      MapKind.RoadLine,
      RoadLineType.SolidDoubleYellow,
      line(at(u, d0, n, 0), at(u, d0 + len, n, 0)),
    );
    const pin = add(O, dir(a + delta), Rr);
    const pout = add(O, dir(a - delta), Rr);
    const ec = map.lane(
      bezier(at(u, d0, n, wa / 2), a + Math.PI, pin, a + delta + Math.PI / 2, 0.45),
      ringMph,
      1,
    );
    const xc = map.lane(bezier(pout, a - delta + Math.PI / 2, at(u, d0, n, -wa / 2), a, 0.45), ringMph, 2);
    map.connect(el, ec);
    map.connect(xc, xl);
    entry.push(el);
    exit.push(xl);
    entryConn.push(ec);
    exitConn.push(xc);
  });
  // Ring lane pieces between consecutive split points (exit point, then entry point, per arm).
  const splits = angles.flatMap((a, k) => [
    { a: a - delta, arm: k, kind: 'out' as const },
    { a: a + delta, arm: k, kind: 'in' as const },
  ]);
  const ring: Lane[] = [];
  splits.forEach((sp, i) => {
    const nx = splits[(i + 1) % splits.length]!;
    let a1 = nx.a;
    while (a1 <= sp.a) a1 += 2 * Math.PI;
    ring.push(map.lane(arc(O, Rr, sp.a, a1), ringMph, 2));
  });
  ring.forEach((l, i) => map.connect(l, ring[(i + 1) % ring.length]!));
  splits.forEach((sp, i) => {
    if (sp.kind === 'in') map.connect(entryConn[sp.arm]!, ring[i]!);
    else map.connect(ring[(i - 1 + ring.length) % ring.length]!, exitConn[sp.arm]!);
  });
  const island = Rr - wr / 2 - 0.6;
  map.polyline(MapKind.RoadEdge, RoadEdgeType.Median, arc(O, island, 0, 2 * Math.PI));
  map.polyline(MapKind.RoadLine, RoadLineType.SolidSingleWhite, arc(O, island + 0.4, 0, 2 * Math.PI));
  const Ro = Rr + wr / 2 + 1.2;
  const E = wa + 0.8;
  const dm = Math.sqrt(Ro * Ro - E * E);
  const beta = Math.asin(E / Ro);
  angles.forEach((a, k) => {
    const b = angles[(k + 1) % nArms]!;
    let b1 = b;
    while (b1 <= a) b1 += 2 * Math.PI;
    const ua = dir(a);
    const na = dir(a + Math.PI / 2);
    const ub = dir(b);
    const nb = dir(b + Math.PI / 2);
    map.polyline(
      MapKind.RoadEdge,
      RoadEdgeType.Boundary,
      join(
        line(at(ua, d0 + len, na, E), at(ua, dm, na, E)),
        arc(O, Ro, a + beta, b1 - beta),
        line(at(ub, dm, nb, -E), at(ub, d0 + len, nb, -E)),
      ),
    );
  });
  const routes: Route[] = [];
  const pedRoutes: number[] = [];
  // Sidewalks along each arm, outside its road edges.
  for (const a of angles)
    for (const side of [1, -1]) {
      const u = dir(a);
      const n = dir(a + Math.PI / 2);
      const p0 = at(u, d0 + 4, n, side * (E + 2));
      const p1 = at(u, d0 + len - 5, n, side * (E + 2));
      pedRoutes.push(routes.length);
      routes.push(freeRoute(rng.chance(0.5) ? line(p0, p1) : line(p1, p0), 1.4, 1, -1));
    }
  const routeOf = new Map<string, number>();
  for (let k = 0; k < nArms; k++)
    for (let m = 0; m < nArms; m++) {
      if (m === k) continue;
      const lanes = [entry[k]!.id, entryConn[k]!.id];
      const startSplit = 2 * k + 1;
      for (let i = startSplit; ; i++) {
        const idx = i % splits.length;
        lanes.push(ring[idx]!.id);
        const nx = splits[(idx + 1) % splits.length]!;
        if (nx.kind === 'out' && nx.arm === m) break;
      }
      lanes.push(exitConn[m]!.id, exit[m]!.id);
      const hops = (m - k + nArms) % nArms;
      routeOf.set(`${k}-${m}`, routes.length);
      routes.push(map.route(lanes, hops === 1 ? 'R' : hops === nArms - 1 ? 'L' : 'S', k));
    }
  const interactive: PairChoice[] = [];
  const nonInteractive: PairChoice[] = [];
  for (let k = 0; k < nArms; k++) {
    const kb = (k + 1) % nArms;
    for (let m = 0; m < nArms; m++) {
      if (m === k || m === kb) continue;
      for (let mb = 0; mb < nArms; mb++) {
        if (mb === kb) continue;
        const bKind: AgentKind = rng.chance(0.1) ? 'cyclist' : 'vehicle';
        interactive.push({ a: routeOf.get(`${k}-${m}`)!, b: routeOf.get(`${kb}-${mb}`)!, bKind });
      }
    }
    for (let mb = 0; mb < nArms; mb++)
      if (mb !== kb)
        nonInteractive.push({
          a: routeOf.get(`${k}-${kb}`)!,
          b: routeOf.get(`${kb}-${mb}`)!,
          bKind: 'vehicle',
        });
  }
  return {
    name: 'roundabout',
    map,
    routes,
    vehicleRoutes: routes.map((_, i) => i).filter((i) => !pedRoutes.includes(i)),
    pedRoutes,
    allWayStop: false,
    interactive,
    nonInteractive,
    parking: [],
    signalize: () => [],
  };
}

function buildMidblock(rng: Rng): Layout {
  const map = new MapBuilder(rng.int(1, 400));
  const n = rng.int(1, 2);
  const w = rng.uniform(3.2, 3.7);
  const curv = rng.uniform(-1 / 500, 1 / 500);
  const half = 170;
  const base: Pt[] = [];
  for (let x = -half; x <= half; x += 2) base.push({ x, y: 0.5 * curv * x * x });
  const ref = new Path(base);
  const s0 = ref.length / 2;
  const parkL = rng.chance(0.35);
  const parkR = rng.chance(0.35);
  const mph = rng.pick([25, 30, 35]);
  const eR = -(n * w + SHOULDER + (parkR ? PARK_W : 0));
  const eL = n * w + SHOULDER + (parkL ? PARK_W : 0);
  const fwd: Lane[] = [];
  const back: Lane[] = [];
  for (let j = 0; j < n; j++) {
    fwd.push(map.lane(ref.offset(-w * (j + 0.5)).points(1), mph, 2));
    back.push(map.lane(reverse(ref.offset(w * (j + 0.5)).points(1)), mph, 2));
  }
  map.polyline(MapKind.RoadLine, RoadLineType.SolidDoubleYellow, ref.points(2));
  for (let j = 1; j < n; j++) {
    const t = RoadLineType.BrokenSingleWhite;
    map.neighbors(fwd[j]!, fwd[j - 1]!, map.polyline(MapKind.RoadLine, t, ref.offset(-w * j).points(2)), t);
    map.neighbors(
      back[j]!,
      back[j - 1]!,
      map.polyline(MapKind.RoadLine, t, reverse(ref.offset(w * j).points(2))),
      t,
    );
  }
  map.polyline(MapKind.RoadEdge, RoadEdgeType.Boundary, ref.offset(eR).points(2));
  map.polyline(MapKind.RoadEdge, RoadEdgeType.Boundary, ref.offset(eL).points(2));
  const cw = rng.uniform(3, 4.5);
  const side = (s: number, o: number): Pt => {
    const h = ref.heading(s);
    return { x: ref.x(s) - o * Math.sin(h), y: ref.y(s) + o * Math.cos(h) };
  };
  map.crosswalk([side(s0 - cw / 2, eR), side(s0 + cw / 2, eR), side(s0 + cw / 2, eL), side(s0 - cw / 2, eL)]);
  const routes: Route[] = [];
  for (let j = 0; j < n; j++) routes.push(map.route([fwd[j]!.id], 'S', 0));
  for (let j = 0; j < n; j++) routes.push(map.route([back[j]!.id], 'S', 1));
  const vehicleRoutes = routes.map((_, i) => i);
  const pedRoutes: number[] = [];
  const crossings: number[] = [];
  for (const dirn of [1, -1]) {
    const sc = s0 + rng.uniform(-cw / 4, cw / 4);
    const p0 = dirn > 0 ? side(sc, eR - 2.5) : side(sc, eL + 2.5);
    const p1 = dirn > 0 ? side(sc, eL + 2.5) : side(sc, eR - 2.5);
    crossings.push(routes.length);
    pedRoutes.push(routes.length);
    routes.push(freeRoute(line(p0, p1), 1.4, 1, 2));
  }
  for (const o of [eR - 2, eL + 2]) {
    const fw = rng.chance(0.5);
    const lo = rng.uniform(0, 40);
    const pts = ref
      .offset(o)
      .points(2)
      .slice(Math.floor(lo / 2), Math.floor((ref.length - 40 + lo) / 2));
    const sideRoute = routes.length;
    pedRoutes.push(sideRoute);
    routes.push(freeRoute(fw ? pts : reverse(pts), 1.4, 1, 3));
  }
  const parking: Spot[] = [];
  for (const [on, o, h0] of [
    [parkR, -(n * w + PARK_W / 2), 0],
    [parkL, n * w + PARK_W / 2, Math.PI],
  ] as const) {
    if (!on) continue;
    for (let s = 10 + rng.uniform(0, 5); s < ref.length - 10; s += rng.uniform(6.5, 8.5)) {
      if (Math.abs(s - s0) < cw + 8 || !rng.chance(0.55)) continue;
      const p = side(s, o);
      parking.push({ ...p, h: ref.heading(s) + h0 });
    }
  }
  const interactive: PairChoice[] = [];
  const nonInteractive: PairChoice[] = [];
  for (const a of vehicleRoutes)
    for (const b of crossings) {
      interactive.push({ a, b, bKind: rng.chance(0.15) ? 'cyclist' : 'pedestrian' });
      nonInteractive.push({ a, b: pedRoutes[pedRoutes.length - 1 - (a % 2)]!, bKind: 'pedestrian' });
    }
  return {
    name: 'midblock_crosswalk',
    map,
    routes,
    vehicleRoutes,
    pedRoutes,
    allWayStop: false,
    interactive,
    nonInteractive,
    parking,
    signalize: () => [],
  };
}

function reverse<T>(a: T[]): T[] {
  return a.slice().reverse();
}

export function buildLayout(name: LayoutName, rng: Rng): Layout {
  switch (name) {
    case 'signalized_4way':
    case 'all_way_stop':
      return build4way(rng, name);
    case 't_junction_left':
      return buildT(rng);
    case 'onramp_merge':
      return buildOnramp(rng);
    case 'roundabout':
      return buildRoundabout(rng);
    case 'midblock_crosswalk':
      return buildMidblock(rng);
  }
}
