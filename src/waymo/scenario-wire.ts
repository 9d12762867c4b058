// Scenario wire format -> Scene in one pass, without message objects (DESIGN.md sections 3a, 4).
//
// Contract
// - Reads: one serialized modescope.womd.Scenario (proto2, our scenario.proto = WOMD's field
//   numbers) with protobufjs's Reader primitives (tag, size, int32, int64, bool, float, double,
//   string, skipType), writing straight into the Scene's typed arrays: track states into the
//   final Float32Array, world x/y/z, map points and stop points into float64 scratch that is
//   shifted to the origin at the end (the origin is only known once sdc_track_index and
//   current_time_index, which may come after the tracks, have been read).
//   The two hot loops, ObjectState (~7,500 per real scene) and MapPoint (~20,000), match one-byte
//   tags on the byte and read doubles and floats through a DataView; the Reader takes over for
//   anything else there (longer tags, unknown fields, multi-byte varints, values cut short) and
//   throws the errors. Measured (min of 60 interleaved runs, real scene, one busy 2-core machine):
//   the Reader-only loops took 2.4-2.9 ms per decode against 1.3 ms with the fast path; alone,
//   Reader.double costs 8.5 ns against 4.2 ns for DataView.getFloat64 (it copies byte by byte).
//   Varints stay with the Reader everywhere.
// - Accepts everything the protobuf spec allows and the reference path (decodeScenarioReference:
//   protobufjs's generated decode, then the checks) accepts, with the same result: fields in any
//   order; repeated scalars packed or unpacked (timestamps_seconds, objects_of_interest,
//   entry_lanes, exit_lanes, StopSign.lane); repeated messages split and interleaved with other
//   fields; scalars last-wins; a singular sub-message that occurs twice is merged (the MapFeature
//   oneof member, StopSign.position, TrafficSignalLaneState.stop_point); a different oneof member
//   clears the previous one; every missing field is 0 / false / empty.
// - Ignores: unknown fields (any number, including 9, 12, 13), and known fields with the wrong
//   wire type (protobufjs and protoc treat both as unknown), skipped with Reader.skipType; map
//   features whose oneof is unset or unknown; dynamic_map_states beyond the last timestamp.
// - Refuses, with a WaymoReadError naming file, record and field, exactly where the reference
//   does: malformed wire data (field 'payload', the reason saying where: 'in tracks[3].states[7]');
//   a missing scenario_id (or a tf.Example handed over by mistake); no timestamps; zero tracks;
//   current_time_index outside the steps; sdc_track_index not a track index (or -1); a track whose
//   state count is not the step count; a non-finite value in a valid state; a tracks_to_predict
//   index outside the tracks; a non-finite map point. Checks run in the reference's order, so the
//   first problem named is the same one.
// - Sizes come from a first hop over the top-level fields only (tags and lengths, no payloads):
//   steps, tracks, map features, dynamic states. Track states are stored at most one per step per
//   track, in a buffer of at most min(tracks * steps, bytes / 2) states, since each state costs at
//   least 2 bytes (tag + length): a hostile header cannot make us allocate more than the payload
//   can fill.
import protobuf from 'protobufjs/minimal.js';
import {
  emptyLane,
  type BoundarySegment,
  type LaneInfo,
  type LaneNeighbor,
  type Scene,
} from '../scene/scene';
import {
  F as SCENE_F,
  MapKind as SCENE_KINDS,
  normalizeAngle,
  S_HEADING as SCENE_HEADING,
  S_VALID as SCENE_VALID,
} from '../scene/scene';
import { ORIGIN_GRID_M } from '../scene/build';
import { WaymoReadError } from './errors';
import { isExamplePayload } from './tf-example';

// Local copies of the Scene constants: an imported binding can compile to a getter call (tsx in
// Node does), which costs as much as the read itself inside the per-state loops.
const F = SCENE_F;
const S_HEADING = SCENE_HEADING;
const S_VALID = SCENE_VALID;
const MapKind = { ...SCENE_KINDS };
type MapKind = SCENE_KINDS;

type Reader = protobuf.Reader;
const { Reader } = protobuf;

/** Wire types of the protobuf encoding. */
const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
/** A field's tag byte: (field number << 3) | wire type. All our fields are < 16: one byte. */
const tag = (field: number, wire: number) => (field << 3) | wire;

/**
 * Smallest encoded ObjectState: a tag byte and a one-byte length (an empty message). Bounds the
 * number of states a payload can hold, so a header claiming many tracks and steps allocates no
 * more than the bytes can back.
 */
const MIN_STATE_BYTES = 2;
/**
 * First capacity of the growable signal buffers (lane states); they double when full. The real
 * scene has 1,092 (91 steps, 12 signalled lanes): one buffer of this size holds it.
 */
