// GPUDrive/Nocturne JSON scenario (one scenario per file, .json or .json.gz) -> Scene, through
// buildScene like every other reader (DESIGN.md section 3c; ../shared/womd-json/README.md gives the
// layout as measured over 156 real files). The contract:
// - Steps: T = the length of objects[0].position; every per-step array of every object has T
//   entries (else a named error). Timestamps are t * STEP_S, the current step is 10 (WOMD's
//   current_time_index), so T must be at least 11. Real files have T = 91, or T = 11 for the
//   history-only scenes of the WOMD testing split.
// - Tracks: id = `id` when present, else the object's index; type vehicle/pedestrian/cyclist, any
//   other string is "other"; width, length, height (0 when absent) and per-step position (z 0 when
//   absent), velocity, heading, valid. An invalid state (valid false) is all zeros, whatever its
//   position says (real files hold -10000, 0.0001 or stale coordinates there), so it never reaches
//   the scene or the origin choice.
// - Heading units (radians or degrees) are decided per file from the data: headingUnits below.
//   Headings are stored wrapped to [-pi, pi).
// - Scene.id = `scenario_id`, else `name` without ".json", else the file name; Scene.sourceName =
//   `name`. metadata (optional): sdc_track_index, objects_of_interest (track ids),
//   tracks_to_predict ({track_index, difficulty}).
// - roads: the seven WOMD kinds by `type`; ids from `id`, else the index; the subtype (lane, road
//   line, road edge type) from `map_element_id` when present (Waymax's MapElementIds numbering),
//   else 0. No lane topology exists in the format: lanes get an empty LaneInfo and stop signs an
//   empty lane list, exactly what a Scenario without them decodes to. Roads of a type we do not
//   know are skipped and counted in the report (JsonReport.skippedRoads), never a known kind.
// - tl_states: { laneId: { state[], x[], y[], z[], time_index[] } } -> per-step signal lists.
// - Errors: a WaymoReadError(file, record 0, field path, reason), e.g. field
//   `objects[3].position[17].x`. Unknown keys are ignored.
import {
  buildScene,
  type FeatureInput,
  type SceneInput,
  type SignalInput,
  type StateInput,
  type TrackInput,
} from '../scene/build';
import {
  emptyLane,
  MapKind,
  normalizeAngle,
  ObjectType,
  type Scene,
  SIGNAL_STATE_NAMES,
  STEP_S,
} from '../scene/scene';
import { median } from '../util/median';
import { WaymoReadError } from './errors';
import { gunzipBytes } from './tfrecord';

/** WOMD's current_time_index: 11 steps of history including the current one. */
export const JSON_CURRENT_INDEX = 10;
/** A scene needs its current step. */
export const JSON_MIN_STEPS = JSON_CURRENT_INDEX + 1;

/**
 * Only states faster than this (m/s) vote on the heading units. Below walking pace the velocity
 * direction says little about the heading: the tracker's velocity there is mostly position noise
 * (a few centimetres per 0.1 s step is tenths of a metre per second in any direction), and
 * pedestrians sidestep and turn on the spot. Above 2 m/s the votes come mostly from vehicles and
 * cyclists, whose heading follows their velocity; every one of the 156 real files still has at
 * least 46 such states.
 */
export const HEADING_VOTE_MIN_SPEED_MPS = 2;
/**
 * A moving state votes only when its two readings point at least this far apart (radians, about
 * 29 degrees). Where they nearly agree (headings near 0 either way: traffic along +x) it cannot
 * tell the units apart, yet it would pull both medians towards 0: in one real file (radians, most
 * traffic along +x) the medians over all moving states were 0.002 and 0.007 rad. Over the voting
 * states alone the wrong reading's median error is at least 7 times the right one's in every real
 * file. 0.5 rad is well above a right reading's error (medians up to 0.2 rad over voting states).
 */
export const HEADING_VOTE_MIN_SPREAD_RAD = 0.5;
/**
 * Fewer votes than this and the velocity vote is not trusted (one reversing or badly tracked agent
 * could decide it): the magnitude rule decides instead. Real files have at least 13 votes.
 */
