// Another model's predictions in the viewer (issue 16): `npm run predict` writes constant
// velocity's predictions for the demo set as a WOMD interaction submission (the CLI, in Node);
// the built app (wasm, named in the URL) opens the demo and that file through the "Open
// predictions…" input. Checked: it joins the model select and is chosen; its prediction is from
// step 10 with one future per joint prediction, drawn on the map in the mode colours, and says
// which outcome each future stands for; scrubbing does not ask again (a file predicts from step 10
// only); in the split view it sits beside the pseudo-label CVAE, both drawn; the file-level run of
// both models sets them side by side, and the submission's mode coverage (top future has what
// happened / any future has it) equals Node's figures from the same file (waymo/submission.ts +
// metrics/submission.ts). Every wait is for a state.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_MODE_COLORS } from '../../src/app/palette';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { openPath } from '../../src/cli/lib/scene-files';
import { defaultPair } from '../../src/labels/pairs';
import { matchScenePredictions, scoreSubmissionPair } from '../../src/metrics/submission';
import { nodeFileSource } from '../../src/waymo/node-file';
import { openSubmission } from '../../src/waymo/submission';
import { countColors, waitForScene } from './viewer-fixtures';

const ROOT = join(import.meta.dirname, '../..');
const DEMO = join(ROOT, 'public/demo/demo.tfrecord');
const METHOD = 'cv-baseline';
const ID = `sub:${METHOD}`;

