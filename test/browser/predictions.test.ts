// Predictions in the viewer: the demo scene gets a prediction drawn in the mode colours from the
// WebGPU worker; forcing a mode leaves only that mode's colour; scrubbing predicts again from the
// new step; the mode panel shows prior, posterior and the pseudo label.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINEMATIC_COLORS, MODE_COLORS } from '../../src/app/palette';
import { LABEL_SHORT_NAMES } from '../../src/labels';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { countColors, waitForScene } from './viewer-fixtures';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  // WebGPU named: without a backend the app measures them all and may take another
  await page.goto(`${h.url}?backend=webgpu`);
  await waitForScene(page);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Waits for a prediction from step t for the shown scene, with `modes` modes decoded. */
async function waitForPrediction(t: number, check = 'true') {
  await page.waitForFunction(
    ([t, check]) => {
      const s = window.__modescope!.store.get();
      const p = s.prediction;
      return (
        !!p && p.sceneId === s.scene?.id && p.t === t && !s.model.pending && (0, eval)(`(p) => ${check}`)(p)
      );
    },
    [t, check] as const,
    { timeout: 90_000 },
  );
}

/** How many canvas pixels lie within 40 of each mode colour (the map never uses these colours). */
async function modePixels(): Promise<number[]> {
  // frame the pair's predicted futures
  const camera = await page.evaluate(() => {
    const p = window.__modescope!.store.get().prediction!;
    const pts = p.modes.flatMap((md) => md.samples.flatMap((x) => [...x.a, ...x.b]));
    const xs = pts.filter((_, i) => i % 2 === 0);
    const ys = pts.filter((_, i) => i % 2 === 1);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 20);
    return { x: cx, y: cy, zoom: Math.log2(600 / span), rotation: 0 };
  });
  return countColors(page, 'main', MODE_COLORS, camera);
}

async function shot(name: string) {
  writeFileSync(join(RESULTS_DIR, name), await page.screenshot());
}

