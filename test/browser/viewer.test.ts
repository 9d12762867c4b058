// The viewer's controls on the bundled demo set: it opens with no file, draws a known agent at its
// known place, plays, answers the keyboard, restores its view from the URL, toggles layers and
// saves a PNG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { S_VALID, S_X, S_Y, stateOffset, type Scene } from '../../src/scene/scene';
import { ScenarioFile } from '../../src/waymo';
import { nodeFileSource } from '../../src/waymo/node-file';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { pickAgentAt, waitForScene } from './viewer-fixtures';

const DEMO = join(import.meta.dirname, '../../public/demo/demo.tfrecord');
let h: Harness;
let page: Page;
let first: Scene;
let count = 0;

beforeAll(async () => {
  const file = await ScenarioFile.open(await nodeFileSource(DEMO));
  count = file.count;
  first = await file.scene(0);
  await file.close();
  h = await startHarness();
  page = await h.newPage();
});
afterAll(async () => {
  await h?.close();
});

const state = () =>
  page.evaluate(() => {
    const s = window.__modescope!.store.get();
    return {
      id: s.scene?.id ?? null,
      time: s.time,
      playing: s.playing,
      speed: s.speed,
      loop: s.loop,
      selected: s.selected,
      follow: s.follow,
      layers: s.layers,
      camera: s.camera,
    };
  });

const layerIds = () =>
  page.evaluate(() => (window.__modescope!.engine.deck.props.layers as { id: string }[]).map((l) => l.id));

