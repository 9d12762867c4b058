// The viewer's pure data builders, checked on fixture scenes without a GPU: the map geometry (every
// feature kind of the gallery scene, dashes and double-line offsets), the agents' GPU columns and
// trails, the prediction paths, goals and ghost boxes, and the interaction graph's arrows.
import { describe, expect, it } from 'vitest';
import { agentData, agentLayers } from '../../src/app/layers/agents';
import { Store } from '../../src/app/store';
import { graphArrows, sceneGraph } from '../../src/app/layers/graph';
import {
  buildMapGeometry,
  dashPolyline,
  mapGeometry,
  offsetPolyline,
  SIMPLIFY_M,
  simplifyPolyline,
} from '../../src/app/layers/map';
import { simplifyTimed } from '../../src/app/layers/simplify';
import { goalRings, predictionData } from '../../src/app/layers/predictions';
import type { PairPrediction } from '../../src/app/model-protocol';
import { buildScene } from '../../src/scene/build';
import { LaneType, MapKind, RoadEdgeType, type Scene } from '../../src/scene/scene';
import { fixtureInput, fixtureScene } from '../fixtures/scenes';
import { GALLERY, galleryInput, galleryScene, SIGNAL_STATES } from '../browser/viewer-fixtures';

/** Float32Array (or array) as plain numbers rounded to `d` decimals, for exact comparisons. */
const round = (a: ArrayLike<number>, d = 3) => Array.from(a, (v) => Number(v.toFixed(d)) + 0);

/** The distance from (x, y) to the nearest point of a flat x, y polyline. */
function distanceToPolyline(x: number, y: number, p: Float32Array): number {
  let best = Infinity;
  for (let i = 2; i < p.length; i += 2) {
    const [ax, ay, bx, by] = [p[i - 2]!, p[i - 1]!, p[i]!, p[i + 1]!];
    const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const u = l2 ? Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / l2)) : 0;
    best = Math.min(best, Math.hypot(x - ax - u * (bx - ax), y - ay - u * (by - ay)));
  }
  return best;
}

/** Arc length of a flat x, y polyline. */
function arcLength(p: Float32Array): number {
  let s = 0;
  for (let i = 2; i < p.length; i += 2) s += Math.hypot(p[i]! - p[i - 2]!, p[i + 1]! - p[i - 1]!);
  return s;
}

const WHITE = [235, 235, 235, 230];
const YELLOW = [240, 196, 40, 235];
const RED = [235, 50, 50, 255];
const AMBER = [245, 190, 30, 255];
const GREEN = [40, 210, 90, 255];

describe('dashPolyline', () => {
  it('cuts a straight 30 m line into 3 m dashes every 12 m', () => {
    const dashes = dashPolyline(Float32Array.of(0, 0, 30, 0));
    expect(dashes.map((d) => round(d))).toEqual([
      [0, 0, 3, 0],
      [12, 0, 15, 0],
      [24, 0, 27, 0],
    ]);
  });

  it('keeps the part of a dash that runs past the end, and takes custom lengths', () => {
    expect(dashPolyline(Float32Array.of(0, 0, 13.5, 0)).map((d) => round(d))).toEqual([
      [0, 0, 3, 0],
      [12, 0, 13.5, 0],
    ]);
    expect(dashPolyline(Float32Array.of(0, 0, 0, 5), 1, 1).map((d) => round(d))).toEqual([
      [0, 0, 0, 1],
      [0, 2, 0, 3],
      [0, 4, 0, 5],
    ]);
  });

  it('measures along the polyline: a dash that turns a corner keeps the corner and 3 m of length', () => {
    // an L: 2 m east, then 14 m north
    const dashes = dashPolyline(Float32Array.of(0, 0, 2, 0, 2, 14));
    expect(dashes.map((d) => round(d))).toEqual([
      [0, 0, 2, 0, 2, 1],
      [2, 10, 2, 13],
    ]);
    expect(dashes.map((d) => Number(arcLength(d).toFixed(6)))).toEqual([3, 3]);
  });

  it('skips a repeated point without producing NaN', () => {
    const dashes = dashPolyline(Float32Array.of(0, 0, 0, 0, 5, 0));
    expect(dashes.map((d) => round(d))).toEqual([[0, 0, 3, 0]]);
  });
});

