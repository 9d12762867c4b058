// Bring a model from disk (DESIGN.md 6b: weights trained on real WOMD are never shipped): a model
// folder opened through the picker joins the model select, is chosen, and predicts; a folder whose
// weights do not fit the network is refused on the error line naming the file and what is wrong,
// and the shipped models keep predicting.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

const WAIT = { timeout: 90_000 };
const SHIPPED = join(import.meta.dirname, '../../public/models/pseudo');

let h: Harness;
let page: Page;
let good: string;
let bad: string;
beforeAll(async () => {
  h = await startHarness();
  const root = mkdtempSync(join(tmpdir(), 'modescope-models-'));
  good = join(root, 'my-pseudo');
  bad = join(root, 'cut-short');
  for (const d of [good, bad]) {
    mkdirSync(d);
    copyFileSync(join(SHIPPED, 'model.json'), join(d, 'model.json'));
  }
  copyFileSync(join(SHIPPED, 'weights.bin'), join(good, 'weights.bin'));
  // a weights file cut short: the manifest needs more bytes than it has
  writeFileSync(join(bad, 'weights.bin'), readFileSync(join(SHIPPED, 'weights.bin')).subarray(0, 1_200_000));
  page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Waits for a prediction of the shown scene, made by `variant`. */
async function waitForPrediction(variant: string) {
  await page.waitForFunction(
    (v) => {
      const s = window.__modescope!.store.get();
      const p = s.prediction;
      return !!p && p.sceneId === s.scene?.id && !s.model.pending && p.variant === v && p.modes.length === 3;
    },
    variant,
    WAIT,
  );
}

const options = () =>
  page
    .getByTestId('model-variant')
    .locator('option')
    .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));

describe('a model folder from disk', () => {
  it('joins the model select, is chosen and predicts', async () => {
    await waitForPrediction('pseudo');
    await page.getByTestId('model-folder-input').setInputFiles(good);
    await expect.poll(options, WAIT).toContain('file:my-pseudo');
    await expect.poll(() => page.getByTestId('model-variant').inputValue(), WAIT).toBe('file:my-pseudo');
    await waitForPrediction('file:my-pseudo');
    // the same weights as the shipped model: the same prior for the same scene and step
    const prior = await page.evaluate(() => window.__modescope!.store.get().prediction!.prior);
    await page.getByTestId('model-variant').selectOption('pseudo');
    await waitForPrediction('pseudo');
    const shipped = await page.evaluate(() => window.__modescope!.store.get().prediction!.prior);
    prior.forEach((p, k) => expect(p).toBeCloseTo(shipped[k]!, 5));
    writeFileSync(join(RESULTS_DIR, 'local-model.png'), await page.screenshot());
  });

  it('refuses weights that do not fit, naming the file, and keeps the others predicting', async () => {
    await page.getByTestId('model-folder-input').setInputFiles(bad);
    const error = page.getByTestId('model-error');
    await expect.poll(() => error.count(), WAIT).toBe(1);
    expect(await error.textContent()).toMatch(/weights\.bin: .*1200000 bytes.*manifest needs/);
    expect(await options()).not.toContain('file:cut-short');
    await page.getByTestId('model-variant').selectOption('vanilla');
    await waitForPrediction('vanilla');
  });
});
