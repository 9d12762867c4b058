// Submission writing (waymo/submission-write.ts): scenario entries per second and MB/s of
// encodeScenarioEntry (protobufjs's Writer by field number, with the record checks) against
// protobufjs's reflection path on the same records (Type.fromObject + Type.encode of the reference
// schema test/fixtures/motion_submission.proto, read as text), interleaved in the same run; both
// give the same bytes (test/unit/submission-write.test.ts). The records are interaction records of
// the largest kind a model writes: 6 joint predictions of 2 objects, 16 points each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';
import type { ScenarioPredictionsRecord } from '../../waymo/submission-types';
import { encodeScenarioEntry } from '../../waymo/submission-write';
import { fmt, median, timeRuns } from '../lib/timing';

/** Records per timed run: a validation shard is ~25k, this is enough for a stable per-record time. */
const RECORDS = 5000;
const RUNS = 7;

function records(): ScenarioPredictionsRecord[] {
  return Array.from({ length: RECORDS }, (_, i) => ({
    scenarioId: (0x1000000000000000n + BigInt(i) * 7919n).toString(16),
    joint: Array.from({ length: 6 }, (_, j) => ({
      confidence: (6 - j) / 21,
      trajectories: [0, 1].map((ag) => ({
        objectId: 1000 + 2 * i + ag,
        x: Float32Array.from({ length: 16 }, (_, k) => 8123.456 + i * 0.01 + k * 1.25 + j * 0.3 + ag),
        y: Float32Array.from({ length: 16 }, (_, k) => -4321.987 - k * 0.75 + j * 0.2 - ag),
      })),
    })),
    single: null,
  }));
}

export default async function run(): Promise<void> {
  const root = join(import.meta.dirname, '../../..');
  const Scenario = protobuf
    .parse(readFileSync(join(root, 'test/fixtures/motion_submission.proto'), 'utf8'))
    .root.lookupType('waymo.open_dataset.ChallengeScenarioPredictions');
  const recs = records();
  const objects = recs.map((r) => ({
    scenarioId: r.scenarioId,
    jointPrediction: {
      jointTrajectories: r.joint!.map((j) => ({
        trajectories: j.trajectories.map((t) => ({
          objectId: t.objectId,
          trajectory: { centerX: [...t.x], centerY: [...t.y] },
        })),
        confidence: j.confidence,
      })),
    },
  }));
  let bytes = 0;
  const ours = () => {
    bytes = 0;
    for (const r of recs) bytes += encodeScenarioEntry(r).length;
  };
  const reference = () => {
    for (const o of objects) Scenario.encodeDelimited(Scenario.fromObject(o)).finish();
  };
  // interleaved: each side's runs alternate with the other's, so machine noise hits both
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    a.push(...(await timeRuns(ours, 1, k === 0 ? 2 : 0)));
    b.push(...(await timeRuns(reference, 1, k === 0 ? 2 : 0)));
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  const ms = median(a);
  const ref = median(b);
  console.log(
    `encodeScenarioEntry: ${RECORDS} interaction records (${fmt(bytes / RECORDS, 0)} B each) in ${fmt(ms)} ms median of ${RUNS}: ` +
      `${fmt((RECORDS / ms) * 1000, 0)} scenarios/s, ${fmt(bytes / ms / 1000)} MB/s`,
  );
  console.log(
    `protobufjs fromObject + encode (reference schema): ${fmt(ref)} ms; time ratio ours / reference ${fmt(ms / ref)}`,
  );
}
