// The predictors ModeScope can run, one registry (after tfjs-models' create_detector.ts and
// constants.ts: what each model is, where it loads from, and its constants in one place). Each
// entry says where its weights come from and whether its latent modes mean pseudo labels;
// model/predictors.ts runs them. The model select, the split view, the file-level run, the URL and
// the worker read this table. The shipped entries are fixed; models found at run time join it with
// registerPredictor (DESIGN.md 6b: weights trained on real WOMD live in models-local/, listed by the
// dev server, or in a folder the user opens) and every consumer lists them without new UI.
// No tfjs here: the page's main bundle reads it.
import { LABEL_NAMES } from '../labels';
import { VARIANTS, type Variant } from './config';
import type { ModelJson } from './weights-check';

/** The predictors every build ships. */
export type ShippedId = Variant | QuantizedId | 'constant_velocity' | 'kinematic';
/** The shipped CVAEs stored at layer-wise mixed precision (issue 19, `npm run quantize`, model/quantize.ts). */
export type QuantizedId = `${Variant}-q`;

/**
 * A predictor of the registry: a shipped one (ShippedId), `local:NAME` (models-local/NAME, listed by
 * the dev server) or `file:NAME` (a model folder the user opened). Check strings with isPredictorId.
 */
export type PredictorId = string;

/** Where a predictor's tfjs weights (model.json + its shards) come from. */
export type WeightsSource =
  /** A folder URL relative to the app's base URL, ending in '/': DIR/model.json names its shards. */
  | { kind: 'url'; dir: string }
  /** Files the user picked: the model.json and its shards' bytes by manifest path. */
  | { kind: 'files'; name: string; json: ModelJson; files: Map<string, ArrayBuffer> };

export interface Predictor {
  id: PredictorId;
  /** Shown in the model selects. */
  title: string;
  /** Where it comes from, for the model card line and the notes. */
  source: string;
  /**
   * Shipped with every build, found in models-local/ by the dev server, opened from disk, or a WOMD
   * challenge submission the user opened (`sub:NAME`, issue 16): another model's predictions read
   * from its file, run by nobody (app/submissions.ts looks them up on the page's thread).
   */
  origin: 'shipped' | 'local' | 'file' | 'submission';
  /**
   * Whether mode k means pseudo label k (LABEL_NAMES[k]): true only where a pseudo-label loss tied
   * the latent to the labels in training. Otherwise its modes are "mode 1..M", drawn in colours of
   * their own and never marked as the real outcome.
   */
  modesMeanLabels: boolean;
  /** Its tfjs weights; null: none (the baselines: constant velocity, kinematic). */
  weights: WeightsSource | null;
}

export const SHIPPED_PREDICTORS: Readonly<Record<ShippedId, Predictor>> = {
  pseudo: {
    id: 'pseudo',
    title: 'pseudo-label CVAE',
    source: 'shipped, trained on synthetic scenes (public/models/pseudo)',
    origin: 'shipped',
    modesMeanLabels: true,
    weights: { kind: 'url', dir: 'models/pseudo/' },
  },
  vanilla: {
    id: 'vanilla',
    title: 'vanilla CVAE',
    source: 'shipped, trained on synthetic scenes without the pseudo-label loss (public/models/vanilla)',
    origin: 'shipped',
    modesMeanLabels: false,
    weights: { kind: 'url', dir: 'models/vanilla/' },
  },
  'pseudo-q': {
    id: 'pseudo-q',
    title: 'pseudo-label CVAE, quantized',
    source:
      'the shipped pseudo-label CVAE at layer-wise mixed precision, 2-16 bits per layer by measured importance (public/models/pseudo-q, npm run quantize)',
    origin: 'shipped',
    modesMeanLabels: true,
    weights: { kind: 'url', dir: 'models/pseudo-q/' },
  },
  'vanilla-q': {
    id: 'vanilla-q',
    title: 'vanilla CVAE, quantized',
    source:
      'the shipped vanilla CVAE at layer-wise mixed precision, 2-16 bits per layer by measured importance (public/models/vanilla-q, npm run quantize)',
    origin: 'shipped',
    modesMeanLabels: false,
    weights: { kind: 'url', dir: 'models/vanilla-q/' },
  },
  constant_velocity: {
    id: 'constant_velocity',
    title: 'constant velocity',
    source: 'baseline: each agent keeps its velocity at the step predicted from',
    origin: 'shipped',
    modesMeanLabels: false,
    weights: null,
  },
  kinematic: {
    id: 'kinematic',
    title: 'kinematic (CV/CTRA ×6)',
    source:
      'baseline: constant turn rate and acceleration hypotheses per agent (brake, keep, accelerate × yaw rate ± a spread), the 6 most probable joint combinations (model/kinematic.ts)',
    origin: 'shipped',
    modesMeanLabels: false,
    weights: null,
  },
};

