// The file-level run in the app: the model on every scene of the demo set in a worker with a
// progress bar and cancel; its confusion matrix (argmax prior mode vs pseudo label, prediction at
// step 10) must equal the one `npm run eval` writes for the same file, computed here in beforeAll
// by the eval CLI itself. The table sorts and opens scenes; CSV and JSON exports download and parse.
// The run uses the app's default backend, WebGPU (SwiftShader here: about 0.6 s a prediction).
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

let h: Harness;
let page: Page;
let evalDir: string;
let evalConfusion: number[][];
let evalScenes: number;

beforeAll(async () => {
  evalDir = mkdtempSync(join(tmpdir(), 'modescope-pred-eval-'));
  const evaluated = promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli/eval.ts', '--out', join(evalDir, 'demo'), DEMO],
    { maxBuffer: 64 << 20 },
  );
  h = await startHarness();
  page = await h.newPage();
  await page.goto(h.url);
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
  it('cancels a run part way', async () => {
    await page.click('[data-testid=file-run-open]');
    await page.click('[data-testid=file-run-start]');
    await page.waitForFunction(
      () =>
        Number(document.querySelector<HTMLProgressElement>('[data-testid=file-run-progress]')?.value) >= 3,
      null,
      { timeout: 60_000 },
    );
    await shot('predictions-file-progress.png');
    await page.click('[data-testid=file-run-cancel]');
    await page.waitForSelector('[data-testid=file-run-error]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid=file-run-error]')).toBe('cancelled');
    expect(await page.$('[data-testid=file-run-table]')).toBeNull();
  });

  it("runs the demo set and its confusion matrix equals npm run eval's", async () => {
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
    expect(summary).toContain('on webgpu');
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
    expect(csv[0]).toBe('record,scene,label,top_mode,top_mode_label,probability,agree,minADE_m,minFDE_m');
    expect(csv.length - 1).toBe(evalScenes);
    for (const line of csv.slice(1)) {
      const f = line.split(',');
      expect(f).toHaveLength(9);
      expect(Number(f[5])).toBeGreaterThan(0);
      expect(Number.isFinite(Number(f[8]))).toBe(true);
    }
    const [jsonDl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-json]'),
    ]);
    const json = JSON.parse(readFileSync((await jsonDl.path())!, 'utf8')) as {
      confusion: number[][];
      scenes: { prior: number[]; modes: { samples: { a: number[]; b: number[] }[] }[] }[];
    };
    expect(json.confusion).toEqual(evalConfusion);
    expect(json.scenes).toHaveLength(evalScenes);
    const s0 = json.scenes[0]!;
    expect(s0.prior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(s0.modes[0]!.samples[0]!.a).toHaveLength(160);
  });
});
