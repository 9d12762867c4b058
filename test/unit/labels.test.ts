// Pseudo labels (issue 4): hand-built scenes for each label and each threshold's boundary,
// robustness cases, the interaction graph, agreement with synthetic truth (LABELS_SYNTH_SCENES
// scenes, default 2000, about 30 s here; `npm run labels` does the same on `npm run synth`
// output), and every scene of the real WOMD sample when it is present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Agreement } from '../../src/labels/agreement';
import {
  CLEARANCE_M,
  interactionGraph,
  LABEL_NAMES,
  labelPair,
  labelPairDetail,
  labelScene,
  MAX_GAP_S,
  PASS_MARGIN_S,
  RED_AHEAD_M,
  SAME_DIRECTION_RAD,
  STATIONARY_M,
  TURN_RAD,
  U_TURN_RAD,
  YIELD_DROP_MIN,
} from '../../src/labels';
import {
  buildScene,
  type FeatureInput,
  type SignalInput,
  type StateInput,
  type TrackInput,
} from '../../src/scene/build';
import { boxesOverlap, segmentClosest, segmentIntersection } from '../../src/scene/geometry';
import { interactingPair, MapKind, ObjectType, SignalState, type Scene } from '../../src/scene/scene';
import { generateScene, LAYOUTS } from '../../src/synth';
import { ScenarioFile } from '../../src/waymo';
import { nodeFileSource } from '../../src/waymo/node-file';

const T = 91;
const DT = 0.1;
type Pt = [number, number];

/** A track moving along polyline `pts` with arc length s(t) (clamped to the polyline). */
function along(
  id: number,
  pts: Pt[],
  s: (t: number) => number,
  o: { type?: number; width?: number; length?: number; valid?: (step: number) => boolean } = {},
): TrackInput {
  const cum = [0];
  for (let i = 1; i < pts.length; i++)
    cum.push(cum[i - 1]! + Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]));
  const total = cum[cum.length - 1]!;
  const pose = (sv: number) => {
    const q = Math.max(0, Math.min(total, sv));
    let i = 1;
    while (i < pts.length - 1 && cum[i]! < q) i++;
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    const u = (q - cum[i - 1]!) / Math.max(cum[i]! - cum[i - 1]!, 1e-9);
    return { x: x0 + (x1 - x0) * u, y: y0 + (y1 - y0) * u, h: Math.atan2(y1 - y0, x1 - x0) };
  };
  const states: StateInput[] = [];
  for (let k = 0; k < T; k++) {
    const t = k * DT;
    const p = pose(s(t));
    const clampS = (v: number) => Math.max(0, Math.min(total, v));
    const v = (clampS(s(t + 0.05)) - clampS(s(t - 0.05))) / 0.1;
    states.push({
      x: p.x,
      y: p.y,
      heading: p.h,
      vx: v * Math.cos(p.h),
      vy: v * Math.sin(p.h),
      length: o.length ?? 4.5,
      width: o.width ?? 2,
      height: 1.6,
      valid: o.valid ? o.valid(k) : true,
    });
  }
  return { id, type: o.type ?? ObjectType.Vehicle, states };
}

function scene(
  tracks: TrackInput[],
  signals: SignalInput[][] = [],
  pair = true,
  features: FeatureInput[] = [],
): Scene {
  return buildScene({
    id: 'hand',
    timestamps: Array.from({ length: T }, (_, k) => k * DT),
    currentIndex: 10,
    sdc: 0,
    objectsOfInterest: pair ? [tracks[0]!.id, tracks[1]!.id] : [],
    tracksToPredict: pair
      ? []
      : [
          { trackIndex: 1, difficulty: 1 },
          { trackIndex: 0, difficulty: 1 },
        ],
    tracks,
    features,
    signals,
  });
}

const EAST: Pt[] = [
  [-200, 0],
  [300, 0],
];
const NORTH: Pt[] = [
  [0, -200],
  [0, 300],
];
/** A at 10 m/s reaching (0,0) at tA; B at 10 m/s reaching it at tB. */
function crossing(tA: number, tB: number, bOpts = {}) {
  return scene([
    along(1, EAST, (t) => 200 + 10 * (t - tA)),
    along(2, NORTH, (t) => 200 + 10 * (t - tB), bOpts),
  ]);
}