describe('simplifyPolyline', () => {
  it('drops the points a line keeps within SIMPLIFY_M of itself, and keeps its ends and its bends', () => {
    expect(SIMPLIFY_M).toBe(0.01);
    // WOMD-like: every 0.5 m along a straight 10 m line, with 4 mm of wobble
    const wobbly = new Float32Array(42);
    for (let k = 0; k <= 20; k++) {
      wobbly[k * 2] = k * 0.5;
      wobbly[k * 2 + 1] = k % 2 ? 0.004 : -0.004;
    }
    expect(round(simplifyPolyline(wobbly))).toEqual([0, -0.004, 10, -0.004]);
    // a 5 cm kink is a bend: kept
    expect(round(simplifyPolyline(Float32Array.of(0, 0, 5, 0.05, 10, 0)))).toEqual([0, 0, 5, 0.05, 10, 0]);
    // a right angle keeps its corner; two points are returned as they are
    expect(round(simplifyPolyline(Float32Array.of(0, 0, 5, 0, 10, 0, 10, 5, 10, 10)))).toEqual([
      0, 0, 10, 0, 10, 10,
    ]);
    const two = Float32Array.of(0, 0, 1, 1);
    expect(simplifyPolyline(two)).toBe(two);
  });

  it('keeps a 20 m radius curve within the tolerance of the circle, with fewer points', () => {
    const n = 63; // a quarter circle every ~0.5 m
    const arc = new Float32Array(n * 2);
    for (let k = 0; k < n; k++) {
      const a = ((Math.PI / 2) * k) / (n - 1);
      arc[k * 2] = 20 * Math.cos(a);
      arc[k * 2 + 1] = 20 * Math.sin(a);
    }
    const s = simplifyPolyline(arc);
    expect(s.length / 2).toBeLessThan(0.6 * n); // a 1.5 m chord would stray 1.4 cm: every other point stays
    // each dropped point lies within the tolerance of the simplified line (its chord's sagitta)
    for (let k = 2; k < s.length; k += 2) {
      const chord = Math.hypot(s[k]! - s[k - 2]!, s[k + 1]! - s[k - 1]!);
      expect(20 - Math.sqrt(20 * 20 - (chord / 2) ** 2)).toBeLessThanOrEqual(SIMPLIFY_M + 1e-4);
    }
  });
});

describe('simplifyTimed', () => {
  it('keeps the step where a stopped agent drives off, which a planar simplification drops', () => {
    // stopped at the origin for steps 0-10, then 1 m per step east until step 20
    const xs = Array.from({ length: 21 }, (_, t) => Math.max(0, t - 10));
    const path = Float32Array.from(xs.flatMap((x) => [x, 0]));
    const steps = Float32Array.from(xs, (_, t) => t);
    const s = simplifyTimed(path, steps);
    expect(round(s.path)).toEqual([0, 0, 0, 0, 10, 0]);
    expect(Array.from(s.timestamps)).toEqual([0, 10, 20]);
    expect(simplifyPolyline(path).length / 2).toBe(2); // the plane alone loses the stop
  });

  it('keeps every point off the line by more than 1 cm in space or 0.01 steps in time', () => {
    const path = Float32Array.of(0, 0, 1, 0.004, 2, 0.02, 3, 0, 4, 0);
    const steps = Float32Array.of(0, 1, 2, 3, 4);
    const s = simplifyTimed(path, steps);
    expect(Array.from(s.timestamps)).toEqual([0, 2, 4]);
    // the time alone: evenly spaced points at uneven steps stay
    const uneven = simplifyTimed(Float32Array.of(0, 0, 1, 0, 2, 0), Float32Array.of(0, 1.5, 2));
    expect(Array.from(uneven.timestamps)).toEqual([0, 1.5, 2]);
    // nothing to drop: the inputs come back as they are
    expect(simplifyTimed(uneven.path, uneven.timestamps).path).toBe(uneven.path);
  });
});

describe('offsetPolyline', () => {
  it('shifts a line left for a positive distance and right for a negative one', () => {
    const east = Float32Array.of(0, 0, 10, 0, 20, 0);
    expect(round(offsetPolyline(east, 0.15))).toEqual([0, 0.15, 10, 0.15, 20, 0.15]);
    expect(round(offsetPolyline(east, -0.15))).toEqual([0, -0.15, 10, -0.15, 20, -0.15]);
    // left of a line heading north is west
    expect(round(offsetPolyline(Float32Array.of(0, 0, 0, 10), 1))).toEqual([-1, 0, -1, 10]);
  });

  it('offsets a corner along the averaged normal of its two neighbours', () => {
    const c = Math.SQRT1_2;
    expect(round(offsetPolyline(Float32Array.of(0, 0, 10, 0, 10, 10), 1), 4)).toEqual(
      round([0, 1, 10 - c, c, 9, 10], 4),
    );
  });
});

