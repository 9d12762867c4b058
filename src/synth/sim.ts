// The behaviour model. Every agent moves along a fixed route path (arc length s, speed v), so its
// heading always matches its velocity and it never leaves its lanes. Longitudinal control is IDM
// (Treiber et al. 2000) against the nearest constraint: a leader, a red light or stop line, or a
// conflict zone it must not enter. Who enters a conflict zone first is decided during the run by
// a token per pair of conflicting agents: right of way (lane priority), arrival times, signal
// state, stop order and each agent's assertiveness (gap acceptance, courtesy).
import { SignalState, STEP_HZ, STEP_S } from '../scene/scene';
import { STEPS, type AgentKind, type Layout, type SignalLane } from './layouts';
import type { Route } from './map';
import { DS } from './path';

export interface AgentSpec {
  kind: AgentKind;
  L: number;
  W: number;
  H: number;
  route: number;
  /** Initial arc length, and speed. */
  s: number;
  v: number;
  /** Step at which the agent appears. */
  spawn: number;
  /** Multiplies the lane speed limit (vehicles) or is the walking / riding speed (others). */
  vDes: number;
  aMax: number;
  bComf: number;
  headway: number;
  /** 0 timid .. 1 assertive. */
  alpha: number;
}

export interface Trajectory {
  x: Float64Array;
  y: Float64Array;
  h: Float64Array;
  v: Float64Array;
  valid: Uint8Array;
  /** Arc length per step (NaN when invalid). */
  s: Float64Array;
}

/** Lateral clearance added to half widths when finding conflict zones, metres. */
const ZONE_MARGIN = 0.6;
/** Two paths closer than this are the same lane (merge / shared segment), metres. */
const COINCIDENT = 0.35;
/** Comfortable lateral acceleration that sets curve speeds, m/s^2. */
const A_LAT = 2.5;
/** Hardest braking the controller will command, m/s^2. */
export const B_MAX = 6.5;
/** Jerk limit on the commanded acceleration, m/s^3. */
export const JERK_MAX = 12;
/** Start braking for a line once the needed deceleration reaches this share of the comfortable one. */
const STOP_TRIGGER = 0.65;
/** A decision counts as an interaction when the other agent is due at the conflict within this, s. */
const CONTEST_S = 8;
const HELD_SIGNAL = 1;
const HELD_STOP = 2;

interface PairGeo {
  /** Distance from each sample of path I to path J, and the nearest sample of J. */
  dI: Float32Array;
  nJ: Int32Array;
}

/** A route's path samples bucketed in a coarse grid, built once per route. */
interface Grid {
  cells: Map<number, number[]>;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const CELL = 3.5;
const grids = new WeakMap<Route, Grid>();

function gridOf(r: Route): Grid {
  let g = grids.get(r);
  if (g) return g;
  const p = r.path;
  g = { cells: new Map(), x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let k = 0; k < p.n; k++) {
    const x = p.xs[k]!;
    const y = p.ys[k]!;
    g.x0 = Math.min(g.x0, x);
    g.y0 = Math.min(g.y0, y);
    g.x1 = Math.max(g.x1, x);
    g.y1 = Math.max(g.y1, y);
    const key = (Math.floor(x / CELL) + 4096) * 8192 + (Math.floor(y / CELL) + 4096);
    const cell = g.cells.get(key);
    if (cell) cell.push(k);
    else g.cells.set(key, [k]);
  }
  grids.set(r, g);
  return g;
}

/** Distance from each sample of a's path to b's path (exact below CELL metres, else Infinity). */
function geometry(a: Route, b: Route): PairGeo {
  const g = gridOf(b);
  const pb = b.path;
  const pa = a.path;
  const dI = new Float32Array(pa.n).fill(Infinity);
  const nJ = new Int32Array(pa.n).fill(-1);
  for (let k = 0; k < pa.n; k++) {
    const x = pa.xs[k]!;
    const y = pa.ys[k]!;
    if (x < g.x0 - CELL || x > g.x1 + CELL || y < g.y0 - CELL || y > g.y1 + CELL) continue;
    const cx = Math.floor(x / CELL) + 4096;
    const cy = Math.floor(y / CELL) + 4096;
    let best = Infinity;
    let bi = -1;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const cell = g.cells.get((cx + dx) * 8192 + cy + dy);
        if (!cell) continue;
        for (const q of cell) {
          const d = (pb.xs[q]! - x) ** 2 + (pb.ys[q]! - y) ** 2;
          if (d < best) {
            best = d;
            bi = q;
          }
        }
      }
    dI[k] = Math.sqrt(best);
    nJ[k] = bi;
  }
  return { dI, nJ };
}

