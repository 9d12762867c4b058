// Format layer: Scenario decode throughput against protobufjs's plain object decode, and opening
// a 1 GB file (index time and heap growth) against reading it once end to end.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildScene, type SceneInput } from '../../scene/build';
import { MapKind, STEP_HZ } from '../../scene/scene';
import { encodeScene, decodeScenario, decodeScenarioObject } from '../../waymo/scenario';
import { ScenarioFile } from '../../waymo';
import { nodeFileSource, writeRecordFile } from '../../waymo/node-file';
import { indexRecords, readRecord } from '../../waymo/tfrecord';
import { fmt, median, timeRuns } from '../lib/timing';

const REAL = join(import.meta.dirname, '../../../../shared/womd/motion_data_one_scenario.tfrecord');

/** A scene the size of a busy WOMD scenario: 128 agents, 91 steps, 400 map polylines. */
function bigScene(): Uint8Array {
  const T = 91;
  const tracks = Array.from({ length: 128 }, (_, i) => ({
    id: i,
    type: 1 + (i % 3),
    states: Array.from({ length: T }, (_, t) => ({
      x: 5000 + i * 3 + t,
      y: -3000 + i,
      z: 10,
      length: 4.5,
      width: 2,
      height: 1.5,
      heading: 0.1 * i,
      vx: 10,
      vy: 0.5,
      valid: true,
    })),
  }));
  const features = Array.from({ length: 400 }, (_, i) => ({
    id: i,
    kind: (i % 3) as MapKind,
    subtype: 1,
    points: Array.from({ length: 60 }, (_, k) => ({ x: 5000 + k, y: -3000 + i, z: 10 })),
  }));
  const input: SceneInput = {
    id: 'bench-big',
    timestamps: Array.from({ length: T }, (_, t) => t / STEP_HZ),
    currentIndex: 10,
    sdc: 0,
    objectsOfInterest: [1, 2],
    tracksToPredict: [],
    tracks,
    features,
    signals: Array.from({ length: T }, () => []),
  };
  return encodeScene(buildScene(input));
}

async function decodeThroughput() {
  const payloads: [string, Uint8Array][] = [['synthetic 128-agent scene', bigScene()]];
  if (existsSync(REAL)) {
    const file = await indexRecords(await nodeFileSource(REAL));
    payloads.push(['real WOMD scene', await readRecord(file, file.records[0]!)]);
    await file.source.close?.();
  }
  for (const [name, p] of payloads) {
    const mb = p.length / 1e6;
    const scene = median(await timeRuns(() => decodeScenario(p), 20, 3));
    const plain = median(await timeRuns(() => decodeScenarioObject(p), 20, 3));
    console.log(
      `decode ${name} (${fmt(mb)} MB): to Scene ${fmt(scene)} ms = ${fmt(mb / (scene / 1000), 1)} MB/s; ` +
        `protobufjs plain object ${fmt(plain)} ms = ${fmt(mb / (plain / 1000), 1)} MB/s; ` +
        `Scene / plain time ratio ${fmt(scene / plain)}`,
    );
  }
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

async function bigFile() {
  const dir = mkdtempSync(join(tmpdir(), 'modescope-bench-'));
  const path = join(dir, 'big.tfrecord');
  try {
    const payload = bigScene();
    const n = Math.ceil(1e9 / (payload.length + 16));
    await writeRecordFile(
      path,
      (function* () {
        for (let i = 0; i < n; i++) yield payload;
      })(),
    );
    const h0 = heapMB();
    const t0 = performance.now();
    const file = await ScenarioFile.open(await nodeFileSource(path));
    const indexMs = performance.now() - t0;
    const grew = heapMB() - h0;
    const t1 = performance.now();
    const scene = await file.scene(file.count - 1);
    const lastMs = performance.now() - t1;
    const t2 = performance.now();
    let bytes = 0;
    for (let k = 0; k < file.count; k++)
      bytes += (await readRecord(file.index, file.index.records[k]!)).length;
    const fullMs = performance.now() - t2;
    await file.close();
    const gb = file.index.source.size / 1e9;
    console.log(
      `open ${fmt(gb)} GB file, ${file.count} records: index ${fmt(indexMs, 0)} ms (target < 2000), ` +
        `heap growth ${fmt(grew, 1)} MB (target < 50); last scene '${scene.id}' decoded in ${fmt(lastMs, 0)} ms`,
    );
    console.log(
      `baseline: reading and CRC-checking every payload ${fmt(fullMs, 0)} ms (${fmt(bytes / 1e6 / (fullMs / 1000), 0)} MB/s); ` +
        `index / full read time ratio ${fmt(indexMs / fullMs, 4)}`,
    );
    if (!(globalThis as { gc?: unknown }).gc)
      console.log('(run with node --expose-gc for exact heap figures)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<void> {
  await decodeThroughput();
  await bigFile();
}