/** B approaches (0,0) from the south at 8 m/s, brakes at 2 m/s^2 to stop 6 m short, waits, and goes at `go` (never when null). */
function yieldingB(go: number | null): (t: number) => number {
  const s0 = 200 - 6 - 20; // stop at 194 after 4 s of braking from 8 m/s
  return (t) => {
    if (t < 0.5) return s0 + 8 * t;
    if (t < 4.5) return s0 + 4 + 8 * (t - 0.5) - (t - 0.5) ** 2;
    if (go === null || t < go) return 194;
    return 194 + (t - go) ** 2;
  };
}

describe('pair labels on hand-built scenes', () => {
  it('names the three modes in latent order', () => {
    expect(LABEL_NAMES).toEqual(['A passes first', 'B passes first', 'no interaction']);
  });

  it('crossing: A first, B first, with conflict point and times', () => {
    const s = crossing(4, 6);
    const a = labelPair(s, 0, 1);
    expect(a.label).toBe(0);
    // Scene-relative, like positions.
    expect(a.conflict!.x + s.origin[0]).toBeCloseTo(0, 1);
    expect(a.conflict!.y + s.origin[1]).toBeCloseTo(0, 1);
    expect(a.tA).toBeCloseTo(4, 1);
    expect(a.tB).toBeCloseTo(6, 1);
    expect(a.yielder).toBeNull();
    expect(labelPair(crossing(6, 4), 0, 1).label).toBe(1);
    // Swapping the roles swaps the label.
    expect(labelPair(crossing(4, 6), 1, 0).label).toBe(1);
  });

  it(`pass margin ${PASS_MARGIN_S} s: just under is side by side, just over is an order`, () => {
    expect(labelPairDetail(crossing(4, 4 + PASS_MARGIN_S - 0.05), 0, 1).label).toBe(2);
    expect(labelPairDetail(crossing(4, 4 + PASS_MARGIN_S + 0.05), 0, 1).label).toBe(0);
  });

  it(`largest gap ${MAX_GAP_S} s: just under interacts, just over does not`, () => {
    expect(labelPair(crossing(0.5, 0.5 + MAX_GAP_S - 0.1), 0, 1).label).toBe(0);
    const d = labelPairDetail(crossing(0.5, 0.5 + MAX_GAP_S + 0.1), 0, 1);
    expect(d.label).toBe(2);
    expect(d.reason).toMatch(/too far apart/);
  });

  it(`clearance: paths within half widths + ${CLEARANCE_M} m conflict, just farther do not`, () => {
    // B turns back at (0, e): its 1 m samples cut that corner by about 0.15 m.
    const thr = 2 / 2 + 2 / 2 + CLEARANCE_M;
    const v = (e: number) =>
      scene([
        along(1, EAST, (t) => 200 + 10 * (t - 4)),
        along(
          2,
          [
            [-10, 20],
            [0, e],
            [10, 20],
          ],
          (t) => 10 * t,
        ),
      ]);
    const near = labelPairDetail(v(thr - 0.3), 0, 1);
    expect(near.label).toBe(1);
    expect(labelPairDetail(v(thr + 0.3), 0, 1).kind).toBe('none');
  });

  it('merge: paths joining from elsewhere conflict at the merge point; the angle boundary', () => {
    const merge = (deg: number) => {
      const r = (deg * Math.PI) / 180;
      const len = 90;
      return scene([
        along(1, EAST, (t) => 200 + 10 * (t - 3)),
        along(
          2,
          [
            [-len * Math.cos(r), -len * Math.sin(r)],
            [0, 0],
            [300, 0],
          ],
          (t) => len + 10 * (t - 5),
        ),
      ]);
    };
    const s20 = merge(20);
    const m = labelPairDetail(s20, 0, 1);
    expect(m.kind).toBe('merge');
    expect(m.label).toBe(0);
    expect(m.conflict!.x + s20.origin[0]).toBeCloseTo(0, 0);
    // Straight paths crossing at an angle: below SAME_DIRECTION_RAD they count as running the same way.
    const skew = (d: number) => {
      const r = (d * Math.PI) / 180;
      const dir: Pt[] = [
        [-200 * Math.cos(r), -200 * Math.sin(r)],
        [300 * Math.cos(r), 300 * Math.sin(r)],
      ];
      return scene([along(1, EAST, (t) => 200 + 10 * (t - 3)), along(2, dir, (t) => 200 + 10 * (t - 5))]);
    };
    const deg = (SAME_DIRECTION_RAD * 180) / Math.PI;
    expect(labelPairDetail(skew(deg - 2), 0, 1)).toMatchObject({ kind: 'merge', label: 0 });
    expect(labelPairDetail(skew(deg + 2), 0, 1)).toMatchObject({ kind: 'cross', label: 0 });
  });

  it('following in the same lane is no interaction, and a follows edge in the graph', () => {
    const s = scene([along(1, EAST, (t) => 230 + 10 * t), along(2, EAST, (t) => 200 + 10 * t)]);
    const d = labelPairDetail(s, 0, 1);
    expect(d.label).toBe(2);
    expect(d.kind).toBe('follow');
    expect(interactionGraph(s).edges).toEqual([{ from: 1, to: 0, relation: 'follows' }]);
  });

  it('yield: the later agent that slows before the point yields, one at constant speed does not', () => {
    const y = labelPair(
      scene([along(1, EAST, (t) => 200 + 10 * (t - 4)), along(2, NORTH, yieldingB(5))]),
      0,
      1,
    );
    expect(y.label).toBe(0);
    expect(y.yielder).toBe('B');
    expect(labelPair(crossing(4, 6), 0, 1).yielder).toBeNull();
  });

  it(`yield drop: ${YIELD_DROP_MIN} m/s just under is noise, just over yields`, () => {
    // B at 1.6 m/s dips by `dv` for a second before the point (share of speed above 25% either way).
    const dip = (dv: number) => (t: number) =>
      200 - 1.6 * 4 + 1.6 * t - (t > 2 && t < 3 ? dv * (t - 2) : t >= 3 ? dv : 0);
    const run = (dv: number) =>
      labelPair(
        scene([
          along(1, EAST, (t) => 200 + 10 * (t - 2)),
          along(2, NORTH, dip(dv), { type: ObjectType.Pedestrian, width: 0.7, length: 0.7 }),
        ]),
        0,
        1,
      );
    expect(run(YIELD_DROP_MIN - 0.1).yielder).toBeNull();
    expect(run(YIELD_DROP_MIN + 0.1).yielder).toBe('B');
  });

  it('an agent that stops short until the scene ends still yields (tB null)', () => {
    const l = labelPair(
      scene([along(1, EAST, (t) => 200 + 10 * (t - 4)), along(2, NORTH, yieldingB(null))]),
      0,
      1,
    );
    expect(l.label).toBe(0);
    expect(l.tB).toBeNull();
    expect(l.yielder).toBe('B');
  });

  it('a waiting agent is extended along its lane: a lane turning away before the other path is no conflict', () => {
    const lane = (id: number, points: Pt[], exitLanes: number[]): FeatureInput => ({
      id,
      kind: MapKind.Lane,
      subtype: 2,
      points: points.map(([x, y]) => ({ x, y })),
      lane: {
        speedLimitMph: 25,
        interpolating: false,
        entryLanes: [],
        exitLanes,
        leftBoundaries: [],
        rightBoundaries: [],
        leftNeighbors: [],
        rightNeighbors: [],
      },
    });
    // B stops at (0, -15) facing north; its lane bends right onto y = -8 before A's road (y = 0).
    const map = [
      lane(
        10,
        [
          [0, -60],
          [0, -12],
        ],
        [11],
      ),
      lane(
        11,
        [
          [0, -12],
          [3, -8],
          [60, -8],
        ],
        [],
      ),
    ];
    const stopAt = (t: number) => Math.min(185, 150 + 8 * t);
    const tracks = [along(1, EAST, (t) => 200 + 10 * (t - 4)), along(2, NORTH, stopAt)];
    expect(labelPair(scene(tracks), 0, 1).label).toBe(0);
    expect(labelPairDetail(scene(tracks, [], true, map), 0, 1).kind).toBe('none');
  });

  it(`a red light up to ${RED_AHEAD_M} m ahead explains the waiting; green does not`, () => {
    const tracks = [along(1, EAST, (t) => 200 + 10 * (t - 4)), along(2, NORTH, yieldingB(null))];
    const sig = (state: number) =>
      Array.from({ length: T }, () => [{ lane: 7, state, stop: { x: 0, y: -5 } }]);
    const red = labelPairDetail(scene(tracks, sig(SignalState.Stop)), 0, 1);
    expect(red.label).toBe(2);
    expect(red.reason).toMatch(/red/);
    expect(labelPair(scene(tracks, sig(SignalState.Go)), 0, 1).label).toBe(0);
  });

  it('neither reaching, or the later one far away in time, is no interaction', () => {
    const far = scene([along(1, EAST, (t) => 200 + 10 * (t - 1)), along(2, NORTH, (t) => 60 + 5 * t)]);
    expect(labelPairDetail(far, 0, 1).label).toBe(2);
    const neither = scene([along(1, EAST, (t) => 175 + 2.5 * t), along(2, NORTH, (t) => 175 + 2.5 * t)]);
    expect(labelPairDetail(neither, 0, 1).reason).toMatch(/neither/);
  });

  it('stationary agents: parked beside the lane, both parked', () => {
    const parked = (id: number, x: number, y: number, h: number): TrackInput => ({
      id,
      type: ObjectType.Vehicle,
      states: Array.from({ length: T }, () => ({ x, y, heading: h, length: 4.5, width: 2, valid: true })),
    });
    for (const h of [0, Math.PI]) {
      const l = labelPair(scene([along(1, EAST, (t) => 200 + 10 * (t - 4)), parked(2, 5, 2, h)]), 0, 1);
      expect(l.label).toBe(2);
      expect(l.maneuverB).toBe('stationary');
    }
    expect(labelPair(scene([parked(1, 0, 0, 0), parked(2, 3, 0, 1)]), 0, 1).label).toBe(2);
  });

  it('pedestrians and cyclists cross as bodies of their own width; oncoming walkers pass', () => {
    const ped = { type: ObjectType.Pedestrian, width: 0.7, length: 0.6 };
    const l = labelPair(
      scene([along(1, EAST, (t) => 200 + 10 * (t - 3)), along(2, NORTH, (t) => 200 + 1.4 * (t - 6), ped)]),
      0,
      1,
    );
    expect(l.label).toBe(0);
    const cyc = { type: ObjectType.Cyclist, width: 0.7, length: 1.8 };
    expect(
      labelPair(
        scene([along(1, EAST, (t) => 200 + 10 * (t - 5)), along(2, NORTH, (t) => 200 + 5 * (t - 3), cyc)]),
        0,
        1,
      ).label,
    ).toBe(1);
    const walkers = scene([
      along(1, EAST, (t) => 195 + 1.4 * t, ped),
      along(
        2,
        [
          [10, 1],
          [-100, 1],
        ],
        (t) => 1.4 * t,
        ped,
      ),
    ]);
    expect(labelPairDetail(walkers, 0, 1).kind).toBe('oncoming');
    expect(labelPair(walkers, 0, 1).label).toBe(2);
  });

  it('invalid steps, agents leaving the scene, and tracks never valid', () => {
    const gap = scene([
      along(1, EAST, (t) => 200 + 10 * (t - 4), { valid: (k) => k < 36 || k > 44 }),
      along(2, NORTH, (t) => 200 + 10 * (t - 6)),
    ]);
    expect(labelPair(gap, 0, 1).label).toBe(0);
    const leaves = scene([
      along(1, EAST, (t) => 200 + 10 * (t - 4), { valid: (k) => k < 60 }),
      along(2, NORTH, (t) => 200 + 10 * (t - 6), { valid: (k) => k > 20 }),
    ]);
    expect(labelPair(leaves, 0, 1).label).toBe(0);
    const never = scene([
      along(1, EAST, (t) => 10 * t),
      along(2, NORTH, (t) => 10 * t, { valid: () => false }),
    ]);
    const n = labelPair(never, 0, 1);
    expect(n.label).toBe(2);
    expect(n.maneuverB).toBe('stationary');
  });

  it('U-turns: the path crossing twice is labelled at its first meeting', () => {
    // A drives east, U-turns around x = 20 and comes back west on y = 8; B drives north on x = 0.
    const uturn: Pt[] = [[-60, 0]];
    for (let k = 0; k <= 12; k++)
      uturn.push([20 + 4 * Math.sin((k / 12) * Math.PI), 4 - 4 * Math.cos((k / 12) * Math.PI)]);
    uturn.push([-100, 8]);
    const s = scene([along(1, uturn, (t) => 10 * t), along(2, NORTH, (t) => 200 + 8 * (t - 8))]);
    const l = labelPairDetail(s, 0, 1);
    expect(l.maneuverA).toBe('u_turn');
    expect(l.label).toBe(0);
    expect(l.conflict!.y + s.origin[1]).toBeCloseTo(0, 0);
  });
});

