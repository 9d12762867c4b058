// model/backends.ts in Node: the fastest measured backend is kept and left active, one that cannot
// start is named as failed and never chosen, the fallback order, and the status line's words.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import {
  describeChoice,
  measureBackends,
  nextBackend,
  pickBackend,
  type BackendChoice,
} from '../../src/model/backends';

describe('measureBackends', () => {
  it('times each backend on the real work, keeps the fastest active, and names the ones that fail', async () => {
    await pickBackend(['cpu']);
    const x = tf.tensor2d(
      Array.from({ length: 64 * 64 }, (_, i) => (i % 7) / 7),
      [64, 64],
    );
    const prepared: string[] = [];
    let released = 0;
    const c = await measureBackends(
      ['cpu', 'no-such-backend', 'wasm'],
      async () => {
        const y = tf.matMul(x, x);
        await y.data();
        y.dispose();
      },
      { prepare: async (b) => void prepared.push(b), release: () => void released++ },
    );
    expect(c.how).toBe('measured');
    expect(c.figures.map((f) => f.backend).sort()).toEqual(['cpu', 'wasm']);
    expect(c.failed.map((f) => f.backend)).toEqual(['no-such-backend']);
    expect(c.failed[0]!.error).toMatch(/no-such-backend/);
    // prepare and release around each backend that started
    expect(prepared).toEqual(['cpu', 'wasm']);
    expect(released).toBe(2);
    // fastest first, chosen, and active
    expect(c.figures[0]!.ms).toBeLessThanOrEqual(c.figures[1]!.ms);
    expect(c.backend).toBe(c.figures[0]!.backend);
    expect(tf.getBackend()).toBe(c.backend);
    for (const f of c.figures) expect(f.runs).toBeGreaterThanOrEqual(1);
    x.dispose();
  });

  it('throws naming every backend when none can run', async () => {
    await expect(measureBackends(['nope'], async () => {})).rejects.toThrow(
      /no tfjs backend could run the model \(nope: /,
    );
  });

  it('pickBackend names why each backend failed', async () => {
    await expect(pickBackend(['nope'])).rejects.toThrow(/no tfjs backend could start \(nope: /);
    expect(await pickBackend(['nope', 'cpu'])).toBe('cpu');
  });
});

describe('nextBackend and describeChoice', () => {
  const measured: BackendChoice = {
    backend: 'wasm',
    how: 'measured',
    figures: [
      { backend: 'wasm', ms: 9.04, firstMs: 40, runs: 3 },
      { backend: 'webgl', ms: 46.2, firstMs: 900, runs: 3 },
      { backend: 'webgpu', ms: 590, firstMs: 5000, runs: 1 },
    ],
    failed: [{ backend: 'cpu', error: 'x' }],
    key: 'k',
  };

  it('falls back to the next fastest measured backend that has not failed, else the order', () => {
    expect(nextBackend(measured, 'wasm', new Set(['wasm']))).toBe('webgl');
    expect(nextBackend(measured, 'webgl', new Set(['wasm', 'webgl']))).toBe('webgpu');
    const asked: BackendChoice = { ...measured, how: 'asked', figures: [], failed: [] };
    expect(nextBackend(asked, 'webgpu', new Set(['webgpu']))).toBe('webgl');
    expect(nextBackend(asked, 'webgl', new Set(['webgpu', 'webgl']))).toBe('wasm');
    expect(nextBackend(asked, 'cpu', new Set(['webgpu', 'webgl', 'wasm', 'cpu']))).toBeNull();
  });

  it('writes the status line', () => {
    expect(describeChoice(measured)).toBe(
      'fastest here: wasm 9.0 ms · webgl 46 ms · webgpu 590 ms · cpu failed',
    );
    expect(describeChoice({ ...measured, how: 'cached' })).toMatch(
      /^fastest here \(measured before\): wasm 9.0 ms/,
    );
    expect(describeChoice({ ...measured, how: 'asked' })).toBe('as chosen');
    expect(describeChoice({ ...measured, how: 'measuring', figures: [], failed: [] })).toBe(
      'measuring the backends…',
    );
    expect(
      describeChoice({
        ...measured,
        how: 'unmeasured',
        failed: [{ backend: 'measurement', error: 'no weights' }],
      }),
    ).toBe('could not measure the backends (no weights)');
    expect(
      describeChoice({
        ...measured,
        backend: 'webgl',
        how: 'fallback',
        failed: [{ backend: 'webgpu', error: 'device lost' }],
      }),
    ).toBe('webgpu failed (device lost); now webgl');
  });
});