export const HEADING_VOTE_MIN_SAMPLES = 5;
/**
 * The magnitude rule, for files where (almost) nothing moves: a heading beyond 2*pi (plus this
 * margin for float error) can only be degrees, since radian headings in these files are wrapped
 * (real ones stay within float error of pi) while degree headings are unwrapped (seen up to 810).
 * A file whose every |heading| is at most 2*pi is read as radians: if it were degrees, every agent
 * would point within about 6 degrees of +x, and reading such small values as radians is the
 * smaller mistake either way.
 */
export const RADIANS_MAX_ABS = 2 * Math.PI + 1e-3;

const DEG = Math.PI / 180;
/**
 * The smallest float32 at or above -pi. A float64 heading in [-pi, pi) can round to a float32
 * outside it (no float32 equals pi): such a heading is stored as this instead, so the float32
 * scene holds [-pi, pi) and a Scenario round trip (whose decoder wraps again) changes nothing.
 */
const F32_MINUS_PI = -Math.fround(Math.PI - 2e-7);

/** How the heading units of a file were decided. */
export interface HeadingUnits {
  units: 'radians' | 'degrees';
  /** 'velocity': by agreement with the velocity direction; 'magnitude': by RADIANS_MAX_ABS. */
  by: 'velocity' | 'magnitude';
  /** Votes: valid moving states whose two readings differ (HEADING_VOTE_MIN_SPREAD_RAD). */
  samples: number;
  /**
   * Median |wrapped heading - velocity direction| (radians) over the votes, reading the headings
   * as radians; NaN without votes.
   */
  medianErrorAsRadians: number;
  /** The same, reading them as degrees. */
  medianErrorAsDegrees: number;
  /** What the magnitude rule alone says (a cross-check; it decides only without enough votes). */
  magnitudeRule: 'radians' | 'degrees';
}

/** A scene and what the reader decided or left out on the way. */
export interface JsonReport {
  scene: Scene;
  heading: HeadingUnits;
  /** Roads of a type this reader does not know, skipped: type -> count. */
  skippedRoads: Record<string, number>;
  /** Roads whose map_element_id does not fit their type: read with subtype 0 (unknown). */
  unknownSubtypes: number;
}

/** True when the first non-whitespace byte (after an optional UTF-8 BOM) is '{'. */
export function looksLikeJson(firstBytes: Uint8Array): boolean {
  let i = 0;
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) i = 3;
  for (; i < firstBytes.length; i++) {
    const b = firstBytes[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x7b;
  }
  return false;
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Reads a JSON scenario file's bytes (plain or GZIP) or text. */
export async function readJsonScene(bytes: Uint8Array | string, file = 'memory'): Promise<Scene> {
  if (typeof bytes !== 'string' && isGzip(bytes)) bytes = await gunzipBytes(bytes, file, 0);
  return decodeJsonScene(bytes, file);
}

/** Synchronous decode of plain JSON bytes or text; GZIP bytes need readJsonScene (async). */
export function decodeJsonScene(bytes: Uint8Array | string, file = 'memory'): Scene {
  if (typeof bytes === 'string') return decodeJsonText(bytes, file);
  if (isGzip(bytes))
    throw new WaymoReadError(file, 0, 'gzip', 'GZIP-compressed: decompress it first (readJsonScene does)');
  return decodeJsonText(new TextDecoder().decode(bytes), file);
}

export function decodeJsonText(text: string, file = 'memory'): Scene {
  return decodeJsonValue(parseJson(text, file), file);
}

export function decodeJsonValue(value: unknown, file = 'memory'): Scene {
  return decodeJsonReport(value, file).scene;
}

/** Python's json module writes NaN, Infinity and -Infinity bare; JSON.parse rejects them. */
const PY_NON_FINITE = /"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)/g;

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // A file written by Python with non-finite floats: quote the bare tokens (outside strings) and
    // read them as numbers below, so the error names the field they sit in.
    if (/NaN|Infinity/.test(text)) {
      try {
        return JSON.parse(
          text.replace(PY_NON_FINITE, (m, tok: string | undefined) => (tok ? `"${tok}"` : m)),
        );
      } catch {
        // fall through to the original message
      }
    }
    const end = text.trimEnd();
    const truncated =
      end.length === 0 ? 'empty' : end.endsWith('}') ? '' : 'truncated (it does not end with "}")';
    throw new WaymoReadError(
      file,
      0,
      'json',
      `not valid JSON${truncated ? `, ${truncated}` : ''}: ${(e as Error).message}`,
    );
  }
}

