// The synthetic-to-real gap (issue 14): which inputs of the pseudo-label CVAE are off-distribution
// on real scenes, and where its error on the real benchmark comes from.
//
// 1. Distributions. For each sample (a pair at a step, built with model/features.ts buildSample, so
//    what is measured is what the network sees), `measureSample` adds its values to a MeasureSet:
//    kinematics of A and B read back from the feature tensor (speed, acceleration, yaw rate over the
//    history), the future from the targets (displacement, turn), sizes, the agents and map pieces
//    the features kept, and from the scene what the features cannot show (map features and agents
//    inside the feature radius before truncation, lanes without topology, tracking noise).
//    `compareSets` gives per measure the quantiles 5/25/50/75/95, the mean, the two-sample
//    Kolmogorov-Smirnov statistic and the Wasserstein-1 distance (in the measure's unit), and for
//    categories (agent types, piece types, labels) the shares and the total variation distance.
// 2. Errors. `pairErrors` scores one prediction (model/predictors.ts predictPairs) of one request
//    at 8 s the way metrics/index.ts does (minFDE, WOMD miss), and splits it: per agent the best
//    joint prediction's end error along and across the agent's heading, the per-agent (marginal)
//    best, the goal error (the best goal mean against the real end points) and the trajectory's own
//    end distance from its goal. `errorTable` and `agentErrorTable` group the records.
// Synthetic scenes are made by the caller (metrics does not import synth): see src/cli/gap.ts.
import { LABEL_NAMES } from '../labels';
import { FEATURES } from '../model/config';
import {
  AGENT_DIM,
  AGENTS,
  mapPieces,
  PIECE_TYPES,
  POINT_DIM,
  STEP_DIM,
  type Sample,
} from '../model/features';
import type { PairRequest, PairResult } from '../model/predictors';
import {
  featurePoints,
  isValid,
  MAP_KIND_NAMES,
  MapKind,
  OBJECT_TYPE_NAMES,
  STEP_S,
  trackXY,
  type Scene,
} from '../scene/scene';
import { HORIZONS, isMiss, jointTrajectory, minDisplacement, missScale, sceneTruth } from './index';
import { bootstrapCI, pooledMean, type Interval } from './stats';

const { history: H, future: FUT, scaleM: SCALE, radiusM: RADIUS, polylines: P, points: Q } = FEATURES;
const DEG = 180 / Math.PI;
/** The features' agent type slots (features.ts typeSlot). */
export const TYPE_SLOTS = ['vehicle', 'pedestrian', 'cyclist', 'other'] as const;
/** Quantiles reported per measure. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
/** Future turns are measured on a path resampled every this many metres (shorter steps are noise). */
const TURN_STEP_M = 2;
/** An agent must move at least this far in 8 s for its future turn to mean anything. */
const TURN_MIN_PATH_M = 5;
/** Heading against velocity is only defined above this speed (m/s): slow tracks' velocity is noise. */
const HEADING_SPEED = 2;
/**
 * Tracking noise: a step k is on a straight segment when the chords k-5 -> k and k -> k+5 are each
 * at least NOISE_CHORD_M long (the agent moves, at least 2 m/s) and differ in direction by less than
 * NOISE_STRAIGHT_DEG. There a smooth track's second difference across its heading is ~0 (a 2 degree
 * bend over 0.5 s at 10 m/s gives under 0.02 m), so what is left is the tracker's jitter.
 */
const NOISE_WINDOW = 5;
const NOISE_CHORD_M = 1;
const NOISE_STRAIGHT_DEG = 2;

export type Level = 'agent' | 'pair' | 'other agent';
export interface MeasureDef {
  key: string;
  title: string;
  unit: string;
  /** One value per agent of the pair (A and B pooled), per pair, or per kept other agent. */
  level: Level;
  /** Where it is read: the feature tensor, the targets, or the scene (what the features cannot show). */
  source: 'features' | 'targets' | 'scene';
}

const m = (key: string, title: string, unit: string, level: Level, source: MeasureDef['source']) => ({
  key,
  title,
  unit,
  level,
  source,
});

