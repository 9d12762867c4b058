// mAP and soft mAP of joint predictions with the WOMD interactive definitions (DESIGN.md section
// 6a). Our own code, written from a reading of the reference in waymo-research/waymo-open-dataset:
//   - ClassifyTrack and its thresholds: src/waymo_open_dataset/metrics/motion_metrics_utils.cc
//     (the newest stored version, the `src/` layout); TrajectoryType order: motion_metrics_utils.h.
//   - Bucketing, true positives, the P/R curve and AP: waymo_open_dataset/metrics/motion_metrics.cc
//     (ComputeMeanAveragePrecision, SortSamples, ComputePrCurve, ComputeMapMetric).
//   - Soft mAP: src/waymo_open_dataset/metrics/motion_metrics.h and protos/motion_metrics.proto
//     ("duplicate true positives per ground truth trajectory are ignored rather than counted as
//     false positives"); the newest motion_metrics.cc with the soft branch is not in the stored
//     index, so the soft rule below follows that description: a later hit of an already-hit scene
//     leaves no sample at all, a miss still counts as a false positive.
//
// Contract:
//   - One scene (one pair, one horizon) gives one ground truth. Its bucket is the trajectory type
//     of the pair's real future: each agent is classified (classifyTrack) and the pair takes the
//     type of highest priority (STATIONARY < STRAIGHT < STRAIGHT_RIGHT < STRAIGHT_LEFT <
//     RIGHT_TURN < LEFT_TURN < LEFT_U_TURN < RIGHT_U_TURN, GetTrajectoryTypePriority), skipping an
//     agent that cannot be classified; RIGHT_U_TURN is then binned with RIGHT_TURN. A pair whose
//     agents cannot be classified is not scored. The type is of the whole future (to the last
//     valid state), the same bucket at every horizon.
//   - Only the first MAX_PREDICTIONS joint predictions (in the order given) count; they are ranked
//     by confidence (not normalised: AP only needs the order across scenes).
//   - A joint prediction is a true positive when it hits by the miss definition at the horizon
//     (isMiss of that prediction alone: both agents' end points within the speed-scaled lateral /
//     longitudinal thresholds). Only the first hit in the ranking is a TP; later hits of the same
//     scene are false positives (mAP) or dropped (soft mAP). A scene whose end point is unknown at
//     the horizon is not scored (IsTruePositive gives nullopt for every prediction). One known
//     difference from the reference, inherited from isMiss: GetDisplacementAtStep rotates the
//     error into the frame of the ground-truth heading AT THE MEASUREMENT STEP, isMiss (DESIGN.md
//     6a) uses the heading at t; they differ for turning agents.
//   - Per bucket: all samples of all scenes sorted by confidence, ties with the false positives
//     first (SortSamples); precision and recall along that order, recall over the number of scored
//     scenes in the bucket; AP is the area under the interpolated curve, precision at each recall
//     being the best precision at that recall or beyond (the all-points PASCAL VOC method,
//     Everingham 2009, which the reference names).
//   - mAP is the mean of AP over the buckets that have samples (ComputeMapMetric); a bucket with no
//     scene does not count. With no bucket at all the reference returns 0, and so do we (`scenes`
//     says how many scenes were scored, so a caller can tell "0" from "nothing").
//   - Per horizon (3 / 5 / 8 s), like the other metrics. The reference also splits by object type
//     (the pair's type by priority CYCLIST > PEDESTRIAN > VEHICLE > OTHER); a caller that wants that
//     split passes each object type's records to meanAveragePrecision separately.
import {
  isValid,
  normalizeAngle,
  trackHeading,
  trackVelocity,
  trackXY,
  type Scene,
  type Tracks,
} from '../scene/scene';
import { FUTURE_STEPS, HORIZONS, isMiss, type Horizon, type JointTruth } from './index';

/** WOMD TrajectoryType, in the enum's order (motion_metrics_utils.h). */
export const TRAJECTORY_TYPES = [
  'STATIONARY',
  'STRAIGHT',
  'STRAIGHT_LEFT',
  'STRAIGHT_RIGHT',
  'LEFT_U_TURN',
  'LEFT_TURN',
  'RIGHT_U_TURN',
  'RIGHT_TURN',
] as const;
export type TrajectoryType = (typeof TRAJECTORY_TYPES)[number];

// ClassifyTrack's parameters (motion_metrics_utils.cc, newest version). An older version of the
// same file (waymo_open_dataset/metrics/motion_metrics_utils.cc at a87298ff) had 5.0 m, 5.0 m and
// -5.0 m for the three distances, no angle normalisation and a right turn only when the heading
// also turned right; we follow the newest.

/** Below this speed (m/s) at both the start and the end state a short track is STATIONARY. */
export const MAX_SPEED_FOR_STATIONARY = 2.0;
/** And its displacement start to end (m) is below this. */
export const MAX_DISPLACEMENT_FOR_STATIONARY = 3.0;
/** A track that keeps its heading is STRAIGHT when its lateral displacement (m) is below this, else STRAIGHT_LEFT / _RIGHT. */
export const MAX_LATERAL_DISPLACEMENT_FOR_STRAIGHT = 2.5;
/** A turn that ends behind the start (longitudinal displacement below this, m) is a U-turn. */
export const MIN_LONGITUDINAL_DISPLACEMENT_FOR_U_TURN = 0.0;
/** Heading change (rad) below which the track counts as keeping its heading. */
export const MAX_ABS_HEADING_DIFF_FOR_STRAIGHT = Math.PI / 6;