/** The shipped ids, in the order the selects list them (evaluation scores these). */
export const SHIPPED_IDS = Object.keys(SHIPPED_PREDICTORS) as ShippedId[];

const entries = new Map<PredictorId, Predictor>(SHIPPED_IDS.map((id) => [id, SHIPPED_PREDICTORS[id]]));
let snapshot: readonly Predictor[] = [...entries.values()];
const listeners = new Set<() => void>();

/**
 * The prefix of ids found at run time: models-local/ (dev server), a folder opened from disk, or a
 * submission file opened (its predictions, no weights).
 */
const RUNTIME_ID = /^(local|file|sub):\S/;

/**
 * Adds a predictor found at run time (or replaces the one with its id). Shipped entries are fixed,
 * and run-time ids start with 'local:' or 'file:'.
 */
export function registerPredictor(p: Predictor): void {
  if (Object.hasOwn(SHIPPED_PREDICTORS, p.id)) throw new Error(`predictor '${p.id}' is shipped and fixed`);
  if (!RUNTIME_ID.test(p.id))
    throw new Error(`predictor id '${p.id}' must start with 'local:', 'file:' or 'sub:'`);
  entries.set(p.id, p);
  snapshot = [...entries.values()];
  for (const l of listeners) l();
}

/** Every predictor, shipped first, then the ones registered, in registration order (a stable array until the next change). */
export function predictorList(): readonly Predictor[] {
  return snapshot;
}

/** Calls `l` after each registration; returns the unsubscribe (React's useSyncExternalStore). */
export function onPredictorsChange(l: () => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}

export function isPredictorId(v: unknown): v is PredictorId {
  return typeof v === 'string' && entries.has(v);
}

/** The entry of `id`; throws naming it when it is not registered (check with isPredictorId). */
export function getPredictor(id: PredictorId): Predictor {
  const p = entries.get(id);
  if (!p) throw new Error(`no predictor '${id}' in the registry`);
  return p;
}

/** `prefix:name`, or `prefix:name (2)`, (3)… when that id is taken: a folder opened twice gets two entries. */
export function freePredictorId(prefix: 'local' | 'file' | 'sub', name: string): PredictorId {
  const base = `${prefix}:${name.trim() || 'model'}`;
  let id = base;
  for (let k = 2; entries.has(id); k++) id = `${base} (${k})`;
  return id;
}

/**
 * Whether a predictor runs without weights (the baselines, and submissions: a file's predictions):
 * no latent, no sampling, no forced mode.
 */
export function isBaseline(id: PredictorId): boolean {
  return entries.get(id)?.weights === null;
}

/** Whether `id` is a submission's predictions (origin 'submission'): answered on the page, never by the worker. */
export function isSubmission(id: PredictorId): boolean {
  return entries.get(id)?.origin === 'submission';
}

/**
 * How a predictor's mode is named: its label's name where modes mean labels, else "mode k+1". The
 * kinematic baseline names each joint prediction by its hypotheses ('A brakes · B keeps'): pass the
 * prediction's mode label to get that name ("hypothesis k+1" without it).
 */
export function modeName(id: PredictorId, mode: number, label?: string): string {
  if (id === 'constant_velocity') return 'constant velocity';
  if (id === 'kinematic') return label ?? `hypothesis ${mode + 1}`;
  // a submission's joint predictions, ranked by confidence (the mode table says what each one shows)
  if (isSubmission(id)) return `future ${mode + 1}`;
  return entries.get(id)?.modesMeanLabels ? (LABEL_NAMES[mode] ?? `mode ${mode + 1}`) : `mode ${mode + 1}`;
}