const FIRST_CAPACITY = 2048;
/**
 * First capacity of the map point buffer, in points per payload byte: a full MapPoint costs 29
 * bytes (3 doubles, their tags, the point's tag and length), so real payloads (about 2/3 map
 * points by bytes) rarely need to grow it; it doubles when full.
 */
const POINTS_PER_BYTE = 1 / 32;

/** Proto names of the state fields, in the order the reference checks them (Scene stride order). */
const STATE_NAMES = [
  'center_x',
  'center_y',
  'center_z',
  'length',
  'width',
  'height',
  'heading',
  'velocity_x',
  'velocity_y',
] as const;

type Int64 = number | { toNumber(): number };
/** int64 as a number, the reference's way: a Long when protobufjs found `long`, else a number. */
function int64(r: Reader): number {
  const v = r.int64() as unknown as Int64;
  return typeof v === 'number' ? v : v.toNumber();
}

/**
 * Enters a length-delimited sub-message: reads its size, checks it fits, and narrows the reader
 * to it (as protobufjs's generated decode does). Returns the outer limit to restore.
 */
function enter(r: Reader): number {
  const n = r.size();
  const end = r.pos + n;
  if (end > r.len) throw new RangeError(`index out of range: ${r.pos} + ${n} > ${r.len}`);
  const outer = r.len;
  r.len = end;
  return outer;
}

/** Reads a packed int64 run into out. */
function packedInt64(r: Reader, out: number[]): void {
  const outer = enter(r);
  while (r.pos < r.len) out.push(int64(r));
  r.len = outer;
}

function grow<A extends Float64Array | Uint8Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  let n = Math.max(a.length * 2, 16);
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}

/**
 * World-coordinate scratch (track x/y/z, map points) kept between decodes: decoding is
 * synchronous, so one set serves every call, and a scene's float64 scratch is not allocated and
 * zeroed again for every scene. Buffers above SCRATCH_KEEP_BYTES are not kept, so one huge
 * payload does not pin its scratch for the rest of the session: a real 1 MB scene needs about
 * 1 MB of scratch, so 32 MB keeps it for scenes thirty times that size and no larger.
 */
const SCRATCH_KEEP_BYTES = 32 << 20;
const scratches: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
function keep(k: number, a: Float64Array): Float64Array {
  if (a.byteLength <= SCRATCH_KEEP_BYTES) scratches[k] = a;
  return a;
}
/** Scratch k with room for n doubles, contents undefined. */
function scratch(k: number, n: number): Float64Array {
  const a = scratches[k]!;
  return a.length >= n ? a : keep(k, new Float64Array(Math.max(n, a.length * 2)));
}

/** Where the wire parse is, for the error message: at most two levels deep. */
class Where {
  top = '';
  i = -1;
  sub = '';
  j = -1;
  toString(): string {
    if (!this.top) return 'the top level';
    const a = this.i >= 0 ? `${this.top}[${this.i}]` : this.top;
    return this.sub ? `${a}.${this.sub}${this.j >= 0 ? `[${this.j}]` : ''}` : a;
  }
  set(top: string, i: number): void {
    this.top = top;
    this.i = i;
    this.sub = '';
    this.j = -1;
  }
}

/** Sizes from the top-level hop. */
interface Sizes {
  steps: number;
  tracks: number;
  features: number;
  dynamic: number;
  /** Where the hop met malformed wire data: the counts so far, and the error. */
  error?: unknown;
}

/**
 * Counts the top-level repeats without reading into them. Malformed wire data ends the count
 * (recorded in `error`): the full parse, which reads the same bytes and more strictly, then
 * throws there or earlier, naming the place.
 */
function sizes(r: Reader): Sizes {
  const s: Sizes = { steps: 0, tracks: 0, features: 0, dynamic: 0 };
  try {
    hop(r, s);
  } catch (e) {
    s.error = e;
  }
  return s;
}

function hop(r: Reader, s: Sizes): void {
  while (r.pos < r.len) {
    const t = r.tag();
    switch (t) {
      case tag(1, I64):
        s.steps++;
        r.skip(8);
        continue;
      case tag(1, LEN): {
        const n = r.size();
        s.steps += n >>> 3;
        r.skip(n);
        continue;
      }
      case tag(2, LEN):
        s.tracks++;
        break;
      case tag(7, LEN):
        s.dynamic++;
        break;
      case tag(8, LEN):
        s.features++;
        break;
    }
    r.skipType(t & 7, 0, t >>> 3);
  }
}

