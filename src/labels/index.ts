// Domain-knowledge pseudo labels (DESIGN.md section 5) for a pair of agents, from their full
// trajectories: where their paths conflict, when each reaches that point, who passes first,
// whether the later one yields, and each one's manoeuvre; plus the pairwise relations of the
// agents around the pair (the interpretable interaction graph). The same code runs on real WOMD
// and on synthetic scenes; it never looks at synthetic truth.
import { segmentClosest, type SegmentClosest } from '../scene/geometry';
import {
  interactingPair,
  normalizeAngle,
  ObjectType,
  type Scene,
  SignalState,
  isValid,
  trackHeading,
  trackXY,
} from '../scene/scene';
import { at, trackPath, type TrackPath } from './path';

export { EXTEND_M, trackPath, type TrackPath } from './path';

/** The latent's vocabulary: mode index k is trained to mean LABEL_NAMES[k]. */
export const LABEL_NAMES = ['A passes first', 'B passes first', 'no interaction'] as const;
/** The same, short, where a table column has no room (the mode table's "its future"). */
export const LABEL_SHORT_NAMES = ['A first', 'B first', 'none'] as const;
export type LabelIndex = 0 | 1 | 2;
export const A_FIRST: LabelIndex = 0;
export const B_FIRST: LabelIndex = 1;
export const NO_INTERACTION: LabelIndex = 2;

export type Maneuver = 'straight' | 'left' | 'right' | 'u_turn' | 'stationary';
export const MANEUVERS: readonly Maneuver[] = ['straight', 'left', 'right', 'u_turn', 'stationary'];

export interface PairLabel {
  label: LabelIndex;
  /** Scene-relative (like Scene positions); null without a conflict. */
  conflict: { x: number; y: number } | null;
  /** Seconds from scene start at which A / B reach the conflict point; null when not in the scene. */
  tA: number | null;
  tB: number | null;
  yielder: 'A' | 'B' | null;
  maneuverA: Maneuver;
  maneuverB: Maneuver;
}

/** Finer account of a pair, for the CLI, the graph and tests. */
export interface PairDetail extends PairLabel {
  /** How the paths meet: crossing, merging, one following the other, oncoming, or not at all. */
  kind: EncounterKind | 'none';
  /** Why the label is what it is, one short phrase. */
  reason: string;
}

export type EncounterKind = 'cross' | 'merge' | 'follow' | 'oncoming';

// ---- thresholds (each with why) ----

/**
 * An agent passes a conflict point only when it travels at least this far beyond it, metres: a
 * path that ends at the point (it stopped there, or the scene ended as it arrived) does not pass,
 * and 0.2 m is above the drift of a standing real track between two steps.
 */
export const PASS_BEYOND_M = 0.2;

/**
 * Lateral clearance added to the two half widths to call paths in conflict, metres: drivers keep
 * about half a metre from another road user's body, so closer paths cannot be used at once.
 */
export const CLEARANCE_M = 0.6;
/**
 * For paths running the same way, segment pairs within this of the closest approach are equally
 * good conflict points, metres; the earliest one is taken (a merge's start, not somewhere along
 * the shared lane). Covers float32 and lane-centre jitter of real tracks.
 */
export const TIE_M = 0.3;
/**
 * For crossing paths the closest approach itself is the conflict point; this only breaks ties
 * between several crossings (a U-turn crosses a path twice) in favour of the earliest, metres.
 */
export const CROSS_TIE_M = 0.05;
/** Paths meeting at less than this angle run the same way (merge or follow), radians (35 deg). */
export const SAME_DIRECTION_RAD = (35 * Math.PI) / 180;
/**
 * Pedestrian and cyclist paths meeting at more than this run against each other and pass side by
 * side (150 deg). Not for vehicles: a vehicle's path within body width of an oncoming one (a
 * left turn cutting the oncoming lane) is a real conflict that one of them must wait for.
 */
export const ONCOMING_RAD = (150 * Math.PI) / 180;
/**
 * Below this gap between the two arrival times the agents were side by side, not one after the
 * other, seconds: two bodies cannot hold one point at once, so passing a true conflict point takes
 * at least a car length at speed (4.5 m at 10 m/s = 0.45 s).
 */
