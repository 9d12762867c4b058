import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { interactingPair, S_X, stateOffset } from '../../src/scene/scene';
import { buildScene } from '../../src/scene/build';
import {
  decodeScenario,
  encodeRecord,
  encodeRecords,
  encodeScene,
  gzipBytes,
  memorySource,
  ScenarioFile,
  WaymoReadError,
  type ByteSource,
} from '../../src/waymo';
import { crc32c, maskedCrc32c } from '../../src/waymo/crc32c';
import { nodeFileSource, writeRecordFile } from '../../src/waymo/node-file';
import { modescope } from '../../src/waymo/proto/scenario.js';
import { fixtureInput, fixturePayload, fixtureScene } from '../fixtures/scenes';

const WOMD = join(import.meta.dirname, '../../../shared/womd');
const REAL_SCENARIO = join(WOMD, 'motion_data_one_scenario.tfrecord');
const REAL_EXAMPLE = join(WOMD, 'motion_data_one_example.tfrecord');
const tmp = mkdtempSync(join(tmpdir(), 'modescope-waymo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A file of n fixture scenes. */
const fileOf = (n: number) => encodeRecords(Array.from({ length: n }, (_, i) => fixturePayload(i + 1)));

/** Byte offsets of each record's header in a file of fixture scenes. */
function recordStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  for (let p = 0; p < bytes.length;) {
    starts.push(p);
    p += 12 + new DataView(bytes.buffer, bytes.byteOffset + p).getUint32(0, true) + 4;
  }
  return starts;
}

/** Opens bytes and tries every record; returns read scene ids and errors. */
async function readAll(bytes: Uint8Array, name = 'test.tfrecord') {
  const file = await ScenarioFile.open(memorySource(bytes, name));
  const ids: string[] = [];
  const errors: WaymoReadError[] = [...file.problems];
  for await (const r of file.scenes()) {
    if (r.scene) ids.push(r.scene.id);
    else errors.push(r.error!);
  }
  return { file, ids, errors };
}

describe('CRC-32C', () => {
  it('matches the Castagnoli check value and TFRecord masking', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    const crc = 0xe3069283;
    expect(maskedCrc32c(new TextEncoder().encode('123456789'))).toBe(
      ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0,
    );
  });
});

describe('TFRecord', () => {
  it('frames and indexes records, reading only headers at open', async () => {
    const bytes = fileOf(3);
    let read = 0;
    const inner = memorySource(bytes, 'counted');
    const counting: ByteSource = {
      ...inner,
      read: (o, l) => ((read += Math.min(l, bytes.length - o)), inner.read(o, l)),
    };
    const file = await ScenarioFile.open(counting);
    expect(file.count).toBe(3);
    expect(file.problems).toEqual([]);
    expect(read).toBe(2 + 3 * 12); // gzip magic + three headers
    const s = await file.scene(1);
    expect(s.id).toBe('fixture-2');
  });

  it('reads GZIP-compressed TFRecord', async () => {
    const bytes = await gzipBytes(fileOf(2));
    const { file, ids, errors } = await readAll(bytes);
    expect(file.index.gzip).toBe(true);
    expect(ids).toEqual(['fixture-1', 'fixture-2']);
    expect(errors).toEqual([]);
  });

  it('writes files in Node, plain and GZIP, that read back', async () => {
    for (const gzip of [false, true]) {
      const path = join(tmp, `w-${gzip}.tfrecord`);
      const n = await writeRecordFile(path, [fixturePayload(1), fixturePayload(2)], { gzip });
      expect(n).toBe(2);
      const file = await ScenarioFile.open(await nodeFileSource(path));
      expect((await file.scene(1)).id).toBe('fixture-2');
      await file.close();
    }
  });
});

