// MotionChallengeSubmission wire format (DESIGN.md section 3b) with protobufjs's Reader, in two
// parts: a scan that indexes a submission without holding it, and a one-pass decode of one entry.
//
// Contract
// - scanSubmission(source, start, end, part): hops over the top-level fields of the bytes
//   [start, end) of `source` in windows of WINDOW_BYTES (read on demand, so memory is one window
//   plus the index whatever the file's size). Header fields 2..13 are read whole (strings,
//   enums, bools; repeated strings appended; scalars last-wins, as protobuf merges). For each
//   field-1 entry (ChallengeScenarioPredictions) it records its byte offset and length and reads
//   only its scenario_id, hopping over the entry's other fields wherever the id comes (first,
//   last, twice: the last wins). Unknown fields and known fields with the wrong wire type are
//   skipped. Damage inside an entry whose own length is sound costs that entry only (indexed when
//   its id was read before the damage, so its lookup names it; else a 'malformed' problem). Malformed
//   top-level wire data (a length past the end, a bad varint, wire type 6/7, field 0) ends the scan of that part with a 'malformed' SubmissionError naming the byte: protobuf has
//   no sync marks, so the entries before it are kept and the rest of the part is lost. An entry
//   without a scenario_id is named ('no-scenario-id') and not indexed. A top-level group
//   (wire type 3, not in the schema) is skipped when it fits in one window, else malformed.
// - decodeScenarioPredictions(bytes): one ChallengeScenarioPredictions into the plain records of
//   submission-types.ts. Floats packed or unpacked (both are legal for a repeated float), fields in
//   any order, repeated messages split and interleaved, a singular sub-message that occurs twice
//   merged (Trajectory's repeated floats appended), scalars last-wins, a different oneof member
//   clearing the previous one, unknown fields and wrong wire types skipped, missing values 0.
//   Nothing is checked against a scene here (point counts, NaN, confidences): matching does that.
// Plain TypeScript, no tfjs or React: the app's main bundle, its worker and Node all use it.
import protobuf from 'protobufjs/minimal.js';
import { SubmissionError } from './errors';
import type { ByteSource } from './source';
import type {
  JointPredictionRecord,
  ObjectTrajectoryRecord,
  ScenarioPredictionsRecord,
  ScoredTrajectoryRecord,
  SingleObjectPredictionRecord,
  SubmissionHeader,
  SubmissionType,
} from './submission-types';

type Reader = protobuf.Reader;
const { Reader } = protobuf;

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const GROUP = 3;
const I32 = 5;

/**
 * Bytes read per window while scanning. A real entry is 1-10 KB (6 joint predictions of 2 x 16
 * points are ~1.7 KB; a motion entry of 8 objects ~6 KB), so a window holds hundreds of them and
 * the reads stay few; 4 MB is small next to any browser tab's memory.
 */
export const WINDOW_BYTES = 4 << 20;
/** Bytes a tag plus a length (two varints of at most 5 and 10 bytes) can take. */
const TAG_AND_LENGTH = 15;
/**
 * Longest header string read (description, authors, ...). The challenge's own limits are far
 * smaller; a longer one is damage or not a submission, and reading it whole would defeat the
 * bounded-memory scan.
 */
export const MAX_HEADER_STRING = 1 << 20;

/** Header fields a part set, only those it set (proto2 presence), for the merge across shards. */
export type HeaderFields = Partial<SubmissionHeader>;

const SUBMISSION_TYPES: Record<number, SubmissionType> = { 0: 'unknown', 1: 'motion', 2: 'interaction' };
const STRING_FIELDS: Record<number, keyof SubmissionHeader> = {
  3: 'accountName',
  4: 'uniqueMethodName',
  6: 'affiliation',
  7: 'description',
  8: 'methodLink',
  12: 'numModelParameters',
};
const LIST_FIELDS: Record<number, 'authors' | 'publicModelNames'> = { 5: 'authors', 13: 'publicModelNames' };
const BOOL_FIELDS: Record<number, 'usesLidarData' | 'usesCameraData' | 'usesPublicModelPretraining'> = {
  9: 'usesLidarData',
  10: 'usesCameraData',
  11: 'usesPublicModelPretraining',
};

