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
    // expect.poll waits for a state; vitest's default 1 s is a time, not a state: under CI's load
    // (one core busy, SwiftShader) a readout can take seconds to settle, so every poll without its
    // own timeout waits up to 30 s (a poll that passes returns at once, so this costs nothing).
    expect: { poll: { timeout: 30_000 } },
  },
});
