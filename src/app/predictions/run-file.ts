// The model over every scene of the open file, the way `npm run eval` scores the latent: the
// interacting pair predicted from step 10 when both agents are valid there, the argmax of the prior
// against the pseudo label. Runs in a worker of its own, so the viewer's predictions never queue
// behind it and cancel stops it at once (the worker is terminated).
import { LABEL_NAMES } from '../../labels';
import { argmax, sceneMinDisplacement } from '../../metrics';
import { MIN_STEP } from '../../model/features';
import { defaultPair } from '../../labels/pairs';
import { isValid } from '../../scene/scene';
import type { SceneFile } from '../../waymo';
import { ModelClient } from '../model-client';
import { getPredictor, type PredictorId } from '../../model/registry';
import type { PairPrediction } from '../model-protocol';

export interface FileRunRow {
  /** Position in the file's index (opens the scene). */
  k: number;
  /** Record number, as the scene list and every message name it (the CSV's `record`). */
  record: number;
  id: string;
  label: number;
  labelName: string;
  /** Argmax of the prior, its probability, and whether it is the pseudo label. */
  topMode: number;
  topProbability: number;
  agree: boolean;
  /** Over every mode's samples, against the real future (m). */
  minADE: number | null;
  minFDE: number | null;
}

export interface FileRunResult {
  variant: PredictorId;
  backend: string;
  samplesPerMode: number;
  rows: FileRunRow[];
  predictions: PairPrediction[];
  /** [argmax prior mode][pseudo label] counts. */
  confusion: number[][];
  /** Records that were not scored (by record number), with why. */
  skipped: { record: number; reason: string }[];
  ms: number;
}

export interface FileRunOptions {
  variant: PredictorId;
  samplesPerMode: number;
  /** Backend to try first (else WebGPU, then WebGL, wasm, cpu). */
  backend?: string;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

export async function runFile(file: SceneFile, o: FileRunOptions): Promise<FileRunResult> {
  const t0 = performance.now();
  const client = await ModelClient.start({ backend: o.backend, variants: [o.variant] });
  const stop = () => client.terminate();
  o.signal.addEventListener('abort', stop);
  try {
    const M = LABEL_NAMES.length;
    const confusion = [...Array(M)].map(() => new Array<number>(M).fill(0));
    const rows: FileRunRow[] = [];
    const predictions: PairPrediction[] = [];
    const skipped: FileRunResult['skipped'] = [];
    o.onProgress(0, file.count);
    for (let k = 0; k < file.count; k++) {
      if (o.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      let scene;
      try {
        scene = await file.scene(k);
      } catch (e) {
        skipped.push({ record: file.record(k), reason: e instanceof Error ? e.message : String(e) });
        o.onProgress(k + 1, file.count);
        continue;
      }
      const pair = defaultPair(scene);
      if (!pair || !isValid(scene.tracks, pair[0], MIN_STEP) || !isValid(scene.tracks, pair[1], MIN_STEP)) {
        skipped.push({
          record: file.record(k),
          reason: pair ? `pair not valid at step ${MIN_STEP}` : 'no interacting pair',
        });
        o.onProgress(k + 1, file.count);
        continue;
      }
      const p = await client.predict(scene, pair, MIN_STEP, {
        samplesPerMode: o.samplesPerMode,
        variant: o.variant,
        seed: 1,
      });
      const top = argmax(p.prior);
      if (top < M && p.label < M) confusion[top]![p.label]!++;
      const err = sceneMinDisplacement(
        scene,
        p.a,
        p.b,
        p.t,
        p.modes.flatMap((m) => m.samples),
      );
      rows.push({
        k,
        record: file.record(k),
        id: scene.id,
        label: p.label,
        labelName: p.labelName,
        topMode: top,
        topProbability: p.prior[top]!,
        agree: top === p.label,
        minADE: err?.minADE ?? null,
        minFDE: err?.minFDE ?? null,
      });
      predictions.push(p);
      o.onProgress(k + 1, file.count);
    }
    return {
      variant: o.variant,
      backend: client.backend,
      samplesPerMode: o.samplesPerMode,
      rows,
      predictions,
      confusion,
      skipped,
      ms: performance.now() - t0,
    };
  } finally {
    o.signal.removeEventListener('abort', stop);
    client.terminate();
  }
}

const CSV_COLUMNS = [
  'record',
  'scene',
  'label',
  'top_mode',
  'top_mode_label',
  'probability',
  'agree',
  'minADE_m',
  'minFDE_m',
] as const;

/** The table as CSV (one row per scored scene). */
export function toCsv(r: FileRunResult): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = r.rows.map((row) =>
    [
      row.record,
      q(row.id),
      q(row.labelName),
      row.topMode,
      q(getPredictor(r.variant).modesMeanLabels ? (LABEL_NAMES[row.topMode] ?? '') : ''),
      row.topProbability.toFixed(4),
      row.agree ? 1 : 0,
      row.minADE?.toFixed(3) ?? '',
      row.minFDE?.toFixed(3) ?? '',
    ].join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

/** The predictions as JSON: per scene the prior, posterior, label and every joint sample (scene coordinates). */
export function toJson(r: FileRunResult, fileName: string | null): string {
  return JSON.stringify({
    file: fileName,
    variant: r.variant,
    backend: r.backend,
    predictionStep: MIN_STEP,
    samplesPerMode: r.samplesPerMode,
    confusion: r.confusion,
    skipped: r.skipped,
    scenes: r.predictions.map((p) => ({
      ...p,
      modes: p.modes.map((m) => ({
        ...m,
        samples: m.samples.map((s) => ({ ...s, a: Array.from(s.a), b: Array.from(s.b) })),
      })),
    })),
  });
}
