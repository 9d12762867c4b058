// Real researchers hold several formats at once: a folder of mixed files (a Scenario TFRecord, a
// tf.Example TFRecord, GPUDrive JSON plain and gzipped, one broken JSON, a README beside them) opens
// as one scene list that names each scene's file, names the broken file and its fault, and plays
// and draws a scene from each format. Several files picked at once, or named by ?file=, open the
// same way.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { encodeRecords } from '../../src/waymo';
import { newRadians, oldDegrees } from '../fixtures/json-scenes';
import { fixturePayload, fixtureScene } from '../fixtures/scenes';
import { sceneToExample } from '../fixtures/tf-example-writer';

const WAIT = { timeout: 60_000 };
const ROWS = '[data-testid="scene-list"] [data-scene-id]';
/** Scene ids of the folder, in path order (a-, b-, c-, d-): one per format. */
const IDS = ['fixture-1', 'fixture-2', 'tfrecord-00012-of-01000_7', '2bd577a009790706'];
const FILES = ['a-scenario.tfrecord', 'b-example.tfrecord', 'c-old.json', 'd-new.json.gz'];

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'modescope-folder-'));
  writeFileSync(join(dir, FILES[0]!), encodeRecords([fixturePayload(1)]));
  writeFileSync(join(dir, FILES[1]!), encodeRecords([sceneToExample(fixtureScene(2)).payload]));
  writeFileSync(join(dir, FILES[2]!), JSON.stringify(oldDegrees()));
  writeFileSync(join(dir, FILES[3]!), gzipSync(JSON.stringify(newRadians())));
  writeFileSync(join(dir, 'e-broken.json'), JSON.stringify(newRadians()).slice(0, 5000));
  writeFileSync(join(dir, 'README.md'), '# notes beside the data: never offered to the reader\n');
});
afterAll(async () => {
  await h?.close();
});

const listed = (page: Page) =>
  page
    .locator(ROWS)
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-scene-id'), e.getAttribute('data-file')]));

const viewState = (page: Page) =>
  page.evaluate(() => {
    const s = window.__modescope?.store.get();
    return { id: s?.scene?.id ?? null, time: s?.time ?? 0, playing: !!s?.playing };
  });

/** Opens the scene of `row`, plays it until time has moved, and picks a drawn agent. */
async function playAndPick(page: Page, id: string) {
  await page.locator(`${ROWS}[data-scene-id="${id}"]`).click();
  await expect.poll(async () => (await viewState(page)).id, WAIT).toBe(id);
  await page.waitForFunction(() => window.__modescope!.engine.firstSceneDrawMs !== null, null, WAIT);
  const before = (await viewState(page)).time;
  await page.getByTestId('play').click();
  await expect.poll(async () => (await viewState(page)).time - before, WAIT).toBeGreaterThan(2);
  await page.getByTestId('play').click();
  await expect.poll(async () => (await viewState(page)).playing, WAIT).toBe(false);
  // the agent under a valid track's position is that track: the scene is drawn where it is
  const picked = await page.evaluate(async () => {
    const m = window.__modescope!;
    const s = m.store.get();
    const tr = s.scene!.tracks;
    const t = s.scene!.currentIndex;
    let i = 0;
    while (i < tr.count && !m.poseAt(tr, i, t)) i++;
    const p = m.poseAt(tr, i, t)!;
    m.store.set({ time: t, follow: false, camera: { x: p.x, y: p.y, zoom: 4, rotation: 0 } });
    for (let k = 0; k < 2; k++) await new Promise(requestAnimationFrame);
    m.engine.drawNow('test');
    const [x, y] = m.engine.project(p.x, p.y);
    const info = m.engine.deck.pickObject({ x, y, radius: 0, layerIds: ['agents'] });
    return { want: i, got: info ? info.index : null };
  });
  expect(picked.got).toBe(picked.want);
}

describe('open a folder of mixed formats', () => {
  it('lists every scene with its file, names the broken one, and plays and draws a scene of each format', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?backend=wasm`);
    await page.getByTestId('folder-input').setInputFiles(dir);
    await expect.poll(() => listed(page), WAIT).toEqual(IDS.map((id, k) => [id, FILES[k]]));
    const broken = page.locator('[data-testid="record-error"][data-file="e-broken.json"]');
    await expect.poll(() => broken.count(), WAIT).toBe(1);
    expect(await broken.textContent()).toMatch(/e-broken\.json: record 0: json: /);
    await expect
      .poll(() => page.getByTestId('file-status').textContent(), WAIT)
      .toMatch(/^5 files: 5 scenes/);
    // each file is named once above its scenes, in path order
    expect(await page.getByTestId('file-heading').allTextContents()).toEqual([...FILES, 'e-broken.json']);
    // README.md is not offered: no error names it
    expect(await page.getByText('README.md').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'open-folder.png') });
    for (const id of IDS) await playAndPick(page, id);
    await page.close();
  });

  it('opens several files picked at once as one list', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?backend=wasm`);
    await page.getByTestId('file-input').setInputFiles([join(dir, FILES[3]!), join(dir, FILES[0]!)]);
    await expect
      .poll(() => listed(page), WAIT)
      .toEqual([
        [IDS[3], FILES[3]],
        [IDS[0], FILES[0]],
      ]);
    await page.close();
  });

  it('reopens several files named by ?file= (repeated), in order', async () => {
    const page = await h.newPage();
    await page.route('**/extra/*', (route) =>
      route.fulfill({ body: readFileSync(join(dir, route.request().url().split('/').pop()!)) }),
    );
    await page.goto(`${h.url}?backend=wasm&file=extra/${FILES[2]}&file=extra/${FILES[1]}`);
    await expect
      .poll(() => listed(page), WAIT)
      .toEqual([
        [IDS[2], FILES[2]],
        [IDS[1], FILES[1]],
      ]);
    await page.close();
  });
});
