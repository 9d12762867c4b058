import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORIGIN_GRID_M } from '../../src/scene/build';
import {
  F,
  MapKind,
  normalizeAngle,
  type Scene,
  S_VALID,
  SignalState,
  stateOffset,
  trackIndexOf,
  trackState,
} from '../../src/scene/scene';
import {
  decodeJsonReport,
  decodeJsonScene,
  decodeJsonText,
  decodeJsonValue,
  decodeScenario,
  encodeScene,
  gunzipBytes,
  gzipBytes,
  looksLikeJson,
  readJsonScene,
  WaymoReadError,
} from '../../src/waymo';
import { womdSplitOf } from '../../src/scene/scene';
import { HEADING_VOTE_MIN_SPEED_MPS } from '../../src/waymo/json';

import { agent, AGENTS, newRadians, oldDegrees, ROADS, T, type Json } from '../fixtures/json-scenes';

const DIR = join(import.meta.dirname, '../../../shared/womd-json');
const text = (j: Json) => JSON.stringify(j);

/** The error a decode throws (fails the test when it throws none). */
function errorOf(f: () => unknown): WaymoReadError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(WaymoReadError);
    return e as WaymoReadError;
  }
  throw new Error('expected a WaymoReadError');
}

/** Max |stored heading - travel direction| over a fixture's valid states. */
function headingError(scene: Scene): number {
  let worst = 0;
  for (let i = 0; i < scene.tracks.count; i++)
    for (let t = 0; t < T; t++) {
      const s = trackState(scene.tracks, i, t);
      if (s.valid) worst = Math.max(worst, Math.abs(normalizeAngle(s.heading - AGENTS[i]!.dir)));
    }
  return worst;
}

/** Scene -> Scenario -> Scene: everything but sourceName, which a Scenario cannot carry. */
function roundTrip(scene: Scene): void {
  const back = decodeScenario(encodeScene(scene));
  const { sourceName: _, ...rest } = scene;
  expect(back).toEqual(rest);
}