describe('map geometry of the gallery scene (every feature kind)', () => {
  const scene = galleryScene();
  const g = buildMapGeometry(scene);

  it('places the scene origin on the gallery offset, so gallery coordinates are scene coordinates', () => {
    expect(scene.origin).toEqual([4000, -2000, 0]);
    expect(g.bounds).toEqual([0, 0, 230, 40]);
  });

  it('draws each lane type in its colour at 0.25 m, a straight lane from its two ends', () => {
    expect(g.lanes.map((l) => l.feature)).toEqual([0, 1, 2]);
    expect(g.lanes.map((l) => l.color)).toEqual([
      [97, 145, 214, 170],
      [120, 128, 142, 170],
      [96, 190, 120, 190],
    ]);
    expect(g.lanes.map((l) => l.width)).toEqual([0.25, 0.25, 0.25]);
    expect(g.lanes.map((l) => round(l.path))).toEqual(GALLERY.lanes.map((l) => [l.x, 0, l.x + 20, 0]));
    // every point is kept with simplification off (the viewer bench's baseline)
    expect(buildMapGeometry(scene, 0).lanes.map((l) => round(l.path))).toEqual(
      GALLERY.lanes.map((l) => [l.x, 0, l.x + 10, 0, l.x + 20, 0]),
    );
  });

  it('draws the eight road line types: singles, doubles 0.3 m apart, broken ones as dashes', () => {
    // per type (1..8): the drawn paths as [y, start x, end x, point count] relative to the line's
    // start; a straight line keeps its two ends (simplifyPolyline), then dashes cut it
    const D = 0.15;
    const expected: Record<number, [number, number, number, number][]> = {
      1: [
        [10, 0, 3, 2],
        [10, 12, 15, 2],
      ], // broken single white
      2: [[10, 0, 20, 2]], // solid single white
      3: [
        [10 + D, 0, 20, 2],
        [10 - D, 0, 20, 2],
      ], // solid double white
      4: [
        [10, 0, 3, 2],
        [10, 12, 15, 2],
      ], // broken single yellow
      5: [
        [10 + D, 0, 3, 2],
        [10 + D, 12, 15, 2],
        [10 - D, 0, 3, 2],
        [10 - D, 12, 15, 2],
      ], // broken double yellow
      6: [[10, 0, 20, 2]], // solid single yellow
      7: [
        [10 + D, 0, 20, 2],
        [10 - D, 0, 20, 2],
      ], // solid double yellow
      8: [
        [10 + D, 0, 3, 2],
        [10 + D, 12, 15, 2],
        [10 - D, 0, 20, 2],
      ], // passing double yellow: the left line broken, the right one solid
    };
    expect(g.roadLines).toHaveLength(17);
    const features = GALLERY.roadLines.map((_, k) => 3 + k);
    expect([...new Set(g.roadLines.map((p) => p.feature))]).toEqual(features);
    for (const [k, l] of GALLERY.roadLines.entries()) {
      const paths = g.roadLines.filter((p) => p.feature === features[k]);
      const got = paths.map((p) => {
        const n = p.path.length / 2;
        const y = round([p.path[1]!, p.path[p.path.length - 1]!]);
        expect(y[0], `type ${l.type}: a straight line stays at one y`).toBe(y[1]);
        return [y[0]!, ...round([p.path[0]! - l.x, p.path[p.path.length - 2]! - l.x]), n];
      });
      expect(got, `road line type ${l.type}`).toEqual(expected[l.type]);
      for (const p of paths) {
        expect(p.color).toEqual(l.type <= 3 ? WHITE : YELLOW);
        expect(p.width).toBe(0.15);
      }
    }
  });

  it('draws both road edge types in their colours at 0.35 m', () => {
    expect(g.roadEdges.map((e) => [e.feature, e.color, e.width, round(e.path)])).toEqual([
      [11, [225, 225, 230, 240], 0.35, [0, 20, 20, 20]],
      [12, [230, 120, 60, 240], 0.35, [30, 20, 50, 20]],
    ]);
    expect(GALLERY.roadEdges.map((e) => e.type)).toEqual([RoadEdgeType.Boundary, RoadEdgeType.Median]);
  });

  it('keeps crosswalk, speed bump and driveway outlines as polygons in their colours', () => {
    const rect = (r: { x: number; y: number; w: number; h: number }) => [
      r.x,
      r.y,
      r.x + r.w,
      r.y,
      r.x + r.w,
      r.y + r.h,
      r.x,
      r.y + r.h,
    ];
    const poly = (p: (typeof g.crosswalks)[number]) => [p.feature, p.color, round(p.polygon)];
    expect(g.crosswalks.map(poly)).toEqual([[13, [230, 230, 230, 90], rect(GALLERY.crosswalk)]]);
    expect(g.speedBumps.map(poly)).toEqual([[14, [240, 150, 40, 150], rect(GALLERY.speedBump)]]);
    expect(g.driveways.map(poly)).toEqual([[15, [150, 110, 200, 90], rect(GALLERY.driveway)]]);
  });

  it('draws a stop sign as a red octagon of radius 1.2 m around its point', () => {
    expect(g.stopSigns).toHaveLength(1);
    const s = g.stopSigns[0]!;
    expect(s.feature).toBe(16);
    expect(s.color).toEqual([220, 40, 40, 255]);
    expect(s.polygon).toHaveLength(16);
    const { x, y } = GALLERY.stopSign;
    for (let k = 0; k < 8; k++) {
      const a = Math.PI / 8 + (k * Math.PI) / 4;
      expect(s.polygon[k * 2]).toBeCloseTo(x + 1.2 * Math.cos(a), 4);
      expect(s.polygon[k * 2 + 1]).toBeCloseTo(y + 1.2 * Math.sin(a), 4);
    }
  });

  it('prebuilds the signals of every step at their stop points, coloured by state', () => {
    expect(g.signals).toHaveLength(91);
    const colour = { [SIGNAL_STATES[0]!]: RED, [SIGNAL_STATES[1]!]: AMBER, [SIGNAL_STATES[2]!]: GREEN };
    for (const t of [0, 29, 30, 59, 60, 90]) {
      const want = GALLERY.signals.map((p, k) => {
        const state = SIGNAL_STATES[(k + Math.floor(t / 30)) % 3]!;
        return { position: [p.x, p.y], color: colour[state], lane: 1, state };
      });
      expect(g.signals[t], `step ${t}`).toEqual(want);
    }
  });

  it('is built once per scene', () => {
    expect(mapGeometry(scene)).toBe(mapGeometry(scene));
    expect(mapGeometry(scene)).not.toBe(g);
    expect(mapGeometry(scene)).toEqual(g);
  });
});