/** The one-pass decode state: the Scene's columns while they fill. */
class WireScene {
  readonly where = new Where();
  /** The payload's bytes, for the fixed-width reads of the hot loops. */
  readonly dv: DataView;
  id = '';
  current = 0;
  sdc = 0;
  readonly timestamps: number[] = [];
  readonly ooi: number[] = [];
  readonly ttpIndex: number[] = [];
  readonly ttpDifficulty: number[] = [];

  // tracks: states of track i at slots first[i] .. first[i] + min(count[i], T) - 1
  readonly T: number;
  readonly ids: Int32Array;
  readonly types: Uint8Array;
  readonly count: Int32Array;
  readonly first: Int32Array;
  nTracks = 0;
  /** F floats per stored state; x, y, z are filled from xyz at the end. */
  readonly state: Float32Array;
  /** World x, y, z per stored state (stride 3), plus one sink slot for states beyond T. */
  readonly xyz: Float64Array;
  nStates = 0;
  readonly sink: number;

  // map: kept features (oneof set) in order
  readonly fids: Float64Array;
  readonly kinds: Uint8Array;
  readonly subtypes: Uint8Array;
  readonly starts: Uint32Array;
  /** Index of each kept feature among all map_features, for error messages. */
  readonly rawIndex: Int32Array;
  readonly lanes = new Map<number, LaneInfo>();
  readonly stopSignLanes = new Map<number, number[]>();
  nFeatures = 0;
  nRawFeatures = 0;
  /** World points (stride 3). */
  pts: Float64Array;
  nPts = 0;
  // the feature being read
  fKind = -1;
  fSub = 0;
  fStart = 0;
  fLane: LaneInfo | null = null;
  fStop: number[] | null = null;

  // signals: lane states of dynamic state d at dynStart[d] .. dynStart[d+1] - 1
  readonly dynStart: Uint32Array;
  nDyn = 0;
  sigLanes = new Float64Array(FIRST_CAPACITY);
  sigStates = new Uint8Array(FIRST_CAPACITY);
  sigStops = new Float64Array(FIRST_CAPACITY * 3);
  nSig = 0;

  constructor(s: Sizes, payload: Uint8Array) {
    const bytes = payload.length;
    this.dv = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    this.T = s.steps;
    this.ids = new Int32Array(s.tracks);
    this.types = new Uint8Array(s.tracks);
    this.count = new Int32Array(s.tracks);
    this.first = new Int32Array(s.tracks);
    const cap = Math.min(s.tracks * s.steps, Math.floor(bytes / MIN_STATE_BYTES));
    this.state = new Float32Array(cap * F);
    this.xyz = scratch(0, (cap + 1) * 3);
    this.xyz.fill(0, 0, (cap + 1) * 3); // a state's missing fields are 0
    this.sink = cap;
    this.fids = new Float64Array(s.features);
    this.kinds = new Uint8Array(s.features);
    this.subtypes = new Uint8Array(s.features);
    this.starts = new Uint32Array(s.features + 1);
    this.rawIndex = new Int32Array(s.features);
    this.dynStart = new Uint32Array(s.dynamic + 1);
    this.pts = scratch(1, Math.ceil(bytes * POINTS_PER_BYTE) * 3 + 3); // point() zeroes each point
  }

  read(r: Reader): void {
    const w = this.where;
    while (r.pos < r.len) {
      const t = r.tag();
      switch (t) {
        case tag(2, LEN):
          w.set('tracks', this.nTracks);
          this.track(r);
          continue;
        case tag(8, LEN):
          w.set('map_features', this.nRawFeatures);
          this.feature(r);
          continue;
        case tag(7, LEN):
          w.set('dynamic_map_states', this.nDyn);
          this.dynamic(r);
          continue;
        case tag(5, LEN):
          w.set('scenario_id', -1);
          this.id = r.string();
          continue;
        case tag(1, I64):
          w.set('timestamps_seconds', -1);
          this.timestamps.push(r.double());
          continue;
        case tag(1, LEN):
          w.set('timestamps_seconds', -1);
          r.doubles(this.timestamps);
          continue;
        case tag(10, VARINT):
          w.set('current_time_index', -1);
          this.current = r.int32();
          continue;
        case tag(6, VARINT):
          w.set('sdc_track_index', -1);
          this.sdc = r.int32();
          continue;
        case tag(4, VARINT):
          w.set('objects_of_interest', -1);
          this.ooi.push(r.int32());
          continue;
        case tag(4, LEN):
          w.set('objects_of_interest', -1);
          r.int32s(this.ooi);
          continue;
        case tag(11, LEN):
          w.set('tracks_to_predict', this.ttpIndex.length);
          this.required(r);
          continue;
      }
      w.set(`field ${t >>> 3}`, -1);
      r.skipType(t & 7, 0, t >>> 3);
    }
  }

