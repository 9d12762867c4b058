// The model over every scene of the open file, the way `npm run eval` scores the latent: the
// interacting pair predicted from step 10 when both agents are valid there, the argmax of the prior
// against the pseudo label. Runs in a worker of its own, so the viewer's predictions never queue
// behind it and cancel stops it at once (the worker is terminated).
//
// Batched (issue 15): the scenes go through model/batch-run.ts runInBatches, the loop `npm run eval`
// uses too, in batches of batchSizeFor(the worker's backend) items per forward pass. Two batches are
// in flight (ahead = 2): while the worker runs batch k (features, labels, inference: predictBatch),
// this thread decodes batch k+1's scenes and posts them, so the worker finds the next batch queued,
// and the worker builds k+1's features and labels while k waits on the GPU. The progress bar moves
// once per batch. Each answer equals what a 'predict' of that scene alone gives for the same seed
// (predictBatch; test/unit/batch-run.test.ts). The old one-scene-at-a-time loop is kept only as the
// bench's baseline (run-file-baseline.ts, reached through the test hook, never by the app).
import { LABEL_NAMES, type LabelIndex } from '../../labels';
import { modeReadings } from './readings';
import { isSubmission } from '../../model/registry';
import { SUBMISSION_BACKEND, submissionPrediction } from '../submissions';
import { argmax, sceneMinDisplacement } from '../../metrics';
import { MIN_STEP } from '../../model/features';
import { defaultPair } from '../../labels/pairs';
import { isValid, type Scene } from '../../scene/scene';
import { batchSizeFor, runInBatches } from '../../model/batch-run';
import type { SceneFile } from '../../waymo';
import { ModelClient } from '../model-client';
import { getPredictor, type PredictorId } from '../../model/registry';
import type { PairPrediction } from '../model-protocol';
import { csvLine } from './csv';

export interface FileRunRow {
  /** Position in the file's index (opens the scene). */
  k: number;
  /** Record number, as the scene list and every message name it (the CSV's `record`). */
  record: number;
  /** The scene's id: the WOMD scenario_id for Scenario files. */
  id: string;
  /** The pair's WOMD object (track) ids, A then B: Scene.tracks.ids, not track indices. */
  objectIds: [number, number];
  /** The scene's float64 world origin: every coordinate of the prediction is relative to it. */
  origin: [number, number, number];
  /** The step predicted from. */
  t: number;
  label: number;
  labelName: string;
  /** Argmax of the prior, its probability, and whether it is the pseudo label. */
  topMode: number;
  topProbability: number;
  agree: boolean;
  /** Over every mode's samples, against the real future (m). */
  minADE: number | null;
  minFDE: number | null;
  /**
   * Mode coverage (issue 16, for any model): the pseudo label of the most probable future (its first
   * own sample; labels/forecast.ts), whether it is what really happened, and whether any mode's
   * future is. null / false where no mode has an own sample.
   */
  topOutcome: LabelIndex | null;
  topHasOutcome: boolean;
  anyHasOutcome: boolean;
}

export interface FileRunResult {
  variant: PredictorId;
  backend: string;
  samplesPerMode: number;
  /** Items per forward pass (1: the one-at-a-time baseline). */
  batchSize: number;
  rows: FileRunRow[];
  predictions: PairPrediction[];
  /** [argmax prior mode][pseudo label] counts. */
  confusion: number[][];
  /** [the most probable future's pseudo label][pseudo label] counts: for any model, latent or not. */
  outcomeConfusion: number[][];
  /** Records that were not scored (by record number), with why. */
  skipped: { record: number; reason: string }[];
  ms: number;
}

