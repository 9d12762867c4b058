// What the app survives (issue 18 items 3 and 4), each with predictions on: WebGPU losing its device
// in the middle of a prediction (the prediction is retried on the next backend, the status line
// says so, playback and predictions go on); the model worker dying with a request pending, by an
// uncaught error or by closing itself (the request is not left hanging, the status line says so,
// the worker is restarted and predictions resume); and a seeded storm of key presses, scrubs and
// scene switches (no page error, no prediction of another scene or step drawn, heap and the
// worker's tensor count flat afterwards). Every wait is for a state, never a time.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MAX_RESTARTS, predictionStep } from '../../src/app/predictions/controller';
import { COMMANDS } from '../../src/app/commands';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene, waitForPrediction } from './viewer-fixtures';

/** WebGPU on SwiftShader takes ~0.6 s a prediction, more on a loaded machine: wait generously. */
const WAIT = { timeout: 240_000 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Every page error and console error of `page`, as they come. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await h.newPage();
  const errors = collectErrors(page);
  await page.goto(`${h.url}${query}`);
  await waitForScene(page);
  return { page, errors };
}

const status = async (page: Page) => (await page.getByTestId('model-status').textContent()) ?? '';

/** Plays until the time has moved on by a step, then pauses: playback goes on. */
async function playsOn(page: Page) {
  const t0 = await page.evaluate(() => {
    const m = window.__modescope!;
    m.store.set({ time: 20, playing: true });
    return m.store.get().time;
  });
  await page.waitForFunction((t0) => window.__modescope!.store.get().time > t0 + 1, t0, WAIT);
  await page.evaluate(() => window.__modescope!.store.set({ playing: false }));
}

