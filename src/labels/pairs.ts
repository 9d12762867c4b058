// The real benchmark's pair rule (DESIGN.md section 6b, docs/real-benchmark.md): which pairs of
// agents a real scene contributes to `npm run data` and `npm run eval`, the WOMD split a scenario
// belongs to, its cross-validation fold, and the app's default pair for a scene that names none.
// Deterministic: the same scene always gives the same list, in the same order. The rule is pinned
// by test/unit/pairs.test.ts (size + hash); model work must not move it.
import {
  womdSplitOf,
  type WomdSplit,
  interactingPair,
  isValid,
  ObjectType,
  type Scene,
  trackIndexOf,
  trackSpeed,
  trackXY,
} from '../scene/scene';
import { labelPair, labelPaths, NO_INTERACTION, STATIONARY_M, type LabelIndex } from './index';
import { trackPath, type TrackPath } from './path';

export interface BenchmarkPair {
  /** Track indices, a < b: the order never depends on the label (it would leak it). */
  a: number;
  b: number;
  /** labels/ on (A = a, B = b). */
  label: LabelIndex;
  /** label !== NO_INTERACTION. */
  interacting: boolean;
  /** The pair came from the scene's objects_of_interest (and is then the scene's only pair). */
  marked: boolean;
}

// ---- the rule's thresholds (each with why) ----

/**
 * An agent moves when it ends at least this far from where it started, metres. The labels' own
 * stationary threshold (STATIONARY_M, 2 m): real parked boxes drift about 1 m, and a pair with an
 * agent that never moves is mostly a parked or queued car beside a passing one, which the labels
 * cannot tell from a real wait.
 */
export const MOVING_M = STATIONARY_M;
/**
 * ... or when it is faster than this at the current step, m/s: above the speed jitter of real
 * standing tracks (parked cars up to ~0.3 m/s, a standing pedestrian in the WOMD sample 0.56 m/s),
 * below walking pace (1.4 m/s), so an agent that sets off at the current step counts.
 */
export const MOVING_SPEED = 1;
/**
 * Two candidates are paired only when their centres are at most this far apart at the current
 * step, metres. Two vehicles approaching a junction at right angles at urban speed (10 m/s), each
 * 3.5 s from the conflict point, are 35 m from it and about 50 m from each other; pairs farther
 * apart seldom meet within the labels' reach (MAX_GAP_S), and every pair kept costs a labelling.
 */
export const PAIR_RADIUS_M = 50;
/**
 * Most interacting pairs kept per scene (nearest first): a busy junction holds a few real
 * conflicts, and more pairs from one scene would let one scenario outweigh the others (pairs of one
 * scene share agents and context, so they are not independent samples).
 */
export const MAX_INTERACTING = 3;
/**
 * Most non-interacting pairs kept per scene (nearest first): one, so every scene with candidates
 * contributes a known "no interaction" example and the label mix is a property of the rule, not of
 * how crowded the scenes are.
 */
export const MAX_QUIET = 1;
/**
 * Agent types that may be in a pair. Vehicles and cyclists: the road users whose pass order the
 * labels model. Pedestrians too, but only paired with a vehicle or cyclist (see PAIRED_ONLY): a car
 * waiting at a crosswalk for a walker is a real interaction, the synthetic training set has it (the
 * midblock_crosswalk layout) and WOMD's interactive split has vehicle-pedestrian pairs. Unset and
 * other objects are not road users the labels know.
 */
export const PAIR_TYPES: readonly number[] = [ObjectType.Vehicle, ObjectType.Cyclist, ObjectType.Pedestrian];
/**
 * Types never paired with their own kind. Pedestrian-pedestrian: walkers pass each other side by
 * side without a pass order (the labels call most such pairs follow or oncoming), and a crowd would
 * bring a quadratic number of pairs that say nothing about driving.
 */
export const PAIRED_ONLY: readonly number[] = [ObjectType.Pedestrian];

export interface PairRuleOptions {
  /** Defaults PAIR_RADIUS_M, MAX_INTERACTING, MAX_QUIET: the frozen rule. Other values are for tests. */
  radiusM?: number;
  maxInteracting?: number;
  maxQuiet?: number;
}

// ---- the rule ----

