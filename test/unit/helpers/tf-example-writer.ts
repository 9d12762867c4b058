// TEST-ONLY writer: Scene -> tf.Example payload in WOMD's tf_example layout, the layout that
// src/waymo/tf-example.ts reads (its header gives the keys and shapes). It exists to round-trip
// scenes through decodeExample; the app never writes this format, and src never imports it.
//
// What it writes, following the reference converter (scenario_conversion.cc of
// waymo-research/waymo-open-dataset) where the layout leaves a choice:
// - 128 agent rows. Which tracks: tracks_to_predict first, then the SDC, then the objects of
//   interest, then the rest, valid-at-the-current-step ones nearest the SDC first, then by count
//   of valid states (the converter's order of priority). The kept tracks are written IN SCENE
//   ORDER (the converter reorders rows; keeping the Scene's order makes the comparison direct),
//   then padding rows: id -1, type -1, flags -1, every step invalid with -1 in every field.
//   An invalid step of a real track is written the same way (-1 everywhere, valid 0).
// - Times: timestamp_micros = round(seconds * 1e6) on valid steps, -1 on invalid ones; the lights'
//   per-step timestamp_micros on every step.
// - 20000 roadgraph samples, features in the converter's priority of kinds (lanes, road lines,
//   stop signs, crosswalks, speed bumps, road edges, then driveways), each in Scene order within
//   its kind. Lines are resampled every WOMD_SAMPLE_SPACING_M along their length by LINEAR
//   interpolation (the converter uses a Catmull-Rom spline between the source points; linear
//   keeps every sample exactly on the Scene's polyline, so a test can check it), plus the last
//   point unless within LAST_POINT_MIN_M of the last sample. Polygons: each edge, the closing one
//   included, sampled as the converter does, then the first point again. A stop sign is one sample.
//   When the 20000 run out, the feature at the cut keeps the samples that fit and later ones get
//   none (the converter's rule); the rest of the 20000 is padding (id -1, type -1, xyz -1, valid 0).
// - 16 traffic light slots per step: the step's first 16 lane states, then padding.
//
// What the layout drops (so a round trip cannot give these back):
// - agents beyond 128 (the lowest-priority ones above);
// - the order of tracks_to_predict and objects_of_interest (they are per-row flags: they come
//   back in row order), and objects_of_interest ids naming no written track;
// - the fields of invalid states (written as -1, read back as 0);
// - position precision: x, y, z become float32 WORLD coordinates (the Scene keeps float32 relative
//   to a float64 origin), so positions come back within half a float32 ulp of the world value
//   (0.24 mm at 4-8 km from zero, where the real scenario lies); sizes, heading and velocity are
//   float32 in both and come back exactly;
//   track ids go through float32 and are exact only below 2^24;
// - timestamps: whole microseconds (the converter's own are float32 seconds * 1e6, ~1 us off);
// - the map's own points: only samples of each polyline (~0.5 m apart) come back, on the
//   polyline but not its vertices; map features beyond 20000 samples; features with no points;
// - lane topology (entry / exit lanes, boundaries, neighbours), speed limits, the interpolating
//   flag, stop-sign lanes: no keys for them;
// - traffic light states beyond 16 per step;
// - subtypes are kept (the type code carries lane, road line and road edge types), and so is z;
//   difficulty is kept through state/difficulty_level (a key the real file has).
import $protobuf from 'protobufjs/minimal.js';
import { F, MapKind, S_VALID, S_X, featurePoints, type Scene } from '../../../src/scene/scene';
import { EXAMPLE_PAD, EXAMPLE_PARTS } from '../../../src/waymo/tf-example';