describe('a lost GPU', () => {
  it('retries a prediction whose WebGPU device is lost mid-way on the next backend, says so, and plays on', async () => {
    const { page, errors } = await open('?backend=webgpu');
    await waitForPrediction(page);
    expect(await page.evaluate(() => window.__modescope!.store.get().model.backend)).toBe('webgpu');
    // armed: the device is destroyed at the next prediction's first read from the GPU, its kernels queued
    expect(await page.evaluate(() => window.__modescope!.loseDevice(true))).toBe(true);
    await page.evaluate(() => window.__modescope!.store.set({ time: 35, playing: false }));
    await waitForPrediction(page, 35);
    const s = await page.evaluate(() => window.__modescope!.store.get());
    expect(s.model).toMatchObject({ state: 'ready', backend: 'webgl', pending: false });
    expect(s.prediction!.backend).toBe('webgl');
    console.log(`device lost mid-prediction: ${s.prediction!.notice}`);
    expect(s.prediction!.notice).toMatch(/^webgpu failed \(.+\); now webgl$/);
    expect(s.prediction!.modes.length).toBeGreaterThan(0);
    expect(await status(page)).toMatch(/^webgl · \d+ ms · webgpu failed \(/);
    await page.screenshot({ path: join(RESULTS_DIR, 'reliability-device-lost.png') });
    // playback goes on, and predictions keep coming on the new backend (no second fallback)
    await playsOn(page);
    await page.evaluate(() => window.__modescope!.store.set({ time: 40, playing: false }));
    await waitForPrediction(page, 40);
    const after = await page.evaluate(() => window.__modescope!.store.get());
    expect(after.prediction!.backend).toBe('webgl');
    expect(after.prediction!.notice).toBeNull();
    expect(after.model.state).toBe('ready');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a dead model worker', () => {
  for (const [how, said] of [
    ['throw', 'the model worker crashed'],
    ['close', 'the model worker stopped answering'],
  ] as const)
    it(`notices a worker that dies by ${how === 'throw' ? 'an uncaught error' : 'closing itself'}, restarts it and predicts on`, async () => {
      const { page, errors } = await open('?backend=wasm');
      await waitForPrediction(page);
      // the worker dies at the next request, which is left pending in the client
      expect(await page.evaluate((how) => window.__modescope!.crashModelWorker(how), how)).toBe(true);
      await page.evaluate(() => window.__modescope!.store.set({ time: 35, playing: false }));
      // the pending request ends (rejected, then retried on a new worker): no spinner left
      await waitForPrediction(page, 35);
      const s = await page.evaluate(() => window.__modescope!.store.get());
      expect(s.model).toMatchObject({ state: 'ready', backend: 'wasm', pending: false });
      expect(s.model.message).toContain(`${said}`);
      expect(s.model.message).toContain(`restarted it (1 of ${MAX_RESTARTS})`);
      expect(await status(page)).toMatch(new RegExp(`^wasm · \\d+ ms · as chosen · ${said}.*restarted it`));
      await page.screenshot({ path: join(RESULTS_DIR, `reliability-worker-${how}.png`) });
      await playsOn(page);
      await page.evaluate(() => window.__modescope!.store.set({ time: 45, playing: false }));
      await waitForPrediction(page, 45);
      expect(await page.evaluate(() => window.__modescope!.store.get().model.state)).toBe('ready');
      // the uncaught error is the worker's, reported to the page as an error event the client
      // handles (preventDefault): nothing reaches the page as uncaught
      expect(errors).toEqual([]);
      await page.close();
    });
});

/** mulberry32: a small seeded generator, so the storm is the same in every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The storm's keys: the command table's, but for those that open a dialog or leave the view
 * (export, share's clipboard, the shortcut sheet, presenter mode, its black screen, fullscreen),
 * which would take the keys that follow away from the viewer; Escape closes whatever is open.
 */
const LEFT_OUT = new Set(['export', 'share', 'sheet', 'presenter', 'contrast', 'black', 'fullscreen']);
const KEYS = COMMANDS.filter((c) => !LEFT_OUT.has(c.id)).flatMap((c) =>
  c.keys.map((k) => (c.shift && k.length > 1 ? `Shift+${k}` : k === ' ' ? 'Space' : k)),
);

/** `n` seeded actions: key presses, scrubs (a click on the timeline) and scene-list clicks. */
async function storm(page: Page, seed: number, keys: number, scrubs: number, rows: number) {
  const r = rng(seed);
  const plan = [
    ...Array<string>(keys).fill('key'),
    ...Array<string>(scrubs).fill('scrub'),
    ...Array<string>(rows).fill('row'),
  ];
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  const timeline = (await page.getByTestId('timeline').boundingBox())!;
  const ms: Record<string, number> = { key: 0, scrub: 0, row: 0 };
  for (const what of plan) {
    const t0 = Date.now();
    if (what === 'key') await page.keyboard.press(KEYS[Math.floor(r() * KEYS.length)]!);
    else if (what === 'scrub')
      await page.mouse.click(timeline.x + 8 + r() * (timeline.width - 16), timeline.y + timeline.height / 2);
    else {
      // a click on a row the list shows now (it is virtual: the rows on screen)
      await page.evaluate((pick) => {
        const rows = document.querySelectorAll<HTMLElement>('[data-testid="scene-list"] [data-scene-id]');
        rows[Math.floor(pick * rows.length)]?.click();
      }, r());
    }
    ms[what]! += Date.now() - t0;
  }
  return ms;
}

/** Paused, and the prediction on screen is the one for the scene, pair and step shown (or its refusal). */
async function settle(page: Page) {
  await page.evaluate(() => window.__modescope!.store.set({ playing: false }));
  await page.waitForFunction(
    () => {
      const s = window.__modescope!.store.get();
      if (!s.scene || s.model.pending) return false;
      if (s.model.state === 'error') return s.prediction === null;
      const p = s.prediction;
      return !!p && p.sceneId === s.scene.id;
    },
    undefined,
    WAIT,
  );
}

/**
 * settle, then the store and the pair on screen, read together right after it (one snapshot: a
 * scene landing between two reads resets the pair, and the two would disagree).
 */
async function settled(page: Page) {
  await settle(page);
  return page.evaluate(() => {
    const m = window.__modescope!;
    return { ...m.store.get(), shownPair: m.pair() };
  });
}

/** The scene's own pair at step 30, predicted: what the worker holds after a prediction. */
async function predictAt30(page: Page) {
  await page.evaluate(() => window.__modescope!.store.set({ pair: null, time: 30, playing: false }));
  await waitForPrediction(page, 30);
  return page.evaluate(() => window.__modescope!.store.get().prediction!);
}

/** The main thread's heap after two collections, bytes. */
async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

describe('rapid input', () => {
  it('goes as many scenes on for quick presses of ] as for slow ones', async () => {
    const { page, errors } = await open('?backend=wasm');
    await expect.poll(() => page.getByTestId('file-status').textContent(), WAIT).not.toContain('reading');
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    const id = () => page.evaluate(() => window.__modescope!.store.get().scene!.id);
    const start = await id();
    // one at a time, each waited for: where three presses lead
    for (let k = 0; k < 3; k++) {
      const before = await id();
      await page.keyboard.press(']');
      await page.waitForFunction((b) => window.__modescope!.store.get().scene?.id !== b, before, WAIT);
    }
    const third = await id();
    for (let k = 0; k < 3; k++) {
      const before = await id();
      await page.keyboard.press('[');
      await page.waitForFunction((b) => window.__modescope!.store.get().scene?.id !== b, before, WAIT);
    }
    expect(await id()).toBe(start);
    // three presses while the first scene still decodes: the same scene in the end
    for (let k = 0; k < 3; k++) await page.keyboard.press(']');
    await waitForScene(page, third);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('survives 200 seeded key presses, scrubs and scene switches with predictions on', async () => {
    expect(KEYS.length).toBeGreaterThan(20);
    const { page, errors } = await open('?backend=wasm');
    await expect.poll(() => page.getByTestId('file-status').textContent(), WAIT).not.toContain('reading');
    await waitForPrediction(page);
    // every prediction put on screen, checked the moment it is put there: the scene and pair shown
    await page.evaluate(() => {
      const w = window as unknown as {
        __stale: string[];
        __seen: { shown: number; scenes: number; picked: number };
      };
      w.__stale = [];
      w.__seen = { shown: 0, scenes: 0, picked: 0 };
      const m = window.__modescope!;
      m.store.subscribe((s, prev) => {
        if (s.scene !== prev.scene) w.__seen.scenes++;
        if (s.sceneIndex !== prev.sceneIndex) w.__seen.picked++;
        const p = s.prediction;
        if (!p || p === prev.prediction) return;
        w.__seen.shown++;
        if (p.sceneId !== s.scene?.id) w.__stale.push(`scene ${p.sceneId} drawn on ${s.scene?.id}`);
        const pair = m.pair();
        if (p.a !== pair?.[0] || p.b !== pair[1])
          w.__stale.push(`pair ${p.a},${p.b} drawn for ${pair?.join(',')} on ${s.scene?.id}`);
      });
    });
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    // warm: every code path the storm takes has run once, so the heap measured next is its floor
    await storm(page, 1, 60, 10, 5);
    await settle(page);
    const before = await predictAt30(page);
    const heap0 = await heap(page);

    // five rounds of 50 actions (40 keys, 6 scrubs, 4 list clicks), each left to settle and checked:
    // what is drawn then is for the scene, pair and step on screen
    const seen0 = await page.evaluate(() => ({ ...(window as unknown as { __seen: object }).__seen }));
    const kinds = { key: 0, scrub: 0, row: 0 };
    for (let round = 0; round < 5; round++) {
      const ms = await storm(page, 18 + round, 40, 6, 4);
      for (const k of Object.keys(kinds) as (keyof typeof kinds)[]) kinds[k] += ms[k]!;
      // a scene asked for by the storm's last keys can land after the first settle (and with it a
      // new pair, and its prediction asked for): settle again until the state read is the settled
      // one, the prediction for the scene, pair and step on screen (a state, not a time; at most 5 tries)
      const current = (x: Awaited<ReturnType<typeof settled>>) =>
        x.model.state === 'error' ||
        (!!x.prediction &&
          !!x.scene &&
          x.prediction.sceneId === x.scene.id &&
          x.prediction.a === x.shownPair?.[0] &&
          x.prediction.b === x.shownPair?.[1] &&
          x.prediction.t === predictionStep(x.scene, x.time));
      let s = await settled(page);
      for (let i = 0; i < 5 && !current(s); i++) s = await settled(page);
      const pair = s.shownPair;
      console.log(`storm round ${round}: ${s.scene!.id} at t=${s.time.toFixed(2)}, model ${s.model.state}`);
      if (s.model.state === 'error') {
        // a refusal (an agent not tracked at the step): said, with no prediction beside it
        expect(s.model.message).toMatch(/not tracked at step/);
        expect(s.prediction).toBeNull();
      } else {
        expect(s.prediction!.sceneId).toBe(s.scene!.id);
        expect(s.prediction!.t).toBe(predictionStep(s.scene!, s.time));
        expect([s.prediction!.a, s.prediction!.b]).toEqual(pair);
      }
    }
    const seen = await page.evaluate(() => (window as unknown as { __seen: object }).__seen);
    const heap1 = await heap(page);
    const stale = await page.evaluate(() => (window as unknown as { __stale: string[] }).__stale);
    console.log(
      `storm: 250 actions, ms spent per kind ${JSON.stringify(kinds)}; shown before ${JSON.stringify(seen0)}, ` +
        `after ${JSON.stringify(seen)}; heap ${(heap0 / 1e6).toFixed(1)} -> ${(heap1 / 1e6).toFixed(1)} MB`,
    );
    await page.screenshot({ path: join(RESULTS_DIR, 'reliability-storm.png') });
    expect(errors).toEqual([]);
    expect(stale).toEqual([]);
    // the worker's tensors: the same count as before (weights and nothing else stay; slack 0, as
    // the backend test's leak check over 200 predictions finds it exact)
    const after = await predictAt30(page);
    console.log(`storm: worker tensors ${before.numTensors} before, ${after.numTensors} after`);
    expect(after.numTensors).toBe(before.numTensors);
    // the page's heap: flat within 8 MB (one demo scene with its layer data is ~1 MB and the storm
    // shows a few dozen scenes, so a scene kept per switch would pass it; viewer-memory's bound)
    expect((heap1 - heap0) / 1e6).toBeLessThan(8);
    await page.close();
  });
});
