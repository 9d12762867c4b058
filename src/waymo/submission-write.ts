// Writing WOMD challenge submissions (DESIGN.md section 3b, motion_submission.proto): a
// MotionChallengeSubmission encoded by field number with protobufjs's Writer, one scenario at a
// time, and the containers researchers hand in. Runs the same in Node and in the browser.
//
// Contract:
// - encodeScenarioEntry(record) is one scenario_predictions entry (field 1, length-delimited) of a
//   MotionChallengeSubmission, complete: entries can be appended one after another as they are made,
//   so a submission of 44k scenarios is never built whole. encodeHeaderFields(header) is fields 2-13,
//   written once. A submission is its entries followed by its header fields, which is the order
//   protobuf's own serialisers write (field number order; repeated field 1 first), so the bytes
//   equal what protobufjs's `encode` of the same message gives (test/unit/submission-write.test.ts
//   checks that against the reference .proto). Every header scalar is written, also when false or
//   empty: the challenge requires uses_lidar_data, uses_camera_data, uses_public_model_pretraining
//   and num_model_parameters to be present.
// - Trajectories are packed floats (center_x = 2, center_y = 3 [packed]); confidences float;
//   object ids int32. A record that breaks the schema's rules (not exactly one of joint / single,
//   a trajectory without SUBMISSION_POINTS points, a non-finite number, an object id outside int32)
//   is refused with a SubmissionWriteError naming the scenario and the field; nothing is written
//   for it and the writer stays usable for the next record.
// - scenarioRecord(prediction, pair) turns a model prediction (model/predictors.ts PairResult, by
//   its shape: waymo does not import model) into a record: the pair's two WOMD object ids, up to
//   SUBMISSION_MAX_PREDICTIONS joint predictions, each the points at SUBMISSION_STEPS converted to
//   WORLD coordinates (the scene-relative float32 point plus the float64 scene origin, added in
//   float64 and rounded to float32 once). The prediction must be from SUBMISSION_CURRENT_STEP.
//   Confidence rule: a joint prediction's confidence is the prior probability p(z|x) of its mode,
//   the number metrics/evaluate.ts ranks joint predictions by for mAP; they are ranked most
//   probable mode first, a mode's samples in the model's own order (goal components by weight, then
//   kinematic anchors), and the first SUBMISSION_MAX_PREDICTIONS are kept.
// - Containers: SubmissionWriter streams one MotionChallengeSubmission to a byte sink (plain
//   .binproto; the caller gzips for .binproto.gz: Node zlib in the CLI, CompressionStream via
//   tfrecord.ts gzipBytes in the browser). ShardWriter cuts the records into shards of at most
//   maxScenarios scenarios, each a complete MotionChallengeSubmission with the header, and
//   shardTar packs them into a ustar archive stream (modern-tar: zero dependencies, Web Streams,
//   so the same code runs in Node and the browser; what WOMD's upload takes once gzipped).
import protobuf from 'protobufjs/minimal.js';
import { createTarPacker } from 'modern-tar';
import {
  SUBMISSION_CURRENT_STEP,
  SUBMISSION_MAX_PREDICTIONS,
  SUBMISSION_POINTS,
  SUBMISSION_STEPS,
  type ScenarioPredictionsRecord,
  type SubmissionHeader,
  type SubmissionType,
  type TrajectoryPoints,
} from './submission-types';

const { Writer } = protobuf;
type Writer = protobuf.Writer;

/** A record or header the schema cannot carry: which scenario (or 'header') and which field. */
export class SubmissionWriteError extends Error {
  constructor(
    readonly scenario: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`submission: ${scenario === '' ? 'header' : `scenario ${scenario}`}: ${field}: ${reason}`);
    this.name = 'SubmissionWriteError';
  }
}

/** MotionChallengeSubmission.SubmissionType numbers. */
export const SUBMISSION_TYPE_NUMBER: Readonly<Record<SubmissionType, number>> = {
  unknown: 0,
  motion: 1,
  interaction: 2,
};

