// Model inputs and targets from a Scene at any step t with at least 10 steps of history (DESIGN.md
// section 6): both agents' histories, the nearest other agents and the map around the pair, all in
// the pair-centric frame (origin at A's position at t, x along A's heading), plus the future of both
// agents for up to 80 steps with validity masks. Plain typed arrays: batching (batch.ts) stacks them.
import { labelPair, type LabelIndex } from '../labels';
import {
  featurePoints,
  MapKind,
  LaneType,
  ObjectType,
  type Scene,
  SignalState,
  isValid,
  trackHeading,
  trackSize,
  trackSpeed,
  trackVelocity,
  trackXY,
} from '../scene/scene';
import { FEATURES } from './config';

const { history: H, future: FUT, others: K, polylines: P, points: Q, scaleM: SCALE } = FEATURES;

/** Agents per sample: A, B, then up to K others. */
export const AGENTS = 2 + K;
/** Per history step: x, y, cos h, sin h, vx, vy, valid. */
export const STEP_DIM = 7;
/** Per agent: history, type one-hot (vehicle, pedestrian, cyclist, other), length, width, role (A, B, other). */
export const AGENT_DIM = H * STEP_DIM + 4 + 2 + 3;
/** Map piece types, one-hot. */
export const PIECE_TYPES = [
  'lane',
  'bike_lane',
  'road_line_white',
  'road_line_yellow',
  'road_edge',
  'area',
  'stop_sign',
] as const;
/** Signal state of a lane piece at t, one-hot: none/unknown, stop, caution, go. */
export const SIGNAL_DIM = 4;
/** Per map point: x, y, dx, dy to the next point, piece type, signal. */
export const POINT_DIM = 4 + PIECE_TYPES.length + SIGNAL_DIM;
/** Future targets per sample: 2 agents x FUT steps x (x, y), metres in the pair frame. */
export const FUTURE_DIM = 2 * FUT * 2;

/** One sample: arrays sized by the constants above, row-major. */
export interface Features {
  agents: Float32Array; // AGENTS * AGENT_DIM
  agentMask: Float32Array; // AGENTS
  map: Float32Array; // P * Q * POINT_DIM
  pointMask: Float32Array; // P * Q
  pieceMask: Float32Array; // P
  /**
   * Domain knowledge d(x) (model/knowledge.ts), KNOWLEDGE_DIM values: only for a model whose prior
   * reads it (predictors.ts adds it then); absent otherwise.
   */
  knowledge?: Float32Array;
}

export interface Targets {
  /** Metres in the pair frame, [agent][step][x, y]. */
  future: Float32Array; // FUTURE_DIM
  futureMask: Float32Array; // 2 * FUT
  /** Pseudo label of the pair from the full scene (labels/). */
  label: LabelIndex;
}

/** The pair frame and what the metrics need about the pair at t. */
export interface PairFrame {
  scene: string;
  a: number;
  b: number;
  t: number;
  /** Scene-relative position of A at t and A's heading: the frame's origin and x axis. */
  ox: number;
  oy: number;
  heading: number;
  /** Per agent of the pair at t: speed m/s, heading in the pair frame, length, width. */
  speed: [number, number];
  localHeading: [number, number];
  size: [[number, number], [number, number]];
}

export interface Sample {
  features: Features;
  targets: Targets;
  frame: PairFrame;
}

export class FeatureError extends Error {}

/** Scene-relative x, y to the pair frame. */
export function toFrame(f: PairFrame, x: number, y: number): [number, number] {
  const c = Math.cos(f.heading);
  const s = Math.sin(f.heading);
  const dx = x - f.ox;
  const dy = y - f.oy;
  return [c * dx + s * dy, -s * dx + c * dy];
}

/** Pair-frame x, y back to scene-relative coordinates. */
export function fromFrame(f: PairFrame, u: number, v: number): [number, number] {
  const c = Math.cos(f.heading);
  const s = Math.sin(f.heading);
  return [f.ox + c * u - s * v, f.oy + s * u + c * v];
}

