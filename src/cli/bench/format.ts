// Format layer: Scenario decode throughput (the one-pass decoder, decodeScenario) against
// protobufjs's plain object decode and against the reference path (protobufjs objects, then
// buildScene: decodeScenarioReference), interleaved in the same run; the other
// formats (GPUDrive JSON, WOMD tf.Example) against the Scenario path on the same real scenes (each
// scene re-encoded as a Scenario in the same run); and opening a 1 GB file (index time and heap
// growth) against reading it once end to end.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildScene, type SceneInput } from '../../scene/build';
import { MapKind, STEP_HZ } from '../../scene/scene';
import {
  encodeScene,
  decodeScenario,
  decodeScenarioObject,
  decodeScenarioReference,
} from '../../waymo/scenario';
import { decodeExample, decodeJsonText, gunzipBytes, ScenarioFile } from '../../waymo';
import { nodeFileSource, writeRecordFile } from '../../waymo/node-file';
import { indexRecords, readRecord } from '../../waymo/tfrecord';
import { fmt, median, timeRuns } from '../lib/timing';

const SHARED = join(import.meta.dirname, '../../../../shared');
const REAL = join(SHARED, 'womd/motion_data_one_scenario.tfrecord');
const REAL_EXAMPLE = join(SHARED, 'womd/motion_data_one_example.tfrecord');
const REAL_JSON = join(SHARED, 'womd-json');
/** Real JSON scenes timed: every 16th file in name order (10 of the 156), a fixed sample. */
const JSON_EVERY = 16;

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

/** Timed runs per decoder and payload, taken in rounds that interleave the three decoders. */
const DECODE_RUNS = 30;
const DECODE_ROUNDS = 3;

async function decodeThroughput() {
  const payloads: [string, Uint8Array][] = [['synthetic 128-agent scene', bigScene()]];
  if (existsSync(REAL)) {
    const file = await indexRecords(await nodeFileSource(REAL));
    payloads.push(['real WOMD scene', await readRecord(file, file.records[0]!)]);
    await file.source.close?.();
  }
  const decoders: [string, (p: Uint8Array) => unknown][] = [
    ['one-pass', (p) => decodeScenario(p)],
    ['plain', decodeScenarioObject],
    ['reference', (p) => decodeScenarioReference(p)],
  ];
  for (const [name, p] of payloads) {
    const mb = p.length / 1e6;
    // Rounds interleave the decoders so a busy moment of the machine hits all three alike.
    const ms = decoders.map((): number[] => []);
    for (let round = 0; round < DECODE_ROUNDS; round++)
      for (const [k, [, decode]] of decoders.entries())
        ms[k]!.push(...(await timeRuns(() => decode(p), DECODE_RUNS / DECODE_ROUNDS, 3)));
    const [scene, plain, reference] = ms.map((m) => median(m.sort((a, b) => a - b)));
    const rate = (t: number) => `${fmt(t)} ms = ${fmt(mb / (t / 1000), 1)} MB/s`;
    console.log(
      `decode ${name} (${fmt(mb)} MB): to Scene (one pass) ${rate(scene!)}; ` +
        `protobufjs plain object ${rate(plain!)}; reference (objects + buildScene) ${rate(reference!)}; ` +
        `speed-up vs plain ${fmt(plain! / scene!)}x (target >= 2), vs reference ${fmt(reference! / scene!)}x`,
    );
  }
}

/**
 * JSON and tf.Example against the Scenario path: per real scene, decode time of its own format
 * (JSON: gunzip, parse and build; tf.Example: the payload) and of the same scene re-encoded as a
 * Scenario payload, per MB of each and as a time ratio per scene.
 */
async function otherFormats() {
  const rows: { name: string; mb: number; ms: number; scenarioMb: number; scenarioMs: number }[] = [];
  if (existsSync(REAL_JSON)) {
    const files = readdirSync(REAL_JSON)
      .filter((f) => f.endsWith('.json.gz'))
      .sort()
      .filter((_, i) => i % JSON_EVERY === 0);
    for (const f of files) {
      const gz = new Uint8Array(readFileSync(join(REAL_JSON, f)));
      const text = new TextDecoder().decode(await gunzipBytes(gz));
      const scenario = encodeScene(decodeJsonText(text, f));
      const ms = median(
        await timeRuns(async () => decodeJsonText(new TextDecoder().decode(await gunzipBytes(gz)), f), 5, 1),
      );
      const scenarioMs = median(await timeRuns(() => decodeScenario(scenario), 5, 1));
      rows.push({
        name: `json ${f}`,
        mb: text.length / 1e6,
        ms,
        scenarioMb: scenario.length / 1e6,
        scenarioMs,
      });
    }
  }
  if (existsSync(REAL_EXAMPLE)) {
    const file = await indexRecords(await nodeFileSource(REAL_EXAMPLE));
    const payload = await readRecord(file, file.records[0]!);
    await file.source.close?.();
    const scenario = encodeScene(decodeExample(payload));
    rows.push({
      name: 'tf.Example motion_data_one_example',
      mb: payload.length / 1e6,
      ms: median(await timeRuns(() => decodeExample(payload), 10, 2)),
      scenarioMb: scenario.length / 1e6,
      scenarioMs: median(await timeRuns(() => decodeScenario(scenario), 10, 2)),
    });
  }
  if (rows.length === 0) return console.log('formats: no real files in ../shared (skipped)');
  for (const r of rows)
    console.log(
      `${r.name}: ${fmt(r.mb)} MB in ${fmt(r.ms, 1)} ms = ${fmt(r.mb / (r.ms / 1000), 1)} MB/s; ` +
        `as Scenario ${fmt(r.scenarioMb)} MB in ${fmt(r.scenarioMs, 1)} ms = ${fmt(r.scenarioMb / (r.scenarioMs / 1000), 1)} MB/s; ` +
        `time ratio ${fmt(r.ms / r.scenarioMs)}`,
    );
  const json = rows.filter((r) => r.name.startsWith('json'));
  if (json.length) {
    const sum = (f: (r: (typeof rows)[number]) => number) => json.reduce((a, r) => a + f(r), 0);
    console.log(
      `json, ${json.length} real scenes: ${fmt(sum((r) => r.mb) / (sum((r) => r.ms) / 1000), 1)} MB/s of JSON text (gunzip + parse + build) ` +
        `against ${fmt(sum((r) => r.scenarioMb) / (sum((r) => r.scenarioMs) / 1000), 1)} MB/s of Scenario; per scene ` +
        `${fmt(sum((r) => r.ms) / json.length, 1)} ms against ${fmt(sum((r) => r.scenarioMs) / json.length, 1)} ms (ratio ${fmt(sum((r) => r.ms) / sum((r) => r.scenarioMs))})`,
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
  await otherFormats();
  await bigFile();
}
