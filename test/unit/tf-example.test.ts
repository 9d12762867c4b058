// WOMD tf.Example layout (src/waymo/tf-example.ts): the real record in ../shared/womd, round trips
// through the test-only writer (helpers/tf-example-writer.ts) and damaged input.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScene, type SceneInput, type StateInput } from '../../src/scene/build';
import {
  F,
  featurePoints,
  MapKind,
  ObjectType,
  S_HEADING,
  S_VALID,
  S_VX,
  S_VY,
  type Scene,
  STEP_S,
} from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import {
  decodeExample,
  decodeScenario,
  encodeRecord,
  isExamplePayload,
  memorySource,
  ScenarioFile,
  WaymoReadError,
} from '../../src/waymo';
import { nodeFileSource } from '../../src/waymo/node-file';
import { modescope } from '../../src/waymo/proto/example.js';
import { encodeScene } from '../../src/waymo/scenario';
import { EXAMPLE_PARTS } from '../../src/waymo/tf-example';
import { fixtureScene } from '../fixtures/scenes';
import {
  encodeExample,
  exampleFeatures,
  type FeatureList,
  LAST_POINT_MIN_M,
  MAX_AGENTS,
  ROADGRAPH_SAMPLES,
  sceneToExample,
  type WriteReport,
} from '../fixtures/tf-example-writer';

const WOMD = join(import.meta.dirname, '../../../shared/womd');
const REAL_SCENARIO = join(WOMD, 'motion_data_one_scenario.tfrecord');
const REAL_EXAMPLE = join(WOMD, 'motion_data_one_example.tfrecord');

/** The writer rounds times to whole microseconds: at most half a microsecond off (plus double rounding). */
const MICROS_ROUND_S = 0.5e-6 + 1e-12;
/**
 * How far a decoded map sample may lie from the Scene's polyline: the sample is a point on it in
 * float64, stored as float32 world coordinates (half an ulp is 0.24 mm per axis at 4-8 km from
 * zero, where the real scenario lies); 1 mm covers three axes of that with room.
 */
const ON_LINE_TOL_M = 1e-3;
/** Real timestamps jitter around 10 Hz by tens of microseconds (0.099979 s, 0.10002 s): 1 ms bounds it. */
const STEP_JITTER_S = 1e-3;
/** Speed above which a vehicle's velocity direction says where it heads (below, noise dominates). */
const MOVING_MS = 2;
/** Median |heading - velocity direction| of moving vehicles in a plausible scene (real: ~0.01 rad). */
const HEADING_VS_VELOCITY_RAD = 0.1;

const world = (origin: number, rel: number) => origin + rel;
/** The Scene's world value as the layout stores it. */
const f32 = Math.fround;

function angleDiff(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(d, 2 * Math.PI - d);
}

/** Distance from p to the polyline pts (stride 3), closed when `closed`. */
function distanceToPolyline(p: number[], pts: number[][], closed: boolean): number {
  if (pts.length === 1) return Math.hypot(p[0]! - pts[0]![0]!, p[1]! - pts[0]![1]!, p[2]! - pts[0]![2]!);
  let best = Infinity;
  const n = closed ? pts.length : pts.length - 1;
  for (let k = 0; k < n; k++) {
    const a = pts[k]!;
    const b = pts[(k + 1) % pts.length]!;
    const ab = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
    const ap = [p[0]! - a[0]!, p[1]! - a[1]!, p[2]! - a[2]!];
    const len2 = ab[0]! ** 2 + ab[1]! ** 2 + ab[2]! ** 2;
    const u =
      len2 > 0 ? Math.max(0, Math.min(1, (ap[0]! * ab[0]! + ap[1]! * ab[1]! + ap[2]! * ab[2]!) / len2)) : 0;
    best = Math.min(best, Math.hypot(ap[0]! - u * ab[0]!, ap[1]! - u * ab[1]!, ap[2]! - u * ab[2]!));
  }
  return best;
}

/** World points of a map feature. */
function worldPoints(scene: Scene, f: number): number[][] {
  const p = featurePoints(scene.map, f);
  const out: number[][] = [];
  for (let k = 0; k < p.length; k += 3)
    out.push([
      world(scene.origin[0], p[k]!),
      world(scene.origin[1], p[k + 1]!),
      world(scene.origin[2], p[k + 2]!),
    ]);
  return out;
}