describe('manoeuvres', () => {
  /** A 10 m/s drive: 20 m straight, an arc of `deg` degrees (left positive), then straight. */
  const turn = (deg: number) => {
    const pts: Pt[] = [[-20, 0]];
    const r = 12;
    const a = (deg * Math.PI) / 180;
    const sg = Math.sign(deg) || 1;
    for (let k = 0; k <= 20; k++) {
      const th = (a * k) / 20;
      pts.push([r * Math.sin(Math.abs(th)), sg * r * (1 - Math.cos(th))]);
    }
    const [lx, ly] = pts[pts.length - 1]!;
    pts.push([lx + 100 * Math.cos(a), ly + 100 * Math.sin(a)]);
    return scene([along(1, pts, (t) => 8 * t), along(2, EAST, () => 0)]);
  };
  const deg = (r: number) => (r * 180) / Math.PI;
  it('straight, left, right, U-turn, with each boundary', () => {
    expect(labelPair(turn(0), 0, 1).maneuverA).toBe('straight');
    expect(labelPair(turn(90), 0, 1).maneuverA).toBe('left');
    expect(labelPair(turn(-90), 0, 1).maneuverA).toBe('right');
    expect(labelPair(turn(180), 0, 1).maneuverA).toBe('u_turn');
    expect(labelPair(turn(deg(TURN_RAD) - 3), 0, 1).maneuverA).toBe('straight');
    expect(labelPair(turn(deg(TURN_RAD) + 3), 0, 1).maneuverA).toBe('left');
    expect(labelPair(turn(-deg(TURN_RAD) - 3), 0, 1).maneuverA).toBe('right');
    expect(labelPair(turn(deg(U_TURN_RAD) - 3), 0, 1).maneuverA).toBe('left');
    expect(labelPair(turn(deg(U_TURN_RAD) + 3), 0, 1).maneuverA).toBe('u_turn');
  });
  it(`stationary below ${STATIONARY_M} m of displacement`, () => {
    const creep = (d: number) => scene([along(1, EAST, (t) => 200 + (d * t) / 9), along(2, NORTH, () => 0)]);
    expect(labelPair(creep(STATIONARY_M - 0.2), 0, 1).maneuverA).toBe('stationary');
    expect(labelPair(creep(STATIONARY_M + 0.2), 0, 1).maneuverA).toBe('straight');
  });
});