export const PASS_MARGIN_S = 0.45;
/**
 * Above this gap the two passages are unrelated, seconds: it is the usual upper end of accepted
 * gaps and of waiting for one vehicle at a junction (critical gaps are 4-7 s, HCM 2010).
 */
export const MAX_GAP_S = 8;
/**
 * Speed floor for an agent's time to the conflict point, m/s: one that waits at the line is
 * treated as rolling up at walking-to-creeping pace, so a waiting agent 16 m out is still engaged.
 */
export const ETA_SPEED_FLOOR = 2;
/**
 * A later agent still this far from the conflict point when the first one passes it is engaged
 * whatever its speed, metres: the distance within which a driver at a junction watches crossing
 * traffic and waits at the line for it.
 */
export const NEAR_M = 25;
/** The later agent yields when it slows by this share of its earlier speed before the point. */
export const YIELD_DROP_SHARE = 0.25;
/** ... and by at least this much, m/s (below it is speed noise of real tracks). */
export const YIELD_DROP_MIN = 0.5;
/** Below this an agent is stopped, m/s (real tracks of parked cars jitter up to ~0.3 m/s). */
export const STOP_SPEED = 0.5;
/** How long before the first agent passes the later one's slowing is looked at, seconds. */
export const YIELD_LOOKBACK_S = 5;
/** A red stop line this far ahead of the later agent explains its waiting, metres. */
export const RED_AHEAD_M = 30;
/** ... when it lies within this of the agent's line of travel (half a lane and a bit), metres. */
export const RED_LATERAL_M = 2.5;
/** Moving less than this over the whole scene is stationary, metres (real parked boxes drift ~1 m). */
export const STATIONARY_M = 2;
/** Net heading change above this is a turn, radians (45 deg: lane changes and bends stay below). */
export const TURN_RAD = Math.PI / 4;
/** Net heading change above this is a U-turn, radians (135 deg). */
export const U_TURN_RAD = (3 * Math.PI) / 4;
/** Heading is only trusted while moving faster than this, m/s (parked and waiting boxes spin). */
export const HEADING_SPEED = 0.5;
/** Follow relations only between agents this close at some shared step, metres (a few car lengths). */
export const FOLLOW_M = 40;

// ---- encounter of two paths ----

export interface Encounter {
  kind: EncounterKind;
  /** Fractional point index on each path (> n - 1 lies on the extension). */
  fa: number;
  fb: number;
  x: number;
  y: number;
  /** Path distance at that point, metres. */
  d: number;
}

/** Time key of a fractional index: its time when observed, else past the end by distance / speed. */
function timeKey(p: TrackPath, f: number): number {
  if (f <= p.n - 1) return at(p.t, f);
  const last = p.n - 1;
  return p.t[last]! + (at(p.s, f) - p.s[last]!) / Math.max(p.speed[last]!, 1);
}

/** Travel direction at fractional index f: the segment's, or the box heading where it is too short. */
function direction(p: TrackPath, f: number): number {
  const i = Math.min(Math.floor(f), p.m - 2);
  const j = i + 1;
  const dx = p.x[j]! - p.x[i]!;
  const dy = p.y[j]! - p.y[i]!;
  if (Math.hypot(dx, dy) > 0.2 && p.speed[i]! > HEADING_SPEED) return Math.atan2(dy, dx);
  return p.heading[i]!;
}

/** Distance from path a's first point to path b's observed polyline. */
function startDistance(a: TrackPath, b: TrackPath, tmp: SegmentClosest): number {
  let best = Infinity;
  const x = a.x[0]!;
  const y = a.y[0]!;
  const segs = Math.max(b.n - 1, 0);
  if (segs === 0) return Math.hypot(b.x[0]! - x, b.y[0]! - y);
  for (let j = 0; j < segs; j++)
    best = Math.min(best, segmentClosest(x, y, x, y, b.x[j]!, b.y[j]!, b.x[j + 1]!, b.y[j + 1]!, tmp).d);
  return best;
}

const tmpC: SegmentClosest = { d: 0, u: 0, w: 0 };

