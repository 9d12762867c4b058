// Scenario proto <-> Scene. Encoding uses the protobufjs code generated from our scenario.proto.
// Decoding: decodeScenario (scenario-wire.ts) reads the wire format straight into the Scene's
// columns. decodeScenarioReference is the earlier path, kept as the reference for tests and the
// bench: protobufjs's generated decode (spec-compliant: packed or unpacked repeats, any field
// order, unknown fields skipped) into message objects, then the checks, naming the field when
// something is wrong, then buildScene.
import { buildScene, type FeatureInput, type SceneInput, type SignalInput } from '../scene/build';
import {
  type BoundarySegment,
  F,
  type LaneInfo,
  type LaneNeighbor,
  MapKind,
  normalizeAngle,
  type Scene,
  featurePoints,
} from '../scene/scene';
import { WaymoReadError } from './errors';
import { modescope } from './proto/scenario.js';
import { decodeScenario, notScenario } from './scenario-wire';

export { decodeScenario };

const pb = modescope.womd;
type Pt = { x?: number | null; y?: number | null; z?: number | null };

const num = (v: number | null | undefined): number => v ?? 0;
/** int64 fields arrive as numbers or, when the `long` package is present, as Long objects. */
type Int64 = number | { toNumber(): number } | null | undefined;
const int64 = (v: Int64): number => (v == null ? 0 : typeof v === 'number' ? v : v.toNumber());
const pt = (p: Pt | null | undefined) => ({ x: num(p?.x), y: num(p?.y), z: num(p?.z) });

function boundary(b: modescope.womd.IBoundarySegment): BoundarySegment {
  return {
    laneStartIndex: num(b.laneStartIndex),
    laneEndIndex: num(b.laneEndIndex),
    boundaryFeatureId: int64(b.boundaryFeatureId),
    boundaryType: num(b.boundaryType),
  };
}

function neighbor(n: modescope.womd.ILaneNeighbor): LaneNeighbor {
  return {
    featureId: int64(n.featureId),
    selfStartIndex: num(n.selfStartIndex),
    selfEndIndex: num(n.selfEndIndex),
    neighborStartIndex: num(n.neighborStartIndex),
    neighborEndIndex: num(n.neighborEndIndex),
    boundaries: (n.boundaries ?? []).map(boundary),
  };
}

function feature(f: modescope.womd.IMapFeature): FeatureInput | null {
  const id = int64(f.id);
  if (f.lane) {
    const l = f.lane;
    const lane: LaneInfo = {
      speedLimitMph: num(l.speedLimitMph),
      interpolating: !!l.interpolating,
      entryLanes: (l.entryLanes ?? []).map(int64),
      exitLanes: (l.exitLanes ?? []).map(int64),
      leftBoundaries: (l.leftBoundaries ?? []).map(boundary),
      rightBoundaries: (l.rightBoundaries ?? []).map(boundary),
      leftNeighbors: (l.leftNeighbors ?? []).map(neighbor),
      rightNeighbors: (l.rightNeighbors ?? []).map(neighbor),
    };
    return { id, kind: MapKind.Lane, subtype: num(l.type), points: (l.polyline ?? []).map(pt), lane };
  }
  if (f.roadLine)
    return {
      id,
      kind: MapKind.RoadLine,
      subtype: num(f.roadLine.type),
      points: (f.roadLine.polyline ?? []).map(pt),
    };
  if (f.roadEdge)
    return {
      id,
      kind: MapKind.RoadEdge,
      subtype: num(f.roadEdge.type),
      points: (f.roadEdge.polyline ?? []).map(pt),
    };
  if (f.stopSign)
    return {
      id,
      kind: MapKind.StopSign,
      points: [pt(f.stopSign.position)],
      stopSignLanes: (f.stopSign.lane ?? []).map(int64),
    };
  if (f.crosswalk) return { id, kind: MapKind.Crosswalk, points: (f.crosswalk.polygon ?? []).map(pt) };
  if (f.speedBump) return { id, kind: MapKind.SpeedBump, points: (f.speedBump.polygon ?? []).map(pt) };
  if (f.driveway) return { id, kind: MapKind.Driveway, points: (f.driveway.polygon ?? []).map(pt) };
  return null; // a feature kind we do not know: skipped, like an unknown field
}

