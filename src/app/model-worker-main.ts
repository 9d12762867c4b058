// The model's web worker (loaded by model-worker.ts, which reports a failed load). It carries
// messages only. It chooses a tfjs backend (model/backends.ts): the one asked for; else the choice
// the app cached for this browser, adapter and build; else an interim one (wasm) on which it
// answers at once while a second worker, started by the app with a 'measure' request, times the
// real model on every backend; the app then sends 'switch' with the fastest, taken once the work in
// flight is answered. It registers the run-time predictors the app sends it (local models, folders
// opened from disk), loads the weights of the predictors asked for (from their URL or from the
// bytes handed over), warms up, keeps the scenes posted to it by key, and answers each prediction
// with model/predictors.ts predictPairs and each batch (the file-level run's, scenes included) with
// predictBatch, handled as they come: while one batch waits for the GPU, the next one's features
// and labels are built. A prediction that fails on a backend that no longer works (its health
// check fails, or WebGPU lost its device, before it or in its middle) falls back to the next fastest
// backend, reloads the weights there and is retried once; the answer says so. It answers 'ping' at
// once (the client's liveness check), and has test hooks for what the app must survive: a device
// lost mid-prediction, an uncaught error, a worker that closes itself. No model logic lives here.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { Scene } from '../scene/scene';
import { emptyFeatures, emptyTargets } from '../model/features';
import { latentProbabilities, predictFrames } from '../model/predict';
import { predictBatch, predictPairs, type PhaseTimes } from '../model/predictors';
import {
  describeChoice,
  measureBackends,
  nextBackend,
  pickBackend,
  type BackendChoice,
} from '../model/backends';
import { BACKEND_ORDER, getPredictor, registerPredictor, type PredictorId } from '../model/registry';
import { decodeModelFiles, loadModel } from '../model/weights';
import { modeReadings } from './predictions/readings';
import { priorKnowledgeDim, type Params } from '../model/network';
import {
  SCENES_KEPT,
  type BatchAnswer,
  type ModelRequest,
  type ModelResponse,
  type PairPrediction,
  type PredictProbe,
} from './model-protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

declare const __MODESCOPE_BUILD__: string;

const scenes = new Map<string, Scene>();
const models = new Map<PredictorId, Promise<Params>>();
let baseUrl = './';
/** How the active backend was chosen, with every figure (answered in 'ready' and each prediction). */
let choice: BackendChoice | null = null;
/** Backends that failed since the start: never fallen back to. */
const failed = new Set<string>();
/** Set when WebGPU's device is lost (GPUDevice.lost): the next prediction falls back first. */
let deviceLost: string | null = null;
/** The predictor warmed up at init (and again after a switch of backend). */
let warmVariant: PredictorId = 'pseudo';

function post(msg: ModelResponse) {
  self.postMessage(msg);
}

/** The predictor's weights, loaded once; null for a predictor without weights. */
function weights(id: PredictorId): Promise<Params> | null {
  const src = getPredictor(id).weights;
  if (!src) return null;
  let m = models.get(id);
  if (!m) {
    // a failed load (a WeightsError naming the file) fails this predictor only, every time it is asked
    m =
      src.kind === 'url'
        ? loadModel(new URL(`${src.dir}model.json`, baseUrl).href).then((r) => r.params)
        : Promise.resolve().then(() => decodeModelFiles(src.json, src.files, `${src.name}/model.json`));
    models.set(id, m);
  }
  return m;
}

/** One full prediction with the posterior on all-zero inputs of the real shapes (warm-up, timing). */
async function fullPrediction(p: Params): Promise<void> {
  // a prior that reads d(x) (model/knowledge.ts) gets all-zero knowledge of its size
  const k = priorKnowledgeDim(p);
  const f = () => (k ? { ...emptyFeatures(), knowledge: new Float32Array(k) } : emptyFeatures());
  await predictFrames(p, [f()], { samplesPerMode: 2 });
  await latentProbabilities(p, [f()], [emptyTargets()]);
}

/**
 * What a measurement is valid for: the browser, the GPU adapter (WebGPU's adapter info; none
 * without WebGPU), the app build and the model timed. Any change measures again.
 */