describe('JSON reader: fixtures', () => {
  it('reads an old file: degrees (unwrapped) by velocity, index ids, no metadata', () => {
    const r = decodeJsonReport(oldDegrees(), 'old.json');
    expect(r.heading).toMatchObject({ units: 'degrees', by: 'velocity', magnitudeRule: 'degrees' });
    expect(r.heading.medianErrorAsDegrees).toBeLessThan(1e-6);
    const s = r.scene;
    expect(s.id).toBe('tfrecord-00012-of-01000_7');
    expect(s.sourceName).toBe('tfrecord-00012-of-01000_7.json');
    expect(s.tracks.steps).toBe(T);
    expect(s.currentIndex).toBe(10);
    expect(Array.from(s.timestamps)).toEqual(Array.from({ length: T }, (_, t) => t * 0.1));
    expect(Array.from(s.tracks.ids)).toEqual([0, 1, 2, 3]);
    expect(Array.from(s.tracks.types)).toEqual([1, 1, 1, 3]);
    expect(s.sdc).toBe(-1);
    expect(s.objectsOfInterest.length).toBe(0);
    expect(s.tracksToPredict.trackIndex.length).toBe(0);
    expect(headingError(s)).toBeLessThan(1e-5);
    for (let i = 0; i < s.tracks.count; i++)
      for (let t = 0; t < T; t++) {
        const h = trackState(s.tracks, i, t).heading;
        expect(h >= -Math.PI && h < Math.PI).toBe(true);
      }
    expect(s.signals.lanes.length).toBe(0);
    roundTrip(s);
  });

  it('reads a new file: radians, scenario_id, metadata, ids, height, z, subtypes, signals', () => {
    const r = decodeJsonReport(newRadians(), 'new.json');
    expect(r.heading).toMatchObject({ units: 'radians', by: 'velocity', magnitudeRule: 'radians' });
    const s = r.scene;
    expect(s.id).toBe('2bd577a009790706');
    expect(s.sourceName).toBe('tfrecord-00004-of-00150_246.json');
    expect(Array.from(s.tracks.ids)).toEqual([100, 101, 102, 103]);
    expect(Array.from(s.tracks.types)).toEqual([1, 2, 4, 1]); // 'bus' is other
    expect(s.sdc).toBe(2);
    expect(Array.from(s.objectsOfInterest)).toEqual([101, 103]);
    expect(Array.from(s.tracksToPredict.trackIndex)).toEqual([1, 3]);
    expect(Array.from(s.tracksToPredict.difficulty)).toEqual([1, 0]);
    expect(headingError(s)).toBeLessThan(1e-5);
    const st = trackState(s.tracks, 2, 10);
    expect(st).toMatchObject({ length: 4.5, width: 2, height: 1.5, valid: true });
    expect(st.z + s.origin[2]).toBeCloseTo(461.5, 4);
    // The origin is the SDC's current position, snapped.
    const sdc0 = AGENTS[2]!;
    expect(s.origin[0]).toBe(
      Math.floor((sdc0.x0 + sdc0.speed * 1 * Math.cos(sdc0.dir)) / ORIGIN_GRID_M) * ORIGIN_GRID_M,
    );
    expect(Array.from(s.map.ids)).toEqual([500, 501, 502, 503, 504, 505, 506]);
    expect(Array.from(s.map.subtypes)).toEqual([2, 2, 2, 0, 0, 0, 0]); // surface street, solid white, median
    expect(s.map.points[2]! + s.origin[2]).toBeCloseTo(461.25, 4);
    // Signals: per step, in key order.
    const at = (t: number) => {
      const out = [];
      for (let k = s.signals.starts[t]!; k < s.signals.starts[t + 1]!; k++)
        out.push([s.signals.lanes[k], s.signals.states[k]]);
      return out;
    };
    expect(at(0)).toEqual([[167, SignalState.Stop]]);
    expect(at(1)).toEqual([
      [167, SignalState.ArrowGo],
      [168, SignalState.Go],
    ]);
    expect(at(2)).toEqual([[167, SignalState.FlashingCaution]]);
    expect(at(3)).toEqual([]);
    expect(at(90)).toEqual([[168, SignalState.Caution]]);
    expect(s.signals.stopPoints[0]! + s.origin[0]).toBeCloseTo(3258.5, 3);
    expect(s.signals.stopPoints[1]! + s.origin[1]).toBeCloseTo(12.25, 3);
    roundTrip(s);
  });

  it('decides from the data, not the version: an old-looking file in radians', () => {
    // Like tfrecord-00005-of-00150_2bd577a009790706: no metadata, no ids, yet radians.
    const j = { ...oldDegrees(), objects: AGENTS.map((a) => agent(a, 'radians')) };
    const r = decodeJsonReport(j);
    expect(r.heading).toMatchObject({ units: 'radians', by: 'velocity' });
    expect(r.heading.medianErrorAsRadians).toBeLessThan(1e-6);
    expect(r.heading.medianErrorAsDegrees).toBeGreaterThan(0.5);
    expect(headingError(r.scene)).toBeLessThan(1e-5);
  });

  it('falls back to the magnitude rule when nothing moves', () => {
    const still = (units: 'radians' | 'degrees') =>
      decodeJsonReport({ objects: AGENTS.map((a) => agent({ ...a, speed: 0.5 }, units)) }).heading;
    expect(still('degrees')).toMatchObject({ units: 'degrees', by: 'magnitude', samples: 0 });
    expect(still('radians')).toMatchObject({ units: 'radians', by: 'magnitude', samples: 0 });
    expect(HEADING_VOTE_MIN_SPEED_MPS).toBeGreaterThan(0.5);
  });

  it('keeps invalid states at zero: -10000 and (0, 0) reach neither the scene nor the origin', () => {
    const s = decodeJsonValue(oldDegrees());
    for (const [i, steps] of [
      [0, [0, 1, 2, 90]],
      [1, [50, 51]],
    ] as const)
      for (const t of steps) {
        const o = stateOffset(s.tracks, i, t);
        const world = Array.from(s.tracks.state.subarray(o, o + F));
        world[0]! += s.origin[0];
        world[1]! += s.origin[1];
        world[2]! += s.origin[2];
        expect(world).toEqual(new Array(F).fill(0));
        expect(s.tracks.state[o + S_VALID]).toBe(0);
      }
    // No sdc: the origin comes from the first valid state (track 0, step 3), not from -10000.
    const a = AGENTS[0]!;
    expect(s.origin[0]).toBe(
      Math.floor((a.x0 + a.speed * 0.3 * Math.cos(a.dir)) / ORIGIN_GRID_M) * ORIGIN_GRID_M,
    );
    expect(s.origin[1]).toBe(
      Math.floor((a.y0 + a.speed * 0.3 * Math.sin(a.dir)) / ORIGIN_GRID_M) * ORIGIN_GRID_M,
    );
    // NaN or Infinity in an invalid state is ignored.
    const j = oldDegrees();
    const o1 = (j.objects as Json[])[1] as { position: Json[]; heading: number[] };
    o1.position[50]!.x = NaN;
    o1.heading[51] = Infinity;
    expect(() => decodeJsonValue(j)).not.toThrow();
  });

  it('reads every road type; stop signs keep one point; lanes carry an empty topology', () => {
    const r = decodeJsonReport({
      ...oldDegrees(),
      roads: [...ROADS, { type: 'parking_lot', geometry: [{ x: 0, y: 0 }] }],
    });
    const m = r.scene.map;
    expect(Array.from(m.kinds)).toEqual([
      MapKind.Lane,
      MapKind.RoadLine,
      MapKind.RoadEdge,
      MapKind.StopSign,
      MapKind.Crosswalk,
      MapKind.SpeedBump,
      MapKind.Driveway,
    ]);
    expect(Array.from(m.ids)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(m.starts)).toEqual([0, 2, 4, 6, 7, 11, 14, 17]);
    expect(r.skippedRoads).toEqual({ parking_lot: 1 });
    expect(m.lanes.get(0)?.entryLanes).toEqual([]);
    expect(m.stopSignLanes.get(3)).toEqual([]);
    expect(m.points[3 * 6 + 2]).toBe(0); // z absent -> 0 (origin z is 0 too)
    // A map_element_id that does not fit the type: subtype 0, counted.
    const odd = decodeJsonReport({ ...oldDegrees(), roads: [{ ...ROADS[0], map_element_id: 17 }] });
    expect(odd.unknownSubtypes).toBe(1);
    expect(odd.scene.map.subtypes[0]).toBe(0);
  });

  it('reads plain and GZIP bytes and text alike; the sync decoder names GZIP', async () => {
    const t = text(newRadians());
    const bytes = new TextEncoder().encode(t);
    const gz = await gzipBytes(bytes);
    const want = decodeJsonText(t, 'x.json');
    expect(await readJsonScene(gz, 'x.json.gz')).toEqual(want);
    expect(await readJsonScene(bytes, 'x.json')).toEqual(want);
    expect(await readJsonScene(t, 'x.json')).toEqual(want);
    expect(decodeJsonScene(bytes, 'x.json')).toEqual(want);
    const e = errorOf(() => decodeJsonScene(gz, 'x.json.gz'));
    expect(e).toMatchObject({ file: 'x.json.gz', record: 0, field: 'gzip' });
    await expect(readJsonScene(gz.subarray(0, gz.length >> 1), 'cut.json.gz')).rejects.toMatchObject({
      file: 'cut.json.gz',
      field: 'gzip',
    });
    expect(await gunzipBytes(gz)).toEqual(bytes);
  });

  it('sniffs JSON and names WOMD splits', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(looksLikeJson(enc('{"name": 1}'))).toBe(true);
    expect(looksLikeJson(enc(' \n\t\r{'))).toBe(true);
    expect(looksLikeJson(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b]))).toBe(true);
    expect(looksLikeJson(enc('[1]'))).toBe(false);
    expect(looksLikeJson(enc('   '))).toBe(false);
    expect(looksLikeJson(Uint8Array.from([0x1f, 0x8b]))).toBe(false);
    expect(womdSplitOf('tfrecord-00997-of-01000_183.json')).toBe('training');
    expect(womdSplitOf('tfrecord-00004-of-00150_246.json')).toBe('validation');
    expect(womdSplitOf('tfrecord-00004-of-00150_246.json', 91)).toBe('validation');
    expect(womdSplitOf('tfrecord-00043-of-00150_223.json', 11)).toBe('testing');
    expect(womdSplitOf('tfrecord-ab2a72c63f8fd589.json')).toBe('unknown');
    expect(womdSplitOf('tfrecord-00004-of-001500_1.json')).toBe('unknown');
  });

  it('takes the scene id from scenario_id, else name, else the file name', () => {
    const j = oldDegrees();
    delete j.name;
    const s = decodeJsonValue(j, 'dir/some_scene.json.gz');
    expect(s.id).toBe('some_scene');
    expect('sourceName' in s).toBe(false);
  });
});