/** Agent rows in WOMD's tf_example layout (the converter's max_num_agents). */
export const MAX_AGENTS = 128;
/** Roadgraph samples (max_roadgraph_samples). */
export const ROADGRAPH_SAMPLES = 20000;
/** Traffic light slots per step (max_traffic_light_control_points_per_step). */
export const LIGHTS_PER_STEP = 16;
/** Distance between roadgraph samples: the real file's samples are 0.49-0.50 m apart (median 0.4935). */
export const WOMD_SAMPLE_SPACING_M = 0.5;
/** The converter's kThreshold: the last point is added unless this close to the last sample. */
export const LAST_POINT_MIN_M = 0.01;
const MICROS_PER_S = 1e6;

export type ListKind = 'bytes_list' | 'float_list' | 'int64_list';
export interface FeatureList {
  kind: ListKind;
  values: number[] | Uint8Array[];
}
/** The Example's features by key, in the order they are written. */
export type ExampleFeatures = Map<string, FeatureList>;

/** What a write kept and dropped, for the comparisons. */
export interface WriteReport {
  /** Scene track indices written, in Scene (and row) order. */
  tracks: number[];
  /** Scene track indices not written (over MAX_AGENTS). */
  droppedTracks: number[];
  /** Per Scene feature index: samples written and whether the feature got all of its samples. */
  features: Map<number, { samples: number; complete: boolean }>;
  /** Scene feature indices with no sample written. */
  droppedFeatures: number[];
  /** Lane states not written (over LIGHTS_PER_STEP in a step). */
  droppedSignals: number;
}

/** Road feature kinds in the converter's order of priority for roadgraph samples. */
const KIND_PRIORITY = [
  MapKind.Lane,
  MapKind.RoadLine,
  MapKind.StopSign,
  MapKind.Crosswalk,
  MapKind.SpeedBump,
  MapKind.RoadEdge,
  MapKind.Driveway,
];
const POLYGONS: ReadonlySet<number> = new Set([MapKind.Crosswalk, MapKind.SpeedBump, MapKind.Driveway]);

/** The roadgraph type code of a Scene feature (inverse of ROADGRAPH_TYPES). */
function roadgraphType(kind: number, subtype: number): number {
  switch (kind) {
    case MapKind.Lane:
      return subtype;
    case MapKind.RoadLine:
      return 5 + subtype;
    case MapKind.RoadEdge:
      return 14 + subtype;
    case MapKind.StopSign:
      return 17;
    case MapKind.Crosswalk:
      return 18;
    case MapKind.SpeedBump:
      return 19;
    default:
      return 20;
  }
}

/** Which tracks fit in MAX_AGENTS, by the converter's priority; returned in Scene order. */
export function chooseTracks(scene: Scene): { kept: number[]; dropped: number[] } {
  const { tracks } = scene;
  const N = tracks.count;
  const T = tracks.steps;
  const cur = scene.currentIndex;
  const valid = (i: number, t: number) => tracks.state[(i * T + t) * F + S_VALID] !== 0;
  const pos = (i: number) => [
    tracks.state[(i * T + cur) * F + S_X]!,
    tracks.state[(i * T + cur) * F + S_X + 1]!,
  ];
  const first = new Set<number>([...scene.tracksToPredict.trackIndex]);
  if (scene.sdc >= 0) first.add(scene.sdc);
  for (const id of scene.objectsOfInterest) {
    const i = tracks.ids.indexOf(id);
    if (i >= 0) first.add(i);
  }
  const sdcPos = scene.sdc >= 0 && valid(scene.sdc, cur) ? pos(scene.sdc) : null;
  const validCount = (i: number) => {
    let n = 0;
    for (let t = 0; t < T; t++) if (valid(i, t)) n++;
    return n;
  };
  const rest = [...Array(N).keys()].filter((i) => !first.has(i));
  const key = (i: number) => {
    if (!valid(i, cur)) return [1, -validCount(i)];
    const [x, y] = pos(i);
    return [0, sdcPos ? Math.hypot(x! - sdcPos[0]!, y! - sdcPos[1]!) : 0];
  };
  rest.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0]! - kb[0]! || ka[1]! - kb[1]! || a - b;
  });
  const order = [...first, ...rest];
  const keptSet = new Set(order.slice(0, MAX_AGENTS));
  const kept = [...Array(N).keys()].filter((i) => keptSet.has(i));
  const dropped = [...Array(N).keys()].filter((i) => !keptSet.has(i));
  return { kept, dropped };
}

