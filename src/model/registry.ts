// The predictors ModeScope can run, one registry (after tfjs-models' create_detector.ts and
// constants.ts: what each model is, where it loads from, and its constants in one place). Each
// entry says where its weights come from and whether its latent modes mean pseudo labels;
// model/predictors.ts runs them. The model select, the split view, the file-level run, the URL and
// the worker read this table; later predictors (local models, imported submissions, quantized
// models) are new entries, not new UI. No tfjs here: the page's main bundle reads it.
import { LABEL_NAMES } from '../labels';
import type { Variant } from './config';

export type PredictorId = Variant | 'constant_velocity';

export interface Predictor {
  id: PredictorId;
  /** Shown in the model selects. */
  title: string;
  /** Where it comes from, for the model card line and the notes. */
  source: string;
  /**
   * Whether mode k means pseudo label k (LABEL_NAMES[k]): true only where a pseudo-label loss tied
   * the latent to the labels in training. Otherwise its modes are "mode 1..M", drawn in colours of
   * their own and never marked as the real outcome.
   */
  modesMeanLabels: boolean;
  /** Folder of its tfjs weights under the models base URL (model.json + weights.bin); null: none. */
  weights: string | null;
}

export const PREDICTORS: Record<PredictorId, Predictor> = {
  pseudo: {
    id: 'pseudo',
    title: 'pseudo-label CVAE',
    source: 'shipped, trained on synthetic scenes (public/models/pseudo)',
    modesMeanLabels: true,
    weights: 'models/pseudo/',
  },
  vanilla: {
    id: 'vanilla',
    title: 'vanilla CVAE',
    source: 'shipped, trained on synthetic scenes without the pseudo-label loss (public/models/vanilla)',
    modesMeanLabels: false,
    weights: 'models/vanilla/',
  },
  constant_velocity: {
    id: 'constant_velocity',
    title: 'constant velocity',
    source: 'baseline: each agent keeps its velocity at the step predicted from',
    modesMeanLabels: false,
    weights: null,
  },
};

export const PREDICTOR_IDS = Object.keys(PREDICTORS) as PredictorId[];

export function isPredictorId(v: unknown): v is PredictorId {
  return typeof v === 'string' && Object.hasOwn(PREDICTORS, v);
}

/** How a predictor's mode is named: its label's name where modes mean labels, else "mode k+1". */
export function modeName(id: PredictorId, mode: number): string {
  if (id === 'constant_velocity') return 'constant velocity';
  return PREDICTORS[id].modesMeanLabels ? (LABEL_NAMES[mode] ?? `mode ${mode + 1}`) : `mode ${mode + 1}`;
}

/** tfjs backends, fastest first on a machine with a real GPU; the app's 'auto' tries them in order. */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];
