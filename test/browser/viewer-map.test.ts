// What the viewer draws: every map element type at its place and in its colour (the gallery scene
// from viewer-fixtures), agents at their interpolated poses, and a real WOMD scene. Screenshots of
// each element group go to test-results/viewer-map-*.png to be looked at.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import {
  BACKGROUND,
  ROAD_EDGE_COLORS,
  roadLineStyle,
  signalColor,
  STOP_SIGN_COLOR,
  type RGBA,
} from '../../src/app/palette';
import { RoadEdgeType, RoadLineType, SignalState } from '../../src/scene/scene';
import { GALLERY, pickAgentAt, pixelAt, waitForScene, writeGalleryFile } from './viewer-fixtures';

const REAL = join(import.meta.dirname, '../../../shared/womd/motion_data_one_scenario.tfrecord');
let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
  await page.getByTestId('file-input').setInputFiles(writeGalleryFile(['gallery']));
  await waitForScene(page, 'gallery');
  // the legend and the model's panel would cover part of the close-ups, and predictions the agents
  await page.locator('[data-testid="layer-panel"] summary').click();
  await page.getByTestId('predict-toggle').uncheck();
  await page.getByTestId('mode-panel').evaluate((d) => ((d as HTMLDetailsElement).open = false));
});
afterAll(async () => {
  await h?.close();
});

async function look(x: number, y: number, zoom: number, name: string, time = 10) {
  await page.evaluate(
    ([x, y, zoom, time]) => {
      const m = window.__modescope!;
      m.store.set({ camera: { x, y, zoom, rotation: 0 }, follow: false, time, playing: false });
      m.engine.drawNow('test');
    },
    [x, y, zoom, time] as const,
  );
  await page.waitForTimeout(100);
  await page.getByTestId('viewer').screenshot({ path: join(RESULTS_DIR, `viewer-map-${name}.png`) });
}

/** The colour a layer colour gives over the background, after alpha blending. */
const over = (c: RGBA) => [0, 1, 2].map((k) => c[k]! * (c[3] / 255) + BACKGROUND[k]! * (1 - c[3] / 255));
const near = (got: number[], want: number[], tol = 12) =>
  want.every((v, k) => Math.abs(got[k]! - v) <= tol) || `${got} not near ${want}`;
const BG = [BACKGROUND[0], BACKGROUND[1], BACKGROUND[2]];

describe('map elements', () => {
  it('draws every lane, road line and road edge type', async () => {
    await look(115, 15, 1.9, 'lines'); // the whole gallery, x 0-230 m
    await look(40, 10, 4.3, 'lines-close');
    const white = over(roadLineStyle(RoadLineType.SolidSingleWhite).color);
    const yellow = over(roadLineStyle(RoadLineType.SolidSingleYellow).color);
    const solidWhite = GALLERY.roadLines[1]!;
    expect(near(await pixelAt(page, solidWhite.x + 10, solidWhite.y, 6), white)).toBe(true);
    const solidYellow = GALLERY.roadLines[5]!;
    expect(near(await pixelAt(page, solidYellow.x + 10, solidYellow.y, 6), yellow)).toBe(true);
    // a double line leaves a gap between its two lines, 0.15 m either side of the centre
    const doubleYellow = GALLERY.roadLines[6]!;
    expect(near(await pixelAt(page, doubleYellow.x + 10, doubleYellow.y, 7), BG)).toBe(true);
    expect(near(await pixelAt(page, doubleYellow.x + 10, doubleYellow.y + 0.15, 7), yellow)).toBe(true);
    expect(near(await pixelAt(page, doubleYellow.x + 10, doubleYellow.y - 0.15, 7), yellow)).toBe(true);
    // broken white: paint at a dash (0-3 m), background in the gap (3-12 m)
    const broken = GALLERY.roadLines[0]!;
    expect(near(await pixelAt(page, broken.x + 1.5, broken.y, 6), white)).toBe(true);
    expect(near(await pixelAt(page, broken.x + 7, broken.y, 6), BG)).toBe(true);
    const median = GALLERY.roadEdges[1]!;
    expect(
      near(await pixelAt(page, median.x + 10, median.y, 6), over(ROAD_EDGE_COLORS[RoadEdgeType.Median]!)),
    ).toBe(true);
  });

  it('draws crosswalks, speed bumps, driveways, stop signs and signals in their state', async () => {
    await look(64, 34, 2.5, 'areas'); // crosswalk (x 0) to the last signal (x 132)
    for (const a of [GALLERY.crosswalk, GALLERY.speedBump, GALLERY.driveway])
      expect(near(await pixelAt(page, a.x + a.w / 2, a.y + a.h / 2), BG)).not.toBe(true);
    const s = GALLERY.stopSign;
    expect(near(await pixelAt(page, s.x, s.y), over(STOP_SIGN_COLOR))).toBe(true);
    // signal 0 is Stop for steps 0-29, Caution 30-59, Go 60-90
    const sig = GALLERY.signals[0]!;
    const cases: [number, number][] = [
      [10, SignalState.Stop],
      [45, SignalState.Caution],
      [75, SignalState.Go],
    ];
    for (const [t, state] of cases) {
      await look(126, 34, 4, `signals-step${t}`, t);
      expect(near(await pixelAt(page, sig.x, sig.y), over(signalColor(state)))).toBe(true);
    }
  });
});