type Obj = Record<string, unknown>;

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number, or one of Python's non-finite tokens quoted by parseJson; undefined otherwise. */
function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return undefined;
}

const OBJECT_TYPES: Record<string, number> = {
  vehicle: ObjectType.Vehicle,
  pedestrian: ObjectType.Pedestrian,
  cyclist: ObjectType.Cyclist,
};

/**
 * Road types, with the range of Waymax's MapElementIds (the `map_element_id` newer files carry)
 * that encodes the kind's subtype: subtype = map_element_id - first.
 */
const ROAD_KINDS: Record<string, { kind: MapKind; first?: number; last?: number }> = {
  lane: { kind: MapKind.Lane, first: 0, last: 3 },
  road_line: { kind: MapKind.RoadLine, first: 5, last: 13 },
  road_edge: { kind: MapKind.RoadEdge, first: 14, last: 16 },
  stop_sign: { kind: MapKind.StopSign },
  crosswalk: { kind: MapKind.Crosswalk },
  speed_bump: { kind: MapKind.SpeedBump },
  driveway: { kind: MapKind.Driveway },
};

/** Heading in [-pi, pi) that stays in it as float32 (see F32_MINUS_PI). */
function sceneHeading(a: number): number {
  const n = normalizeAngle(a);
  const f = Math.fround(n);
  return f >= Math.PI || f < -Math.PI ? F32_MINUS_PI : n;
}

/** One object's per-step columns as read, before the heading units are known. */
interface RawTrack {
  id: number;
  type: number;
  length: number;
  width: number;
  height: number;
  valid: Uint8Array;
  /** x, y, z, vx, vy per step (stride 5), zeros where invalid. */
  xyzv: Float64Array;
  /** As in the file (units undecided), 0 where invalid. */
  heading: Float64Array;
}

/**
 * Decides the heading units of a file: over the valid states faster than
 * HEADING_VOTE_MIN_SPEED_MPS whose two readings differ by HEADING_VOTE_MIN_SPREAD_RAD or more, the
 * median angle between the velocity direction and the heading read as radians, and read as
 * degrees; the smaller wins. With fewer than HEADING_VOTE_MIN_SAMPLES votes the magnitude rule
 * (RADIANS_MAX_ABS) decides.
 */
function headingUnits(tracks: RawTrack[], T: number): HeadingUnits {
  const asRad: number[] = [];
  const asDeg: number[] = [];
  let maxAbs = 0;
  for (const tr of tracks)
    for (let t = 0; t < T; t++) {
      if (!tr.valid[t]) continue;
      const h = tr.heading[t]!;
      maxAbs = Math.max(maxAbs, Math.abs(h));
      const vx = tr.xyzv[t * 5 + 3]!;
      const vy = tr.xyzv[t * 5 + 4]!;
      if (Math.hypot(vx, vy) <= HEADING_VOTE_MIN_SPEED_MPS) continue;
      if (Math.abs(normalizeAngle(h - h * DEG)) < HEADING_VOTE_MIN_SPREAD_RAD) continue;
      const dir = Math.atan2(vy, vx);
      asRad.push(Math.abs(normalizeAngle(h - dir)));
      asDeg.push(Math.abs(normalizeAngle(h * DEG - dir)));
    }
  const medianErrorAsRadians = median(asRad);
  const medianErrorAsDegrees = median(asDeg);
  const samples = asRad.length;
  const magnitudeRule = maxAbs > RADIANS_MAX_ABS ? 'degrees' : 'radians';
  const byVelocity = samples >= HEADING_VOTE_MIN_SAMPLES;
  return {
    units: !byVelocity ? magnitudeRule : medianErrorAsDegrees < medianErrorAsRadians ? 'degrees' : 'radians',
    by: byVelocity ? 'velocity' : 'magnitude',
    samples,
    medianErrorAsRadians,
    medianErrorAsDegrees,
    magnitudeRule,
  };
}

