// The model's backend (issue 15): with no backend asked for, the worker answers at once on wasm
// while a second worker times the real model on every backend that starts; the first then switches
// to the fastest, the status line says so with every figure, and a reload uses the cached choice
// without measuring; a backend named in the URL wins and nothing is
// measured; WebGPU losing its device mid-session falls back to the next backend, the prediction is
// retried there and the status line says what happened; and predictions leak no tensors (wasm and
// WebGL over 200 predictions, WebGPU over 20: SwiftShader is slow). Every wait is for a state.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND_ORDER } from '../../src/model/registry';
import { CHOICE_KEY } from '../../src/app/model-client';
import type { BackendChoice } from '../../src/model/backends';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene, waitForPrediction } from './viewer-fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('model-status').textContent()) ?? '';
}

async function open(query: string): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.url}${query}`);
  await waitForScene(page);
  return page;
}

describe('the model backend', () => {
  it('answers at once on wasm, is measured beside it, switched, shown with its figures, and cached', async () => {
    const page = await open('');
    // the first prediction comes from the interim backend, while a second worker measures
    await waitForPrediction(page);
    await expect.poll(() => status(page), { timeout: 240_000 }).toContain('fastest here: ');
    const choice = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as BackendChoice | null,
      CHOICE_KEY,
    );
    expect(choice?.how).toBe('measured');
    // every backend was tried: timed, or named as failed
    const tried = [...choice!.figures.map((f) => f.backend), ...choice!.failed.map((f) => f.backend)];
    expect(tried.sort()).toEqual([...BACKEND_ORDER].sort());
    // wasm and cpu start everywhere
    expect(choice!.figures.map((f) => f.backend)).toEqual(expect.arrayContaining(['wasm', 'cpu']));
    // fastest first, and the fastest is the one used
    const ms = choice!.figures.map((f) => f.ms);
    expect(ms).toEqual([...ms].sort((a, b) => a - b));
    // the worker switched to the fastest: the next prediction comes from it
    await page.evaluate(() => window.__modescope!.store.set({ time: 30, playing: false }));
    await waitForPrediction(page, 30);
    const s = await page.evaluate(() => window.__modescope!.store.get());
    expect(s.model.backend).toBe(choice!.figures[0]!.backend);
    expect(s.prediction!.backend).toBe(choice!.backend);
    expect(s.prediction!.choice?.how).toBe('measured');
    const line = await status(page);
    expect(line).toMatch(new RegExp(`^${choice!.backend} · \\d+ ms · fastest here: `));
    for (const f of choice!.figures) expect(line).toContain(`${f.backend} `);
    writeFileSync(join(RESULTS_DIR, 'backend-measured.png'), await page.screenshot());

    await page.reload();
    await waitForScene(page);
    await waitForPrediction(page);
    const again = await page.evaluate(() => window.__modescope!.store.get());
    expect(again.prediction!.choice?.how).toBe('cached');
    expect(again.model.backend).toBe(choice!.backend);
    expect(await status(page)).toContain('fastest here (measured before): ');
    await page.close();
  });

  it('takes the backend named in the URL, without measuring', async () => {
    const page = await open('?backend=webgl');
    await waitForPrediction(page);
    const s = await page.evaluate(() => window.__modescope!.store.get());
    expect(s.model.backend).toBe('webgl');
    expect(s.prediction!.choice).toMatchObject({ how: 'asked', figures: [] });
    expect(await status(page)).toMatch(/^webgl · \d+ ms · as chosen$/);
    await page.close();
  });

  it('falls back to the next backend when WebGPU loses its device, retries, and says so', async () => {
    const page = await open('?backend=webgpu');
    await waitForPrediction(page);
    expect(await page.evaluate(() => window.__modescope!.store.get().model.backend)).toBe('webgpu');
    expect(await page.evaluate(() => window.__modescope!.loseDevice())).toBe(true);
    // a new step asks again: the worker sees the lost device, falls back and answers
    await page.evaluate(() => window.__modescope!.store.set({ time: 35, playing: false }));
    await waitForPrediction(page, 35);
    const s = await page.evaluate(() => window.__modescope!.store.get());
    expect(s.model.state).toBe('ready');
    expect(s.model.backend).toBe('webgl'); // the next of the order after WebGPU (nothing was measured)
    expect(s.prediction!.notice).toMatch(/^webgpu failed \(the WebGPU device was lost \(destroyed/);
    expect(s.prediction!.modes.length).toBeGreaterThan(0);
    expect(await status(page)).toMatch(/^webgl · \d+ ms · webgpu failed \(the WebGPU device was lost/);
    writeFileSync(join(RESULTS_DIR, 'backend-fallback.png'), await page.screenshot());
    // and it keeps answering on the new backend
    await page.evaluate(() => window.__modescope!.store.set({ time: 40, playing: false }));
    await waitForPrediction(page, 40);
    expect(await page.evaluate(() => window.__modescope!.store.get().prediction!.backend)).toBe('webgl');
    await page.close();
  });
});

describe('tensor leaks', () => {
  // one page for the three: each backend runs in a model worker of its own, started and ended by
  // the test (a page open costs 10-15 s on SwiftShader)
  let page: Page;
  beforeAll(async () => {
    page = await open('?off=predictions');
  });
  afterAll(async () => {
    await page?.close();
  });
  for (const [backend, n] of [
    ['wasm', 200],
    ['webgl', 200],
    ['webgpu', 20],
  ] as const)
    it(`leaks no tensors over ${n} predictions on ${backend}`, async () => {
      const counts = await page.evaluate(
        async ({ backend, n }) => {
          const client = await window.__modescopeModel!({ backend, variants: ['pseudo'] });
          const s = window.__modescope!.store.get().scene!;
          // the scene's own pair (objects_of_interest)
          const ids = Array.from(s.tracks.ids);
          const pair: [number, number] = [
            ids.indexOf(s.objectsOfInterest[0]!),
            ids.indexOf(s.objectsOfInterest[1]!),
          ];
          const counts: number[] = [];
          for (let i = 0; i < n; i++) {
            // steps and seeds vary, as scrubbing and resampling do
            const p = await client.predict(s, pair, 10 + (i % 40), { samplesPerMode: 2, seed: 1 + (i % 3) });
            counts.push(p.numTensors);
          }
          client.terminate();
          return { counts, active: client.backend };
        },
        { backend, n },
      );
      expect(counts.active).toBe(backend);
      expect(counts.counts).toHaveLength(n);
      // flat: the count after the first prediction is the count after the last
      expect(
        new Set(counts.counts).size,
        `numTensors over the run: ${[...new Set(counts.counts)].join(', ')}`,
      ).toBe(1);
    });
});
