// The app's handle on the model worker: start it (the backend asked for, else the fastest measured
// on this browser: at a first start the worker answers at once on wasm while a second worker times
// every backend, then switches to the fastest; this client caches the choice in localStorage under
// CHOICE_KEY and hands it to every later start, which uses it while its key matches: same browser,
// adapter, build and model), and predict(scene, pair, t, options) as a
// promise, or predictBatch(items, options) for many requests in one forward pass (the file-level
// run). Each scene is posted to the worker once, and
// each predictor registered at run time (local models, folders opened from disk) before its first
// use: a picked folder's bytes are copied and the copies transferred, so every worker gets its own.
// A worker that dies (an uncaught error fires its 'error' event; one that closed itself, was killed
// or hangs answers no 'ping' for SILENT_MS while requests wait) ends the client: every pending
// request is rejected with a ModelWorkerDied naming why, and so is every later one; the owner
// (predictions/controller.ts) starts a new client.
import type { BackendChoice } from '../model/backends';
import { getPredictor, type Predictor, type PredictorId } from '../model/registry';
import type { Scene } from '../scene/scene';
import {
  SCENES_KEPT,
  type BatchAnswer,
  type BatchItem,
  type ModelRequest,
  type ModelResponse,
  type PairPrediction,
  type PredictorName,
} from './model-protocol';

export interface PredictRequestOptions {
  samplesPerMode: number;
  mode?: number;
  seed?: number;
  /** See PredictOptions.meansFirst (default true). */
  meansFirst?: boolean;
  variant?: PredictorName;
  /** Answer the worker's phase times and wasm runtime too (PairPrediction.probe; the bench). */
  probe?: boolean;
}

/**
 * While requests wait, the worker is pinged this often, ms: a 'pong' (or any answer) shows it is
 * alive. Cheap (one message), and often enough that SILENT_MS is judged within a second.
 */
export const PING_MS = 1000;
/**
 * A worker that has answered nothing, not even a ping, for this long while requests wait is taken
 * as dead, ms. Pings are answered between the worker's tasks, so this must exceed its longest
 * synchronous stretch: a WebGL kernel compile of the whole model on a software GPU takes seconds,
 * and CI runs on a loaded 2-core machine, so 20 s leaves a wide margin while a closed worker is
 * still noticed well within a test's patience.
 */
export const SILENT_MS = 20_000;

/** The model worker died (crashed, closed itself, killed, or silent): why, in the user's terms. */
export class ModelWorkerDied extends Error {
  override name = 'ModelWorkerDied';
}

/** localStorage key of the measured backend choice (model/backends.ts BackendChoice). */
export const CHOICE_KEY = 'modescope.backend-choice';

function cachedChoice(): BackendChoice | undefined {
  try {
    const raw = localStorage.getItem(CHOICE_KEY);
    const c = raw ? (JSON.parse(raw) as BackendChoice) : undefined;
    return c && typeof c.key === 'string' && typeof c.backend === 'string' && Array.isArray(c.figures)
      ? c
      : undefined;
  } catch {
    return undefined; // no storage (private mode, a sandboxed frame) or a damaged entry: measure
  }
}

function storeChoice(c: BackendChoice): void {
  try {
    localStorage.setItem(CHOICE_KEY, JSON.stringify(c));
  } catch {
    // no storage: the next start measures again
  }
}

function forgetChoice(): void {
  try {
    localStorage.removeItem(CHOICE_KEY);
  } catch {
    // no storage
  }
}