describe('map geometry of the format fixture scene', () => {
  const g = buildMapGeometry(fixtureScene(1));
  // the fixture sits at (8123.456, -4321.987); the origin snaps to (8100, -4400)
  const X = 23.456;
  const Y = 78.013;

  it('counts every kind, and the bounds of every map point', () => {
    expect(
      [g.lanes, g.roadLines, g.roadEdges, g.crosswalks, g.speedBumps, g.driveways, g.stopSigns].map(
        (l) => l.length,
      ),
    ).toEqual([2, 5, 1, 1, 1, 1, 1]);
    expect(round(g.bounds)).toEqual(round([X, Y - 6, X + 30, Y + 4]));
    // a freeway lane of two points and a surface street of three, in feature order
    expect(g.lanes.map((l) => [l.feature, l.path.length, l.color])).toEqual([
      [0, 6, [120, 128, 142, 170]],
      [1, 4, [97, 145, 214, 170]],
    ]);
  });

  it('offsets the solid double yellow and dashes the 30 m broken white line into three 3 m dashes', () => {
    const dbl = g.roadLines.filter((p) => p.feature === 2);
    expect(dbl.map((p) => round(p.path))).toEqual([
      round([X, Y + 2.15, X + 30, Y + 2.15]),
      round([X, Y + 1.85, X + 30, Y + 1.85]),
    ]);
    const broken = g.roadLines.filter((p) => p.feature === 3);
    expect(broken.map((p) => round([p.path[0]! - X, p.path[2]! - X]))).toEqual([
      [0, 3],
      [12, 15],
      [24, 27],
    ]);
    expect(broken.map((p) => Number(arcLength(p.path).toFixed(3)))).toEqual([3, 3, 3]);
    expect(broken.map((p) => p.color)).toEqual([WHITE, WHITE, WHITE]);
  });

  it('switches the signal of lane 1 from stop to caution at step 40 and to go at 45', () => {
    const lane1 = (t: number) => g.signals[t]!.find((s) => s.lane === 1)!;
    expect([39, 40, 44, 45].map((t) => lane1(t).color)).toEqual([RED, AMBER, AMBER, GREEN]);
    expect(round(lane1(0).position)).toEqual(round([X + 20, Y + 3]));
    // an arrow go is green too
    expect(g.signals[0]!.find((s) => s.lane === 2)!.color).toEqual(GREEN);
    expect(g.signals.every((s) => s.length === 2)).toBe(true);
  });

  it('draws nothing for a lane or road line of a single point', () => {
    const input = fixtureInput(1, 'one-point');
    input.features.push(
      { id: 20, kind: MapKind.Lane, subtype: LaneType.Freeway, points: [{ x: 8130, y: -4320 }] },
      { id: 21, kind: MapKind.RoadLine, subtype: 2, points: [{ x: 8130, y: -4320 }] },
    );
    const h = buildMapGeometry(buildScene(input));
    expect(h.lanes.map((l) => l.feature)).toEqual([0, 1]);
    expect(h.roadLines).toHaveLength(5);
  });
});

