// The first thing every user does: open a scenario file through the file input and see its scenes.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecords } from '../../src/waymo';
import { fixturePayload } from '../fixtures/scenes';
import { RESULTS_DIR, startHarness, type Harness } from '../../src/cli/lib/browser';

const REAL = join(import.meta.dirname, '../../../shared/womd/motion_data_one_scenario.tfrecord');
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const ROWS = '[data-testid="scene-list"] [data-scene-id]';

/** Opens `path` through the file input and waits until exactly `ids` are listed (by id, not by
 * count: the demo set may be part-listed when the file is picked). */
async function openAndList(path: string, ids: string[]) {
  const page = await h.newPage();
  await page.goto(`${h.url}?backend=wasm`);
  await page.getByTestId('file-input').setInputFiles(path);
  const rows = page.locator(ROWS);
  const listed = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')));
  await expect.poll(listed, { timeout: 60_000 }).toEqual(ids);
  return { page, listed };
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
    const { page } = await openAndList(path, ['fixture-1', 'fixture-3']);
    await expect
      .poll(() => page.getByText(/three\.tfrecord: record 1 \(byte \d+\): payload: CRC mismatch/).count())
      .toBeGreaterThan(0);
    // the whole message is on screen: it wraps inside the list instead of running past its edge
    const fits = await page.evaluate(() => {
      const row = document.querySelector('[data-testid="record-error"]')!.getBoundingClientRect();
      const list = document.querySelector('.scene-table')!.getBoundingClientRect();
      return row.right <= list.right + 1;
    });
    expect(fits).toBe(true);
    await page.screenshot({ path: join(RESULTS_DIR, 'open-file.png') });
    await page.close();
  });

  it('keeps a file picked while the demo set still downloads', async () => {
    const page = await h.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/demo/demo.tfrecord', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${h.url}?backend=wasm`);
    const dir = mkdtempSync(join(tmpdir(), 'modescope-race-'));
    const path = join(dir, 'one.tfrecord');
    writeFileSync(path, encodeRecords([fixturePayload(7)]));
    await page.getByTestId('file-input').setInputFiles(path);
    const rows = page.locator(ROWS);
    const listed = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-id')));
    await expect.poll(listed, { timeout: 60_000 }).toEqual(['fixture-7']);
    const demoArrived = page.waitForResponse('**/demo/demo.tfrecord');
    release(); // the demo arrives after the user's file: it must not replace it
    await demoArrived;
    await page.waitForTimeout(1500); // time for a wrongly started demo decode to list rows
    expect(await listed()).toEqual(['fixture-7']);
    await page.close();
  });

  it.skipIf(!existsSync(REAL))('opens a real WOMD file and lists its scene', async () => {
    const { page } = await openAndList(REAL, ['637f20cafde22ff8']);
    await page.close();
  });
});
