// Huge and odd scenes and files in the app (issue 18 items 1 and 2; the Node side is
// test/unit/huge.test.ts, the times are `npm run bench -- huge`). As a user does: a file of an
// ordinary scene and the six odd scenes (src/synth/odd.ts) is picked through the file input and
// lists; each odd scene is opened from the list, drawn (its agents picked on the canvas where they
// are, the extra map lines painted), played for a few steps, and the next one opened; the pair
// invalid at every step gets the model's named "not tracked" message instead of a prediction; the
// ordinary scene opened after them still predicts. Then a 4 GB TFRecord (4,000 records of 1 MB, a
// Blob of references: src/synth/huge-file.ts) dropped on the page opens by its index (all 4,000
// counted before the list is complete), the page answers an animation frame and a click while the
// worker reads on, and a scene shows while the list fills; a GZIP file over the inflate cap is
// refused, named, with what to do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../../src/cli/lib/browser';
import { BACKGROUND, roadLineStyle } from '../../src/app/palette';
import { interactingPair, RoadLineType } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { ASSEMBLE_HUGE_FILE, hugeFileParts } from '../../src/synth/huge-file';
import { ODD_SCENES, ODD_STEPS, ODD_TRACKS, oddScene, type OddScene } from '../../src/synth/odd';
import { encodeRecords, encodeScene, MAX_GZIP_INFLATED_BYTES } from '../../src/waymo';
import { pickAgentAt, pixelAt, waitForScene } from './viewer-fixtures';

const ROWS = '[data-testid="scene-list"] [data-scene-id]';
const WAIT = { timeout: 120_000 };
let h: Harness;
let page: Page;
/** Track indices of each odd scene's pair (the same as the synthetic scene's). */
const pairs = new Map<string, [number, number]>();

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page); // the demo set
});
afterAll(async () => {
  await h?.close();
});

/**
 * An ordinary scene and the odd scenes, as one TFRecord file in a temp dir. The ordinary scene
 * comes first: the app opens the first scene by itself, and the odd ones are opened one by one.
 */
function writeOddFile(): string {
  const scenes = [{ ...generateScene(18, 1).scene, id: 'ordinary' }, ...ODD_SCENES.map((n) => oddScene(n))];
  for (const s of scenes) pairs.set(s.id, interactingPair(s)!);
  const path = join(mkdtempSync(join(tmpdir(), 'modescope-huge-')), 'odd.tfrecord');
  writeFileSync(path, encodeRecords(scenes.map(encodeScene)));
  return path;
}

const storeState = () =>
  page.evaluate(() => {
    const s = window.__modescope!.store.get();
    return { id: s.scene?.id ?? null, time: s.time, steps: s.scene?.tracks.steps ?? 0 };
  });

/** Opens the listed scene `id` by clicking its row, and waits until it is drawn. */
async function openRow(id: string) {
  // generous: SwiftShader draws a big scene's first frames slowly on a loaded machine
  await page.locator(`${ROWS}[data-scene-id="${id}"]`).click(WAIT);
  await waitForScene(page, id);
}

/**
 * Plays from `from` and waits until the shown step has moved on by 3 (or past the end and round:
 * playback loops), then pauses.
 */
async function playFrom(from: number) {
  await page.evaluate((t) => window.__modescope!.store.set({ time: t, playing: false }), from);
  await page.getByTestId('play').click(WAIT);
  await page.waitForFunction(
    (t) => {
      const time = window.__modescope!.store.get().time;
      return time >= t + 3 || time < t;
    },
    from,
    WAIT,
  );
  await page.getByTestId('play').click(WAIT);
  await page.waitForFunction(() => !window.__modescope!.store.get().playing, null, WAIT);
}