describe('agents', () => {
  it('draws each agent box at its interpolated pose and hides invalid states', async () => {
    await look(12, 68, 3.3, 'agents', 12.5);
    // picking at the CPU-interpolated pose finds the same agent the GPU drew there
    for (const t of [0, 10, 12.5, 47.3, 90]) expect(await pickAgentAt(page, 0, t)).toBe(0);
    expect(await pickAgentAt(page, 1, 33.7)).toBe(1);
    // agent 4 is invalid before step 30: nothing is drawn at its place
    expect(await pickAgentAt(page, 4, 10)).toBe(null);
    expect(await pickAgentAt(page, 4, 40)).toBe(4);
    // the box has the agent's real size (4.5 x 2 m, heading east)
    expect(await pickAgentAt(page, 0, 40, [2.1, 0])).toBe(0);
    expect(await pickAgentAt(page, 0, 40, [2.5, 0])).toBe(null);
    expect(await pickAgentAt(page, 0, 40, [0, 0.9])).toBe(0);
    expect(await pickAgentAt(page, 0, 40, [0, 1.2])).toBe(null);
    // and keeps it in a rotated view
    await page.evaluate(() => {
      const m = window.__modescope!;
      m.store.set({ camera: { ...m.store.get().camera!, rotation: 40 } });
    });
    expect(await pickAgentAt(page, 0, 40, [2.1, 0])).toBe(0);
    expect(await pickAgentAt(page, 0, 40, [2.5, 0])).toBe(null);
    await page.getByTestId('viewer').screenshot({ path: join(RESULTS_DIR, 'viewer-map-agents-rotated.png') });
    await look(20, 65, 3.3, 'agents-step40', 40);
  });
});

describe.skipIf(!existsSync(REAL))('real WOMD scene', () => {
  it('draws the real scene and its map', async () => {
    await page.getByTestId('file-input').setInputFiles(REAL);
    await waitForScene(page, '637f20cafde22ff8');
    await page.evaluate(() => {
      const m = window.__modescope!;
      m.store.set({ camera: null });
      m.engine.drawNow('test');
    });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-map-real.png') });
    const sdc = await page.evaluate(() => window.__modescope!.store.get().scene!.sdc);
    expect(await pickAgentAt(page, sdc, 10)).toBe(sdc);
    const p = await page.evaluate((sdc) => {
      const m = window.__modescope!;
      return m.poseAt(m.store.get().scene!.tracks, sdc, 10)!;
    }, sdc);
    await look(p.x, p.y, 3, 'real-close', 10);
  });
});