const LEN = 2;
const VARINT = 0;
const I32 = 5;
const tag = (field: number, wire: number) => (field << 3) | wire;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function checkPoints(t: TrajectoryPoints, scenario: string, field: string): void {
  for (const [axis, v] of [
    ['center_x', t.x],
    ['center_y', t.y],
  ] as const) {
    if (v.length !== SUBMISSION_POINTS)
      throw new SubmissionWriteError(
        scenario,
        `${field}.${axis}`,
        `${v.length} points, a submission trajectory has exactly ${SUBMISSION_POINTS}`,
      );
    const bad = v.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0)
      throw new SubmissionWriteError(scenario, `${field}.${axis}[${bad}]`, `not finite (${v[bad]})`);
  }
}

function checkObjectId(id: number, scenario: string, field: string): void {
  if (!Number.isInteger(id) || id < INT32_MIN || id > INT32_MAX)
    throw new SubmissionWriteError(scenario, field, `object id ${id} is not an int32`);
}

function checkConfidence(c: number, scenario: string, field: string): void {
  if (!Number.isFinite(c)) throw new SubmissionWriteError(scenario, field, `confidence ${c} is not finite`);
}

/** Trajectory (center_x = 2, center_y = 3, both packed floats) as field `field` of the message open in w. */
function writeTrajectory(w: Writer, field: number, t: TrajectoryPoints): void {
  w.uint32(tag(field, LEN)).fork();
  w.uint32(tag(2, LEN)).fork();
  for (let i = 0; i < t.x.length; i++) w.float(t.x[i]!);
  w.ldelim();
  w.uint32(tag(3, LEN)).fork();
  for (let i = 0; i < t.y.length; i++) w.float(t.y[i]!);
  w.ldelim();
  w.ldelim();
}

/** Throws a SubmissionWriteError when the record breaks the schema's rules (the header's list). */
export function checkRecord(r: ScenarioPredictionsRecord): void {
  const s = r.scenarioId;
  if ((r.joint === null) === (r.single === null))
    throw new SubmissionWriteError(
      s,
      'prediction_set',
      r.joint === null
        ? 'neither joint_prediction nor single_predictions'
        : 'both joint_prediction and single_predictions',
    );
  r.joint?.forEach((j, k) => {
    const f = `joint_prediction.joint_trajectories[${k}]`;
    checkConfidence(j.confidence, s, `${f}.confidence`);
    j.trajectories.forEach((t, i) => {
      checkObjectId(t.objectId, s, `${f}.trajectories[${i}].object_id`);
      checkPoints(t, s, `${f}.trajectories[${i}].trajectory`);
    });
  });
  r.single?.forEach((p, k) => {
    const f = `single_predictions.predictions[${k}]`;
    checkObjectId(p.objectId, s, `${f}.object_id`);
    p.trajectories.forEach((t, i) => {
      checkConfidence(t.confidence, s, `${f}.trajectories[${i}].confidence`);
      checkPoints(t, s, `${f}.trajectories[${i}].trajectory`);
    });
  });
}

/**
 * One scenario_predictions entry of a MotionChallengeSubmission: the field-1 tag, the length and a
 * ChallengeScenarioPredictions (scenario_id = 1, then joint_prediction = 3 or single_predictions = 2).
 * Throws a SubmissionWriteError (checkRecord) before writing anything for a bad record.
 */
export function encodeScenarioEntry(r: ScenarioPredictionsRecord): Uint8Array {
  checkRecord(r);
  const w = Writer.create();
  w.uint32(tag(1, LEN)).fork();
  w.uint32(tag(1, LEN)).string(r.scenarioId);
  if (r.single) {
    w.uint32(tag(2, LEN)).fork(); // PredictionSet
    for (const p of r.single) {
      w.uint32(tag(1, LEN)).fork(); // SingleObjectPrediction
      w.uint32(tag(1, VARINT)).int32(p.objectId);
      for (const t of p.trajectories) {
        w.uint32(tag(2, LEN)).fork(); // ScoredTrajectory
        writeTrajectory(w, 1, t);
        w.uint32(tag(2, I32)).float(t.confidence);
        w.ldelim();
      }
      w.ldelim();
    }
    w.ldelim();
  }
  if (r.joint) {
    w.uint32(tag(3, LEN)).fork(); // JointPrediction
    for (const j of r.joint) {
      w.uint32(tag(1, LEN)).fork(); // ScoredJointTrajectory
      for (const t of j.trajectories) {
        w.uint32(tag(2, LEN)).fork(); // ObjectTrajectory
        w.uint32(tag(1, VARINT)).int32(t.objectId);
        writeTrajectory(w, 2, t);
        w.ldelim();
      }
      w.uint32(tag(3, I32)).float(j.confidence);
      w.ldelim();
    }
    w.ldelim();
  }
  w.ldelim();
  return w.finish();
}