export type RouteGeo = (a: number, b: number) => [PairGeo, PairGeo];

/** Distance tables between route paths, computed once per route pair of a layout. */
export function routeGeo(routes: Route[]): RouteGeo {
  const cache = new Map<number, [PairGeo, PairGeo]>();
  return (a, b) => {
    const key = a * 4096 + b;
    let g = cache.get(key);
    if (!g) {
      const rev = cache.get(b * 4096 + a);
      g = rev ? [rev[1], rev[0]] : [geometry(routes[a]!, routes[b]!), geometry(routes[b]!, routes[a]!)];
      cache.set(key, g);
    }
    return g;
  };
}

export type Rule = 'yield' | 'fcfs' | 'stop' | 'order';

/** A conflict between two simulated agents' routes and how the simulation resolves it (not labels' Relation). */
export interface SimRelation {
  i: number;
  j: number;
  kind: 'cross' | 'shared';
  zin: [number, number];
  zout: [number, number];
  /** Shared segment start (merge) and end (diverge) on each path. */
  M: [number, number];
  D: [number, number];
  /** Arc length of the conflict point on each path, and where it is (local frame). */
  sc: [number, number];
  point: { x: number; y: number };
  rule: Rule;
  /** 0 (i) or 1 (j) has right of way under 'yield'. */
  major: 0 | 1;
  /** Who goes first: 0 (i), 1 (j), or -1 undecided. */
  token: -1 | 0 | 1;
  /** Whether the decision was taken with both agents approaching (a real interaction). */
  contested: boolean;
  /** Whether the relation ever held back agent 0 / 1 (it yielded). */
  bound: [boolean, boolean];
  done: boolean;
}

/** Conflict relations between two agents' routes (usually zero or one). */
export function relationsFor(
  geo: RouteGeo,
  routes: Route[],
  ri: number,
  rj: number,
  thr: number,
): Omit<SimRelation, 'i' | 'j' | 'rule' | 'major' | 'token' | 'contested' | 'bound' | 'done'>[] {
  const [gi, gj] = geo(ri, rj);
  const out: ReturnType<typeof relationsFor> = [];
  const pi = routes[ri]!.path;
  const pj = routes[rj]!.path;
  let k = 0;
  while (k < pi.n) {
    if (!(gi.dI[k]! < thr)) {
      k++;
      continue;
    }
    const k0 = k;
    let kmin = k;
    let m0 = -1;
    let m1 = -1;
    while (k < pi.n && gi.dI[k]! < thr) {
      if (gi.dI[k]! < gi.dI[kmin]!) kmin = k;
      if (gi.dI[k]! < COINCIDENT) {
        if (m0 < 0) m0 = k;
        m1 = k;
      }
      k++;
    }
    const k1 = k - 1;
    // The matching run on path J, grown from the closest point.
    const q = gi.nJ[kmin]!;
    let q0 = q;
    let q1 = q;
    while (q0 > 0 && gj.dI[q0 - 1]! < thr) q0--;
    while (q1 < pj.n - 1 && gj.dI[q1 + 1]! < thr) q1++;
    const shared = m0 >= 0 && m1 - m0 >= 4;
    const Mi = shared ? m0 * DS : kmin * DS;
    const Mj = shared ? gi.nJ[m0]! * DS : q * DS;
    out.push({
      kind: shared ? 'shared' : 'cross',
      zin: [k0 * DS, q0 * DS],
      zout: [k1 * DS, q1 * DS],
      M: [Mi, Mj],
      D: shared ? [m1 * DS, gi.nJ[m1]! * DS] : [Mi, Mj],
      sc: [Mi, Mj],
      point: { x: pi.x(Mi), y: pi.y(Mi) },
    });
  }
  return out;
}

