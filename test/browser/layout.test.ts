// The map is not hidden (issue 17): at 900x700, 1280x800, 1480x900 and 1920x1080, with the predictions
// shown, the pair's two boxes and every predicted path's points (page pixels, through the test
// hook's `drawn`) lie inside the map area and under no panel, and every control (buttons,
// selects, inputs, the timeline) is in the viewport or reachable by scrolling its panel, and
// clickable (elementFromPoint at its centre is itself or a child). In the split view at 1280x800
// both maps show the pair and their paths, each map has its own mode table, and Save PNG saves
// both maps side by side. Screenshots of every size go to test-results/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import type { DrawnPair } from '../../src/app/hooks/useTestHook';
import { waitForScene } from './viewer-fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const SIZES = [
  [900, 700],
  [1280, 800],
  [1480, 900], // the narrowest docked layout (styles.css: the dock is 40vw, 592 px, beside the maps)
  [1920, 1080],
] as const;

/** The page at this size, its scene drawn and the main model's prediction for it in. */
async function openAt(width: number, height: number): Promise<Page> {
  const page = await h.browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  await page.goto(`${h.url}?backend=wasm`);
  await waitForScene(page);
  await page.waitForFunction(
    () => {
      const s = window.__modescope!.store.get();
      return s.prediction?.sceneId === s.scene?.id && !s.model.pending;
    },
    null,
    { timeout: 120_000 },
  );
  return page;
}

/** The bounding rects of every panel: the dock and its panels, the playback bar, the scene list, the maps' header. */
const panelRects = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.dock, .dock-panel, .file-run, .playback, .sidebar, .map-header, .compare-title',
      ),
    ]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
  );

type Rect = Awaited<ReturnType<typeof panelRects>>[number];

/** Every point of the pair's boxes and paths that is off the map area or under a panel, named. */
function misplaced(d: DrawnPair, panels: Rect[]): string[] {
  const bad: string[] = [];
  const check = (what: string, [x, y]: [number, number]) => {
    const m = d.map;
    // half a pixel: a box corner on the map's last pixel row is still drawn
    if (!(x >= m.left - 0.5 && x <= m.right + 0.5 && y >= m.top - 0.5 && y <= m.bottom + 0.5))
      bad.push(`${what} (${x.toFixed(0)}, ${y.toFixed(0)}) off the map ${JSON.stringify(m)}`);
    for (const p of panels)
      if (x > p.left && x < p.right && y > p.top && y < p.bottom)
        bad.push(`${what} (${x.toFixed(0)}, ${y.toFixed(0)}) under a panel ${JSON.stringify(p)}`);
  };
  d.boxes.forEach((b, k) => b.forEach((pt) => check(`box ${k}`, pt)));
  d.paths.forEach((pt) => check('path point', pt));
  return bad;
}

const drawn = (page: Page, which: 'main' | 'compare') =>
  page.evaluate((w) => window.__modescope!.drawn(w)!, which);

/**
 * Every control the page shows (buttons, selects, inputs, the timeline) scrolled into view as a
 * user would scroll its panel, then: which lie outside the viewport, and which another element
 * covers at their centre. Controls inside a folded panel are not shown, so not counted.
 */
async function unreachable(page: Page): Promise<{ count: number; bad: string[] }> {
  const handles = await page.$$('button, select, input, summary');
  const bad: string[] = [];
  let count = 0;
  for (const el of handles) {
    if (!(await el.isVisible())) continue;
    count++;
    await el.scrollIntoViewIfNeeded();
    const why = await el.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const name = `${e.tagName.toLowerCase()} ${e.getAttribute('data-testid') ?? e.textContent?.trim().slice(0, 30) ?? ''}`;
      if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
        return `${name}: outside the viewport ${JSON.stringify(r)}`;
      // a file input's own box is its "Choose files" button: the centre of the box is on it
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!at || !(at === e || e.contains(at) || (e.tagName === 'SUMMARY' && at.closest('summary') === e)))
        return `${name}: covered by ${at ? `${at.tagName} ${at.className}` : 'nothing'}`;
      return null;
    });
    if (why) bad.push(why);
  }
  return { count, bad };
}