export interface FileRunOptions {
  variant: PredictorId;
  samplesPerMode: number;
  /** Backend to try first (else WebGPU, then WebGL, wasm, cpu). */
  backend?: string;
  /** Items per forward pass; default batchSizeFor(the worker's backend) (the bench tries others). */
  batchSize?: number;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/** The seed of a file run's predictions (the viewer's default: the goal means first). */
export const FILE_RUN_SEED = 1;

/** A record of the file as the run sees it: its scene and pair, or why it is not scored. */
export type FileRunItem =
  | { k: number; record: number; scene: Scene; pair: [number, number] }
  | { k: number; record: number; skip: string };

/** Decodes the k-th record and picks its pair (valid at MIN_STEP), or says why it is skipped. */
export async function fileRunItem(file: SceneFile, k: number): Promise<FileRunItem> {
  const record = file.record(k);
  let scene: Scene;
  try {
    scene = await file.scene(k);
  } catch (e) {
    return { k, record, skip: e instanceof Error ? e.message : String(e) };
  }
  const pair = defaultPair(scene);
  if (!pair || !isValid(scene.tracks, pair[0], MIN_STEP) || !isValid(scene.tracks, pair[1], MIN_STEP))
    return { k, record, skip: pair ? `pair not valid at step ${MIN_STEP}` : 'no interacting pair' };
  return { k, record, scene, pair };
}

/** One record's outcome: its row and prediction, or why it was skipped. No scene is kept. */
export type FileRunOutcome =
  { row: FileRunRow; prediction: PairPrediction } | { record: number; skip: string };

/** The row of a scored scene: argmax prior against the label, minADE/minFDE over every sample. */
export function scoreItem(k: number, record: number, scene: Scene, p: PairPrediction): FileRunOutcome {
  const top = argmax(p.prior);
  // what each mode's own most likely future reads (the mode table's "its future"): ~1 ms a mode
  const readings = modeReadings(scene, p);
  const topOutcome = readings[p.modes.findIndex((m) => m.mode === top)] ?? null;
  const err = sceneMinDisplacement(
    scene,
    p.a,
    p.b,
    p.t,
    p.modes.flatMap((m) => m.samples),
  );
  const row: FileRunRow = {
    k,
    record,
    id: scene.id,
    objectIds: [scene.tracks.ids[p.a]!, scene.tracks.ids[p.b]!],
    origin: [...scene.origin],
    t: p.t,
    label: p.label,
    labelName: p.labelName,
    topMode: top,
    topProbability: p.prior[top]!,
    agree: top === p.label,
    minADE: err?.minADE ?? null,
    minFDE: err?.minFDE ?? null,
    topOutcome,
    topHasOutcome: topOutcome === p.label,
    anyHasOutcome: readings.includes(p.label),
  };
  return { row, prediction: p };
}

/** The run's result from its outcomes in record order. */
export function fileRunResult(
  outcomes: FileRunOutcome[],
  info: Pick<FileRunResult, 'variant' | 'backend' | 'samplesPerMode' | 'batchSize' | 'ms'>,
): FileRunResult {
  const M = LABEL_NAMES.length;
  const confusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const outcomeConfusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
  const rows: FileRunRow[] = [];
  const predictions: PairPrediction[] = [];
  const skipped: FileRunResult['skipped'] = [];
  for (const x of outcomes) {
    if ('skip' in x) {
      skipped.push({ record: x.record, reason: x.skip });
      continue;
    }
    if (x.row.topMode < M && x.row.label < M) confusion[x.row.topMode]![x.row.label]!++;
    if (x.row.topOutcome !== null) outcomeConfusion[x.row.topOutcome]![x.row.label]!++;
    rows.push(x.row);
    predictions.push(x.prediction);
  }
  return { ...info, rows, predictions, confusion, outcomeConfusion, skipped };
}

export async function runFile(file: SceneFile, o: FileRunOptions): Promise<FileRunResult> {
  if (isSubmission(o.variant)) return runSubmission(file, o);
  const t0 = performance.now();
  // no second measurement beside the viewer's worker: the cached choice, else wasm
  const client = await ModelClient.start({ backend: o.backend, variants: [o.variant], measure: false });
  const stop = () => client.terminate();
  o.signal.addEventListener('abort', stop);
  try {
    const batchSize = o.batchSize ?? batchSizeFor(client.backend);
    // this thread decodes the scenes as the loop pulls them: batch k+1 while the worker runs batch k
    async function* items() {
      for (let k = 0; k < file.count; k++) yield await fileRunItem(file, k);
    }
    const run = async (batch: FileRunItem[]): Promise<FileRunOutcome[]> => {
      const todo = batch.filter((x) => 'scene' in x);
      const answers = todo.length
        ? await client.predictBatch(
            todo.map((x) => ({ scene: x.scene, a: x.pair[0], b: x.pair[1], t: MIN_STEP })),
            { variant: o.variant, samplesPerMode: o.samplesPerMode, seed: FILE_RUN_SEED },
          )
        : [];
      let j = 0;
      return batch.map((x) => {
        if (!('scene' in x)) return { record: x.record, skip: x.skip };
        const a = answers[j++]!;
        return 'error' in a
          ? { record: x.record, skip: a.error }
          : scoreItem(x.k, x.record, x.scene, a.prediction);
      });
    };
    o.onProgress(0, file.count);
    const outcomes = await runInBatches(items(), {
      batchSize,
      run,
      ahead: 2,
      signal: o.signal,
      onBatch: (done) => o.onProgress(done, file.count),
    });
    return fileRunResult(outcomes, {
      variant: o.variant,
      backend: client.backend,
      samplesPerMode: o.samplesPerMode,
      batchSize,
      ms: performance.now() - t0,
    });
  } finally {
    o.signal.removeEventListener('abort', stop);
    client.terminate();
  }
}

/**
 * A submission over the file: its entry for each scene read and matched on this thread (no worker,
 * no batches: a lookup and six labelled futures take a few ms), the scene's own pair, from step 10.
 * A scene without an entry, or whose entry predicts another pair, is skipped with the words.
 */
async function runSubmission(file: SceneFile, o: FileRunOptions): Promise<FileRunResult> {
  const t0 = performance.now();
  const outcomes: FileRunOutcome[] = [];
  o.onProgress(0, file.count);
  for (let k = 0; k < file.count; k++) {
    if (o.signal.aborted) throw new Error('cancelled');
    const x = await fileRunItem(file, k);
    if (!('scene' in x)) outcomes.push({ record: x.record, skip: x.skip });
    else
      try {
        outcomes.push(
          scoreItem(k, x.record, x.scene, await submissionPrediction(o.variant, x.scene, x.pair)),
        );
      } catch (e) {
        outcomes.push({ record: x.record, skip: e instanceof Error ? e.message : String(e) });
      }
    o.onProgress(k + 1, file.count);
  }
  return fileRunResult(outcomes, {
    variant: o.variant,
    backend: SUBMISSION_BACKEND,
    samplesPerMode: 1,
    batchSize: 1,
    ms: performance.now() - t0,
  });
}

const CSV_COLUMNS = [
  'record',
  'scenario_id',
  'object_id_a',
  'object_id_b',
  'origin_x',
  'origin_y',
  'step',
  'model',
  'label',
  'top_mode',
  'top_mode_label',
  'probability',
  'agree',
  'minADE_m',
  'minFDE_m',
] as const;

/**
 * The table as CSV (one row per scored scene): the WOMD scenario id, the pair's WOMD object ids,
 * the scene's world origin (the JSON's coordinates are relative to it), the step predicted from and
 * the model beside the figures; every cell escaped by csv.ts (no cell runs as a formula).
 */
export function toCsv(r: FileRunResult): string {
  const lines = r.rows.map((row) =>
    csvLine([
      row.record,
      row.id,
      row.objectIds[0],
      row.objectIds[1],
      row.origin[0],
      row.origin[1],
      row.t,
      r.variant,
      row.labelName,
      row.topMode,
      getPredictor(r.variant).modesMeanLabels ? (LABEL_NAMES[row.topMode] ?? '') : '',
      row.topProbability.toFixed(4),
      row.agree ? 1 : 0,
      row.minADE?.toFixed(3),
      row.minFDE?.toFixed(3),
    ]),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

/**
 * The predictions as JSON: per scene the prior, posterior, label and every joint sample, in scene
 * coordinates (x, y relative to the scene's `origin`: world = origin + x), with the WOMD scenario
 * id and the pair's WOMD object ids (`objectIds`, A then B; `a`, `b` are track indices).
 */
export function toJson(r: FileRunResult, fileName: string | null): string {
  return JSON.stringify({
    file: fileName,
    variant: r.variant,
    model: getPredictor(r.variant).title,
    backend: r.backend,
    predictionStep: MIN_STEP,
    samplesPerMode: r.samplesPerMode,
    coordinates: 'scene-relative metres: world = origin + (x, y)',
    confusion: r.confusion,
    skipped: r.skipped,
    // rows and predictions are parallel (fileRunResult pushes them together)
    scenes: r.predictions.map((p, i) => ({
      scenarioId: r.rows[i]?.id ?? p.sceneId,
      objectIds: r.rows[i]?.objectIds ?? null,
      origin: r.rows[i]?.origin ?? null,
      ...p,
      modes: p.modes.map((m) => ({
        ...m,
        samples: m.samples.map((s) => ({ ...s, a: Array.from(s.a), b: Array.from(s.b) })),
      })),
    })),
  });
}