describe('odd scenes', () => {
  it('a file of them lists, every record readable', async () => {
    const path = writeOddFile();
    await page.getByTestId('file-input').setInputFiles(path);
    const ids = ['ordinary', ...ODD_SCENES.map((n) => `odd-${n}`)];
    const listed = () =>
      page.locator(ROWS).evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')));
    await expect.poll(listed, WAIT).toEqual(ids);
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="file-status"]')?.textContent?.includes('reading'),
      null,
      WAIT,
    );
    expect(await page.locator('[data-testid="record-error"]').count()).toBe(0);
  });

  const drawsPair = async (id: string, t: number) => {
    const [a, b] = pairs.get(id)!;
    expect(await pickAgentAt(page, a, t)).toBe(a);
    expect(await pickAgentAt(page, b, t)).toBe(b);
  };

  const checks: Record<OddScene, (id: string) => Promise<void>> = {
    async tracks3000(id) {
      await drawsPair(id, 10);
      expect(await pickAgentAt(page, ODD_TRACKS - 1, 10)).toBe(ODD_TRACKS - 1); // the last parked car
      await playFrom(10);
    },
    async map200k(id) {
      await drawsPair(id, 10);
      // the last extra road line, solid white, is painted where it is; beside it the ground
      const at = await page.evaluate(() => {
        const m = window.__modescope!.store.get().scene!.map;
        const p = m.starts[m.count - 1]! * 3;
        return [m.points[p + 3 * 25]!, m.points[p + 3 * 25 + 1]!] as const;
      });
      const white = roadLineStyle(RoadLineType.SolidSingleWhite).color;
      const over = [0, 1, 2].map((k) => white[k]! * (white[3] / 255) + BACKGROUND[k]! * (1 - white[3] / 255));
      const near = (got: number[], want: number[]) => want.every((v, k) => Math.abs(got[k]! - v) <= 12);
      expect(near(await pixelAt(page, at[0], at[1], 6), over)).toBe(true);
      expect(near(await pixelAt(page, at[0], at[1] - 1.5, 6), [...BACKGROUND].slice(0, 3))).toBe(true);
      await playFrom(10);
    },
    async steps1000(id) {
      expect((await storeState()).steps).toBe(ODD_STEPS);
      await drawsPair(id, 10);
      // the last steps play, and the readout names the last one
      await playFrom(ODD_STEPS - 10);
      await page.evaluate((t) => window.__modescope!.store.set({ time: t, playing: false }), ODD_STEPS - 1);
      await expect
        .poll(() => page.getByTestId('time').textContent(), WAIT)
        .toMatch(new RegExp(`step ${ODD_STEPS - 1}/${ODD_STEPS - 1}`));
    },
    async nomap(id) {
      await drawsPair(id, 10);
      await playFrom(10);
    },
    async invalidpair(id) {
      // nothing to predict from: the model says which agent has no state at the step
      const [a] = pairs.get(id)!;
      const agent = await page.evaluate((i) => window.__modescope!.store.get().scene!.tracks.ids[i], a);
      await expect
        .poll(() => page.getByTestId('model-status').textContent(), WAIT)
        .toMatch(new RegExp(`agent ${agent} .*not tracked at step`));
      expect(await pickAgentAt(page, a, 10)).toBe(null); // not drawn: no pose
      await playFrom(10);
    },
    async far(id) {
      const origin = await page.evaluate(() => window.__modescope!.store.get().scene!.origin);
      expect(origin[0]).toBeGreaterThan(9e6);
      await drawsPair(id, 10);
      // the boxes have their size on screen (a float32 world position would snap them to 1 m)
      const boxes = await page.evaluate(() => window.__modescope!.drawn('main')!.boxes);
      for (const box of boxes) {
        const side = Math.hypot(box[0]![0] - box[1]![0], box[0]![1] - box[1]![1]);
        expect(side).toBeGreaterThan(1);
      }
      await playFrom(10);
    },
  };

  // 3,000 tracks and 200,000 map points: each frame of them takes seconds on SwiftShader on a
  // loaded machine (npm run bench -- huge), and picking and playing wait for frames
  for (const name of ODD_SCENES)
    it(`${name}: opens, draws and plays`, { timeout: 900_000 }, async () => {
      await openRow(`odd-${name}`);
      await checks[name](`odd-${name}`);
    });

  it('an ordinary scene after them opens and predicts', async () => {
    await openRow('ordinary');
    await drawsPair('ordinary', 10);
    await page.waitForFunction(
      () => {
        const s = window.__modescope!.store.get();
        return s.prediction?.sceneId === 'ordinary' && s.prediction.modes.length > 0;
      },
      null,
      WAIT,
    );
  });
});