/** One indexed entry: its scenario id and where its bytes are in the source. */
export interface EntrySpan {
  id: string;
  offset: number;
  length: number;
  /** Ordinal among the part's scenario_predictions (as messages number them). */
  ordinal: number;
}

/** A window over [.., end) of a source, refilled on demand, with one Reader over it. */
class Window {
  private buf: Uint8Array = new Uint8Array(0);
  at = 0;
  r: Reader = Reader.create(this.buf);
  constructor(
    private readonly src: ByteSource,
    readonly end: number,
  ) {}

  /** Whether the window holds [pos, min(pos + n, end)). */
  has(pos: number, n: number): boolean {
    return pos >= this.at && Math.min(pos + n, this.end) <= this.at + this.buf.length;
  }

  /** Loads a window starting at pos holding at least n bytes (fewer at the end). */
  async load(pos: number, n: number): Promise<void> {
    this.buf = await this.src.read(pos, Math.min(Math.max(WINDOW_BYTES, n), this.end - pos));
    this.at = pos;
    this.r = Reader.create(this.buf);
  }

  /** The reader positioned at absolute pos, limited to absolute `limit`. */
  at_(pos: number, limit: number): Reader {
    this.r.pos = pos - this.at;
    this.r.len = Math.min(this.buf.length, limit - this.at);
    return this.r;
  }

  abs(): number {
    return this.at + this.r.pos;
  }
}

class Malformed extends Error {}

/** Skips a scalar of wire type wt (not LEN, not GROUP) and returns the position after it. */
function skipScalar(r: Reader, wt: number): void {
  if (wt === VARINT || wt === I64 || wt === I32) r.skipType(wt);
  else throw new Malformed(`invalid wire type ${wt}`);
}

/**
 * Reads one entry's scenario_id by hopping over its fields; null when it has none. Throws
 * Malformed when the entry's own fields run past it (an id read before that is passed to `found`:
 * the entry is then indexed, and its lookup names the damage).
 */
async function entryId(
  w: Window,
  body: number,
  len: number,
  found: (id: string) => void,
): Promise<string | null> {
  const stop = body + len;
  let id: string | null = null;
  let p = body;
  while (p < stop) {
    if (!w.has(p, TAG_AND_LENGTH)) await w.load(p, TAG_AND_LENGTH);
    let r = w.at_(p, stop);
    const tag = r.uint32();
    const field = tag >>> 3;
    const wt = tag & 7;
    if (field === 0) throw new Malformed('field number 0 inside the entry');
    if (wt === LEN) {
      const n = r.uint32();
      const q = w.abs();
      if (q + n > stop) throw new Malformed(`field ${field} of length ${n} runs past the entry`);
      if (field === 1) {
        if (!w.has(q, n)) await w.load(q, n);
        r = w.at_(q, stop);
        id = protobuf.util.utf8.read(r.buf, r.pos, r.pos + n);
        found(id);
      }
      p = q + n;
    } else if (wt === GROUP) {
      if (!w.has(p, WINDOW_BYTES)) await w.load(p, WINDOW_BYTES);
      r = w.at_(p, stop);
      r.uint32();
      r.skipType(GROUP);
      p = w.abs();
    } else {
      skipScalar(r, wt);
      p = w.abs();
    }
  }
  return id;
}

/**
 * Scans [start, end) of `src` as one MotionChallengeSubmission (see the header). `part` names the
 * file or tar member in messages; offsets in the spans and errors are offsets in `src`.
 */