interface Agent extends AgentSpec {
  a: number;
  alive: boolean;
  gone: boolean;
  stopDone: number;
  yellowGo: boolean;
  /** Free-flow target speed per path sample. */
  v0: Float32Array;
  tr: Trajectory;
}

/** Per path sample, the speed an agent aims for without others: limit, curves, braking ahead. */
export function freeSpeed(route: Route, spec: Pick<AgentSpec, 'kind' | 'vDes'>): Float32Array {
  const p = route.path;
  const v0 = new Float32Array(p.n);
  for (let k = 0; k < p.n; k++) {
    const lim = spec.kind === 'vehicle' ? route.limit[k]! * spec.vDes : spec.vDes;
    const curve = Math.sqrt(A_LAT / Math.max(Math.abs(p.ks[k]!), 1e-4));
    v0[k] = Math.min(lim, curve);
  }
  // Be at the curve speed when the curve starts, braking at 1.5 m/s^2 before it.
  for (let k = p.n - 2; k >= 0; k--) v0[k] = Math.min(v0[k]!, Math.sqrt(v0[k + 1]! ** 2 + 2 * 1.5 * DS));
  return v0;
}

export interface SimResult {
  trajectories: Trajectory[];
  relations: SimRelation[];
}

export function simulate(
  layout: Layout,
  signals: SignalLane[],
  specs: AgentSpec[],
  geo: RouteGeo,
): SimResult {
  const routes = layout.routes;
  const signalOf = new Map<number, Uint8Array>();
  for (const s of signals) signalOf.set(s.lane, s.states);
  const agents: Agent[] = specs.map((s) => ({
    ...s,
    a: 0,
    alive: false,
    gone: false,
    stopDone: -1,
    yellowGo: false,
    v0: freeSpeed(routes[s.route]!, s),
    tr: {
      x: new Float64Array(STEPS),
      y: new Float64Array(STEPS),
      h: new Float64Array(STEPS),
      v: new Float64Array(STEPS),
      valid: new Uint8Array(STEPS),
      s: new Float64Array(STEPS).fill(NaN),
    },
  }));
  const relations: SimRelation[] = [];
  const byAgent: SimRelation[][] = agents.map(() => []);

  const addRelations = (i: number) => {
    for (let j = 0; j < agents.length; j++) {
      if (j === i || !agents[j]!.alive) continue;
      const A = agents[i]!;
      const B = agents[j]!;
      const thr = (A.W + B.W) / 2 + ZONE_MARGIN;
      for (const g of relationsFor(geo, routes, A.route, B.route, thr)) {
        const ctlI = routes[A.route]!.controls.some((c) => c.stopSign);
        const ctlJ = routes[B.route]!.controls.some((c) => c.stopSign);
        const pI = routes[A.route]!.prio[Math.floor(g.zin[0] / DS)]!;
        const pJ = routes[B.route]!.prio[Math.floor(g.zin[1] / DS)]!;
        let rule: Rule;
        if (g.kind === 'shared' && g.M[0] < 1 && g.M[1] < 1) rule = 'order';
        else if (layout.allWayStop && ctlI && ctlJ) rule = 'stop';
        else rule = pI !== pJ ? 'yield' : 'fcfs';
        const r: SimRelation = {
          ...g,
          i,
          j,
          rule,
          major: pI >= pJ ? 0 : 1,
          token: -1,
          contested: false,
          bound: [false, false],
          done: false,
        };
        relations.push(r);
        byAgent[i]!.push(r);
        byAgent[j]!.push(r);
      }
    }
  };

  const pose = (A: Agent, t: number) => {
    const p = routes[A.route]!.path;
    A.tr.x[t] = p.x(A.s);
    A.tr.y[t] = p.y(A.s);
    A.tr.h[t] = p.heading(A.s);
    A.tr.v[t] = A.v;
    A.tr.s[t] = A.s;
    A.tr.valid[t] = 1;
  };

  const held = new Uint8Array(agents.length);
  for (let t = 0; t < STEPS; t++) {
    // Appear: at the spawn step, when the route start is free.
    for (let i = 0; i < agents.length; i++) {
      const A = agents[i]!;
      if (A.alive || A.gone || t < A.spawn) continue;
      const p = routes[A.route]!.path;
      const x0 = p.x(A.s);
      const y0 = p.y(A.s);
      const blocked = agents.some(
        (B) => B.alive && Math.hypot(B.tr.x[t - 1]! - x0, B.tr.y[t - 1]! - y0) < (A.L + B.L) / 2 + 10,
      );
      if (blocked && t > 0) continue;
      A.alive = true;
      addRelations(i);
    }
    for (const A of agents) if (A.alive) pose(A, t);
    if (t === STEPS - 1) break;

    // Controls: red lights, yellow lights that can still be stopped for, stop signs.
    const limits: { gap: number; vL: number; s0: number; rel?: [SimRelation, 0 | 1] }[][] = agents.map(
      () => [],
    );
    for (let i = 0; i < agents.length; i++) {
      const A = agents[i]!;
      held[i] = 0;
      if (!A.alive) continue;
      const front = A.s + A.L / 2;
      for (const c of routes[A.route]!.controls) {
        if (front > c.s + 0.5) continue;
        const gap = c.s - front;
        let stop = false;
        if (c.signalLane !== undefined) {
          const st = signalOf.get(c.signalLane)?.[t] ?? SignalState.Go;
          if (st === SignalState.Stop) stop = true;
          else if (st === SignalState.Caution && !A.yellowGo) {
            if ((A.v * A.v) / (2 * Math.max(gap - 1, 0.1)) <= 3.5) stop = true;
            else A.yellowGo = true;
          }
        }
        if (c.stopSign && A.stopDone < 0) {
          if (A.v < 0.3 && gap < 3.5) A.stopDone = t;
          else stop = true;
        }
        if (stop) {
          held[i] = c.signalLane !== undefined && !(c.stopSign && A.stopDone < 0) ? HELD_SIGNAL : HELD_STOP;
          limits[i]!.push({ gap, vL: 0, s0: 1 });
        }
        break;
      }
    }

    // Conflicts: decide tokens, then add the constraints they imply.
    for (const r of relations) {
      if (r.done) continue;
      const ag = [agents[r.i]!, agents[r.j]!] as const;
      if (ag[0].gone || ag[1].gone) {
        r.done = true;
        continue;
      }
      const front = (x: 0 | 1) => ag[x].s + ag[x].L / 2;
      const rear = (x: 0 | 1) => ag[x].s - ag[x].L / 2;
      const dist = (x: 0 | 1) => r.zin[x] - front(x);
      const range = (x: 0 | 1) => dist(x) < Math.max(25, 5 * ag[x].v + 10);
      const inZone = (x: 0 | 1) => front(x) > r.zin[x] && (r.kind === 'shared' || rear(x) < r.zout[x]);
      if (r.kind === 'cross' && (rear(0) > r.zout[0] || rear(1) > r.zout[1]) && r.token === -1) {
        r.done = true;
        continue;
      }
      if (r.token === -1)
        decide(r, t, ag, {
          dist,
          range,
          inZone,
          held: (x) => held[x === 0 ? r.i : r.j]! > 0,
          red: (x) => held[x === 0 ? r.i : r.j] === HELD_SIGNAL,
        });
      if (r.token !== -1) {
        const first = r.token;
        const second = (1 - first) as 0 | 1;
        const done =
          r.kind === 'cross'
            ? rear(first) > r.zout[first]
            : rear(first) > r.D[first] || ag[second].s > r.D[second];
        if (done) {
          r.done = true;
          continue;
        }
        const idx = second === 0 ? r.i : r.j;
        if (r.kind === 'cross') {
          if (!inZone(second)) limits[idx]!.push({ gap: dist(second), vL: 0, s0: 0.5, rel: [r, second] });
        } else {
          const gap = ag[first].s - r.M[first] - (ag[second].s - r.M[second]) - (ag[0].L + ag[1].L) / 2;
          limits[idx]!.push({ gap, vL: ag[first].v, s0: 2, rel: [r, second] });
        }
      } else {
        for (const x of [0, 1] as const) {
          const mustWait = r.rule === 'yield' ? x !== r.major : range(x);
          if (mustWait && !inZone(x))
            limits[x === 0 ? r.i : r.j]!.push({ gap: dist(x), vL: 0, s0: 0.5, rel: [r, x] });
        }
      }
    }

    // Leaders on the same path are 'order' relations; IDM over every constraint, then integrate.
    for (let i = 0; i < agents.length; i++) {
      const A = agents[i]!;
      if (!A.alive) continue;
      const k = Math.min(A.v0.length - 1, Math.max(0, Math.floor(A.s / DS)));
      const v0 = Math.max(A.v0[k]!, 0.1);
      const free = A.aMax * (1 - (A.v / v0) ** 4);
      let acc = free;
      let worst: [SimRelation, 0 | 1] | undefined;
      const sq = 2 * Math.sqrt(A.aMax * A.bComf);
      for (const c of limits[i]!) {
        let ac: number;
        if (c.vL === 0) {
          // A line not to pass: brake late and firmly (kinematic stop), as drivers do, rather
          // than IDM's early, gentle approach to a standing obstacle.
          const room = c.gap - c.s0;
          const need = (A.v * A.v) / (2 * Math.max(room, 0.05));
          ac = room <= 0.05 ? -Math.max(need, A.bComf) : need > STOP_TRIGGER * A.bComf ? -need : Infinity;
          if (room > 0.05 && A.v < 0.3 && room < 1.5) ac = Math.min(ac, 0);
        } else {
          const sStar = c.s0 + Math.max(0, A.v * A.headway + (A.v * (A.v - c.vL)) / sq);
          ac = free - A.aMax * (sStar / Math.max(c.gap, 0.05)) ** 2;
        }
        if (ac < acc) {
          acc = ac;
          worst = c.rel;
        }
      }
      if (worst && acc < free - 0.3) worst[0].bound[worst[1]] = true;
      const bMax = A.kind === 'pedestrian' ? 3 : B_MAX;
      // Ease off the brake while coming to rest (jerk-limited stop: |a| <= sqrt(2 j v), and at
      // most halving the speed per step so the last steps do not snap to zero).
      acc = Math.min(
        A.aMax,
        Math.max(-bMax, -Math.min(Math.sqrt(2 * JERK_MAX * A.v), A.v / (2 * STEP_S)), acc),
      );
      const jd = JERK_MAX * STEP_S;
      acc = Math.min(A.a + jd, Math.max(A.a - jd, acc));
      let v = A.v + acc * STEP_S;
      if (v < 0.02 && acc <= 0) {
        v = 0;
        acc = -A.v / STEP_S;
      }
      A.s += ((A.v + v) / 2) * STEP_S;
      A.v = v;
      A.a = acc;
      const p = routes[A.route]!.path;
      if (A.s >= (p.n - 1) * DS) {
        A.alive = false;
        A.gone = true;
      }
    }
  }
  return { trajectories: agents.map((a) => a.tr), relations };
}