describe('agent buffers', () => {
  // fixture track i at step t (seed 1): x = 23.456 + 7.3 i + 0.6 t, y = 78.013 + 3.1 i - 0.25 t
  const fx = (i: number, t: number) => 23.456 + 7.3 * i + 0.6 * t;
  const fy = (i: number, t: number) => 78.013 + 3.1 * i - 0.25 * t;
  const input = fixtureInput(1, 'agents');
  // track 4 leaves for steps 40..44; track 3 is seen alone at step 50; track 2 turns past pi at step 30
  for (let t = 40; t < 45; t++) input.tracks[4]!.states[t] = { valid: false };
  input.tracks[3]!.states[49] = { valid: false };
  input.tracks[3]!.states[51] = { valid: false };
  input.tracks[2]!.states[30] = { ...input.tracks[2]!.states[30]!, heading: 3.5 };
  const scene = buildScene(input);
  const d = agentData(scene);
  const at = (
    name: 'getPose0' | 'getPose1' | 'getSizes' | 'getFillColor' | 'getLineColor',
    i: number,
    t: number,
  ) => Array.from(d.buffers.attributes[name].value.subarray((i * 91 + t) * 4, (i * 91 + t + 1) * 4));

  it('holds one instance per track and step', () => {
    expect(d.buffers.length).toBe(6 * 91);
    expect(d.buffers.steps).toBe(91);
    for (const k of ['getPose0', 'getPose1', 'getSizes', 'getFillColor', 'getLineColor'] as const) {
      expect(d.buffers.attributes[k].value.length).toBe(6 * 91 * 4);
      expect(d.buffers.attributes[k].size).toBe(4);
    }
    expect(d.buffers.attributes.getFillColor.normalized).toBe(true);
  });

  it('gives each instance its pose, the next step pose, and both sizes', () => {
    expect(round(at('getPose0', 1, 12))).toEqual(round([fx(1, 12), fy(1, 12), -0.45, 1]));
    expect(round(at('getPose1', 1, 12))).toEqual(round([fx(1, 13), fy(1, 13), -0.45, 1]));
    expect(round(at('getSizes', 1, 12))).toEqual([4.6, 1.9, 4.6, 1.9]);
    // the last step pairs with itself
    expect(round(at('getPose1', 0, 90))).toEqual(round([fx(0, 90), fy(0, 90), -0.46, 1]));
    // track 5 appears at step 20: step 19 is invalid and its next pose is the first valid one
    expect(at('getPose0', 5, 19)[3]).toBe(0);
    expect(round(at('getPose1', 5, 19))).toEqual(round([fx(5, 20), fy(5, 20), -0.41, 1]));
  });

  it('wraps headings into [-pi, pi)', () => {
    const wrapped = 3.5 - 2 * Math.PI;
    expect(at('getPose0', 2, 30)[2]).toBeCloseTo(wrapped, 5);
    expect(at('getPose1', 2, 29)[2]).toBeCloseTo(wrapped, 5);
  });

  it('fills by agent type and outlines by role', () => {
    expect(d.roles).toEqual(['sdc', 'interest', 'interest', 'predict', 'none', 'none']);
    // types are (i % 4) + 1: vehicle, pedestrian, cyclist, other, vehicle, pedestrian
    expect([0, 1, 2, 3, 4, 5].map((i) => at('getFillColor', i, 50))).toEqual([
      [74, 144, 226, 235],
      [236, 112, 99, 235],
      [88, 200, 110, 235],
      [190, 160, 90, 235],
      [74, 144, 226, 235],
      [236, 112, 99, 235],
    ]);
    expect([0, 1, 2, 3, 4, 5].map((i) => at('getLineColor', i, 0))).toEqual([
      [255, 220, 0, 255],
      [255, 0, 200, 255],
      [255, 0, 200, 255],
      [0, 220, 230, 255],
      [20, 22, 26, 255],
      [20, 22, 26, 255],
    ]);
  });

  it('splits trails at gaps and drops a run of one point; a steady run keeps its two ends', () => {
    const runs = d.paths.map((p) => [
      p.track,
      p.timestamps[0],
      p.timestamps[p.timestamps.length - 1],
      p.path.length,
    ]);
    // the fixture's agents drive at constant velocity: simplifyTimed keeps each run's ends
    expect(runs).toEqual([
      [0, 0, 90, 4],
      [1, 0, 90, 4],
      [2, 0, 90, 4],
      [3, 0, 48, 4],
      [3, 52, 90, 4],
      [4, 0, 39, 4],
      [4, 45, 90, 4],
      [5, 20, 90, 4],
    ]);
    const p5 = d.paths.at(-1)!;
    expect(round(p5.path)).toEqual(round([fx(5, 20), fy(5, 20), fx(5, 90), fy(5, 90)]));
    expect(p5.color).toEqual([236, 112, 99, 235]);
  });

  it('is built once per scene', () => {
    expect(agentData(scene)).toBe(d);
  });

  it('is built a track per step by the staging (prepare), and finished by agentData if overtaken', () => {
    const ctx = (s: Scene) => ({ scene: s, time: 10, view: { ...new Store().get(), scene: s } });
    const whole = buildScene(input);
    const sliced = buildScene(input);
    // steps to the end: one per track, then the data is in the cache
    const steps = agentLayers.prepare!(ctx(whole));
    let n = 0;
    while (!steps.next().done) n++;
    expect(n).toBe(whole.tracks.count);
    const built = agentData(whole);
    // overtaken after two tracks: agentData finishes it, with the same data as built whole
    const some = agentLayers.prepare!(ctx(sliced));
    some.next();
    some.next();
    const finished = agentData(sliced);
    for (const data of [built, finished]) {
      expect(data.paths.map((p) => [p.track, ...p.timestamps])).toEqual(
        d.paths.map((p) => [p.track, ...p.timestamps]),
      );
      expect(data.buffers.attributes.getPose0.value).toEqual(d.buffers.attributes.getPose0.value);
    }
    // a scene already built has nothing to prepare
    expect(agentLayers.prepare!(ctx(whole)).next().done).toBe(true);
  });
});

