// Messages between the app and the model worker, and what a prediction looks like to the app.
import type { Variant } from '../model/config';
import type { ModePrediction } from '../model/predict';
import type { Scene } from '../scene/scene';

/** Scenes the worker keeps (the client mirrors it, so it knows when to post a scene again). */
export const SCENES_KEPT = 4;

export type PredictorName = Variant | 'constant_velocity';

export interface PredictorInfo {
  /** Shown in the model selects. */
  title: string;
  /**
   * Whether mode k of this predictor means pseudo label k (LABEL_NAMES[k]): true only where a
   * pseudo-label loss tied the latent to the labels in training. Otherwise its modes are shown as
   * "mode 1..M", in colours of their own, and never marked as the real outcome.
   */
  modesMeanLabels: boolean;
}

/** Every predictor the app can run, in menu order. */
export const PREDICTORS: Record<PredictorName, PredictorInfo> = {
  pseudo: { title: 'pseudo-label CVAE', modesMeanLabels: true },
  vanilla: { title: 'vanilla CVAE', modesMeanLabels: false },
  constant_velocity: { title: 'constant velocity', modesMeanLabels: false },
};

/** How a predictor's mode is named: its label's name where modes mean labels, else "mode k+1". */
export function modeName(variant: PredictorName, mode: number, labelNames: readonly string[]): string {
  if (variant === 'constant_velocity') return 'constant velocity';
  return PREDICTORS[variant].modesMeanLabels ? (labelNames[mode] ?? `mode ${mode + 1}`) : `mode ${mode + 1}`;
}

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
      /** See PredictOptions.meansFirst. */
      meansFirst?: boolean;
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