describe('the map is not hidden', () => {
  for (const [width, height] of SIZES)
    it(`${width}x${height}: the pair and its predicted paths are on the map, every control reachable`, async () => {
      const page = await openAt(width, height);
      const d = await drawn(page, 'main');
      const panels = await panelRects(page);
      console.log(
        `${width}x${height}: map ${JSON.stringify(d.map)}, ${d.boxes.length} boxes, ${d.paths.length} path points, ${panels.length} panels`,
      );
      expect(d.boxes).toHaveLength(2);
      expect(d.paths.length).toBeGreaterThan(100);
      expect(misplaced(d, panels)).toEqual([]);
      // nothing over the map at the boxes' centres either: the map itself is what the pointer hits
      const covered = await page.evaluate((boxes) => {
        const host = window.__modescope!.engine.parent;
        return boxes
          .map((b) => [b.reduce((s, p) => s + p[0], 0) / 4, b.reduce((s, p) => s + p[1], 0) / 4])
          .filter(([x, y]) => !host.contains(document.elementFromPoint(x!, y!)));
      }, d.boxes);
      expect(covered).toEqual([]);
      // the timeline is a scrubbable bar at every width
      const tl = (await page.getByTestId('timeline').boundingBox())!;
      expect(tl.height).toBeGreaterThanOrEqual(24);
      expect(tl.width).toBeGreaterThanOrEqual(200);
      writeFileSync(join(RESULTS_DIR, `layout-${width}x${height}.png`), await page.screenshot());
      const controls = await unreachable(page);
      console.log(`${width}x${height}: ${controls.count} controls shown`);
      expect(controls.count).toBeGreaterThan(20);
      expect(controls.bad).toEqual([]);
      // and no panel of the dock needs a sideways scroll: a control there would be cut off at first
      // sight (the mode table's force buttons were, at 1480-1700 px)
      const sideways = await page.evaluate(() =>
        [...document.querySelectorAll('.dock, .dock *')]
          .filter((e) => {
            const x = getComputedStyle(e).overflowX;
            // a visually hidden label (1 px, clipped on purpose) is no panel
            if (e.classList.contains('visually-hidden')) return false;
            return (x === 'auto' || x === 'scroll' || x === 'hidden') && e.scrollWidth > e.clientWidth + 1;
          })
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth} > ${e.clientWidth}`),
      );
      expect(sideways).toEqual([]);
      // scrubbing the timeline by a real drag moves the time
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      const box = (await page.getByTestId('timeline').boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
      await expect.poll(() => page.evaluate(() => window.__modescope!.store.get().time)).toBeGreaterThan(50);
      await page.close();
    });

  it('1280x800 split view: both maps show the pair and their paths, each its own table; Save PNG saves both', async () => {
    const page = await openAt(1280, 800);
    await page.selectOption('[data-testid=compare-variant]', 'vanilla');
    await page.waitForFunction(
      () => {
        const s = window.__modescope!.store.get();
        return s.comparePrediction?.sceneId === s.scene?.id && !!window.__modescopeCompare;
      },
      null,
      { timeout: 120_000 },
    );
    const panels = await panelRects(page);
    for (const which of ['main', 'compare'] as const) {
      const d = await drawn(page, which);
      expect(d.boxes).toHaveLength(2);
      expect(d.paths.length).toBeGreaterThan(50);
      expect(misplaced(d, panels)).toEqual([]);
    }
    // the main map's header keeps its buttons over its own map, not under the compared map's title
    const spill = await page.evaluate(() => {
      const head = document.querySelector('.map-header')!.getBoundingClientRect();
      return [...document.querySelectorAll('.map-header > *')]
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.right > head.right + 0.5)
        .map(
          ({ e, r }) => `${e.textContent?.trim()} ends at ${Math.round(r.right)} > ${Math.round(head.right)}`,
        );
    });
    expect(spill).toEqual([]);
    expect(await page.getByTestId('modes').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('compare-modes').locator('tbody tr').count()).toBe(3);
    writeFileSync(join(RESULTS_DIR, 'layout-1280x800-split.png'), await page.screenshot());

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('screenshot').click()]);
    const png = readFileSync((await dl.path())!);
    // PNG IHDR: width and height, big-endian, at bytes 16 and 20
    const size = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const both = await page.evaluate(() => {
      const a = window.__modescope!.engine.parent.getBoundingClientRect();
      const b = window.__modescopeCompare!.parent.getBoundingClientRect();
      return [Math.round((b.right - a.left) * devicePixelRatio), Math.round(a.height * devicePixelRatio)];
    });
    console.log(`split view PNG ${size.join('x')}, both maps on the page ${both.join('x')}`);
    expect(size).toEqual(both);
    writeFileSync(join(RESULTS_DIR, 'layout-1280x800-split-saved.png'), png);
    await page.close();
  });
});