describe('scene pair and interaction graph', () => {
  it('labelScene uses objects_of_interest, else the first two tracks_to_predict', () => {
    const tracks = [along(1, EAST, (t) => 200 + 10 * (t - 4)), along(2, NORTH, (t) => 200 + 10 * (t - 6))];
    expect(labelScene(scene(tracks))!.label).toBe(0);
    // Fallback pair is (track 1, track 0): roles swap.
    expect(labelScene(scene(tracks, [], false))!.label).toBe(1);
  });

  it('draws passes-first / yields-to and follows edges around the pair', () => {
    const s = scene([
      along(1, EAST, (t) => 200 + 10 * (t - 4)),
      along(2, NORTH, yieldingB(5)),
      along(3, EAST, (t) => 175 + 10 * (t - 4)),
      along(4, EAST, (t) => 500 + 10 * t),
    ]);
    const g = interactionGraph(s);
    expect(g.nodes).toEqual([0, 1, 2]);
    expect(g.edges).toContainEqual({ from: 1, to: 0, relation: 'yields_to' });
    expect(g.edges).toContainEqual({ from: 2, to: 0, relation: 'follows' });
    const all = interactionGraph(s, { includeNone: true, radius: 1000 });
    expect(all.nodes).toHaveLength(4);
    expect(all.edges).toHaveLength(6);
  });
});