describe('Scenario <-> Scene', () => {
  it('a scene written and read back is identical', () => {
    const scene = fixtureScene(3);
    const back = decodeScenario(encodeScene(scene));
    expect(back).toEqual(scene);
    // and a second trip is byte-identical
    expect(encodeScene(back)).toEqual(encodeScene(scene));
  });

  it('keeps a float64 origin and float32 relative positions', () => {
    const scene = fixtureScene(1);
    expect(scene.origin).toEqual([8100, -4400, 0]);
    const x = scene.origin[0] + scene.tracks.state[stateOffset(scene.tracks, 0, 0) + S_X]!;
    expect(Math.abs(x - 8123.456)).toBeLessThan(1e-3);
  });

  it('keeps every field the motion dataset fills', () => {
    const s = fixtureScene(1);
    expect(s.tracks.count).toBe(6);
    expect(Array.from(s.tracks.types)).toEqual([1, 2, 3, 4, 1, 2]);
    expect(s.sdc).toBe(0);
    expect(Array.from(s.objectsOfInterest)).toEqual([101, 102]);
    expect(Array.from(s.tracksToPredict.difficulty)).toEqual([1, 2, 0]);
    expect(interactingPair(s)).toEqual([1, 2]);
    expect(s.map.count).toBe(9);
    expect(s.map.ids[8]).toBe(2 ** 40 + 11);
    expect(s.map.lanes.get(0)!.entryLanes).toEqual([7, 8]);
    expect(s.map.lanes.get(0)!.leftNeighbors[0]!.boundaries[0]!.boundaryType).toBe(7);
    expect(s.map.stopSignLanes.get(5)).toEqual([1]);
    expect(s.signals.starts[91]).toBe(182);
    expect(s.signals.states[0]).toBe(4);
  });

  it('accepts unpacked and packed repeats, unknown fields, any order, and missing state fields', () => {
    const pb = modescope.womd;
    const w = pb.Scenario.encode({
      scenarioId: 'odd',
      timestampsSeconds: [0, 0.1],
      tracks: [
        {
          id: 7,
          objectType: 1,
          states: [
            { centerZ: 3, valid: false },
            { centerX: 1, valid: true },
          ],
        },
      ],
      objectsOfInterest: [7],
      mapFeatures: [{ id: 1, lane: { entryLanes: [4, 5], polyline: [{ x: 1, y: 2 }] } }],
    });
    // unknown field 99 (varint) and the reserved 9, appended at the end: must be skipped
    w.uint32((99 << 3) | 0).uint32(5);
    w.uint32((9 << 3) | 2).bytes(new Uint8Array([1, 2, 3]));
    const s = decodeScenario(w.finish());
    expect(s.id).toBe('odd');
    expect(s.tracks.state[9]).toBe(0); // invalid first state
    expect(s.map.lanes.get(0)!.entryLanes).toEqual([4, 5]);
  });

  it('wraps headings slightly outside [-pi, pi)', () => {
    const input = fixtureInput(1);
    input.tracks[0]!.states[0]!.heading = Math.PI + 0.01;
    const s = decodeScenario(encodeScene(buildScene(input)));
    expect(s.tracks.state[6]).toBeCloseTo(-Math.PI + 0.01, 5);
  });
});