  track(r: Reader): void {
    const outer = enter(r);
    const i = this.nTracks++;
    const T = this.T;
    const w = this.where;
    let n = 0;
    this.first[i] = this.nStates;
    while (r.pos < r.len) {
      const t = r.tag();
      switch (t) {
        case tag(3, LEN):
          w.sub = 'states';
          w.j = n;
          this.objectState(r, n < T ? this.nStates++ : this.sink);
          n++;
          continue;
        case tag(1, VARINT):
          this.ids[i] = r.int32();
          continue;
        case tag(2, VARINT):
          this.types[i] = r.int32();
          continue;
      }
      r.skipType(t & 7, 1, t >>> 3);
    }
    r.len = outer;
    this.count[i] = n;
  }

  /**
   * ObjectState into state slot `slot`. The hot loop (a real scene has ~7,500 states, 10 fields
   * each): one-byte tags of the known fields are matched on the byte and their values read
   * through a DataView with a local position; anything else (a longer tag, an unknown field,
   * a multi-byte bool, a value running past the end) goes through the Reader, which also throws
   * the errors. Measured on the real scene, this loop with Reader.tag/double/float per field took
   * about twice as long.
   */
  objectState(r: Reader, slot: number): void {
    const outer = enter(r);
    const st = this.state;
    const xyz = this.xyz;
    const o = slot * F;
    const p = slot * 3;
    const buf = r.buf;
    const dv = this.dv;
    const end = r.len;
    let pos = r.pos;
    while (pos < end) {
      switch (buf[pos]) {
        case tag(2, I64):
          if (pos + 9 > end) break;
          xyz[p] = dv.getFloat64(pos + 1, true);
          pos += 9;
          continue;
        case tag(3, I64):
          if (pos + 9 > end) break;
          xyz[p + 1] = dv.getFloat64(pos + 1, true);
          pos += 9;
          continue;
        case tag(4, I64):
          if (pos + 9 > end) break;
          xyz[p + 2] = dv.getFloat64(pos + 1, true);
          pos += 9;
          continue;
        case tag(5, I32):
          if (pos + 5 > end) break;
          st[o + 3] = dv.getFloat32(pos + 1, true);
          pos += 5;
          continue;
        case tag(6, I32):
          if (pos + 5 > end) break;
          st[o + 4] = dv.getFloat32(pos + 1, true);
          pos += 5;
          continue;
        case tag(7, I32):
          if (pos + 5 > end) break;
          st[o + 5] = dv.getFloat32(pos + 1, true);
          pos += 5;
          continue;
        case tag(8, I32):
          if (pos + 5 > end) break;
          st[o + 6] = dv.getFloat32(pos + 1, true);
          pos += 5;
          continue;
        case tag(9, I32):
          if (pos + 5 > end) break;
          st[o + 7] = dv.getFloat32(pos + 1, true);
          pos += 5;
          continue;
        case tag(10, I32):
          if (pos + 5 > end) break;
          st[o + 8] = dv.getFloat32(pos + 1, true);
          pos += 5;
          continue;
        case tag(11, VARINT):
          // a one-byte varint is its own value; bool is "any bit set"
          if (pos + 2 > end || buf[pos + 1]! >= 0x80) break;
          st[o + 9] = buf[pos + 1] === 0 ? 0 : 1;
          pos += 2;
          continue;
      }
      r.pos = pos;
      this.stateField(r, r.tag(), o, p);
      pos = r.pos;
    }
    r.pos = pos;
    r.len = outer;
  }

  /** One ObjectState field through the Reader (the general path of objectState). */
  stateField(r: Reader, t: number, o: number, p: number): void {
    const st = this.state;
    const xyz = this.xyz;
    switch (t) {
      case tag(2, I64):
      case tag(3, I64):
      case tag(4, I64):
        xyz[p + (t >>> 3) - 2] = r.double();
        return;
      case tag(5, I32):
      case tag(6, I32):
      case tag(7, I32):
      case tag(8, I32):
      case tag(9, I32):
      case tag(10, I32):
        st[o + (t >>> 3) - 2] = r.float();
        return;
      case tag(11, VARINT):
        st[o + 9] = r.bool() ? 1 : 0;
        return;
    }
    r.skipType(t & 7, 2, t >>> 3);
  }

  required(r: Reader): void {
    const outer = enter(r);
    let index = 0;
    let difficulty = 0;
    while (r.pos < r.len) {
      const t = r.tag();
      if (t === tag(1, VARINT)) index = r.int32();
      else if (t === tag(2, VARINT)) difficulty = r.int32();
      else r.skipType(t & 7, 1, t >>> 3);
    }
    r.len = outer;
    this.ttpIndex.push(index);
    this.ttpDifficulty.push(difficulty);
  }

