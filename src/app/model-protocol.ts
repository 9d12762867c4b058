// Messages between the app and the model worker, and what a prediction looks like to the app.
import type { LabelIndex } from '../labels';
import type { BackendChoice } from '../model/backends';
import type { PairResult, PhaseTimes } from '../model/predictors';
import type { Predictor, PredictorId } from '../model/registry';
import type { Scene } from '../scene/scene';

/** Scenes the worker keeps (the client mirrors it, so it knows when to post a scene again). */
export const SCENES_KEPT = 4;

/** A predictor of the registry (model/predictors.ts), by id. */
export type PredictorName = PredictorId;

export type ModelRequest =
  /**
   * Predictors to load at start (the first one is warmed up and, without `backend`, timed on every
   * backend); run-time ones were sent by 'model' first. `backend`: the user's explicit choice, which
   * wins; `cached`: the choice an earlier start measured (used when its key still matches).
   */
  | { type: 'init'; baseUrl: string; variants: PredictorName[]; backend?: string; cached?: BackendChoice }
  /**
   * Destroys WebGPU's device, as a lost GPU would (tests; a no-op on other backends): at once, or
   * (`during`) in the middle of the next prediction, at its first read of a result from the GPU.
   */
  | { type: 'lose-device'; during?: boolean }
  /**
   * Tests: the worker dies at the next 'predict' instead of answering it, by an uncaught error
   * ('throw': the Worker's error event fires) or by closing itself ('close': nothing fires, the
   * client's liveness check notices).
   */
  | { type: 'crash'; how: 'throw' | 'close' }
  /** Liveness: answered at once with 'pong' (model-client.ts asks while requests wait). */
  | { type: 'ping' }
  /**
   * To a second worker at a first start: time every backend on `variant` (model/backends.ts
   * measureBackends) and answer 'measured'; the model worker meanwhile answers on its interim backend.
   */
  | { type: 'measure'; baseUrl: string; variant: PredictorName }
  /** To the model worker: move to the measured backend once the predictions in flight are answered. */
  | { type: 'switch'; choice: BackendChoice }
  /**
   * A predictor registered at run time (model/registry.ts): the worker registers it too and loads
   * its weights when first asked, from its URL or from the picked files' bytes (transferred).
   */
  | { type: 'model'; predictor: Predictor }
  | { type: 'scene'; key: string; scene: Scene }
  | {
      type: 'predict';
      id: number;
      sceneKey: string;
      a: number;
      b: number;
      t: number;
      variant: PredictorName;
      samplesPerMode: number;
      mode?: number;
      seed?: number;
      /** See PredictOptions.meansFirst. */
      meansFirst?: boolean;
      /** Answer the phases' times and the wasm runtime (PairPrediction.probe): the bench's figures. */
      probe?: boolean;
    }
  /**
   * Many requests in one forward pass (model/predictors.ts predictBatch: each as if alone, so the
   * same answers as one 'predict' each for the same seed): the file-level run's batches. The scenes
   * come with the batch (the worker keeps none of them) and it builds their features and labels.
   */
  | {
      type: 'batch';
      id: number;
      items: BatchItem[];
      variant: PredictorName;
      samplesPerMode: number;
      seed?: number;
      meansFirst?: boolean;
    };

/** One request of a 'batch': the joint future of tracks a and b of `scene` from step t. */
export interface BatchItem {
  scene: Scene;
  a: number;
  b: number;
  t: number;
}

/** The answer to one item of a 'batch', in the batch's order: its prediction, or why it failed. */
export type BatchAnswer = { prediction: PairPrediction } | { error: string };

/** What the worker answers: predictPairs' result, with who computed it and how fast. */
export interface PairPrediction extends PairResult {
  variant: PredictorName;
  /** The tfjs backend that computed it. */
  backend: string;
  /** Worker-side time for this prediction, ms (in a batch: the batch's time over its items). */
  latencyMs: number;
  /** tf.memory().numTensors in the worker after this prediction (flat over predictions: no leak). */
  numTensors: number;
  /**
   * How the backend was chosen, with every figure; changes when the worker falls back. null: not
   * computed by the worker (a submission's predictions, read from its file: app/submissions.ts).
   */
  choice: BackendChoice | null;
  /** Set when this prediction fell back to another backend: what failed and where it runs now. */
  notice: string | null;
  /**
   * Per mode: the pseudo label of its own most likely future (predictions/readings.ts), computed by
   * the worker beside the prediction, so the page's thread does not have to when the prediction
   * arrives (16 ms of a render there with one core busy: npm run bench -- list). Absent where the
   * prediction did not come from the worker (a submission's: its modes carry their labels).
   */
  readings?: (LabelIndex | null)[];
  /**
   * A submission's predictions only: what of the file's entry for this scene could not be shown
   * (each a SubmissionError's message, naming the file, scenario, object and field); the rest is.
   */
  problems?: string[];
  /** Asked for by 'predict' probe: what the bench compares with Node (npm run bench -- model). */
  probe?: PredictProbe;
}

/** How one prediction's time was spent in the worker, and what the wasm backend runs with there. */
export interface PredictProbe {
  /** predictPairs' phases, ms (model/predictors.ts PHASES). */
  phases: PhaseTimes;
  /** On wasm: whether the SIMD binary runs, and its thread count (1: the single-threaded one). */
  wasm: { simd: boolean; threads: number } | null;
}

export type ModelResponse =
  | {
      type: 'ready';
      backend: string;
      choice: BackendChoice;
      /** Time to choose the backend (the measurement, when there was one), load and warm up, ms. */
      chooseMs: number;
      loadMs: number;
      warmupMs: number;
    }
  | { type: 'device-lost'; backend: string; destroyed: boolean }
  | { type: 'pong' }
  | { type: 'measured'; choice: BackendChoice }
  | { type: 'switched'; choice: BackendChoice }
  | { type: 'prediction'; id: number; prediction: PairPrediction }
  | { type: 'batch'; id: number; answers: BatchAnswer[] }
  | { type: 'error'; id?: number; message: string };