describe('huge files', () => {
  it('a 4 GB TFRecord opens by its index, and its first scene shows while the list fills', async () => {
    const p = hugeFileParts({ records: 4000, recordBytes: 1 << 20 });
    const b64 = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64');
    const size = await page.evaluate(`(() => {
      const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const file = (${ASSEMBLE_HUGE_FILE})(bytes(${JSON.stringify(b64(p.head))}), bytes(${JSON.stringify(b64(p.tails))}), ${p.tailBytes}, 'huge.tfrecord');
      const dt = new DataTransfer();
      dt.items.add(file);
      document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      return file.size;
    })()`);
    expect(size).toBe(4000 * 2 ** 20);
    // all 4,000 counted from the index while rows are still coming
    const seen = (await page
      .waitForFunction(
        () => {
          const status = document.querySelector('[data-testid="file-status"]')?.textContent ?? '';
          const rows = document.querySelector('.filters .hint')?.textContent ?? '';
          return status.startsWith('huge.tfrecord: 4000 scenes') ? { status, rows } : false;
        },
        null,
        WAIT,
      )
      .then((r) => r.jsonValue())) as { status: string; rows: string };
    expect(seen.status).toContain('reading');
    expect(seen.rows).not.toBe('4000 of 4000 scenes');
    // the page answers while the worker reads on: an animation frame, and a click (loop off)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    const loop = await page.evaluate(() => window.__modescope!.store.get().loop);
    await page.getByRole('checkbox', { name: 'loop' }).click(WAIT);
    await page.waitForFunction((l) => window.__modescope!.store.get().loop !== l, loop, WAIT);
    expect(
      await page.evaluate(() => document.querySelector('[data-testid="file-status"]')!.textContent),
    ).toContain('reading');
    await waitForScene(page, 'huge-000000');
    // a later row opens while the list goes on filling
    await page.locator(`${ROWS}[data-scene-id="huge-000005"]`).waitFor(WAIT);
    await openRow('huge-000005');
    await drawsPairOf('huge-000005');
  });

  it('a GZIP file over the inflate cap is refused, named, with what to do', async () => {
    // the refusal needs only the file's size: a Blob of one byte repeated, 1f 8b at the front
    const cap = MAX_GZIP_INFLATED_BYTES;
    await page.evaluate(`(() => {
      const head = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
      const chunk = new Blob([new Uint8Array(1 << 20)]);
      const parts = [head];
      for (let i = 0; i < ${Math.ceil(cap / 2 ** 20) + 1}; i++) parts.push(chunk);
      const dt = new DataTransfer();
      dt.items.add(new File(parts, 'big.tfrecord.gz'));
      document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`);
    await expect
      .poll(() => page.locator('.sidebar .error').allTextContents(), WAIT)
      .toContainEqual(
        expect.stringMatching(
          new RegExp(`big\\.tfrecord\\.gz: .*gzip: .*over the ${cap}-byte cap.*gunzip FILE`),
        ),
      );
  });
});

async function drawsPairOf(id: string) {
  const pair = await page.evaluate(() => {
    const s = window.__modescope!.store.get().scene!;
    return [s.objectsOfInterest[0], s.objectsOfInterest[1]].map((oi) => s.tracks.ids.indexOf(oi!));
  });
  expect(pair.every((i) => i >= 0)).toBe(true);
  for (const i of pair) expect(await pickAgentAt(page, i, 10), id).toBe(i);
}
