// WOMD's tf.Example layout -> Scene (DESIGN.md section 3c). The older flat-feature form of the
// motion data: one tf.train.Example per scenario whose keys name fixed-size tensors, flattened.
//
// Contract, as measured on ../shared/womd/motion_data_one_example.tfrecord (a real record) and
// checked against the reference converter, src/waymo_open_dataset/data_conversion/
// scenario_conversion.cc of waymo-research/waymo-open-dataset (read through the `search` tool):
// - Container: Example{features=1: Features{feature=1: map<string, Feature>}}, Feature oneof
//   bytes_list=1 / float_list=2 / int64_list=3, each `repeated value = 1`; our own schema in
//   proto/example.proto. Floats and int64s are accepted packed or unpacked.
// - Agents, agent-major: N rows (N = length of `state/id`, 128 in WOMD), each with 10 past,
//   1 current and 80 future steps: `state/{past,current,future}/{x,y,z,length,width,height,
//   bbox_yaw,velocity_x,velocity_y,valid,timestamp_micros}` hold N*10, N*1 and N*80 values
//   (`vel_yaw` and `speed` are derived from the velocity and not read). `state/id` and
//   `state/type` are floats (ids exact below 2^24); `state/is_sdc`, `state/objects_of_interest`,
//   `state/tracks_to_predict` and (optional) `state/difficulty_level` are int64 flags per row.
//   Padding rows have id -1 and every step invalid; a row is kept when its id is not -1 or any
//   step is valid, in row order (the converter writes the tracks to predict first, sorted by id,
//   then the others by distance to the SDC, so row order is not the Scenario's track order).
//   An invalid step carries -1 in every field: it becomes a state with valid = false and every
//   other field missing (0, world position 0), as in a Scenario. Positions are float32 WORLD
//   coordinates. (The converter writes every step of a TYPE_UNSET track as invalid.)
// - Steps: 91 = 10 + 1 + 80, current index 10. A step's time is the timestamp_micros of its first
//   valid row (they all agree in the real file), else `traffic_light_state/<part>/timestamp_micros`
//   for that step (one value per step, written for every step by the converter), else the step
//   index at 10 Hz. Micros are the converter's float32 seconds * 1e6, truncated: ~1 us off.
// - tracks_to_predict: the rows flagged 1, as indices into the kept tracks IN ROW ORDER (the
//   Scenario's order of tracks_to_predict is not carried), difficulty from state/difficulty_level
//   when the key is there (the real file and the converter have it; read as optional), else 0.
//   objects_of_interest: the ids of the flagged rows. sdc: the row flagged by is_sdc, or -1.
// - Map: `roadgraph_samples/{xyz,dir,type,id,valid}`, S samples (20000 in WOMD; xyz and dir 3*S
//   floats). Valid samples are grouped by id into features in order of first appearance (the
//   converter writes each feature's samples contiguously; the real record's come in increasing
//   id, the current converter's in a priority of kinds, lanes first). Type codes (GetMapFeatureType in the
//   converter): lane 0 undefined / 1 freeway / 2 surface street / 3 bike lane; road line
//   5 unknown, 6..13 = RoadLine types 1..8; road edge 14 unknown / 15 boundary / 16 median;
//   17 stop sign; 18 crosswalk; 19 speed bump; 20 driveway. Samples of any other code are skipped,
//   like an unknown map feature kind in a Scenario. Polygons are written closed (first point
//   repeated last): that closing sample is dropped, as Scene polygons are open. `dir` is not read
//   (it is the unit vector to the next sample). The points are samples of the polylines (lines
//   resampled at ~0.5 m with a Catmull-Rom spline by the reference converter), not the Scenario's
//   own points. The layout has no lane topology (entry/exit lanes, boundaries, neighbours), no
//   speed limits, no interpolating flag and no stop-sign lanes: features carry none.
// - Traffic lights, step-major: `traffic_light_state/{past,current,future}/{state,x,y,z,id,valid}`
//   hold 10*L, L and 80*L values (L = length of current/valid, 16 in WOMD); a valid light is a
//   SignalInput {lane: id, state, stop: x, y, z}; state uses the TrafficSignalLaneState enum values
//   unchanged (the converter casts the enum to int).
// - `scenario/id`: one bytes value, UTF-8.
// Every missing key, wrong list type, wrong length or non-finite value in a valid entry is a
// WaymoReadError naming the key (and the row / step / sample where it is one value).
import { buildScene, type FeatureInput, type SignalInput, type StateInput } from '../scene/build';
import { MapKind, normalizeAngle, type Scene, STEP_S } from '../scene/scene';
import { WaymoReadError } from './errors';
import $protobuf from 'protobufjs/minimal.js';
import { modescope } from './proto/example.js';

