// The model's web worker (loaded by model-worker.ts, which reports a failed load). It carries
// messages only: it starts a tfjs backend (model/predictors.ts pickBackend: the one asked for,
// else WebGPU, WebGL, wasm, cpu), registers the run-time predictors the app sends it (local models,
// folders opened from disk), loads the weights of the predictors asked for (from their URL or from
// the bytes handed over), warms up, keeps the scenes posted to it by key, and answers each
// prediction with model/predictors.ts predictPairs and each batch (the file-level run's, scenes
// included) with predictBatch. Messages are handled as they come: while one batch waits for the
// GPU, the next one's features and labels are built. No model logic lives here.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { Scene } from '../scene/scene';
import { emptyFeatures } from '../model/features';
import { predictFrames } from '../model/predict';
import { pickBackend, predictBatch, predictPairs } from '../model/predictors';
import { BACKEND_ORDER, getPredictor, registerPredictor, type PredictorId } from '../model/registry';
import { decodeModelFiles, loadModel } from '../model/weights';
import type { Params } from '../model/network';
import {
  SCENES_KEPT,
  type BatchAnswer,
  type ModelRequest,
  type ModelResponse,
  type PairPrediction,
} from './model-protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const scenes = new Map<string, Scene>();
const models = new Map<PredictorId, Promise<Params>>();
let baseUrl = './';

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

async function predict(req: Extract<ModelRequest, { type: 'predict' }>): Promise<PairPrediction> {
  const scene = scenes.get(req.sceneKey);
  if (!scene) throw new Error(`scene ${req.sceneKey} was not sent to the worker`);
  const t0 = performance.now();
  const params = (await weights(req.variant)) ?? null;
  const [result] = await predictPairs(req.variant, params, [{ scene, a: req.a, b: req.b, t: req.t }], {
    samplesPerMode: req.samplesPerMode,
    mode: req.mode,
    seed: req.seed,
    meansFirst: req.meansFirst,
  });
  return { ...result!, variant: req.variant, backend: tf.getBackend(), latencyMs: performance.now() - t0 };
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
  return outcomes.map((x) =>
    'error' in x ? x : { prediction: { ...x.result, variant: req.variant, backend, latencyMs } },
  );
}

/** Answers one message from the app (the bootstrap in model-worker.ts installs it). */
export async function handle(ev: MessageEvent<ModelRequest>): Promise<void> {
  const req = ev.data;
  try {
    if (req.type === 'init') {
      baseUrl = req.baseUrl;
      const order = req.backend
        ? [req.backend, ...BACKEND_ORDER.filter((b) => b !== req.backend)]
        : BACKEND_ORDER;
      const t0 = performance.now();
      const backend = await pickBackend(order);
      await Promise.all(req.variants.map((v) => weights(v)));
      const loadMs = performance.now() - t0;
      // warm up: compile every kernel once on a real-sized input
      const w0 = performance.now();
      const p = await weights(req.variants[0]!);
      if (p) await predictFrames(p, [emptyFeatures()], { samplesPerMode: 2 });
      post({ type: 'ready', backend, loadMs, warmupMs: performance.now() - w0 });
    } else if (req.type === 'model') {
      registerPredictor(req.predictor);
      // a replaced entry loads anew (the old variables stay until the worker ends: a request may hold them)
      models.delete(req.predictor.id);
    } else if (req.type === 'scene') {
      scenes.set(req.key, req.scene);
      while (scenes.size > SCENES_KEPT) scenes.delete(scenes.keys().next().value!);
    } else if (req.type === 'predict') {
      post({ type: 'prediction', id: req.id, prediction: await predict(req) });
    } else if (req.type === 'batch') {
      post({ type: 'batch', id: req.id, answers: await predictMany(req) });
    }
  } catch (e) {
    post({
      type: 'error',
      id: 'id' in req ? req.id : undefined,
      message: e instanceof Error ? e.message : String(e),
    });
  }
}
