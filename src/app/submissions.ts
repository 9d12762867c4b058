// Submissions opened in the app (issue 16): another model's predictions, read from its WOMD challenge
// submission file (waymo/submission.ts), shown and scored exactly as ModeScope's own.
//
// Contract
// - openSubmission(source): indexes the file (never held whole, except a GZIP one: inflated once,
//   see waymo/submission.ts), registers it as a predictor `sub:METHOD` (model/registry.ts; origin
//   'submission', no weights; METHOD is unique_method_name, else the file name; a second file of the
//   same method gets "(2)") and keeps the index for the page's life. Every consumer of the registry
//   (the model select, the split view, the file-level run, the URL's model=) lists it without new UI.
//   A file that is not a submission, or holds no scenario it could read, throws its SubmissionError
//   (file, field, reason); nothing is registered then.
// - submissionPrediction(id, scene, pair): the file's entry for the scene matched to the pair
//   (metrics/submission.ts matchScenePredictions: world to scene coordinates, 2 Hz to 10 Hz, each
//   future labelled), as the PairPrediction the viewer draws: modes = the joint predictions ranked by
//   confidence, prior = their confidences normalised within the scene, from step 10 whatever the
//   time on screen (a submission predicts from WOMD's current step only). What could not be shown is
//   in `problems`, one named message each; the rest is drawn. A scene the file has no entry for, or
//   whose entry predicts neither agent of the pair, gets a SubmissionPredictionError with the words
//   and, when the entry predicts another pair of the scene, that pair (`predictedPair`, track indices)
//   so the caller can offer it.
// Runs on the page's thread: no tfjs and no worker are involved (a lookup reads one entry's bytes;
// matching and labelling six futures take a few milliseconds).
import { freePredictorId, registerPredictor, type Predictor, type PredictorId } from '../model/registry';
import { matchScenePredictions } from '../metrics/submission';
import type { Scene } from '../scene/scene';
import type { ByteSource } from '../waymo/source';
import { SubmissionError } from '../waymo/errors';
import { isJsonStart, isTarStart, SubmissionFile } from '../waymo/submission';
import { isRecordHeader } from '../waymo/tfrecord';
import type { PairPrediction } from './model-protocol';

/** What the status line names as the "backend" of a submission's predictions: they come from its file. */
export const SUBMISSION_BACKEND = 'file';

interface Opened {
  predictor: Predictor;
  file: SubmissionFile;
}

const opened = new Map<PredictorId, Opened>();

/** What the page shows about the submissions opened so far: each file, or why it could not be opened. */
export type SubmissionEntry =
  { id: PredictorId; name: string; file: SubmissionFile } | { id: null; name: string; error: string };
let entries: readonly SubmissionEntry[] = [];
const listeners = new Set<() => void>();
const publish = (e: SubmissionEntry) => {
  entries = [...entries, e];
  for (const l of listeners) l();
};
/** Records a submission that could not even be fetched (?predictions=URL), so the picker names it. */
export function submissionFailed(name: string, error: string): void {
  publish({ id: null, name, error: `${name}: ${error}` });
}
/** The submissions opened (and failed) in order, a stable array until the next one (useSyncExternalStore). */
export const submissionEntries = (): readonly SubmissionEntry[] => entries;
export function onSubmissionsChange(l: () => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}

/** A scene this submission cannot predict for the pair asked, with why and the pair it does predict (if any). */
export class SubmissionPredictionError extends Error {
  constructor(
    message: string,
    readonly predictedPair: [number, number] | null,
  ) {
    super(message);
    this.name = 'SubmissionPredictionError';
  }
}

/** File names that only a submission has (what the challenge's tools write and researchers upload). */
const SUBMISSION_NAME = /\.(binproto|tar|tgz|tar\.gz|binproto\.gz)$/i;
/** How far into a JSON file its "scenarios" key is looked for (the header fields come first, if any). */
const JSON_PEEK_BYTES = 64 << 10;
/**
 * The first bytes of a binary MotionChallengeSubmission: a top-level tag of field 1
 * (scenario_predictions, length-delimited: 0x0a) or field 2 (submission_type, varint: 0x10), the
 * fields every writer we know puts first. A scenario file's TFRecord header is checked before this.
 */
const SUBMISSION_FIRST_TAGS = new Set([0x0a, 0x10]);