describe('JSON reader: bad input names file and field', () => {
  const bad = (mutate: (j: Json) => void, file = 'bad.json') => {
    const j = oldDegrees();
    mutate(j);
    return errorOf(() => decodeJsonValue(j, file));
  };
  const obj = (j: Json, i: number) =>
    (j.objects as Json[])[i] as Json & { position: unknown[]; heading: unknown };

  it('truncated or empty text', () => {
    const t = text(oldDegrees());
    const e = errorOf(() => decodeJsonText(t.slice(0, t.length >> 1), 'cut.json'));
    expect(e).toMatchObject({ file: 'cut.json', record: 0, field: 'json' });
    expect(e.message).toMatch(/^cut\.json: record 0: json: not valid JSON, truncated/);
    expect(errorOf(() => decodeJsonText('', 'empty.json')).reason).toMatch(/empty/);
    expect(errorOf(() => decodeJsonText('[1, 2]')).reason).toMatch(/object at the top level, got an array/);
  });

  it('wrong types', () => {
    expect(bad((j) => (obj(j, 3).position[17] = 'here'))).toMatchObject({
      file: 'bad.json',
      record: 0,
      field: 'objects[3].position[17]',
      reason: 'expected an object {x, y}, got string',
    });
    expect(bad((j) => ((obj(j, 3).position[17] as Json).x = '1.5')).field).toBe('objects[3].position[17].x');
    expect(bad((j) => (obj(j, 0).heading = 7)).reason).toBe('expected an array, got number');
    expect(bad((j) => ((obj(j, 2).valid as unknown[])[4] = 1)).field).toBe('objects[2].valid[4]');
    expect(bad((j) => (obj(j, 2).type = 3)).field).toBe('objects[2].type');
    expect(bad((j) => (obj(j, 1).width = null)).field).toBe('objects[1].width');
    expect(bad((j) => (j.objects = {})).field).toBe('objects');
    expect(bad((j) => ((j.roads as Json[])[2] = { type: 'lane', geometry: [{ x: 1, y: 'a' }] })).field).toBe(
      'roads[2].geometry[0].y',
    );
    expect(bad((j) => (j.metadata = { sdc_track_index: 1.5 })).reason).toBe('1.5: expected an integer');
    expect(bad((j) => (j.scenario_id = 12)).field).toBe('scenario_id');
  });

  it('missing arrays and fields', () => {
    expect(bad((j) => delete obj(j, 2).velocity)).toMatchObject({
      field: 'objects[2].velocity',
      reason: 'missing (expected an array)',
    });
    expect(bad((j) => delete j.objects).field).toBe('objects');
    expect(bad((j) => delete obj(j, 0).length).field).toBe('objects[0].length');
    expect(bad((j) => delete (j.roads as Json[])[1]!.geometry).field).toBe('roads[1].geometry');
  });

  it('NaN and Infinity in a valid state, in a parsed value or as Python writes them', () => {
    expect(bad((j) => ((obj(j, 3).position[17] as Json).x = NaN))).toMatchObject({
      field: 'objects[3].position[17].x',
      reason: 'NaN in a valid state',
    });
    expect(bad((j) => ((obj(j, 2).heading as unknown[])[40] = -Infinity)).field).toBe(
      'objects[2].heading[40]',
    );
    // Python's json.dump writes bare NaN / Infinity; the error still names the field.
    const j = oldDegrees();
    (obj(j, 3).position[17] as Json).x = 12345.5;
    const py = text(j).replace('"x":12345.5', '"x":NaN');
    expect(errorOf(() => decodeJsonText(py, 'py.json'))).toMatchObject({
      file: 'py.json',
      field: 'objects[3].position[17].x',
    });
    expect(errorOf(() => decodeJsonText(text(j).replace('"x":12345.5', '"x":Infinity'))).reason).toBe(
      'Infinity in a valid state',
    );
    expect(
      bad((j) => ((j.roads as Json[])[0] = { type: 'lane', geometry: [{ x: Infinity, y: 0 }] })).field,
    ).toBe('roads[0].geometry[0].x');
  });

  it('zero objects, too few steps, mismatched lengths', () => {
    expect(bad((j) => (j.objects = []))).toMatchObject({
      field: 'objects',
      reason: expect.stringMatching(/zero objects/),
    });
    const short = errorOf(() => decodeJsonValue({ objects: [agent(AGENTS[0]!, 'radians', {}, 10)] }));
    expect(short).toMatchObject({ field: 'objects[0].position', reason: expect.stringMatching(/^10 steps/) });
    expect(decodeJsonValue({ objects: [agent(AGENTS[2]!, 'radians', {}, 11)] }).tracks.steps).toBe(11);
    expect(bad((j) => (obj(j, 2).heading as unknown[]).pop())).toMatchObject({
      field: 'objects[2].heading',
      reason: '90 entries, expected 91 (the length of objects[0].position)',
    });
    const tl = (extra: Json) => ({
      state: ['stop', 'go'],
      x: [1, 2],
      y: [1, 2],
      time_index: [0, 1],
      ...extra,
    });
    expect(bad((j) => (j.tl_states = { '5': tl({ x: [1] }) }))).toMatchObject({
      field: 'tl_states["5"].x',
      reason: '1 entries, expected 2 (as many as state)',
    });
    expect(bad((j) => (j.tl_states = { '5': tl({ time_index: [0, 91] }) })).field).toBe(
      'tl_states["5"].time_index[1]',
    );
    expect(bad((j) => (j.tl_states = { '5': tl({ state: ['stop', 'purple'] }) })).field).toBe(
      'tl_states["5"].state[1]',
    );
    expect(bad((j) => (j.tl_states = { lane: tl({}) })).field).toBe('tl_states["lane"]');
  });

  it('indices and ids that do not resolve', () => {
    expect(bad((j) => (j.metadata = { sdc_track_index: 4 })).field).toBe('metadata.sdc_track_index');
    expect(bad((j) => (j.metadata = { tracks_to_predict: [{ track_index: -1, difficulty: 0 }] })).field).toBe(
      'metadata.tracks_to_predict[0].track_index',
    );
    expect(bad((j) => (j.metadata = { tracks_to_predict: [{ track_index: 0, difficulty: 3 }] })).field).toBe(
      'metadata.tracks_to_predict[0].difficulty',
    );
    expect(
      bad((j) => {
        obj(j, 0).id = 7;
        obj(j, 2).id = 7;
      }),
    ).toMatchObject({ field: 'objects[2].id', reason: '7 is the id of an earlier object' });
    expect(bad((j) => ((j.roads as Json[])[3] = { type: 'stop_sign', geometry: [] })).field).toBe(
      'roads[3].geometry',
    );
  });
});