/** K: joint predictions per scene that count (the challenge config's max_predictions). */
export const MAX_PREDICTIONS = 6;

/** Which type a joint prediction takes from its agents (GetTrajectoryTypePriority): the highest wins. */
export const TRAJECTORY_TYPE_PRIORITY: Readonly<Record<TrajectoryType, number>> = {
  STATIONARY: 0,
  STRAIGHT: 1,
  STRAIGHT_RIGHT: 2,
  STRAIGHT_LEFT: 3,
  RIGHT_TURN: 4,
  LEFT_TURN: 5,
  LEFT_U_TURN: 6,
  RIGHT_U_TURN: 7,
};

/** The fields of a state that ClassifyTrack reads (positions m, heading rad, velocity m/s). */
export interface ClassifyState {
  x: number;
  y: number;
  heading: number;
  vx: number;
  vy: number;
}

/** ClassifyTrack's decision from the start (current) state and the last valid future state. */
export function classifyStates(start: ClassifyState, end: ClassifyState): TrajectoryType {
  const dxWorld = end.x - start.x;
  const dyWorld = end.y - start.y;
  const displacement = Math.hypot(dxWorld, dyWorld);
  const headingDiff = normalizeAngle(end.heading - start.heading);
  // The displacement in the start state's frame: x along its heading, y to its left.
  const c = Math.cos(start.heading);
  const s = Math.sin(start.heading);
  const dx = c * dxWorld + s * dyWorld;
  const dy = -s * dxWorld + c * dyWorld;
  const maxSpeed = Math.max(Math.hypot(start.vx, start.vy), Math.hypot(end.vx, end.vy));

  if (maxSpeed < MAX_SPEED_FOR_STATIONARY && displacement < MAX_DISPLACEMENT_FOR_STATIONARY)
    return 'STATIONARY';
  if (Math.abs(headingDiff) < MAX_ABS_HEADING_DIFF_FOR_STRAIGHT) {
    if (Math.abs(dy) < MAX_LATERAL_DISPLACEMENT_FOR_STRAIGHT) return 'STRAIGHT';
    return dy < 0 ? 'STRAIGHT_RIGHT' : 'STRAIGHT_LEFT';
  }
  if (dy < 0) return dx < MIN_LONGITUDINAL_DISPLACEMENT_FOR_U_TURN ? 'RIGHT_U_TURN' : 'RIGHT_TURN';
  return dx < MIN_LONGITUDINAL_DISPLACEMENT_FOR_U_TURN ? 'LEFT_U_TURN' : 'LEFT_TURN';
}

function stateAt(tracks: Tracks, track: number, step: number): ClassifyState {
  const [x, y] = trackXY(tracks, track, step);
  const [vx, vy] = trackVelocity(tracks, track, step);
  return { x, y, heading: trackHeading(tracks, track, step), vx, vy };
}

/**
 * Trajectory type of a real track from step `current` (the prediction time): start is the state
 * at `current`, end the last valid state after it, looking at most FUTURE_STEPS ahead (in WOMD,
 * current 10 and 91 steps, that is the whole track as in the reference). Null when the state at
 * `current` is invalid or no later state is valid.
 */
export function classifyTrack(tracks: Tracks, track: number, current: number): TrajectoryType | null {
  if (current < 0 || current >= tracks.steps || !isValid(tracks, track, current)) return null;
  const last = Math.min(tracks.steps - 1, current + FUTURE_STEPS);
  for (let step = last; step > current; step--) {
    if (isValid(tracks, track, step))
      return classifyStates(stateAt(tracks, track, current), stateAt(tracks, track, step));
  }
  return null;
}

/**
 * The bucket of a joint prediction from its agents' types: the highest priority among those that
 * could be classified, RIGHT_U_TURN binned with RIGHT_TURN; null when none could.
 */
export function jointTrajectoryType(types: readonly (TrajectoryType | null)[]): TrajectoryType | null {
  let best: TrajectoryType | null = null;
  for (const t of types) {
    if (t !== null && (best === null || TRAJECTORY_TYPE_PRIORITY[t] > TRAJECTORY_TYPE_PRIORITY[best]))
      best = t;
  }
  return best === 'RIGHT_U_TURN' ? 'RIGHT_TURN' : best;
}

/** The bucket of the pair (a, b) of a scene predicted from step t. */
export function pairTrajectoryType(scene: Scene, a: number, b: number, t: number): TrajectoryType | null {
  return jointTrajectoryType([classifyTrack(scene.tracks, a, t), classifyTrack(scene.tracks, b, t)]);
}

/** A joint prediction ([agent][step][x, y] in the pair frame, as isMiss reads it) and its confidence. */
export interface ScoredJoint {
  traj: Float32Array;
  confidence: number;
}

