// The first ten minutes of a new user (issue 11): each test clicks or types through one thing that
// broke, on the built app, and checks what the page shows. Every wait is for a state; the only
// fixed spans are stimuli (a long press, a slow frame) and the windows a rate is measured over.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_MODE_COLORS } from '../../src/app/palette';
import { encodeRecords } from '../../src/waymo';
import { buildScene } from '../../src/scene/build';
import { encodeScene } from '../../src/waymo/scenario';
import { fixtureInput, fixturePayload } from '../fixtures/scenes';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

/** expect.poll gives up after 1 s by default: far too soon on a loaded CI machine. */
const WAIT = { timeout: 60_000 };

// vitest's expect has no locator assertions: these poll the page until the state holds
const textOf = (l: Locator) => expect.poll(() => l.textContent(), WAIT);
const countOf = (l: Locator) => expect.poll(() => l.count(), WAIT);
const valueOf = (l: Locator) => expect.poll(() => l.inputValue(), WAIT);
const disabled = (l: Locator) => expect.poll(() => l.isDisabled(), WAIT).toBe(true);

const REAL = join(import.meta.dirname, '../../../shared/womd/motion_data_one_scenario.tfrecord');
let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'modescope-newuser-'));
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The app at `query` (wasm backend: the model answers in milliseconds on a software GPU). */
async function open(query = '?backend=wasm'): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.url}${query}`);
  await waitForScene(page);
  return page;
}

/** Waits for a settled prediction of the shown scene that passes `check` (a JS expression on p). */
async function waitForPrediction(page: Page, check = 'true') {
  await page.waitForFunction(
    (check) => {
      const s = window.__modescope!.store.get();
      const p = s.prediction;
      return !!p && p.sceneId === s.scene?.id && !s.model.pending && (0, eval)(`(p) => ${check}`)(p);
    },
    check,
    { timeout: 120_000 },
  );
}

/** Store updates during the next `frames` animation frames. */
async function updatesOver(page: Page, frames: number): Promise<number> {
  return page.evaluate(async (frames) => {
    let n = 0;
    const off = window.__modescope!.store.subscribe(() => n++);
    for (let k = 0; k < frames; k++) await new Promise(requestAnimationFrame);
    off();
    return n;
  }, frames);
}

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Opens a file through the picker and waits until its scenes are the ones listed. */
async function pick(page: Page, path: string, ids: string[]) {
  await page.getByTestId('file-input').setInputFiles(path);
  await expect
    .poll(
      () =>
        page.locator('[data-scene-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id'))),
      {
        timeout: 60_000,
      },
    )
    .toEqual(ids);
}

const status = (page: Page) => page.getByTestId('model-status').textContent();

describe('a new user', () => {
  it('sees a prediction error once, in words, and a new request predicts again', async () => {
    const page = await open();
    await pick(page, file('pair.tfrecord', encodeRecords([fixturePayload(1)])), ['fixture-1']);
    await waitForScene(page, 'fixture-1');
    await waitForPrediction(page);
    // track 5 (id 105) appears only at step 20: from step 12 there is nothing to predict from
    await page.evaluate(() => window.__modescope!.store.set({ pair: [1, 5], time: 12, playing: false }));
    await expect.poll(() => status(page), WAIT).toContain('agent 105 (B) is not tracked at step 12');
    // the same request is not sent again: the store stays still (the bug re-sent it thousands
    // of times a second)
    await page.waitForFunction(() => !window.__modescope!.store.get().model.pending);
    expect(await updatesOver(page, 60)).toBeLessThanOrEqual(2);
    // a request that can be answered is
    await page.evaluate(() => window.__modescope!.store.set({ time: 30 }));
    await waitForPrediction(page, 'p.t === 30 && p.a === 1 && p.b === 5');
    await page.close();
  });

  it.skipIf(!existsSync(REAL))('presses End on the real scene: one error, the page stays idle', async () => {
    const page = await open();
    await pick(page, REAL, ['637f20cafde22ff8']);
    await waitForScene(page, '637f20cafde22ff8');
    await waitForPrediction(page);
    await page.locator('body').press('End');
    await expect
      .poll(() => status(page), { timeout: 60_000 })
      .toMatch(/agent \d+ \([AB]\) is not tracked at step 89/);
    // a prediction still running for the earlier step may settle once; the bug re-sent the
    // failing request thousands of times a second
    await page.waitForFunction(() => !window.__modescope!.store.get().model.pending);
    expect(await updatesOver(page, 60)).toBeLessThanOrEqual(2);
    await expect.poll(() => status(page), WAIT).toMatch(/is not tracked at step 89/);
    writeFileSync(join(RESULTS_DIR, 'new-user-error-once.png'), await page.screenshot());
    await page.close();
  });

  it('types in form fields without triggering shortcuts', async () => {
    const page = await open();
    const before = await page.evaluate(() => {
      const s = window.__modescope!.store.get();
      return { time: s.time, rotation: s.camera?.rotation ?? 0, scene: s.scene!.id };
    });
    const samples = page.getByTestId('samples');
    await samples.selectText();
    await samples.pressSequentially('10');
    await samples.press('ArrowLeft');
    await page.getByTestId('scene-search').pressSequentially('e');
    await page.getByTestId('scene-search').fill('');
    const loop = page.locator('.playback input[type=checkbox]');
    await loop.focus();
    await loop.press(' ');
    const after = await page.evaluate(() => {
      const s = window.__modescope!.store.get();
      return {
        time: s.time,
        rotation: s.camera?.rotation ?? 0,
        samples: s.predict.samplesPerMode,
        playing: s.playing,
        loop: s.loop,
      };
    });
    expect(after.samples).toBe(10); // '0' did not fit the camera and eat the digit
    expect(after.time).toBe(before.time); // arrows moved the caret, not the time
    expect(after.rotation).toBe(before.rotation); // 'e' went into the search box
    expect(after.playing).toBe(false); // space toggled the checkbox...
    expect(after.loop).toBe(false); // ...and only the checkbox
    // PageDown and ? are the app's from any field
    await samples.press('PageDown');
    await page.waitForFunction((id) => window.__modescope!.store.get().scene?.id !== id, before.scene);
    await samples.press('?');
    await page.getByTestId('shortcuts').waitFor();
    // the sheet lists the table's commands, PageDown among them
    await textOf(page.getByTestId('shortcuts')).toContain('PageDown');
    await page.keyboard.press('Escape');
    await countOf(page.getByTestId('shortcuts')).toBe(0);
    await page.close();
  });

  it('resample gives new samples at the default 2 per mode', async () => {
    const page = await open();
    await waitForPrediction(page);
    const first = await page.evaluate(() =>
      Array.from(window.__modescope!.store.get().prediction!.modes[0]!.samples[0]!.a.slice(-2)),
    );
    await textOf(page.getByTestId('sampling')).toContain('the goal means');
    await page.getByTestId('resample').click();
    await page.waitForFunction(() => window.__modescope!.store.get().predict.seed === 2);
    await waitForPrediction(page);
    await textOf(page.getByTestId('sampling')).toContain('random draws (seed 2)');
    const second = await page.evaluate(() =>
      Array.from(window.__modescope!.store.get().prediction!.modes[0]!.samples[0]!.a.slice(-2)),
    );
    expect(second).not.toEqual(first);
    await page.close();
  });

  it('selects an agent with a press held long past a slow frame', async () => {
    const page = await open('?backend=wasm&off=predictions');
    // the prediction panel floats over the lower map and grows when the mode table arrives (the
    // layer toggle hides the drawn prediction, not the table): wait for it, then put the agent
    // halfway between the top of the map and the panel
    await waitForPrediction(page);
    // every frame now costs 300 ms more, as a big real scene on a software GPU does
    const target = await page.evaluate(async () => {
      const m = window.__modescope!;
      const s = m.store.get();
      const i = s.scene!.objectsOfInterest.length
        ? s.scene!.tracks.ids.indexOf(s.scene!.objectsOfInterest[0]!)
        : 0;
      const p = m.poseAt(s.scene!.tracks, i, s.time)!;
      const r = m.engine.parent.getBoundingClientRect();
      const panel = document.querySelector('[data-testid="mode-panel"]')?.getBoundingClientRect();
      const targetY = (Math.min(panel ? panel.top : r.bottom, r.bottom) - r.top) / 2;
      const place = (dy: number) => {
        m.store.set({ camera: { x: p.x, y: p.y + dy, zoom: 3, rotation: 0 }, follow: false, selected: -1 });
        m.engine.drawNow('test');
        return m.engine.project(p.x, p.y);
      };
      const y0 = place(0)[1];
      const perMetre = place(1)[1] - y0;
      const [x, y] = place(perMetre === 0 ? 0 : (targetY - y0) / perMetre);
      m.engine.afterDraw(() => {
        const end = performance.now() + 300;
        while (performance.now() < end);
      });
      return { i, x: r.left + x, y: r.top + y, cx: x, cy: y };
    });
    // a state, not a time: the agent is drawn under the pointer and nothing covers it
    await page.waitForFunction(
      (t) => {
        const e = window.__modescope!.engine;
        return e.pickAgent(t.cx, t.cy) === t.i && e.parent.contains(document.elementFromPoint(t.x, t.y));
      },
      target,
      { timeout: 60_000 },
    );
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    await page.waitForTimeout(400); // the stimulus: a press longer than deck's 250 ms tap
    await page.mouse.up();
    await page.waitForFunction((i) => window.__modescope!.store.get().selected === i, target.i);
    // a drag is a pan, not a click: the selection stays
    await page.mouse.move(target.x + 200, target.y + 150);
    await page.mouse.down();
    await page.mouse.move(target.x + 260, target.y + 180, { steps: 4 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.__modescope!.store.get().selected)).toBe(target.i);
    await page.close();
  });

  it('keeps one time base: pause, readout, arrows, prediction and URL name the same step', async () => {
    const page = await open();
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.__modescope!.store.get().time > 25.3);
    await page.getByTestId('play').click();
    const t = await page.evaluate(() => window.__modescope!.store.get().time);
    expect(Number.isInteger(t)).toBe(true);
    await expect.poll(() => page.getByTestId('time').getAttribute('data-step'), WAIT).toBe(String(t));
    await waitForPrediction(page, `p.t === ${t}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('t'), WAIT).toBe(String(t));
    await page.locator('body').press('ArrowRight');
    await page.waitForFunction((t) => window.__modescope!.store.get().time === t + 1, t);
    await expect.poll(() => page.getByTestId('time').getAttribute('data-step'), WAIT).toBe(String(t + 1));
    // a fractional time from the slider: every view floors it
    await page.evaluate(() => window.__modescope!.store.set({ time: 40.996 }));
    await waitForPrediction(page, 'p.t === 40');
    await expect.poll(() => new URL(page.url()).searchParams.get('t'), WAIT).toBe('40.99');
    await page.locator('body').press('ArrowRight');
    await page.waitForFunction(() => window.__modescope!.store.get().time === 41);
    await page.close();
  });

  it('plays at 1x in wall-clock time when every frame is slow', async () => {
    const page = await open('?backend=wasm&off=predictions');
    // the first prediction settled: no model start competes for the two cores
    await waitForPrediction(page);
    const r = await page.evaluate(async () => {
      const m = window.__modescope!;
      m.store.set({ time: 0, loop: false, speed: 1 });
      // 250 ms more per frame: the old 0.1 s cap per frame played at most 0.4x here
      m.engine.afterDraw(() => {
        const end = performance.now() + 250;
        while (performance.now() < end);
      });
      // each frame's advance (steps) and when it happened: the engine advances by the wall-clock
      // gap since its last frame, cut at MAX_FRAME_S (1 s: a hidden tab). A loaded machine may
      // stretch a frame past that cap, so only gaps under 0.9 s are judged, never the total.
      const frames: { at: number; steps: number }[] = [];
      const off = m.store.subscribe((s, prev) => {
        if (s.time > prev.time) frames.push({ at: performance.now(), steps: s.time - prev.time });
      });
      m.store.set({ playing: true });
      // a state, not a time: enough frames to judge (each one 250 ms or more)
      while (frames.length < 9) await new Promise(requestAnimationFrame);
      m.store.set({ playing: false });
      off();
      let played = 0;
      let wall = 0;
      for (let i = 1; i < frames.length; i++) {
        const gap = frames[i]!.at - frames[i - 1]!.at;
        if (gap > 900) continue;
        played += frames[i]!.steps / 10;
        wall += gap / 1000;
      }
      return { ratio: played / wall, judged: wall };
    });
    console.log(
      `1x playback with 250 ms more per frame: ${r.ratio.toFixed(2)}x wall clock over ${r.judged.toFixed(1)} s of frames`,
    );
    expect(r.judged).toBeGreaterThan(0.5);
    expect(r.ratio).toBeGreaterThan(0.8);
    expect(r.ratio).toBeLessThan(1.25);
    await page.close();
  });

  it('names the vanilla CVAE modes "mode 1..3", in colours of their own, with no ✓', async () => {
    const page = await open('?backend=wasm&model=vanilla');
    await waitForPrediction(page, "p.variant === 'vanilla'");
    await valueOf(page.getByTestId('model-variant')).toBe('vanilla');
    const rows = await page.locator('[data-testid=modes] [data-testid=mode-name]').allTextContents();
    expect(rows.map((r) => r.trim())).toEqual(['mode 1', 'mode 2', 'mode 3']);
    const swatches = await page
      .locator('[data-testid=modes] .swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(swatches).toEqual(PLAIN_MODE_COLORS.map((c) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`));
    writeFileSync(join(RESULTS_DIR, 'new-user-vanilla.png'), await page.screenshot());
    await page.close();
  });

  it('restores model, samples, split view and speed from the URL; Back returns to the last scene', async () => {
    const page = await open('?backend=wasm&model=constant_velocity&n=3&split=vanilla&speed=2');
    const s = await page.evaluate(() => {
      const st = window.__modescope!.store.get();
      return { v: st.predict.variant, n: st.predict.samplesPerMode, split: st.compare, speed: st.speed };
    });
    expect(s).toEqual({ v: 'constant_velocity', n: 3, split: 'vanilla', speed: 2 });
    await valueOf(page.getByTestId('speed')).toBe('2');
    await valueOf(page.getByTestId('compare-variant')).toBe('vanilla');
    const first = await page.evaluate(() => window.__modescope!.store.get().scene!.id);
    await expect.poll(() => new URL(page.url()).searchParams.get('scene'), WAIT).toBe(first);
    await page.locator('body').press(']');
    await page.waitForFunction((id) => window.__modescope!.store.get().scene?.id !== id, first);
    const second = await page.evaluate(() => window.__modescope!.store.get().scene!.id);
    await expect.poll(() => new URL(page.url()).searchParams.get('scene'), WAIT).toBe(second);
    await page.goBack();
    await page.waitForFunction((id) => window.__modescope!.store.get().scene?.id === id, first);
    expect(new URL(page.url()).searchParams.get('model')).toBe('constant_velocity');
    await page.goForward();
    await page.waitForFunction((id) => window.__modescope!.store.get().scene?.id === id, second);
    await page.close();
  });

  it('after a reload asks for the local file again, and restores its view when it is opened', async () => {
    const page = await open();
    const path = file('local two.tfrecord', encodeRecords([fixturePayload(1), fixturePayload(2)]));
    await pick(page, path, ['fixture-1', 'fixture-2']);
    await page.locator('[data-scene-id="fixture-2"]').click();
    await waitForScene(page, 'fixture-2');
    await page.evaluate(() => window.__modescope!.store.set({ time: 33 }));
    await expect.poll(() => new URL(page.url()).searchParams.get('t'), WAIT).toBe('33');
    expect(new URL(page.url()).searchParams.get('local')).toBe('local two.tfrecord');
    await page.reload();
    await textOf(page.getByTestId('local-notice')).toContain('local two.tfrecord');
    await textOf(page.getByTestId('local-notice')).toContain('fixture-2');
    await pick(page, path, ['fixture-1', 'fixture-2']);
    await waitForScene(page, 'fixture-2');
    expect(await page.evaluate(() => window.__modescope!.store.get().time)).toBe(33);
    await countOf(page.getByTestId('local-notice')).toBe(0);
    await page.close();
  });

  it('a file-level run belongs to its file: opening another discards it', async () => {
    const page = await open();
    await page.getByTestId('file-run-open').click();
    await page.getByTestId('file-run-start').click();
    await page.waitForSelector('[data-testid=file-run-table] tbody tr', { timeout: 180_000 });
    await pick(page, file('other.tfrecord', encodeRecords([fixturePayload(3)])), ['fixture-3']);
    // the panel of the old file is gone with its rows and exports
    await countOf(page.getByTestId('file-run-table')).toBe(0);
    await countOf(page.getByTestId('export-csv')).toBe(0);
    await page.getByTestId('file-run-open').click();
    await textOf(page.getByTestId('file-run')).toContain('other.tfrecord');
    await countOf(page.getByTestId('file-run-table')).toBe(0);
    // and a run still going when the file changes never reaches the new file
    await page.getByTestId('file-run-start').click();
    await page.waitForSelector('[data-testid=file-run-table] tbody tr');
    const back = await page.locator('[data-testid=file-run-table] tbody tr').count();
    expect(back).toBe(1);
    await page.close();
  });

  it('numbers records the same everywhere: a damaged header counts as one record', async () => {
    const page = await open();
    const bytes = encodeRecords([fixturePayload(1), fixturePayload(2), fixturePayload(3)]);
    const second = 12 + new DataView(bytes.buffer).getUint32(0, true) + 4;
    bytes[second + 9]! ^= 0xff; // record 1's header CRC: the reader skips to record 2
    await pick(page, file('skip.tfrecord', bytes), ['fixture-1', 'fixture-3']);
    const numbers = await page
      .locator('[data-scene-id]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-record'), e.querySelector('td')!.textContent]),
      );
    expect(numbers).toEqual([
      ['0', '0'],
      ['2', '2'],
    ]);
    await countOf(page.getByText(new RegExp(`skip\\.tfrecord: record 1 \\(byte ${second}\\): header`))).toBe(
      1,
    );
    await page.getByTestId('file-run-open').click();
    await page.getByTestId('file-run-start').click();
    await page.waitForSelector('[data-testid=file-run-table] tbody tr[data-k="1"]', { timeout: 120_000 });
    expect(
      await page.locator('[data-testid=file-run-table] tbody tr[data-k="1"] td').first().textContent(),
    ).toBe('2');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(['0', '2']);
    await page.close();
  });

  it('with no readable scene, nothing acts on the last one; no run, no exports', async () => {
    const responses: number[] = [];
    const page = await h.newPage();
    page.on('response', (r) => void (r.status() >= 400 && responses.push(r.status())));
    await page.goto(`${h.url}?backend=wasm`);
    await waitForScene(page);
    await page
      .getByTestId('file-input')
      .setInputFiles(file('notes.tfrecord', new TextEncoder().encode('not a record\n'.repeat(40))));
    await countOf(page.getByText(/notes\.tfrecord: file: format: a text file, not a scenario file/)).toBe(1);
    await textOf(page.getByTestId('scene-title')).toBe('no scene');
    await textOf(page.getByTestId('time')).toBe('no scene');
    await disabled(page.getByTestId('play'));
    await disabled(page.getByTestId('timeline'));
    await disabled(page.getByTestId('file-run-open'));
    await textOf(page.getByTestId('model-status')).toBe('no scene');
    await page.locator('body').press(' ');
    expect(await page.evaluate(() => window.__modescope!.store.get().playing)).toBe(false);
    expect(responses).toEqual([]); // the favicon among them
    await page.close();
  });

  it('shows the file name and the scene pair without breaking words or clipping', async () => {
    const page = await open('?backend=wasm&off=predictions');
    const name = 'uncompressed_scenario_validation_interactive.tfrecord-00007-of-00150';
    // WOMD-length scenario ids (16 hex digits)
    const long = ['637f20cafde22ff8', 'b1c2d3e4f5a6b7c8'];
    await pick(
      page,
      file(name, encodeRecords(long.map((id, k) => encodeScene(buildScene(fixtureInput(k + 1, id)))))),
      long,
    );
    const layout = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=file-status]')!;
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text: Node | null = walk.nextNode();
      while (text && !text.textContent!.includes('scenes')) text = walk.nextNode();
      if (!text) throw new Error(`no 'scenes' in ${el.textContent}`);
      const at = text.textContent!.indexOf('scenes');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 'scenes'.length);
      const list = document.querySelector('.scene-table')!.getBoundingClientRect();
      const ids = [...document.querySelectorAll('[data-scene-id] td:nth-child(2)')].map(
        (td) => td.scrollWidth <= td.clientWidth + 1,
      );
      const pairs = [...document.querySelectorAll('[data-scene-id] td:nth-child(4)')].map((td) => {
        const b = td.getBoundingClientRect();
        return { right: b.right, text: td.textContent, fits: td.scrollWidth <= td.clientWidth + 1 };
      });
      return {
        lines: new Set([...r.getClientRects()].map((q) => Math.round(q.top))).size,
        list: list.right,
        pairs,
        ids,
      };
    });
    expect(layout.lines).toBe(1);
    expect(layout.ids).toEqual([true, true]); // 16 hex digits, as WOMD ids are, fit whole
    for (const p of layout.pairs) {
      expect(p.text).toBe('101 & 102');
      expect(p.right).toBeLessThanOrEqual(layout.list + 1);
      expect(p.fits).toBe(true);
    }
    for (const [w, hgt] of [
      [900, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      const ok = await page.evaluate(() => {
        const list = document.querySelector('.scene-table')!.getBoundingClientRect();
        return [...document.querySelectorAll('[data-scene-id] td:nth-child(4)')].every(
          (td) => td.getBoundingClientRect().right <= list.right + 1,
        );
      });
      expect(ok, `pair column inside the list at ${w}x${hgt}`).toBe(true);
    }
    writeFileSync(join(RESULTS_DIR, 'new-user-list.png'), await page.screenshot());
    await page.close();
  });
});