/**
 * Where two paths meet: observed segments first; only when those never come within the width
 * threshold, one observed path against the other's extension. Null when they never meet.
 */
export function encounter(pa: TrackPath, pb: TrackPath): Encounter | null {
  if (pa.n === 0 || pb.n === 0) return null;
  const thr = (pa.width + pb.width) / 2 + CLEARANCE_M;
  if (pa.x0 - thr > pb.x1 || pb.x0 - thr > pa.x1 || pa.y0 - thr > pb.y1 || pb.y0 - thr > pa.y1) return null;
  // Segment i joins points i and i+1; segments from n-1 on are the extension.
  const cand: number[] = [];
  const minD = [Infinity, Infinity];
  for (let i = 0; i < pa.m - 1; i++) {
    const ax0 = pa.x[i]!;
    const ay0 = pa.y[i]!;
    const ax1 = pa.x[i + 1]!;
    const ay1 = pa.y[i + 1]!;
    const lo = Math.min(ax0, ax1) - thr;
    const hi = Math.max(ax0, ax1) + thr;
    const loY = Math.min(ay0, ay1) - thr;
    const hiY = Math.max(ay0, ay1) + thr;
    const extA = i >= pa.n - 1;
    for (let j = 0; j < pb.m - 1; j++) {
      const extB = j >= pb.n - 1;
      if (extA && extB) continue;
      const bx0 = pb.x[j]!;
      const bx1 = pb.x[j + 1]!;
      if ((bx0 < lo && bx1 < lo) || (bx0 > hi && bx1 > hi)) continue;
      const by0 = pb.y[j]!;
      const by1 = pb.y[j + 1]!;
      if ((by0 < loY && by1 < loY) || (by0 > hiY && by1 > hiY)) continue;
      const c = segmentClosest(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1, tmpC);
      if (c.d >= thr) continue;
      const cls = extA || extB ? 1 : 0;
      minD[cls] = Math.min(minD[cls]!, c.d);
      cand.push(cls, i + c.u, j + c.w, c.d);
    }
  }
  const cls = minD[0]! < thr ? 0 : minD[1]! < thr ? 1 : -1;
  if (cls < 0) return null;
  const pick = (tol: number) => {
    let best = -1;
    let bestKey = Infinity;
    for (let k = 0; k < cand.length; k += 4) {
      if (cand[k] !== cls || cand[k + 3]! > minD[cls]! + tol) continue;
      const key = Math.max(timeKey(pa, cand[k + 1]!), timeKey(pb, cand[k + 2]!));
      if (key < bestKey) {
        bestKey = key;
        best = k;
      }
    }
    return best;
  };
  // A crossing is where the paths come closest; a same-way meeting is where they first do.
  let best = pick(CROSS_TIE_M);
  const sameWay =
    Math.abs(normalizeAngle(direction(pa, cand[best + 1]!) - direction(pb, cand[best + 2]!))) <
    SAME_DIRECTION_RAD;
  if (sameWay) best = pick(TIE_M);
  const fa = cand[best + 1]!;
  const fb = cand[best + 2]!;
  const delta = Math.abs(normalizeAngle(direction(pa, fa) - direction(pb, fb)));
  let kind: EncounterKind = 'cross';
  const vehicle = pa.type === ObjectType.Vehicle || pb.type === ObjectType.Vehicle;
  if (delta > ONCOMING_RAD && !vehicle) kind = 'oncoming';
  else if (delta < SAME_DIRECTION_RAD) {
    // Same way: a merge when both came from elsewhere, following when one started on the other's path.
    const onPath = Math.min(startDistance(pa, pb, tmpC), startDistance(pb, pa, tmpC)) < thr;
    kind = onPath ? 'follow' : 'merge';
  }
  return { kind, fa, fb, x: at(pa.x, fa), y: at(pa.y, fa), d: cand[best + 3]! };
}

// ---- manoeuvre ----