export async function scanSubmission(
  src: ByteSource,
  start: number,
  end: number,
  part: string,
  onEntry: (e: EntrySpan) => void,
): Promise<{ header: HeaderFields; problems: SubmissionError[] }> {
  const header: HeaderFields = {};
  const problems: SubmissionError[] = [];
  const w = new Window(src, end);
  let pos = start;
  let ordinal = 0;
  while (pos < end) {
    const fieldAt = pos;
    try {
      if (!w.has(pos, TAG_AND_LENGTH)) await w.load(pos, TAG_AND_LENGTH);
      let r = w.at_(pos, end);
      const tag = r.uint32();
      const field = tag >>> 3;
      const wt = tag & 7;
      if (field === 0) throw new Malformed('field number 0 (not a MotionChallengeSubmission)');
      if (wt === LEN) {
        const n = r.uint32();
        const body = w.abs();
        if (body + n > end)
          throw new Malformed(
            `field ${field} of length ${n} runs past the end (${end - body} bytes left): truncated or not a submission`,
          );
        if (field === 1) {
          // the entry's own length is sound, so damage inside it costs this entry only
          let id: string | null = null;
          let damage: string | null = null;
          try {
            id = await entryId(w, body, n, (found) => (id = found));
          } catch (e) {
            damage = (e as Error).message;
          }
          if (id !== null) onEntry({ id, offset: body, length: n, ordinal });
          if (damage !== null && id === null)
            problems.push(
              new SubmissionError(
                'malformed',
                part,
                null,
                'scenario_predictions',
                `${damage} before its scenario_id: the entry is skipped`,
                ordinal,
                fieldAt,
              ),
            );
          else if (id === null)
            problems.push(
              new SubmissionError(
                'no-scenario-id',
                part,
                null,
                'scenario_id',
                'the entry has no scenario_id: it cannot be matched to a scene and is skipped',
                ordinal,
                fieldAt,
              ),
            );
          ordinal++;
        } else if (field in STRING_FIELDS || field in LIST_FIELDS) {
          if (n > MAX_HEADER_STRING)
            throw new Malformed(`header field ${field} is ${n} bytes (at most ${MAX_HEADER_STRING} read)`);
          if (!w.has(body, n)) await w.load(body, n);
          r = w.at_(body, end);
          const s = protobuf.util.utf8.read(r.buf, r.pos, r.pos + n);
          if (field in STRING_FIELDS) (header as Record<string, unknown>)[STRING_FIELDS[field]!] = s;
          else (header[LIST_FIELDS[field]!] ??= []).push(s);
        }
        pos = body + n;
      } else if (wt === VARINT && (field === 2 || field in BOOL_FIELDS)) {
        const v = r.int32();
        if (field === 2) header.submissionType = SUBMISSION_TYPES[v] ?? 'unknown';
        else header[BOOL_FIELDS[field]!] = v !== 0;
        pos = w.abs();
      } else if (wt === GROUP) {
        if (!w.has(pos, WINDOW_BYTES)) await w.load(pos, WINDOW_BYTES);
        r = w.at_(pos, end);
        r.uint32();
        r.skipType(GROUP);
        pos = w.abs();
      } else {
        skipScalar(r, wt);
        pos = w.abs();
      }
    } catch (e) {
      const reason = e instanceof Malformed ? e.message : `malformed wire data: ${(e as Error).message}`;
      problems.push(
        new SubmissionError(
          'malformed',
          part,
          null,
          'scenario_predictions',
          `${reason}; the ${end - fieldAt} bytes from here on are not read (entries before it are kept)`,
          -1,
          fieldAt,
        ),
      );
      break;
    }
  }
  return { header, problems };
}

// ---- one entry ----

/** Narrows the reader to a length-delimited sub-message; returns the outer limit to restore. */
function enter(r: Reader): number {
  const n = r.uint32();
  const end = r.pos + n;
  if (end > r.len) throw new RangeError(`length ${n} runs past the message (${r.len - r.pos} bytes left)`);
  const outer = r.len;
  r.len = end;
  return outer;
}

/** Appends a packed run (LEN) or one value (I32) of a repeated float; false on another wire type. */
function floats(r: Reader, wt: number, out: number[]): boolean {
  if (wt === LEN) {
    const outer = enter(r);
    while (r.pos < r.len) out.push(r.float());
    r.len = outer;
    return true;
  }
  if (wt === I32) {
    out.push(r.float());
    return true;
  }
  return false;
}

interface Points {
  x: number[];
  y: number[];
}