  /** A new zeroed point in pts; returns its index. */
  point(): number {
    const k = this.nPts++;
    if (k * 3 + 3 > this.pts.length) this.pts = keep(1, grow(this.pts, k * 3 + 3));
    this.pts[k * 3] = this.pts[k * 3 + 1] = this.pts[k * 3 + 2] = 0;
    return k;
  }

  /**
   * Reads a MapPoint into a[k] (fields it lacks keep their value: merge). The other hot loop (a
   * real scene has ~20,000 map points): the same fast path as objectState, the Reader otherwise.
   */
  mapPoint(r: Reader, a: Float64Array, k: number, depth: number): void {
    const outer = enter(r);
    const p = k * 3;
    const buf = r.buf;
    const dv = this.dv;
    const end = r.len;
    let pos = r.pos;
    while (pos < end) {
      const t = buf[pos]!;
      // tags 0x09, 0x11, 0x19: fields 1..3 (x, y, z) as doubles
      if ((t === tag(1, I64) || t === tag(2, I64) || t === tag(3, I64)) && pos + 9 <= end) {
        a[p + (t >>> 3) - 1] = dv.getFloat64(pos + 1, true);
        pos += 9;
        continue;
      }
      r.pos = pos;
      const u = r.tag();
      if (u === tag(1, I64) || u === tag(2, I64) || u === tag(3, I64)) a[p + (u >>> 3) - 1] = r.double();
      else r.skipType(u & 7, depth, u >>> 3);
      pos = r.pos;
    }
    r.pos = pos;
    r.len = outer;
  }

  /** A polyline or polygon point: appended to the current feature. */
  polylinePoint(r: Reader, depth: number): void {
    const k = this.point();
    this.mapPoint(r, this.pts, k, depth);
  }

  /** Switches the current feature's oneof to kind, dropping what another member had put there. */
  oneof(kind: MapKind): void {
    if (this.fKind === kind) return;
    this.fKind = kind;
    this.fSub = 0;
    this.nPts = this.fStart;
    this.fLane = kind === MapKind.Lane ? emptyLane() : null;
    this.fStop = kind === MapKind.StopSign ? [] : null;
    if (kind === MapKind.StopSign) this.point(); // its position, 0 until read
  }

  feature(r: Reader): void {
    const outer = enter(r);
    const raw = this.nRawFeatures++;
    const w = this.where;
    let id = 0;
    this.fKind = -1;
    this.fStart = this.nPts;
    this.fLane = null;
    this.fStop = null;
    while (r.pos < r.len) {
      const t = r.tag();
      switch (t) {
        case tag(1, VARINT):
          id = int64(r);
          continue;
        case tag(3, LEN):
          w.sub = 'lane';
          this.oneof(MapKind.Lane);
          this.lane(r);
          continue;
        case tag(4, LEN):
          w.sub = 'road_line';
          this.oneof(MapKind.RoadLine);
          this.line(r);
          continue;
        case tag(5, LEN):
          w.sub = 'road_edge';
          this.oneof(MapKind.RoadEdge);
          this.line(r);
          continue;
        case tag(7, LEN):
          w.sub = 'stop_sign';
          this.oneof(MapKind.StopSign);
          this.stopSign(r);
          continue;
        case tag(8, LEN):
          w.sub = 'crosswalk';
          this.oneof(MapKind.Crosswalk);
          this.polygon(r);
          continue;
        case tag(9, LEN):
          w.sub = 'speed_bump';
          this.oneof(MapKind.SpeedBump);
          this.polygon(r);
          continue;
        case tag(10, LEN):
          w.sub = 'driveway';
          this.oneof(MapKind.Driveway);
          this.polygon(r);
          continue;
      }
      r.skipType(t & 7, 1, t >>> 3);
    }
    r.len = outer;
    if (this.fKind < 0) return; // no oneof member we know: skipped, like an unknown field
    const m = this.nFeatures++;
    this.fids[m] = id;
    this.kinds[m] = this.fKind;
    this.subtypes[m] = this.fSub;
    this.starts[m] = this.fStart;
    this.rawIndex[m] = raw;
    if (this.fLane) this.lanes.set(m, this.fLane);
    if (this.fStop) this.stopSignLanes.set(m, this.fStop);
  }

