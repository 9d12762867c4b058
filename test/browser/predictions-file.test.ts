// The file-level run in the app: the model on every scene of the demo set in a worker, in batches
// (model/batch-run.ts, batchSizeFor the worker's backend), with a progress bar and cancel; its
// confusion matrix (argmax prior mode vs pseudo label, prediction at step 10) must equal the one
// `npm run eval` writes for the same file, computed here in beforeAll by the eval CLI itself, and
// each row's prediction must be the one the viewer makes for that scene alone (same seed; to float
// tolerance: a batch and a single request need not round alike). The table sorts and
// opens scenes; CSV and JSON exports download and parse. Cancel, and opening another file (the run's
// worker ends), stop a run on a 504-scene file (the demo set's records 12 times over, a valid
// TFRecord), where the bar is seen to move. The run uses wasm, named in the URL: on SwiftShader
// WebGPU made this file 98 s against 19 s on wasm (same machine, one after the other); the batched
// run on WebGPU is timed by `npm run bench -- filerun`, and WebGPU's predictions are tested in
// predictions.test.ts and backend.test.ts. Every wait is for a state (a selector, a value, a
// worker's end), never for a time.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

const DEMO = 'public/demo/demo.tfrecord';
/** The demo set's records this many times over: a file whose run outlasts any click. */
const REPEATS = 12;
/**
 * A viewer prediction and the file run's for the same scene: same backend, one request against a
 * batch, so float rounding apart (the bench measures the prior gap at ~1e-7).
 */
const PRIOR_TOLERANCE = 1e-4;
/** Metres, on positions a few hundred metres from the scene's origin. */
const POSITION_TOLERANCE = 1e-2;

let h: Harness;
let page: Page;
let evalDir: string;
let evalConfusion: number[][];
let evalScenes: number;
let bigFile: string;
/** The JSON export of the demo run (the export test saves it). */
let exported: {
  scenes: { sceneId: string; label: number; prior: number[]; modes: { samples: { a: number[] }[] }[] }[];
} | null = null;

beforeAll(async () => {
  evalDir = mkdtempSync(join(tmpdir(), 'modescope-pred-eval-'));
  bigFile = join(evalDir, 'demo-x12.tfrecord');
  const demo = readFileSync(DEMO);
  writeFileSync(bigFile, Buffer.concat(Array.from({ length: REPEATS }, () => demo)));
  const evaluated = promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli/eval.ts', '--out', join(evalDir, 'demo'), DEMO],
    { maxBuffer: 64 << 20 },
  );
  h = await startHarness();
  page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
  await evaluated;
  const json = JSON.parse(readFileSync(join(evalDir, 'demo.json'), 'utf8')) as {
    synthetic: { pseudo: { latent: { confusion: number[][] } } };
    testSet: { samples: number };
  };
  evalConfusion = json.synthetic.pseudo.latent.confusion;
  evalScenes = json.testSet.samples;
}, 180_000);
afterAll(async () => {
  await h?.close();
  rmSync(evalDir, { recursive: true, force: true });
});

async function shot(name: string) {
  writeFileSync(join(RESULTS_DIR, name), await page.screenshot());
}

const tableKs = () =>
  page.$$eval('[data-testid=file-run-table] tbody tr', (trs) =>
    trs.map((tr) => Number(tr.getAttribute('data-k'))),
  );

