// The real benchmark is frozen (docs/real-benchmark.md): over the real scenes in ../shared (womd and
// womd-json) the pair rule gives the same list every run; this pins its size and hash, so model
// work cannot move it. And `npm run convert` writes genuine Scenario TFRecord that reads back into
// the same scenes, carrying the rule's pair as objects_of_interest. Skipped without ../shared.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBenchmarkPair } from '../../src/labels/pairs';
import { benchmarkRequests } from '../../src/metrics/evaluate';
import type { Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import {
  encodeRecords,
  encodeScene,
  isScenarioCandidate,
  openSceneFile,
  ScenarioFile,
} from '../../src/waymo';
import { nodeFileSource } from '../../src/waymo/node-file';
import { oldDegrees } from '../fixtures/json-scenes';

const ROOT = join(import.meta.dirname, '../..');
const SHARED = join(ROOT, '../shared');
const DIRS = [join(SHARED, 'womd'), join(SHARED, 'womd-json')];

async function readAll(paths: string[]): Promise<Scene[]> {
  const scenes: Scene[] = [];
  for (const path of paths) {
    const file = await openSceneFile(await nodeFileSource(path));
    for await (const r of file.scenes()) if (r.scene) scenes.push(r.scene);
    await file.close?.();
  }
  return scenes;
}

describe.skipIf(!DIRS.every(existsSync))('the real benchmark pair list', () => {
  it('is frozen: 155 scenes, 281 pairs, hash 6753de63', async () => {
    const paths = DIRS.flatMap((d) =>
      readdirSync(d)
        .sort()
        .filter(isScenarioCandidate)
        .map((f) => join(d, f)),
    );
    const b = benchmarkRequests(await readAll(paths));
    expect(b.scenes.length).toBe(155);
    expect(b.short.length).toBe(3);
    expect(b.pairs.length).toBe(281);
    expect(b.hash).toBe('6753de63');
  }, 120_000);
});

describe('npm run convert', () => {
  it('writes Scenario TFRecord (GZIP by name) that reads back into the same scenes, with the rule pair', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modescope-convert-'));
    const synth = generateScene(7, 0).scene;
    writeFileSync(join(dir, 'a.tfrecord'), encodeRecords([encodeScene(synth)]));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(oldDegrees()));
    writeFileSync(join(dir, 'README.md'), '# not data\n');
    const out = join(tmpdir(), `modescope-convert-${process.pid}.tfrecord.gz`);
    const log = execFileSync('npx', ['tsx', 'src/cli/convert.ts', dir, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(log).toMatch(/2 scenario\(s\) \(GZIP\); 1 given the rule's pair/);
    return (async () => {
      const back = await readAll([out]);
      const json = (await readAll([join(dir, 'b.json')]))[0]!;
      expect(back.map((s) => s.id)).toEqual([synth.id, json.id]);
      expect(back[0]).toEqual(synth); // it named its pair: written as it is
      const { scene: paired } = withBenchmarkPair(json);
      expect(paired.objectsOfInterest.length).toBe(2);
      const { sourceName: _name, ...rest } = paired;
      expect(back[1]).toEqual(rest); // a Scenario has no field for the GPUDrive name
      expect((await ScenarioFile.open(await nodeFileSource(out))).index.gzip).toBe(true);
    })();
  }, 60_000);
});