  lane(r: Reader): void {
    const outer = enter(r);
    const l = this.fLane!;
    while (r.pos < r.len) {
      const t = r.tag();
      switch (t) {
        case tag(1, I64):
          l.speedLimitMph = r.double();
          continue;
        case tag(2, VARINT):
          this.fSub = r.int32();
          continue;
        case tag(3, VARINT):
          l.interpolating = r.bool();
          continue;
        case tag(8, LEN):
          this.polylinePoint(r, 3);
          continue;
        case tag(9, LEN):
          packedInt64(r, l.entryLanes);
          continue;
        case tag(9, VARINT):
          l.entryLanes.push(int64(r));
          continue;
        case tag(10, LEN):
          packedInt64(r, l.exitLanes);
          continue;
        case tag(10, VARINT):
          l.exitLanes.push(int64(r));
          continue;
        case tag(11, LEN):
          l.leftNeighbors.push(neighbor(r));
          continue;
        case tag(12, LEN):
          l.rightNeighbors.push(neighbor(r));
          continue;
        case tag(13, LEN):
          l.leftBoundaries.push(boundary(r, 3));
          continue;
        case tag(14, LEN):
          l.rightBoundaries.push(boundary(r, 3));
          continue;
      }
      r.skipType(t & 7, 2, t >>> 3);
    }
    r.len = outer;
  }

  /** RoadLine or RoadEdge: type = 1, polyline = 2. */
  line(r: Reader): void {
    const outer = enter(r);
    while (r.pos < r.len) {
      const t = r.tag();
      if (t === tag(2, LEN)) this.polylinePoint(r, 3);
      else if (t === tag(1, VARINT)) this.fSub = r.int32();
      else r.skipType(t & 7, 2, t >>> 3);
    }
    r.len = outer;
  }

  stopSign(r: Reader): void {
    const outer = enter(r);
    const lanes = this.fStop!;
    while (r.pos < r.len) {
      const t = r.tag();
      if (t === tag(1, LEN)) packedInt64(r, lanes);
      else if (t === tag(1, VARINT)) lanes.push(int64(r));
      else if (t === tag(2, LEN)) this.mapPoint(r, this.pts, this.fStart, 3);
      else r.skipType(t & 7, 2, t >>> 3);
    }
    r.len = outer;
  }

  /** Crosswalk, SpeedBump, Driveway: polygon = 1. */
  polygon(r: Reader): void {
    const outer = enter(r);
    while (r.pos < r.len) {
      const t = r.tag();
      if (t === tag(1, LEN)) this.polylinePoint(r, 3);
      else r.skipType(t & 7, 2, t >>> 3);
    }
    r.len = outer;
  }

  dynamic(r: Reader): void {
    const outer = enter(r);
    const d = this.nDyn++;
    const w = this.where;
    let j = 0;
    this.dynStart[d] = this.nSig;
    while (r.pos < r.len) {
      const t = r.tag();
      if (t === tag(1, LEN)) {
        w.sub = 'lane_states';
        w.j = j++;
        this.laneState(r);
      } else r.skipType(t & 7, 1, t >>> 3);
    }
    r.len = outer;
    this.dynStart[d + 1] = this.nSig;
  }

  laneState(r: Reader): void {
    const outer = enter(r);
    const k = this.nSig++;
    if (k >= this.sigLanes.length) {
      this.sigLanes = grow(this.sigLanes, k + 1);
      this.sigStates = grow(this.sigStates, k + 1);
      this.sigStops = grow(this.sigStops, (k + 1) * 3);
    }
    this.sigLanes[k] = 0;
    this.sigStates[k] = 0;
    this.sigStops[k * 3] = this.sigStops[k * 3 + 1] = this.sigStops[k * 3 + 2] = 0;
    while (r.pos < r.len) {
      const t = r.tag();
      if (t === tag(1, VARINT)) this.sigLanes[k] = int64(r);
      else if (t === tag(2, VARINT)) this.sigStates[k] = r.int32();
      else if (t === tag(3, LEN)) this.mapPoint(r, this.sigStops, k, 3);
      else r.skipType(t & 7, 2, t >>> 3);
    }
    r.len = outer;
  }
}

function boundary(r: Reader, depth: number): BoundarySegment {
  const outer = enter(r);
  const b: BoundarySegment = { laneStartIndex: 0, laneEndIndex: 0, boundaryFeatureId: 0, boundaryType: 0 };
  while (r.pos < r.len) {
    const t = r.tag();
    switch (t) {
      case tag(1, VARINT):
        b.laneStartIndex = r.int32();
        continue;
      case tag(2, VARINT):
        b.laneEndIndex = r.int32();
        continue;
      case tag(3, VARINT):
        b.boundaryFeatureId = int64(r);
        continue;
      case tag(4, VARINT):
        b.boundaryType = r.int32();
        continue;
    }
    r.skipType(t & 7, depth, t >>> 3);
  }
  r.len = outer;
  return b;
}

