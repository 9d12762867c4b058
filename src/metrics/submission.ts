// A challenge submission's predictions for one scene (waymo/submission.ts reads them), matched to
// the scene and scored; for the app's main bundle, its worker and Node alike (no tfjs, no React:
// model/ is imported for types only).
//
// Contract
// - matchScenePredictions(scene, pair, rec, file): the record's predictions in scene coordinates
//   (world minus scene.origin, in float64, then float32) for the pair [a, b] (track indices; the
//   app's default pair, labels/pairs.ts defaultPair), as a PairResult the app draws, plus named
//   SubmissionErrors. Every error drops only what it must:
//     'object-not-in-scene'  an object id the scene has no track for: that trajectory (joint) or
//                            that object's predictions (motion); the rest stays.
//     'not-the-pair'         a joint prediction naming other objects than the pair (which ones it
//                            names is in the message): its extra objects are ignored; one lacking
//                            an agent of the pair is dropped.
//     'point-count'          a trajectory without exactly 16 points (or x and y of different
//                            lengths): that prediction is dropped.
//     'non-finite-point'     NaN or infinite x / y: that prediction is dropped.
//     'too-many-predictions' more than 6 joint predictions (or 6 per object): the first 6 in file
//                            order are kept (metrics/map.ts keeps the first 6 too), the rest dropped.
//     'bad-confidence'       a negative, NaN or infinite confidence: the prediction is kept with
//                            confidence 0 (ranked last).
//     'pair-not-predicted'   the submission predicts none of the pair (or only one agent of it):
//                            no joint view; `predictedPair` offers the objects it does predict.
//     'no-current-state'     an agent not valid at the current step (10): its steps 11..14 hold
//                            the first submitted point instead of the interpolation below.
// - Which pair: the caller's when the joint predictions name both its agents; otherwise, when the
//   first joint prediction naming two objects of the scene names another pair, no result for the
//   caller's pair and `predictedPair` = those two objects (A = the first named), so the app can
//   switch; with `pair` null that pair is used at once.
// - Interaction (joint): modes = the kept joint predictions ranked by confidence (ties: file
//   order), one sample each; probability = c / sum(c) over the kept predictions, uniform when all
//   are 0. Motion (single): per object marginals (`marginals`, each trajectory with p = c / sum c
//   over that object's kept ones, uniform when all 0); the pair's joint modes are the
//   MAX_JOINT_MODES most probable products p_a,i * p_b,j (ties: i then j), renormalised to sum 1,
//   their confidence the product (what mAP ranks). Joint submissions also get marginals: each
//   agent's trajectory per joint prediction with the joint probability.
// - Time: the 16 points are steps 15, 20, ..., 90; the app's 80 points (steps 11..90, 10 Hz) are
//   the straight line between the agent's real position at step 10 and the first point, then
//   between consecutive points (linear interpolation in time); steps 15, ..., 90 are the
//   submitted points themselves.
// - Labels: each mode's `label` is the pseudo label (labels/forecast.ts labelFuture) of its future
//   (so any model's futures read as interaction outcomes), and the result's `label` that of what
//   really happened (labelPair on the real scene), as predictors.ts does.
// - scoreSubmissionPair: minADE / minFDE / miss at 3 / 5 / 8 s (metrics/index.ts) against the
//   scene's own 10 Hz states with the interpolated 80 points (so minFDE at 8 s compares the exact
//   submitted end point: step 90 is a submitted point; 3 s is step 40, also a submitted point;
//   5 s is step 60, another), overlap, the scene's mAP samples (metrics/map.ts scoreScene, raw
//   confidences: feed many scenes' records to meanAveragePrecision for a file-level mAP) and
//   mode coverage (does the most confident future carry the real label; does any).
// - summarizeSubmission: per open file, how many scenes have predictions, which submission
//   scenarios match no open scene, error counts by kind.
import { LABEL_NAMES, labelPair, type LabelIndex } from '../labels';
import { labelFuture } from '../labels/forecast';
import type { PairResult } from '../model/predictors';
import type { ModePrediction } from '../model/predict';
import { isValid, trackIndexOf, trackXY, type Scene } from '../scene/scene';
import { SubmissionError, type SubmissionErrorKind } from '../waymo/errors';
import {
  SUBMISSION_CURRENT_STEP,
  SUBMISSION_MAX_PREDICTIONS,
  SUBMISSION_POINTS,
  type ScenarioPredictionsRecord,
  type TrajectoryPoints,
} from '../waymo/submission-types';
import {
  FUTURE_STEPS,
  HORIZONS,
  isMiss,
  jointTrajectory,
  minDisplacement,
  overlaps,
  sceneTruth,
} from './index';
import { meanAveragePrecision, pairTrajectoryType, scoreScene, type SceneMapRecord } from './map';

