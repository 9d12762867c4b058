// What the scene worker sends the page (app/scene-rows.ts, app/scene-decoder.ts): a row per record
// (summary and pseudo label, or the error naming file, record and field), and the page's view of
// the worker's SceneSet, which must name and number scenes exactly as a SceneSet of the same files.
import { describe, expect, it } from 'vitest';
import { WorkerSceneSet } from '../../src/app/scene-decoder';
import { sceneRow } from '../../src/app/scene-rows';
import { labelPair } from '../../src/labels';
import { defaultPair } from '../../src/labels/pairs';
import { generateScene } from '../../src/synth';
import { encodeRecords, encodeScene, memorySource, SceneSet, WaymoReadError } from '../../src/waymo';

async function twoFiles() {
  const payloads = [0, 1, 2].map((i) => encodeScene(generateScene(9, i).scene));
  const damaged = encodeRecords(payloads.slice(0, 2));
  damaged[12 + payloads[0]!.length + 4 + 12 + 40]! ^= 0xff; // record 1's payload: CRC mismatch
  return SceneSet.open([
    memorySource(damaged, 'a.tfrecord'),
    memorySource(encodeRecords([payloads[2]!]), 'b.tfrecord'),
    memorySource(new TextEncoder().encode('# notes, not a scenario file'), 'c.md'),
  ]);
}

describe('scene rows', () => {
  it('a row holds the summary and the label of the default pair, or the named error', async () => {
    const set = await twoFiles();
    const rows = [];
    for await (const r of set.scenes()) rows.push(sceneRow(r, set.fileOf(r.k)));
    expect(rows.map((r) => [r.k, r.record, r.file])).toEqual([
      [0, 0, 'a.tfrecord'],
      [1, 1, 'a.tfrecord'],
      [2, 0, 'b.tfrecord'],
    ]);
    const scene = await set.scene(0);
    const pair = defaultPair(scene)!;
    expect(rows[0]!.summary!.id).toBe(scene.id);
    expect(rows[0]!.label).toBe(labelPair(scene, ...pair).label);
    expect(rows[1]!.summary).toBeUndefined();
    expect(rows[1]!.error).toMatch(/^a\.tfrecord: record 1 \(byte \d+\): payload: CRC mismatch/);
    // plain data: what a worker posts arrives whole
    expect(structuredClone(rows)).toEqual(rows);
  });

  it('a scene that cannot be summarised is an error row naming its record, not a stopped list', () => {
    const row = sceneRow({ k: 4, record: 7, scene: {} as never }, 'x.tfrecord');
    expect(row.error).toMatch(/^x\.tfrecord: record 7: summary: /);
  });

  it("the page's WorkerSceneSet names and numbers scenes as the worker's SceneSet", async () => {
    const set = await twoFiles();
    const page = new WorkerSceneSet(
      1,
      set.files.map((f) => ({ name: f.name, count: f.count })),
      Array.from({ length: set.count }, (_, k) => set.record(k)),
      set.problems.map((p) => new WaymoReadError(p.file, p.record, p.field, p.reason, p.offset)),
    );
    expect(page.name).toBe(set.name);
    expect(page.count).toBe(set.count);
    for (let k = -1; k <= set.count; k++) {
      expect(page.record(k)).toBe(set.record(k));
      expect(page.fileOf(k)).toBe(set.fileOf(k));
    }
    expect(page.problems.map((p) => p.message)).toEqual(set.problems.map((p) => p.message));
    await expect(page.scene(9)).rejects.toThrow(/no scene 9 \(3 open\)/);
  });
});