/** Earliest prediction step: 10 steps of history before it (11 with the current one). */
export const MIN_STEP = H - 1;

export function pairFrame(scene: Scene, a: number, b: number, t: number): PairFrame {
  const tr = scene.tracks;
  if (t < MIN_STEP || t >= tr.steps)
    throw new FeatureError(`step ${t} out of range [${MIN_STEP}, ${tr.steps - 1}]`);
  for (const i of [a, b])
    if (!isValid(tr, i, t))
      throw new FeatureError(`agent ${tr.ids[i]} is not tracked at step ${t} (no valid state there)`);
  const [ox, oy] = trackXY(tr, a, t);
  const heading = trackHeading(tr, a, t);
  const f: PairFrame = {
    scene: scene.id,
    a,
    b,
    t,
    ox,
    oy,
    heading,
    speed: [trackSpeed(tr, a, t), trackSpeed(tr, b, t)],
    localHeading: [0, trackHeading(tr, b, t) - heading],
    size: [trackSize(tr, a, t), trackSize(tr, b, t)],
  };
  return f;
}

function typeSlot(type: number): number {
  if (type === ObjectType.Vehicle) return 0;
  if (type === ObjectType.Pedestrian) return 1;
  if (type === ObjectType.Cyclist) return 2;
  return 3;
}

function writeAgent(scene: Scene, f: PairFrame, i: number, role: number, out: Float32Array, at: number) {
  const tr = scene.tracks;
  const c = Math.cos(f.heading);
  const s = Math.sin(f.heading);
  let lastValid = -1;
  for (let h = 0; h < H; h++) {
    const step = f.t - (H - 1) + h;
    const k = at + h * STEP_DIM;
    if (!isValid(tr, i, step)) continue; // zeros, valid 0
    lastValid = step;
    const [x, y] = toFrame(f, ...trackXY(tr, i, step));
    const hd = trackHeading(tr, i, step) - f.heading;
    const [vx, vy] = trackVelocity(tr, i, step);
    out[k] = x / SCALE;
    out[k + 1] = y / SCALE;
    out[k + 2] = Math.cos(hd);
    out[k + 3] = Math.sin(hd);
    out[k + 4] = (c * vx + s * vy) / SCALE;
    out[k + 5] = (-s * vx + c * vy) / SCALE;
    out[k + 6] = 1;
  }
  const k = at + H * STEP_DIM;
  out[k + typeSlot(tr.types[i]!)] = 1;
  if (lastValid >= 0) {
    const [length, width] = trackSize(tr, i, lastValid);
    out[k + 4] = length / 5;
    out[k + 5] = width / 5;
  }
  out[k + 6 + role] = 1;
}

/** A map piece: up to Q resampled points (scene-relative) with its type and lane feature id. */
export interface Piece {
  xy: Float32Array;
  n: number;
  type: number;
  /** Lane feature id for signal lookup, NaN otherwise. */
  laneId: number;
}

const pieceCache = new WeakMap<Scene, Piece[]>();

function pieceType(kind: number, subtype: number): number {
  switch (kind) {
    case MapKind.Lane:
      return subtype === LaneType.BikeLane ? 1 : 0;
    case MapKind.RoadLine:
      return subtype >= 4 ? 3 : 2; // the yellow types are 4..8
    case MapKind.RoadEdge:
      return 4;
    case MapKind.StopSign:
      return 6;
    default:
      return 5; // crosswalk, speed bump, driveway
  }
}