/** Joint modes built from motion marginals: as many as WOMD scores for a joint prediction. */
export const MAX_JOINT_MODES = SUBMISSION_MAX_PREDICTIONS;
/** Future steps between two submitted points: 10 Hz / 2 Hz. */
const STRIDE = FUTURE_STEPS / SUBMISSION_POINTS;

/** A mode of a submission: a ModePrediction with its confidence and label index. */
export interface SubmissionMode extends ModePrediction {
  /** The file's confidence (joint), or the product of the agents' probabilities (motion). */
  confidence: number;
  /** Pseudo label of this future (labelFuture). */
  labelIndex: LabelIndex;
  /** Index of the joint prediction in the file (joint), or the two trajectories' (motion). */
  source: { joint: number } | { a: number; b: number };
}

export interface SubmissionPairResult extends PairResult {
  modes: SubmissionMode[];
  /** 'joint': the file's joint predictions; 'marginals': products of the two agents' trajectories. */
  from: 'joint' | 'marginals';
}

/** One agent's predicted futures, per agent (drawing and scoring per agent). */
export interface AgentMarginal {
  track: number;
  objectId: number;
  trajectories: { confidence: number; probability: number; points: Float32Array; index: number }[];
}

export interface SceneMatch {
  sceneId: string;
  kind: 'joint' | 'single' | 'none';
  /** The pair the result is for (the caller's, or the submission's when the caller gave none). */
  pair: [number, number] | null;
  result: SubmissionPairResult | null;
  /** The pair (track indices) the joint predictions name, when it is not `pair`: offer a switch. */
  predictedPair: [number, number] | null;
  marginals: AgentMarginal[];
  errors: SubmissionError[];
}

interface Checked {
  confidence: number;
  /** Per object id: 80 scene-relative points. */
  futures: Map<number, Float32Array>;
  index: number;
}

/** The 80 scene-relative points (x, y interleaved, steps 11..90) of 16 submitted world points (see the header). */
export function submittedFuture(scene: Scene, track: number, p: TrajectoryPoints): Float32Array {
  const [ox, oy] = scene.origin;
  const out = new Float32Array(2 * FUTURE_STEPS);
  const t = SUBMISSION_CURRENT_STEP;
  const valid = t < scene.tracks.steps && isValid(scene.tracks, track, t);
  const [x0, y0] = valid ? trackXY(scene.tracks, track, t) : [p.x[0]! - ox, p.y[0]! - oy];
  const px = (k: number) => (k < 0 ? x0 : p.x[k]! - ox);
  const py = (k: number) => (k < 0 ? y0 : p.y[k]! - oy);
  for (let s = 1; s <= FUTURE_STEPS; s++) {
    const hi = Math.ceil(s / STRIDE) - 1; // the submitted point at or after step t + s
    const f = (s - STRIDE * hi) / STRIDE; // how far from point hi - 1 (-1: step t) to point hi
    // the submitted points themselves exactly (a + (b - a) * 1 can round away from b)
    out[2 * (s - 1)] = f === 1 ? px(hi) : px(hi - 1) + (px(hi) - px(hi - 1)) * f;
    out[2 * (s - 1) + 1] = f === 1 ? py(hi) : py(hi - 1) + (py(hi) - py(hi - 1)) * f;
  }
  return out;
}

/** p = c / sum c, uniform when every c is 0. */
function normalise(c: readonly number[]): number[] {
  const sum = c.reduce((s, v) => s + v, 0);
  return c.map((v) => (sum > 0 ? v / sum : 1 / c.length));
}

/**
 * Matches a record's predictions to a scene (see the header). `pair` is the app's pair (track
 * indices), null when the scene has none; `file` names the submission in the errors.
 */