/**
 * Compares a decoded Scene with the Scene that was written, wherever the layout carries the
 * field; fails with the first difference.
 */
function expectRoundTrip(scene: Scene, got: Scene, report: WriteReport): void {
  expect(got.id).toBe(scene.id);
  expect(got.currentIndex).toBe(scene.currentIndex);
  expect(got.timestamps.length).toBe(scene.timestamps.length);
  for (let t = 0; t < scene.timestamps.length; t++)
    expect(Math.abs(got.timestamps[t]! - scene.timestamps[t]!)).toBeLessThanOrEqual(MICROS_ROUND_S);

  // tracks: the written ones, in Scene order
  const kept = report.tracks;
  expect(got.tracks.count).toBe(kept.length);
  const T = scene.tracks.steps;
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    expect(got.tracks.ids[k]).toBe(scene.tracks.ids[i]);
    expect(got.tracks.types[k]).toBe(scene.tracks.types[i]);
    for (let t = 0; t < T; t++) {
      const a = scene.tracks.state.subarray((i * T + t) * F, (i * T + t + 1) * F);
      const b = got.tracks.state.subarray((k * T + t) * F, (k * T + t + 1) * F);
      const where = `track ${i} (id ${scene.tracks.ids[i]}) step ${t}`;
      expect(b[S_VALID], where).toBe(a[S_VALID]);
      if (!a[S_VALID]) {
        // invalid: every field a missing one, 0 (world position 0, as buildScene places it)
        expect(
          [0, 1, 2].map((c) => world(got.origin[c]!, b[c]!)),
          where,
        ).toEqual([0, 0, 0]);
        expect(Array.from(b.subarray(3)), where).toEqual(Array(F - 3).fill(0));
        continue;
      }
      // positions: exactly the float32 of the world value (the layout stores world float32)
      for (let c = 0; c < 3; c++)
        expect(world(got.origin[c]!, b[c]!), `${where} axis ${c}`).toBe(f32(world(scene.origin[c]!, a[c]!)));
      // sizes, heading, velocity: float32 in both, exact
      expect(Array.from(b.subarray(3, 9)), where).toEqual(Array.from(a.subarray(3, 9)));
    }
  }
  expect(got.sdc).toBe(scene.sdc >= 0 ? kept.indexOf(scene.sdc) : -1);
  const ooi = new Set(scene.objectsOfInterest);
  expect(Array.from(got.objectsOfInterest)).toEqual(
    kept.filter((i) => ooi.has(scene.tracks.ids[i]!)).map((i) => scene.tracks.ids[i]),
  );
  // tracks_to_predict: the same set, in row order
  const ttp = Array.from(scene.tracksToPredict.trackIndex, (i, k) => ({
    k: kept.indexOf(i),
    d: scene.tracksToPredict.difficulty[k]!,
  })).sort((x, y) => x.k - y.k);
  expect(Array.from(got.tracksToPredict.trackIndex)).toEqual(ttp.map((r) => r.k));
  expect(Array.from(got.tracksToPredict.difficulty)).toEqual(ttp.map((r) => r.d));

  // signals: the first 16 per step
  for (let t = 0; t < T; t++) {
    const [s0, s1] = [scene.signals.starts[t]!, scene.signals.starts[t + 1]!];
    const [g0, g1] = [got.signals.starts[t]!, got.signals.starts[t + 1]!];
    expect(g1 - g0).toBe(Math.min(16, s1 - s0));
    for (let j = 0; j < g1 - g0; j++) {
      expect(got.signals.lanes[g0 + j]).toBe(scene.signals.lanes[s0 + j]);
      expect(got.signals.states[g0 + j]).toBe(scene.signals.states[s0 + j]);
      for (let c = 0; c < 3; c++)
        expect(world(got.origin[c]!, got.signals.stopPoints[(g0 + j) * 3 + c]!)).toBe(
          f32(world(scene.origin[c]!, scene.signals.stopPoints[(s0 + j) * 3 + c]!)),
        );
    }
  }

  // map: resampled, so features by id, kinds, subtypes, and every sample on the Scene's polyline
  expect(got.map.count).toBe(report.features.size);
  const byId = new Map(Array.from(got.map.ids, (id, g) => [id, g]));
  expect(byId.size).toBe(got.map.count); // ids are unique
  for (const f of report.droppedFeatures) expect(byId.has(scene.map.ids[f]!)).toBe(false);
  for (const [f, { samples, complete }] of report.features) {
    const g = byId.get(scene.map.ids[f]!);
    const where = `feature ${f} (id ${scene.map.ids[f]})`;
    expect(g, where).toBeDefined();
    const kind = scene.map.kinds[f]!;
    expect(got.map.kinds[g!], where).toBe(kind);
    expect(got.map.subtypes[g!], where).toBe(scene.map.subtypes[f]);
    const polygon = kind === MapKind.Crosswalk || kind === MapKind.SpeedBump || kind === MapKind.Driveway;
    const pts = worldPoints(got, g!);
    // a complete polygon's closing sample (its first point again) is dropped on reading
    expect(pts.length, where).toBe(polygon && complete ? samples - 1 : samples);
    const orig = worldPoints(scene, f);
    expect(pts[0], where).toEqual(orig[0]!.map(f32));
    // a complete line ends at its last point, or within LAST_POINT_MIN_M of it (then not added)
    if (complete && !polygon) {
      const [a, b] = [pts.at(-1)!, orig.at(-1)!];
      expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!), where).toBeLessThanOrEqual(
        LAST_POINT_MIN_M + ON_LINE_TOL_M,
      );
    }
    for (const p of pts)
      expect(distanceToPolyline(p, orig, polygon), where).toBeLessThanOrEqual(ON_LINE_TOL_M);
  }
}