/** One point of a precision-recall ranking. */
export interface PrSample {
  confidence: number;
  tp: boolean;
}

/** One scored scene at one horizon: its bucket and its samples for mAP and for soft mAP. */
export interface SceneMapRecord {
  key: string;
  type: TrajectoryType;
  samples: PrSample[];
  softSamples: PrSample[];
}

/**
 * The samples one scene adds at a horizon, or null when it is not scored (no type, no
 * prediction, or an agent's end point unknown at the horizon).
 */
export function scoreScene(
  key: string,
  preds: readonly ScoredJoint[],
  truth: JointTruth,
  type: TrajectoryType | null,
  h: Horizon,
): SceneMapRecord | null {
  if (type === null) return null;
  const ranked = preds
    .slice(0, MAX_PREDICTIONS)
    .map((p, i) => ({ p, i }))
    .sort((u, v) => v.p.confidence - u.p.confidence || u.i - v.i)
    .map((u) => u.p);
  const samples: PrSample[] = [];
  const softSamples: PrSample[] = [];
  let found = false;
  for (const p of ranked) {
    const miss = isMiss([p.traj], truth, h);
    if (miss === null) continue;
    const hit = !miss;
    samples.push({ confidence: p.confidence, tp: hit && !found });
    if (!(hit && found)) softSamples.push({ confidence: p.confidence, tp: hit });
    if (hit) found = true;
  }
  return samples.length === 0 ? null : { key, type, samples, softSamples };
}

/**
 * Average precision of samples against `positives` ground truths: the area under the precision-
 * recall curve with precision interpolated as the best at that recall or beyond. Samples are
 * ranked by confidence, ties with the false positives first. 0 without samples.
 */
export function averagePrecision(samples: readonly PrSample[], positives: number): number {
  if (samples.length === 0 || positives <= 0) return 0;
  const ranked = [...samples].sort((u, v) => v.confidence - u.confidence || Number(u.tp) - Number(v.tp));
  const precision: number[] = [];
  const recall: number[] = [];
  let tp = 0;
  ranked.forEach((s, i) => {
    if (s.tp) tp++;
    precision.push(tp / (i + 1));
    recall.push(tp / positives);
  });
  let area = 0;
  let best = 0;
  for (let i = ranked.length - 1; i >= 0; i--) {
    best = Math.max(best, precision[i]!);
    area += best * (recall[i]! - (i > 0 ? recall[i - 1]! : 0));
  }
  return area;
}

export interface TypeAP {
  /** Scored scenes in the bucket: the number of ground truths recall is measured against. */
  scenes: number;
  ap: number;
  softAP: number;
}

export interface MapResult {
  mAP: number;
  softMAP: number;
  /** Scored scenes over all buckets; 0 means mAP and soft mAP are the reference's empty 0. */
  scenes: number;
  /** Only the buckets that have scenes. */
  byType: Partial<Record<TrajectoryType, TypeAP>>;
}

/** mAP and soft mAP of a set of scored scenes (one horizon): the mean AP over non-empty buckets. */
export function meanAveragePrecision(records: readonly SceneMapRecord[]): MapResult {
  const byType: Partial<Record<TrajectoryType, TypeAP>> = {};
  let mAP = 0;
  let softMAP = 0;
  let buckets = 0;
  for (const type of TRAJECTORY_TYPES) {
    const mine = records.filter((r) => r.type === type);
    if (mine.length === 0) continue;
    const ap = averagePrecision(
      mine.flatMap((r) => r.samples),
      mine.length,
    );
    const softAP = averagePrecision(
      mine.flatMap((r) => r.softSamples),
      mine.length,
    );
    byType[type] = { scenes: mine.length, ap, softAP };
    mAP += ap;
    softMAP += softAP;
    buckets++;
  }
  return {
    mAP: buckets === 0 ? 0 : mAP / buckets,
    softMAP: buckets === 0 ? 0 : softMAP / buckets,
    scenes: records.length,
    byType,
  };
}

export interface HorizonMapResult extends MapResult {
  seconds: number;
}

/**
 * Accumulates scenes for mAP at every horizon. `add` takes one scene's joint predictions with
 * their confidences, the truth in the pair frame and the pair's bucket (pairTrajectoryType); the
 * kept records (per horizon, in HORIZONS order) can be resampled by scene for a bootstrap.
 */
export class MapAccumulator {
  readonly records: SceneMapRecord[][] = HORIZONS.map(() => []);
  private readonly keys = new Set<string>();

  add(key: string, preds: readonly ScoredJoint[], truth: JointTruth, type: TrajectoryType | null): void {
    if (this.keys.has(key)) throw new Error(`MapAccumulator: scene '${key}' added twice`);
    this.keys.add(key);
    HORIZONS.forEach((h, k) => {
      const r = scoreScene(key, preds, truth, type, h);
      if (r) this.records[k]!.push(r);
    });
  }

  result(): HorizonMapResult[] {
    return HORIZONS.map((h, k) => ({ seconds: h.seconds, ...meanAveragePrecision(this.records[k]!) }));
  }
}
