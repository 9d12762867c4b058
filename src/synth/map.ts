// The map of a synthetic layout in WOMD's own terms (lanes with topology, typed road lines, road
// edges, crosswalks, stop signs) and the routes agents drive along it, all in the layout's local
// frame. `features` turns it into buildScene input in world coordinates.
import type { FeatureInput } from '../scene/build';
import { LaneType, MapKind, type BoundarySegment, type LaneNeighbor } from '../scene/scene';
import { DS, Path, type Pt } from './path';

/** Spacing of the written map polylines, metres (WOMD lanes are about 0.5 m; 1 m halves the bytes). */
export const MAP_POINT_STEP = 1;

export interface Lane {
  id: number;
  path: Path;
  type: number;
  speedMph: number;
  /** Right of way at a conflict on this lane: higher goes first unless a gap is accepted. */
  prio: number;
  entry: number[];
  exit: number[];
  left: LaneNeighbor[];
  right: LaneNeighbor[];
  leftB: BoundarySegment[];
  rightB: BoundarySegment[];
}

export interface Control {
  /** Arc length of the stop line on the route. */
  s: number;
  /** Lane whose signal state governs the stop line, if signalised. */
  signalLane?: number;
  stopSign?: boolean;
}

export type Turn = 'L' | 'S' | 'R' | 'U';

export interface Route {
  lanes: number[];
  /** Arc length where each lane starts on the route path. */
  starts: number[];
  path: Path;
  controls: Control[];
  turn: Turn;
  /** Approach arm (layout-specific meaning). */
  arm: number;
  /** Per path sample: the speed limit in m/s of the lane there. */
  limit: Float32Array;
  /** Per path sample: the lane priority there. */
  prio: Uint8Array;
}

export class MapBuilder {
  lanes = new Map<number, Lane>();
  private other: FeatureInput[] = [];
  private nextId: number;

  constructor(firstId: number) {
    this.nextId = firstId;
  }

  id(): number {
    return this.nextId++;
  }

  lane(pts: Pt[], speedMph: number, prio: number, type: number = LaneType.SurfaceStreet): Lane {
    const l: Lane = {
      id: this.id(),
      path: new Path(pts),
      type,
      speedMph,
      prio,
      entry: [],
      exit: [],
      left: [],
      right: [],
      leftB: [],
      rightB: [],
    };
    this.lanes.set(l.id, l);
    return l;
  }

  connect(from: Lane, to: Lane): void {
    from.exit.push(to.id);
    to.entry.push(from.id);
  }

  /** Marks `b` as the left neighbour of `a` over their whole lengths (parallel lanes). */
  neighbors(a: Lane, b: Lane, lineId: number, lineType: number): void {
    const bound = (l: Lane): BoundarySegment => ({
      laneStartIndex: 0,
      laneEndIndex: l.path.points(MAP_POINT_STEP).length - 1,
      boundaryFeatureId: lineId,
      boundaryType: lineType,
    });
    const nb = (self: Lane, other: Lane): LaneNeighbor => ({
      featureId: other.id,
      selfStartIndex: 0,
      selfEndIndex: self.path.points(MAP_POINT_STEP).length - 1,
      neighborStartIndex: 0,
      neighborEndIndex: other.path.points(MAP_POINT_STEP).length - 1,
      boundaries: [bound(self)],
    });
    a.left.push(nb(a, b));
    b.right.push(nb(b, a));
    a.leftB.push(bound(a));
    b.rightB.push(bound(b));
  }

  /** A road line or road edge; returns its id. */
  polyline(kind: typeof MapKind.RoadLine | typeof MapKind.RoadEdge, subtype: number, pts: Pt[]): number {
    const id = this.id();
    this.other.push({ id, kind, subtype, points: new Path(pts).points(MAP_POINT_STEP) });
    return id;
  }

  crosswalk(polygon: Pt[]): void {
    this.other.push({ id: this.id(), kind: MapKind.Crosswalk, points: polygon });
  }

  stopSign(lanes: number[], at: Pt): void {
    this.other.push({ id: this.id(), kind: MapKind.StopSign, points: [at], stopSignLanes: lanes });
  }

  /** Road edges in the local frame, for the plausibility checks. */
  edges(): Pt[][] {
    return this.other.filter((f) => f.kind === MapKind.RoadEdge).map((f) => f.points);
  }

  route(
    laneIds: number[],
    turn: Turn,
    arm: number,
    controls: (r: { starts: number[] }) => Control[] = () => [],
  ): Route {
    const pts: Pt[] = [];
    const starts: number[] = [];
    let acc = 0;
    for (const id of laneIds) {
      const p = this.lanes.get(id)!.path;
      starts.push(acc);
      acc += p.length;
      for (let k = pts.length === 0 ? 0 : 1; k < p.n; k++) pts.push({ x: p.xs[k]!, y: p.ys[k]! });
    }
    const path = new Path(pts);
    const limit = new Float32Array(path.n);
    const prio = new Uint8Array(path.n);
    let li = 0;
    for (let k = 0; k < path.n; k++) {
      while (li < starts.length - 1 && k * DS >= starts[li + 1]!) li++;
      const lane = this.lanes.get(laneIds[li]!)!;
      limit[k] = lane.speedMph * 0.44704;
      prio[k] = lane.prio;
    }
    return { lanes: laneIds, starts, path, controls: controls({ starts }), turn, arm, limit, prio };
  }

  /** Everything as buildScene features, mapped to world coordinates by `world`. */
  features(world: (p: Pt) => { x: number; y: number; z: number }): FeatureInput[] {
    const out: FeatureInput[] = [];
    for (const l of this.lanes.values())
      out.push({
        id: l.id,
        kind: MapKind.Lane,
        subtype: l.type,
        points: l.path.points(MAP_POINT_STEP).map(world),
        lane: {
          speedLimitMph: l.speedMph,
          interpolating: false,
          entryLanes: l.entry,
          exitLanes: l.exit,
          leftBoundaries: l.leftB,
          rightBoundaries: l.rightB,
          leftNeighbors: l.left,
          rightNeighbors: l.right,
        },
      });
    for (const f of this.other) out.push({ ...f, points: f.points.map(world) });
    return out;
  }
}
