// The JSON form of a challenge submission, for code that does not write protos (docs/submissions.md):
//
//   { "method": "my-model",                        (or "unique_method_name"; optional)
//     "submission_type": "interaction" | "motion",  (optional: taken from what the scenarios hold)
//     "account_name", "authors", "affiliation", "description", "method_link", "uses_lidar_data",
//     "uses_camera_data", "uses_public_model_pretraining", "num_model_parameters",
//     "public_model_names": the proto header's fields by their proto names (all optional)
//     "scenarios": {
//       "<scenario_id>": { "joint": [ { "confidence": 0.4, "objects": { "<object_id>": [[x, y], ...] } }, ... ] }
//       "<scenario_id>": { "single": { "<object_id>": [ { "confidence": 0.3, "points": [[x, y], ...] }, ... ] } } } }
//
// Contract: points are world coordinates, either SUBMISSION_POINTS (16, at 2 Hz: steps 15..90)
// or FULL_RATE_POINTS (80, at 10 Hz: steps 11..90), which are SUBSAMPLED to the 16 at steps
// 15..90 (indices 4, 9, ..., 79): one representation for every format, so a JSON prediction
// scores exactly as the binproto of the same 16 points would; the dropped points come back as
// the straight line between the kept ones when matching interpolates (metrics/submission.ts).
// Any other count is kept as given (matching names it). A point that is not two numbers reads as
// NaN (matching names it and drops that prediction). A structural error (scenarios not an object,
// a prediction that is not an object, an object id that is not an integer, points not an array)
// is a 'json' SubmissionError naming the scenario and field, and drops only the part it is in:
// the prediction, or the scenario when its value is not an object. A scenario holding both
// "joint" and "single" keeps "joint" (the proto's oneof holds one) and says so.
import { SubmissionError } from './errors';
import {
  SUBMISSION_POINTS,
  type JointPredictionRecord,
  type ScenarioPredictionsRecord,
  type SingleObjectPredictionRecord,
  type SubmissionHeader,
  type SubmissionType,
  type TrajectoryPoints,
} from './submission-types';
import type { HeaderFields } from './submission-wire';

/** Points of a full-rate (10 Hz) trajectory in the JSON form: steps 11..90. */
export const FULL_RATE_POINTS = 80;
/** Full-rate points per submitted point: 10 Hz / 2 Hz. */
const SUBSAMPLE = FULL_RATE_POINTS / SUBMISSION_POINTS;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON header fields, by their proto names. */
const STRINGS: [string, keyof SubmissionHeader][] = [
  ['account_name', 'accountName'],
  ['affiliation', 'affiliation'],
  ['description', 'description'],
  ['method_link', 'methodLink'],
  ['num_model_parameters', 'numModelParameters'],
];
const BOOLS: [string, keyof SubmissionHeader][] = [
  ['uses_lidar_data', 'usesLidarData'],
  ['uses_camera_data', 'usesCameraData'],
  ['uses_public_model_pretraining', 'usesPublicModelPretraining'],
];
const LISTS: [string, 'authors' | 'publicModelNames'][] = [
  ['authors', 'authors'],
  ['public_model_names', 'publicModelNames'],
];

export interface JsonSubmission {
  header: HeaderFields;
  records: Map<string, ScenarioPredictionsRecord>;
  problems: SubmissionError[];
}