interface View {
  dist: (x: 0 | 1) => number;
  range: (x: 0 | 1) => boolean;
  inZone: (x: 0 | 1) => boolean;
  /** Held at a stop line (red light or stop sign). */
  held: (x: 0 | 1) => boolean;
  /** Held by a red light. */
  red: (x: 0 | 1) => boolean;
}

/** Seconds to cover d metres from speed v, accelerating at a up to vMax. */
function timeTo(d: number, v: number, a: number, vMax: number): number {
  if (d <= 0) return 0;
  const ta = Math.max(0, (vMax - v) / a);
  const da = v * ta + 0.5 * a * ta * ta;
  if (da >= d) return (-v + Math.sqrt(v * v + 2 * a * d)) / a;
  return ta + (d - da) / vMax;
}

/** Deceleration the other agent needs to fall in behind agent x at the merge (Infinity if it cannot). */
function followCost(r: SimRelation, ag: readonly [Agent, Agent], x: 0 | 1): number {
  const y = (1 - x) as 0 | 1;
  const gap = ag[x].s - r.M[x] - (ag[y].s - r.M[y]) - (ag[0].L + ag[1].L) / 2 - 2;
  if (gap <= 0) return Infinity;
  const dv = ag[y].v - ag[x].v;
  return dv <= 0 ? 0 : (dv * dv) / (2 * gap);
}