describe('file-level run', () => {
  it("runs the demo set and its confusion matrix equals npm run eval's", async () => {
    await page.click('[data-testid=file-run-open]');
    await page.click('[data-testid=file-run-start]');
    await page.waitForSelector('[data-testid=file-run-summary]', { timeout: 180_000 });
    const confusion = await page.$$eval('[data-testid=confusion] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))),
    );
    const summary = await page.textContent('[data-testid=file-run-summary]');
    console.log(
      `file run: ${summary}\n  app confusion ${JSON.stringify(confusion)}, eval ${JSON.stringify(evalConfusion)}`,
    );
    expect(confusion).toEqual(evalConfusion);
    expect(summary).toContain('on wasm');
    expect(summary).toMatch(/\d+ per batch/);
    expect((await tableKs()).length).toBe(evalScenes);
    await shot('predictions-file-done.png');
  });

  it('sorts the table and opens a scene from it', async () => {
    await page.click('[data-testid=file-run-table] th[data-sort=minFDE]');
    const fde = await page.$$eval('[data-testid=file-run-table] tbody tr td:last-child', (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    expect(fde.every((v, i) => i === 0 || v >= fde[i - 1]!)).toBe(true);
    await page.click('[data-testid=file-run-table] th[data-sort=minFDE]');
    const ks = await tableKs();
    const worst = ks[0]!;
    await page.click(`[data-testid=file-run-table] tbody tr[data-k="${worst}"]`);
    await page.waitForFunction((k) => window.__modescope!.store.get().sceneIndex === k, worst);
    await shot('predictions-file-opened.png');
  });

  it('exports the table as CSV and the predictions as JSON', async () => {
    const [csvDl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-csv]'),
    ]);
    const csv = readFileSync((await csvDl.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'record,scenario_id,object_id_a,object_id_b,origin_x,origin_y,step,model,label,top_mode,top_mode_label,probability,agree,minADE_m,minFDE_m',
    );
    expect(csv.length - 1).toBe(evalScenes);
    for (const line of csv.slice(1)) {
      const f = line.split(',');
      expect(f).toHaveLength(15);
      // WOMD object ids and the world origin are numbers; the step is 10 and the model named
      for (const c of [2, 3, 4, 5]) expect(Number.isFinite(Number(f[c]))).toBe(true);
      expect([f[6], f[7]]).toEqual(['10', 'pseudo']);
      expect(Number(f[11])).toBeGreaterThan(0);
      expect(Number.isFinite(Number(f[14]))).toBe(true);
    }
    const [jsonDl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-json]'),
    ]);
    const json = JSON.parse(readFileSync((await jsonDl.path())!, 'utf8')) as {
      confusion: number[][];
      scenes: NonNullable<typeof exported>['scenes'];
    };
    expect(json.confusion).toEqual(evalConfusion);
    expect(json.scenes).toHaveLength(evalScenes);
    const s0 = json.scenes[0]!;
    expect(s0.prior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(s0.modes[0]!.samples[0]!.a).toHaveLength(160);
    exported = json;
  });

  it("matches the viewer's own prediction of a scene for a couple of rows", async () => {
    expect(exported).not.toBeNull();
    await page.click('[data-testid=file-run-table] th[data-sort=k]'); // file order again
    for (const k of [0, 23]) {
      const row = page.locator(`[data-testid=file-run-table] tbody tr[data-k="${k}"]`);
      const cells = await row.locator('td').allTextContents();
      const id = cells[1]!;
      const run = exported!.scenes.find((x) => x.sceneId === id)!;
      // the viewer's prediction of the scene open now has come (a click while one is in flight can
      // leave the next scene unpredicted: a PredictionController race, not the file run's)
      await page.waitForFunction(
        () => {
          const st = window.__modescope!.store.get();
          return st.prediction?.sceneId === st.scene?.id && !st.model.pending;
        },
        null,
        { timeout: 60_000 },
      );
      await row.click();
      // the viewer predicts the opened scene alone, from step 10 (where a scene opens), seed 1
      const viewer = async () =>
        page.evaluate(() => {
          const p = window.__modescope!.store.get().prediction;
          return p
            ? {
                sceneId: p.sceneId,
                t: p.t,
                variant: p.variant,
                label: p.label,
                prior: p.prior,
                a: Array.from(p.modes[0]!.samples[0]!.a),
              }
            : null;
        });
      await expect
        .poll(
          async () => {
            const v = await viewer();
            // what the viewer shows instead, should it never come (named in the failure)
            if (!v)
              return page.evaluate(() => {
                const st = window.__modescope!.store.get();
                return { scene: st.scene?.id, time: st.time, model: st.model };
              });
            return { sceneId: v.sceneId, t: v.t, variant: v.variant };
          },
          { timeout: 60_000 },
        )
        .toEqual({ sceneId: id, t: 10, variant: 'pseudo' });
      const v = (await viewer())!;
      expect(v.label).toBe(run.label);
      v.prior.forEach((p, z) => expect(Math.abs(p - run.prior[z]!)).toBeLessThan(PRIOR_TOLERANCE));
      const a = run.modes[0]!.samples[0]!.a;
      v.a.forEach((x, i) => expect(Math.abs(x - a[i]!)).toBeLessThan(POSITION_TOLERANCE));
      // the row shows the same top mode and probability
      const top = v.prior.indexOf(Math.max(...v.prior));
      expect(Number(cells[4])).toBeCloseTo(v.prior[top]!, 2);
    }
  });

  it('cancels a run part way on a large file, the progress bar moving first', async () => {
    await page.getByTestId('file-input').setInputFiles(bigFile);
    await expect
      .poll(() => page.textContent('[data-testid=file-status]'), { timeout: 60_000 })
      .toContain(`${42 * REPEATS} scenes`);
    await page.click('[data-testid=file-run-open]');
    await page.click('[data-testid=file-run-start]');
    const progress = () =>
      page.evaluate(() =>
        Number(document.querySelector<HTMLProgressElement>('[data-testid=file-run-progress]')?.value ?? -1),
      );
    await expect.poll(progress, { timeout: 120_000 }).toBeGreaterThan(0);
    const first = await progress();
    await expect.poll(progress, { timeout: 120_000 }).toBeGreaterThan(first);
    await shot('predictions-file-progress.png');
    await page.click('[data-testid=file-run-cancel]');
    await page.waitForSelector('[data-testid=file-run-error]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid=file-run-error]')).toBe('cancelled');
    expect(await page.$('[data-testid=file-run-table]')).toBeNull();
  });

  it("stops a run when another file is opened: the run's worker ends", async () => {
    // the run's own worker: the first one the page starts after Run
    const started = page.waitForEvent('worker', { timeout: 60_000 });
    await page.click('[data-testid=file-run-start]');
    const worker = await started;
    let ended = false;
    worker.on('close', () => (ended = true));
    await page.waitForSelector('[data-testid=file-run-progress]');
    await page.getByTestId('file-input').setInputFiles(DEMO);
    // the panel belonged to the old file: it is gone, and the new file's is closed
    await page.waitForSelector('[data-testid=file-run-open]', { timeout: 60_000 });
    expect(await page.$('[data-testid=file-run-progress]')).toBeNull();
    await expect.poll(() => ended, { timeout: 60_000 }).toBe(true);
  });
});
