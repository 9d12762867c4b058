import { defineConfig } from 'vitest/config';

// Browser tests: each file drives the built app (dist/) in Debian's Chromium via playwright-core.
// One file at a time: the machines have two cores and Chromium with SwiftShader is heavy.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