describe('viewer on the demo set', () => {
  it('opens the bundled demo with no file and draws a known agent at its known place', async () => {
    const t0 = Date.now();
    await page.goto(`${h.url}?backend=wasm`);
    await waitForScene(page, first.id);
    const loadMs = await page.evaluate(() => window.__modescope!.engine.firstSceneDrawMs);
    console.log(
      `first demo scene drawn ${loadMs?.toFixed(0)} ms after navigation start (${Date.now() - t0} ms wall)`,
    );
    const rows = page.locator('[data-testid="scene-list"] [data-scene-id]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(count);
    await expect.poll(() => page.getByTestId('file-status').textContent()).not.toContain('reading');
    // the SDC's place at the current step, read from the file here in Node, not from the page
    const o = stateOffset(first.tracks, first.sdc, first.currentIndex);
    expect(first.tracks.state[o + S_VALID]).toBe(1);
    const [x, y] = [first.tracks.state[o + S_X]!, first.tracks.state[o + S_Y]!];
    const picked = await page.evaluate(
      ([x, y]) => {
        const m = window.__modescope!;
        m.engine.drawNow('test');
        const [px, py] = m.engine.project(x, y);
        return m.engine.deck.pickObject({ x: px, y: py, radius: 0, layerIds: ['agents'] })?.index ?? null;
      },
      [x, y] as const,
    );
    expect(picked).toBe(first.sdc);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-demo.png') });
  });

  it('plays, pauses, changes speed and loops', async () => {
    const before = (await state()).time;
    const t0 = Date.now();
    await page.getByTestId('play').click();
    // 1 s at 1x is 10 steps; a frame step is capped at 0.1 s, so on a loaded machine with slow
    // SwiftShader frames playback runs slower than the wall clock, never faster
    await expect.poll(async () => (await state()).time - before, { timeout: 15_000 }).toBeGreaterThan(3);
    await page.getByTestId('play').click();
    const wall = (Date.now() - t0) / 1000;
    const after = await state();
    expect(after.playing).toBe(false);
    expect(after.time - before).toBeLessThan(10 * wall + 1);
    await page.getByTestId('speed').selectOption('4');
    expect((await state()).speed).toBe(4);
    // loop on: playing past the end wraps to the start
    await page.evaluate(() => window.__modescope!.store.set({ time: 89.5, playing: true }));
    await expect.poll(async () => (await state()).time < 50).toBe(true);
    // loop off: stops at the last step
    await page.evaluate(() => window.__modescope!.store.set({ loop: false, time: 88, playing: true }));
    await expect.poll(async () => (await state()).playing, { timeout: 10_000 }).toBe(false);
    expect((await state()).time).toBe(90);
    await page.evaluate(() => window.__modescope!.store.set({ loop: true, speed: 1, time: 10 }));
    // the readout is written after the next draw
    await expect.poll(() => page.getByTestId('time').textContent()).toContain('1.00 s');
  });

  it('answers the keyboard', async () => {
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    const t = (await state()).time;
    await page.keyboard.press('ArrowRight');
    expect((await state()).time).toBe(Math.round(t) + 1);
    await page.keyboard.press('Shift+ArrowLeft');
    expect((await state()).time).toBe(Math.round(t) - 9);
    await page.keyboard.press(' ');
    expect((await state()).playing).toBe(true);
    await page.keyboard.press(' ');
    expect((await state()).playing).toBe(false);
    const ids = await page
      .locator('[data-testid="scene-list"] [data-scene-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')));
    await page.keyboard.press(']');
    await waitForScene(page, ids[1]!);
    await page.keyboard.press('[');
    await waitForScene(page, ids[0]!);
    await page.keyboard.press('[');
    await waitForScene(page, ids[ids.length - 1]!);
    await page.keyboard.press(']');
    await waitForScene(page, ids[0]!);
    // hover then click the SDC: tooltip, selection; f follows it
    const at = await page.evaluate((sdc) => {
      const m = window.__modescope!;
      const p = m.poseAt(m.store.get().scene!.tracks, sdc, m.store.get().time)!;
      // the camera centred on the SDC, as a user pans to it: the app's own fit of the pair (which
      // refits when the prediction arrives) no longer moves it from under the pointer
      const cam = m.store.get().camera ?? { x: 0, y: 0, zoom: 3, rotation: 0 };
      m.store.set({ camera: { ...cam, x: p.x, y: p.y } });
      m.engine.drawNow('test');
      const [x, y] = m.engine.project(p.x, p.y);
      const r = m.engine.parent.getBoundingClientRect();
      return [x + r.left, y + r.top];
    }, first.sdc);
    await page.mouse.move(at[0]!, at[1]!);
    await expect
      .poll(() => page.getByTestId('tooltip').textContent())
      .toContain(`id ${first.tracks.ids[first.sdc]}`);
    expect(await page.getByTestId('tooltip').textContent()).toMatch(/speed .* m\/s/);
    await page.mouse.click(at[0]!, at[1]!, { delay: 80 });
    await expect.poll(async () => (await state()).selected).toBe(first.sdc);
    await page.keyboard.press('f');
    expect((await state()).follow).toBe(true);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const s = await state();
    const p = await page.evaluate(
      ([i, t]) => window.__modescope!.poseAt(window.__modescope!.store.get().scene!.tracks, i, t),
      [first.sdc, s.time] as const,
    );
    await expect.poll(async () => (await state()).camera?.x).toBeCloseTo(p!.x, 3);
    expect((await state()).camera?.y).toBeCloseTo(p!.y, 3);
    await page.keyboard.press('f');
    expect((await state()).follow).toBe(false);
    // speed, rotation, future, shortcuts sheet; the keys drive playback only, never deck's own
    // keyboard camera (it zoomed on - and + with an animated transition)
    const zoom = (await state()).camera?.zoom;
    await page.keyboard.press('+');
    expect((await state()).speed).toBe(2);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect((await state()).speed).toBe(0.5);
    await page.waitForTimeout(500);
    expect((await state()).camera?.zoom).toBe(zoom);
    await page.keyboard.press('q');
    expect((await state()).camera?.rotation).toBe(15);
    await page.keyboard.press('g');
    expect((await state()).layers.future).toBe(true);
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('shortcuts').isVisible()).toBe(true);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-shortcuts.png') });
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('shortcuts').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-rotated-future.png') });
  });

  it('stops asking for frames when nothing changes, and wakes to draw a key, a hover and play', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const m = window.__modescope!;
      m.store.set({ playing: false, follow: false, selected: -1 });
      const w = window as unknown as { draws: number };
      w.draws = 0;
      m.engine.afterDraw(() => w.draws++);
    });
    const running = () => page.evaluate(() => window.__modescope!.engine.running);
    const draws = () => page.evaluate(() => (window as unknown as { draws: number }).draws);
    // a state: the loop has gone to sleep (Engine QUIET_FRAMES), and stays asleep over 60 of the
    // page's own frames, drawing nothing
    await expect.poll(running).toBe(false);
    const asleep = await draws();
    await page.evaluate(async () => {
      for (let i = 0; i < 60; i++) await new Promise(requestAnimationFrame);
    });
    expect(await running()).toBe(false);
    expect(await draws()).toBe(asleep);
    // a key wakes it: the new step is drawn and read out, then it sleeps again
    const t = Math.round((await state()).time);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('time').getAttribute('data-step')).toBe(String(t + 1));
    expect(await draws()).toBeGreaterThan(asleep);
    await expect.poll(running).toBe(false);
    // a pointer over an agent wakes deck's hover pick: the tooltip names it
    const at = await page.evaluate((sdc) => {
      const m = window.__modescope!;
      const s = m.store.get();
      const p = m.poseAt(s.scene!.tracks, sdc, s.time)!;
      return m.engine.toClient(p.x, p.y);
    }, first.sdc);
    await page.mouse.move(at[0]! + 40, at[1]! + 40);
    await page.mouse.move(at[0]!, at[1]!);
    await expect
      .poll(() => page.getByTestId('tooltip').textContent())
      .toContain(`id ${first.tracks.ids[first.sdc]}`);
    await page.mouse.move(5, 790);
    await expect.poll(running).toBe(false);
    // play runs the loop for as long as it plays, each frame a step on
    await page.keyboard.press(' ');
    await expect.poll(async () => (await state()).time).toBeGreaterThan(t + 3);
    expect(await running()).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(running).toBe(false);
  });

  it('hides and shows layers with the toggles', async () => {
    const sdc = first.sdc;
    await page.evaluate(() => window.__modescope!.store.set({ selected: -1, follow: false }));
    expect(await pickAgentAt(page, sdc, 20)).toBe(sdc);
    await page.getByTestId('layer-agents').uncheck();
    expect(await pickAgentAt(page, sdc, 20)).toBe(null);
    expect(await layerIds()).not.toContain('agents');
    await page.getByTestId('layer-agents').check();
    expect(await pickAgentAt(page, sdc, 20)).toBe(sdc);
    for (const [key, id] of [
      ['lanes', 'map-lanes'],
      ['crosswalks', 'map-crosswalks'],
      ['signals', 'map-signals'],
      ['trails', 'agent-trails'],
    ]) {
      await page.getByTestId(`layer-${key}`).uncheck();
      await page.evaluate(() => window.__modescope!.engine.drawNow('test'));
      expect(await layerIds()).not.toContain(id);
      await page.getByTestId(`layer-${key}`).check();
      await page.evaluate(() => window.__modescope!.engine.drawNow('test'));
      expect(await layerIds()).toContain(id);
    }
  });

  it('restores the view from the URL after a reload', async () => {
    const row = page.locator('[data-testid="scene-list"] [data-scene-id]').nth(3);
    const id = await row.getAttribute('data-scene-id');
    await row.click();
    await waitForScene(page, id!);
    await page.evaluate(() => {
      const m = window.__modescope!;
      m.store.set({
        time: 37,
        selected: 1,
        follow: true,
        camera: { x: 12.5, y: -3.25, zoom: 2.5, rotation: 30 },
      });
    });
    await page.getByTestId('layer-lanes').uncheck();
    await page.waitForTimeout(600);
    const before = await state();
    expect(page.url()).toContain(`scene=${id}`);
    await page.reload();
    await waitForScene(page, id!);
    const after = await state();
    expect(after.time).toBe(37);
    expect(after.selected).toBe(1);
    expect(after.follow).toBe(true);
    expect(after.layers.lanes).toBe(false);
    expect(after.layers.future).toBe(before.layers.future);
    // following moves the camera to the agent; zoom and rotation come back as they were
    expect(after.camera?.zoom).toBeCloseTo(2.5, 3);
    expect(after.camera?.rotation).toBe(30);
    await page.getByTestId('layer-lanes').check();
  });

  it('filters the scene list', async () => {
    const rows = page.locator('[data-testid="scene-list"] [data-scene-id]');
    await page.getByTestId('scene-search').fill(first.id);
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('scene-search').fill('');
    await page.getByTestId('filter-pedestrian').check();
    const withPeds = await rows.count();
    expect(withPeds).toBeGreaterThan(0);
    expect(withPeds).toBeLessThan(count);
    await page.getByTestId('filter-pedestrian').uncheck();
    await expect.poll(() => rows.count()).toBe(count);
  });

  it('saves a PNG screenshot', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('screenshot').click(),
    ]);
    const path = join(RESULTS_DIR, 'viewer-download.png');
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(download.suggestedFilename()).toMatch(/^modescope-.*\.png$/);
  });
});