type P3 = [number, number, number];

/** Samples of a line: every `spacing` metres along it (linear), plus the last point. */
function sampleLine(pts: P3[], spacing: number): P3[] {
  if (pts.length === 0) return [];
  const out: P3[] = [];
  let next = 0; // arc length of the next sample
  let s0 = 0; // arc length at the start of segment k
  for (let k = 0; k + 1 < pts.length; k++) {
    const a = pts[k]!;
    const b = pts[k + 1]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
    for (; len > 0 && next < s0 + len; next += spacing) {
      const u = (next - s0) / len;
      out.push([a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1]), a[2] + u * (b[2] - a[2])]);
    }
    s0 += len;
  }
  const last = pts[pts.length - 1]!;
  const tail = out[out.length - 1];
  if (!tail || Math.hypot(last[0] - tail[0], last[1] - tail[1], last[2] - tail[2]) > LAST_POINT_MIN_M)
    out.push(last);
  return out;
}

/** Samples of a polygon as the converter writes them: each edge (closing one too), then the first point. */
function samplePolygon(pts: P3[], spacing: number): P3[] {
  if (pts.length === 0) return [];
  const out: P3[] = [];
  for (let k = 0; k < pts.length; k++) {
    const a = pts[k]!;
    const b = pts[(k + 1) % pts.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
    const n = Math.max(Math.floor(1 + len / spacing), 2);
    for (let j = 0; j < n - 1; j++) {
      const u = j / (n - 1);
      out.push([a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1]), a[2] + u * (b[2] - a[2])]);
    }
  }
  out.push(pts[0]!);
  return out;
}

