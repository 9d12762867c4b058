// The scene list filters by the pseudo label of each scene's interacting pair: the rows left are
// exactly the demo scenes whose label (computed here in Node by the same labels/ code) matches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelScene } from '../../src/labels';
import { memorySource, ScenarioFile } from '../../src/waymo';
import { startHarness, type Harness } from '../../src/cli/lib/browser';
import { waitForScene } from './viewer-fixtures';

let h: Harness;
const byLabel = new Map<number, string[]>();
beforeAll(async () => {
  h = await startHarness();
  const file = await ScenarioFile.open(
    memorySource(readFileSync(join(import.meta.dirname, '../../public/demo/demo.tfrecord'))),
  );
  for await (const { scene } of file.scenes()) {
    const l = labelScene(scene!);
    if (l) byLabel.set(l.label, [...(byLabel.get(l.label) ?? []), scene!.id]);
  }
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('scene list', () => {
  it('filters by pseudo label', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?backend=wasm`);
    await waitForScene(page);
    const rows = page.locator('[data-testid="scene-list"] [data-scene-id]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(42);
    for (const [label, ids] of byLabel) {
      await page.getByTestId('filter-label').selectOption(String(label));
      const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')));
      expect(shown.sort()).toEqual([...ids].sort());
    }
    expect([...byLabel.keys()].sort()).toEqual([0, 1, 2]);
    await page.getByTestId('filter-label').selectOption('');
    expect(await rows.count()).toBe(42);
  }, 120_000);
});