/** Reads the JSON form (see the header); throws a 'file' SubmissionError when it is not one at all. */
export function readJsonSubmission(text: string, file: string): JsonSubmission {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SubmissionError('file', file, null, 'json', `not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc) || !isObject(doc.scenarios))
    throw new SubmissionError(
      'file',
      file,
      null,
      'scenarios',
      'a JSON submission is an object with "scenarios": { "<scenario_id>": { "joint": [...] } or { "single": {...} } }',
    );
  const problems: SubmissionError[] = [];
  const header = jsonHeader(doc, file, problems);
  const records = new Map<string, ScenarioPredictionsRecord>();
  for (const [id, value] of Object.entries(doc.scenarios)) {
    const bad = (field: string, reason: string) =>
      problems.push(new SubmissionError('json', file, id, field, reason));
    if (!isObject(value)) {
      bad('', 'a scenario is an object with "joint" or "single"; skipped');
      continue;
    }
    if ('joint' in value && 'single' in value) bad('', 'holds both "joint" and "single": "joint" is kept');
    const rec: ScenarioPredictionsRecord = { scenarioId: id, joint: null, single: null };
    if ('joint' in value) rec.joint = jsonJoint(value.joint, bad);
    else if ('single' in value) rec.single = jsonSingle(value.single, bad);
    records.set(id, rec);
  }
  return { header, records, problems };
}

function jsonHeader(doc: Record<string, unknown>, file: string, problems: SubmissionError[]): HeaderFields {
  const h: HeaderFields = {};
  const bad = (field: string, reason: string) =>
    problems.push(new SubmissionError('json', file, null, field, reason));
  const method = doc.method ?? doc.unique_method_name;
  if (typeof method === 'string') h.uniqueMethodName = method;
  else if (method !== undefined) bad('method', 'not a string; ignored');
  const type = doc.submission_type;
  if (type === 'interaction' || type === 'motion' || type === 'unknown')
    h.submissionType = type as SubmissionType;
  else if (type !== undefined)
    bad('submission_type', `"${String(type)}" is not interaction, motion or unknown; ignored`);
  for (const [key, name] of STRINGS) {
    if (typeof doc[key] === 'string') (h as Record<string, unknown>)[name] = doc[key];
    else if (doc[key] !== undefined) bad(key, 'not a string; ignored');
  }
  for (const [key, name] of BOOLS) {
    if (typeof doc[key] === 'boolean') (h as Record<string, unknown>)[name] = doc[key];
    else if (doc[key] !== undefined) bad(key, 'not true or false; ignored');
  }
  for (const [key, name] of LISTS) {
    const v = doc[key];
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) h[name] = v as string[];
    else if (v !== undefined) bad(key, 'not a list of strings; ignored');
  }
  return h;
}

/** [[x, y], ...] into x / y arrays: 80 points subsampled to 16, a bad point NaN; null when not an array. */
function jsonPoints(v: unknown): TrajectoryPoints | null {
  if (!Array.isArray(v)) return null;
  const pick =
    v.length === FULL_RATE_POINTS
      ? Array.from({ length: SUBMISSION_POINTS }, (_, k) => v[SUBSAMPLE * (k + 1) - 1])
      : v;
  const x = new Float32Array(pick.length);
  const y = new Float32Array(pick.length);
  pick.forEach((p, k) => {
    const ok = Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
    x[k] = ok ? p[0] : NaN;
    y[k] = ok ? p[1] : NaN;
  });
  return { x, y };
}

/** A JSON object id: an integer (int32, as the proto's object_id); null otherwise. */
function objectId(key: string): number | null {
  const n = Number(key);
  return /^-?\d+$/.test(key) && Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 ? n : null;
}

/** A confidence: a number (matching checks its value), else NaN. */
const confidenceOf = (v: unknown) => (typeof v === 'number' ? v : v === undefined ? 0 : NaN);

function jsonJoint(v: unknown, bad: (field: string, reason: string) => void): JointPredictionRecord[] {
  if (!Array.isArray(v)) {
    bad('joint', 'not a list of joint predictions; no predictions read');
    return [];
  }
  const out: JointPredictionRecord[] = [];
  v.forEach((j, i) => {
    const field = `joint[${i}]`;
    if (!isObject(j) || !isObject(j.objects)) {
      bad(
        field,
        'a joint prediction is { "confidence": c, "objects": { "<object_id>": [[x, y], ...] } }; dropped',
      );
      return;
    }
    const rec: JointPredictionRecord = { confidence: confidenceOf(j.confidence), trajectories: [] };
    for (const [key, pts] of Object.entries(j.objects)) {
      const id = objectId(key);
      const p = jsonPoints(pts);
      if (id === null)
        bad(`${field}.objects["${key}"]`, 'the object id is not an integer; that trajectory is dropped');
      else if (p === null)
        bad(`${field}.objects["${key}"]`, 'not a list of [x, y] points; that trajectory is dropped');
      else rec.trajectories.push({ objectId: id, ...p });
    }
    out.push(rec);
  });
  return out;
}

function jsonSingle(
  v: unknown,
  bad: (field: string, reason: string) => void,
): SingleObjectPredictionRecord[] {
  if (!isObject(v)) {
    bad(
      'single',
      'not an object { "<object_id>": [ { "confidence": c, "points": [[x, y], ...] } ] }; no predictions read',
    );
    return [];
  }
  const out: SingleObjectPredictionRecord[] = [];
  for (const [key, list] of Object.entries(v)) {
    const id = objectId(key);
    const field = `single["${key}"]`;
    if (id === null) {
      bad(field, 'the object id is not an integer; its predictions are dropped');
      continue;
    }
    if (!Array.isArray(list)) {
      bad(field, 'not a list of { "confidence": c, "points": [...] }; its predictions are dropped');
      continue;
    }
    const rec: SingleObjectPredictionRecord = { objectId: id, trajectories: [] };
    list.forEach((t, i) => {
      const p = isObject(t) ? jsonPoints(t.points) : null;
      if (p === null)
        bad(`${field}[${i}]`, 'a prediction is { "confidence": c, "points": [[x, y], ...] }; dropped');
      else
        rec.trajectories.push({ confidence: confidenceOf((t as Record<string, unknown>).confidence), ...p });
    });
    out.push(rec);
  }
  return out;
}
