import { defineConfig } from 'vitest/config';

// Node unit tests: the core modules (waymo, scene, synth, labels, model, metrics) run here as-is.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Every core: vitest's default leaves one idle (cores - 1), which on the two-core machines runs
    // the files one at a time. The unit tests are CPU-bound and time nothing (speed lives in `npm run
    // bench`), and nothing else runs beside them in `npm test`: 230 -> 172 s wall here (same session).
    maxWorkers: '100%',
  },
});