function roundTrip(scene: Scene, packed = true) {
  const { payload, report } = sceneToExample(scene, { packed });
  expect(isExamplePayload(payload)).toBe(true);
  return { got: decodeExample(payload, 'written.tfrecord'), report };
}

describe('tf.Example round trip through the test writer', () => {
  it('reproduces the fixture scene wherever the layout carries the field (every map kind, signals)', () => {
    const scene = fixtureScene(1);
    const { got, report } = roundTrip(scene);
    expect(report.droppedTracks).toEqual([]);
    expect(report.droppedFeatures).toEqual([]);
    expectRoundTrip(scene, got, report);
    // what the layout drops: lane topology, speed limits, stop-sign lanes
    expect(scene.map.lanes.size).toBeGreaterThan(0);
    expect(scene.map.stopSignLanes.size).toBeGreaterThan(0);
    expect(got.map.lanes.size).toBe(0);
    expect(got.map.stopSignLanes.size).toBe(0);
  });

  it('reads unpacked lists the same as packed ones', () => {
    const scene = fixtureScene(2);
    const packed = sceneToExample(scene, { packed: true }).payload;
    const unpacked = sceneToExample(scene, { packed: false }).payload;
    expect(unpacked.length).toBeGreaterThan(packed.length); // a tag per value: really unpacked
    expect(decodeExample(unpacked)).toEqual(decodeExample(packed));
  });

  it('reproduces synthetic scenes', () => {
    for (const i of [0, 1, 2, 3]) {
      const { scene } = generateScene(77, i);
      const { got, report } = roundTrip(scene);
      expect(report.droppedTracks).toEqual([]);
      expectRoundTrip(scene, got, report);
    }
  });

  it('keeps 128 agents: tracks to predict, SDC and objects of interest first, then the nearest to the SDC', () => {
    const N = 140;
    const SDC = 139;
    const tracks = Array.from({ length: N }, (_, i) => {
      // track i stands |i - 70| * 3 m from the SDC; tracks 20..24 are not valid at the current step
      const x = 5000 + (i === SDC ? 0 : (i - 70) * 3);
      const states: StateInput[] = Array.from({ length: 91 }, (_, t) => ({
        x: x + t * 0.1,
        y: -3000,
        length: 4,
        width: 2,
        heading: 0,
        vx: 1,
        valid: !(i >= 20 && i < 25 && t === 10),
      }));
      return { id: 1000 + i, type: ObjectType.Vehicle, states };
    });
    const input: SceneInput = {
      id: 'many-agents',
      timestamps: Array.from({ length: 91 }, (_, t) => t * STEP_S),
      currentIndex: 10,
      sdc: SDC,
      objectsOfInterest: [1000 + 2, 1000 + 137],
      tracksToPredict: [
        { trackIndex: 135, difficulty: 2 },
        { trackIndex: 3, difficulty: 1 },
      ],
      tracks,
      features: [],
      signals: [],
    };
    const scene = buildScene(input);
    const { got, report } = roundTrip(scene);
    const first = new Set([135, 3, SDC, 2, 137]);
    for (const i of first) expect(report.tracks).toContain(i);
    expect(report.tracks.length).toBe(MAX_AGENTS);
    expect(report.droppedTracks.length).toBe(N - MAX_AGENTS);
    // the dropped are the farthest from the SDC among the rest; invalid-at-current go before any valid one
    const dist = (i: number) => (i >= 20 && i < 25 ? Infinity : Math.abs(i - 70));
    const keptRest = report.tracks.filter((i) => !first.has(i));
    const far = Math.max(...keptRest.map(dist));
    for (const i of report.droppedTracks) expect(dist(i)).toBeGreaterThanOrEqual(far);
    // ties in distance go by index: of 6 and 134 (both 64 m), 134 is dropped
    expect(report.droppedTracks).toEqual([0, 1, 4, 5, 20, 21, 22, 23, 24, 134, 136, 138]);
    expectRoundTrip(scene, got, report);
  });
});