/** What a model card (model.json's userDefinedMetadata, model/train.ts trainingCard) says about training. */
export interface ModelCardSummary {
  /** The variant trained ('pseudo', 'vanilla'); null: not recorded. */
  variant: string | null;
  /** The pseudo-label loss weight (train.labelWeight); null: not recorded. */
  labelWeight: number | null;
  /** Whether a pseudo-label loss tied the latent to the labels: labelWeight > 0, else the variant's. */
  modesMeanLabels: boolean;
  /** Training scenes and samples, optimiser steps, the data folder, the commit. */
  trainScenes: number | null;
  trainSamples: number | null;
  steps: number | null;
  dataDir: string | null;
  commit: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/**
 * The summary of a model card. The modes mean labels only where the card shows a pseudo-label loss:
 * its train.labelWeight > 0, or (no weight recorded) a variant trained with one; anything else
 * (no card, an unknown variant) gets plain "mode k" names, never label names it may not deserve.
 */
export function cardSummary(card: unknown): ModelCardSummary {
  const c = obj(card);
  const variant = str(c.variant);
  const labelWeight = num(obj(c.train).labelWeight);
  const known = variant !== null && Object.hasOwn(VARIANTS, variant);
  const data = obj(c.data);
  return {
    variant,
    labelWeight,
    modesMeanLabels:
      labelWeight !== null ? labelWeight > 0 : known && VARIANTS[variant as Variant].labelWeight > 0,
    trainScenes: num(data.trainScenes),
    trainSamples: num(data.trainSamples),
    steps: num(c.steps),
    dataDir: str(data.dir),
    commit: str(c.commit),
  };
}

/** One line of a card summary: "variant pseudo, pseudo-label loss 1, 12440 steps on 20000 scenes (data/…)". */
export function describeCard(s: ModelCardSummary): string {
  const parts = [
    s.variant !== null ? `variant ${s.variant}` : 'no variant recorded',
    s.labelWeight !== null
      ? `pseudo-label loss ${s.labelWeight}`
      : s.modesMeanLabels
        ? 'pseudo-label loss (by its variant)'
        : 'no pseudo-label loss recorded',
  ];
  if (s.steps !== null)
    parts.push(`${s.steps} steps${s.trainScenes !== null ? ` on ${s.trainScenes} scenes` : ''}`);
  if (s.dataDir !== null) parts.push(`data ${s.dataDir}`);
  return parts.join(', ');
}

/** A model of models-local/ as the dev server lists it (GET models-local/index.json). */
export interface LocalModelInfo {
  /** Its folder's name under models-local/. */
  name: string;
  card: ModelCardSummary;
  /** The bytes its manifest's weights take (all shards). */
  weightsBytes: number;
  /** What does not fit this build's network (a WeightsError's message: file and problem); null: it fits. */
  problem: string | null;
}

/** The registry entry of a models-local/ folder, served by the dev server under models-local/NAME/. */
export function localPredictor(m: LocalModelInfo): Predictor {
  return {
    id: `local:${m.name}`,
    title: `${m.name} (local${m.card.modesMeanLabels ? ', pseudo-label' : ''}${m.problem ? ', does not fit' : ''})`,
    source: `local, models-local/${m.name}: ${m.problem ?? describeCard(m.card)}`,
    origin: 'local',
    modesMeanLabels: m.card.modesMeanLabels,
    weights: { kind: 'url', dir: `models-local/${encodeURIComponent(m.name)}/` },
  };
}

/** The registry entry of a model folder opened from disk (its model.json already checked). */
export function filePredictor(
  id: PredictorId,
  name: string,
  json: ModelJson,
  files: Map<string, ArrayBuffer>,
): Predictor {
  const card = cardSummary(json.userDefinedMetadata);
  return {
    id,
    title: `${id.replace(/^file:/, '')} (opened${card.modesMeanLabels ? ', pseudo-label' : ''})`,
    source: `opened from disk: ${name}: ${describeCard(card)}`,
    origin: 'file',
    modesMeanLabels: card.modesMeanLabels,
    weights: { kind: 'files', name, json, files },
  };
}

/** tfjs backends, fastest first on a machine with a real GPU; the app's 'auto' tries them in order. */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];