/** Trajectory, merged into `into` (a second occurrence appends, as protobuf merges). */
function trajectory(r: Reader, into: Points): void {
  const outer = enter(r);
  while (r.pos < r.len) {
    const tag = r.uint32();
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 2 && floats(r, wt, into.x)) continue;
    if (field === 3 && floats(r, wt, into.y)) continue;
    r.skipType(wt);
  }
  r.len = outer;
}

const toPoints = (p: Points) => ({ x: Float32Array.from(p.x), y: Float32Array.from(p.y) });

function scoredTrajectory(r: Reader): ScoredTrajectoryRecord {
  const outer = enter(r);
  const pts: Points = { x: [], y: [] };
  let confidence = 0;
  while (r.pos < r.len) {
    const tag = r.uint32();
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wt === LEN) trajectory(r, pts);
    else if (field === 2 && wt === I32) confidence = r.float();
    else r.skipType(wt);
  }
  r.len = outer;
  return { ...toPoints(pts), confidence };
}

function singleObject(r: Reader): SingleObjectPredictionRecord {
  const outer = enter(r);
  let objectId = 0;
  const trajectories: ScoredTrajectoryRecord[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wt === VARINT) objectId = r.int32();
    else if (field === 2 && wt === LEN) trajectories.push(scoredTrajectory(r));
    else r.skipType(wt);
  }
  r.len = outer;
  return { objectId, trajectories };
}

function objectTrajectory(r: Reader): ObjectTrajectoryRecord {
  const outer = enter(r);
  let objectId = 0;
  const pts: Points = { x: [], y: [] };
  while (r.pos < r.len) {
    const tag = r.uint32();
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 1 && wt === VARINT) objectId = r.int32();
    else if (field === 2 && wt === LEN) trajectory(r, pts);
    else r.skipType(wt);
  }
  r.len = outer;
  return { objectId, ...toPoints(pts) };
}

function scoredJoint(r: Reader): JointPredictionRecord {
  const outer = enter(r);
  let confidence = 0;
  const trajectories: ObjectTrajectoryRecord[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    const wt = tag & 7;
    const field = tag >>> 3;
    if (field === 2 && wt === LEN) trajectories.push(objectTrajectory(r));
    else if (field === 3 && wt === I32) confidence = r.float();
    else r.skipType(wt);
  }
  r.len = outer;
  return { confidence, trajectories };
}

/** A repeated-message container (PredictionSet field 1, JointPrediction field 1) appended to out. */
function container<T>(r: Reader, item: (r: Reader) => T, out: T[]): void {
  const outer = enter(r);
  while (r.pos < r.len) {
    const tag = r.uint32();
    const wt = tag & 7;
    if (tag >>> 3 === 1 && wt === LEN) out.push(item(r));
    else r.skipType(wt);
  }
  r.len = outer;
}

/**
 * Decodes one ChallengeScenarioPredictions (see the header). Throws a 'malformed' SubmissionError
 * naming `part`, the scenario (`id`, from the index) and where in the entry the data broke.
 */
export function decodeScenarioPredictions(
  bytes: Uint8Array,
  part: string,
  id: string | null = null,
  ordinal = -1,
  offset?: number,
): ScenarioPredictionsRecord {
  const r = Reader.create(bytes);
  let scenarioId = '';
  let joint: JointPredictionRecord[] | null = null;
  let single: SingleObjectPredictionRecord[] | null = null;
  let where = 'scenario_id';
  try {
    while (r.pos < r.len) {
      const tag = r.uint32();
      const wt = tag & 7;
      const field = tag >>> 3;
      if (field === 1 && wt === LEN) {
        where = 'scenario_id';
        scenarioId = r.string();
      } else if (field === 2 && wt === LEN) {
        where = 'single_predictions';
        if (single === null) [single, joint] = [[], null];
        container(r, singleObject, single);
      } else if (field === 3 && wt === LEN) {
        where = 'joint_prediction';
        if (joint === null) [joint, single] = [[], null];
        container(r, scoredJoint, joint);
      } else r.skipType(wt);
    }
  } catch (e) {
    throw new SubmissionError(
      'malformed',
      part,
      id,
      where,
      `malformed wire data: ${(e as Error).message}`,
      ordinal,
      offset,
    );
  }
  return { scenarioId, joint, single };
}