export function matchScenePredictions(
  scene: Scene,
  pair: [number, number] | null,
  rec: ScenarioPredictionsRecord,
  file: string,
): SceneMatch {
  const errors: SubmissionError[] = [];
  const err = (kind: SubmissionErrorKind, field: string, reason: string) =>
    errors.push(new SubmissionError(kind, file, scene.id, field, reason));
  const none: SceneMatch = {
    sceneId: scene.id,
    kind: 'none',
    pair,
    result: null,
    predictedPair: null,
    marginals: [],
    errors,
  };
  const trackOf = (id: number) => trackIndexOf(scene, id);
  const tracks = scene.tracks;
  for (const track of new Set(allObjects(rec)))
    if (
      trackOf(track) >= 0 &&
      !isValid(tracks, trackOf(track), Math.min(SUBMISSION_CURRENT_STEP, tracks.steps - 1))
    )
      err(
        'no-current-state',
        `object ${track}`,
        `not valid at step ${SUBMISSION_CURRENT_STEP}: steps 11..14 hold its first submitted point`,
      );
  /** Checks one trajectory; its 80 scene points or null (dropped, error given). */
  const future = (field: string, objectId: number, p: TrajectoryPoints): Float32Array | null => {
    if (p.x.length !== SUBMISSION_POINTS || p.y.length !== SUBMISSION_POINTS) {
      err(
        'point-count',
        field,
        `${p.x.length} x and ${p.y.length} y values, expected ${SUBMISSION_POINTS} each: dropped`,
      );
      return null;
    }
    for (let k = 0; k < SUBMISSION_POINTS; k++)
      if (!Number.isFinite(p.x[k]) || !Number.isFinite(p.y[k])) {
        err(
          'non-finite-point',
          `${field}.point[${k}]`,
          `(${p.x[k]}, ${p.y[k]}) is not a finite point: dropped`,
        );
        return null;
      }
    return submittedFuture(scene, trackOf(objectId), p);
  };
  const confidence = (field: string, c: number) => {
    if (Number.isFinite(c) && c >= 0) return c;
    err(
      'bad-confidence',
      `${field}.confidence`,
      `${c} is not a confidence (finite, >= 0): taken as 0, ranked last`,
    );
    return 0;
  };

  if (rec.joint !== null) {
    const joint = rec.joint;
    if (joint.length > SUBMISSION_MAX_PREDICTIONS)
      err(
        'too-many-predictions',
        'joint_prediction.joint_trajectories',
        `${joint.length} joint predictions, at most ${SUBMISSION_MAX_PREDICTIONS} count: the last ${joint.length - SUBMISSION_MAX_PREDICTIONS} are dropped`,
      );
    const kept = joint.slice(0, SUBMISSION_MAX_PREDICTIONS);
    // which pair: the caller's when some prediction names both its agents, else the first named pair in the scene
    const ids = pair ? [tracks.ids[pair[0]]!, tracks.ids[pair[1]]!] : null;
    const names = (j: (typeof kept)[number]) => j.trajectories.map((t) => t.objectId);
    let pairIds: number[] | null =
      ids && kept.some((j) => ids.every((id) => names(j).includes(id))) ? ids : null;
    if (!pairIds) {
      const first = kept
        .map((j) => names(j).filter((id) => trackOf(id) >= 0))
        .find((n) => new Set(n).size >= 2);
      const offer = first ? [...new Set(first)].slice(0, 2) : null;
      if (offer && pair) {
        err(
          'pair-not-predicted',
          'joint_prediction',
          `predicts objects ${offer.join(' and ')}, not the pair shown (${ids!.join(', ')}): switch to that pair to see it`,
        );
        return { ...none, kind: 'joint', predictedPair: [trackOf(offer[0]!), trackOf(offer[1]!)] };
      }
      if (!offer) {
        err('pair-not-predicted', 'joint_prediction', 'no joint prediction names two objects of this scene');
        return { ...none, kind: 'joint' };
      }
      pairIds = offer;
    }
    const [ida, idb] = pairIds as [number, number];
    const usePair: [number, number] = [trackOf(ida), trackOf(idb)];
    const checked: Checked[] = [];
    kept.forEach((j, i) => {
      const field = `joint_prediction.joint_trajectories[${i}]`;
      const futures = new Map<number, Float32Array>();
      let ok = true;
      j.trajectories.forEach((t, k) => {
        const tf = `${field}.trajectories[${k}] (object ${t.objectId})`;
        if (trackOf(t.objectId) < 0) {
          err('object-not-in-scene', tf, `object ${t.objectId} is not a track of this scene: ignored`);
          return;
        }
        if (t.objectId !== ida && t.objectId !== idb) return; // named below with the prediction's objects
        const f = future(tf, t.objectId, t);
        if (f === null) ok = false;
        else if (!futures.has(t.objectId)) futures.set(t.objectId, f);
      });
      const named = names(j);
      if (!named.includes(ida) || !named.includes(idb) || named.length !== 2 || new Set(named).size !== 2)
        err(
          'not-the-pair',
          field,
          `predicts objects [${named.join(', ')}], the pair is ${ida} and ${idb}: ` +
            (named.includes(ida) && named.includes(idb) ? 'the other objects are ignored' : 'dropped'),
        );
      if (!ok || !futures.has(ida) || !futures.has(idb)) return;
      checked.push({ confidence: confidence(field, j.confidence), futures, index: i });
    });
    const ranked = checked
      .map((c, k) => ({ c, k }))
      .sort((u, v) => v.c.confidence - u.c.confidence || u.k - v.k)
      .map((u) => u.c);
    const probs = normalise(ranked.map((c) => c.confidence));
    const modes = ranked.map((c, m) =>
      mode(scene, usePair, m, probs[m]!, c.confidence, c.futures.get(ida)!, c.futures.get(idb)!, {
        joint: c.index,
      }),
    );
    const marginals = usePair.map((track, ag) => ({
      track,
      objectId: [ida, idb][ag]!,
      trajectories: ranked.map((c, m) => ({
        confidence: c.confidence,
        probability: probs[m]!,
        points: c.futures.get([ida, idb][ag]!)!,
        index: c.index,
      })),
    }));
    return {
      ...none,
      kind: 'joint',
      pair: usePair,
      result: modes.length ? result(scene, usePair, modes, 'joint') : null,
      marginals,
    };
  }

  if (rec.single !== null) {
    const marginals: AgentMarginal[] = [];
    rec.single.forEach((o, i) => {
      const field = `single_predictions.predictions[${i}] (object ${o.objectId})`;
      const track = trackOf(o.objectId);
      if (track < 0) {
        err(
          'object-not-in-scene',
          field,
          `object ${o.objectId} is not a track of this scene: its predictions are ignored`,
        );
        return;
      }
      if (marginals.some((m) => m.objectId === o.objectId)) {
        err('not-the-pair', field, `object ${o.objectId} is predicted twice: the first is kept`);
        return;
      }
      if (o.trajectories.length > SUBMISSION_MAX_PREDICTIONS)
        err(
          'too-many-predictions',
          `${field}.trajectories`,
          `${o.trajectories.length} trajectories, at most ${SUBMISSION_MAX_PREDICTIONS} count: the last ${o.trajectories.length - SUBMISSION_MAX_PREDICTIONS} are dropped`,
        );
      const list: { confidence: number; points: Float32Array; index: number }[] = [];
      o.trajectories.slice(0, SUBMISSION_MAX_PREDICTIONS).forEach((t, k) => {
        const tf = `${field}.trajectories[${k}]`;
        const f = future(tf, o.objectId, t);
        if (f) list.push({ confidence: confidence(tf, t.confidence), points: f, index: k });
      });
      list.sort((u, v) => v.confidence - u.confidence || u.index - v.index);
      const probs = normalise(list.map((t) => t.confidence));
      marginals.push({
        track,
        objectId: o.objectId,
        trajectories: list.map((t, k) => ({ ...t, probability: probs[k]! })),
      });
    });
    let usePair = pair;
    const of = (track: number) => marginals.find((m) => m.track === track && m.trajectories.length > 0);
    if (!usePair || !of(usePair[0]) || !of(usePair[1])) {
      const predicted = marginals.filter((m) => m.trajectories.length > 0).map((m) => m.track);
      const offer: [number, number] | null = predicted.length >= 2 ? [predicted[0]!, predicted[1]!] : null;
      if (usePair) {
        const missing = usePair.filter((t) => !of(t)).map((t) => tracks.ids[t]);
        err(
          'pair-not-predicted',
          'single_predictions',
          `no usable prediction for object${missing.length > 1 ? 's' : ''} ${missing.join(' and ')} of the pair shown` +
            (offer ? `; it predicts ${predicted.map((t) => tracks.ids[t]).join(', ')}` : ''),
        );
        return { ...none, kind: 'single', marginals, predictedPair: offer };
      }
      if (!offer) return { ...none, kind: 'single', marginals };
      usePair = offer;
    }
    const [ma, mb] = [of(usePair[0])!, of(usePair[1])!];
    const products: { i: number; j: number; p: number }[] = [];
    ma.trajectories.forEach((ta, i) =>
      mb.trajectories.forEach((tb, j) => products.push({ i, j, p: ta.probability * tb.probability })),
    );
    products.sort((u, v) => v.p - u.p || u.i - v.i || u.j - v.j);
    const top = products.slice(0, MAX_JOINT_MODES);
    const probs = normalise(top.map((t) => t.p));
    const modes = top.map((t, m) =>
      mode(scene, usePair, m, probs[m]!, t.p, ma.trajectories[t.i]!.points, mb.trajectories[t.j]!.points, {
        a: ma.trajectories[t.i]!.index,
        b: mb.trajectories[t.j]!.index,
      }),
    );
    return {
      ...none,
      kind: 'single',
      pair: usePair,
      result: result(scene, usePair, modes, 'marginals'),
      marginals,
    };
  }
  return none;
}