/** objects_of_interest as track indices, when it names two distinct tracks present in the scene. */
export function markedPair(scene: Scene): [number, number] | null {
  const ooi = scene.objectsOfInterest;
  if (ooi.length < 2) return null;
  const a = trackIndexOf(scene, ooi[0]!);
  const b = trackIndexOf(scene, ooi[1]!);
  return a >= 0 && b >= 0 && a !== b ? [a, b] : null;
}

/** Whether a track is valid at every step of the scene (history 0..current and future to the end). */
export function validThroughout(scene: Scene, track: number): boolean {
  const tr = scene.tracks;
  for (let t = 0; t < tr.steps; t++) if (!isValid(tr, track, t)) return false;
  return true;
}

/** Whether a track (valid throughout) moves by MOVING_M over the scene or MOVING_SPEED now. */
export function isMoving(scene: Scene, track: number): boolean {
  const tr = scene.tracks;
  const [x0, y0] = trackXY(tr, track, 0);
  const [x1, y1] = trackXY(tr, track, tr.steps - 1);
  if (Math.hypot(x1 - x0, y1 - y0) >= MOVING_M) return true;
  return trackSpeed(tr, track, currentStep(scene)) > MOVING_SPEED;
}

function currentStep(scene: Scene): number {
  return Math.max(0, Math.min(scene.currentIndex, scene.tracks.steps - 1));
}

/** Track indices that may be in a rule pair, ascending: type, valid throughout, moving. */
export function pairCandidates(scene: Scene): number[] {
  const out: number[] = [];
  const tr = scene.tracks;
  for (let i = 0; i < tr.count; i++)
    if (PAIR_TYPES.includes(tr.types[i]!) && validThroughout(scene, i) && isMoving(scene, i)) out.push(i);
  return out;
}

/**
 * The scene's benchmark pairs. A scene whose objects_of_interest names two tracks present in it
 * keeps exactly that pair (marked, whatever its label). Otherwise: candidate pairs (pairCandidates,
 * at most radiusM apart at the current step, not two PAIRED_ONLY agents of one type) in order of
 * that distance (ties by a, then b); the first maxInteracting whose label is not NO_INTERACTION,
 * then the first maxQuiet whose label is. Interacting pairs come first, so the first pair of a
 * scene with a conflict is its nearest conflict. Paths are built once per agent and only for
 * agents in a candidate pair; labelling stops when both quotas are full.
 */
export function benchmarkPairs(scene: Scene, opts: PairRuleOptions = {}): BenchmarkPair[] {
  const marked = markedPair(scene);
  if (marked) {
    const [a, b] = marked[0] < marked[1] ? marked : [marked[1], marked[0]];
    const label = labelPair(scene, a, b).label;
    return [{ a, b, label, interacting: label !== NO_INTERACTION, marked: true }];
  }
  const radius = opts.radiusM ?? PAIR_RADIUS_M;
  const maxInteracting = opts.maxInteracting ?? MAX_INTERACTING;
  const maxQuiet = opts.maxQuiet ?? MAX_QUIET;
  const tr = scene.tracks;
  const cur = currentStep(scene);
  const cand = pairCandidates(scene);
  const near: { a: number; b: number; d: number }[] = [];
  for (let x = 0; x < cand.length; x++)
    for (let y = x + 1; y < cand.length; y++) {
      const a = cand[x]!;
      const b = cand[y]!;
      const ta = tr.types[a]!;
      if (ta === tr.types[b] && PAIRED_ONLY.includes(ta)) continue;
      const [ax, ay] = trackXY(tr, a, cur);
      const [bx, by] = trackXY(tr, b, cur);
      const d = Math.hypot(ax - bx, ay - by);
      if (d <= radius) near.push({ a, b, d });
    }
  near.sort((p, q) => p.d - q.d || p.a - q.a || p.b - q.b);
  const paths = new Map<number, TrackPath>();
  const path = (i: number) => {
    let p = paths.get(i);
    if (!p) paths.set(i, (p = trackPath(scene, i)));
    return p;
  };
  const interacting: BenchmarkPair[] = [];
  const quiet: BenchmarkPair[] = [];
  for (const { a, b } of near) {
    if (interacting.length >= maxInteracting && quiet.length >= maxQuiet) break;
    const label = labelPaths(scene, path(a), path(b)).label;
    const pair = { a, b, label, interacting: label !== NO_INTERACTION, marked: false };
    if (pair.interacting) {
      if (interacting.length < maxInteracting) interacting.push(pair);
    } else if (quiet.length < maxQuiet) quiet.push(pair);
  }
  return [...interacting, ...quiet];
}

