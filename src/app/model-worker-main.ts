// The model's web worker (loaded by model-worker.ts, which reports a failed load): picks the best tfjs backend (WebGPU, then WebGL, wasm, cpu, or the one
// asked for), loads the shipped weights, warms up, and answers predictions for (scene, pair, t) off
// the main thread. Scenes are posted once and kept by key; predictions then carry only the key.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { labelPair, LABEL_NAMES } from '../labels';
import type { Scene } from '../scene/scene';
import type { Variant } from '../model/config';
import { buildSample, emptyFeatures, MIN_STEP } from '../model/features';
import { latentProbabilities, predictFrames, toScene, constantVelocity } from '../model/predict';
import { loadModel } from '../model/weights';
import type { Params } from '../model/network';
import { SCENES_KEPT, type ModelRequest, type ModelResponse, type PairPrediction } from './model-protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

const scenes = new Map<string, Scene>();
const models = new Map<Variant, Promise<Params>>();
let baseUrl = './';

function post(msg: ModelResponse) {
  self.postMessage(msg);
}

/** The first backend of `order` that initialises and runs an op. */
async function pickBackend(order: readonly string[]): Promise<string> {
  const tried: string[] = [];
  for (const name of order) {
    try {
      if (!(await tf.setBackend(name))) throw new Error('setBackend returned false');
      await tf.ready();
      await tf.add(tf.scalar(1), tf.scalar(1)).data();
      return name;
    } catch (e) {
      tried.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`no tfjs backend could start (${tried.join('; ')})`);
}

function model(variant: Variant): Promise<Params> {
  let m = models.get(variant);
  if (!m) {
    m = loadModel(new URL(`models/${variant}/model.json`, baseUrl).href).then((r) => r.params);
    models.set(variant, m);
  }
  return m;
}

async function predict(req: Extract<ModelRequest, { type: 'predict' }>): Promise<PairPrediction> {
  const scene = scenes.get(req.sceneKey);
  if (!scene) throw new Error(`scene ${req.sceneKey} was not sent to the worker`);
  const t0 = performance.now();
  const t = Math.max(MIN_STEP, Math.min(req.t, scene.tracks.steps - 1));
  const label = labelPair(scene, req.a, req.b);
  const sample = buildSample(scene, req.a, req.b, t, label.label);
  const base = {
    variant: req.variant,
    backend: tf.getBackend(),
    sceneId: scene.id,
    a: req.a,
    b: req.b,
    t,
    label: label.label,
    labelName: LABEL_NAMES[label.label],
  };
  if (req.variant === 'constant_velocity') {
    const traj = constantVelocity(sample.features);
    const modes = toScene(sample.frame, [
      { mode: 0, probability: 1, goals: [], samples: [{ trajectory: traj, goal: [0, 0, 0, 0] }] },
    ]).map((m) => ({ ...m, label: 'constant velocity' }));
    return { ...base, modes, prior: [1], posterior: null, latencyMs: performance.now() - t0 };
  }
  const params = await model(req.variant);
  const [frames] = await predictFrames(params, [sample.features], {
    samplesPerMode: req.samplesPerMode,
    mode: req.mode,
    seed: req.seed,
    meansFirst: req.meansFirst,
  });
  // the posterior needs a real future: only when the scene has steps after t
  const hasFuture = sample.targets.futureMask.some((v) => v > 0);
  const latent = hasFuture ? await latentProbabilities(params, [sample.features], [sample.targets]) : null;
  const modes = toScene(sample.frame, frames!);
  return {
    ...base,
    modes,
    prior: modes.map((m) => m.probability),
    posterior: latent ? [...latent.posterior[0]!] : null,
    latencyMs: performance.now() - t0,
  };
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
      await Promise.all(req.variants.map((v) => model(v)));
      const loadMs = performance.now() - t0;
      // warm up: compile every kernel once on a real-sized input
      const w0 = performance.now();
      const p = await model(req.variants[0]!);
      await predictFrames(p, [emptyFeatures()], { samplesPerMode: 2 });
      post({ type: 'ready', backend, loadMs, warmupMs: performance.now() - w0 });
    } else if (req.type === 'scene') {
      scenes.set(req.key, req.scene);
      while (scenes.size > SCENES_KEPT) scenes.delete(scenes.keys().next().value!);
    } else if (req.type === 'predict') {
      post({ type: 'prediction', id: req.id, prediction: await predict(req) });
    }
  } catch (e) {
    post({
      type: 'error',
      id: 'id' in req ? req.id : undefined,
      message: e instanceof Error ? e.message : String(e),
    });
  }
}