function allObjects(rec: ScenarioPredictionsRecord): number[] {
  if (rec.joint) return rec.joint.flatMap((j) => j.trajectories.map((t) => t.objectId));
  if (rec.single) return rec.single.map((o) => o.objectId);
  return [];
}

function mode(
  scene: Scene,
  [a, b]: [number, number],
  m: number,
  probability: number,
  confidence: number,
  fa: Float32Array,
  fb: Float32Array,
  source: SubmissionMode['source'],
): SubmissionMode {
  const labelIndex = labelFuture(scene, a, b, SUBMISSION_CURRENT_STEP, fa, fb).label;
  const end = (f: Float32Array): [number, number] => [f[f.length - 2]!, f[f.length - 1]!];
  return {
    mode: m,
    label: LABEL_NAMES[labelIndex]!,
    labelIndex,
    probability,
    confidence,
    goals: [],
    samples: [{ a: fa, b: fb, goal: { a: end(fa), b: end(fb) } }],
    source,
  };
}

function result(
  scene: Scene,
  [a, b]: [number, number],
  modes: SubmissionMode[],
  from: SubmissionPairResult['from'],
): SubmissionPairResult {
  const label = labelPair(scene, a, b).label;
  return {
    sceneId: scene.id,
    a,
    b,
    t: SUBMISSION_CURRENT_STEP,
    label,
    labelName: LABEL_NAMES[label]!,
    modes,
    prior: modes.map((m) => m.probability),
    posterior: null,
    from,
  };
}

