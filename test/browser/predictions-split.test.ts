// Split view: a second model beside the main one. Both maps show the same camera (a point lands on
// the same pixel in both, before and after a pan) and the same time (a scrub re-predicts both
// models from the new step); the right map draws the compared model in the mode colours.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODE_COLORS, PLAIN_MODE_COLORS } from '../../src/app/palette';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { countColors, waitForScene } from './viewer-fixtures';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Both models have answered from step t for the shown scene, the compared one being `variant`. */
async function waitForBoth(t: number, variant = 'vanilla') {
  await page.waitForFunction(
    ({ t, variant }) => {
      const s = window.__modescope!.store.get();
      const id = s.scene?.id;
      return (
        s.prediction?.sceneId === id &&
        s.prediction?.t === t &&
        s.comparePrediction?.sceneId === id &&
        s.comparePrediction?.t === t &&
        s.comparePrediction.variant === variant
      );
    },
    { t, variant },
    { timeout: 120_000 },
  );
}

/** A scene point projected by both engines, after both drew the current store. */
const projectBoth = () =>
  page.evaluate(() => {
    const m = window.__modescope!;
    const c = window.__modescopeCompare!;
    const s = m.store.get();
    m.engine.drawNow('test');
    c.drawNow('test');
    const cam = s.camera!;
    const pt = [cam.x + 12, cam.y - 7] as const;
    return { main: m.engine.project(...pt), compare: c.project(...pt) };
  });

describe('split view', () => {
  it('draws the vanilla CVAE beside the pseudo-label CVAE with the camera in sync', async () => {
    await page.selectOption('[data-testid=compare-variant]', 'vanilla');
    await waitForBoth(10);
    const a = await projectBoth();
    expect(a.compare[0]).toBeCloseTo(a.main[0], 3);
    expect(a.compare[1]).toBeCloseTo(a.main[1], 3);
    // pan and zoom: both follow
    await page.evaluate(() => {
      const s = window.__modescope!.store;
      const cam = s.get().camera!;
      s.set({ camera: { ...cam, x: cam.x + 20, zoom: cam.zoom + 0.5, rotation: 30 } });
    });
    const b = await projectBoth();
    expect(b.compare[0]).toBeCloseTo(b.main[0], 3);
    expect(b.compare[1]).toBeCloseTo(b.main[1], 3);
    expect(Math.abs(b.main[0] - a.main[0])).toBeGreaterThan(5);

    const counts = await countColors(page, 'compare', PLAIN_MODE_COLORS);
    console.log(`split view: mode-colour pixels on the compared map ${JSON.stringify(counts)}`);
    expect(counts.reduce((x, y) => x + y, 0)).toBeGreaterThan(20);
    writeFileSync(join(RESULTS_DIR, 'predictions-split.png'), await page.screenshot());
  });

  it('scrubbing re-predicts both models from the new step', async () => {
    await page.evaluate(() => window.__modescope!.store.set({ time: 25, playing: false }));
    await waitForBoth(25);
    writeFileSync(join(RESULTS_DIR, 'predictions-split-step25.png'), await page.screenshot());
  });

  it("draws the quantized pseudo-label CVAE beside the float one: modes in the labels' colours", async () => {
    // issue 19: the shipped mixed-precision copy (public/models/pseudo-q), listed like any model
    const option = page.locator('[data-testid=compare-variant] option[value="pseudo-q"]');
    expect(await option.textContent()).toMatch(/quantized/);
    await page.selectOption('[data-testid=compare-variant]', 'pseudo-q');
    await waitForBoth(25, 'pseudo-q');
    const priors = await page.evaluate(() => {
      const s = window.__modescope!.store.get();
      return {
        float: s.prediction!.modes.map((m) => m.probability),
        quantized: s.comparePrediction!.modes.map((m) => m.probability),
      };
    });
    console.log(`split view, float against quantized prior: ${JSON.stringify(priors)}`);
    expect(priors.quantized).toHaveLength(3);
    expect(priors.quantized.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    const counts = await countColors(page, 'compare', MODE_COLORS);
    console.log(`split view, quantized: mode-colour pixels on the compared map ${JSON.stringify(counts)}`);
    expect(counts.reduce((x, y) => x + y, 0)).toBeGreaterThan(20);
    writeFileSync(join(RESULTS_DIR, 'predictions-split-quantized.png'), await page.screenshot());
  });

  it('closing the split view removes the second map', async () => {
    await page.selectOption('[data-testid=compare-variant]', '');
    await page.waitForFunction(() => !window.__modescopeCompare && !document.querySelector('.compare-host'));
    expect(await page.evaluate(() => window.__modescope!.store.get().comparePrediction)).toBeNull();
  });
});