describe.skipIf(!existsSync(REAL_EXAMPLE))('the real tf.Example record (../shared/womd)', () => {
  const open = async () => {
    const file = await ScenarioFile.open(await nodeFileSource(REAL_EXAMPLE));
    const scene = await file.scene(0);
    await file.close();
    return scene;
  };
  /** The raw keys, read with the generated Example code. */
  const raw = () => {
    const bytes = new Uint8Array(readFileSync(REAL_EXAMPLE));
    const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    const payload = bytes.subarray(12, 12 + len);
    return { payload, keys: modescope.tf.Example.decode(payload).features!.feature! };
  };

  it('decodes through ScenarioFile with the facts read from the file', async () => {
    const s = await open();
    expect(s.id).toBe('a3bb37c25ce56418');
    expect(s.timestamps.length).toBe(91);
    expect(s.currentIndex).toBe(10);
    expect(s.tracks.count).toBe(128); // all 128 rows are real agents: no padding in this record
    const types = Array.from(s.tracks.types);
    expect([1, 2, 3].map((t) => types.filter((x) => x === t).length)).toEqual([119, 8, 1]);
    expect(s.sdc).toBe(8);
    expect(s.tracks.ids[8]).toBe(336);
    expect(Array.from(s.objectsOfInterest)).toEqual([7, 333]);
    expect(Array.from(s.tracksToPredict.trackIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(s.tracksToPredict.difficulty)).toEqual(Array(8).fill(0));
    expect(s.timestamps[0]).toBe(0);
    expect(s.timestamps[10]).toBe(0.99921);
    expect(s.timestamps[90]).toBe(8.97472);
    const kinds = Array.from(s.map.kinds);
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => kinds.filter((x) => x === k).length)).toEqual([
      131, 78, 45, 0, 0, 0, 0,
    ]);
    expect(s.map.starts[s.map.count]).toBe(ROADGRAPH_SAMPLES); // every sample is valid: the map was cut at 20000
    expect(new Set(s.signals.lanes).size).toBe(21);
    expect(s.signals.starts[11]! - s.signals.starts[10]!).toBe(11); // 11 lights at the current step
    for (let k = 0; k < s.tracks.count * 91; k++)
      if (s.tracks.state[k * F + S_VALID]) {
        expect(s.tracks.state[k * F + S_HEADING]).toBeGreaterThanOrEqual(-Math.PI);
        expect(s.tracks.state[k * F + S_HEADING]).toBeLessThan(Math.PI);
      }
  });

  it('the layout as the file has it: agents agree on each step time, lights are step-major', () => {
    const { keys } = raw();
    const int = (k: string) => keys[k]!.int64List!.value!.map(Number);
    const N = keys['state/id']!.floatList!.value!.length;
    const lightTimes = EXAMPLE_PARTS.flatMap((p) => int(`traffic_light_state/${p.name}/timestamp_micros`));
    let t = 0;
    for (const p of EXAMPLE_PARTS) {
      const valid = int(`state/${p.name}/valid`);
      const micros = int(`state/${p.name}/timestamp_micros`);
      for (let s = 0; s < p.steps; s++, t++) {
        const times = new Set<number>();
        for (let i = 0; i < N; i++) if (valid[i * p.steps + s]) times.add(micros[i * p.steps + s]!);
        expect([...times]).toEqual([lightTimes[t]]);
      }
    }
    // step-major lights: the 16 slots of a step hold distinct lanes, padding (-1) at the end
    const ids = int('traffic_light_state/past/id');
    for (let s = 0; s < 10; s++) {
      const step = ids.slice(s * 16, s * 16 + 16).filter((v) => v >= 0);
      expect(new Set(step).size).toBe(step.length);
    }
  });

  it('is NOT the scenario of the Scenario file; both are plausible WOMD scenes', async () => {
    const ex = await open();
    const file = await ScenarioFile.open(await nodeFileSource(REAL_SCENARIO));
    const sc = await file.scene(0);
    await file.close();
    expect(ex.id).not.toBe(sc.id); // a3bb37c25ce56418 vs 637f20cafde22ff8: compared for plausibility only
    for (const s of [ex, sc]) {
      expect(s.timestamps.length).toBe(91);
      expect(s.currentIndex).toBe(10);
      for (let t = 1; t < 91; t++)
        expect(Math.abs(s.timestamps[t]! - s.timestamps[t - 1]! - STEP_S)).toBeLessThan(STEP_JITTER_S);
      // the SDC is a vehicle, valid at every step
      expect(s.tracks.types[s.sdc]).toBe(ObjectType.Vehicle);
      for (let t = 0; t < 91; t++) expect(s.tracks.state[(s.sdc * 91 + t) * F + S_VALID]).toBe(1);
      // every track to predict is valid at the current step (the converter's rule for modeled agents)
      for (const i of s.tracksToPredict.trackIndex)
        expect(s.tracks.state[(i * 91 + 10) * F + S_VALID]).toBe(1);
      // moving vehicles head where they go
      const diffs: number[] = [];
      for (let i = 0; i < s.tracks.count; i++) {
        if (s.tracks.types[i] !== ObjectType.Vehicle) continue;
        for (let t = 0; t < 91; t++) {
          const o = (i * 91 + t) * F;
          const [vx, vy] = [s.tracks.state[o + S_VX]!, s.tracks.state[o + S_VY]!];
          if (s.tracks.state[o + S_VALID] && Math.hypot(vx, vy) > MOVING_MS)
            diffs.push(angleDiff(Math.atan2(vy, vx), s.tracks.state[o + S_HEADING]!));
        }
      }
      diffs.sort((a, b) => a - b);
      expect(diffs.length).toBeGreaterThan(100);
      expect(diffs[Math.floor(diffs.length / 2)]).toBeLessThan(HEADING_VS_VELOCITY_RAD);
      // mostly vehicles, some pedestrians; lanes, road lines and road edges in the map
      const types = Array.from(s.tracks.types);
      expect(types.filter((x) => x === ObjectType.Vehicle).length / types.length).toBeGreaterThan(0.5);
      for (const k of [MapKind.Lane, MapKind.RoadLine, MapKind.RoadEdge]) expect(s.map.kinds).toContain(k);
    }
  });

  it('the real Scenario scene round-trips through the writer; what the 128 / 20000 caps drop', async () => {
    const file = await ScenarioFile.open(await nodeFileSource(REAL_SCENARIO));
    const scene = await file.scene(0);
    await file.close();
    const { got, report } = roundTrip(scene);
    expect(report.droppedTracks).toEqual([]); // 83 tracks fit in 128
    expect(report.droppedSignals).toBe(0);
    // its map needs more than 20000 samples at 0.5 m: the road edges (last in priority) are cut
    const dropped = report.droppedFeatures.map((f) => scene.map.kinds[f]);
    expect(dropped.length).toBeGreaterThan(0);
    expect(new Set(dropped)).toEqual(new Set([MapKind.RoadEdge]));
    const written = [...report.features.values()];
    expect(written.reduce((n, f) => n + f.samples, 0)).toBe(ROADGRAPH_SAMPLES);
    // read back: the 20000 less the closing sample of each complete polygon (4 crosswalks, 3 speed bumps)
    const polygons = [...report.features].filter(
      ([f, { complete }]) =>
        complete && [MapKind.Crosswalk, MapKind.SpeedBump].includes(scene.map.kinds[f] as 4 | 5),
    ).length;
    expect(polygons).toBe(7);
    expect(got.map.starts[got.map.count]).toBe(ROADGRAPH_SAMPLES - polygons);
    expectRoundTrip(scene, got, report);
  });
});