export const NUMERIC_MEASURES: MeasureDef[] = [
  m('speed', 'speed at t', 'm/s', 'agent', 'features'),
  m('speedVehicle', 'speed at t, vehicles only', 'm/s', 'agent', 'features'),
  m('accel', 'acceleration over the history (speed change / 1 s)', 'm/s²', 'agent', 'features'),
  m(
    'speedJitter',
    'speed jitter over the history (RMS second difference of speed)',
    'm/s',
    'agent',
    'features',
  ),
  m('yawRate', '|yaw rate| over the history', 'deg/s', 'agent', 'features'),
  m('headingVsVelocity', '|heading - velocity direction| at t (above 2 m/s)', 'deg', 'agent', 'features'),
  m('futureDisplacement', 'displacement at 8 s', 'm', 'agent', 'targets'),
  m(
    'futureLateral',
    '|lateral offset| of the 8 s end point in the agent frame at t',
    'm',
    'agent',
    'targets',
  ),
  m('futureTurn', '|net heading change| over the future (path of 5 m or more)', 'deg', 'agent', 'targets'),
  m('futureTurnTotal', 'total turning along the future path (2 m chords)', 'deg', 'agent', 'targets'),
  m('length', 'length', 'm', 'agent', 'features'),
  m('width', 'width', 'm', 'agent', 'features'),
  m('historyMissing', 'share of invalid history states, A and B', '', 'agent', 'features'),
  m(
    'noiseLateral',
    'tracking noise: median |lateral 2nd difference| on straight segments',
    'm',
    'agent',
    'scene',
  ),
  m(
    'endLaneDistance',
    'distance of the 8 s end point to the nearest lane centre, vehicles',
    'm',
    'agent',
    'scene',
  ),
  m('distanceAB', 'distance A-B at t', 'm', 'pair', 'features'),
  m('relativeHeading', '|heading of B - heading of A| at t', 'deg', 'pair', 'features'),
  m('othersInRadius', 'other agents valid at t within the feature radius', '', 'pair', 'scene'),
  m('othersKept', 'other agents kept in the features (at most 8)', '', 'pair', 'features'),
  m(
    'othersHistoryMissing',
    'share of invalid history states, kept other agents',
    '',
    'other agent',
    'features',
  ),
  m('mapFeaturesInRadius', 'map features (polylines) within the feature radius', '', 'pair', 'scene'),
  ...MAP_KIND_NAMES.map((k) => m(`map_${k}`, `${k} features within the feature radius`, '', 'pair', 'scene')),
  m('lanesNoTopology', 'lanes within the radius with no entry and no exit lane', '', 'pair', 'scene'),
  m(
    'lanesNoTopologyShare',
    'share of lanes within the radius with no entry and no exit lane',
    '',
    'pair',
    'scene',
  ),
  m('piecesInRadius', 'map pieces (8 points, 2.5 m apart) within the feature radius', '', 'pair', 'scene'),
  m('piecesKept', 'map pieces kept in the features (at most 48)', '', 'pair', 'features'),
  m('mapReach', 'distance from the pair of the farthest kept map piece', 'm', 'pair', 'features'),
  m('lanePieceSignalShare', 'share of kept lane pieces with a known signal state', '', 'pair', 'features'),
];

export const CATEGORICAL_MEASURES = [
  { key: 'agentType', title: 'agent type, A and B', level: 'agent' },
  { key: 'pairTypes', title: 'pair types', level: 'pair' },
  { key: 'label', title: 'pseudo label', level: 'pair' },
  { key: 'otherType', title: 'kept other agents by type', level: 'other agent' },
  { key: 'pieceType', title: 'kept map pieces by type', level: 'map piece' },
] as const;

export interface MeasureSet {
  samples: number;
  numeric: Record<string, number[]>;
  categorical: Record<string, string[]>;
}

export function emptyMeasureSet(): MeasureSet {
  return {
    samples: 0,
    numeric: Object.fromEntries(NUMERIC_MEASURES.map((d) => [d.key, []])),
    categorical: Object.fromEntries(CATEGORICAL_MEASURES.map((d) => [d.key, []])),
  };
}

/** Angle difference wrapped to [-pi, pi]. */
const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

interface HistStep {
  x: number;
  y: number;
  h: number;
  vx: number;
  vy: number;
  valid: boolean;
}

/** Agent `slot`'s history step h as the network sees it (metres, pair frame). */
function histStep(f: Float32Array, slot: number, h: number): HistStep {
  const k = slot * AGENT_DIM + h * STEP_DIM;
  return {
    x: f[k]! * SCALE,
    y: f[k + 1]! * SCALE,
    h: Math.atan2(f[k + 3]!, f[k + 2]!),
    vx: f[k + 4]! * SCALE,
    vy: f[k + 5]! * SCALE,
    valid: f[k + 6]! > 0,
  };
}

function slotType(f: Float32Array, slot: number): string {
  const k = slot * AGENT_DIM + H * STEP_DIM;
  for (let j = 0; j < 4; j++) if (f[k + j]! > 0) return TYPE_SLOTS[j]!;
  return 'other';
}