export function maneuverOf(p: TrackPath): Maneuver {
  if (p.n < 2) return 'stationary';
  if (Math.hypot(p.x[p.n - 1]! - p.x[0]!, p.y[p.n - 1]! - p.y[0]!) < STATIONARY_M) return 'stationary';
  let turn = 0;
  let prev = NaN;
  for (let k = 0; k < p.n; k++) {
    if (p.speed[k]! <= HEADING_SPEED) continue;
    const h = p.heading[k]!;
    if (!Number.isNaN(prev)) turn += normalizeAngle(h - prev);
    prev = h;
  }
  if (Math.abs(turn) > U_TURN_RAD) return 'u_turn';
  if (turn > TURN_RAD) return 'left';
  if (turn < -TURN_RAD) return 'right';
  return 'straight';
}

// ---- pair label ----

/** Index of the last observed point at or before time t (0 when none). */
function pointAtTime(p: TrackPath, t: number): number {
  let k = 0;
  while (k + 1 < p.n && p.t[k + 1]! <= t) k++;
  return k;
}

/** Whether a red stop line between the agent (at point k) and its conflict point holds it. */
function heldByRed(scene: Scene, p: TrackPath, k: number, ahead: number): boolean {
  const step = p.step[k]!;
  const sg = scene.signals;
  if (step < 0 || step + 1 >= sg.starts.length) return false;
  const h = p.heading[k]!;
  const c = Math.cos(h);
  const s = Math.sin(h);
  for (let q = sg.starts[step]!; q < sg.starts[step + 1]!; q++) {
    const st = sg.states[q];
    if (st !== SignalState.Stop && st !== SignalState.ArrowStop) continue;
    const dx = sg.stopPoints[q * 3]! - p.x[k]!;
    const dy = sg.stopPoints[q * 3 + 1]! - p.y[k]!;
    const lon = dx * c + dy * s;
    const lat = Math.abs(-dx * s + dy * c);
    if (lon > -1 && lon < Math.min(RED_AHEAD_M, ahead + 1) && lat < RED_LATERAL_M) return true;
  }
  return false;
}

/** Whether the later agent slowed (or stopped) before reaching its conflict point at index f. */
function slowedBefore(p: TrackPath, f: number, since: number): boolean {
  const end = Math.min(Math.floor(f), p.n - 1);
  let vmax = 0;
  for (let k = 0; k <= end; k++) {
    const v = p.speed[k]!;
    if (p.t[k]! >= since) {
      const drop = vmax - v;
      if (v < STOP_SPEED && vmax >= STOP_SPEED) return true;
      if (drop >= YIELD_DROP_MIN && drop >= YIELD_DROP_SHARE * vmax) return true;
    }
    vmax = Math.max(vmax, v);
  }
  // Waiting from the start of the window on (it was already stopped for the other agent).
  const k0 = pointAtTime(p, since);
  return p.speed[k0]! < STOP_SPEED && p.speed[end]! < STOP_SPEED && k0 <= end && p.t[k0]! <= since + 0.5;
}

function noInteraction(
  ma: Maneuver,
  mb: Maneuver,
  kind: PairDetail['kind'],
  reason: string,
  e: Encounter | null,
  tA: number | null = null,
  tB: number | null = null,
): PairDetail {
  return {
    label: NO_INTERACTION,
    conflict: e && kind !== 'follow' && kind !== 'oncoming' ? { x: e.x, y: e.y } : null,
    tA,
    tB,
    yielder: null,
    maneuverA: ma,
    maneuverB: mb,
    kind,
    reason,
  };
}

/** Whether the agent passes fractional index f while observed (goes on beyond it). */
function passes(p: TrackPath, f: number): boolean {
  return f <= p.n - 1 && at(p.s, f) < p.s[p.n - 1]! - PASS_BEYOND_M;
}