async function choiceKey(variant: PredictorId): Promise<string> {
  let adapter = 'no webgpu';
  try {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    const a = gpu ? await gpu.requestAdapter() : null;
    if (a) {
      const i = a.info;
      adapter = [i.vendor, i.architecture, i.device, i.description].join('/');
    }
  } catch {
    adapter = 'webgpu adapter unavailable';
  }
  const w = getPredictor(variant).weights;
  const model = w?.kind === 'url' ? `${variant}@${w.dir}` : variant;
  return [__MODESCOPE_BUILD__, navigator.userAgent, adapter, model].join(' | ');
}

/**
 * Chooses the backend at init (see the header): the one asked for; else the cached choice while its
 * key matches; else an interim backend (wasm, else the order) on which the worker answers at once
 * while a second worker measures (the 'measure' request) and the app then switches this one.
 */
async function chooseBackend(req: Extract<ModelRequest, { type: 'init' }>): Promise<BackendChoice> {
  const first = req.variants[0]!;
  if (req.backend) {
    const order = [req.backend, ...BACKEND_ORDER.filter((b) => b !== req.backend)];
    const backend = await pickBackend(order);
    // nothing is measured or cached, so no key: a page that asks for wasm does not start WebGPU
    // (requestAdapter) only to name its adapter
    return { backend, how: 'asked', figures: [], failed: [], key: '' };
  }
  const key = await choiceKey(first);
  const cached = req.cached;
  if (cached?.key === key) {
    try {
      await pickBackend([cached.backend]);
      return { ...cached, how: 'cached' };
    } catch {
      // the cached backend no longer starts: measure again
    }
  }
  // wasm first: it starts everywhere, compiles in milliseconds, and was the fastest on every
  // machine measured so far without a real GPU (docs/performance.md)
  const backend = await pickBackend(['wasm', ...BACKEND_ORDER.filter((b) => b !== 'wasm')]);
  return { backend, how: getPredictor(first).weights ? 'measuring' : 'asked', figures: [], failed: [], key };
}

/** The 'measure' request: every backend timed on `variant`'s real weights (model/backends.ts). */
async function measure(variant: PredictorId): Promise<BackendChoice> {
  const key = await choiceKey(variant);
  let p: Params | null = null;
  const measured = await measureBackends(BACKEND_ORDER, () => fullPrediction(p!), {
    // the weights anew on each backend: a backend that breaks keeps no other backend's tensors
    prepare: async () => {
      models.delete(variant);
      p = await weights(variant)!;
    },
    release: () => {
      if (p) tf.dispose(Object.values(p));
      p = null;
      models.delete(variant);
    },
  });
  return { ...measured, key };
}

/** Predictions and batches being answered: a switch of backend waits for them. */
const inflight = new Set<Promise<unknown>>();
/** Set while the backend switches: new work waits for it. */
let switching: Promise<void> | null = null;

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  while (switching) await switching;
  const p = work();
  inflight.add(p);
  try {
    return await p;
  } finally {
    inflight.delete(p);
  }
}

/** The 'switch' request: the measured backend, once the work in flight is answered. */
async function switchTo(next: BackendChoice): Promise<void> {
  while (switching) await switching;
  switching = (async () => {
    await Promise.allSettled([...inflight]);
    if (next.backend !== tf.getBackend()) {
      await pickBackend([next.backend]);
      // every predictor's weights load anew on the new backend, and its kernels compile once
      models.clear();
      const p = await weights(warmVariant);
      if (p) await fullPrediction(p);
    }
    choice = next;
    watchDevice();
  })();
  try {
    await switching;
  } finally {
    switching = null;
  }
}

/** The active backend's WebGPU device; null on other backends. */
function gpuDevice(): GPUDevice | null {
  return tf.getBackend() === 'webgpu'
    ? ((tf.backend() as unknown as { device?: GPUDevice }).device ?? null)
    : null;
}

/**
 * Watches WebGPU's device: a lost device (GPUDevice.lost) makes the next prediction fall back. Only
 * while it is still the active backend's device: a device lost mid-prediction reports its loss
 * after the fallback it caused, and must not make the new backend fall back again.
 */