let h: Harness;
let page: Page;
let dir: string;
let path: string;
/** Node's figures for the file: scenes scored, top future has the label, some future has it. */
const node = { n: 0, top: 0, any: 0, firstMinFde8: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modescope-sub-'));
  path = join(dir, 'cv.binproto');
  execFileSync(
    'npm',
    [
      'run',
      '--silent',
      'predict',
      '--',
      DEMO,
      '--model',
      'constant_velocity',
      '--method',
      METHOD,
      '--out',
      path,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const sub = await openSubmission(await nodeFileSource(path));
  const file = await openPath(DEMO);
  for (let k = 0; k < file.count; k++) {
    const scene = await file.scene(k);
    const rec = await sub.get(scene.id);
    const m = rec && matchScenePredictions(scene, defaultPair(scene), rec, sub.name);
    if (!m?.result) continue;
    const s = scoreSubmissionPair(scene, m.result);
    if (node.n === 0) node.firstMinFde8 = s.minFDE[2]!.toFixed(2);
    node.n++;
    node.top += +s.topHasLabel;
    node.any += +s.anyHasLabel;
  }
  await file.close?.();
  await sub.close();
  h = await startHarness();
  page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
}, 180_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The main prediction (or the split view's) is the submission's, for the scene on screen. */
async function waitForSubmission(which: 'prediction' | 'comparePrediction') {
  await page.waitForFunction(
    ([which, id]) => {
      const s = window.__modescope!.store.get();
      const p = s[which as 'prediction'];
      return p?.variant === id && p.sceneId === s.scene?.id;
    },
    [which, ID] as const,
    { timeout: 120_000 },
  );
}

describe('a submission opened beside the scenes', () => {
  it('joins the models, predicts from step 10 and says what each future stands for', async () => {
    await page.check('[data-testid=predict-toggle]');
    await page.setInputFiles('[data-testid=submission-input]', path);
    await waitForSubmission('prediction');
    const summary = await page.textContent('[data-testid=submission-summary]');
    expect(summary).toContain(`${METHOD}: ${node.n} scenarios`);
    const coverage = await page.textContent('[data-testid=submission-coverage]');
    expect(coverage).toMatch(new RegExp(`^${node.n} of \\d+$`));
    expect(await page.inputValue('[data-testid=model-variant]')).toBe(ID);

    const p = await page.evaluate(() => window.__modescope!.store.get().prediction!);
    expect(p.t).toBe(10);
    expect(p.backend).toBe('file');
    expect(p.modes.length).toBeGreaterThan(0);
    expect(p.modes.every((m) => m.samples.length === 1 && m.samples[0]!.a.length === 160)).toBe(true);
    expect(p.problems).toEqual([]);
    // what each future stands for, and the outcome line
    expect(await page.locator('[data-testid=mode-reads]').count()).toBe(p.modes.length);
    expect(await page.textContent('[data-testid=mode-outcomes]')).toMatch(/^outcomes: A first \d+%/);
    expect(await page.textContent('[data-testid=model-status]')).toContain('cv.binproto');
    // scored as eval scores a model: the same minFDE at 8 s as Node's on the first scene
    const scores = await page.textContent('[data-testid=submission-scores]');
    expect(scores).toMatch(
      new RegExp(`minFDE [\\d.]+ / [\\d.]+ / ${node.firstMinFde8.replace('.', '\\.')} m`),
    );

    const counts = await countColors(page, 'main', PLAIN_MODE_COLORS);
    console.log(`submission: mode-colour pixels on the map ${JSON.stringify(counts)}`);
    expect(counts.reduce((x, y) => x + y, 0)).toBeGreaterThan(20);
    writeFileSync(join(RESULTS_DIR, 'submission-open.png'), await page.screenshot());

    // a scrub moves the time, not the prediction: the file predicts from step 10 only
    await page.evaluate(() => window.__modescope!.store.set({ time: 40, playing: false }));
    await page.waitForFunction(() => window.__modescope!.store.get().time === 40);
    const after = await page.evaluate(() => window.__modescope!.store.get().prediction!);
    expect(after.t).toBe(10);
    expect(after.variant).toBe(ID);
  });

  it('sits beside the pseudo-label CVAE in the split view, both drawn', async () => {
    await page.selectOption('[data-testid=model-variant]', 'pseudo');
    await page.selectOption('[data-testid=compare-variant]', ID);
    await waitForSubmission('comparePrediction');
    await page.waitForFunction(() => window.__modescope!.store.get().prediction?.variant === 'pseudo', null, {
      timeout: 120_000,
    });
    const main = await countColors(page, 'main', PLAIN_MODE_COLORS);
    const right = await countColors(page, 'compare', PLAIN_MODE_COLORS);
    console.log(`split: main ${JSON.stringify(main)}, submission ${JSON.stringify(right)}`);
    expect(right.reduce((x, y) => x + y, 0)).toBeGreaterThan(20);
    writeFileSync(join(RESULTS_DIR, 'submission-split.png'), await page.screenshot());
    await page.selectOption('[data-testid=compare-variant]', '');
  });

  it('the file-level run sets it beside the pseudo-label CVAE, with Node’s mode coverage', async () => {
    await page.click('[data-testid=file-run-open]');
    await page.selectOption('[data-testid=file-run-variant]', ID);
    await page.click('[data-testid=file-run-start]');
    await page.waitForSelector(`[data-testid=file-run-compare-row][data-variant="${ID}"]`, {
      timeout: 120_000,
    });
    const row = page.locator(`[data-testid=file-run-compare-row][data-variant="${ID}"]`);
    expect(Number(await row.getAttribute('data-n'))).toBe(node.n);
    expect(Number(await row.getAttribute('data-top'))).toBe(node.top);
    expect(Number(await row.getAttribute('data-any'))).toBe(node.any);

    await page.selectOption('[data-testid=file-run-variant]', 'pseudo');
    await page.click('[data-testid=file-run-start]');
    await page.waitForSelector('[data-testid=file-run-compare-row][data-variant="pseudo"]', {
      timeout: 240_000,
    });
    expect(await page.locator('[data-testid=file-run-compare-row]').count()).toBe(2);
    const count = await page.textContent('[data-testid=file-run-disagree-count]');
    const n = Number(count!.split(' ')[0]);
    expect(await page.locator('[data-testid=file-run-disagree-row]').count()).toBe(n);
    writeFileSync(join(RESULTS_DIR, 'submission-file-run.png'), await page.screenshot());
    if (n > 0) {
      // a disagreement opens its scene
      const id = await page.locator('[data-testid=file-run-disagree-row] td.id').first().textContent();
      await page.locator('[data-testid=file-run-disagree-row]').first().click();
      await waitForScene(page, id!);
    }
  });
});