/** Labels from two prepared paths (the graph reuses paths across pairs). */
export function labelPaths(scene: Scene, pa: TrackPath, pb: TrackPath): PairDetail {
  const ma = maneuverOf(pa);
  const mb = maneuverOf(pb);
  const e = encounter(pa, pb);
  if (!e) return noInteraction(ma, mb, 'none', 'paths never meet', null);
  const tA = passes(pa, e.fa) ? at(pa.t, e.fa) : null;
  const tB = passes(pb, e.fb) ? at(pb.t, e.fb) : null;
  if (e.kind === 'follow') return noInteraction(ma, mb, e.kind, 'one follows the other', e, tA, tB);
  if (e.kind === 'oncoming')
    return noInteraction(ma, mb, e.kind, 'oncoming, passing side by side', e, tA, tB);
  if (tA === null && tB === null) return noInteraction(ma, mb, e.kind, 'neither reaches the conflict', e);
  const aFirst = tB === null || (tA !== null && tA <= tB);
  const [later, fLater] = aFirst ? [pb, e.fb] : [pa, e.fa];
  const tF = (aFirst ? tA : tB)!;
  const tL = aFirst ? tB : tA;
  if (tL !== null) {
    const gap = tL - tF;
    if (gap < PASS_MARGIN_S) return noInteraction(ma, mb, e.kind, 'side by side at the conflict', e, tA, tB);
    if (gap > MAX_GAP_S) return noInteraction(ma, mb, e.kind, 'passages too far apart', e, tA, tB);
  }
  // Where the later agent was when the first passed, and how far it still had to go.
  const k = pointAtTime(later, tF);
  const dL = Math.max(0, at(later.s, fLater) - later.s[k]!);
  if (tL === null) {
    const eta = Math.abs(tF - later.t[k]!) + dL / Math.max(later.speed[k]!, ETA_SPEED_FLOOR);
    if (dL > NEAR_M && eta > MAX_GAP_S)
      return noInteraction(ma, mb, e.kind, 'later agent not engaged', e, tA, tB);
  }
  // A standing agent only waits for a conflict it faces (a parked car beside the lane does not).
  if (maneuverOf(later) === 'stationary') {
    const h = later.heading[later.n - 1]!;
    const dx = e.x - later.x[later.n - 1]!;
    const dy = e.y - later.y[later.n - 1]!;
    if (dx * Math.cos(h) + dy * Math.sin(h) <= Math.abs(-dx * Math.sin(h) + dy * Math.cos(h)))
      return noInteraction(ma, mb, e.kind, 'standing agent beside the path', e, tA, tB);
  }
  if (heldByRed(scene, later, k, dL))
    return noInteraction(ma, mb, e.kind, 'later agent held by a red light', e, tA, tB);
  const yields = slowedBefore(later, fLater, tF - YIELD_LOOKBACK_S);
  return {
    label: aFirst ? A_FIRST : B_FIRST,
    conflict: { x: e.x, y: e.y },
    tA,
    tB,
    yielder: yields ? (aFirst ? 'B' : 'A') : null,
    maneuverA: ma,
    maneuverB: mb,
    kind: e.kind,
    reason: aFirst ? 'A reaches the conflict first' : 'B reaches the conflict first',
  };
}

/** The label of tracks a (A) and b (B), track indices, from every valid step. */
export function labelPair(scene: Scene, a: number, b: number): PairLabel {
  return toLabel(labelPairDetail(scene, a, b));
}

export function labelPairDetail(scene: Scene, a: number, b: number): PairDetail {
  return labelPaths(scene, trackPath(scene, a), trackPath(scene, b));
}

function toLabel(d: PairDetail): PairLabel {
  const { label, conflict, tA, tB, yielder, maneuverA, maneuverB } = d;
  return { label, conflict, tA, tB, yielder, maneuverA, maneuverB };
}

/** The label of the scene's interacting pair (objects_of_interest, else tracks_to_predict). */
export function labelScene(scene: Scene): PairLabel | null {
  const p = interactingPair(scene);
  return p ? labelPair(scene, p[0], p[1]) : null;
}

// ---- interaction graph ----

export type Relation = 'passes_first' | 'yields_to' | 'follows' | 'none';

export interface GraphOptions {
  /** The pair to centre on (track indices); default interactingPair(scene). */
  pair?: [number, number];
  /** Agents within this of A or B at the current step join the graph, metres. */
  radius?: number;
  /** Most nodes, pair included. */
  maxNodes?: number;
  /** Also list 'none' edges (every node pair gets one edge). */
  includeNone?: boolean;
}

export interface InteractionGraph {
  nodes: number[];
  edges: { from: number; to: number; relation: Relation }[];
}