const pb = modescope.tf;

/** The three parts of a scene's steps in the layout, with their step counts (WOMD's converter config). */
export const EXAMPLE_PARTS = [
  { name: 'past', steps: 10 },
  { name: 'current', steps: 1 },
  { name: 'future', steps: 80 },
] as const;
/** 10 + 1 + 80 = 91 steps, as a Scenario. */
export const EXAMPLE_STEPS = EXAMPLE_PARTS.reduce((n, p) => n + p.steps, 0);
/** The current step is the single `current` one, after the 10 past steps. */
export const EXAMPLE_CURRENT_INDEX = EXAMPLE_PARTS[0].steps;
/** The converter's kInvalidFieldValue: ids, types and values of padding rows, samples and lights. */
export const EXAMPLE_PAD = -1;
/** timestamp_micros are microseconds. */
const MICROS_PER_S = 1e6;

/** Per-step agent fields that are read, with the StateInput field each fills. */
const STATE_KEYS = [
  ['x', 'x'],
  ['y', 'y'],
  ['z', 'z'],
  ['length', 'length'],
  ['width', 'width'],
  ['height', 'height'],
  ['bbox_yaw', 'heading'],
  ['velocity_x', 'vx'],
  ['velocity_y', 'vy'],
] as const;

/** Roadgraph type code -> Scene kind and subtype (GetMapFeatureType in scenario_conversion.cc). */
export const ROADGRAPH_TYPES: ReadonlyMap<number, { kind: MapKind; subtype: number }> = new Map<
  number,
  { kind: MapKind; subtype: number }
>([
  [0, { kind: MapKind.Lane, subtype: 0 }],
  [1, { kind: MapKind.Lane, subtype: 1 }],
  [2, { kind: MapKind.Lane, subtype: 2 }],
  [3, { kind: MapKind.Lane, subtype: 3 }],
  // road lines: 5 + RoadLine.type (UNKNOWN 0 .. PASSING_DOUBLE_YELLOW 8)
  ...Array.from({ length: 9 }, (_, t) => [5 + t, { kind: MapKind.RoadLine, subtype: t }] as const),
  // road edges: 14 + RoadEdge.type (UNKNOWN 0, BOUNDARY 1, MEDIAN 2)
  ...Array.from({ length: 3 }, (_, t) => [14 + t, { kind: MapKind.RoadEdge, subtype: t }] as const),
  [17, { kind: MapKind.StopSign, subtype: 0 }],
  [18, { kind: MapKind.Crosswalk, subtype: 0 }],
  [19, { kind: MapKind.SpeedBump, subtype: 0 }],
  [20, { kind: MapKind.Driveway, subtype: 0 }],
]);

/** Kinds written as closed polygons (the converter repeats the first point at the end). */
const POLYGON_KINDS: ReadonlySet<number> = new Set([MapKind.Crosswalk, MapKind.SpeedBump, MapKind.Driveway]);

/** Shape of the tf_example keys: lower-case path segments ('state/current/x'). */
const KEY_PATTERN = /^[a-z_]+\/[a-z_/]+$/;