describe('bad input: each record fails alone, with file, record and field named', () => {
  it('truncated last record', async () => {
    const bytes = fileOf(3);
    const { ids, errors } = await readAll(bytes.subarray(0, bytes.length - 10));
    expect(ids).toEqual(['fixture-1', 'fixture-2']);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /^test\.tfrecord: record 2 \(byte \d+\): header: length \d+ runs past the end/,
    );
  });

  it('flipped byte in a payload (CRC mismatch)', async () => {
    const bytes = fileOf(3).slice();
    bytes[recordStarts(bytes)[1]! + 12 + 100]! ^= 0x10;
    const { ids, errors } = await readAll(bytes);
    expect(ids).toEqual(['fixture-1', 'fixture-3']);
    expect(errors.map((e) => [e.record, e.field])).toEqual([[1, 'payload']]);
    expect(errors[0]!.reason).toMatch(/CRC mismatch/);
  });

  it('flipped byte in a length header resyncs to the next record', async () => {
    const bytes = fileOf(3).slice();
    bytes[recordStarts(bytes)[1]! + 2]! ^= 0x01;
    const { ids, errors } = await readAll(bytes);
    expect(ids).toEqual(['fixture-1', 'fixture-3']);
    expect(errors.map((e) => [e.record, e.field])).toEqual([[1, 'header']]);
  });

  it('a length header of 2^40 (with a valid header CRC)', async () => {
    const bytes = fileOf(3).slice();
    const at = recordStarts(bytes)[1]!;
    const dv = new DataView(bytes.buffer, at);
    dv.setUint32(0, 0, true);
    dv.setUint32(4, 2 ** 8, true); // 2^40
    dv.setUint32(8, maskedCrc32c(bytes.subarray(at, at + 8)), true);
    const { ids, errors } = await readAll(bytes);
    expect(ids).toEqual(['fixture-1', 'fixture-3']);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /record 1 \(byte \d+\): header: length 1099511627776 runs past the end/,
    );
  });

  it('a payload that is not a Scenario', async () => {
    const junk = new TextEncoder().encode('this is not a protobuf message at all, just text');
    const bytes = encodeRecords([fixturePayload(1), junk, fixturePayload(2)]);
    const { ids, errors } = await readAll(bytes);
    expect(ids).toEqual(['fixture-1', 'fixture-2']);
    expect(errors.map((e) => e.record)).toEqual([1]);
    expect(errors[0]!.field).toMatch(/payload|scenario_id/);
  });

  it('a Scenario with missing fields or zero tracks', async () => {
    const pb = modescope.womd;
    const noId = pb.Scenario.encode({ timestampsSeconds: [0], tracks: [{ states: [{}] }] }).finish();
    const noTracks = pb.Scenario.encode({ scenarioId: 'x', timestampsSeconds: [0, 0.1] }).finish();
    const noTimes = pb.Scenario.encode({ scenarioId: 'y', tracks: [{ states: [] }] }).finish();
    const shortTrack = pb.Scenario.encode({
      scenarioId: 'z',
      timestampsSeconds: [0, 0.1],
      tracks: [{ states: [{}] }],
    }).finish();
    const bytes = encodeRecords([noId, noTracks, fixturePayload(1), noTimes, shortTrack]);
    const { ids, errors } = await readAll(bytes);
    expect(ids).toEqual(['fixture-1']);
    expect(errors.map((e) => [e.record, e.field])).toEqual([
      [0, 'scenario_id'],
      [1, 'tracks'],
      [3, 'timestamps_seconds'],
      [4, 'tracks[0].states'],
    ]);
  });

  it('NaN or infinite states', async () => {
    const a = fixtureInput(1, 'nan');
    a.tracks[2]!.states[7]!.x = NaN;
    const b = fixtureInput(1, 'inf');
    b.tracks[1]!.states[3]!.vy = -Infinity;
    const bytes = encodeRecords([encodeScene(buildScene(a)), encodeScene(buildScene(b)), fixturePayload(2)]);
    const { ids, errors } = await readAll(bytes);
    expect(ids).toEqual(['fixture-2']);
    // the byte offset of each record's header: record 1 starts after record 0's 12-byte header,
    // payload and 4-byte footer
    const second = 12 + encodeScene(buildScene(a)).length + 4;
    expect(errors.map((e) => e.message)).toEqual([
      'test.tfrecord: record 0 (byte 0): tracks[2].states[7].center_x: NaN in a valid state',
      `test.tfrecord: record 1 (byte ${second}): tracks[1].states[3].velocity_y: -Infinity in a valid state`,
    ]);
  });

  it('a file that is not TFRecord at all', async () => {
    const text = new TextEncoder().encode(
      '{"hello": "world", "this": "is json, not a tfrecord file"}\n'.repeat(50),
    );
    const { file, ids, errors } = await readAll(text, 'notes.json');
    expect(file.count).toBe(0);
    expect(ids).toEqual([]);
    expect(errors[0]!.message).toMatch(/^notes\.json: record 0 \(byte 0\): header: length CRC mismatch/);
  });

  it('a damaged GZIP stream keeps the records before the damage', async () => {
    const gz = await gzipBytes(fileOf(3));
    const { ids, errors } = await readAll(gz.subarray(0, Math.floor(gz.length * 0.8)));
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(errors.some((e) => e.field === 'gzip')).toBe(true);
  });
});