/** Default graph radius, metres: the agents a driver at a junction watches. */
export const GRAPH_RADIUS_M = 30;
/** Default node cap: enough for a junction, few enough to read in a drawing. */
export const GRAPH_MAX_NODES = 8;

/**
 * Relations among the pair and the agents nearest it at the current step: the one that passes a
 * conflict first ('passes_first', or 'yields_to' from the later one when it slowed), 'follows'
 * from the agent behind in the same lane to its leader.
 */
export function interactionGraph(scene: Scene, opts: GraphOptions = {}): InteractionGraph {
  const steps = interactionGraphSteps(scene, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * interactionGraph one node pair at a time: yields after each pair's label (a few ms each, up to
 * 28 pairs) and returns the same graph, so a caller on the page's main thread can spread the work
 * over several tasks instead of one long one (the engine's stageScene).
 */
export function* interactionGraphSteps(
  scene: Scene,
  opts: GraphOptions = {},
): Generator<void, InteractionGraph, void> {
  const pair = opts.pair ?? interactingPair(scene);
  if (!pair) return { nodes: [], edges: [] };
  const radius = opts.radius ?? GRAPH_RADIUS_M;
  const maxNodes = opts.maxNodes ?? GRAPH_MAX_NODES;
  const tr = scene.tracks;
  const cur = Math.min(scene.currentIndex, tr.steps - 1);
  const pos = (i: number, t: number) => (isValid(tr, i, t) ? trackXY(tr, i, t) : null);
  const anchors = pair.map((i) => pos(i, cur)).filter((p) => p !== null);
  const near: { i: number; d: number }[] = [];
  for (let i = 0; i < tr.count; i++) {
    if (i === pair[0] || i === pair[1]) continue;
    const p = pos(i, cur);
    if (!p) continue;
    const d = Math.min(...anchors.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])));
    if (d <= radius) near.push({ i, d });
  }
  near.sort((x, y) => x.d - y.d);
  const nodes = [pair[0], pair[1], ...near.slice(0, Math.max(0, maxNodes - 2)).map((n) => n.i)];
  const paths: TrackPath[] = [];
  for (const i of nodes) {
    paths.push(trackPath(scene, i));
    yield;
  }
  const edges: InteractionGraph['edges'] = [];
  for (let x = 0; x < nodes.length; x++)
    for (let y = x + 1; y < nodes.length; y++) {
      const i = nodes[x]!;
      const j = nodes[y]!;
      const l = labelPaths(scene, paths[x]!, paths[y]!);
      yield;
      if (l.label !== NO_INTERACTION) {
        const [f, s] = l.label === A_FIRST ? [i, j] : [j, i];
        edges.push(
          l.yielder
            ? { from: s, to: f, relation: 'yields_to' }
            : { from: f, to: s, relation: 'passes_first' },
        );
        continue;
      }
      const lead = l.kind === 'follow' ? leaderOf(scene, i, j) : null;
      if (lead !== null) edges.push({ from: lead === i ? j : i, to: lead, relation: 'follows' });
      else if (opts.includeNone) edges.push({ from: i, to: j, relation: 'none' });
    }
  return { nodes, edges };
}

/**
 * The leader of two same-way agents: the one ahead along their travel direction at the step where
 * they are closest; null when they never share a step within FOLLOW_M.
 */
function leaderOf(scene: Scene, i: number, j: number): number | null {
  const tr = scene.tracks;
  let best = -1;
  let bestD = FOLLOW_M;
  for (let t = 0; t < tr.steps; t++) {
    if (!isValid(tr, i, t) || !isValid(tr, j, t)) continue;
    const [xi, yi] = trackXY(tr, i, t);
    const [xj, yj] = trackXY(tr, j, t);
    const d = Math.hypot(xi - xj, yi - yj);
    if (d <= bestD) {
      bestD = d;
      best = t;
    }
  }
  if (best < 0) return null;
  const [xi, yi] = trackXY(tr, i, best);
  const [xj, yj] = trackXY(tr, j, best);
  const h = trackHeading(tr, j, best);
  const lon = (xi - xj) * Math.cos(h) + (yi - yj) * Math.sin(h);
  return lon >= 0 ? i : j;
}
