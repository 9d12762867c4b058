// Switching scenes must not grow the heap: each scene's decoded arrays, layer data and GPU
// buffers are dropped when the next one is shown. 100 switches through the demo set with `]`.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('viewer memory', () => {
  it('does not grow the heap over 100 scene switches', async () => {
    const page = await h.newPage();
    // wasm: the model runs in its worker, whose heap this does not measure; WebGPU on SwiftShader
    // only loaded the machine (a prediction per switch at ~0.6 s each)
    await page.goto(`${h.url}?backend=wasm`);
    await waitForScene(page);
    await expect
      .poll(() => page.getByTestId('file-status').textContent(), { timeout: 60_000 })
      .not.toContain('reading');
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const precise = await page.evaluate(
        () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
      );
      return { usedSize, precise };
    };
    const switches = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const before = await page.evaluate(() => window.__modescope!.store.get().scene!.id);
        await page.keyboard.press(']');
        await page.waitForFunction(
          (b) => {
            const m = window.__modescope!;
            return m.store.get().scene?.id !== b;
          },
          before,
          { timeout: 20_000 },
        );
        // let deck draw the new scene so its buffers are really allocated
        await page.evaluate(() => window.__modescope!.engine.drawNow('test'));
      }
    };
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await switches(10);
    const warm = await heap();
    const t0 = Date.now();
    await switches(100);
    const end = await heap();
    const growMB = (end.usedSize - warm.usedSize) / 1e6;
    console.log(
      `heap after 10 switches ${(warm.usedSize / 1e6).toFixed(1)} MB, after 110 ${(end.usedSize / 1e6).toFixed(1)} MB ` +
        `(growth ${growMB.toFixed(2)} MB; performance.memory ${(warm.precise / 1e6).toFixed(1)} -> ${(end.precise / 1e6).toFixed(1)} MB); ` +
        `${((Date.now() - t0) / 100).toFixed(0)} ms per switch`,
    );
    await page.screenshot({ path: join(RESULTS_DIR, 'viewer-memory-last.png') });
    // one decoded demo scene with its layer data is about 1 MB: a leak of one per switch would add ~100 MB
    expect(growMB).toBeLessThan(8);
    await page.close();
  });
});