/** The agent's future after t from the targets, [x, y] per valid step (pair frame), index = step. */
function futurePath(s: Sample, ag: number): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = [];
  for (let k = 0; k < FUT; k++)
    out.push(
      s.targets.futureMask[ag * FUT + k]
        ? [s.targets.future[(ag * FUT + k) * 2]!, s.targets.future[(ag * FUT + k) * 2 + 1]!]
        : null,
    );
  return out;
}

/** Chord directions of a path resampled every `step` metres. */
function chordDirections(pts: [number, number][], step: number): { dirs: number[]; length: number } {
  const dirs: number[] = [];
  let length = 0;
  let [ax, ay] = pts[0]!;
  for (let i = 1; i < pts.length; i++) {
    const [x, y] = pts[i]!;
    const d = Math.hypot(x - ax, y - ay);
    if (d >= step) {
      dirs.push(Math.atan2(y - ay, x - ax));
      length += d;
      ax = x;
      ay = y;
    }
  }
  return { dirs, length };
}

/** Median of |lateral second difference| of track i's positions on straight moving segments; NaN if none. */
export function lateralNoise(scene: Scene, i: number): number {
  const tr = scene.tracks;
  const W = NOISE_WINDOW;
  const vals: number[] = [];
  for (let k = W; k < tr.steps - W; k++) {
    let ok = true;
    for (let j = k - W; j <= k + W && ok; j++) ok = isValid(tr, i, j);
    if (!ok) continue;
    const [x0, y0] = trackXY(tr, i, k - W);
    const [x1, y1] = trackXY(tr, i, k);
    const [x2, y2] = trackXY(tr, i, k + W);
    if (Math.hypot(x1 - x0, y1 - y0) < NOISE_CHORD_M || Math.hypot(x2 - x1, y2 - y1) < NOISE_CHORD_M)
      continue;
    const turn = wrap(Math.atan2(y2 - y1, x2 - x1) - Math.atan2(y1 - y0, x1 - x0));
    if (Math.abs(turn) * DEG >= NOISE_STRAIGHT_DEG) continue;
    const [px, py] = trackXY(tr, i, k - 1);
    const [nx, ny] = trackXY(tr, i, k + 1);
    const ex = nx - 2 * x1 + px;
    const ey = ny - 2 * y1 + py;
    const dir = Math.atan2(y2 - y0, x2 - x0);
    vals.push(Math.abs(-Math.sin(dir) * ex + Math.cos(dir) * ey));
  }
  if (!vals.length) return NaN;
  vals.sort((a, b) => a - b);
  return quantileSorted(vals, 0.5);
}

/** Distance from (x, y) to the nearest segment of any lane centre of the scene (scene coordinates). */
function laneDistance(scene: Scene, x: number, y: number): number {
  const mp = scene.map;
  let best = Infinity;
  for (let i = 0; i < mp.count; i++) {
    if (mp.kinds[i] !== MapKind.Lane) continue;
    const pts = featurePoints(mp, i);
    const n = pts.length / 3;
    if (n === 1) best = Math.min(best, Math.hypot(x - pts[0]!, y - pts[1]!));
    for (let j = 0; j + 1 < n; j++) {
      const ax = pts[j * 3]!;
      const ay = pts[j * 3 + 1]!;
      const dx = pts[j * 3 + 3]! - ax;
      const dy = pts[j * 3 + 4]! - ay;
      const l2 = dx * dx + dy * dy;
      const u = l2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
      best = Math.min(best, Math.hypot(x - ax - u * dx, y - ay - u * dy));
    }
  }
  return best;
}