/**
 * The reference decode: protobufjs's generated decode into message objects, then the checks and
 * buildScene. No longer the production path (that is decodeScenario, scenario-wire.ts, one pass
 * into the columns); kept as the reference the tests compare it with, and for the bench.
 * Any problem is a WaymoReadError naming the field.
 */
export function decodeScenarioReference(
  payload: Uint8Array,
  file = 'memory',
  record = 0,
  offset?: number,
): Scene {
  const fail = (field: string, reason: string) => new WaymoReadError(file, record, field, reason, offset);
  let s: modescope.womd.Scenario;
  try {
    s = pb.Scenario.decode(payload);
  } catch (e) {
    throw fail('payload', notScenario(payload) ?? `not a Scenario protobuf: ${(e as Error).message}`);
  }
  if (!s.scenarioId)
    throw fail('scenario_id', notScenario(payload) ?? 'missing: not a Scenario, or an empty one');
  const T = s.timestampsSeconds?.length ?? 0;
  if (T === 0) throw fail('timestamps_seconds', 'missing: a scenario needs at least one step');
  const tracksPb = s.tracks ?? [];
  if (tracksPb.length === 0) throw fail('tracks', 'zero tracks');
  const current = num(s.currentTimeIndex);
  if (current < 0 || current >= T) throw fail('current_time_index', `${current} is outside 0..${T - 1}`);
  const sdc = s.sdcTrackIndex ?? -1;
  if (sdc >= tracksPb.length || sdc < -1) throw fail('sdc_track_index', `${sdc} is not a track index`);

  const tracks = tracksPb.map((tr, i) => {
    const states = tr.states ?? [];
    if (states.length !== T)
      throw fail(`tracks[${i}].states`, `${states.length} states, expected one per timestamp (${T})`);
    return {
      id: num(tr.id),
      type: num(tr.objectType),
      states: states.map((st, t) => {
        const v = {
          x: num(st.centerX),
          y: num(st.centerY),
          z: num(st.centerZ),
          length: num(st.length),
          width: num(st.width),
          height: num(st.height),
          heading: num(st.heading),
          vx: num(st.velocityX),
          vy: num(st.velocityY),
          valid: !!st.valid,
        };
        if (v.valid) {
          for (const [k, val] of Object.entries(v))
            if (typeof val === 'number' && !Number.isFinite(val))
              throw fail(`tracks[${i}].states[${t}].${STATE_PROTO_NAMES[k]}`, `${val} in a valid state`);
          // Real headings stray slightly outside [-pi, pi); store them wrapped.
          v.heading = normalizeAngle(v.heading);
        }
        return v;
      }),
    };
  });

  const ttp = (s.tracksToPredict ?? []).map((r, k) => {
    const trackIndex = num(r.trackIndex);
    if (trackIndex < 0 || trackIndex >= tracks.length)
      throw fail(`tracks_to_predict[${k}].track_index`, `${trackIndex} is not a track index`);
    return { trackIndex, difficulty: num(r.difficulty) };
  });

  const dyn = s.dynamicMapStates ?? [];
  const signals: SignalInput[][] = [];
  for (let t = 0; t < T; t++)
    signals.push(
      (dyn[t]?.laneStates ?? []).map((ls) => ({
        lane: int64(ls.lane),
        state: num(ls.state),
        stop: pt(ls.stopPoint),
      })),
    );

  const features: FeatureInput[] = [];
  (s.mapFeatures ?? []).forEach((f, k) => {
    const fi = feature(f);
    if (!fi) return;
    for (const p of fi.points)
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || !Number.isFinite(p.z))
        throw fail(`map_features[${k}].polyline`, 'non-finite point');
    features.push(fi);
  });

  const input: SceneInput = {
    id: s.scenarioId,
    timestamps: s.timestampsSeconds,
    currentIndex: current,
    sdc,
    objectsOfInterest: s.objectsOfInterest ?? [],
    tracksToPredict: ttp,
    tracks,
    features,
    signals,
  };
  return buildScene(input);
}

const STATE_PROTO_NAMES: Record<string, string> = {
  x: 'center_x',
  y: 'center_y',
  z: 'center_z',
  length: 'length',
  width: 'width',
  height: 'height',
  heading: 'heading',
  vx: 'velocity_x',
  vy: 'velocity_y',
};

