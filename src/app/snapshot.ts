// Save PNG: what is on screen, every map shown (the main map, and the split view's second map
// beside it), each drawn now and placed where it sits on the page, at the canvases' own pixel
// density, with the split view's divider between them. A map that is not shown is not saved.
// Figures (issue 17 item 4): `scale` 2 or 4 draws each map again off screen at that many times
// the page's pixel density (export/offscreen.ts: same view, same camera, sharper), and `caption`
// adds the caption strip (export/caption.ts) along the bottom of the whole image.
import type { Engine } from './engine';
import { BACKGROUND } from './palette';
import { drawCaption } from './export/caption';
import { OffscreenMap } from './export/offscreen';

/** Figure scales offered: print at 300 dpi wants about 2x to 4x a screen's 96 dpi. */
export const FIGURE_SCALES = [1, 2, 4] as const;
export type FigureScale = (typeof FIGURE_SCALES)[number];

export interface SnapshotOptions {
  scale?: FigureScale;
  caption?: boolean;
}

/** One map as a PNG data URL: the page's canvas at scale 1, else drawn off screen `scale` times denser. */
async function shot(e: Engine, scale: FigureScale): Promise<string> {
  const cam = e.store.get().camera;
  if (scale === 1 || !cam) return e.screenshot();
  const w = e.parent.clientWidth;
  const h = e.parent.clientHeight;
  const map = await OffscreenMap.open(e, {
    cssWidth: w,
    cssHeight: h,
    pixelRatio: (window.devicePixelRatio || 1) * scale,
    camera: cam,
  });
  try {
    return map.draw(e.store.get().time).toDataURL('image/png');
  } finally {
    map.close();
  }
}

/** The split view's divider (styles.css .compare-host::after): its colour and CSS width. */
const DIVIDER = '#3c424e';
const DIVIDER_PX = 2;

/** One PNG data URL of every engine's map, laid out as on the page. */
export async function snapshot(engines: readonly Engine[], o: SnapshotOptions = {}): Promise<string> {
  if (engines.length === 0) throw new Error('no map to save');
  const scale = o.scale ?? 1;
  // one after another: each off-screen copy is a WebGL context of its own, closed before the next
  const shots = [];
  for (const e of engines)
    shots.push(
      await (async () => {
        const img = new Image();
        img.src = await shot(e, scale);
        await img.decode();
        return { img, rect: e.parent.getBoundingClientRect() };
      })(),
    );
  // the canvases' pixels per CSS pixel (the device pixel ratio deck drew at)
  const ratio = shots[0]!.img.width / Math.max(1, shots[0]!.rect.width);
  const left = Math.min(...shots.map((s) => s.rect.left));
  const top = Math.min(...shots.map((s) => s.rect.top));
  const right = Math.max(...shots.map((s) => s.rect.right));
  const bottom = Math.max(...shots.map((s) => s.rect.bottom));
  const c = document.createElement('canvas');
  c.width = Math.round((right - left) * ratio);
  c.height = Math.round((bottom - top) * ratio);
  const g = c.getContext('2d')!;
  g.fillStyle = `rgb(${BACKGROUND[0]}, ${BACKGROUND[1]}, ${BACKGROUND[2]})`;
  g.fillRect(0, 0, c.width, c.height);
  for (const [k, s] of shots.entries()) {
    const x = Math.round((s.rect.left - left) * ratio);
    const y = Math.round((s.rect.top - top) * ratio);
    g.drawImage(s.img, x, y, Math.round(s.rect.width * ratio), Math.round(s.rect.height * ratio));
    if (k > 0) {
      g.fillStyle = DIVIDER;
      g.fillRect(x, y, Math.round(DIVIDER_PX * ratio), Math.round(s.rect.height * ratio));
    }
  }
  if (o.caption) drawCaption(g, engines[0]!.store.get(), c.width, c.height);
  return c.toDataURL('image/png');
}
