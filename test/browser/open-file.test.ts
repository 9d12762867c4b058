// The first thing every user does: open a scenario file through the file input and see its scenes.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecords } from '../../src/waymo';
import { fixturePayload } from '../fixtures/scenes';
import { RESULTS_DIR, startHarness, type Harness } from './harness';

const REAL = join(import.meta.dirname, '../../../shared/womd/motion_data_one_scenario.tfrecord');
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openAndList(path: string, expected: number) {
  const page = await h.newPage();
  await page.goto(h.url);
  await page.getByTestId('file-input').setInputFiles(path);
  const rows = page.locator('[data-testid="scene-list"] [data-scene-id]');
  await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(expected);
  return { page, rows };
}

describe('open a scenario file', () => {
  it('lists every readable scene and names the damaged record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modescope-open-'));
    const path = join(dir, 'three.tfrecord');
    const bytes = encodeRecords([fixturePayload(1), fixturePayload(2), fixturePayload(3)]);
    // damage the second record's payload: the other two must still list
    const second = 12 + new DataView(bytes.buffer).getUint32(0, true) + 4;
    bytes[second + 12 + 50]! ^= 0xff;
    writeFileSync(path, bytes);
    const { page, rows } = await openAndList(path, 2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')))).toEqual([
      'fixture-1',
      'fixture-3',
    ]);
    await expect
      .poll(() => page.getByText(/three\.tfrecord: record 1: payload: CRC mismatch/).count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'open-file.png') });
    await page.close();
  });

  it.skipIf(!existsSync(REAL))('opens a real WOMD file and lists its scene', async () => {
    const { page, rows } = await openAndList(REAL, 1);
    expect(await rows.first().getAttribute('data-scene-id')).toBe('637f20cafde22ff8');
    await page.close();
  });
});