/**
 * The app's default pair (DESIGN.md sections 5 and 6b): interactingPair (objects_of_interest, else
 * the first two tracks_to_predict, in the dataset's order); only for a scene that names neither,
 * the rule's first pair; null when that finds none either.
 */
export function defaultPair(scene: Scene): [number, number] | null {
  const p = interactingPair(scene);
  if (p) return p;
  // the rule labels candidate pairs (milliseconds to a hundred on a busy real scene): once per scene
  if (!ruleFirst.has(scene)) {
    const first = benchmarkPairs(scene)[0];
    ruleFirst.set(scene, first ? [first.a, first.b] : null);
  }
  return ruleFirst.get(scene)!;
}
const ruleFirst = new WeakMap<Scene, [number, number] | null>();

/** Which rule gave a challenge submission's pair (submissionPair). */
export type SubmissionPairRule = 'tracks_to_predict' | 'default';

/** The rules' words, for a submission's description and the CLI's summary. */
export const SUBMISSION_PAIR_RULES: Readonly<Record<SubmissionPairRule, string>> = {
  tracks_to_predict:
    "the scenario's two tracks_to_predict (WOMD's interactive split lists exactly the interacting pair)",
  default:
    "ModeScope's default pair (objects_of_interest, else the first two tracks_to_predict, else the real benchmark rule's first pair)",
};

/**
 * The pair a WOMD interaction-prediction submission predicts for a scene (DESIGN.md 3b): the
 * scenario's tracks_to_predict when it lists exactly two (the interactive split does, and the
 * challenge scores exactly those two objects), else the app's default pair (defaultPair: such a scene
 * is not from the interactive split, and the submission carries the pair the app would show); null
 * when neither gives one.
 */
export function submissionPair(scene: Scene): { pair: [number, number]; rule: SubmissionPairRule } | null {
  const ttp = scene.tracksToPredict.trackIndex;
  if (ttp.length === 2 && ttp[0] !== ttp[1]) return { pair: [ttp[0]!, ttp[1]!], rule: 'tracks_to_predict' };
  const p = defaultPair(scene);
  return p ? { pair: p, rule: 'default' } : null;
}

/**
 * The scene with the rule's first pair as its objects_of_interest when it names none (what
 * `npm run convert` writes, so the Scenario file carries the pair every tool reads); the scene
 * itself when it names a pair or the rule finds none. `added` says which.
 */
export function withBenchmarkPair(scene: Scene): { scene: Scene; added: boolean } {
  if (markedPair(scene)) return { scene, added: false };
  const first = benchmarkPairs(scene)[0];
  if (!first) return { scene, added: false };
  const ids = Int32Array.of(scene.tracks.ids[first.a]!, scene.tracks.ids[first.b]!);
  return { scene: { ...scene, objectsOfInterest: ids }, added: true };
}

// ---- the list over scenes, and its pin ----

export interface SceneBenchmarkPair extends BenchmarkPair {
  sceneId: string;
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of a string; 8 lowercase hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Every scene's benchmark pairs, in scene order, and a hash that pins them: FNV-1a over one line
 * "sceneId:a:b:label\n" per pair.
 */
export function benchmarkPairList(
  scenes: Iterable<Scene>,
  opts: PairRuleOptions = {},
): { pairs: SceneBenchmarkPair[]; hash: string } {
  const pairs: SceneBenchmarkPair[] = [];
  for (const scene of scenes)
    for (const p of benchmarkPairs(scene, opts)) pairs.push({ sceneId: scene.id, ...p });
  return { pairs, hash: fnv1a(pairs.map((p) => `${p.sceneId}:${p.a}:${p.b}:${p.label}\n`).join('')) };
}

// ---- split and folds, by scenario ----

/** The scene's WOMD split, from its sourceName (never from a file name it was saved under). */
export function scenarioSplit(scene: Scene): WomdSplit {
  return scene.sourceName === undefined ? 'unknown' : womdSplitOf(scene.sourceName, scene.tracks.steps);
}

/** Folds for evaluating models trained on real scenes (k-fold over scenarios). */
export const FOLDS = 5;

/** A scenario's fold in 0..folds-1: FNV-1a of its id, modulo folds (all its pairs share it). */
export function scenarioFold(sceneId: string, folds = FOLDS): number {
  return Number.parseInt(fnv1a(sceneId), 16) % folds;
}