/** Adds one sample (built by buildSample on `scene`) to `set`. */
export function measureSample(set: MeasureSet, scene: Scene, s: Sample): void {
  const num = (k: string, v: number) => {
    if (Number.isFinite(v)) set.numeric[k]!.push(v);
  };
  const cat = (k: string, v: string) => set.categorical[k]!.push(v);
  const f = s.features;
  const tr = scene.tracks;
  const { a, b, t } = s.frame;
  set.samples++;

  const types: string[] = [];
  for (const ag of [0, 1]) {
    const steps = [...Array(H).keys()].map((h) => histStep(f.agents, ag, h));
    const cur = steps[H - 1]!;
    const speed = Math.hypot(cur.vx, cur.vy);
    const type = slotType(f.agents, ag);
    types.push(type);
    cat('agentType', type);
    num('speed', speed);
    if (type === 'vehicle') num('speedVehicle', speed);
    const valid = steps.map((st, h) => ({ st, h })).filter((x) => x.st.valid);
    num('historyMissing', 1 - valid.length / H);
    const first = valid[0]!;
    if (first.h < H - 1) {
      const dt = (H - 1 - first.h) * STEP_S;
      num('accel', (speed - Math.hypot(first.st.vx, first.st.vy)) / dt);
      num('yawRate', (Math.abs(wrap(cur.h - first.st.h)) * DEG) / dt);
    }
    const sp = valid.map((x) => Math.hypot(x.st.vx, x.st.vy));
    if (sp.length >= 3) {
      let sum = 0;
      for (let j = 1; j + 1 < sp.length; j++) sum += (sp[j + 1]! - 2 * sp[j]! + sp[j - 1]!) ** 2;
      num('speedJitter', Math.sqrt(sum / (sp.length - 2)));
    }
    if (speed > HEADING_SPEED)
      num('headingVsVelocity', Math.abs(wrap(Math.atan2(cur.vy, cur.vx) - cur.h)) * DEG);
    const k = ag * AGENT_DIM + H * STEP_DIM;
    num('length', f.agents[k + 4]! * 5);
    num('width', f.agents[k + 5]! * 5);

    // the future, from the targets
    const fut = futurePath(s, ag);
    const end = fut[FUT - 1];
    if (end) {
      const dx = end[0] - cur.x;
      const dy = end[1] - cur.y;
      num('futureDisplacement', Math.hypot(dx, dy));
      num('futureLateral', Math.abs(-Math.sin(cur.h) * dx + Math.cos(cur.h) * dy));
    }
    const path = [[cur.x, cur.y] as [number, number], ...fut.filter((p): p is [number, number] => !!p)];
    const { dirs, length } = chordDirections(path, TURN_STEP_M);
    if (length >= TURN_MIN_PATH_M && dirs.length >= 2) {
      num('futureTurn', Math.abs(wrap(dirs[dirs.length - 1]! - dirs[0]!)) * DEG);
      let total = 0;
      for (let j = 1; j < dirs.length; j++) total += Math.abs(wrap(dirs[j]! - dirs[j - 1]!));
      num('futureTurnTotal', total * DEG);
    }
    // the scene: noise on the whole track, the end point against the lanes
    const track = ag === 0 ? a : b;
    num('noiseLateral', lateralNoise(scene, track));
    const endStep = t + FUT;
    if (type === 'vehicle' && endStep < tr.steps && isValid(tr, track, endStep))
      num('endLaneDistance', laneDistance(scene, ...trackXY(tr, track, endStep)));
  }
  cat('pairTypes', [...types].sort().join('–'));
  cat('label', LABEL_NAMES[s.targets.label]);

  // the pair
  const bNow = histStep(f.agents, 1, H - 1);
  num('distanceAB', Math.hypot(bNow.x, bNow.y));
  num('relativeHeading', Math.abs(wrap(bNow.h)) * DEG);

  // other agents: in the radius (scene) and kept (features)
  const [ax, ay] = trackXY(tr, a, t);
  const [bx, by] = trackXY(tr, b, t);
  const near = (x: number, y: number) => Math.min(Math.hypot(x - ax, y - ay), Math.hypot(x - bx, y - by));
  let inRadius = 0;
  for (let i = 0; i < tr.count; i++)
    if (i !== a && i !== b && isValid(tr, i, t) && near(...trackXY(tr, i, t)) <= RADIUS) inRadius++;
  num('othersInRadius', inRadius);
  let kept = 0;
  for (let slot = 2; slot < AGENTS; slot++) {
    if (!f.agentMask[slot]) continue;
    kept++;
    cat('otherType', slotType(f.agents, slot));
    let valid = 0;
    for (let h = 0; h < H; h++) valid += +histStep(f.agents, slot, h).valid;
    num('othersHistoryMissing', 1 - valid / H);
  }
  num('othersKept', kept);

  // the map: features and lanes within the radius (scene)
  const mp = scene.map;
  const byKind = new Array<number>(MAP_KIND_NAMES.length).fill(0);
  let lanes = 0;
  let bare = 0;
  for (let i = 0; i < mp.count; i++) {
    const pts = featurePoints(mp, i);
    let inside = false;
    for (let j = 0; j < pts.length && !inside; j += 3) inside = near(pts[j]!, pts[j + 1]!) <= RADIUS;
    if (!inside) continue;
    byKind[mp.kinds[i]!]!++;
    if (mp.kinds[i] === MapKind.Lane) {
      lanes++;
      const info = mp.lanes.get(i);
      if (!info || (info.entryLanes.length === 0 && info.exitLanes.length === 0)) bare++;
    }
  }
  num(
    'mapFeaturesInRadius',
    byKind.reduce((x, y) => x + y, 0),
  );
  MAP_KIND_NAMES.forEach((k, j) => num(`map_${k}`, byKind[j]!));
  num('lanesNoTopology', bare);
  if (lanes) num('lanesNoTopologyShare', bare / lanes);
  num('piecesInRadius', piecesInRadius(scene, near));

  // the map pieces the features kept
  let pieces = 0;
  let reach = 0;
  let lanePieces = 0;
  let signalled = 0;
  const bxF = bNow.x;
  const byF = bNow.y;
  for (let k = 0; k < P; k++) {
    if (!f.pieceMask[k]) continue;
    pieces++;
    let d = Infinity;
    let type = -1;
    let signal = 0;
    for (let j = 0; j < Q; j++) {
      if (!f.pointMask[k * Q + j]) continue;
      const o = (k * Q + j) * POINT_DIM;
      const x = f.map[o]! * SCALE;
      const y = f.map[o + 1]! * SCALE;
      d = Math.min(d, Math.hypot(x, y), Math.hypot(x - bxF, y - byF));
      if (type < 0) {
        for (let c = 0; c < PIECE_TYPES.length; c++) if (f.map[o + 4 + c]! > 0) type = c;
        for (let c = 0; c < 4; c++) if (f.map[o + 4 + PIECE_TYPES.length + c]! > 0) signal = c;
      }
    }
    reach = Math.max(reach, d);
    cat('pieceType', PIECE_TYPES[type] ?? 'none');
    if (type === 0 || type === 1) {
      lanePieces++;
      if (signal > 0) signalled++;
    }
  }
  num('piecesKept', pieces);
  if (pieces) num('mapReach', reach);
  if (lanePieces) num('lanePieceSignalShare', signalled / lanePieces);
}

