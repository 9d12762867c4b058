// View state in the URL, so a reload or a shared link reopens the same view:
// ?file=URL[&file=URL...]&predictions=URL[&predictions=URL...]&scene=ID&t=STEP&sel=TRACK_ID&follow=1&pair=ID_A,ID_B&off=layer,layer&cam=x,y,zoom,rotation
//  &local=NAME&model=VARIANT&n=SAMPLES&seed=N&force=MODE&backend=NAME&split=VARIANT&speed=X
//  &tour=URL&stop=N (an open tour, presenter/tour.ts, and its stop, 1-based)
//  &maxmb=N (the size cap on a file opened by link, MB; fetch-file.ts)
// Pure functions (Node unit tests in test/unit/viewer-state.test.ts, test/unit/url-notices.test.ts).
// Settings at their default are left out, and a malformed value is ignored (its default stays),
// never an error; urlNotices says, one line per parameter, what was ignored and why (what a link
// names that the open files lack, a scene, agent or time, is checked where the scene opens:
// hooks/useSceneSelection.ts).
import {
  BACKEND_ORDER,
  isBaseline,
  isPredictorId,
  type PredictorId as PredictorName,
} from '../model/registry';
import { DEFAULT_MAX_MB } from './fetch-file';
import { ignoredLine } from './notices';
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
  /** The size cap on a file opened by link, MB (?maxmb=); null or absent: DEFAULT_MAX_MB. */
  maxMb?: number | null;
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
    sel: Number.isInteger(num(q.get('sel'))) ? num(q.get('sel')) : null,
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
    maxMb: parseMaxMb(q.get('maxmb')) ?? undefined,
  };
}

/**
 * The largest cap a link may set, MB: 16 GB, past what a browser tab can hold in memory at all
 * (Chrome's limit on one tab's blobs is a fraction of the machine's memory); a larger value is a typo.
 */
const MAX_MAXMB = 16384;

function parseMaxMb(v: string | null): number | null {
  const n = num(v);
  return n !== null && n > 0 && n <= MAX_MAXMB ? n : null;
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
  if (v.maxMb != null && v.maxMb !== DEFAULT_MAX_MB) q.set('maxmb', String(v.maxMb));
  return q.toString().replace(/%2C/g, ',');
}

/** Parameters the page reads (here, and `list` in useScenarioFile for the bench's baseline). */
const KNOWN = new Set([
  'file',
  'predictions',
  'scene',
  't',
  'sel',
  'follow',
  'pair',
  'off',
  'on',
  'cam',
  'local',
  'model',
  'n',
  'seed',
  'force',
  'backend',
  'split',
  'speed',
  'tour',
  'stop',
  'maxmb',
  'list',
]);

/** Models a link may name before they are registered (models-local/, a submission by ?predictions=). */
const LATE_MODEL = /^(local|sub):./;

/**
 * One line per parameter of `search` that parseUrl ignored (malformed, out of range, unknown, or a
 * parameter the page does not read), naming it, its value and why. Values that may only be checked
 * against the open files (scene, t's upper end, sel, pair) are checked when the scene opens.
 */
export function urlNotices(search: string): string[] {
  const q = new URLSearchParams(search);
  const v = parseUrl(search);
  const out: string[] = [];
  const ignored = (k: string, value: string, why: string) => out.push(ignoredLine(k, value, why));
  for (const [k, value] of q) {
    if (!KNOWN.has(k)) ignored(k, value, 'not a parameter ModeScope reads');
    else if (value === '' && !['file', 'predictions'].includes(k)) ignored(k, value, 'empty');
  }
  const get = (k: string) => {
    const x = q.get(k);
    return x === null || x === '' ? null : x;
  };
  const t = get('t');
  if (t !== null && (num(t) === null || num(t)! < 0)) ignored('t', t, 'not a step number (0 or more)');
  const sel = get('sel');
  if (sel !== null && !Number.isInteger(num(sel))) ignored('sel', sel, 'not a track id (a whole number)');
  const follow = get('follow');
  if (follow !== null && follow !== '1' && follow !== '0') ignored('follow', follow, 'not 1 or 0');
  const pair = get('pair');
  if (pair !== null && !v.pair) ignored('pair', pair, 'not two track ids (ID_A,ID_B)');
  for (const k of ['off', 'on'] as const) {
    const bad = (get(k) ?? '').split(',').filter((x) => x && !(x in DEFAULT_LAYERS));
    if (bad.length) ignored(k, bad.join(','), `no such layer (the layers: ${LAYER_KEYS.join(', ')})`);
  }
  const cam = get('cam');
  if (cam !== null && !v.camera) ignored('cam', cam, 'not four numbers (x,y,zoom,rotation)');
  const model = get('model');
  if (model !== null && model !== v.predict.variant && !LATE_MODEL.test(model))
    ignored('model', model, 'no model of that name');
  const split = get('split');
  if (split !== null && split !== v.compare && !LATE_MODEL.test(split))
    ignored('split', split, 'no model of that name');
  const n = get('n');
  if (n !== null && String(v.predict.samplesPerMode) !== n && num(n) !== v.predict.samplesPerMode)
    ignored('n', n, 'not a whole number from 1 to 20');
  const seed = get('seed');
  if (seed !== null && num(seed) !== v.predict.seed) ignored('seed', seed, 'not a whole number of 1 or more');
  const force = get('force');
  if (force !== null && num(force) !== v.predict.forcedMode)
    ignored(
      'force',
      force,
      isBaseline(v.predict.variant) ? 'the model has no modes to force' : 'not 0, 1 or 2',
    );
  const backend = get('backend');
  if (backend !== null && backend !== v.predict.backend)
    ignored('backend', backend, `no such backend (the backends: ${BACKENDS.join(', ')})`);
  const speed = get('speed');
  if (speed !== null && num(speed) !== v.speed) ignored('speed', speed, `not one of ${SPEEDS.join(', ')}`);
  const stop = get('stop');
  if (stop !== null && v.stop === null)
    ignored('stop', stop, get('tour') ? 'not a stop number (1 or more)' : 'no tour= to stop in');
  const maxmb = get('maxmb');
  if (maxmb !== null && v.maxMb == null)
    ignored('maxmb', maxmb, `not a size in MB above 0 and up to ${MAX_MAXMB}`);
  return out;
}
