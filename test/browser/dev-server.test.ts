// The README's first command, `npm start`, serves the app from Vite's dev server, which bundles
// nothing: it serves each source module and pre-bundles dependencies on demand. Every other browser
// test drives the production build, so this one drives the dev server: the model must start there
// (it never did: the worker loaded two copies of tfjs-core and a CommonJS file as ESM), and a
// worker whose code cannot load must say why, once, without a new worker per store change. The dev
// server also lists the models in models-local/ (DESIGN.md 6b), which the app offers and runs.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

/** expect.poll gives up after 1 s by default: far too soon on a loaded CI machine. */
const WAIT = { timeout: 60_000 };

let server: ViteDevServer;
let browser: Browser;
let url: string;
/** A model folder of this run in models-local/ (a copy of the shipped pseudo-label CVAE). */
const LOCAL = `devtest-${process.pid}`;
const LOCAL_DIR = join(import.meta.dirname, '../../models-local', LOCAL);
beforeAll(async () => {
  mkdirSync(LOCAL_DIR, { recursive: true });
  for (const f of ['model.json', 'weights.bin'])
    copyFileSync(join(import.meta.dirname, '../../public/models/pseudo', f), join(LOCAL_DIR, f));
  // its own dependency cache, so a stale one from `npm start` at the desk cannot hide a failure
  server = await createServer({
    server: { port: 0, host: '127.0.0.1' },
    cacheDir: 'node_modules/.vite-test',
    logLevel: 'error',
    optimizeDeps: { force: true },
  });
  await server.listen();
  url = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(LOCAL_DIR, { recursive: true, force: true });
});

async function page(): Promise<{ page: Page; workers: () => number }> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  p.on('pageerror', (e) => console.error('[pageerror]', e.message));
  let n = 0;
  // model workers only: wasm's own thread workers (cross-origin isolated pages) are not counted
  p.on('worker', (w) => void (w.url().includes('model-worker') && n++));
  return { page: p, workers: () => n };
}

describe('the dev server (npm start)', () => {
  it('starts the model and shows a prediction', async () => {
    const { page: p, workers } = await page();
    await p.goto(url);
    await waitForScene(p);
    await p.waitForFunction(
      () => {
        const s = window.__modescope!.store.get();
        return s.model.state === 'ready' && !!s.prediction && s.prediction.sceneId === s.scene?.id;
      },
      undefined,
      { timeout: 240_000 },
    );
    await expect
      .poll(() => p.getByTestId('model-status').textContent(), WAIT)
      .toMatch(/^\w+ · \d+ ms · fastest here: /);
    // the model's worker and, at this first start, the one that measured the backends
    expect(workers()).toBe(2);
    await p.close();
  });

  it('says once why the model could not start, and starts no second worker', async () => {
    const { page: p, workers } = await page();
    // the worker's code cannot load (as when the dev server served a broken module)
    await p.route('**/src/app/model-worker-main.ts**', (r) => r.fulfill({ status: 500, body: 'broken' }));
    await p.goto(url);
    await waitForScene(p);
    await expect
      .poll(() => p.getByTestId('model-status').textContent(), { timeout: 120_000 })
      .toMatch(/^the model could not start: the model's code could not load in its worker: .+/);
    // scrubbing asks again: the same error, no new worker
    for (const t of [20, 30, 40]) await p.evaluate((t) => window.__modescope!.store.set({ time: t }), t);
    const updates = await p.evaluate(async () => {
      let n = 0;
      const off = window.__modescope!.store.subscribe(() => n++);
      for (let k = 0; k < 30; k++) await new Promise(requestAnimationFrame);
      off();
      return n;
    });
    expect(updates).toBeLessThanOrEqual(2);
    expect(workers()).toBe(1);
    // choosing another backend tries again
    await p.unroute('**/src/app/model-worker-main.ts**');
    await p.getByTestId('model-backend').selectOption('wasm');
    await expect
      .poll(() => p.getByTestId('model-status').textContent(), { timeout: 120_000 })
      .toMatch(/^wasm · /);
    expect(workers()).toBe(2);
    await p.close();
  });

  it('lists the models in models-local/ and predicts with one', async () => {
    const { page: p } = await page();
    await p.goto(`${url}?backend=wasm`);
    await waitForScene(p);
    const id = `local:${LOCAL}`;
    const options = () =>
      p
        .getByTestId('model-variant')
        .locator('option')
        .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    await expect.poll(options, WAIT).toContain(id);
    await p.getByTestId('model-variant').selectOption(id);
    await p.waitForFunction(
      (v) => {
        const s = window.__modescope!.store.get();
        return !!s.prediction && s.prediction.sceneId === s.scene?.id && s.prediction.variant === v;
      },
      id,
      { timeout: 240_000 },
    );
    await p.close();
  });
});
