// View state in the URL, so a reload or a shared link reopens the same view:
// ?file=URL[&file=URL...]&predictions=URL[&predictions=URL...]&scene=ID&t=STEP&sel=TRACK_ID&follow=1&pair=ID_A,ID_B&off=layer,layer&cam=x,y,zoom,rotation
//  &local=NAME&model=VARIANT&n=SAMPLES&seed=N&force=MODE&backend=NAME&split=VARIANT&speed=X
//  &tour=URL&stop=N (an open tour, presenter/tour.ts, and its stop, 1-based)
// Pure functions (Node unit tests in test/unit/viewer-state.test.ts). Settings at their default
// are left out, and a malformed value is ignored (its default stays), never an error.
import {
  BACKEND_ORDER,
  isBaseline,
  isPredictorId,
  type PredictorId as PredictorName,
} from '../model/registry';
import {
  DEFAULT_LAYERS,
  DEFAULT_PREDICT,
  LAYER_KEYS,
  SPEEDS,
  type Camera,
  type LayerToggles,
  type PredictSettings,
} from './store';

/** The model settings a URL can carry (the rest of PredictSettings is per-session). */
export type UrlPredict = Pick<
  PredictSettings,
  'variant' | 'samplesPerMode' | 'seed' | 'forcedMode' | 'backend'
>;

const BACKENDS: PredictSettings['backend'][] = ['auto', ...BACKEND_ORDER];

export interface UrlView {
  /** Files opened by URL (?file= repeated), in order; empty: the bundled demo. */
  files: string[];
  /** WOMD challenge submissions opened by URL (?predictions= repeated; app/submissions.ts), in order. */
  predictions: string[];
  scene: string | null;
  t: number | null;
  /** Track ID (not index) of the selected agent. */
  sel: number | null;
  follow: boolean;
  /** Track IDs of a pair the user chose (A, B); null: the scene's own. */
  pair: [number, number] | null;
  layers: LayerToggles;
  camera: Camera | null;
  /**
   * Name of a file the user opened from their disk: a reload cannot reopen it (the browser gives
   * pages no path), so the app asks for it again and restores the view when it is opened.
   */
  local: string | null;
  predict: UrlPredict;
  /** The split view's model; null: no split view. */
  compare: PredictorName | null;
  speed: number;
  /** A tour opened by URL (presenter/tour.ts); null: none. */
  tour: string | null;
  /** The tour's stop shown, 0-based (1-based in the URL); null: none named. */
  stop: number | null;
}

const num = (v: string | null): number | null => {
  if (v === null || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

export function parseUrl(search: string): UrlView {
  const q = new URLSearchParams(search);
  const layers = { ...DEFAULT_LAYERS };
  const off = q.get('off');
  const on = q.get('on');
  if (off !== null) for (const k of off.split(',')) if (k in layers) layers[k as keyof LayerToggles] = false;
  if (on !== null) for (const k of on.split(',')) if (k in layers) layers[k as keyof LayerToggles] = true;
  const cam = q.get('cam')?.split(',').map(Number);
  const pair = q.get('pair')?.split(',').map(Number);
  const split = q.get('split');
  return {
    files: q.getAll('file'),
    predictions: q.getAll('predictions'),
    scene: q.get('scene'),
    t: num(q.get('t')),
    sel: num(q.get('sel')),
    follow: q.get('follow') === '1',
    pair: pair && pair.length === 2 && pair.every(Number.isInteger) ? [pair[0]!, pair[1]!] : null,
    layers,
    camera:
      cam && cam.length === 4 && cam.every(Number.isFinite)
        ? { x: cam[0]!, y: cam[1]!, zoom: cam[2]!, rotation: cam[3]! }
        : null,
    local: q.has('file') ? null : q.get('local'),
    predict: parsePredict(q),
    compare: isPredictorId(split) ? split : null,
    speed: SPEEDS.find((v) => v === num(q.get('speed'))) ?? 1,
    tour: q.get('tour') || null,
    stop: parseStop(q),
  };
}

/** The 1-based `stop` as a 0-based index; a stop without a tour, or not a whole number >= 1, is none. */
function parseStop(q: URLSearchParams): number | null {
  const n = num(q.get('stop'));
  return q.get('tour') && n !== null && Number.isInteger(n) && n >= 1 ? n - 1 : null;
}

function parsePredict(q: URLSearchParams): UrlPredict {
  const p: UrlPredict = {
    variant: DEFAULT_PREDICT.variant,
    samplesPerMode: DEFAULT_PREDICT.samplesPerMode,
    seed: DEFAULT_PREDICT.seed,
    forcedMode: DEFAULT_PREDICT.forcedMode,
    backend: DEFAULT_PREDICT.backend,
  };
  const model = q.get('model');
  if (isPredictorId(model)) p.variant = model;
  const n = num(q.get('n'));
  // the same bounds as the samples box
  if (n !== null && Number.isInteger(n) && n >= 1 && n <= 20) p.samplesPerMode = n;
  const seed = num(q.get('seed'));
  if (seed !== null && Number.isInteger(seed) && seed >= 1) p.seed = seed;
  const force = num(q.get('force'));
  if (force !== null && Number.isInteger(force) && force >= 0 && force < 3 && !isBaseline(p.variant))
    p.forcedMode = force;
  const backend = q.get('backend') as PredictSettings['backend'] | null;
  if (backend && BACKENDS.includes(backend)) p.backend = backend;
  return p;
}

export function formatUrl(v: UrlView): string {
  const q = new URLSearchParams();
  for (const f of v.files) q.append('file', f);
  for (const f of v.predictions) q.append('predictions', f);
  if (v.scene) q.set('scene', v.scene);
  // truncated, never rounded up: 43.996 must reload as step 43, the step it showed
  if (v.t !== null) q.set('t', String(Math.floor(v.t * 100 + 1e-6) / 100));
  if (v.sel !== null) q.set('sel', String(v.sel));
  if (v.follow) q.set('follow', '1');
  if (v.pair) q.set('pair', v.pair.join(','));
  const off = LAYER_KEYS.filter((k) => DEFAULT_LAYERS[k] && !v.layers[k]);
  const on = LAYER_KEYS.filter((k) => !DEFAULT_LAYERS[k] && v.layers[k]);
  if (off.length) q.set('off', off.join(','));
  if (on.length) q.set('on', on.join(','));
  if (v.camera) {
    const c = v.camera;
    q.set('cam', [c.x.toFixed(2), c.y.toFixed(2), c.zoom.toFixed(3), c.rotation.toFixed(1)].join(','));
  }
  if (v.local && v.files.length === 0) q.set('local', v.local);
  const p = v.predict;
  if (p.variant !== DEFAULT_PREDICT.variant) q.set('model', p.variant);
  if (p.samplesPerMode !== DEFAULT_PREDICT.samplesPerMode) q.set('n', String(p.samplesPerMode));
  if (p.seed !== DEFAULT_PREDICT.seed) q.set('seed', String(p.seed));
  if (p.forcedMode !== null) q.set('force', String(p.forcedMode));
  if (p.backend !== DEFAULT_PREDICT.backend) q.set('backend', p.backend);
  if (v.compare) q.set('split', v.compare);
  if (v.speed !== 1) q.set('speed', String(v.speed));
  if (v.tour) q.set('tour', v.tour);
  if (v.tour && v.stop !== null) q.set('stop', String(v.stop + 1));
  return q.toString().replace(/%2C/g, ',');
}