/** Per-scene figures of a matched prediction (see the header); null values: not known (no real future there). */
export interface SubmissionSceneScore {
  /** Per HORIZONS entry (3, 5, 8 s). */
  minADE: (number | null)[];
  minFDE: (number | null)[];
  miss: (boolean | null)[];
  /** Whether the most confident future overlaps another agent (or the pair each other); and per mode. */
  overlap: boolean;
  overlapByMode: boolean[];
  /** Per horizon: this scene's mAP samples (raw confidences) and its own mAP (one scene: its AP). */
  mapRecords: (SceneMapRecord | null)[];
  mAP: (number | null)[];
  /** Mode coverage: the real label, whether the most confident future carries it, whether any does. */
  label: LabelIndex;
  topHasLabel: boolean;
  anyHasLabel: boolean;
}

/** Scores a matched result against the scene's real future (see the header). */
export function scoreSubmissionPair(scene: Scene, r: SubmissionPairResult): SubmissionSceneScore {
  const preds = r.modes.map((m) => jointTrajectory(m.samples[0]!));
  const truth = sceneTruth(scene, r.a, r.b, r.t);
  const d = HORIZONS.map((h) => minDisplacement(preds, truth, h));
  const type = pairTrajectoryType(scene, r.a, r.b, r.t);
  const scored = r.modes.map((m, k) => ({ traj: preds[k]!, confidence: m.confidence }));
  const mapRecords = HORIZONS.map((h) => scoreScene(`${scene.id}:${r.a}:${r.b}`, scored, truth, type, h));
  const overlapByMode = preds.map((p) => overlaps(scene, r.a, r.b, r.t, p));
  return {
    minADE: d.map((x) => x?.minADE ?? null),
    minFDE: d.map((x) => x?.minFDE ?? null),
    miss: HORIZONS.map((h) => isMiss(preds, truth, h)),
    overlap: overlapByMode[0] ?? false,
    overlapByMode,
    mapRecords,
    mAP: mapRecords.map((rec) => (rec ? meanAveragePrecision([rec]).mAP : null)),
    label: r.label,
    topHasLabel: r.modes[0]?.labelIndex === r.label,
    anyHasLabel: r.modes.some((m) => m.labelIndex === r.label),
  };
}