function watchDevice(): void {
  const device = gpuDevice();
  void device?.lost.then((info) => {
    if (gpuDevice() !== device) return;
    deviceLost = `the WebGPU device was lost (${info.reason}${info.message ? `: ${info.message}` : ''})`;
  });
}

/** Tests: lose the device at the next prediction's first read from the GPU ('lose-device' during). */
let loseAtNextRead = false;
/** Tests: die at the next 'predict' ('crash'), by an uncaught error or by closing. */
let crashAtNext: 'throw' | 'close' | null = null;

/**
 * Arms the device loss of `loseAtNextRead` on the active WebGPU backend: its next `read` (a result
 * coming back from the GPU, while the prediction's kernels are queued) destroys the device first.
 */
function loseDeviceAtRead(): void {
  const device = gpuDevice();
  if (!device) return;
  loseAtNextRead = false;
  const b = tf.backend() as unknown as { read: (id: object) => Promise<unknown> };
  const read = b.read;
  b.read = function (this: unknown, id: object) {
    delete (b as Partial<typeof b>).read; // the prototype's again
    device.destroy();
    return read.call(this, id);
  };
}

/** Is the active backend still able to run an op? */
async function healthy(): Promise<boolean> {
  try {
    await pickBackend([tf.getBackend()]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Leaves the broken backend for the next fastest one (model/backends.ts nextBackend): WebGPU is
 * removed and registered again (tfjs 4.22 does not recover a lost device), every predictor's
 * weights load anew on the new backend. Throws when none is left.
 */
async function fallBack(why: string): Promise<void> {
  const broken = tf.getBackend();
  failed.add(broken);
  const next = nextBackend(choice!, broken, failed);
  if (!next) throw new Error(`${broken} failed (${why}) and no other backend is left`);
  if (broken === 'webgpu') {
    const factory = tf.findBackendFactory('webgpu');
    try {
      tf.removeBackend('webgpu');
    } catch {
      // already removed
    }
    if (factory) tf.registerBackend('webgpu', factory, 3);
  }
  const backend = await pickBackend([next, ...BACKEND_ORDER.filter((b) => b !== next && !failed.has(b))]);
  models.clear();
  deviceLost = null;
  choice = {
    ...choice!,
    backend,
    how: 'fallback',
    failed: [...choice!.failed, { backend: broken, error: why }],
  };
  watchDevice();
}

async function predictOnce(
  req: Extract<ModelRequest, { type: 'predict' }>,
  scene: Scene,
  phases: PhaseTimes | undefined,
) {
  const params = (await weights(req.variant)) ?? null;
  const [result] = await predictPairs(req.variant, params, [{ scene, a: req.a, b: req.b, t: req.t }], {
    samplesPerMode: req.samplesPerMode,
    mode: req.mode,
    seed: req.seed,
    meansFirst: req.meansFirst,
    phases,
  });
  return result!;
}

/** What the wasm backend runs with here (the binary tfjs picked: SIMD, and threads), null off wasm. */
async function wasmRuntime(): Promise<PredictProbe['wasm']> {
  if (tf.getBackend() !== 'wasm') return null;
  return { simd: !!(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')), threads: getThreadsCount() };
}

async function predict(req: Extract<ModelRequest, { type: 'predict' }>): Promise<PairPrediction> {
  const scene = scenes.get(req.sceneKey);
  if (!scene) throw new Error(`scene ${req.sceneKey} was not sent to the worker`);
  const t0 = performance.now();
  let notice: string | null = null;
  if (loseAtNextRead) loseDeviceAtRead();
  if (deviceLost) {
    notice = deviceLost;
    await fallBack(deviceLost);
  }
  const phases: PhaseTimes | undefined = req.probe ? {} : undefined;
  let result;
  try {
    result = await predictOnce(req, scene, phases);
  } catch (e) {
    // a failure of the backend itself (not of the request) falls back and is retried once
    const why = deviceLost ?? (!(await healthy()) ? (e instanceof Error ? e.message : String(e)) : null);
    if (!why || tf.getBackend() === 'cpu') throw e;
    notice = why;
    await fallBack(why);
    result = await predictOnce(req, scene, phases);
  }
  const latencyMs = performance.now() - t0;
  return {
    ...result,
    // here, off the page's thread (outside latencyMs: the model's time)
    readings: modeReadings(scene, result),
    variant: req.variant,
    backend: tf.getBackend(),
    latencyMs,
    numTensors: tf.memory().numTensors,
    choice: choice!,
    // the status line's own words for the fallback (model/backends.ts describeChoice)
    notice: notice ? describeChoice(choice!) : null,
    ...(phases ? { probe: { phases, wasm: await wasmRuntime() } } : {}),
  };
}

/** A 'batch': every item as if alone (predictBatch), each failing alone. */
async function predictMany(req: Extract<ModelRequest, { type: 'batch' }>): Promise<BatchAnswer[]> {
  const t0 = performance.now();
  const params = (await weights(req.variant)) ?? null;
  const outcomes = await predictBatch(req.variant, params, req.items, {
    samplesPerMode: req.samplesPerMode,
    seed: req.seed,
    meansFirst: req.meansFirst,
  });
  const latencyMs = (performance.now() - t0) / Math.max(1, req.items.length);
  const backend = tf.getBackend();
  return outcomes.map((x, i) =>
    'error' in x
      ? x
      : {
          prediction: {
            ...x.result,
            readings: modeReadings(req.items[i]!.scene, x.result),
            variant: req.variant,
            backend,
            latencyMs,
            numTensors: tf.memory().numTensors,
            choice: choice!,
            notice: null,
          },
        },
  );
}

/** Answers one message from the app (the bootstrap in model-worker.ts installs it). */
export async function handle(ev: MessageEvent<ModelRequest>): Promise<void> {
  const req = ev.data;
  try {
    if (req.type === 'init') {
      baseUrl = req.baseUrl;
      warmVariant = req.variants[0]!;
      const c0 = performance.now();
      choice = await chooseBackend(req);
      const chooseMs = performance.now() - c0;
      watchDevice();
      const t0 = performance.now();
      await Promise.all(req.variants.map((v) => weights(v)));
      const loadMs = performance.now() - t0;
      // warm up: compile every kernel once on a real-sized input
      const w0 = performance.now();
      const p = await weights(req.variants[0]!);
      if (p) await fullPrediction(p);
      post({
        type: 'ready',
        backend: choice.backend,
        choice,
        chooseMs,
        loadMs,
        warmupMs: performance.now() - w0,
      });
    } else if (req.type === 'model') {
      registerPredictor(req.predictor);
      // a replaced entry loads anew (the old variables stay until the worker ends: a request may hold them)
      models.delete(req.predictor.id);
    } else if (req.type === 'scene') {
      scenes.set(req.key, req.scene);
      while (scenes.size > SCENES_KEPT) scenes.delete(scenes.keys().next().value!);
    } else if (req.type === 'ping') {
      post({ type: 'pong' });
    } else if (req.type === 'crash') {
      crashAtNext = req.how;
    } else if (req.type === 'predict' && crashAtNext) {
      // the test hook: this request is never answered, the worker dies with it pending
      if (crashAtNext === 'close') self.close();
      else
        setTimeout(() => {
          throw new Error('the model worker crashed (test hook)');
        });
      crashAtNext = null;
    } else if (req.type === 'predict') {
      post({ type: 'prediction', id: req.id, prediction: await guarded(() => predict(req)) });
    } else if (req.type === 'batch') {
      post({ type: 'batch', id: req.id, answers: await guarded(() => predictMany(req)) });
    } else if (req.type === 'measure') {
      baseUrl = req.baseUrl;
      post({ type: 'measured', choice: await measure(req.variant) });
    } else if (req.type === 'switch') {
      await switchTo(req.choice);
      post({ type: 'switched', choice: choice! });
    } else if (req.type === 'lose-device') {
      // tests and the reliability checks: what a lost GPU does (GPUDevice.lost fires), now or in
      // the middle of the next prediction
      const device = gpuDevice();
      if (req.during) loseAtNextRead = device !== null;
      else device?.destroy();
      post({ type: 'device-lost', backend: tf.getBackend(), destroyed: device !== null });
    }
  } catch (e) {
    post({
      type: 'error',
      id: 'id' in req ? req.id : undefined,
      message: e instanceof Error ? e.message : String(e),
    });
  }
}