describe('predictions in the viewer', () => {
  it('predicts the demo scene on WebGPU and draws every mode in its colour', async () => {
    await waitForPrediction(10);
    const s = await page.evaluate(() => {
      const st = window.__modescope!.store.get();
      const layer = window.__modescope!.engine.deck.props.layers.find(
        (l) => (l as { id?: string } | null)?.id === 'prediction-paths',
      );
      const colors = new Set(
        ((layer as { props: { data: { color: number[] }[] } } | undefined)?.props.data ?? []).map((p) =>
          p.color.slice(0, 3).join(','),
        ),
      );
      return {
        backend: st.model.backend,
        variant: st.prediction!.variant,
        modes: st.prediction!.modes.map((m) => m.samples.filter((x) => x.source !== 'kinematic').length),
        anchors: st.prediction!.modes.flatMap((m) =>
          m.samples.filter((x) => x.source === 'kinematic').map((x) => ({ mode: m.mode, name: x.name })),
        ),
        anchorRows: [...document.querySelectorAll('[data-testid="mode-anchor"]')].map((e) => ({
          mode: Number((e as HTMLElement).dataset.mode),
          text: e.textContent,
        })),
        sampling: document.querySelector('[data-testid="sampling"]')!.textContent,
        readings: [...document.querySelectorAll('[data-testid="mode-reads"]')].map((e) => ({
          mode: Number((e as HTMLElement).dataset.mode),
          label: Number((e as HTMLElement).dataset.label),
          text: e.textContent,
        })),
        prior: st.prediction!.prior,
        posterior: st.prediction!.posterior,
        colors: [...colors],
        status: document.querySelector('[data-testid="model-status"]')!.textContent,
        truth: document.querySelector('[data-testid="mode-truth"]')!.textContent,
      };
    });
    expect(s.backend).toBe('webgpu');
    expect(s.status).toMatch(/^webgpu · \d+ ms/);
    expect(s.variant).toBe('pseudo');
    expect(s.modes).toEqual([2, 2, 2]);
    // the joint set's kinematic anchor (model/joint-set.ts): one, in a mode, drawn thin and named
    expect(s.anchors).toHaveLength(1);
    expect(s.anchors[0]!.name).toMatch(/^A \w+.* · B \w+/);
    // drawn thin in their own layer, A's path and B's (the layer follows the store a frame later: poll)
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (
              (
                window.__modescope!.engine.deck.props.layers.find(
                  (l) => (l as { id?: string } | null)?.id === 'prediction-anchor-paths',
                ) as { props: { data: { mode: number; name: string }[] } } | undefined
              )?.props.data ?? []
            ).map((d) => ({ mode: d.mode, name: d.name })),
          ),
        { timeout: 60_000 },
      )
      .toEqual([s.anchors[0], s.anchors[0]]);
    expect(s.anchorRows).toEqual([{ mode: s.anchors[0]!.mode, text: `+ kinematic: ${s.anchors[0]!.name}` }]);
    expect(s.sampling).toMatch(/\+ 1 kinematic anchor$/);
    // each mode says what its own future means to the pseudo labeller, and flags a mismatch
    expect(s.readings.map((r) => r.mode)).toEqual([0, 1, 2]);
    for (const r of s.readings) {
      expect([0, 1, 2]).toContain(r.label);
      expect(r.text).toBe(`${LABEL_SHORT_NAMES[r.label]}${r.label !== r.mode ? ' ✗' : ''}`);
    }
    expect(s.prior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(s.posterior).not.toBeNull();
    expect(s.truth).toMatch(/from step 10 .* what happened: (A passes first|B passes first|no interaction)/);
    // the paths layer follows the store a frame or more later (layers new to the shown scene are staged one
    // per task, src/app/deck): poll for it, as for the anchors above
    expect(s.colors.length === 0 || s.colors.length === MODE_COLORS.length).toBe(true);
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const layer = window.__modescope!.engine.deck.props.layers.find(
              (l) => (l as { id?: string } | null)?.id === 'prediction-paths',
            );
            const data = (layer as { props: { data: { color: number[] }[] } } | undefined)?.props.data ?? [];
            return [...new Set(data.map((p) => p.color.slice(0, 3).join(',')))].sort();
          }),
        { timeout: 60_000 },
      )
      .toEqual(MODE_COLORS.map((c) => c.slice(0, 3).join(',')).sort());
    const px = await modePixels();
    await shot('predictions-all-modes.png');
    // every mode with a visible probability is drawn (opacity follows probability)
    s.prior.forEach((p, k) => {
      if (p > 0.05) expect(px[k], `mode ${k} pixels`).toBeGreaterThan(20);
    });
  }, 180_000);

  it('forcing a mode leaves only its colour on the map', async () => {
    await page.getByTestId('force-mode-1').click();
    await waitForPrediction(
      10,
      "p.modes[1].samples.filter((x) => x.source !== 'kinematic').length === 2 && p.modes[0].samples.length === 0",
    );
    const px = await modePixels();
    await shot('predictions-forced-mode-1.png');
    expect(px[1]).toBeGreaterThan(20);
    expect(px[0]).toBe(0);
    expect(px[2]).toBe(0);
    await page.getByTestId('reset-modes').click();
    await waitForPrediction(
      10,
      "p.modes.every((m) => m.samples.filter((x) => x.source !== 'kinematic').length === 2)",
    );
  }, 180_000);

  it('clicking a mode row shows only that mode without a new request', async () => {
    await page.getByTestId('mode-row-2').click();
    const px = await modePixels();
    expect(px[0]).toBe(0);
    expect(px[1]).toBe(0);
    await page.getByTestId('mode-row-2').click();
  }, 60_000);

  it('scrubbing predicts again from the new step, and ghosts follow the time', async () => {
    await page.evaluate(() => window.__modescope!.store.set({ time: 30, playing: false }));
    await waitForPrediction(30);
    const ghosts = await page.evaluate(() => {
      const m = window.__modescope!;
      m.store.set({ time: 45 });
      m.engine.drawNow('test');
      const layer = m.engine.deck.props.layers.find(
        (l) => (l as { id?: string } | null)?.id === 'prediction-ghosts',
      ) as { props: { data: { length: number; steps: number } } } | undefined;
      // one ghost per (mode, agent): the buffers hold one instance per ghost and scene step
      return layer ? layer.props.data.length / layer.props.data.steps : 0;
    });
    // the ghost boxes of the step-30 prediction move along at step 45 (both agents, each mode);
    // by then the controller has asked for step 45, so wait for it before the screenshot
    expect(ghosts).toBeGreaterThanOrEqual(2);
    await waitForPrediction(45);
    await shot('predictions-step45.png');
  }, 180_000);

  it('switches to constant velocity and to the vanilla CVAE', async () => {
    await page.getByTestId('model-variant').selectOption('constant_velocity');
    await waitForPrediction(45, "p.variant === 'constant_velocity'");
    await page.getByTestId('model-variant').selectOption('vanilla');
    await waitForPrediction(45, "p.variant === 'vanilla' && p.modes.length === 3");
    await shot('predictions-vanilla.png');
  }, 180_000);

  it('draws the kinematic baseline: six joint predictions, named and coloured, the likeliest on the map', async () => {
    await page.getByTestId('model-variant').selectOption('kinematic');
    await waitForPrediction(45, "p.variant === 'kinematic' && p.modes.length === 6");
    // the layer follows the store on the next frame: wait for its colours, not for a time
    const drawnColors = () =>
      page.evaluate(() => {
        const layer = window.__modescope!.engine.deck.props.layers.find(
          (l) => (l as { id?: string } | null)?.id === 'prediction-paths',
        );
        const data = (layer as { props: { data: { color: number[] }[] } } | undefined)?.props.data ?? [];
        return [...new Set(data.map((d) => d.color.slice(0, 3).join(',')))].sort();
      });
    await expect
      .poll(drawnColors, { timeout: 30_000 })
      .toEqual(KINEMATIC_COLORS.map((c) => c.slice(0, 3).join(',')).sort());
    await expect.poll(() => page.locator('[data-testid^="mode-row-"]').count(), { timeout: 30_000 }).toBe(6);
    const s = await page.evaluate(() => {
      const p = window.__modescope!.store.get().prediction!;
      return {
        prior: p.prior,
        rows: [...document.querySelectorAll('[data-testid^="mode-row-"]')].map((r) => r.textContent),
      };
    });
    expect(s.rows).toHaveLength(6);
    expect(s.rows[0]).toMatch(/A .* · B /);
    // every hypothesis is read by the labeller too, never flagged (its modes do not mean labels)
    const kinReadings = await page.locator('[data-testid="mode-reads"]').allTextContents();
    expect(kinReadings).toHaveLength(6);
    for (const r of kinReadings) expect(LABEL_SHORT_NAMES as readonly string[]).toContain(r);
    expect(s.prior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    // the likeliest joint prediction, picked in the table (drawn solid), is on the map in its
    // colour with predictions on, and not without
    const top = s.prior.indexOf(Math.max(...s.prior));
    await page.getByTestId(`mode-row-${top}`).click();
    await expect
      .poll(() => page.evaluate(() => window.__modescope!.store.get().predict.shownMode), { timeout: 30_000 })
      .toBe(top);
    const camera = await page.evaluate(() => {
      const p = window.__modescope!.store.get().prediction!;
      const pts = p.modes.flatMap((md) => md.samples.flatMap((x) => [...x.a, ...x.b]));
      const xs = pts.filter((_, i) => i % 2 === 0);
      const ys = pts.filter((_, i) => i % 2 === 1);
      const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 20);
      return {
        x: (Math.min(...xs) + Math.max(...xs)) / 2,
        y: (Math.min(...ys) + Math.max(...ys)) / 2,
        zoom: Math.log2(600 / span),
        rotation: 0,
      };
    });
    const topPixels = async () => (await countColors(page, 'main', [KINEMATIC_COLORS[top]!], camera))[0]!;
    await expect.poll(topPixels, { timeout: 30_000 }).toBeGreaterThan(20);
    const on = await topPixels();
    await shot('predictions-kinematic.png');
    await page.getByTestId('predict-toggle').uncheck();
    await expect
      .poll(() => page.evaluate(() => window.__modescope!.store.get().predict.on), {
        timeout: 30_000,
      })
      .toBe(false);
    // and they go when predictions are off: the colour was the prediction's, not the map's
    await expect.poll(topPixels, { timeout: 30_000 }).toBeLessThan(on - 20);
    await page.getByTestId('predict-toggle').check();
    await page.getByTestId(`mode-row-${top}`).click();
  }, 180_000);
});
