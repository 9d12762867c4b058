import react from '@vitejs/plugin-react';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { modelsLocalPlugin } from './src/cli/lib/models-local';
import { pwaPlugin } from './src/cli/lib/pwa';

/**
 * What the model worker's cached backend choice is valid for (src/app/model-worker-main.ts): the
 * package version and the commit built, so a new build measures the backends again.
 */
function buildId(): string {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  try {
    return `${version}+${execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()}`;
  } catch {
    return `${version}+nogit`;
  }
}

/**
 * Cross-origin isolation (COOP + COEP), so the wasm backend may use threads (SharedArrayBuffer);
 * a static host must send the same two headers (README), and without them the app runs wasm
 * single-threaded. `credentialless` rather than `require-corp`, so `?file=` URLs of other origins
 * that allow CORS still load without their server sending Cross-Origin-Resource-Policy.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

/**
 * tfjs-backend-wasm's threaded-SIMD factory, evaluated from the library's raw file instead of
 * bundled (src/app/wasm/threaded-simd-factory.ts says why: bundled, its pthread workers fail).
 */
const threadedFactory = {
  find: /^\.\.\/wasm-out\/tfjs-backend-wasm-threaded-simd\.js$/,
  replacement: fileURLToPath(new URL('./src/app/wasm/threaded-simd-factory.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias: [threadedFactory] },
  // models-local/ (weights trained on real WOMD, DESIGN.md 6b) is served by `vite` dev only; the
  // build copies public/ alone, so it never ships (test/unit/models-local.test.ts builds to check)
  // pwaPlugin: the manifest and the service worker that keeps the app usable offline (build only)
  plugins: [react(), modelsLocalPlugin(), pwaPlugin()],
  // Relative base so the built app also works from a sub-path or file server (every fetch in the
  // app is relative to import.meta.env.BASE_URL or the page; test/browser/offline.test.ts serves
  // dist/ under /some/path/).
  base: './',
  define: { __MODESCOPE_BUILD__: JSON.stringify(buildId()) },
  worker: { format: 'es' },
  server: { port: 5173, headers: ISOLATION_HEADERS },
  preview: { port: 4173, headers: ISOLATION_HEADERS },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm'],
  },
});
