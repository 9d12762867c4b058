// The viewer's state outside React: the animation loop reads and writes `time` every frame
// without rendering anything; React components subscribe to the slices they show.
import type { Scene } from '../scene/scene';
import type { PairPrediction, PredictorName } from './model-protocol';

export const LAYER_KEYS = [
  'lanes',
  'roadLines',
  'roadEdges',
  'crosswalks',
  'speedBumps',
  'driveways',
  'stopSigns',
  'signals',
  'agents',
  'trails',
  'future',
  'predictions',
  'graph',
] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
export type LayerToggles = Record<LayerKey, boolean>;

export const LAYER_LABELS: Record<LayerKey, string> = {
  lanes: 'Lane centres',
  roadLines: 'Road lines',
  roadEdges: 'Road edges',
  crosswalks: 'Crosswalks',
  speedBumps: 'Speed bumps',
  driveways: 'Driveways',
  stopSigns: 'Stop signs',
  signals: 'Traffic signals',
  agents: 'Agents',
  trails: 'History trails',
  future: 'Ground-truth future',
  predictions: 'Model predictions',
  graph: 'Interaction graph',
};

export const DEFAULT_LAYERS: LayerToggles = Object.fromEntries(
  LAYER_KEYS.map((k) => [k, k !== 'future']),
) as LayerToggles;

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface Camera {
  /** Target in scene metres. */
  x: number;
  y: number;
  zoom: number;
  /** Degrees, counter-clockwise. */
  rotation: number;
}

/** What the user asked the model for (predictions/). */
export interface PredictSettings {
  on: boolean;
  variant: PredictorName;
  samplesPerMode: number;
  /** Decode only this mode (resampled); null: every mode. */
  forcedMode: number | null;
  /** Draw only this mode (no new request); null: every mode. */
  shownMode: number | null;
  seed: number;
  /** Backend to try first; 'auto' is WebGPU, then WebGL, wasm, cpu. */
  backend: 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';
}

export const DEFAULT_PREDICT: PredictSettings = {
  on: true,
  variant: 'pseudo',
  samplesPerMode: 2,
  forcedMode: null,
  shownMode: null,
  seed: 1,
  backend: 'auto',
};

export interface ModelStatus {
  state: 'off' | 'loading' | 'ready' | 'error';
  /** The active tfjs backend of the worker. */
  backend: string | null;
  /** Worker-side ms of the last prediction, and from request to answer. */
  latencyMs: number | null;
  roundTripMs: number | null;
  pending: boolean;
  message: string | null;
}

export interface ViewerState {
  scene: Scene | null;
  /** Record index of the scene in the open file, -1 for none. */
  sceneIndex: number;
  /** Fractional step. */
  time: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  /** Selected track index, -1 for none. */
  selected: number;
  hovered: number;
  follow: boolean;
  layers: LayerToggles;
  /** null: fit the scene on the next draw. */
  camera: Camera | null;
  predict: PredictSettings;
  /** The latest prediction for the current scene (null when none yet). */
  prediction: PairPrediction | null;
  /** Split view: the model drawn beside the main one (null: no split), and its latest prediction. */
  compare: PredictorName | null;
  comparePrediction: PairPrediction | null;
  model: ModelStatus;
}

type Listener = (s: ViewerState, prev: ViewerState) => void;

export class Store {
  private s: ViewerState = {
    scene: null,
    sceneIndex: -1,
    time: 0,
    playing: false,
    speed: 1,
    loop: true,
    selected: -1,
    hovered: -1,
    follow: false,
    layers: { ...DEFAULT_LAYERS },
    camera: null,
    predict: { ...DEFAULT_PREDICT },
    prediction: null,
    compare: null,
    comparePrediction: null,
    model: { state: 'off', backend: null, latencyMs: null, roundTripMs: null, pending: false, message: null },
  };
  private listeners = new Set<Listener>();

  get(): ViewerState {
    return this.s;
  }

  set(patch: Partial<ViewerState>): void {
    const prev = this.s;
    this.s = { ...prev, ...patch };
    for (const l of this.listeners) l(this.s, prev);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }

  /** Last step index of the current scene. */
  lastStep(): number {
    return Math.max(0, (this.s.scene?.timestamps.length ?? 1) - 1);
  }
}