function decide(r: SimRelation, t: number, ag: readonly [Agent, Agent], w: View): void {
  // The decision is an interaction when the other agent is due at the conflict soon too.
  const due = (x: 0 | 1) => !w.red(x) && (w.range(x) || w.dist(x) / Math.max(ag[x].v, 1) < CONTEST_S);
  const give = (x: 0 | 1) => {
    r.token = x;
    r.contested = due((1 - x) as 0 | 1);
  };
  if (r.rule === 'order') {
    give(ag[0].s - r.M[0] >= ag[1].s - r.M[1] ? 0 : 1);
    r.contested = false;
    return;
  }
  const z0 = w.inZone(0);
  const z1 = w.inZone(1);
  if (r.kind === 'shared' && (z0 || z1)) {
    // Side by side before a merge: the order that asks the follower for the least braking.
    const c0 = followCost(r, ag, 0);
    const c1 = followCost(r, ag, 1);
    give(c0 < c1 || (c0 === c1 && ag[0].s - r.M[0] >= ag[1].s - r.M[1]) ? 0 : 1);
    return;
  }
  if (z0 || z1) {
    const x: 0 | 1 = z0 && z1 ? (-w.dist(0) >= -w.dist(1) ? 0 : 1) : z0 ? 0 : 1;
    give(x);
    return;
  }
  if (!w.range(0) && !w.range(1)) return;
  const canStop = (x: 0 | 1, b: number) =>
    ag[x].v < 0.5 || (ag[x].v * ag[x].v) / (2 * Math.max(w.dist(x) - 0.5, 0.01)) <= b;
  if (r.rule === 'stop') {
    const ready = (x: 0 | 1) =>
      ag[x].stopDone >= 0 && t >= ag[x].stopDone + Math.round((1.4 - ag[x].alpha) * STEP_HZ);
    const r0 = ready(0);
    const r1 = ready(1);
    if (r0 && r1)
      give(
        ag[0].stopDone < ag[1].stopDone || (ag[0].stopDone === ag[1].stopDone && ag[0].alpha >= ag[1].alpha)
          ? 0
          : 1,
      );
    else if (r0 || r1) give(r0 ? 0 : 1);
    return;
  }
  if (r.rule === 'fcfs') {
    const eta = (x: 0 | 1) => (w.held(x) ? Infinity : w.dist(x) / Math.max(ag[x].v, 2));
    const e0 = eta(0);
    const e1 = eta(1);
    if (Math.min(e0, e1) < 8) give(e0 <= e1 ? 0 : 1);
    return;
  }
  // 'yield': the minor agent takes the gap if the major one is far enough in time.
  const M = r.major;
  const m = (1 - M) as 0 | 1;
  if (!w.range(m) || w.held(m)) return;
  const A = ag[m];
  const B = ag[M];
  const ped = A.kind === 'pedestrian';
  const vMax = Math.max(A.v0[Math.min(A.v0.length - 1, Math.floor(r.zout[m] / DS))]!, 1);
  let tMinor: number;
  let tMajor: number;
  let crit: number;
  if (r.kind === 'cross') {
    tMinor = timeTo(r.zout[m] - A.s + A.L / 2, A.v, A.aMax * 0.8, vMax);
    tMajor = w.held(M) ? Infinity : Math.max(0, w.dist(M)) / Math.max(B.v, 0.5);
    crit = ped ? 4.5 - 3 * A.alpha : 3.0 - 2 * A.alpha;
  } else {
    tMinor = timeTo(r.M[m] - A.s, A.v, A.aMax * 0.8, vMax);
    tMajor = w.held(M) ? Infinity : Math.max(0, r.M[M] - B.s) / Math.max(B.v, 0.5);
    crit = 2.0 - 1.4 * A.alpha;
  }
  const waiting = A.v < 0.5 && w.dist(m) < 4;
  if (tMajor - tMinor > crit) give(m);
  else if (!canStop(m, 4.5)) give(m);
  else if (waiting && B.alpha < (ped ? 0.6 : 0.3) && canStop(M, 2.5) && w.dist(M) > 3) give(m);
}