describe('property: the reader throws only WaymoReadError and always finishes', () => {
  const valid = fileOf(3);
  const tryAll = async (bytes: Uint8Array) => {
    try {
      await readAll(bytes);
    } catch (e) {
      if (!(e instanceof WaymoReadError)) throw e;
    }
  };

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (b) => {
        await tryAll(b);
      }),
      { numRuns: 300 },
    );
  });

  it('random corruptions of a valid file', async () => {
    const corruption = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ maxLength: 32 }),
      }),
      fc.record({ kind: fc.constant('zero' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 4 }), async (ops) => {
        let b = valid.slice();
        for (const op of ops) {
          const at = op.at % Math.max(1, b.length);
          if (op.kind === 'flip') b[at]! ^= 1 << op.bit;
          else if (op.kind === 'cut') b = b.slice(0, at);
          else if (op.kind === 'zero') b.fill(0, at, at + op.len);
          else b = new Uint8Array([...b.subarray(0, at), ...op.bytes, ...b.subarray(at)]);
        }
        await tryAll(b);
        // a single flipped bit costs at most the one record it lands in
        if (ops.length === 1 && ops[0]!.kind === 'flip') {
          const { ids } = await readAll(b);
          expect(ids.length).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe.skipIf(!existsSync(REAL_SCENARIO))('real WOMD files (../shared/womd)', () => {
  it('opens the real Scenario record with every field the README lists', async () => {
    const file = await ScenarioFile.open(await nodeFileSource(REAL_SCENARIO));
    expect(file.count).toBe(1);
    const s = await file.scene(0);
    await file.close();
    expect(s.id).toBe('637f20cafde22ff8');
    expect(s.timestamps.length).toBe(91);
    expect(s.currentIndex).toBe(10);
    expect(s.tracks.count).toBe(83);
    const types = Array.from(s.tracks.types);
    expect([1, 2, 3].map((t) => types.filter((x) => x === t).length)).toEqual([70, 10, 3]);
    expect(s.sdc).toBe(82);
    expect(s.objectsOfInterest.length).toBe(0);
    expect(Array.from(s.tracksToPredict.trackIndex)).toEqual([72, 43, 42]);
    const kinds = Array.from(s.map.kinds);
    expect([0, 1, 2, 3, 4, 5].map((k) => kinds.filter((x) => x === k).length)).toEqual([
      199, 59, 28, 8, 4, 3,
    ]);
    const signalLanes = new Set(Array.from(s.signals.lanes));
    expect(signalLanes.size).toBe(12);
    expect(interactingPair(s)).toEqual([72, 43]); // falls back to tracks_to_predict
  });

  it('re-encodes the real scene to an identical Scene', async () => {
    const file = await ScenarioFile.open(await nodeFileSource(REAL_SCENARIO));
    const s = await file.scene(0);
    expect(decodeScenario(encodeScene(s))).toEqual(s);
  });

  it('reads the tf.Example file too (the tf_example layout; details in tf-example.test.ts)', async () => {
    const bytes = new Uint8Array(readFileSync(REAL_EXAMPLE));
    const { ids, errors } = await readAll(bytes, 'motion_data_one_example.tfrecord');
    expect(errors).toEqual([]);
    expect(ids).toEqual(['a3bb37c25ce56418']);
  });

  it('one good record stays readable next to the real one made corrupt', async () => {
    const real = new Uint8Array(readFileSync(REAL_SCENARIO));
    const bad = real.slice();
    bad[5000]! ^= 0xff;
    const bytes = new Uint8Array([...bad, ...real, ...encodeRecord(fixturePayload(1))]);
    const { ids, errors } = await readAll(bytes);
    expect(ids).toEqual(['637f20cafde22ff8', 'fixture-1']);
    expect(errors.map((e) => e.record)).toEqual([0]);
  });
});
