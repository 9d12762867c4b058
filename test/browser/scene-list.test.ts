// A WOMD shard holds hundreds of scenes: the list fills from the scene worker while the page stays
// live. Opening a 300-scene synthetic file lists every record with the pseudo label Node computes
// for it (the same scene-rows.ts), names the damaged record by file, record and field, opens and
// draws a scene clicked far down the list, and a file opened while another still lists replaces it.
// The map stages a scene in between frames (engine.ts stageScene): the file's first scene, shown
// while its list fills, ends up in the map whole (its agents picked where they are) by the app's own
// frames, with no forced draw (drawNow) from the test, and the list still fills completely; its
// layers update the last scene's (kept hidden while no scene is shown), not created anew.
// The listing is paced (listing-pace.ts, page-work.ts): the worker posts no more than AHEAD batches
// beyond those the page has taken, and the page takes none while its own work (a staging) goes on,
// but for one per TAKEN_LATE_MS.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sceneRow } from '../../src/app/scene-rows';
import { AHEAD } from '../../src/app/listing-pace';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { generateScene } from '../../src/synth';
import { encodeRecords, encodeScene, memorySource, SceneSet } from '../../src/waymo';
import { fixturePayload } from '../fixtures/scenes';
import { pickAgentAt, waitForScene } from './viewer-fixtures';

const WAIT = { timeout: 60_000 };
/** Scenes in the file: enough that a list filled and rendered per record would take seconds. */
const N = 300;
/** The record whose payload is damaged (CRC mismatch): listed as an error row. */
const DAMAGED = 137;
const ROWS = '[data-testid="scene-list"] [data-scene-id]';

let h: Harness;
let dir: string;
/** [scene id, pseudo label ('' without a pair), record] of every readable record, in order. */
let expected: [string, string, string][];
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'modescope-list-'));
  const payloads = Array.from({ length: N }, (_, i) =>
    encodeScene({ ...generateScene(31, i).scene, id: `many-${i}` }),
  );
  const bytes = encodeRecords(payloads);
  let at = 0;
  for (let k = 0; k < DAMAGED; k++) at += 12 + payloads[k]!.length + 4;
  bytes[at + 12 + 100]! ^= 0xff;
  writeFileSync(join(dir, 'many.tfrecord'), bytes);
  writeFileSync(join(dir, 'one.tfrecord'), encodeRecords([fixturePayload(4)]));
  const set = await SceneSet.open([memorySource(bytes, 'many.tfrecord')]);
  expected = [];
  for await (const r of set.scenes()) {
    const row = sceneRow(r, 'many.tfrecord');
    if (row.summary) expected.push([row.summary.id, String(row.label ?? ''), String(row.record)]);
  }
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const listed = (page: Page) =>
  page
    .locator(ROWS)
    .evaluateAll((els) =>
      els.map((e) => [
        e.getAttribute('data-scene-id'),
        e.getAttribute('data-label'),
        e.getAttribute('data-record'),
      ]),
    );
/** The entries the windowed list renders now (SceneList WINDOW_FROM): [first, end) of count. */
const windowOf = (page: Page) =>
  page.getByTestId('scene-list').evaluate((t) => ({
    end: Number(t.getAttribute('data-end')),
    count: Number(t.getAttribute('data-count')),
  }));

/**
 * Scrolls the list from the top, one view at a time, calling `visit` with the rows rendered after
 * each step, until it returns true or the list's end is rendered; waits for each window (a state).
 */
async function walkList(page: Page, visit: (rows: (string | null)[][]) => boolean | Promise<boolean>) {
  const box = page.locator('.scene-table');
  await box.evaluate((el) => (el.scrollTop = 0));
  await expect.poll(async () => (await listed(page))[0]?.[0], WAIT).toBe(expected[0]![0]);
  for (;;) {
    if (await visit(await listed(page))) return true;
    const { end, count } = await windowOf(page);
    if (end >= count) return false;
    await box.evaluate((el) => (el.scrollTop += el.clientHeight));
    await expect.poll(async () => (await windowOf(page)).end, WAIT).toBeGreaterThan(end);
  }
}
const status = (page: Page) => page.getByTestId('file-status').textContent();