/** Resample a polyline every `step` metres (keeping both ends). */
function resample(pts: Float32Array, closed: boolean, step: number): number[] {
  const n = pts.length / 3;
  const out: number[] = [pts[0]!, pts[1]!];
  let carry = 0;
  const segs = closed ? n : n - 1;
  for (let i = 0; i < segs; i++) {
    const j = (i + 1) % n;
    const x0 = pts[i * 3]!;
    const y0 = pts[i * 3 + 1]!;
    const dx = pts[j * 3]! - x0;
    const dy = pts[j * 3 + 1]! - y0;
    const len = Math.hypot(dx, dy);
    let d = step - carry;
    while (d <= len) {
      out.push(x0 + (dx * d) / len, y0 + (dy * d) / len);
      d += step;
    }
    carry = len - (d - step);
  }
  const lx = closed ? pts[0]! : pts[(n - 1) * 3]!;
  const ly = closed ? pts[1]! : pts[(n - 1) * 3 + 1]!;
  const px = out[out.length - 2]!;
  const py = out[out.length - 1]!;
  if (Math.hypot(lx - px, ly - py) > 0.1 * step) out.push(lx, ly);
  return out;
}

/** The scene's map cut into pieces of Q points, built once per scene (buildFeatures keeps the nearest P). */
export function mapPieces(scene: Scene): Piece[] {
  const hit = pieceCache.get(scene);
  if (hit) return hit;
  const m = scene.map;
  const pieces: Piece[] = [];
  for (let i = 0; i < m.count; i++) {
    const pts = featurePoints(m, i);
    if (pts.length < 3) continue;
    const kind = m.kinds[i]!;
    const type = pieceType(kind, m.subtypes[i]!);
    const laneId = kind === MapKind.Lane ? m.ids[i]! : NaN;
    const closed = kind === MapKind.Crosswalk || kind === MapKind.SpeedBump || kind === MapKind.Driveway;
    const xy = pts.length === 3 ? [pts[0]!, pts[1]!] : resample(pts, closed, FEATURES.pointStepM);
    const count = xy.length / 2;
    // consecutive pieces share an end point so no segment is lost between them
    for (let s = 0; s < count; s += Q - 1) {
      const n = Math.min(Q, count - s);
      if (n < 2 && s > 0) break;
      pieces.push({ xy: Float32Array.from(xy.slice(s * 2, (s + n) * 2)), n, type, laneId });
    }
  }
  pieceCache.set(scene, pieces);
  return pieces;
}

function signalSlot(state: number): number {
  switch (state) {
    case SignalState.Stop:
    case SignalState.ArrowStop:
    case SignalState.FlashingStop:
      return 1;
    case SignalState.Caution:
    case SignalState.ArrowCaution:
    case SignalState.FlashingCaution:
      return 2;
    case SignalState.Go:
    case SignalState.ArrowGo:
      return 3;
    default:
      return 0;
  }
}

/** All-zero inputs of the real shapes, every slot unmasked (kernel warm-up, shape tests). */
export function emptyFeatures(): Features {
  return {
    agents: new Float32Array(AGENTS * AGENT_DIM),
    agentMask: new Float32Array(AGENTS).fill(1),
    map: new Float32Array(P * Q * POINT_DIM),
    pointMask: new Float32Array(P * Q).fill(1),
    pieceMask: new Float32Array(P).fill(1),
  };
}

/** An all-zero future of the real shape, every step observed (the posterior's warm-up and timing). */
export function emptyTargets(): Targets {
  return {
    future: new Float32Array(FUTURE_DIM),
    futureMask: new Float32Array(FUTURE_DIM / 2).fill(1),
    label: 0,
  };
}