/**
 * The header's fields (2-13) in field order, every scalar written (the header's rule). Throws a
 * SubmissionWriteError when num_model_parameters is not an integer with an optional K/M/B suffix.
 */
export function encodeHeaderFields(h: SubmissionHeader): Uint8Array {
  if (!/^\d+[KMB]?$/.test(h.numModelParameters))
    throw new SubmissionWriteError(
      '',
      'num_model_parameters',
      `'${h.numModelParameters}' is not an integer with an optional K, M or B suffix (e.g. "200K")`,
    );
  const w = Writer.create();
  w.uint32(tag(2, VARINT)).int32(SUBMISSION_TYPE_NUMBER[h.submissionType]);
  w.uint32(tag(3, LEN)).string(h.accountName);
  w.uint32(tag(4, LEN)).string(h.uniqueMethodName);
  for (const a of h.authors) w.uint32(tag(5, LEN)).string(a);
  w.uint32(tag(6, LEN)).string(h.affiliation);
  w.uint32(tag(7, LEN)).string(h.description);
  w.uint32(tag(8, LEN)).string(h.methodLink);
  w.uint32(tag(9, VARINT)).bool(h.usesLidarData);
  w.uint32(tag(10, VARINT)).bool(h.usesCameraData);
  w.uint32(tag(11, VARINT)).bool(h.usesPublicModelPretraining);
  w.uint32(tag(12, LEN)).string(h.numModelParameters);
  for (const n of h.publicModelNames) w.uint32(tag(13, LEN)).string(n);
  return w.finish();
}