describe('scene list of a large file', () => {
  it('lists every record with its label, names the damaged one, and opens a clicked scene', async () => {
    expect(expected).toHaveLength(N - 1);
    const page = await h.newPage();
    await page.goto(`${h.url}?backend=wasm`);
    await page.getByTestId('file-input').setInputFiles(join(dir, 'many.tfrecord'));
    // settled: every record indexed and listed (no "reading…")
    await expect.poll(() => status(page), { timeout: 120_000 }).toBe(`many.tfrecord: ${N} scenes`);
    // a long list renders the rows in view: every row is read by scrolling through it
    expect(await windowOf(page)).toMatchObject({ count: N });
    expect((await listed(page)).length).toBeLessThan(N);
    await page.screenshot({ path: join(RESULTS_DIR, 'scene-list.png') });
    const seen = new Map<string, (string | null)[]>();
    await walkList(page, (rows) => {
      for (const r of rows) seen.set(r[0]!, r);
      return false;
    });
    expect([...seen.values()]).toEqual(expected);
    // the damaged record's row, scrolled to
    const damaged = page.getByTestId('record-error');
    await walkList(page, async () => (await damaged.count()) > 0);
    expect(await damaged.count()).toBe(1);
    expect(await damaged.textContent()).toMatch(
      new RegExp(`^${DAMAGED}many\\.tfrecord: record ${DAMAGED} \\(byte \\d+\\): payload: CRC mismatch`),
    );

    // every record number and scenario id in the rows on screen shows whole (no ellipsis)
    const cut = await page
      .locator(`${ROWS} td:nth-child(-n+2)`)
      .evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent));
    expect(cut).toEqual([]);

    // a scene far down the list: clicked, shown and drawn where its agents are
    const id = expected[250]![0];
    await walkList(page, (rows) => rows.some((r) => r[0] === id));
    await page.locator(`${ROWS}[data-scene-id="${id}"]`).click();
    await waitForScene(page, id);
    await page.screenshot({ path: join(RESULTS_DIR, 'scene-list-scrolled.png') });
    const i = await page.evaluate(() => {
      const s = window.__modescope!.store.get().scene!;
      for (let i = 0; i < s.tracks.count; i++)
        if (window.__modescope!.poseAt(s.tracks, i, s.currentIndex)) return i;
      return -1;
    });
    expect(i).toBeGreaterThanOrEqual(0);
    const t = await page.evaluate(() => window.__modescope!.store.get().scene!.currentIndex);
    expect(await pickAgentAt(page, i, t)).toBe(i);
    await page.close();
  });

  it('stages the first scene into the map by its own frames while the list fills', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?backend=wasm`);
    await waitForScene(page);
    // the demo scene's layers, marked: the next scene's layers of the same ids update them (their
    // state carries over) instead of deck creating them anew (engine.ts: the spare layers)
    const marked = await page.evaluate(() =>
      (
        window.__modescope!.engine.deck.props.layers as {
          id: string;
          state: Record<string, unknown> | null;
        }[]
      )
        .filter((l) => l.state)
        .map((l) => {
          l.state!.mark = `demo ${l.id}`;
          return l.id;
        }),
    );
    expect(marked).toEqual(expect.arrayContaining(['map-lanes', 'agents']));
    await page.getByTestId('file-input').setInputFiles(join(dir, 'many.tfrecord'));
    await page.waitForFunction(() => window.__modescope!.store.get().scene?.id === 'many-0', null, WAIT);
    await page.evaluate(() => window.__modescope!.store.set({ playing: false }));
    // an agent in view is picked as itself from the layers deck holds now (pickAgent draws nothing):
    // the new scene's agents layer is in, under the new scene's camera
    await page.waitForFunction(
      () => {
        const m = window.__modescope!;
        const s = m.store.get();
        if (s.scene?.id !== 'many-0') return false;
        const w = m.engine.parent.clientWidth;
        const h = m.engine.parent.clientHeight;
        for (let i = 0; i < s.scene.tracks.count; i++) {
          const p = m.poseAt(s.scene.tracks, i, s.time);
          if (!p) continue;
          const [x, y] = m.engine.project(p.x, p.y);
          if (x > 0 && y > 0 && x < w && y < h && m.engine.pickAgent(x, y) === i) return true;
        }
        return false;
      },
      null,
      WAIT,
    );
    // and the scene's layers are all there: map, trails and agents
    const ids = await page.evaluate(() =>
      window.__modescope!.engine.deck.props.layers.map((l) => (l as { id: string }).id),
    );
    expect(ids).toEqual(expect.arrayContaining(['map-lanes', 'map-road-lines', 'agent-trails', 'agents']));
    // the map's lanes and the agents are the demo's layers, updated with the new scene's data
    const marks = await page.evaluate(() =>
      (
        window.__modescope!.engine.deck.props.layers as {
          id: string;
          state: Record<string, unknown> | null;
        }[]
      )
        .filter((l) => l.id === 'map-lanes' || l.id === 'agents')
        .map((l) => l.state?.mark),
    );
    expect(marks).toEqual(['demo map-lanes', 'demo agents']);
    await expect.poll(() => status(page), { timeout: 120_000 }).toBe(`many.tfrecord: ${N} scenes`);
    expect(await windowOf(page)).toMatchObject({ count: N });
    await page.close();
  });

  it('the worker lists no further than the page takes, and the page takes no rows while its own work goes on', async () => {
    const page = await h.newPage();
    // the scene worker's rows as the page receives them, and the batches the page tells it it took,
    // in order, per listing (`open`)
    await page.addInitScript(() => {
      type Log = { what: 'rows' | 'taken'; open: number; batches: number; at: number }[];
      const w = window as unknown as { __listing: Log };
      w.__listing = [];
      const set = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!.set!;
      Object.defineProperty(Worker.prototype, 'onmessage', {
        set(f: (e: MessageEvent) => void) {
          set.call(this, (e: MessageEvent) => {
            const d = e.data as { kind?: string; open?: number };
            if (d?.kind === 'rows')
              w.__listing.push({ what: 'rows', open: d.open!, batches: 1, at: performance.now() });
            f(e);
          });
        },
      });
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, m: unknown, ...rest: unknown[]) {
        const d = m as { kind?: string; open?: number; batches?: number };
        if (d?.kind === 'taken')
          w.__listing.push({ what: 'taken', open: d.open!, batches: d.batches!, at: performance.now() });
        return (post as (...a: unknown[]) => void).call(this, m, ...rest);
      } as typeof post;
    });
    await page.goto(`${h.url}?backend=wasm`);
    await page.getByTestId('file-input').setInputFiles(join(dir, 'many.tfrecord'));
    await expect
      .poll(async () => (await listed(page)).some(([id]) => id?.startsWith('many-')), WAIT)
      .toBe(true);
    // the main thread busy for 1.5 s while the file lists (the worker, unpaced, would post a batch
    // every 16 ms meanwhile)
    const stillListing = await page.evaluate(() => {
      const t = performance.now();
      while (performance.now() - t < 1500);
      return document.querySelector('[data-testid="file-status"]')?.textContent?.includes('reading') ?? false;
    });
    // then page work held for 1.5 s (as while the map stages a scene): the page takes rows only
    // when its work ends or TAKEN_LATE_MS (250 ms) after they came
    const hold = await page.evaluate(async () => {
      const end = window.__modescope!.beginPageWork();
      const from = performance.now();
      await new Promise((r) => setTimeout(r, 1500));
      const to = performance.now();
      end();
      return { from, to };
    });
    await expect.poll(() => status(page), { timeout: 120_000 }).toBe(`many.tfrecord: ${N} scenes`);
    await expect.poll(() => page.locator('.filters .hint').textContent(), WAIT).toBe(`${N} of ${N} scenes`);
    // at every batch received: batches received <= batches taken before it + AHEAD, and the worker
    // did reach that bound (it waited for the page)
    const log = await page.evaluate(
      () =>
        (window as unknown as { __listing: { what: string; open: number; batches: number; at: number }[] })
          .__listing,
    );
    const open = log.filter((e) => e.what === 'rows').at(-1)!.open;
    let received = 0;
    let taken = 0;
    let atBound = 0;
    for (const e of log.filter((e) => e.open === open)) {
      if (e.what === 'taken') taken += e.batches;
      else {
        received++;
        expect(received, `batch ${received}: ${taken} taken before it`).toBeLessThanOrEqual(taken + AHEAD);
        if (received === taken + AHEAD) atBound++;
      }
    }
    expect(received).toBeGreaterThan(AHEAD);
    if (stillListing) expect(atBound).toBeGreaterThan(0);
    // while the page work was held, every take came at least TAKEN_LATE_MS after the one before
    const takes = log.filter(
      (e) => e.open === open && e.what === 'taken' && e.at > hold.from + 250 && e.at < hold.to,
    );
    for (let i = 1; i < takes.length; i++)
      expect(takes[i]!.at - takes[i - 1]!.at).toBeGreaterThanOrEqual(240);
    await page.close();
  });

  it('a file opened while another still lists replaces it', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?backend=wasm`);
    await page.getByTestId('file-input').setInputFiles(join(dir, 'many.tfrecord'));
    // the big file has begun to list: its rows are arriving
    await expect
      .poll(async () => (await listed(page)).some(([id]) => id?.startsWith('many-')), WAIT)
      .toBe(true);
    await page.getByTestId('file-input').setInputFiles(join(dir, 'one.tfrecord'));
    await expect.poll(() => status(page), WAIT).toBe('one.tfrecord: 1 scenes');
    expect((await listed(page)).map(([id]) => id)).toEqual(['fixture-4']);
    await waitForScene(page, 'fixture-4');
    await page.close();
  });
});