describe('damaged tf.Example records', () => {
  const scene = fixtureScene(3);
  const good = (id: string) => sceneToExample({ ...scene, id }).payload;
  /** The fixture's Example with one key changed (or removed when `value` is null). */
  const edited = (key: string, value: FeatureList | null) => {
    const { features } = exampleFeatures(scene);
    expect(features.has(key)).toBe(true);
    if (value) features.set(key, value);
    else features.delete(key);
    return encodeExample(features);
  };
  const full = sceneToExample(scene).payload;

  const cases: [name: string, payload: Uint8Array, field: string, reason: RegExp][] = [
    ['truncated', full.subarray(0, Math.floor(full.length / 2)), 'payload', /truncated/],
    [
      'wrong length',
      edited('state/past/x', { kind: 'float_list', values: Array(1270).fill(0) }),
      'state/past/x',
      /^has 1270 values, expected 128\*10$/,
    ],
    [
      'wrong type',
      edited('state/past/valid', { kind: 'float_list', values: Array(1280).fill(0) }),
      'state/past/valid',
      /^a float_list, expected an int64_list$/,
    ],
    ['missing key', edited('roadgraph_samples/xyz', null), 'roadgraph_samples/xyz', /^missing$/],
    [
      'NaN in a valid state',
      (() => {
        const x = exampleFeatures(scene).features.get('state/future/x')!.values.slice() as number[];
        x[3 * 80 + 7] = NaN;
        return edited('state/future/x', { kind: 'float_list', values: x });
      })(),
      'state/future/x[3,7]',
      /NaN in a valid state/,
    ],
  ];

  it('each is a WaymoReadError naming file, record and key; the other records still read', async () => {
    const records = [
      good('before'),
      ...cases.map((c) => c[1]),
      encodeScene({ ...scene, id: 'scenario' }),
      good('after'),
    ];
    const bytes = new Uint8Array(records.flatMap((p) => [...encodeRecord(p)]));
    const file = await ScenarioFile.open(memorySource(bytes, 'mixed.tfrecord'));
    const ids: string[] = [];
    const errors: WaymoReadError[] = [];
    for await (const r of file.scenes()) {
      if (r.scene) ids.push(r.scene.id);
      else errors.push(r.error!);
    }
    expect(ids).toEqual(['before', 'scenario', 'after']); // a Scenario record beside Examples reads too
    expect(errors.length).toBe(cases.length);
    cases.forEach(([name, , field, reason], k) => {
      const e = errors[k]!;
      expect(e, name).toBeInstanceOf(WaymoReadError);
      expect(e.file, name).toBe('mixed.tfrecord');
      expect(e.record, name).toBe(k + 1);
      expect(e.field, name).toBe(field);
      expect(e.reason, name).toMatch(reason);
      expect(e.message, name).toMatch(new RegExp(`^mixed\\.tfrecord: record ${k + 1} \\(byte \\d+\\): `));
    });
  });

  it('decodeScenario names a tf.Example and points at decodeExample; a payload that is neither keeps its error', () => {
    expect(() => decodeScenario(full, 'f', 2)).toThrow(/f: record 2: .*a tf\.Example .*decodeExample/);
    const junk = new Uint8Array([0xff, 0xff, 0xff]);
    expect(isExamplePayload(junk)).toBe(false);
    expect(() => decodeScenario(junk)).toThrow(/payload: not a Scenario protobuf/);
    expect(isExamplePayload(encodeScene(scene))).toBe(false);
  });
});