describe('geometry', () => {
  it('segment closest points, intersection, boxes', () => {
    const c = segmentClosest(0, 0, 10, 0, 5, -5, 5, 5, { d: 0, u: 0, w: 0 });
    expect(c.d).toBeCloseTo(0);
    expect(c.u).toBeCloseTo(0.5);
    expect(c.w).toBeCloseTo(0.5);
    expect(segmentClosest(0, 0, 10, 0, 12, 3, 12, 3, { d: 0, u: 0, w: 0 }).d).toBeCloseTo(Math.hypot(2, 3));
    expect(
      segmentIntersection({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: -5 }, { x: 5, y: 5 }),
    ).toMatchObject({ x: 5, y: 0 });
    expect(segmentIntersection({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 1 }, { x: 10, y: 1 })).toBeNull();
    const box = { x: 0, y: 0, length: 4, width: 2, heading: 0 };
    expect(boxesOverlap(box, { ...box, x: 3.9 })).toBe(true);
    expect(boxesOverlap(box, { ...box, x: 4.1 })).toBe(false);
    expect(boxesOverlap(box, { ...box, x: 2.5, y: 2.5, heading: Math.PI / 4 })).toBe(true);
  });
});

const SYNTH_SCENES = Number(process.env.LABELS_SYNTH_SCENES ?? 2000);