function neighbor(r: Reader): LaneNeighbor {
  const outer = enter(r);
  const n: LaneNeighbor = {
    featureId: 0,
    selfStartIndex: 0,
    selfEndIndex: 0,
    neighborStartIndex: 0,
    neighborEndIndex: 0,
    boundaries: [],
  };
  while (r.pos < r.len) {
    const t = r.tag();
    switch (t) {
      case tag(1, VARINT):
        n.featureId = int64(r);
        continue;
      case tag(2, VARINT):
        n.selfStartIndex = r.int32();
        continue;
      case tag(3, VARINT):
        n.selfEndIndex = r.int32();
        continue;
      case tag(4, VARINT):
        n.neighborStartIndex = r.int32();
        continue;
      case tag(5, VARINT):
        n.neighborEndIndex = r.int32();
        continue;
      case tag(6, LEN):
        n.boundaries.push(boundary(r, 4));
        continue;
    }
    r.skipType(t & 7, 3, t >>> 3);
  }
  r.len = outer;
  return n;
}

const snap = (v: number) => Math.floor(v / ORIGIN_GRID_M) * ORIGIN_GRID_M;
const wrap = normalizeAngle;
/** State fields the finiteness check names (all but valid). */
const NAMED = STATE_NAMES.length;

/**
 * Checks the valid states among the first n (all of them: n = tracks * steps) for non-finite
 * values, wrapping their headings to [-pi, pi) (real headings stray slightly outside). Returns
 * -1, or state * NAMED + field of the first bad value in the reference's order.
 */
function checkStates(state: Float32Array, xyz: Float64Array, n: number): number {
  for (let s = 0; s < n; s++) {
    const o = s * F;
    if (state[o + S_VALID] === 0) continue;
    const p = s * 3;
    // x - x is 0 for a finite x and NaN for NaN or an infinity: one test for all nine fields
    const sum =
      xyz[p]! -
      xyz[p]! +
      (xyz[p + 1]! - xyz[p + 1]!) +
      (xyz[p + 2]! - xyz[p + 2]!) +
      (state[o + 3]! - state[o + 3]!) +
      (state[o + 4]! - state[o + 4]!) +
      (state[o + 5]! - state[o + 5]!) +
      (state[o + 6]! - state[o + 6]!) +
      (state[o + 7]! - state[o + 7]!) +
      (state[o + 8]! - state[o + 8]!);
    if (sum !== 0) {
      for (let f = 0; f < NAMED; f++)
        if (!Number.isFinite(f < 3 ? xyz[p + f]! : state[o + f]!)) return s * NAMED + f;
    }
    const h = state[o + S_HEADING]!;
    if (h < -Math.PI || h >= Math.PI) state[o + S_HEADING] = wrap(h);
  }
  return -1;
}

/** Index of the first non-finite value among the first n of a, or -1. */
function firstNonFinite(a: Float64Array, n: number): number {
  for (let q = 0; q < n; q++) if (a[q]! - a[q]! !== 0) return q;
  return -1;
}

/** Writes world x, y, z (stride 3 in src) minus the origin into dst at stride `stride`. */
function shiftInto(
  dst: Float32Array,
  stride: number,
  src: Float64Array,
  n: number,
  ox: number,
  oy: number,
  oz: number,
): void {
  for (let s = 0, o = 0, p = 0; s < n; s++, o += stride, p += 3) {
    dst[o] = src[p]! - ox;
    dst[o + 1] = src[p + 1]! - oy;
    dst[o + 2] = src[p + 2]! - oz;
  }
}

/**
 * build.ts's origin rule: the SDC at the current step (state index `sdcState`, -1 for none),
 * else the first valid state, else the first map point; snapped to the grid.
 */
function originOf(d: WireScene, n: number, sdcState: number): [number, number, number] {
  let ref = sdcState >= 0 && d.state[sdcState * F + S_VALID] !== 0 ? sdcState : -1;
  for (let s = 0; ref < 0 && s < n; s++) if (d.state[s * F + S_VALID] !== 0) ref = s;
  if (ref >= 0) return [snap(d.xyz[ref * 3]!), snap(d.xyz[ref * 3 + 1]!), snap(d.xyz[ref * 3 + 2]!)];
  if (d.nPts > 0) return [snap(d.pts[0]!), snap(d.pts[1]!), snap(d.pts[2]!)];
  return [0, 0, 0];
}

/**
 * A tf.Example handed to the Scenario decoder: say which decoder reads it (ScenarioFile picks the
 * right one itself by isExamplePayload).
 */
export function notScenario(payload: Uint8Array): string | null {
  return isExamplePayload(payload)
    ? 'a tf.Example (WOMD tf_example layout), not a Scenario: read it with decodeExample'
    : null;
}

/**
 * Decodes one Scenario payload into a Scene in one pass over the wire; any problem is a
 * WaymoReadError naming file, record and field. The production decoder (ScenarioFile, the app,
 * the command-line tools); scenario.ts keeps the protobufjs object path as the reference.
 */