/**
 * Whether a file the user dropped (or opened by URL) is a submission rather than scenes: by its name
 * (.binproto, .tar, .tar.gz), else by its bytes: a tar, JSON whose first 64 KB name "scenarios"
 * (the JSON form; a GPUDrive scene has "objects" and "roads"), or a protobuf that starts with a
 * submission's first field and is not a TFRecord. GZIP files are scenes unless their name says
 * otherwise (WOMD shards come gzipped as .tfrecord.gz).
 */
export async function looksLikeSubmission(source: ByteSource): Promise<boolean> {
  if (SUBMISSION_NAME.test(source.name)) return true;
  const head = await source.read(0, 512);
  if (head.length === 0 || (head[0] === 0x1f && head[1] === 0x8b)) return false;
  if (isTarStart(head)) return true;
  if (isJsonStart(head)) {
    const text = new TextDecoder().decode(await source.read(0, JSON_PEEK_BYTES));
    return /"scenarios"\s*:/.test(text);
  }
  return !isRecordHeader(head) && SUBMISSION_FIRST_TAGS.has(head[0]!);
}

/** One line on the submission: method, scenarios, kind, and what was skipped or damaged while indexing. */
export function describeSubmission(file: SubmissionFile): string {
  const kind = { interaction: 'joint', motion: 'per object', unknown: 'type not set' }[
    file.header.submissionType
  ];
  const parts = [`${file.name}: ${file.count} scenario${file.count === 1 ? '' : 's'} (${kind})`];
  if (file.gzip) parts.push(`gzip, ${(file.inflatedBytes / 2 ** 20).toFixed(1)} MB inflated in memory`);
  if (file.problems.length) parts.push(`${file.problems.length} part(s) unreadable`);
  return parts.join(' · ');
}

/** Indexes a submission and registers it as a predictor (see the header). */
export async function openSubmission(
  source: ByteSource,
): Promise<{ predictor: Predictor; file: SubmissionFile }> {
  let file: SubmissionFile;
  try {
    file = await SubmissionFile.open(source);
    // a file of no scenarios (any bytes read as a binproto can be one) is no model to list
    if (file.count === 0)
      throw new SubmissionError(
        'file',
        source.name,
        null,
        'scenario_predictions',
        `no scenario predictions could be read: not a WOMD submission, or an empty one` +
          (file.problems.length ? ` (${file.problems[0]!.message})` : ''),
      );
  } catch (e) {
    publish({ id: null, name: source.name, error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  const id = freePredictorId('sub', file.method);
  const predictor: Predictor = {
    id,
    title: `${id.slice('sub:'.length)} (submission)`,
    source: `WOMD submission ${describeSubmission(file)}`,
    origin: 'submission',
    modesMeanLabels: false,
    weights: null,
  };
  registerPredictor(predictor);
  opened.set(id, { predictor, file });
  publish({ id, name: source.name, file });
  return { predictor, file };
}

/** The opened file behind predictor `id`, or null (not a submission, or not opened on this page). */
export function submissionFile(id: PredictorId): SubmissionFile | null {
  return opened.get(id)?.file ?? null;
}

/** The file's predictions for `scene` and `pair` as the viewer draws them (see the header). */
export async function submissionPrediction(
  id: PredictorId,
  scene: Scene,
  pair: [number, number],
): Promise<PairPrediction> {
  const s = opened.get(id);
  if (!s) throw new Error(`no submission is open as '${id}'`);
  const t0 = performance.now();
  const rec = await s.file.get(scene.id);
  if (!rec)
    throw new SubmissionPredictionError(
      `${s.file.name} has no predictions for scenario ${scene.id} (it holds ${s.file.count})`,
      null,
    );
  const m = matchScenePredictions(scene, pair, rec, s.file.name);
  const problems = m.errors.map((e) => e.message);
  if (!m.result) {
    const ids = scene.tracks.ids;
    const offer = m.predictedPair
      ? `; it predicts agents ${ids[m.predictedPair[0]]} and ${ids[m.predictedPair[1]]}`
      : '';
    throw new SubmissionPredictionError(
      `${s.file.name}: scenario ${scene.id}: no joint prediction for agents ${ids[pair[0]]} and ${ids[pair[1]]}${offer}` +
        (problems.length ? ` (${problems.join('; ')})` : ''),
      m.predictedPair,
    );
  }
  return {
    ...m.result,
    variant: id,
    backend: SUBMISSION_BACKEND,
    latencyMs: performance.now() - t0,
    numTensors: 0,
    choice: null,
    notice: null,
    problems,
  };
}
