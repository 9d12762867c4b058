// Running the model over many (scene, pair) items in batches: the one loop that the app's
// file-level run (src/app/predictions/run-file.ts, on the page's main thread, each batch answered
// by the model worker) and `npm run eval` (metrics/evaluate.ts through predictors.ts
// predictInBatches, in Node) both go through. No tfjs here, so the page's main thread can import it.
//
// Contract of runInBatches(items, o):
// - items (an array or an async iterable, e.g. scenes decoded one by one) are cut into batches of
//   o.batchSize in order; o.run(batch) answers one result per item, in the batch's order;
// - up to o.ahead batches are run at once (default 1): with 2, the next batch is gathered (the
//   source pulled: its scenes decoded) and handed to run while the one before is still running, so
//   decoding overlaps inference, and a worker that answers batch k finds batch k+1 already queued;
// - o.onBatch(done, results, batch) is called once per batch, in order, with the items done so far
//   (the file run's progress bar moves once per batch);
// - o.signal aborted: no new item is pulled and no new batch started; the promise rejects with the
//   signal's reason. Batches already started are the runner's to stop (the file run ends its
//   worker); their late answers are dropped;
// - the result is every item's result in item order.
//
// Batch size per backend (BATCH_SIZES), from `npm run bench -- filerun`: the demo set's 42 scenes in
// one warm worker at each size (pseudo-label CVAE, 2 samples per mode, posterior, one kinematic
// anchor; Chromium with SwiftShader on a shared two-core machine), ms per scene, best of two passes:
//
//   size             1      4      8     16     32     64 (one pass of 42)
//   WebGPU      1708.5  554.9  568.3  452.5  465.9  363.0
//   wasm           9.4    2.9    3.6    3.5    5.3    4.1
//   wasm, Node     8.9    2.7    1.8    2.2    1.9    2.3   (npm run eval; whole predictPairs)
//
// WebGPU: the biggest batch is fastest (SwiftShader pays per dispatch and per scene), but every
// scene of two batches in flight is held twice (page and worker; a real WOMD scene is about 1 MB
// decoded: 100-200 tracks x 91 steps x 10 floats, and its map), so 32 caps that near 130 MB, within
// 30% of one pass over all 42. WebGL takes WebGPU's
// size (a GPU backend paying per dispatch; not measured: never the default where the app runs).
// wasm: 8, the best in Node (eval) and within 25% of the browser's best (4); cpu, the last
// fallback, takes wasm's. Sizes from 4 up are all within 2x of the best: the choice is not fragile.
export const BATCH_SIZES: Readonly<Record<string, number>> = {
  webgpu: 32,
  webgl: 32,
  wasm: 8,
  cpu: 8,
};

/** For a backend not in the table: small enough to keep memory and progress steps modest. */
export const DEFAULT_BATCH_SIZE = 8;

/** Items per forward pass on `backend` (a tfjs backend name; BATCH_SIZES, else DEFAULT_BATCH_SIZE). */
export function batchSizeFor(backend: string): number {
  return BATCH_SIZES[backend] ?? DEFAULT_BATCH_SIZE;
}

export interface BatchRunOptions<I, R> {
  batchSize: number;
  /** Answers one result per item of the batch, in order. */
  run: (batch: I[]) => Promise<R[]>;
  /** Batches running at once (default 1; 2 overlaps gathering the next batch with running this one). */
  ahead?: number;
  signal?: AbortSignal;
  /** After each batch, in order: items done so far, the batch's results and items. */
  onBatch?: (done: number, results: R[], batch: I[]) => void;
}

/** Runs `o.run` over `items` in batches (the header's contract); every result, in item order. */
export async function runInBatches<I, R>(
  items: Iterable<I> | AsyncIterable<I>,
  o: BatchRunOptions<I, R>,
): Promise<R[]> {
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    throw new RangeError(`runInBatches: batchSize must be a whole number >= 1, got ${o.batchSize}`);
  const ahead = Math.max(1, o.ahead ?? 1);
  const out: R[] = [];
  const running: { batch: I[]; answer: Promise<R[]> }[] = [];
  const start = (batch: I[]) => {
    const answer = o.run(batch);
    // an answer that comes after an abort (or after another batch failed) is nobody's: never unhandled
    answer.catch(() => undefined);
    running.push({ batch, answer });
  };
  const finishOne = async () => {
    const { batch, answer } = running.shift()!;
    const results = await answer;
    o.signal?.throwIfAborted();
    if (results.length !== batch.length)
      throw new Error(`runInBatches: ${results.length} results for a batch of ${batch.length}`);
    out.push(...results);
    o.onBatch?.(out.length, results, batch);
  };
  let batch: I[] = [];
  o.signal?.throwIfAborted();
  for await (const item of items) {
    o.signal?.throwIfAborted();
    batch.push(item);
    if (batch.length < o.batchSize) continue;
    start(batch);
    batch = [];
    while (running.length >= ahead) await finishOne();
  }
  o.signal?.throwIfAborted();
  if (batch.length) start(batch);
  while (running.length) await finishOne();
  return out;
}
