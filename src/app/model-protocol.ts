// Messages between the app and the model worker, and what a prediction looks like to the app.
import type { Variant } from '../model/config';
import type { ModePrediction } from '../model/predict';
import type { Scene } from '../scene/scene';

/** Scenes the worker keeps (the client mirrors it, so it knows when to post a scene again). */
export const SCENES_KEPT = 4;

export type PredictorName = Variant | 'constant_velocity';

export type ModelRequest =
  | { type: 'init'; baseUrl: string; variants: Variant[]; backend?: string }
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
    };

export interface PairPrediction {
  variant: PredictorName;
  /** The tfjs backend that computed it. */
  backend: string;
  sceneId: string;
  a: number;
  b: number;
  /** The step predicted from (history ends here). */
  t: number;
  /** Pseudo label of what really happened (whole scene) and its name. */
  label: number;
  labelName: string;
  /** Per mode: probability under the prior, label name, goals, joint samples in scene coordinates. */
  modes: ModePrediction[];
  prior: number[];
  /** q(z|x,y) given the real future after t; null when the scene has no steps after t. */
  posterior: number[] | null;
  /** Worker-side time for this prediction, ms. */
  latencyMs: number;
}

export type ModelResponse =
  | { type: 'ready'; backend: string; loadMs: number; warmupMs: number }
  | { type: 'prediction'; id: number; prediction: PairPrediction }
  | { type: 'error'; id?: number; message: string };