/** The Example's keys and values for a Scene, and what the layout could not hold. */
export function exampleFeatures(scene: Scene): { features: ExampleFeatures; report: WriteReport } {
  const [ox, oy, oz] = scene.origin;
  const { tracks, map, signals } = scene;
  const T = tracks.steps;
  if (T !== EXAMPLE_PARTS.reduce((n, p) => n + p.steps, 0))
    throw new Error(`a scene of ${T} steps, expected 91`);
  const out: ExampleFeatures = new Map();
  const float = (key: string, values: number[]) => out.set(key, { kind: 'float_list', values });
  const int = (key: string, values: number[]) => out.set(key, { kind: 'int64_list', values });

  out.set('scenario/id', { kind: 'bytes_list', values: [new TextEncoder().encode(scene.id)] });

  // ---- agents
  const { kept, dropped } = chooseTracks(scene);
  const rows = [...kept, ...Array<number>(MAX_AGENTS - kept.length).fill(-1)];
  const ttp = new Map<number, number>();
  scene.tracksToPredict.trackIndex.forEach((i, k) => ttp.set(i, scene.tracksToPredict.difficulty[k]!));
  const ooi = new Set(scene.objectsOfInterest);
  const flag = (f: (i: number) => boolean) => rows.map((i) => (i < 0 ? EXAMPLE_PAD : f(i) ? 1 : 0));
  float(
    'state/id',
    rows.map((i) => (i < 0 ? EXAMPLE_PAD : tracks.ids[i]!)),
  );
  float(
    'state/type',
    rows.map((i) => (i < 0 ? EXAMPLE_PAD : tracks.types[i]!)),
  );
  int(
    'state/is_sdc',
    flag((i) => i === scene.sdc),
  );
  int(
    'state/objects_of_interest',
    flag((i) => ooi.has(tracks.ids[i]!)),
  );
  int(
    'state/tracks_to_predict',
    flag((i) => ttp.has(i)),
  );
  int(
    'state/difficulty_level',
    rows.map((i) => (i < 0 ? EXAMPLE_PAD : (ttp.get(i) ?? 0))),
  );
  const fields = [
    ['x', 0, ox],
    ['y', 1, oy],
    ['z', 2, oz],
    ['length', 3, 0],
    ['width', 4, 0],
    ['height', 5, 0],
    ['bbox_yaw', 6, 0],
    ['velocity_x', 7, 0],
    ['velocity_y', 8, 0],
  ] as const; // key, Scene state field, origin to add
  let base = 0;
  for (const part of EXAMPLE_PARTS) {
    const cols: Record<string, number[]> = {};
    const push = (k: string, v: number) => (cols[k] ??= []).push(v);
    for (const i of rows)
      for (let s = 0; s < part.steps; s++) {
        const t = base + s;
        const o = (i * T + t) * F;
        const valid = i >= 0 && tracks.state[o + S_VALID] !== 0;
        // positions: origin + relative; the rest as stored (adding 0 would turn -0 into +0)
        for (const [key, f, add] of fields)
          push(key, !valid ? EXAMPLE_PAD : f < 3 ? add + tracks.state[o + f]! : tracks.state[o + f]!);
        const [vx, vy] = valid ? [tracks.state[o + 7]!, tracks.state[o + 8]!] : [0, 0];
        push('speed', valid ? Math.hypot(vx, vy) : EXAMPLE_PAD);
        push('vel_yaw', valid ? Math.atan2(vy, vx) : EXAMPLE_PAD);
        push('valid', valid ? 1 : 0);
        push('timestamp_micros', valid ? Math.round(scene.timestamps[t]! * MICROS_PER_S) : EXAMPLE_PAD);
      }
    for (const [key, values] of Object.entries(cols))
      (key === 'valid' || key === 'timestamp_micros' ? int : float)(`state/${part.name}/${key}`, values);
    base += part.steps;
  }

  // ---- roadgraph
  const xyz: number[] = [];
  const dir: number[] = [];
  const rgType: number[] = [];
  const rgId: number[] = [];
  const featureReport = new Map<number, { samples: number; complete: boolean }>();
  const droppedFeatures: number[] = [];
  for (const kind of KIND_PRIORITY)
    for (let f = 0; f < map.count; f++) {
      if (map.kinds[f] !== kind) continue;
      const p = featurePoints(map, f);
      const pts: P3[] = [];
      for (let k = 0; k < p.length; k += 3) pts.push([ox + p[k]!, oy + p[k + 1]!, oz + p[k + 2]!]);
      const samples =
        kind === MapKind.StopSign
          ? pts.slice(0, 1)
          : POLYGONS.has(kind)
            ? samplePolygon(pts, WOMD_SAMPLE_SPACING_M)
            : sampleLine(pts, WOMD_SAMPLE_SPACING_M);
      const room = ROADGRAPH_SAMPLES - rgId.length;
      const n = Math.min(room, samples.length);
      if (n === 0) {
        droppedFeatures.push(f);
        continue;
      }
      const written = samples.slice(0, n);
      featureReport.set(f, { samples: n, complete: n === samples.length });
      written.forEach((s, k) => {
        xyz.push(...s);
        const nx = written[k + 1];
        const d = nx ? Math.hypot(nx[0] - s[0], nx[1] - s[1], nx[2] - s[2]) : 0;
        dir.push(...(nx && d > 0 ? [(nx[0] - s[0]) / d, (nx[1] - s[1]) / d, (nx[2] - s[2]) / d] : [0, 0, 0]));
        rgType.push(roadgraphType(kind, map.subtypes[f]!));
        rgId.push(map.ids[f]!);
      });
    }
  const samplesWritten = rgId.length;
  for (let k = samplesWritten; k < ROADGRAPH_SAMPLES; k++) {
    xyz.push(EXAMPLE_PAD, EXAMPLE_PAD, EXAMPLE_PAD);
    dir.push(EXAMPLE_PAD, EXAMPLE_PAD, EXAMPLE_PAD);
    rgType.push(EXAMPLE_PAD);
    rgId.push(EXAMPLE_PAD);
  }
  float('roadgraph_samples/xyz', xyz);
  float('roadgraph_samples/dir', dir);
  int('roadgraph_samples/type', rgType);
  int('roadgraph_samples/id', rgId);
  int(
    'roadgraph_samples/valid',
    rgId.map((_, k) => (k < samplesWritten ? 1 : 0)),
  );

  // ---- traffic lights, step-major
  let droppedSignals = 0;
  base = 0;
  for (const part of EXAMPLE_PARTS) {
    const cols: Record<string, number[]> = { state: [], x: [], y: [], z: [], id: [], valid: [] };
    const micros: number[] = [];
    for (let s = 0; s < part.steps; s++) {
      const t = base + s;
      micros.push(Math.round(scene.timestamps[t]! * MICROS_PER_S));
      const from = signals.starts[t]!;
      const count = signals.starts[t + 1]! - from;
      droppedSignals += Math.max(0, count - LIGHTS_PER_STEP);
      for (let j = 0; j < LIGHTS_PER_STEP; j++) {
        const k = from + j;
        const has = j < count;
        cols.state!.push(has ? signals.states[k]! : EXAMPLE_PAD);
        cols.x!.push(has ? ox + signals.stopPoints[k * 3]! : EXAMPLE_PAD);
        cols.y!.push(has ? oy + signals.stopPoints[k * 3 + 1]! : EXAMPLE_PAD);
        cols.z!.push(has ? oz + signals.stopPoints[k * 3 + 2]! : EXAMPLE_PAD);
        cols.id!.push(has ? signals.lanes[k]! : EXAMPLE_PAD);
        cols.valid!.push(has ? 1 : 0);
      }
    }
    for (const [key, values] of Object.entries(cols))
      (key === 'x' || key === 'y' || key === 'z' ? float : int)(
        `traffic_light_state/${part.name}/${key}`,
        values,
      );
    int(`traffic_light_state/${part.name}/timestamp_micros`, micros);
    base += part.steps;
  }

  return {
    features: out,
    report: {
      tracks: kept,
      droppedTracks: dropped,
      features: featureReport,
      droppedFeatures,
      droppedSignals,
    },
  };
}