export function decodeScenario(payload: Uint8Array, file = 'memory', record = 0, offset?: number): Scene {
  const fail = (field: string, reason: string) => new WaymoReadError(file, record, field, reason, offset);
  const r = Reader.create(payload);
  let d: WireScene | undefined;
  try {
    const s = sizes(r);
    d = new WireScene(s, payload);
    r.pos = 0;
    d.read(r);
    if (s.error !== undefined) throw s.error; // not reached: the full parse throws first
  } catch (e) {
    const at = d ? ` (in ${d.where.toString()}, byte ${r.pos})` : ` (byte ${r.pos})`;
    throw fail('payload', notScenario(payload) ?? `not a Scenario protobuf: ${(e as Error).message}${at}`);
  }

  if (!d.id) throw fail('scenario_id', notScenario(payload) ?? 'missing: not a Scenario, or an empty one');
  const T = d.timestamps.length;
  if (T === 0) throw fail('timestamps_seconds', 'missing: a scenario needs at least one step');
  const N = d.nTracks;
  if (N === 0) throw fail('tracks', 'zero tracks');
  const current = d.current;
  if (current < 0 || current >= T) throw fail('current_time_index', `${current} is outside 0..${T - 1}`);
  const sdc = d.sdc;
  if (sdc >= N || sdc < -1) throw fail('sdc_track_index', `${sdc} is not a track index`);

  // Tracks, in order: the state count, then each valid state's values (the reference's order).
  let bad = 0;
  while (bad < N && d.count[bad] === T) bad++;
  const badState = checkStates(d.state, d.xyz, bad * T);
  if (badState >= 0) {
    const s = Math.floor(badState / NAMED);
    const [i, t, f] = [Math.floor(s / T), s % T, badState % NAMED];
    const v = f < 3 ? d.xyz[s * 3 + f]! : d.state[s * F + f]!;
    throw fail(`tracks[${i}].states[${t}].${STATE_NAMES[f]}`, `${v} in a valid state`);
  }
  if (bad < N)
    throw fail(`tracks[${bad}].states`, `${d.count[bad]} states, expected one per timestamp (${T})`);

  for (let k = 0; k < d.ttpIndex.length; k++) {
    const trackIndex = d.ttpIndex[k]!;
    if (trackIndex < 0 || trackIndex >= N)
      throw fail(`tracks_to_predict[${k}].track_index`, `${trackIndex} is not a track index`);
  }

  const M = d.nFeatures;
  const { pts, starts } = d;
  starts[M] = d.nPts;
  const badPoint = firstNonFinite(pts, d.nPts * 3);
  if (badPoint >= 0) {
    let m = 0;
    while (starts[m + 1]! * 3 <= badPoint) m++;
    throw fail(`map_features[${d.rawIndex[m]}].polyline`, 'non-finite point');
  }

  const origin = originOf(d, N * T, sdc >= 0 ? sdc * T + current : -1);
  const [ox, oy, oz] = origin;
  const state = d.state;
  shiftInto(state, F, d.xyz, N * T, ox, oy, oz);
  const points = new Float32Array(d.nPts * 3);
  shiftInto(points, 3, pts, d.nPts, ox, oy, oz);

  const D = Math.min(T, d.nDyn);
  const S = d.dynStart[D]!;
  const sigStarts = new Uint32Array(T + 1);
  sigStarts.set(d.dynStart.subarray(0, D + 1));
  sigStarts.fill(S, D + 1);
  const stopPoints = new Float32Array(S * 3);
  shiftInto(stopPoints, 3, d.sigStops, S, ox, oy, oz);

  const exact = <A extends Float64Array | Uint8Array | Uint32Array>(a: A, n: number): A =>
    (a.length === n ? a : a.slice(0, n)) as A;
  return {
    id: d.id,
    origin,
    timestamps: Float64Array.from(d.timestamps),
    currentIndex: current,
    sdc,
    objectsOfInterest: Int32Array.from(d.ooi),
    tracksToPredict: {
      trackIndex: Int32Array.from(d.ttpIndex),
      difficulty: Uint8Array.from(d.ttpDifficulty),
    },
    tracks: {
      count: N,
      steps: T,
      ids: d.ids,
      types: d.types,
      state: state.length === N * T * F ? state : state.slice(0, N * T * F),
    },
    map: {
      count: M,
      ids: exact(d.fids, M),
      kinds: exact(d.kinds, M),
      subtypes: exact(d.subtypes, M),
      starts: exact(starts, M + 1),
      points,
      lanes: d.lanes,
      stopSignLanes: d.stopSignLanes,
    },
    signals: {
      starts: sigStarts,
      lanes: d.sigLanes.slice(0, S),
      states: d.sigStates.slice(0, S),
      stopPoints,
    },
  };
}
