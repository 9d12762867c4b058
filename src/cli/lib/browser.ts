// Shared by the browser tests (test/browser) and the benches (src/cli/bench), so it lives where both
// may import it (src never imports test): serve the built app (dist/) and drive Debian's Chromium with
// playwright-core, with the flags that give real WebGPU (SwiftShader) and WebGL2 headless; and a
// plain static server (serveStatic) for serving dist/ as any static host would, under a sub-path.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

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

/** Builds the app into `outDir` (the benches' own build, not dist/) and serves it from there (DIST_DIR). */
export async function buildApp(outDir: string, o: { minify?: boolean } = {}): Promise<void> {
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, minify: o.minify ?? true } });
  process.env.DIST_DIR = outDir;
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
      // No service worker: on a first visit the app's worker (offline use) precaches every asset,
      // about 1.3 s of CPU per page open on top of the page's own (scratch thread-CPU counts of
      // page opens), and every test and bench page is a first visit. test/browser/offline.test.ts
      // tests the service worker in contexts of its own.
      const page = await browser.newPage({
        viewport: { width: 1280, height: 800 },
        acceptDownloads: true,
        serviceWorkers: 'block',
      });
      page.on('pageerror', (e) => console.error('[pageerror]', e.message));
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    },
  };
}

/** Content types by extension for serveStatic: what a plain static host sends for dist/'s files. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** The served folder's URL, ending in the base path (`http://127.0.0.1:PORT/some/path/`). */
  url: string;
  /** Stops the server and drops every open connection: the next request is refused. */
  stop(): Promise<void>;
}

/**
 * A plain static file server (node:http, no framework), as any static host is: serves `dir` under
 * the URL path `base` (an index.html for a folder, 404 for anything else or outside `base`, a
 * redirect from `base` without its trailing slash), with the cross-origin isolation headers of
 * vite.config.ts unless `isolated` is false. What test/browser/offline.test.ts serves dist/ with.
 */
export async function serveStatic(o: {
  dir: string;
  base: string;
  isolated?: boolean;
}): Promise<StaticServer> {
  const root = resolve(o.dir);
  const base = o.base.endsWith('/') ? o.base : `${o.base}/`;
  const isolation =
    o.isolated === false
      ? {}
      : { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    if (`${path}/` === base) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    let file = path.startsWith(base) ? resolve(root, `.${path.slice(base.length - 1)}`) : '';
    if (file && file !== root && !file.startsWith(root + sep)) file = '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404, isolation).end('not found');
      return;
    }
    const body = readFileSync(file);
    res
      .writeHead(200, {
        ...isolation,
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      })
      .end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