describe('agreement with synthetic truth', () => {
  it(`is at least 98% over ${SYNTH_SCENES} generated scenes of all layouts`, () => {
    const agreement = new Agreement();
    for (let i = 0; i < SYNTH_SCENES; i++) {
      const { scene: s, truth } = generateScene(4040, i);
      const [a, b] = interactingPair(s)!;
      agreement.add(truth, labelPairDetail(s, a, b));
    }
    console.log(agreement.format());
    if (SYNTH_SCENES >= 100) expect(new Set(agreement.byLayout.keys())).toEqual(new Set(LAYOUTS));
    expect(agreement.rate).toBeGreaterThanOrEqual(0.98);
  }, 120_000);
});

const WOMD = join(import.meta.dirname, '../../../shared/womd/motion_data_one_scenario.tfrecord');

describe.skipIf(!existsSync(WOMD))('real WOMD sample', () => {
  it('labels every scene and its graph without an error', async () => {
    const file = await ScenarioFile.open(await nodeFileSource(WOMD));
    const hist = LABEL_NAMES.map(() => 0);
    let scenes = 0;
    for await (const { scene: s, error } of file.scenes()) {
      expect(error).toBeUndefined();
      scenes++;
      const l = labelScene(s!);
      expect(l).not.toBeNull();
      hist[l!.label]!++;
      const g = interactionGraph(s!);
      expect(g.nodes.slice(0, 2)).toEqual(interactingPair(s!));
      console.log(
        `${s!.id}: ${LABEL_NAMES[l!.label]}, A ${l!.maneuverA}, B ${l!.maneuverB}; graph ${JSON.stringify(g.edges)}`,
      );
    }
    await file.close();
    console.log(
      `real WOMD histogram over ${scenes} scene(s): ${LABEL_NAMES.map((n, i) => `${n} ${hist[i]}`).join(', ')}`,
    );
    expect(scenes).toBeGreaterThan(0);
  });
});