/** Like decodeJsonValue, and says how it decided the heading units and what it skipped. */
export function decodeJsonReport(value: unknown, file = 'memory'): JsonReport {
  const fail = (field: string, reason: string) => new WaymoReadError(file, 0, field, reason);
  const need = (v: unknown, field: string, what: string) =>
    fail(field, v === undefined ? `missing (expected ${what})` : `expected ${what}, got ${kindOf(v)}`);
  /** A required finite number. */
  const finite = (v: unknown, field: string): number => {
    const n = numberOf(v);
    if (n === undefined) throw need(v, field, 'a number');
    if (!Number.isFinite(n)) throw fail(field, `${n}: not a finite number`);
    return n;
  };
  const integer = (v: unknown, field: string): number => {
    const n = finite(v, field);
    if (!Number.isInteger(n)) throw fail(field, `${n}: expected an integer`);
    return n;
  };
  const array = (v: unknown, field: string): unknown[] => {
    if (!Array.isArray(v)) throw need(v, field, 'an array');
    return v;
  };

  if (!isObj(value)) throw need(value, 'json', 'an object at the top level');
  const top = value;

  // objects
  const objects = array(top.objects, 'objects');
  if (objects.length === 0) throw fail('objects', 'zero objects: a scene needs at least one track');
  const o0 = objects[0];
  if (!isObj(o0)) throw need(o0, 'objects[0]', 'an object');
  const T = array(o0.position, 'objects[0].position').length;
  if (T < JSON_MIN_STEPS)
    throw fail(
      'objects[0].position',
      `${T} steps: a scene needs at least ${JSON_MIN_STEPS} (history up to the current step ${JSON_CURRENT_INDEX})`,
    );
  const raw: RawTrack[] = objects.map((o, i) => {
    const at = `objects[${i}]`;
    if (!isObj(o)) throw need(o, at, 'an object');
    const steps = (key: string) => {
      const a = array(o[key], `${at}.${key}`);
      if (a.length !== T)
        throw fail(`${at}.${key}`, `${a.length} entries, expected ${T} (the length of objects[0].position)`);
      return a;
    };
    const position = steps('position');
    const velocity = steps('velocity');
    const heading = steps('heading');
    const valid = steps('valid');
    if (typeof o.type !== 'string') throw need(o.type, `${at}.type`, 'a string');
    const rec: RawTrack = {
      id: o.id === undefined ? i : integer(o.id, `${at}.id`),
      type: OBJECT_TYPES[o.type] ?? ObjectType.Other,
      length: finite(o.length, `${at}.length`),
      width: finite(o.width, `${at}.width`),
      height: o.height === undefined ? 0 : finite(o.height, `${at}.height`),
      valid: new Uint8Array(T),
      xyzv: new Float64Array(T * 5),
      heading: new Float64Array(T),
    };
    if ((rec.id | 0) !== rec.id) throw fail(`${at}.id`, `${rec.id} does not fit a WOMD track id (int32)`);
    for (let t = 0; t < T; t++) {
      const ok = valid[t];
      if (typeof ok !== 'boolean') throw need(ok, `${at}.valid[${t}]`, 'true or false');
      const p = position[t];
      const v = velocity[t];
      if (!isObj(p)) throw need(p, `${at}.position[${t}]`, 'an object {x, y}');
      if (!isObj(v)) throw need(v, `${at}.velocity[${t}]`, 'an object {x, y}');
      // Numbers everywhere; finite only where valid (an invalid state's values are never used).
      const vals = [
        [p.x, 'position', 'x'],
        [p.y, 'position', 'y'],
        [p.z ?? 0, 'position', 'z'],
        [v.x, 'velocity', 'x'],
        [v.y, 'velocity', 'y'],
      ] as const;
      for (let k = 0; k < 5; k++) {
        const [val, arr, key] = vals[k]!;
        const n = numberOf(val);
        if (n === undefined) throw need(val, `${at}.${arr}[${t}].${key}`, 'a number');
        if (!ok) continue;
        if (!Number.isFinite(n)) throw fail(`${at}.${arr}[${t}].${key}`, `${n} in a valid state`);
        rec.xyzv[t * 5 + k] = n;
      }
      const h = numberOf(heading[t]);
      if (h === undefined) throw need(heading[t], `${at}.heading[${t}]`, 'a number');
      if (!ok) continue;
      if (!Number.isFinite(h)) throw fail(`${at}.heading[${t}]`, `${h} in a valid state`);
      rec.heading[t] = h;
      rec.valid[t] = 1;
    }
    return rec;
  });
  const heading = headingUnits(raw, T);
  const scale = heading.units === 'degrees' ? DEG : 1;
  const INVALID: StateInput = { valid: false };
  const tracks: TrackInput[] = raw.map((r) => {
    const states: StateInput[] = new Array<StateInput>(T);
    for (let t = 0; t < T; t++) {
      if (!r.valid[t]) {
        states[t] = INVALID;
        continue;
      }
      const o = t * 5;
      states[t] = {
        x: r.xyzv[o]!,
        y: r.xyzv[o + 1]!,
        z: r.xyzv[o + 2]!,
        length: r.length,
        width: r.width,
        height: r.height,
        heading: sceneHeading(r.heading[t]! * scale),
        vx: r.xyzv[o + 3]!,
        vy: r.xyzv[o + 4]!,
        valid: true,
      };
    }
    return { id: r.id, type: r.type, states };
  });
  const ids = new Set<number>();
  raw.forEach((r, i) => {
    if (ids.has(r.id)) throw fail(`objects[${i}].id`, `${r.id} is the id of an earlier object`);
    ids.add(r.id);
  });

  // metadata
  let sdc = -1;
  let objectsOfInterest: number[] = [];
  const tracksToPredict: SceneInput['tracksToPredict'] = [];
  if (top.metadata !== undefined) {
    const m = top.metadata;
    if (!isObj(m)) throw need(m, 'metadata', 'an object');
    if (m.sdc_track_index !== undefined) {
      sdc = integer(m.sdc_track_index, 'metadata.sdc_track_index');
      if (sdc < -1 || sdc >= raw.length)
        throw fail('metadata.sdc_track_index', `${sdc} is not an object index (0..${raw.length - 1}, or -1)`);
    }
    if (m.objects_of_interest !== undefined)
      objectsOfInterest = array(m.objects_of_interest, 'metadata.objects_of_interest').map((v, k) =>
        integer(v, `metadata.objects_of_interest[${k}]`),
      );
    if (m.tracks_to_predict !== undefined)
      array(m.tracks_to_predict, 'metadata.tracks_to_predict').forEach((r, k) => {
        const at = `metadata.tracks_to_predict[${k}]`;
        if (!isObj(r)) throw need(r, at, 'an object {track_index, difficulty}');
        const trackIndex = integer(r.track_index, `${at}.track_index`);
        if (trackIndex < 0 || trackIndex >= raw.length)
          throw fail(`${at}.track_index`, `${trackIndex} is not an object index (0..${raw.length - 1})`);
        const difficulty = r.difficulty === undefined ? 0 : integer(r.difficulty, `${at}.difficulty`);
        if (difficulty < 0 || difficulty > 2)
          throw fail(`${at}.difficulty`, `${difficulty} is not 0, 1 or 2`);
        tracksToPredict.push({ trackIndex, difficulty });
      });
  }

  // roads
  const features: FeatureInput[] = [];
  const skippedRoads: Record<string, number> = {};
  let unknownSubtypes = 0;
  const roads = top.roads === undefined ? [] : array(top.roads, 'roads');
  roads.forEach((r, k) => {
    const at = `roads[${k}]`;
    if (!isObj(r)) throw need(r, at, 'an object');
    if (typeof r.type !== 'string') throw need(r.type, `${at}.type`, 'a string');
    const rk = Object.hasOwn(ROAD_KINDS, r.type) ? ROAD_KINDS[r.type] : undefined;
    if (!rk) {
      skippedRoads[r.type] = (skippedRoads[r.type] ?? 0) + 1;
      return;
    }
    const geometry = array(r.geometry, `${at}.geometry`);
    const points = geometry.map((p, j) => {
      if (!isObj(p)) throw need(p, `${at}.geometry[${j}]`, 'an object {x, y}');
      return {
        x: finite(p.x, `${at}.geometry[${j}].x`),
        y: finite(p.y, `${at}.geometry[${j}].y`),
        z: p.z === undefined ? 0 : finite(p.z, `${at}.geometry[${j}].z`),
      };
    });
    const f: FeatureInput = { id: r.id === undefined ? k : integer(r.id, `${at}.id`), kind: rk.kind, points };
    if (rk.first !== undefined && r.map_element_id !== undefined) {
      const e = integer(r.map_element_id, `${at}.map_element_id`);
      if (e >= rk.first && e <= rk.last!) f.subtype = e - rk.first;
      else unknownSubtypes++;
    }
    if (rk.kind === MapKind.Lane) f.lane = emptyLane();
    if (rk.kind === MapKind.StopSign) {
      if (points.length === 0) throw fail(`${at}.geometry`, 'empty: a stop sign needs its position');
      f.points = points.slice(0, 1);
      f.stopSignLanes = [];
    }
    features.push(f);
  });

  // tl_states
  const signals: SignalInput[][] = Array.from({ length: T }, () => []);
  const tl = top.tl_states;
  if (tl !== undefined && !(Array.isArray(tl) && tl.length === 0)) {
    if (!isObj(tl)) throw need(tl, 'tl_states', 'an object keyed by lane id');
    for (const [key, s] of Object.entries(tl)) {
      const at = `tl_states[${JSON.stringify(key)}]`;
      const lane = Number(key);
      if (key.trim() === '' || !Number.isInteger(lane)) throw fail(at, 'the key is not an integer lane id');
      if (!isObj(s)) throw need(s, at, 'an object {state, x, y, z, time_index}');
      const list = (name: string) => array(s[name], `${at}.${name}`);
      const state = list('state');
      const time = list('time_index');
      const xs = list('x');
      const ys = list('y');
      const zs = s.z === undefined ? undefined : list('z');
      for (const [name, a] of [
        ['time_index', time],
        ['x', xs],
        ['y', ys],
        ['z', zs],
      ] as const)
        if (a && a.length !== state.length)
          throw fail(`${at}.${name}`, `${a.length} entries, expected ${state.length} (as many as state)`);
      for (let j = 0; j < state.length; j++) {
        const t = integer(time[j], `${at}.time_index[${j}]`);
        if (t < 0 || t >= T)
          throw fail(`${at}.time_index[${j}]`, `${t} is outside the scene's steps 0..${T - 1}`);
        signals[t]!.push({
          lane,
          state: signalState(state[j], `${at}.state[${j}]`, fail),
          stop: {
            x: finite(xs[j], `${at}.x[${j}]`),
            y: finite(ys[j], `${at}.y[${j}]`),
            z: zs ? finite(zs[j], `${at}.z[${j}]`) : 0,
          },
        });
      }
    }
  }

  // names
  const name = top.name;
  if (name !== undefined && typeof name !== 'string') throw need(name, 'name', 'a string');
  const sid = top.scenario_id;
  if (sid !== undefined && typeof sid !== 'string') throw need(sid, 'scenario_id', 'a string');
  const id = sid || (name || file.replace(/^.*[/\\]/, '').replace(/\.gz$/, '')).replace(/\.json$/, '');

  const input: SceneInput = {
    id,
    ...(name !== undefined ? { sourceName: name } : {}),
    timestamps: Array.from({ length: T }, (_, t) => t * STEP_S),
    currentIndex: JSON_CURRENT_INDEX,
    sdc,
    objectsOfInterest,
    tracksToPredict,
    tracks,
    features,
    signals,
  };
  return { scene: buildScene(input), heading, skippedRoads, unknownSubtypes };
}

/** A tl_states state string ('stop', 'arrow_go', ..., or WOMD's 'LANE_STATE_STOP' spelling). */
function signalState(v: unknown, field: string, fail: (f: string, r: string) => WaymoReadError): number {
  if (typeof v !== 'string') throw fail(field, `expected a string, got ${kindOf(v)}`);
  const k = (SIGNAL_STATE_NAMES as readonly string[]).indexOf(v.toLowerCase().replace(/^lane_state_/, ''));
  if (k < 0) throw fail(field, `'${v}' is not a signal state (${SIGNAL_STATE_NAMES.join(', ')})`);
  return k;
}