describe('prediction buffers', () => {
  const scene = fixtureScene(1);
  const T = 91;
  // pair (1, 2) predicted from step 10; track i sits at (23.456 + 7.3 i + 6, 78.013 + 3.1 i - 2.5)
  const start = (i: number) => [23.456 + 7.3 * i + 6, 78.013 + 3.1 * i - 2.5] as const;
  const [ax, ay] = start(1);
  const [bx, by] = start(2);
  /** 80 points from (x0, y0), each step (dx, dy) further. */
  const line = (x0: number, y0: number, dx: number, dy: number) =>
    Float32Array.from({ length: 160 }, (_, j) => (j & 1 ? y0 : x0) + (j & 1 ? dy : dx) * ((j >> 1) + 1));
  const sample = (m: number, s: number) => ({
    a: line(ax, ay, 0.5 * (m + 1), 0.2 + s),
    b: line(bx, by, -0.3, 0.4 * (m + 1)),
    goal: { a: [0, 0] as [number, number], b: [0, 0] as [number, number] },
  });
  const goal = (weight: number, x: number) => ({
    weight,
    a: [x, 80] as [number, number],
    b: [x + 5, 90] as [number, number],
    stdA: [2, 8] as [number, number],
    stdB: [0.1, 0.2] as [number, number],
  });
  const prediction = (probs: number[], samples: number[], variant: PairPrediction['variant'] = 'pseudo') =>
    ({
      sceneId: scene.id,
      a: 1,
      b: 2,
      t: 10,
      label: 0,
      labelName: 'A passes first',
      prior: probs,
      posterior: null,
      variant,
      backend: 'cpu',
      latencyMs: 5,
      numTensors: 0,
      choice: { backend: 'cpu', how: 'asked', figures: [], failed: [], key: '' },
      notice: null,
      modes: probs.map((probability, mode) => ({
        mode,
        label: `mode ${mode}`,
        probability,
        goals: [goal(0.8, 50 + mode), goal(0.2, 60 + mode)],
        samples: Array.from({ length: samples[mode]! }, (_, s) => sample(mode, s)),
      })),
    }) satisfies PairPrediction;

  it('starts every sample path at its agent, coloured by mode with opacity by probability', () => {
    const pred = prediction([0.6, 0.4, 0], [2, 2, 0]);
    const d = predictionData(scene, pred, null);
    expect(d.paths).toHaveLength(8);
    expect(d.paths.map((p) => p.mode)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    // alpha = round(60 + 195 p): 177 for 0.6, 138 for 0.4
    expect(d.paths[0]!.color).toEqual([255, 140, 26, 177]);
    expect(d.paths[4]!.color).toEqual([186, 104, 255, 138]);
    for (const [k, p] of d.paths.entries()) {
      const s = pred.modes[p.mode]!.samples[(k >> 1) % 2]!;
      const [x0, y0, pts] = k % 2 === 0 ? [ax, ay, s.a] : [bx, by, s.b];
      const full = Float32Array.from([x0, y0, ...pts]);
      expect(p.path[0]).toBeCloseTo(x0, 3);
      expect(p.path[1]).toBeCloseTo(y0, 3);
      expect(Array.from(p.path.slice(-2))).toEqual(Array.from(pts.slice(-2)));
      // simplified as the map's lines are: every point of the sample within SIMPLIFY_M of the drawn path
      expect(p.path).toEqual(simplifyPolyline(full));
      expect(p.path.length).toBeLessThanOrEqual(162);
      for (let i = 0; i < full.length; i += 2)
        expect(distanceToPolyline(full[i]!, full[i + 1]!, p.path)).toBeLessThanOrEqual(SIMPLIFY_M + 1e-4);
    }
  });

  it('rings each goal of a drawn mode by its spread, fainter for a light component', () => {
    const d = predictionData(scene, prediction([0.6, 0.4, 0], [2, 2, 0]), null);
    // mode 2 has no samples: its goals are not drawn
    expect(d.goals.map((g) => [g.mode, g.x, g.y, Number(g.radius.toFixed(4)), g.color])).toEqual([
      [0, 50, 80, 4, [255, 140, 26, 142]],
      [0, 55, 90, 0.5, [255, 140, 26, 142]],
      [0, 60, 80, 4, [255, 140, 26, 53]],
      [0, 65, 90, 0.5, [255, 140, 26, 53]],
      [1, 51, 80, 4, [186, 104, 255, 110]],
      [1, 56, 90, 0.5, [186, 104, 255, 110]],
      [1, 61, 80, 4, [186, 104, 255, 41]],
      [1, 66, 90, 0.5, [186, 104, 255, 41]],
    ]);
  });

  it("rings only a mode's main goals: the heaviest components until they hold 90% of its weight", () => {
    const pred = prediction([1, 0, 0], [2, 0, 0]);
    const ws = [0.02, 0.5, 0.05, 0.3, 0.12, 0.01];
    pred.modes[0]!.goals = ws.map((w, c) => goal(w, 100 + c));
    const d = predictionData(scene, pred, null);
    // 0.5 + 0.3 + 0.12 = 0.92 >= 0.9: three components, heaviest first, A's ring then B's
    expect(d.goals.map((g) => g.x)).toEqual([101, 106, 103, 108, 104, 109]);
    expect(goalRings(ws.map((weight) => ({ weight }))).map((g) => g.weight)).toEqual([0.5, 0.3, 0.12]);
    expect(goalRings([{ weight: 0.95 }, { weight: 0.05 }])).toEqual([{ weight: 0.95 }]);
    expect(goalRings([])).toEqual([]);
  });

  it("moves a ghost box per drawn mode and agent along the mode's first sample from the prediction step", () => {
    const pred = prediction([0.6, 0.4, 0], [2, 2, 0]);
    const gh = predictionData(scene, pred, null).ghosts;
    expect(gh.length).toBe(2 * 2 * T);
    expect(gh.steps).toBe(T);
    const at = (
      name: 'getPose0' | 'getPose1' | 'getSizes' | 'getFillColor' | 'getLineColor',
      g: number,
      t: number,
    ) => Array.from(gh.attributes[name].value.subarray((g * T + t) * 4, (g * T + t + 1) * 4));
    const s0 = pred.modes[0]!.samples[0]!;
    // ghost 0: mode 0, agent A. Before the prediction step there is nothing
    expect(at('getPose0', 0, 9)).toEqual([0, 0, 0, 0]);
    // at the step: the real pose, heading to the first predicted point
    const h0 = Math.atan2(s0.a[1]! - ay, s0.a[0]! - ax);
    expect(round(at('getPose0', 0, 10))).toEqual(round([ax, ay, h0, 1]));
    // heading at the first sample point: along its neighbours (the start and the second point)
    const h1 = Math.atan2(s0.a[3]! - ay, s0.a[2]! - ax);
    expect(round(at('getPose1', 0, 10))).toEqual(round([s0.a[0]!, s0.a[1]!, h1, 1]));
    // the last step holds the 80th point and pairs with itself
    expect(round(at('getPose0', 0, 90))).toEqual(round(at('getPose1', 0, 90)));
    expect(round(at('getPose0', 0, 90).slice(0, 2))).toEqual(round([s0.a[158]!, s0.a[159]!]));
    // ghost 1: mode 0, agent B; ghost 2: mode 1, agent A
    expect(round(at('getPose0', 1, 10).slice(0, 2))).toEqual(round([bx, by]));
    expect(round(at('getSizes', 0, 10))).toEqual([4.6, 1.9, 4.6, 1.9]);
    expect(round(at('getSizes', 1, 10))).toEqual([4.7, 1.9, 4.7, 1.9]);
    expect(at('getFillColor', 0, 10)).toEqual([255, 140, 26, 97]);
    expect(at('getLineColor', 0, 10)).toEqual([255, 140, 26, 177]);
    expect(at('getLineColor', 2, 50)).toEqual([186, 104, 255, 138]);
  });

  it('draws only the picked mode, solid, and a forced (only decoded) mode solid too', () => {
    const pred = prediction([0.6, 0.4, 0], [2, 2, 0]);
    const picked = predictionData(scene, pred, 1);
    expect(picked.paths.map((p) => p.mode)).toEqual([1, 1, 1, 1]);
    expect(picked.paths[0]!.color).toEqual([186, 104, 255, 255]);
    expect(picked.goals.map((g) => g.color[3])).toEqual([204, 204, 77, 77]);
    expect(picked.ghosts.length).toBe(2 * T);
    const forced = predictionData(scene, prediction([0.3, 0.4, 0.3], [0, 2, 0]), null);
    expect(forced.paths.map((p) => p.color)).toEqual(Array(4).fill([186, 104, 255, 255]));
    expect(forced.ghosts.length).toBe(2 * T);
  });

  it('uses the plain colours for the vanilla CVAE and grey for constant velocity', () => {
    const vanilla = predictionData(scene, prediction([0.6, 0.4, 0], [1, 1, 0], 'vanilla'), null);
    expect(vanilla.paths.map((p) => p.color)).toEqual([
      [80, 150, 255, 177],
      [80, 150, 255, 177],
      [255, 225, 70, 138],
      [255, 225, 70, 138],
    ]);
    const cv = predictionData(scene, prediction([1], [1], 'constant_velocity'), null);
    expect(cv.paths.map((p) => p.color)).toEqual([
      [225, 225, 225, 255],
      [225, 225, 225, 255],
    ]);
  });

  it('is built once per prediction and shown mode', () => {
    const pred = prediction([0.6, 0.4, 0], [2, 2, 0]);
    const all = predictionData(scene, pred, null);
    expect(predictionData(scene, pred, null)).toBe(all);
    expect(predictionData(scene, pred, 0)).toBe(predictionData(scene, pred, 0));
    expect(predictionData(scene, pred, 0)).not.toBe(all);
  });
});

describe('interaction graph arrows', () => {
  // gallery track i at fractional step t: from (0, y) at speed v along heading h
  const TRACKS: Record<number, { y: number; v: number; h: number }> = {
    1: { y: 62, v: 6, h: 0.3 },
    2: { y: 70, v: 1.4, h: Math.PI / 2 },
    3: { y: 76, v: 4, h: -0.2 },
  };
  const pos = (i: number, t: number) => {
    const { y, v, h } = TRACKS[i]!;
    return [Math.cos(h) * v * (t / 10), y + Math.sin(h) * v * (t / 10)] as const;
  };
  /** The arrow from track i to track j at step t: 2.5 m off both centres, a 2.2 x 2.2 m head. */
  function expectArrow(a: ReturnType<typeof graphArrows>[number], i: number, j: number, t: number) {
    const [x0, y0] = pos(i, t);
    const [x1, y1] = pos(j, t);
    const len = Math.hypot(x1 - x0, y1 - y0);
    const [ux, uy] = [(x1 - x0) / len, (y1 - y0) / len];
    const tip = [x1 - 2.5 * ux, y1 - 2.5 * uy];
    const base = [tip[0]! - 2.2 * ux, tip[1]! - 2.2 * uy];
    expect(round(a.from)).toEqual(round([x0 + 2.5 * ux, y0 + 2.5 * uy]));
    expect(round(a.to)).toEqual(round(tip));
    expect(a.head.map((p) => round(p))).toEqual([
      round(tip),
      round([base[0]! - 1.1 * uy, base[1]! + 1.1 * ux]),
      round([base[0]! + 1.1 * uy, base[1]! - 1.1 * ux]),
    ]);
  }
  const scene = galleryScene('graph');

  it('draws each relation from agent to agent between their poses at the (fractional) time', () => {
    expect(sceneGraph(scene).edges).toEqual([
      { from: 1, to: 3, relation: 'passes_first' },
      { from: 3, to: 2, relation: 'passes_first' },
    ]);
    for (const t of [30, 30.5, 50]) {
      const arrows = graphArrows(scene, t);
      expect(arrows.map((a) => [a.relation, a.color])).toEqual([
        ['passes_first', [255, 214, 102, 235]],
        ['passes_first', [255, 214, 102, 235]],
      ]);
      expectArrow(arrows[0]!, 1, 3, t);
      expectArrow(arrows[1]!, 3, 2, t);
    }
    // past the end the poses stay at the last step
    expectArrow(graphArrows(scene, 200)[0]!, 1, 3, 90);
  });

  it('leaves out an arrow whose agent is not tracked at the time', () => {
    const input = galleryInput('graph-gone');
    for (let t = 70; t < 91; t++) input.tracks[2]!.states[t] = { valid: false };
    const gone: Scene = buildScene(input);
    expect(graphArrows(gone, 69)).toHaveLength(2);
    // at 69.6 the nearer step (70) decides: track 2 is gone, so only 1 -> 3 is left
    const left = graphArrows(gone, 69.6);
    expect(left).toHaveLength(1);
    expectArrow(left[0]!, 1, 3, 69.6);
  });

  it('draws nothing for a scene whose agents do not interact', () => {
    expect(graphArrows(fixtureScene(1), 30)).toEqual([]);
  });

  it('keeps one graph per scene and pair', () => {
    expect(sceneGraph(scene)).toBe(sceneGraph(scene));
    expect(sceneGraph(scene, [3, 2])).toBe(sceneGraph(scene, [3, 2]));
    expect(sceneGraph(scene, [3, 2])).not.toBe(sceneGraph(scene));
    expect(sceneGraph(scene, [3, 2]).nodes.slice(0, 2)).toEqual([3, 2]);
  });
});