/** A whole MotionChallengeSubmission in memory (small submissions, tests): entries, then the header. */
export function encodeSubmission(
  h: SubmissionHeader,
  records: Iterable<ScenarioPredictionsRecord>,
): Uint8Array {
  const parts = [...records].map(encodeScenarioEntry);
  parts.push(encodeHeaderFields(h));
  return concatBytes(parts);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Where a writer's bytes go, in order; a returned promise is awaited (backpressure). */
export type ByteSink = (chunk: Uint8Array) => void | Promise<void>;

/**
 * One MotionChallengeSubmission streamed to `sink`: each record's entry as it is added, the header's
 * fields at finish (header given then, so it can say what was written). A bad record throws from
 * add (SubmissionWriteError) and leaves the stream as it was.
 */
export class SubmissionWriter {
  scenarios = 0;
  bytes = 0;
  private finished = false;
  constructor(private readonly sink: ByteSink) {}

  async add(r: ScenarioPredictionsRecord): Promise<void> {
    if (this.finished) throw new Error('SubmissionWriter: add after finish');
    const b = encodeScenarioEntry(r);
    await this.sink(b);
    this.scenarios++;
    this.bytes += b.length;
  }

  async finish(h: SubmissionHeader): Promise<void> {
    if (this.finished) throw new Error('SubmissionWriter: finished twice');
    const b = encodeHeaderFields(h);
    this.finished = true;
    await this.sink(b);
    this.bytes += b.length;
  }
}

/**
 * Largest scenario entry of an interaction submission: 6 joint predictions of 2 objects, scenario
 * ids of 16 characters (WOMD's), object ids as negative int32 (10-byte varints, the worst case):
 * per trajectory 2 x (1 + 1 + 64) bytes, per object 1 + 10 + 1 + 2 + 132, per joint prediction
 * 2 x (1 + 2 + 146) + 5, per scenario 18 + 1 + 2 + 6 x (1 + 2 + 303), the entry 1 + 2 + 1857:
 * 1,860 bytes (test/unit/submission-write.test.ts encodes that record and checks the figure).
 */
export const MAX_INTERACTION_ENTRY_BYTES = 1860;
/**
 * Scenarios per shard by default: 25,000 interaction entries of at most MAX_INTERACTION_ENTRY_BYTES
 * make at most 46.5 MB, under the ~50 MB a shard should stay below (an upload's shards are held
 * and checked whole by the challenge's tools; the validation interactive split's ~44k scenarios
 * become two shards). Each shard is held in memory until it is complete: its size goes in its tar
 * header before its bytes.
 */
export const DEFAULT_SHARD_SCENARIOS = 25_000;

/** A complete shard: a MotionChallengeSubmission's bytes as chunks. */
export interface SubmissionShard {
  /** 0, 1, ... in order. */
  index: number;
  scenarios: number;
  size: number;
  chunks: Uint8Array[];
}

/**
 * Records cut into shards of at most `maxScenarios` scenarios, each a complete
 * MotionChallengeSubmission with `header` (entries, then the header fields): `onShard` gets each as
 * it is complete, in order, and is awaited. finish() hands over the last, partial shard; no shard
 * is made for no records.
 */
export class ShardWriter {
  shards = 0;
  scenarios = 0;
  private chunks: Uint8Array[] = [];
  private inShard = 0;
  private size = 0;
  constructor(
    private readonly header: SubmissionHeader,
    private readonly maxScenarios: number,
    private readonly onShard: (s: SubmissionShard) => void | Promise<void>,
  ) {
    if (!Number.isInteger(maxScenarios) || maxScenarios < 1)
      throw new RangeError(
        `ShardWriter: scenarios per shard must be a whole number >= 1, got ${maxScenarios}`,
      );
    encodeHeaderFields(header); // a bad header fails now, not after the first shard's predictions
  }

  async add(r: ScenarioPredictionsRecord): Promise<void> {
    const b = encodeScenarioEntry(r);
    this.chunks.push(b);
    this.size += b.length;
    this.inShard++;
    this.scenarios++;
    if (this.inShard >= this.maxScenarios) await this.flush();
  }

  async finish(): Promise<void> {
    if (this.inShard > 0) await this.flush();
  }

  private async flush(): Promise<void> {
    const h = encodeHeaderFields(this.header);
    const shard = {
      index: this.shards++,
      scenarios: this.inShard,
      size: this.size + h.length,
      chunks: [...this.chunks, h],
    };
    this.chunks = [];
    this.inShard = 0;
    this.size = 0;
    await this.onShard(shard);
  }
}

/**
 * A ustar archive of shards as a stream: add(name, shard) appends one file (awaiting the stream's
 * backpressure), finalize() ends the archive. Gzip `readable` for the .tar.gz WOMD takes.
 */
export function shardTar(): {
  readable: ReadableStream<Uint8Array>;
  add: (name: string, shard: SubmissionShard) => Promise<void>;
  finalize: () => void;
  error: (e: unknown) => void;
} {
  const { readable, controller } = createTarPacker();
  return {
    readable,
    async add(name, shard) {
      const w = controller.add({ name, size: shard.size, type: 'file', mode: 0o644 }).getWriter();
      for (const c of shard.chunks) await w.write(c);
      await w.close();
    },
    finalize: () => controller.finalize(),
    error: (e) => controller.error(e),
  };
}

/** The name of shard k inside a .tar.gz whose file is `base` (e.g. 'submission'): base.binproto-0000k. */
export function shardName(base: string, k: number): string {
  return `${base}.binproto-${String(k).padStart(5, '0')}`;
}

// ---- from a model prediction to a record ----

/** What a record is made from: model/predictors.ts PairResult has this shape (scene coordinates). */
export interface PairForecast {
  /** The step predicted from. */
  t: number;
  modes: readonly {
    probability: number;
    /** A's and B's future points, x, y interleaved, relative to the scene origin, one per step after t. */
    samples: readonly { a: ArrayLike<number>; b: ArrayLike<number> }[];
  }[];
}

/** The pair in WOMD's terms: the scenario id, the two WOMD object ids (A, B) and the scene's world origin. */
export interface SubmissionPair {
  scenarioId: string;
  objectIds: readonly [number, number];
  /** float64 world position the prediction's points are relative to (Scene.origin). */
  origin: readonly [number, number, ...number[]];
}

/** The SubmissionPair of tracks a and b of a scene (by Scene's fields: tracks.ids, origin). */
export function submissionPairOf(
  scene: { id: string; origin: readonly [number, number, ...number[]]; tracks: { ids: Int32Array } },
  a: number,
  b: number,
): SubmissionPair {
  return {
    scenarioId: scene.id,
    objectIds: [scene.tracks.ids[a]!, scene.tracks.ids[b]!],
    origin: scene.origin,
  };
}

/**
 * The record of a prediction of `pair` (the header's rules: world coordinates at SUBMISSION_STEPS,
 * confidence p(z|x) of the mode, most probable first, at most SUBMISSION_MAX_PREDICTIONS). Throws a
 * SubmissionWriteError when the prediction is not from SUBMISSION_CURRENT_STEP, reaches no further
 * than step 90, or has no joint prediction.
 */
export function scenarioRecord(p: PairForecast, pair: SubmissionPair): ScenarioPredictionsRecord {
  const s = pair.scenarioId;
  if (p.t !== SUBMISSION_CURRENT_STEP)
    throw new SubmissionWriteError(
      s,
      'prediction step',
      `predicted from step ${p.t}; a submission predicts from step ${SUBMISSION_CURRENT_STEP}`,
    );
  const ranked = p.modes
    .map((m, k) => ({ m, k }))
    .sort((u, v) => v.m.probability - u.m.probability || u.k - v.k)
    .flatMap(({ m }) => m.samples.map((smp) => ({ smp, confidence: m.probability })))
    .slice(0, SUBMISSION_MAX_PREDICTIONS);
  if (ranked.length === 0)
    throw new SubmissionWriteError(s, 'joint_prediction', 'the prediction has no samples');
  const [ox, oy] = pair.origin;
  // point k of the submission is the scene step SUBMISSION_STEPS[k], index step - t - 1 of the future
  const idx = SUBMISSION_STEPS.map((step) => step - p.t - 1);
  const world = (pts: ArrayLike<number>, who: string) => {
    const last = idx[idx.length - 1]!;
    if (pts.length < 2 * (last + 1))
      throw new SubmissionWriteError(
        s,
        `${who} trajectory`,
        `${pts.length / 2} future points; a submission needs ${last + 1} (to step ${SUBMISSION_STEPS[SUBMISSION_POINTS - 1]})`,
      );
    const x = new Float32Array(SUBMISSION_POINTS);
    const y = new Float32Array(SUBMISSION_POINTS);
    // float64 sum, one rounding to float32 on the store
    idx.forEach((i, k) => {
      x[k] = ox + pts[2 * i]!;
      y[k] = oy + pts[2 * i + 1]!;
    });
    return { x, y };
  };
  const [idA, idB] = pair.objectIds;
  return {
    scenarioId: s,
    joint: ranked.map(({ smp, confidence }) => ({
      confidence,
      trajectories: [
        { objectId: idA, ...world(smp.a, 'A') },
        { objectId: idB, ...world(smp.b, 'B') },
      ],
    })),
    single: null,
  };
}

/**
 * A parameter count as the challenge's num_model_parameters wants it: an integer with a K/M/B
 * suffix. Below 1000 the number itself; else the largest of K, M, B whose rounded quotient is at
 * least 100 (three significant digits, so at most 0.5% off: 187,523 -> "188K", 1,234,567 ->
 * "1235K", 123,456,789 -> "123M"), K when none is (45,678 -> "46K").
 */
export function formatParameterCount(n: number): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`parameter count must be a whole number >= 0, got ${n}`);
  if (n < 1000) return String(n);
  for (const [suffix, unit] of [
    ['B', 1e9],
    ['M', 1e6],
    ['K', 1e3],
  ] as const)
    if (Math.round(n / unit) >= 100) return `${Math.round(n / unit)}${suffix}`;
  return `${Math.round(n / 1e3)}K`;
}