describe.skipIf(!existsSync(DIR))('JSON reader: the real files in ../shared/womd-json', () => {
  /** Valid positions stay within this of the origin: a WOMD scene spans a few hundred metres. */
  const MAX_EXTENT_M = 3000;
  /**
   * Bound on a file's median |heading - velocity direction| over states faster than
   * HEADING_VOTE_MIN_SPEED_MPS. The worst real file measures 0.14 rad; a wrong unit reading gives
   * 0.4 to 2.8 rad.
   */
  const MAX_MEDIAN_HEADING_ERROR_RAD = 0.2;
  /** Every ROUND_TRIP_EVERY-th file (by name) also goes through a Scenario and back. */
  const ROUND_TRIP_EVERY = 4;

  it('decodes all; heading units agree with velocity; no invalid position leaks; ids resolve; Scenario round trip', async () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json.gz'))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    const units = { radians: 0, degrees: 0 };
    const problems: string[] = [];
    let worstMedian = 0;
    let trips = 0;
    for (const [n, f] of files.entries()) {
      const gz = readFileSync(join(DIR, f));
      const { scene: s, heading } = decodeJsonReport(
        JSON.parse(new TextDecoder().decode(await gunzipBytes(gz))),
        f,
      );
      if (n === 0) expect(await readJsonScene(gz, f)).toEqual(s);
      units[heading.units]++;
      if (heading.by !== 'velocity') problems.push(`${f}: units by ${heading.by}`);
      if (heading.units !== heading.magnitudeRule) problems.push(`${f}: the magnitude rule disagrees`);
      const { tracks } = s;
      if (tracks.steps !== 91 && tracks.steps !== 11) problems.push(`${f}: ${tracks.steps} steps`); // 11: testing split
      // Stored headings against the velocity direction of moving agents.
      const err: number[] = [];
      for (let i = 0; i < tracks.count; i++)
        for (let t = 0; t < tracks.steps; t++) {
          const st = trackState(tracks, i, t);
          if (!st.valid) {
            if (st.x + s.origin[0] !== 0 || st.y + s.origin[1] !== 0 || st.heading !== 0 || st.length !== 0)
              problems.push(`${f}: invalid state ${i}/${t} is not zero`);
          } else if (Math.hypot(st.x, st.y) > MAX_EXTENT_M)
            problems.push(`${f}: state ${i}/${t} far from the origin`);
          else if (Math.hypot(st.vx, st.vy) > HEADING_VOTE_MIN_SPEED_MPS)
            err.push(Math.abs(normalizeAngle(st.heading - Math.atan2(st.vy, st.vx))));
        }
      err.sort((a, b) => a - b);
      const med = err[err.length >> 1] ?? NaN;
      worstMedian = Math.max(worstMedian, med);
      if (!(med < MAX_MEDIAN_HEADING_ERROR_RAD)) problems.push(`${f}: median heading error ${med}`);
      if (new Set(tracks.ids).size !== tracks.count) problems.push(`${f}: duplicate track ids`);
      for (const id of s.objectsOfInterest)
        if (trackIndexOf(s, id) < 0) problems.push(`${f}: object of interest ${id} is no track`);
      if (!s.sourceName?.endsWith('.json')) problems.push(`${f}: sourceName ${s.sourceName}`);
      if (n % ROUND_TRIP_EVERY === 0) {
        trips++;
        const { sourceName: _, ...rest } = s;
        expect(decodeScenario(encodeScene(s), f), `${f}: Scenario round trip`).toEqual(rest);
      }
    }
    expect(problems).toEqual([]);
    expect(units.radians).toBeGreaterThan(0);
    expect(units.degrees).toBeGreaterThan(0);
    console.log(
      `womd-json: ${files.length} files (${trips} round-tripped): ${units.degrees} degrees, ${units.radians} radians; ` +
        `worst per-file median heading error ${worstMedian.toFixed(4)} rad`,
    );
  });
});