/**
 * Whether a payload is a tf.Example in the tf_example layout rather than a Scenario: an Example is
 * field 1 (Features) whose first field 1 is a map entry whose first field 1 is a key string of
 * the layout's shape. A Scenario can also start with field 1 (timestamps_seconds, packed
 * doubles), but its bytes do not continue as a map entry holding such a key. Only the first key
 * is looked at, and a length running past the end is cut to what is there, so a truncated
 * Example is still recognised (and decodeExample then says it is truncated).
 */
export function isExamplePayload(payload: Uint8Array): boolean {
  try {
    /** The bytes of field 1 (length-delimited) at the start of `b`, cut at the end of `b`. */
    const first = (b: Uint8Array): Uint8Array | null => {
      const r = $protobuf.Reader.create(b);
      if (r.uint32() !== 0x0a) return null;
      const len = r.uint32();
      return b.subarray(r.pos, r.pos + len);
    };
    const features = first(payload); // Example.features
    const entry = features && first(features); // Features.feature, a map entry
    const key = entry && first(entry); // the entry's key
    return !!key && KEY_PATTERN.test(new TextDecoder().decode(key));
  } catch {
    return false;
  }
}

type ListKind = 'bytes_list' | 'float_list' | 'int64_list';

/**
 * int64 values arrive as Long objects when the `long` package is present (it is: the generated
 * types say number, the runtime gives Long), else as numbers. Real values (flags, ids, micros)
 * fit in 2^53.
 */
const int64 = (v: number | { toNumber(): number }): number => (typeof v === 'number' ? v : v.toNumber());

const article = (kind: ListKind) => (kind === 'int64_list' ? 'an' : 'a');

