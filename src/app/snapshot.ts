// Save PNG: what is on screen, every map shown (the main map, and the split view's second map
// beside it), each drawn now and placed where it sits on the page, at the canvases' own pixel
// density, with the split view's divider between them. A map that is not shown is not saved.
import type { Engine } from './engine';
import { BACKGROUND } from './palette';

/** The split view's divider (styles.css .compare-host::after): its colour and CSS width. */
const DIVIDER = '#3c424e';
const DIVIDER_PX = 2;

/** One PNG data URL of every engine's map, laid out as on the page. */
export async function snapshot(engines: readonly Engine[]): Promise<string> {
  if (engines.length === 0) throw new Error('no map to save');
  const shots = await Promise.all(
    engines.map(async (e) => {
      const img = new Image();
      img.src = e.screenshot();
      await img.decode();
      return { img, rect: e.parent.getBoundingClientRect() };
    }),
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
  return c.toDataURL('image/png');
}
