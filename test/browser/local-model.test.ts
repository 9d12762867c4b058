// Bring a model from disk (DESIGN.md 6b: weights trained on real WOMD are never shipped): a model
// folder opened through the picker joins the model select, is chosen, and predicts; a folder whose
// weights do not fit the network is refused on the error line naming the file and what is wrong,
// and the shipped models keep predicting. Refused (issue 18 item 3), each named by file and field:
// a model.json cut short (not JSON), a weights.bin shorter or longer than its manifest, a weight of
// another shape, a layer of another name, another network size, another format (a tfjs layers
// model); after them all the other models still predict and the scene still plays.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import type { ModelJson } from '../../src/model/weights-check';
import { waitForScene } from './viewer-fixtures';

const WAIT = { timeout: 90_000 };
const SHIPPED = join(import.meta.dirname, '../../public/models/pseudo');

let h: Harness;
let page: Page;
let good: string;
let bad: string;
/** Folders that must be refused, with what the error line must say. */
const refused: { name: string; says: RegExp }[] = [];
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
  const json = readFileSync(join(SHIPPED, 'model.json'), 'utf8');
  const weights = readFileSync(join(SHIPPED, 'weights.bin'));
  const need = weights.length;
  /** A folder `name` holding `model` as model.json and `bin` as weights.bin, to be refused saying `says`. */
  const folder = (name: string, model: string, bin: Buffer, says: RegExp) => {
    const d = join(root, name);
    mkdirSync(d);
    writeFileSync(join(d, 'model.json'), model);
    writeFileSync(join(d, 'weights.bin'), bin);
    refused.push({ name: d, says });
  };
  /** The shipped model.json with `edit` applied to its parsed form. */
  const edited = (edit: (j: ModelJson) => void) => {
    const j = JSON.parse(json) as ModelJson;
    edit(j);
    return JSON.stringify(j);
  };
  folder(
    'cut-json',
    json.slice(0, Math.floor(json.length / 2)),
    weights,
    /^cut-json\/model\.json: not JSON \(/,
  );
  folder(
    'too-long',
    json,
    Buffer.concat([weights, Buffer.alloc(4096)]),
    new RegExp(
      `^weights\\.bin: [\\d.]+ MB \\(${need + 4096} bytes\\), the manifest needs [\\d.]+ MB \\(${need} bytes\\)$`,
    ),
  );
  folder(
    'other-shape',
    edited((j) => (j.weightsManifest[0]!.weights[0]!.shape = [90, 64])),
    weights,
    /model\.json: weight 'agent1\/kernel' has shape \[90,64\], the network needs \[86,64\]$/,
  );
  folder(
    'other-names',
    edited((j) => (j.weightsManifest[0]!.weights[0]!.name = 'encoder/dense_1/kernel')),
    weights,
    /model\.json: weight 'agent1\/kernel' missing from the manifest \(the network needs \[86,64\]\)$/,
  );
  folder(
    'other-size',
    edited((j) => ((j.modelTopology.network as { hidden: number }).hidden = 128)),
    weights,
    /model\.json: network\.hidden is 128, this build needs 64$/,
  );
  // a tfjs layers model (what tf.LayersModel.save writes), not this app's format
  folder(
    'keras',
    JSON.stringify({
      format: 'layers-model',
      generatedBy: 'keras v2.15.0',
      convertedBy: 'TensorFlow.js Converter v4.22.0',
      modelTopology: { class_name: 'Sequential', config: { name: 'sequential', layers: [] } },
      weightsManifest: [
        { paths: ['weights.bin'], weights: [{ name: 'dense/kernel', shape: [4, 2], dtype: 'float32' }] },
      ],
    }),
    Buffer.alloc(32),
    /model\.json: format 'layers-model' is not modescope-cvae \(not a ModeScope model\)$/,
  );
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

  it('refuses a model.json cut short, weights too long, another shape, names, size or format', async () => {
    const before = await options();
    for (const r of refused) {
      await page.getByTestId('model-folder-input').setInputFiles(r.name);
      const error = page.getByTestId('model-error');
      await expect
        .poll(async () => ((await error.count()) ? await error.textContent() : ''), WAIT)
        .toMatch(r.says);
      // nothing joined the select, and the model in use stays
      expect(await options()).toEqual(before);
      expect(await page.getByTestId('model-variant').inputValue()).toBe('vanilla');
    }
    // the other models still predict, at a new step, and the scene still plays
    await page.evaluate(() => window.__modescope!.store.set({ time: 30, playing: false }));
    await waitForPrediction('vanilla');
    await page.getByTestId('model-variant').selectOption('file:my-pseudo');
    await waitForPrediction('file:my-pseudo');
    const t0 = await page.evaluate(() => {
      window.__modescope!.store.set({ playing: true });
      return window.__modescope!.store.get().time;
    });
    await page.waitForFunction((t0) => window.__modescope!.store.get().time > t0 + 1, t0, WAIT);
    await page.evaluate(() => window.__modescope!.store.set({ playing: false }));
    writeFileSync(join(RESULTS_DIR, 'local-model-refused.png'), await page.screenshot());
  });
});