/** Decodes one tf.Example payload in WOMD's tf_example layout into a Scene (see the header). */
export function decodeExample(payload: Uint8Array, file = 'memory', record = 0, offset?: number): Scene {
  const fail = (field: string, reason: string) => new WaymoReadError(file, record, field, reason, offset);
  let keys: Record<string, modescope.tf.Feature.$Properties>;
  try {
    keys = pb.Example.decode(payload).features?.feature ?? {};
  } catch (e) {
    throw fail('payload', `not a readable tf.Example (truncated or damaged): ${(e as Error).message}`);
  }

  /** The values of a key, checked for list type and (when given) length. */
  function list(key: string, kind: 'float_list' | 'int64_list', length?: number, shape?: string): number[];
  function list(key: string, kind: 'bytes_list'): Uint8Array[];
  function list(key: string, kind: ListKind, length?: number, shape?: string): number[] | Uint8Array[] {
    const f = Object.hasOwn(keys, key) ? keys[key] : undefined;
    if (!f) throw fail(key, 'missing');
    const got: ListKind | undefined = f.bytesList
      ? 'bytes_list'
      : f.floatList
        ? 'float_list'
        : f.int64List
          ? 'int64_list'
          : undefined;
    if (got !== kind)
      throw fail(
        key,
        `${got ? `${article(got)} ${got}` : 'no value list'}, expected ${article(kind)} ${kind}`,
      );
    const values =
      kind === 'bytes_list'
        ? (f.bytesList!.value ?? [])
        : kind === 'float_list'
          ? (f.floatList!.value ?? [])
          : (f.int64List!.value ?? []).map(int64);
    if (length !== undefined && values.length !== length)
      throw fail(key, `has ${values.length} values, expected ${shape ?? length}`);
    return values;
  }
  const has = (key: string) => Object.hasOwn(keys, key);

  const idBytes = list('scenario/id', 'bytes_list');
  if (idBytes.length !== 1) throw fail('scenario/id', `has ${idBytes.length} values, expected 1`);
  const id = new TextDecoder().decode(idBytes[0]);
  if (!id) throw fail('scenario/id', 'empty');

  // ---- agents
  const ids = list('state/id', 'float_list');
  const N = ids.length;
  const perRow = (key: string, kind: 'float_list' | 'int64_list') =>
    list(key, kind, N, `${N} (one per state/id)`);
  const types = perRow('state/type', 'float_list');
  const isSdc = perRow('state/is_sdc', 'int64_list');
  const ooi = perRow('state/objects_of_interest', 'int64_list');
  const ttp = perRow('state/tracks_to_predict', 'int64_list');
  const difficulty = has('state/difficulty_level') ? perRow('state/difficulty_level', 'int64_list') : null;

  const parts = EXAMPLE_PARTS.map((part) => {
    const get = (field: string, kind: 'float_list' | 'int64_list') =>
      list(`state/${part.name}/${field}`, kind, N * part.steps, `${N}*${part.steps}`);
    return {
      ...part,
      valid: get('valid', 'int64_list'),
      micros: get('timestamp_micros', 'int64_list'),
      fields: STATE_KEYS.map(([key, name]) => ({ key, name, values: get(key, 'float_list') })),
    };
  });

  const keep: number[] = [];
  for (let i = 0; i < N; i++) {
    const anyValid = parts.some((p) => p.valid.slice(i * p.steps, (i + 1) * p.steps).some((v) => v !== 0));
    if (ids[i] !== EXAMPLE_PAD || anyValid) keep.push(i);
  }
  if (keep.length === 0) throw fail('state/id', `zero tracks: all ${N} rows are padding`);

  const timestamps = new Float64Array(EXAMPLE_STEPS).fill(NaN);
  const tracks = keep.map((i) => {
    const trackId = ids[i]!;
    if (!Number.isInteger(trackId)) throw fail(`state/id[${i}]`, `${trackId} is not an integer track id`);
    const type = types[i]!;
    if (!Number.isInteger(type) || type < 0 || type > 255)
      throw fail(`state/type[${i}]`, `${type} is not an object type`);
    const states: StateInput[] = [];
    for (const p of parts)
      for (let s = 0; s < p.steps; s++) {
        const k = i * p.steps + s;
        if (p.valid[k] === 0) {
          states.push({ valid: false });
          continue;
        }
        const st: StateInput = { valid: true };
        for (const { key, name, values } of p.fields) {
          const v = values[k]!;
          if (!Number.isFinite(v)) throw fail(`state/${p.name}/${key}[${i},${s}]`, `${v} in a valid state`);
          st[name] = v;
        }
        // Real headings stray outside [-pi, pi) (-4.8 in the real file): store them wrapped.
        st.heading = normalizeAngle(st.heading!);
        const t = states.length;
        if (Number.isNaN(timestamps[t]!) && p.micros[k]! >= 0) timestamps[t] = p.micros[k]! / MICROS_PER_S;
        states.push(st);
      }
    return { id: trackId, type, states };
  });

  // ---- steps without a valid agent: the lights' per-step time, else the step index at 10 Hz
  let base = 0;
  for (const p of EXAMPLE_PARTS) {
    const key = `traffic_light_state/${p.name}/timestamp_micros`;
    const micros = has(key) ? list(key, 'int64_list') : [];
    for (let s = 0; s < p.steps; s++) {
      const t = base + s;
      if (!Number.isNaN(timestamps[t]!)) continue;
      const m = micros.length === p.steps ? micros[s]! : EXAMPLE_PAD;
      timestamps[t] = m >= 0 ? m / MICROS_PER_S : t * STEP_S;
    }
    base += p.steps;
  }

  const sdcRows = keep.flatMap((row, k) => (isSdc[row] === 1 ? [k] : []));
  if (sdcRows.length > 1)
    throw fail('state/is_sdc', `rows ${sdcRows.map((k) => keep[k]).join(', ')} are all marked as the SDC`);
  const tracksToPredict = keep.flatMap((row, k) => {
    if (ttp[row] !== 1) return [];
    const d = difficulty?.[row] ?? 0;
    return [{ trackIndex: k, difficulty: d >= 0 && d <= 2 ? d : 0 }];
  });
  const objectsOfInterest = keep.flatMap((row) => (ooi[row] === 1 ? [ids[row]!] : []));

  // ---- map
  const valid = list('roadgraph_samples/valid', 'int64_list');
  const S = valid.length;
  const xyz = list('roadgraph_samples/xyz', 'float_list', S * 3, `${S}*3 (3 per roadgraph_samples/valid)`);
  const rgType = list('roadgraph_samples/type', 'int64_list', S, `${S} (one per roadgraph_samples/valid)`);
  const rgId = list('roadgraph_samples/id', 'int64_list', S, `${S} (one per roadgraph_samples/valid)`);
  const byId = new Map<number, FeatureInput>();
  for (let k = 0; k < S; k++) {
    if (valid[k] === 0) continue;
    const kindOf = ROADGRAPH_TYPES.get(rgType[k]!);
    if (!kindOf) continue; // a type code we do not know: skipped, like an unknown feature kind
    const x = xyz[k * 3]!;
    const y = xyz[k * 3 + 1]!;
    const z = xyz[k * 3 + 2]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z))
      throw fail(`roadgraph_samples/xyz[${k}]`, 'non-finite point in a valid sample');
    const fid = rgId[k]!;
    let f = byId.get(fid);
    if (!f) byId.set(fid, (f = { id: fid, kind: kindOf.kind, subtype: kindOf.subtype, points: [] }));
    else if (f.kind !== kindOf.kind || f.subtype !== kindOf.subtype)
      throw fail(`roadgraph_samples/type[${k}]`, `feature ${fid} has samples of two types`);
    f.points.push({ x, y, z });
  }
  const features = [...byId.values()];
  for (const f of features) {
    const pts = f.points;
    const [a, b] = [pts[0]!, pts[pts.length - 1]!];
    if (POLYGON_KINDS.has(f.kind) && pts.length > 1 && a.x === b.x && a.y === b.y && a.z === b.z) pts.pop();
  }

  // ---- traffic lights
  const L = list('traffic_light_state/current/valid', 'int64_list').length;
  const signals: SignalInput[][] = [];
  for (const p of EXAMPLE_PARTS) {
    const get = (field: string, kind: 'float_list' | 'int64_list') =>
      list(`traffic_light_state/${p.name}/${field}`, kind, L * p.steps, `${p.steps}*${L}`);
    const [lv, lid, lstate] = [
      get('valid', 'int64_list'),
      get('id', 'int64_list'),
      get('state', 'int64_list'),
    ];
    const [lx, ly, lz] = [get('x', 'float_list'), get('y', 'float_list'), get('z', 'float_list')];
    for (let s = 0; s < p.steps; s++) {
      const step: SignalInput[] = [];
      for (let j = 0; j < L; j++) {
        const k = s * L + j;
        if (lv[k] === 0) continue;
        const state = lstate[k]!;
        if (!Number.isInteger(state) || state < 0 || state > 255)
          throw fail(`traffic_light_state/${p.name}/state[${s},${j}]`, `${state} is not a signal state`);
        const stop = { x: lx[k]!, y: ly[k]!, z: lz[k]! };
        if (!Number.isFinite(stop.x) || !Number.isFinite(stop.y) || !Number.isFinite(stop.z))
          throw fail(`traffic_light_state/${p.name}/x[${s},${j}]`, 'non-finite stop point in a valid light');
        step.push({ lane: lid[k]!, state, stop });
      }
      signals.push(step);
    }
  }

  return buildScene({
    id,
    timestamps,
    currentIndex: EXAMPLE_CURRENT_INDEX,
    sdc: sdcRows[0] ?? -1,
    objectsOfInterest,
    tracksToPredict,
    tracks,
    features,
    signals,
  });
}
