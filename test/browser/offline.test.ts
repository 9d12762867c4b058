// Offline and anywhere (issue 17 item 6): the build (dist/) served by a plain static server under a
// sub-path (/some/path/), as any static host would. A first visit installs the service worker
// (src/cli/lib/pwa.ts), which precaches the app, the wasm binaries, the shipped models and the
// demo set; then the server is STOPPED (Chromium's offline emulation does not cover a service
// worker's own fetches, so only a server that is gone proves the app needs no network), and a
// reload opens the app, the demo, and a prediction on wasm; from a host that sends COOP/COEP the page
// stays cross-origin isolated offline (wasm threads), from one that does not it runs as it did
// online, single-threaded. The share button copies a link that
// reopens the same view. Every wait is for a state.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS, serveStatic, type StaticServer } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

/** expect.poll gives up after 1 s by default: far too soon on a loaded CI machine. */
const WAIT = { timeout: 60_000 };
const BASE = '/some/path/';

let browser: Browser;
const servers: StaticServer[] = [];
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
});

/** `isolated`: whether the host sends COOP/COEP (wasm threads); a plain host does not. */
async function serve(isolated = true): Promise<StaticServer> {
  const s = await serveStatic({ dir: process.env.DIST_DIR ?? 'dist', base: BASE, isolated });
  servers.push(s);
  return s;
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  await page.goto(url);
  await waitForScene(page);
  return page;
}

/** Waits until the model has predicted for the scene shown. */
async function waitForPrediction(page: Page) {
  await page.waitForFunction(
    () => {
      const s = window.__modescope!.store.get();
      return s.model.state === 'ready' && s.prediction?.sceneId === s.scene?.id && !s.model.pending;
    },
    null,
    { timeout: 120_000 },
  );
}

describe('the build on a static host under a sub-path', () => {
  it('share copies a link that reopens the same view', async () => {
    const server = await serve();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    });
    const page = await open(context, `${server.url}?backend=wasm`);
    // a view the default does not show: the third scene, step 37, a camera of its own, 4 samples
    const want = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-scene-id]')];
      (rows[2] as HTMLElement).click();
      return rows[2]!.getAttribute('data-scene-id')!;
    });
    await waitForScene(page, want);
    await page.evaluate(() => {
      const m = window.__modescope!;
      m.store.set({ time: 37, playing: false, camera: { x: 12.5, y: -3.25, zoom: 2.5, rotation: 30 } });
      m.store.set({ predict: { ...m.store.get().predict, samplesPerMode: 4 } });
    });
    await page.getByTestId('share').click();
    await expect.poll(() => page.getByTestId('share-note').textContent(), WAIT).toBe('link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    expect(link.startsWith(server.url)).toBe(true);
    // the link in a fresh page shows the same view
    const again = await open(context, link);
    await waitForScene(again, want);
    const view = await again.evaluate(() => {
      const s = window.__modescope!.store.get();
      return { time: s.time, camera: s.camera, samples: s.predict.samplesPerMode };
    });
    expect(view).toEqual({ time: 37, camera: { x: 12.5, y: -3.25, zoom: 2.5, rotation: 30 }, samples: 4 });
    await context.close();
  });

  it.each([
    ['a host that sends COOP/COEP', true],
    ['a host that sends neither', false],
  ])(
    'works offline after the first visit to %s: the server stopped, a reload opens the demo and predicts',
    async (_, isolated) => {
      const server = await serve(isolated);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await open(context, `${server.url}?backend=wasm`);
      await waitForPrediction(page);
      // the service worker is installed (its precache complete: install waits for it), active and
      // controlling the page
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
        timeout: 120_000,
      });
      const first = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys())
          for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
        return {
          urls,
          isolated: crossOriginIsolated,
          scope: (await navigator.serviceWorker.ready).scope,
          manifest: document.querySelector('link[rel=manifest]')?.getAttribute('href'),
        };
      });
      expect(first.scope).toBe(server.url);
      expect(first.manifest).toBe('./manifest.webmanifest');
      for (const want of [
        `${BASE}index.html`,
        `${BASE}models/pseudo/model.json`,
        `${BASE}models/pseudo/weights.bin`,
        `${BASE}models/vanilla/weights.bin`,
        `${BASE}demo/demo.tfrecord`,
        `${BASE}manifest.webmanifest`,
      ])
        expect(first.urls).toContain(want);
      expect(first.urls.filter((u) => u.endsWith('.wasm'))).toHaveLength(3);
      expect(first.urls.some((u) => /\/assets\/model-worker-main-.+\.js$/.test(u))).toBe(true);

      // the network is gone: the server refuses every connection
      await server.stop();
      await expect(fetch(server.url)).rejects.toThrow();

      await page.reload();
      await waitForScene(page);
      await waitForPrediction(page);
      const offline = await page.evaluate(() => {
        const s = window.__modescope!.store.get();
        return {
          isolated: crossOriginIsolated,
          backend: s.model.backend,
          modes: s.prediction!.modes.length,
          controlled: !!navigator.serviceWorker.controller,
        };
      });
      console.log(
        `offline reload (host isolation headers: ${isolated}): crossOriginIsolated ${first.isolated} online, ${offline.isolated} offline; ` +
          `backend ${offline.backend}, ${offline.modes} modes; ${first.urls.length} precached`,
      );
      expect(offline.controlled).toBe(true);
      expect(offline.backend).toBe('wasm');
      expect(offline.modes).toBeGreaterThan(0);
      // the cached responses carry the host's COOP/COEP: isolated (wasm threads) offline as online;
      // without the headers, wasm on one thread, online and offline
      expect(first.isolated).toBe(isolated);
      expect(offline.isolated).toBe(isolated);
      await context.close();
    },
  );
});