export class ModelClient {
  /** How the backend was chosen, with every figure; follows a switch after measuring, or a fallback. */
  get choice(): BackendChoice {
    return this.current;
  }
  /** The backend the worker runs on now. */
  get backend(): string {
    return this.current.backend;
  }
  /** Time to choose the backend at start (the cache's check, or starting the interim one), ms. */
  readonly chooseMs: number;
  readonly loadMs: number;
  readonly warmupMs: number;
  /**
   * The backend the worker will keep: at once when asked for or cached; at a first start, once the
   * second worker has measured every backend and this one has switched to the fastest.
   */
  readonly measured: Promise<BackendChoice>;
  /** Told each time the choice changes after the start (the measurement's switch). */
  onChoice: ((c: BackendChoice) => void) | null = null;
  private current: BackendChoice;
  private measurer: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (p: PairPrediction) => void; reject: (e: Error) => void }>();
  private pendingBatches = new Map<
    number,
    { resolve: (a: BatchAnswer[]) => void; reject: (e: Error) => void }
  >();
  /** Scenes the worker holds, oldest first (it keeps the same SCENES_KEPT). */
  private sceneKeys = new Map<Scene, string>();
  private nextScene = 1;
  /** Run-time predictors the worker was sent (the entry sent, so a replaced entry is sent again). */
  private sent: Map<PredictorId, Predictor>;
  private switched: ((c: BackendChoice) => void) | null = null;
  /** Settles `measured` when the client stops before the measurement and the switch are done. */
  private endMeasure: ((why: string) => void) | null = null;
  /** Why the worker died; set once, every request after it is rejected with it. */
  private died: ModelWorkerDied | null = null;
  /** When the worker last sent anything (performance.now()). */
  private lastHeard = performance.now();
  private watch: ReturnType<typeof setInterval> | null = null;

  private constructor(
    private worker: Worker,
    ready: Extract<ModelResponse, { type: 'ready' }>,
    sent: Map<PredictorId, Predictor>,
    measure: { baseUrl: string; variant: PredictorId } | null,
  ) {
    this.sent = sent;
    this.current = ready.choice;
    this.chooseMs = ready.chooseMs;
    this.loadMs = ready.loadMs;
    this.warmupMs = ready.warmupMs;
    // an uncaught error in the worker: it may still run, but what it was doing is lost
    worker.onerror = (e) => {
      e.preventDefault();
      this.die(`the model worker crashed${e.message ? ` (${e.message})` : ''}`);
    };
    worker.onmessageerror = () => this.die('the model worker sent a message that could not be read');
    worker.onmessage = (ev: MessageEvent<ModelResponse>) => {
      const msg = ev.data;
      this.lastHeard = performance.now();
      if (msg.type === 'prediction') {
        // a backend that failed here is not the cached choice any more: the next start measures
        if (msg.prediction.notice) {
          forgetChoice();
          this.current = msg.prediction.choice ?? this.current;
        }
        this.pending.get(msg.id)?.resolve(msg.prediction);
        this.pending.delete(msg.id);
      } else if (msg.type === 'device-lost') {
        this.lost?.(msg.destroyed);
        this.lost = null;
      } else if (msg.type === 'switched') {
        this.switched?.(msg.choice);
        this.switched = null;
      } else if (msg.type === 'batch') {
        this.pendingBatches.get(msg.id)?.resolve(msg.answers);
        this.pendingBatches.delete(msg.id);
      } else if (msg.type === 'error' && msg.id !== undefined) {
        const err = new Error(msg.message);
        this.pending.get(msg.id)?.reject(err);
        this.pendingBatches.get(msg.id)?.reject(err);
        this.pending.delete(msg.id);
        this.pendingBatches.delete(msg.id);
      }
    };
    this.measured =
      ready.choice.how === 'measuring' && measure
        ? this.measureApart(measure)
        : Promise.resolve(ready.choice);
  }

  /**
   * A first start: a second worker times every backend while this one answers on its interim
   * backend; the choice is cached, and this worker switches to it (after the work in flight).
   */
  private measureApart(o: { baseUrl: string; variant: PredictorId }): Promise<BackendChoice> {
    const measurer = new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module' });
    this.measurer = measurer;
    sendPredictor(measurer, new Map(), o.variant);
    return new Promise<BackendChoice>((resolve) => {
      const done = (c: BackendChoice) => {
        this.endMeasure = null;
        measurer.terminate();
        if (this.measurer === measurer) this.measurer = null;
        this.current = c;
        this.onChoice?.(c);
        resolve(c);
      };
      measurer.onmessage = (ev: MessageEvent<ModelResponse>) => {
        const msg = ev.data;
        if (msg.type === 'measured') {
          storeChoice(msg.choice);
          this.switched = done;
          this.send({ type: 'switch', choice: msg.choice });
        } else if (msg.type === 'error')
          done({
            ...this.current,
            how: 'unmeasured',
            failed: [{ backend: 'measurement', error: msg.message }],
          });
      };
      // the client stopped or its worker died first: `measured` still settles, unmeasured
      this.endMeasure = (why) =>
        done({ ...this.current, how: 'unmeasured', failed: [{ backend: 'measurement', error: why }] });
      measurer.onerror = (e) =>
        done({
          ...this.current,
          how: 'unmeasured',
          failed: [{ backend: 'measurement', error: e.message || 'the measuring worker failed to start' }],
        });
      const req: ModelRequest = { type: 'measure', baseUrl: o.baseUrl, variant: o.variant };
      measurer.postMessage(req);
    });
  }

  /**
   * Starts a worker; `backend` names the one to try first (the user's choice: it wins, and nothing is
   * measured), else the cached choice; at a first start the worker answers at once on wasm while a
   * second worker measures every backend (`measure: false`: it stays on wasm until a later start
   * measures; the file-level run's own worker, which the viewer's has normally measured for).
   */
  static async start(
    opts: { baseUrl?: string; backend?: string; variants?: PredictorId[]; measure?: boolean } = {},
  ): Promise<ModelClient> {
    const worker = new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module' });
    const baseUrl = new URL(opts.baseUrl ?? import.meta.env.BASE_URL, location.href).href;
    const variants = opts.variants ?? ['pseudo', 'vanilla'];
    const sent = new Map<PredictorId, Predictor>();
    try {
      for (const v of variants) sendPredictor(worker, sent, v);
      const ready = await new Promise<Extract<ModelResponse, { type: 'ready' }>>((resolve, reject) => {
        worker.onmessage = (ev: MessageEvent<ModelResponse>) => {
          if (ev.data.type === 'ready') resolve(ev.data);
          else if (ev.data.type === 'error') reject(new Error(ev.data.message));
        };
        // Chromium leaves `message` empty when the worker's own script cannot load
        worker.onerror = (e) =>
          reject(new Error(`the model worker failed to start${e.message ? `: ${e.message}` : ''}`));
        const init: ModelRequest = {
          type: 'init',
          baseUrl,
          variants,
          backend: opts.backend,
          cached: opts.backend ? undefined : cachedChoice(),
        };
        worker.postMessage(init);
      });
      worker.onerror = null;
      const measure = opts.measure === false ? null : { baseUrl, variant: variants[0]! };
      return new ModelClient(worker, ready, sent, measure);
    } catch (e) {
      // a worker that failed to start is never left running
      worker.terminate();
      throw e;
    }
  }

  predict(
    scene: Scene,
    pair: [number, number],
    t: number,
    o: PredictRequestOptions,
  ): Promise<PairPrediction> {
    let key = this.sceneKeys.get(scene);
    if (!key) {
      key = `s${this.nextScene++}`;
      this.sceneKeys.set(scene, key);
      if (this.sceneKeys.size > SCENES_KEPT) this.sceneKeys.delete(this.sceneKeys.keys().next().value!);
      this.send({ type: 'scene', key, scene });
    }
    const variant = o.variant ?? 'pseudo';
    // before the request: the worker handles its messages in order
    sendPredictor(this.worker, this.sent, variant);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.died) return reject(this.died);
      this.pending.set(id, { resolve, reject });
      this.watchWorker();
      this.send({
        type: 'predict',
        id,
        sceneKey: key,
        a: pair[0],
        b: pair[1],
        t,
        variant,
        samplesPerMode: o.samplesPerMode,
        mode: o.mode,
        seed: o.seed,
        meansFirst: o.meansFirst,
        probe: o.probe,
      });
    });
  }

  private lost: ((destroyed: boolean) => void) | null = null;

  /**
   * Destroys the worker's WebGPU device as a lost GPU would (tests): at once, or (`during`) in the
   * middle of the next prediction; false on other backends.
   */
  loseDevice(during = false): Promise<boolean> {
    return new Promise((resolve) => {
      this.lost = resolve;
      this.send({ type: 'lose-device', during });
    });
  }

  /** Tests: the worker dies at the next prediction request, leaving it pending (see 'crash'). */
  crash(how: 'throw' | 'close'): void {
    this.send({ type: 'crash', how });
  }

  /** Whether the worker died (why); a dead client answers nothing again. */
  get dead(): ModelWorkerDied | null {
    return this.died;
  }

  /** Pings the worker while requests wait; one silent for SILENT_MS is dead (see the header). */
  private watchWorker(): void {
    if (this.watch) return;
    this.lastHeard = performance.now();
    this.watch = setInterval(() => {
      if (this.pending.size === 0 && this.pendingBatches.size === 0) {
        clearInterval(this.watch!);
        this.watch = null;
      } else if (performance.now() - this.lastHeard > SILENT_MS)
        this.die(`the model worker stopped answering (nothing for ${SILENT_MS / 1000} s)`);
      else this.send({ type: 'ping' });
    }, PING_MS);
  }

  /** The worker is gone: it is ended, and every request waiting or to come fails with `why`. */
  private die(why: string): void {
    if (this.died) return;
    this.died = new ModelWorkerDied(why);
    this.stop(this.died);
  }

  /**
   * Many requests in one forward pass (the worker's predictBatch: the same answers as predict for
   * each with the same options): one answer per item, in order, an item failing alone. The scenes
   * are posted with the batch (copied; the worker keeps none).
   */
  predictBatch(
    items: BatchItem[],
    o: Omit<PredictRequestOptions, 'mode'> & { variant: PredictorName },
  ): Promise<BatchAnswer[]> {
    sendPredictor(this.worker, this.sent, o.variant);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.died) return reject(this.died);
      this.pendingBatches.set(id, { resolve, reject });
      this.watchWorker();
      this.send({
        type: 'batch',
        id,
        items,
        variant: o.variant,
        samplesPerMode: o.samplesPerMode,
        seed: o.seed,
        meansFirst: o.meansFirst,
      });
    });
  }

  terminate(): void {
    this.stop(new Error('model worker stopped'));
  }

  /** Ends both workers and rejects every request waiting with `why`. */
  private stop(why: Error): void {
    this.endMeasure?.(why.message);
    this.worker.terminate();
    this.measurer?.terminate();
    this.measurer = null;
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    for (const p of [...this.pending.values(), ...this.pendingBatches.values()]) p.reject(why);
    this.pending.clear();
    this.pendingBatches.clear();
  }

  private send(msg: ModelRequest) {
    this.worker.postMessage(msg);
  }
}

/**
 * Posts a run-time predictor's entry to `worker` unless it has it already (shipped ones it knows):
 * picked files' bytes go as copies, transferred, so the registry keeps its own for other workers.
 */
function sendPredictor(worker: Worker, sent: Map<PredictorId, Predictor>, id: PredictorId): void {
  const p = getPredictor(id);
  if (p.origin === 'shipped' || sent.get(id) === p) return;
  sent.set(id, p);
  const transfer: ArrayBuffer[] = [];
  let predictor = p;
  if (p.weights?.kind === 'files') {
    const files = new Map([...p.weights.files].map(([path, b]) => [path, b.slice(0)] as const));
    transfer.push(...files.values());
    predictor = { ...p, weights: { ...p.weights, files } };
  }
  const msg: ModelRequest = { type: 'model', predictor };
  worker.postMessage(msg, transfer);
}
