// The file-level run as it was before batching: one scene decoded, posted and predicted at a time,
// each waiting for the one before, the progress bar moving per scene. Kept only as the baseline of
// `npm run bench -- filerun`, which reaches it through the test hook's loadFileRunBench (its own
// chunk, which the app never loads); the app runs run-file.ts runFile. Same items, seed, rows and
// result as runFile, so the bench compares like with like.
import { MIN_STEP } from '../../model/features';
import { blobSource, SceneSet, type SceneFile } from '../../waymo';
import { ModelClient } from '../model-client';
import {
  FILE_RUN_SEED,
  fileRunItem,
  fileRunResult,
  scoreItem,
  type FileRunOptions,
  type FileRunOutcome,
  type FileRunResult,
} from './run-file';

/**
 * What the bench also needs in the page: the batched run the app uses (beside the baseline on the
 * same file), and the pieces to time batch sizes in one warm worker (the size sweep).
 */
export { fileRunItem, runFile } from './run-file';
export { ModelClient } from '../model-client';
export { runInBatches } from '../../model/batch-run';

/** A scenario file fetched from `url`, opened as the app opens one (the bench's own copy). */
export async function openFileUrl(url: string): Promise<SceneFile> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return SceneSet.open([blobSource(await res.blob(), url.split('/').pop() ?? url)]);
}

export async function runFileOneAtATime(file: SceneFile, o: FileRunOptions): Promise<FileRunResult> {
  const t0 = performance.now();
  const client = await ModelClient.start({ backend: o.backend, variants: [o.variant] });
  const stop = () => client.terminate();
  o.signal.addEventListener('abort', stop);
  try {
    const outcomes: FileRunOutcome[] = [];
    o.onProgress(0, file.count);
    for (let k = 0; k < file.count; k++) {
      o.signal.throwIfAborted();
      const x = await fileRunItem(file, k);
      if ('skip' in x) outcomes.push({ record: x.record, skip: x.skip });
      else {
        const p = await client.predict(x.scene, x.pair, MIN_STEP, {
          samplesPerMode: o.samplesPerMode,
          variant: o.variant,
          seed: FILE_RUN_SEED,
        });
        outcomes.push(scoreItem(x.k, x.record, x.scene, p));
      }
      o.onProgress(k + 1, file.count);
    }
    return fileRunResult(outcomes, {
      variant: o.variant,
      backend: client.backend,
      samplesPerMode: o.samplesPerMode,
      batchSize: 1,
      ms: performance.now() - t0,
    });
  } finally {
    o.signal.removeEventListener('abort', stop);
    client.terminate();
  }
}