/** Encodes a Scene as a Scenario payload; decodeScenario of the result gives the same Scene. */
export function encodeScene(scene: Scene): Uint8Array {
  const [ox, oy, oz] = scene.origin;
  const { tracks, map, signals } = scene;
  const T = tracks.steps;
  const world = (a: Float32Array, i: number) => ({ x: ox + a[i]!, y: oy + a[i + 1]!, z: oz + a[i + 2]! });
  const polyline = (i: number) => {
    const p = featurePoints(map, i);
    const out = [];
    for (let k = 0; k < p.length; k += 3) out.push(world(p, k));
    return out;
  };
  const tracksPb = [];
  for (let i = 0; i < tracks.count; i++) {
    const states = [];
    for (let t = 0; t < T; t++) {
      const o = (i * T + t) * F;
      const a = tracks.state;
      states.push({
        centerX: ox + a[o]!,
        centerY: oy + a[o + 1]!,
        centerZ: oz + a[o + 2]!,
        length: a[o + 3]!,
        width: a[o + 4]!,
        height: a[o + 5]!,
        heading: a[o + 6]!,
        velocityX: a[o + 7]!,
        velocityY: a[o + 8]!,
        valid: a[o + 9] !== 0,
      });
    }
    tracksPb.push({ id: tracks.ids[i]!, objectType: tracks.types[i]!, states });
  }
  const features: modescope.womd.IMapFeature[] = [];
  for (let i = 0; i < map.count; i++) {
    const id = map.ids[i]!;
    const sub = map.subtypes[i]!;
    switch (map.kinds[i]) {
      case MapKind.Lane: {
        const l = map.lanes.get(i);
        features.push({
          id,
          lane: {
            speedLimitMph: l?.speedLimitMph ?? 0,
            type: sub,
            interpolating: l?.interpolating ?? false,
            polyline: polyline(i),
            entryLanes: l?.entryLanes ?? [],
            exitLanes: l?.exitLanes ?? [],
            leftBoundaries: l?.leftBoundaries ?? [],
            rightBoundaries: l?.rightBoundaries ?? [],
            leftNeighbors: l?.leftNeighbors ?? [],
            rightNeighbors: l?.rightNeighbors ?? [],
          },
        });
        break;
      }
      case MapKind.RoadLine:
        features.push({ id, roadLine: { type: sub, polyline: polyline(i) } });
        break;
      case MapKind.RoadEdge:
        features.push({ id, roadEdge: { type: sub, polyline: polyline(i) } });
        break;
      case MapKind.StopSign:
        features.push({ id, stopSign: { lane: map.stopSignLanes.get(i) ?? [], position: polyline(i)[0] } });
        break;
      case MapKind.Crosswalk:
        features.push({ id, crosswalk: { polygon: polyline(i) } });
        break;
      case MapKind.SpeedBump:
        features.push({ id, speedBump: { polygon: polyline(i) } });
        break;
      case MapKind.Driveway:
        features.push({ id, driveway: { polygon: polyline(i) } });
        break;
    }
  }
  const dyn = [];
  for (let t = 0; t < T; t++) {
    const laneStates = [];
    for (let k = signals.starts[t]!; k < signals.starts[t + 1]!; k++)
      laneStates.push({
        lane: signals.lanes[k]!,
        state: signals.states[k]!,
        stopPoint: world(signals.stopPoints, k * 3),
      });
    dyn.push({ laneStates });
  }
  const msg = {
    scenarioId: scene.id,
    timestampsSeconds: Array.from(scene.timestamps),
    currentTimeIndex: scene.currentIndex,
    tracks: tracksPb,
    dynamicMapStates: dyn,
    mapFeatures: features,
    sdcTrackIndex: scene.sdc,
    objectsOfInterest: Array.from(scene.objectsOfInterest),
    tracksToPredict: Array.from(scene.tracksToPredict.trackIndex, (trackIndex, k) => ({
      trackIndex,
      difficulty: scene.tracksToPredict.difficulty[k]!,
    })),
  };
  return pb.Scenario.encode(msg as modescope.womd.Scenario.$Properties).finish();
}

/** The protobuf library's own plain-object decode: the baseline the bench compares against. */
export function decodeScenarioObject(payload: Uint8Array): unknown {
  return pb.Scenario.decode(payload);
}