/** Inputs for predicting the pair (a, b) from step t. */
export function buildFeatures(scene: Scene, f: PairFrame): Features {
  const tr = scene.tracks;
  const agents = new Float32Array(AGENTS * AGENT_DIM);
  const agentMask = new Float32Array(AGENTS);
  writeAgent(scene, f, f.a, 0, agents, 0);
  writeAgent(scene, f, f.b, 1, agents, AGENT_DIM);
  agentMask[0] = 1;
  agentMask[1] = 1;
  const [bx, by] = trackXY(tr, f.b, f.t);
  const near = (x: number, y: number) => Math.min(Math.hypot(x - f.ox, y - f.oy), Math.hypot(x - bx, y - by));

  // the nearest other agents valid at t
  const others: [number, number][] = [];
  for (let i = 0; i < tr.count; i++) {
    if (i === f.a || i === f.b) continue;
    if (!isValid(tr, i, f.t)) continue;
    const d = near(...trackXY(tr, i, f.t));
    if (d <= FEATURES.radiusM) others.push([d, i]);
  }
  others.sort((p, q) => p[0] - q[0]);
  others.slice(0, K).forEach(([, i], k) => {
    writeAgent(scene, f, i, 2, agents, (2 + k) * AGENT_DIM);
    agentMask[2 + k] = 1;
  });

  // signal state per lane id at t
  const sig = scene.signals;
  const laneState = new Map<number, number>();
  if (sig.starts.length > f.t + 1)
    for (let k = sig.starts[f.t]!; k < sig.starts[f.t + 1]!; k++)
      laneState.set(sig.lanes[k]!, sig.states[k]!);

  // the nearest map pieces
  const pieces = mapPieces(scene);
  const ranked: [number, Piece][] = [];
  for (const p of pieces) {
    let d = Infinity;
    for (let j = 0; j < p.n; j++) d = Math.min(d, near(p.xy[j * 2]!, p.xy[j * 2 + 1]!));
    if (d <= FEATURES.radiusM) ranked.push([d, p]);
  }
  ranked.sort((p, q) => p[0] - q[0]);
  const map = new Float32Array(P * Q * POINT_DIM);
  const pointMask = new Float32Array(P * Q);
  const pieceMask = new Float32Array(P);
  ranked.slice(0, P).forEach(([, p], k) => {
    pieceMask[k] = 1;
    const signal = Number.isNaN(p.laneId) ? 0 : signalSlot(laneState.get(p.laneId) ?? 0);
    let px = 0;
    let py = 0;
    for (let j = p.n - 1; j >= 0; j--) {
      const [x, y] = toFrame(f, p.xy[j * 2]!, p.xy[j * 2 + 1]!);
      const o = (k * Q + j) * POINT_DIM;
      map[o] = x / SCALE;
      map[o + 1] = y / SCALE;
      if (j < p.n - 1) {
        map[o + 2] = (px - x) / SCALE;
        map[o + 3] = (py - y) / SCALE;
      }
      map[o + 4 + p.type] = 1;
      map[o + 4 + PIECE_TYPES.length + signal] = 1;
      pointMask[k * Q + j] = 1;
      px = x;
      py = y;
    }
  });
  return { agents, agentMask, map, pointMask, pieceMask };
}

/** The pair's real future after t (up to FUT steps, masked where invalid or past the scene's end). */
export function buildTargets(scene: Scene, f: PairFrame, label: LabelIndex): Targets {
  const tr = scene.tracks;
  const future = new Float32Array(FUTURE_DIM);
  const futureMask = new Float32Array(2 * FUT);
  [f.a, f.b].forEach((i, ag) => {
    for (let k = 0; k < FUT; k++) {
      const step = f.t + 1 + k;
      if (step >= tr.steps) break;
      if (!isValid(tr, i, step)) continue;
      const [x, y] = toFrame(f, ...trackXY(tr, i, step));
      future[(ag * FUT + k) * 2] = x;
      future[(ag * FUT + k) * 2 + 1] = y;
      futureMask[ag * FUT + k] = 1;
    }
  });
  return { future, futureMask, label };
}

/** Everything for one (scene, pair, t); the label comes from the whole scene. */
export function buildSample(scene: Scene, a: number, b: number, t: number, label?: LabelIndex): Sample {
  const frame = pairFrame(scene, a, b, t);
  return {
    frame,
    features: buildFeatures(scene, frame),
    targets: buildTargets(scene, frame, label ?? labelPair(scene, a, b).label),
  };
}
