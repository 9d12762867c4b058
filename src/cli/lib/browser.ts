// Shared by the browser tests (test/browser) and the benches (src/cli/bench), so it lives where both
// may import it (src never imports test): serve the built app (dist/) and drive Debian's Chromium with
// playwright-core, with the flags that give real WebGPU (SwiftShader) and WebGL2 headless.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
  '--enable-precise-memory-info',
];
export const RESULTS_DIR = 'test-results';

export interface Harness {
  url: string;
  browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Serves dist/ (or DIST_DIR) with vite preview and starts Chromium. `isolated: false` serves without
 * the cross-origin isolation headers of vite.config.ts (what a plain static host does: the wasm
 * backend then runs single-threaded), for the benches' baseline and the tests of that case.
 */
export async function startHarness(o: { isolated?: boolean } = {}): Promise<Harness> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const headers =
    o.isolated === false
      ? { 'Cross-Origin-Opener-Policy': 'unsafe-none', 'Cross-Origin-Embedder-Policy': 'unsafe-none' }
      : undefined;
  const server: PreviewServer = await preview({
    preview: { port: 0, host: '127.0.0.1', ...(headers ? { headers } : {}) },
    build: { outDir: process.env.DIST_DIR ?? 'dist' },
    logLevel: 'error',
  });
  const addr = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${addr.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  return {
    url,
    browser,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      page.on('pageerror', (e) => console.error('[pageerror]', e.message));
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    },
  };
}
