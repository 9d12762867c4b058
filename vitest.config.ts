import { defineConfig } from 'vitest/config';

// Node unit tests: the core modules (waymo, scene, synth, labels, model, metrics) run here as-is.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