/**
 * Encodes Example{features: Features{feature: map<string, Feature>}} by hand, so a test can choose
 * packed (TensorFlow's way) or unpacked repeated values; both are valid protobuf.
 */
export function encodeExample(features: ExampleFeatures, opts: { packed?: boolean } = {}): Uint8Array {
  const packed = opts.packed ?? true;
  const w = $protobuf.Writer.create();
  w.uint32(0x0a).fork(); // Example.features
  for (const [key, { kind, values }] of features) {
    w.uint32(0x0a).fork(); // Features.feature map entry
    w.uint32(0x0a).string(key);
    w.uint32(0x12).fork(); // entry value: Feature
    const field = kind === 'bytes_list' ? 1 : kind === 'float_list' ? 2 : 3;
    w.uint32((field << 3) | 2).fork(); // the oneof's list
    if (kind === 'bytes_list') for (const v of values as Uint8Array[]) w.uint32(0x0a).bytes(v);
    else if (packed) {
      w.uint32(0x0a).fork();
      for (const v of values as number[])
        if (kind === 'float_list') w.float(v);
        else w.int64(v);
      w.ldelim();
    } else
      for (const v of values as number[])
        if (kind === 'float_list') w.uint32(0x0d).float(v);
        else w.uint32(0x08).int64(v);
    w.ldelim();
    w.ldelim();
    w.ldelim();
  }
  w.ldelim();
  return w.finish();
}

/** Scene -> tf.Example payload, with what was dropped. */
export function sceneToExample(scene: Scene, opts: { packed?: boolean } = {}) {
  const { features, report } = exampleFeatures(scene);
  return { payload: encodeExample(features, opts), report };
}