/** One agent's minADE / minFDE per horizon over its marginal trajectories; null where its end point is unknown. */
export function scoreMarginal(
  scene: Scene,
  m: AgentMarginal,
): { minADE: (number | null)[]; minFDE: (number | null)[] } {
  const t = SUBMISSION_CURRENT_STEP;
  const tr = scene.tracks;
  const known = (k: number) => t + 1 + k < tr.steps && isValid(tr, m.track, t + 1 + k);
  const out = { minADE: [] as (number | null)[], minFDE: [] as (number | null)[] };
  for (const h of HORIZONS) {
    const last = h.steps - 1;
    if (!known(last) || m.trajectories.length === 0) {
      out.minADE.push(null);
      out.minFDE.push(null);
      continue;
    }
    let ade = Infinity;
    let fde = Infinity;
    for (const { points } of m.trajectories) {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < h.steps; k++) {
        if (!known(k)) continue;
        const [x, y] = trackXY(tr, m.track, t + 1 + k);
        sum += Math.hypot(points[2 * k]! - x, points[2 * k + 1]! - y);
        n++;
      }
      const [x, y] = trackXY(tr, m.track, t + 1 + last);
      ade = Math.min(ade, sum / n);
      fde = Math.min(fde, Math.hypot(points[2 * last]! - x, points[2 * last + 1]! - y));
    }
    out.minADE.push(ade);
    out.minFDE.push(fde);
  }
  return out;
}

/** What one submission holds for the scenes of one open file. */
export interface SubmissionSummary {
  file: string;
  scenes: number;
  scenesWithPredictions: number;
  /** Open scenes the submission has no entry for. */
  scenesWithout: string[];
  /** Submission scenarios that match no open scene (a full submission against one shard: most of them). */
  unknownScenarios: string[];
  /** Every error by kind: the two summary-level kinds here plus those passed in (from matching). */
  errorsByKind: Partial<Record<SubmissionErrorKind, number>>;
  /** The summary-level errors, one per kind, with the count and the first ids. */
  errors: SubmissionError[];
}

/** Ids named in a summary message before '…'. */
const SHOW_IDS = 5;

/**
 * The per-file summary: `submissionIds` (SubmissionFile.ids) against the open file's scene ids;
 * `matchErrors` (from matchScenePredictions on any scenes) are counted by kind.
 */
export function summarizeSubmission(
  file: string,
  submissionIds: readonly string[],
  sceneIds: readonly string[],
  matchErrors: readonly SubmissionError[] = [],
): SubmissionSummary {
  const open = new Set(sceneIds);
  const have = new Set(submissionIds);
  const scenesWithout = sceneIds.filter((id) => !have.has(id));
  const unknownScenarios = submissionIds.filter((id) => !open.has(id));
  const errors: SubmissionError[] = [];
  const list = (ids: string[]) => ids.slice(0, SHOW_IDS).join(', ') + (ids.length > SHOW_IDS ? ', …' : '');
  if (unknownScenarios.length)
    errors.push(
      new SubmissionError(
        'unknown-scenario',
        file,
        null,
        'scenario_id',
        `${unknownScenarios.length} of ${submissionIds.length} submission scenarios match no open scene (${list(unknownScenarios)})`,
      ),
    );
  if (scenesWithout.length)
    errors.push(
      new SubmissionError(
        'no-predictions',
        file,
        null,
        'scenario_predictions',
        `${scenesWithout.length} of ${sceneIds.length} open scenes have no predictions (${list(scenesWithout)})`,
      ),
    );
  const errorsByKind: Partial<Record<SubmissionErrorKind, number>> = {};
  if (unknownScenarios.length) errorsByKind['unknown-scenario'] = unknownScenarios.length;
  if (scenesWithout.length) errorsByKind['no-predictions'] = scenesWithout.length;
  for (const e of matchErrors) errorsByKind[e.kind] = (errorsByKind[e.kind] ?? 0) + 1;
  return {
    file,
    scenes: sceneIds.length,
    scenesWithPredictions: sceneIds.length - scenesWithout.length,
    scenesWithout,
    unknownScenarios,
    errorsByKind,
    errors,
  };
}