/** The map pieces (features.ts mapPieces) with a point within the radius: what the features keep the nearest P of. */
function piecesInRadius(scene: Scene, near: (x: number, y: number) => number): number {
  let count = 0;
  for (const p of mapPieces(scene)) {
    let inside = false;
    for (let j = 0; j < p.n && !inside; j++) inside = near(p.xy[j * 2]!, p.xy[j * 2 + 1]!) <= RADIUS;
    if (inside) count++;
  }
  return count;
}

// ---- comparing two sets ----

export function quantileSorted(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < sorted.length ? sorted[i]! + frac * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}

export interface Summary {
  n: number;
  mean: number;
  /** At QUANTILES. */
  q: number[];
}

export function summary(values: readonly number[]): Summary {
  const s = [...values].sort((x, y) => x - y);
  return {
    n: s.length,
    mean: s.length ? s.reduce((x, y) => x + y, 0) / s.length : NaN,
    q: QUANTILES.map((q) => quantileSorted(s, q)),
  };
}

/** Two-sample Kolmogorov-Smirnov statistic: the largest gap between the empirical CDFs. */
export function ksStatistic(x: readonly number[], y: readonly number[]): number {
  if (!x.length || !y.length) return NaN;
  const a = [...x].sort((p, q) => p - q);
  const b = [...y].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const v = Math.min(a[i]!, b[j]!);
    while (i < a.length && a[i]! <= v) i++;
    while (j < b.length && b[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** Wasserstein-1 distance between two empirical distributions: the area between their CDFs. */
export function wasserstein1(x: readonly number[], y: readonly number[]): number {
  if (!x.length || !y.length) return NaN;
  const a = [...x].sort((p, q) => p - q);
  const b = [...y].sort((p, q) => p - q);
  const all = [...a, ...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let w = 0;
  for (let k = 0; k + 1 < all.length; k++) {
    const v = all[k]!;
    while (i < a.length && a[i]! <= v) i++;
    while (j < b.length && b[j]! <= v) j++;
    w += Math.abs(i / a.length - j / b.length) * (all[k + 1]! - v);
  }
  return w;
}

export interface NumericRow extends MeasureDef {
  synthetic: Summary;
  real: Summary;
  ks: number;
  w1: number;
}

export interface CategoricalRow {
  key: string;
  title: string;
  level: string;
  categories: string[];
  synthetic: { n: number; shares: Record<string, number> };
  real: { n: number; shares: Record<string, number> };
  /** Total variation distance: half the summed absolute difference of the shares. */
  tv: number;
}

function shares(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1 / xs.length;
  return out;
}

export function compareSets(
  synthetic: MeasureSet,
  real: MeasureSet,
): { numeric: NumericRow[]; categorical: CategoricalRow[] } {
  const numeric = NUMERIC_MEASURES.map((d) => {
    const x = synthetic.numeric[d.key]!;
    const y = real.numeric[d.key]!;
    return { ...d, synthetic: summary(x), real: summary(y), ks: ksStatistic(x, y), w1: wasserstein1(x, y) };
  });
  const categorical = CATEGORICAL_MEASURES.map((d) => {
    const x = synthetic.categorical[d.key]!;
    const y = real.categorical[d.key]!;
    const sx = shares(x);
    const sy = shares(y);
    const categories = [...new Set([...Object.keys(sx), ...Object.keys(sy)])].sort(
      (p, q) => (sy[q] ?? 0) + (sx[q] ?? 0) - (sy[p] ?? 0) - (sx[p] ?? 0),
    );
    const tv = categories.reduce((acc, c) => acc + Math.abs((sx[c] ?? 0) - (sy[c] ?? 0)), 0) / 2;
    return {
      key: d.key,
      title: d.title,
      level: d.level,
      categories,
      synthetic: { n: x.length, shares: sx },
      real: { n: y.length, shares: sy },
      tv,
    };
  });
  return { numeric, categorical };
}

/**
 * The measures the synthetic-v2 comparison reports (`npm run gap -- --v2`): the pair geometry and
 * speed the benchmark rule changes, and the tracking-noise figures the augmentation targets.
 */
export const V2_MEASURES = [
  'distanceAB',
  'relativeHeading',
  'speed',
  'speedVehicle',
  'speedJitter',
  'headingVsVelocity',
  'yawRate',
  'accel',
] as const;

export interface V2Row {
  key: string;
  title: string;
  unit: string;
  v1: Summary;
  v2: Summary;
  real: Summary;
  /** KS against real of the v1 (designed pair) and v2 (rule pairs + noise) training pairs. */
  ksV1: number;
  ksV2: number;
}

/** V2_MEASURES for the v1 and v2 training pairs against the real pairs. */
export function compareV2(v1: MeasureSet, v2: MeasureSet, real: MeasureSet): V2Row[] {
  return V2_MEASURES.map((key) => {
    const d = NUMERIC_MEASURES.find((x) => x.key === key)!;
    const [x1, x2, y] = [v1.numeric[key]!, v2.numeric[key]!, real.numeric[key]!];
    return {
      key,
      title: d.title,
      unit: d.unit,
      v1: summary(x1),
      v2: summary(x2),
      real: summary(y),
      ksV1: ksStatistic(x1, y),
      ksV2: ksStatistic(x2, y),
    };
  });
}

// ---- errors at 8 s ----

const H8 = HORIZONS[HORIZONS.length - 1]!;

export interface PredictionErrors {
  /** Joint minFDE at 8 s (mean over A and B, minimum over the joint predictions). */
  fde: number;
  miss: boolean;
  /** The best joint prediction's end error per agent (m), and its parts along / across the agent's heading at t. */
  agentFde: [number, number];
  agentLon: [number, number];
  agentLat: [number, number];
  /** Per agent, the minimum over the predictions of that agent's end error (the joint choice not enforced). */
  marginalFde: [number, number];
  /** Per agent: no prediction ends within that agent's own WOMD miss box. */
  agentMiss: [boolean, boolean];
  /** Minimum over the joint predictions of the mean over agents of |goal - real end| (null: no goals). */
  goalFde: number | null;
  /** The best joint prediction's mean over agents of |end point - its own goal| (null: no goals). */
  goalToEnd: number | null;
}

export interface PairErrorRecord {
  scene: string;
  types: [string, string];
  label: number;
  /** Speeds of A and B at t (m/s). */
  speed: [number, number];
  model: PredictionErrors;
  baseline: PredictionErrors;
  /** The model's joint predictions with the least likely replaced by the baseline's: minFDE and miss at 8 s. */
  swap: { fde: number; miss: boolean } | null;
}

interface Joint {
  traj: Float32Array;
  goal: { a: [number, number]; b: [number, number] } | null;
}

/** A result's joint predictions, most probable mode first (the order eval ranks them in). */
function joints(r: PairResult, withGoals: boolean): Joint[] {
  return [...r.modes]
    .sort((x, y) => y.probability - x.probability)
    .flatMap((md) => md.samples.map((s) => ({ traj: jointTrajectory(s), goal: withGoals ? s.goal : null })));
}

function scoreJoints(js: Joint[], truth: ReturnType<typeof sceneTruth>): PredictionErrors | null {
  const last = H8.steps - 1;
  if (!truth.mask[last] || !truth.mask[FUT + last]) return null;
  const end = (tr: Float32Array, ag: number): [number, number] => [
    tr[(ag * FUT + last) * 2]!,
    tr[(ag * FUT + last) * 2 + 1]!,
  ];
  const real = [end(truth.future, 0), end(truth.future, 1)];
  let best = -1;
  let fde = Infinity;
  const marginal: [number, number] = [Infinity, Infinity];
  const agentHit = [false, false];
  let goalFde: number | null = null;
  js.forEach((j, idx) => {
    let sum = 0;
    for (let ag = 0; ag < 2; ag++) {
      const [px, py] = end(j.traj, ag);
      const e = Math.hypot(px - real[ag]![0], py - real[ag]![1]);
      sum += e / 2;
      marginal[ag] = Math.min(marginal[ag]!, e);
      const c = Math.cos(truth.heading[ag]!);
      const s = Math.sin(truth.heading[ag]!);
      const lon = c * (px - real[ag]![0]) + s * (py - real[ag]![1]);
      const lat = -s * (px - real[ag]![0]) + c * (py - real[ag]![1]);
      const k = missScale(truth.speed[ag]!);
      if (Math.abs(lon) <= H8.longitudinal * k && Math.abs(lat) <= H8.lateral * k) agentHit[ag] = true;
    }
    if (sum < fde) {
      fde = sum;
      best = idx;
    }
    if (j.goal) {
      const g = [j.goal.a, j.goal.b];
      const ge =
        (Math.hypot(g[0]![0] - real[0]![0], g[0]![1] - real[0]![1]) +
          Math.hypot(g[1]![0] - real[1]![0], g[1]![1] - real[1]![1])) /
        2;
      goalFde = goalFde === null ? ge : Math.min(goalFde, ge);
    }
  });
  const bj = js[best]!;
  const parts = [0, 1].map((ag) => {
    const [px, py] = end(bj.traj, ag);
    const dx = px - real[ag]![0];
    const dy = py - real[ag]![1];
    const c = Math.cos(truth.heading[ag]!);
    const s = Math.sin(truth.heading[ag]!);
    return { e: Math.hypot(dx, dy), lon: Math.abs(c * dx + s * dy), lat: Math.abs(-s * dx + c * dy) };
  });
  let goalToEnd: number | null = null;
  if (bj.goal) {
    const g = [bj.goal.a, bj.goal.b];
    goalToEnd =
      [0, 1].reduce((acc, ag) => {
        const [px, py] = end(bj.traj, ag);
        return acc + Math.hypot(px - g[ag]![0], py - g[ag]![1]);
      }, 0) / 2;
  }
  return {
    fde,
    miss: isMiss(
      js.map((j) => j.traj),
      truth,
      H8,
    )!,
    agentFde: [parts[0]!.e, parts[1]!.e],
    agentLon: [parts[0]!.lon, parts[1]!.lon],
    agentLat: [parts[0]!.lat, parts[1]!.lat],
    marginalFde: marginal,
    agentMiss: [!agentHit[0], !agentHit[1]],
    goalFde,
    goalToEnd,
  };
}

/**
 * The 8 s errors of one request: `model` (a CVAE's result, its samples carrying their goals) and
 * `baseline` (constant velocity) on the same request; null when the scene has no 8 s end point.
 */
export function pairErrors(
  req: PairRequest,
  model: PairResult,
  baseline: PairResult,
): PairErrorRecord | null {
  const { scene, a, b, t } = req;
  const truth = sceneTruth(scene, a, b, t);
  const mj = joints(model, true);
  const bj = joints(baseline, false);
  const me = scoreJoints(mj, truth);
  const be = scoreJoints(bj, truth);
  if (!me || !be) return null;
  let swap: PairErrorRecord['swap'] = null;
  if (mj.length > 1) {
    const preds = [...mj.slice(0, mj.length - 1).map((j) => j.traj), bj[0]!.traj];
    swap = { fde: minDisplacement(preds, truth, H8)!.minFDE, miss: isMiss(preds, truth, H8)! };
  }
  const type = (i: number) => {
    const name = OBJECT_TYPE_NAMES[scene.tracks.types[i]!] ?? 'other';
    return name === 'unset' ? 'other' : name;
  };
  return {
    scene: scene.id,
    types: [type(a), type(b)],
    label: model.label,
    speed: truth.speed,
    model: me,
    baseline: be,
    swap,
  };
}

/** WOMD's speed scaling breaks (missScale): 1.4 and 11 m/s, with 5 m/s between. */
export const SPEED_BUCKETS = [
  { name: '< 1.4 m/s', max: 1.4 },
  { name: '1.4–5 m/s', max: 5 },
  { name: '5–11 m/s', max: 11 },
  { name: '> 11 m/s', max: Infinity },
] as const;

export function speedBucket(v: number): string {
  return SPEED_BUCKETS.find((b) => v < b.max)!.name;
}

export interface ErrorRow {
  group: string;
  pairs: number;
  scenes: number;
  /** Model minFDE 8 s with a 95% bootstrap interval by scenario. */
  fde: Interval;
  miss: number;
  baselineFde: number;
  baselineMiss: number;
  goalFde: number;
  goalToEnd: number;
  /** Mean over the pairs of the mean over agents of the per-agent best (marginal) end error. */
  marginalFde: number;
  swapFde: number;
  swapMiss: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : NaN);

/** Records grouped by `key` (in first-seen order, or `order`), one row per group plus 'all'. */
export function errorTable(
  records: readonly PairErrorRecord[],
  key: (r: PairErrorRecord) => string,
  order?: readonly string[],
  resamples = 2000,
): ErrorRow[] {
  const groups = new Map<string, PairErrorRecord[]>();
  for (const k of order ?? []) groups.set(k, []);
  for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  const rows: ErrorRow[] = [];
  for (const [group, rs] of [...groups, ['all', [...records]] as const]) {
    if (!rs.length) continue;
    const byScene = new Map<string, number[]>();
    for (const r of rs) byScene.set(r.scene, [...(byScene.get(r.scene) ?? []), r.model.fde]);
    const swaps = rs.flatMap((r) => (r.swap ? [r.swap] : []));
    rows.push({
      group,
      pairs: rs.length,
      scenes: byScene.size,
      fde: bootstrapCI([...byScene.values()], pooledMean, { resamples }),
      miss: mean(rs.map((r) => +r.model.miss)),
      baselineFde: mean(rs.map((r) => r.baseline.fde)),
      baselineMiss: mean(rs.map((r) => +r.baseline.miss)),
      goalFde: mean(rs.flatMap((r) => (r.model.goalFde === null ? [] : [r.model.goalFde]))),
      goalToEnd: mean(rs.flatMap((r) => (r.model.goalToEnd === null ? [] : [r.model.goalToEnd]))),
      marginalFde: mean(rs.map((r) => (r.model.marginalFde[0] + r.model.marginalFde[1]) / 2)),
      swapFde: mean(swaps.map((s) => s.fde)),
      swapMiss: mean(swaps.map((s) => +s.miss)),
    });
  }
  return rows;
}

export interface AgentErrorRow {
  group: string;
  agents: number;
  medianSpeed: number;
  /** The model's best joint prediction: this agent's end error, along and across its heading. */
  fde: number;
  lon: number;
  lat: number;
  marginalFde: number;
  /** Share of agents with no prediction inside their own miss box. */
  miss: number;
  baselineFde: number;
  baselineLon: number;
  baselineLat: number;
  baselineMiss: number;
}

/** Per agent of the pairs (A and B pooled), grouped by `key(record, agent)`, plus 'all'. */
export function agentErrorTable(
  records: readonly PairErrorRecord[],
  key: (r: PairErrorRecord, ag: 0 | 1) => string,
  order?: readonly string[],
): AgentErrorRow[] {
  const groups = new Map<string, { r: PairErrorRecord; ag: 0 | 1 }[]>();
  for (const k of order ?? []) groups.set(k, []);
  const all: { r: PairErrorRecord; ag: 0 | 1 }[] = [];
  for (const r of records)
    for (const ag of [0, 1] as const) {
      const k = key(r, ag);
      groups.set(k, [...(groups.get(k) ?? []), { r, ag }]);
      all.push({ r, ag });
    }
  const rows: AgentErrorRow[] = [];
  for (const [group, xs] of [...groups, ['all', all] as const]) {
    if (!xs.length) continue;
    rows.push({
      group,
      agents: xs.length,
      medianSpeed: summary(xs.map((x) => x.r.speed[x.ag])).q[2]!,
      fde: mean(xs.map((x) => x.r.model.agentFde[x.ag])),
      lon: mean(xs.map((x) => x.r.model.agentLon[x.ag])),
      lat: mean(xs.map((x) => x.r.model.agentLat[x.ag])),
      marginalFde: mean(xs.map((x) => x.r.model.marginalFde[x.ag])),
      miss: mean(xs.map((x) => +x.r.model.agentMiss[x.ag])),
      baselineFde: mean(xs.map((x) => x.r.baseline.agentFde[x.ag])),
      baselineLon: mean(xs.map((x) => x.r.baseline.agentLon[x.ag])),
      baselineLat: mean(xs.map((x) => x.r.baseline.agentLat[x.ag])),
      baselineMiss: mean(xs.map((x) => +x.r.baseline.agentMiss[x.ag])),
    });
  }
  return rows;
}
