// View state in the URL, so a reload or a shared link reopens the same view:
// ?file=URL&scene=ID&t=STEP&sel=TRACK_ID&follow=1&pair=ID_A,ID_B&off=layer,layer&cam=x,y,zoom,rotation
import { DEFAULT_LAYERS, LAYER_KEYS, type Camera, type LayerToggles } from './store';

export interface UrlView {
  file: string | null;
  scene: string | null;
  t: number | null;
  /** Track ID (not index) of the selected agent. */
  sel: number | null;
  follow: boolean;
  /** Track IDs of a pair the user chose (A, B); null: the scene's own. */
  pair: [number, number] | null;
  layers: LayerToggles;
  camera: Camera | null;
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
  return {
    file: q.get('file'),
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
  };
}

export function formatUrl(v: UrlView): string {
  const q = new URLSearchParams();
  if (v.file) q.set('file', v.file);
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
  return q.toString().replace(/%2C/g, ',');
}
