// The pair fit (app/fit.ts): every point it is given lands inside the map area, padding kept, at
// any rotation, through the real view the app draws with (view.ts), and a small cluster is not
// zoomed in past the smallest extent.
import { describe, expect, it } from 'vitest';
import { fitPoints } from '../../src/app/fit';
import { RotatedOrthographicViewport } from '../../src/app/view';

/** Where the app's view puts scene point (x, y) for this camera and map size, in canvas pixels. */
function project(cam: NonNullable<ReturnType<typeof fitPoints>>, w: number, h: number, x: number, y: number) {
  const vp = new RotatedOrthographicViewport({
    width: w,
    height: h,
    zoom: cam.zoom,
    target: [cam.x, cam.y, 0],
    rotation: cam.rotation,
  });
  return vp.project([x, y, 0]);
}

describe('fitPoints', () => {
  // an L of points far from the origin, like real WOMD coordinates
  const pts = [4000, -2000, 4120, -2000, 4120, -1950, 4010, -1900, 4060, -1990];
  for (const rotation of [0, 30, 90, -135])
    for (const [w, h] of [
      [520, 264],
      [900, 360],
      [772, 994],
    ] as const)
      it(`keeps every point inside a ${w}x${h} map at rotation ${rotation}`, () => {
        const cam = fitPoints(pts, w, h, rotation)!;
        expect(cam.rotation).toBe(rotation);
        const xs: number[] = [];
        const ys: number[] = [];
        for (let k = 0; k < pts.length; k += 2) {
          const [px, py] = project(cam, w, h, pts[k]!, pts[k + 1]!);
          xs.push(px!);
          ys.push(py!);
        }
        // inside, 24 px padding kept (a hundredth of a pixel for float error)
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(24 - 0.01);
        expect(Math.max(...xs)).toBeLessThanOrEqual(w - 24 + 0.01);
        expect(Math.min(...ys)).toBeGreaterThanOrEqual(24 - 0.01);
        expect(Math.max(...ys)).toBeLessThanOrEqual(h - 24 + 0.01);
        // and tight on one axis: the fit fills the map, not a corner of it
        const fill = Math.max(
          (Math.max(...xs) - Math.min(...xs)) / (w - 48),
          (Math.max(...ys) - Math.min(...ys)) / (h - 48),
        );
        expect(fill).toBeGreaterThan(0.99);
      });

  it('frames at least 40 m around a pair standing still', () => {
    const cam = fitPoints([10, 10, 12, 11], 400, 400)!;
    const [a] = project(cam, 400, 400, cam.x - 20, cam.y);
    const [b] = project(cam, 400, 400, cam.x + 20, cam.y);
    expect(b! - a!).toBeCloseTo(400 - 48, 3);
  });

  it('gives nothing for no points', () => {
    expect(fitPoints([], 400, 400)).toBeNull();
  });
});
