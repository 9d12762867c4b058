// The viewer's state outside React: the animation loop reads and writes `time` every frame
// without rendering anything; React components subscribe to the slices they show.
import { poseAt } from '../scene/interpolate';
import { defaultPair } from '../labels/pairs';
import type { Scene } from '../scene/scene';
import type { BackendName } from '../model/registry';
import type { PairPrediction, PredictorName } from './model-protocol';
import type { Tour } from './presenter/tour';

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

/**
 * The whole step shown at fractional time `t`: the readout, the arrow keys, the prediction and the
 * URL all count from it (the epsilon absorbs float error in times written as step sums).
 */
export function stepAt(t: number): number {
  return Math.floor(t + 1e-6);
}

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
  /** Backend to try first; 'auto' is model/predictors.ts BACKEND_ORDER. */
  backend: 'auto' | BackendName;
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
  /** Why that backend (model/backends.ts describeChoice): the figures measured, or what failed. */
  backendWhy: string | null;
  /** Worker-side ms of the last prediction, and from request to answer. */
  latencyMs: number | null;
  roundTripMs: number | null;
  pending: boolean;
  message: string | null;
}

/** Presenter mode (presenter/): the panels folded away, a large caption; its theme and the black screen. */
export interface PresenterState {
  on: boolean;
  /** The high-contrast theme for projectors: black ground, brighter and wider map lines. */
  contrast: boolean;
  /** The screen blacked (`.`): nothing shows until `.` again. */
  black: boolean;
}

/** An open tour (presenter/tour.ts) and the stop shown last (0-based). */
export interface TourState {
  tour: Tour;
  stop: number;
  /** What went wrong opening the tour or its stop (a stop's scene not found, a file that failed). */
  error: string | null;
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
  /**
   * The pair the user chose to predict (track indices, A then B); null: the scene's own pair
   * (objects_of_interest, else tracks_to_predict). Real scenes often mark no pair at all.
   */
  pair: [number, number] | null;
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
  presenter: PresenterState;
  tour: TourState | null;
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
    pair: null,
    layers: { ...DEFAULT_LAYERS },
    camera: null,
    predict: { ...DEFAULT_PREDICT },
    prediction: null,
    compare: null,
    comparePrediction: null,
    model: {
      state: 'off',
      backend: null,
      backendWhy: null,
      latencyMs: null,
      roundTripMs: null,
      pending: false,
      message: null,
    },
    presenter: { on: false, contrast: false, black: false },
    tour: null,
  };
  private listeners = new Set<Listener>();

  get(): ViewerState {
    return this.s;
  }

  set(patch: Partial<ViewerState>): void {
    const prev = this.s;
    this.s = { ...prev, ...patch };
    // one time base: playback stopped without a new time rests on the whole step shown, so the
    // readout, the arrows, the prediction and the URL all name the same step
    if (prev.playing && !this.s.playing && patch.time === undefined) this.s.time = stepAt(this.s.time);
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

/**
 * The pair predicted, labelled and centred on by the graph: the user's choice, else the scene's
 * (objects_of_interest, else tracks_to_predict, else the real benchmark rule's first pair: DESIGN.md 6b).
 */
export function activePair(s: ViewerState): [number, number] | null {
  return s.pair ?? (s.scene ? defaultPair(s.scene) : null);
}

/**
 * The pair after making `track` agent A (`role` 0) or B (1). The other member stays; choosing
 * the other member swaps A and B. With no pair at all, the partner is the agent nearest `track`
 * at the current time, so one click gives a pair to refine.
 */
export function choosePair(s: ViewerState, role: 0 | 1, track: number): [number, number] | null {
  const scene = s.scene;
  if (!scene || track < 0 || track >= scene.tracks.count) return activePair(s);
  const cur = activePair(s);
  let other: number;
  if (cur) {
    other = cur[1 - role]!;
    if (other === track) other = cur[role]!;
  } else {
    const here = poseAt(scene.tracks, track, s.time);
    let best = Infinity;
    other = -1;
    for (let i = 0; i < scene.tracks.count; i++) {
      const p = i === track || !here ? null : poseAt(scene.tracks, i, s.time);
      const d = p ? Math.hypot(p.x - here!.x, p.y - here!.y) : Infinity;
      if (d < best) [best, other] = [d, i];
    }
    if (other < 0) return null;
  }
  return role === 0 ? [track, other] : [other, track];
}
