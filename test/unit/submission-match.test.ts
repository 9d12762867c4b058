// Matching a submission's predictions to scenes (src/metrics/submission.ts) on synthetic scenes
// (src/synth): constant velocity's own predictions written as a submission (reference .proto)
// give back its minFDE at 8 s; every named error drops only what it must; the other-pair offer;
// motion marginals to joint modes; the 2 Hz -> 10 Hz rule; per-scene scores; the file summary.
import { beforeAll, describe, expect, it } from 'vitest';
import { labelFuture } from '../../src/labels/forecast';
import { defaultPair } from '../../src/labels/pairs';
import { LABEL_NAMES, labelPair } from '../../src/labels';
import { HORIZONS, jointTrajectory, minDisplacement, sceneTruth } from '../../src/metrics';
import {
  matchScenePredictions,
  scoreMarginal,
  scoreSubmissionPair,
  summarizeSubmission,
} from '../../src/metrics/submission';
import { predictPairs } from '../../src/model/predictors';
import { isValid, trackXY, type Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { memorySource, openSubmission, type ScenarioPredictionsRecord } from '../../src/waymo';
import { encodeSubmission, jointEntry, line, singleEntry } from '../fixtures/submissions';

const H8 = HORIZONS[2];
let scenes: Scene[];
let pairs: [number, number][];
beforeAll(() => {
  // the first 6 synthetic scenes whose pair is tracked at steps 10 and 90 (the figures need both)
  scenes = [];
  for (let i = 0; scenes.length < 6; i++) {
    const scene = generateScene(77, i).scene;
    const p = defaultPair(scene);
    if (p && p.every((t) => isValid(scene.tracks, t, 10) && isValid(scene.tracks, t, 90))) scenes.push(scene);
  }
  pairs = scenes.map((s) => defaultPair(s)!);
});

/** World points at steps 15..90 of an 80-point scene-relative future (x, y interleaved). */
function worldPoints(scene: Scene, f: Float32Array): { x: number[]; y: number[] } {
  const k16 = Array.from({ length: 16 }, (_, k) => 5 * (k + 1) - 1);
  return {
    x: k16.map((k) => f[2 * k]! + scene.origin[0]),
    y: k16.map((k) => f[2 * k + 1]! + scene.origin[1]),
  };
}

/** A track's real world position at a step, moved by (dx, dy) per submitted point: 16 points. */
function from(scene: Scene, track: number, dx: number, dy: number, n = 16) {
  const [x, y] = trackXY(scene.tracks, track, 10);
  return line(x + scene.origin[0], y + scene.origin[1], dx, dy, n);
}

async function records(bytes: Uint8Array): Promise<Map<string, ScenarioPredictionsRecord>> {
  const sub = await openSubmission(memorySource(bytes, 'sub.bin'));
  const out = new Map<string, ScenarioPredictionsRecord>();
  for (const id of sub.ids) out.set(id, (await sub.get(id))!);
  return out;
}

describe('matchScenePredictions', () => {
  it("reproduces constant velocity's minFDE at 8 s from its predictions written as a submission", async () => {
    const reqs = scenes.map((scene, k) => ({ scene, a: pairs[k]![0], b: pairs[k]![1], t: 10 }));
    const cv = await predictPairs('constant_velocity', null, reqs, { samplesPerMode: 1 });
    const entries = cv.map((r, k) => {
      const s = r.modes[0]!.samples[0]!;
      const ids = scenes[k]!.tracks.ids;
      return jointEntry(scenes[k]!.id, [
        {
          confidence: 1,
          objects: [
            { id: ids[r.a]!, ...worldPoints(scenes[k]!, s.a) },
            { id: ids[r.b]!, ...worldPoints(scenes[k]!, s.b) },
          ],
        },
      ]);
    });
    const recs = await records(encodeSubmission({ submissionType: 2, scenarioPredictions: entries }));
    let worst = 0;
    scenes.forEach((scene, k) => {
      const m = matchScenePredictions(scene, pairs[k]!, recs.get(scene.id)!, 'sub.bin');
      expect(m.errors).toEqual([]);
      const r = m.result!;
      expect([r.a, r.b, r.t]).toEqual([pairs[k]![0], pairs[k]![1], 10]);
      const truth = sceneTruth(scene, r.a, r.b, 10);
      const ours = minDisplacement([jointTrajectory(r.modes[0]!.samples[0]!)], truth, H8)!.minFDE;
      const theirs = cv[k]!.modes[0]!.samples[0]!;
      // the file holds float32 WORLD coordinates: the same rounding applied to cv's points gives the same figure exactly
      const round = (f: Float32Array, o: number[]) => f.map((v, i) => Math.fround(v + o[i % 2]!) - o[i % 2]!);
      const rounded = { a: round(theirs.a, scene.origin), b: round(theirs.b, scene.origin) };
      expect(ours).toBe(minDisplacement([jointTrajectory(rounded)], truth, H8)!.minFDE);
      const cvFde = minDisplacement([jointTrajectory(theirs)], truth, H8)!.minFDE;
      worst = Math.max(worst, Math.abs(ours - cvFde));
      expect(scoreSubmissionPair(scene, r).minFDE[2]).toBe(ours);
    });
    // float32 at |x| < 16384 m rounds by at most 2^-11 m per coordinate
    expect(worst).toBeLessThan(2 ** -11 * Math.SQRT2);
  });

  it('puts the submitted points at steps 15..90 and a straight line from the real step 10 before them', async () => {
    const scene = scenes[0]!;
    const [a, b] = pairs[0]!;
    const ids = scene.tracks.ids;
    const pa = from(scene, a, 2.5, -1);
    const pb = from(scene, b, 0, 1.5);
    const recs = await records(
      encodeSubmission({
        scenarioPredictions: [
          jointEntry(scene.id, [
            {
              confidence: 0,
              objects: [
                { id: ids[a]!, ...pa },
                { id: ids[b]!, ...pb },
              ],
            },
          ]),
        ],
      }),
    );
    const r = matchScenePredictions(scene, [a, b], recs.get(scene.id)!, 'f').result!;
    const s = r.modes[0]!.samples[0]!;
    for (let k = 0; k < 16; k++) {
      const i = 5 * (k + 1) - 1;
      expect(s.a[2 * i]).toBe(Math.fround(pa.x[k]! - scene.origin[0]));
      expect(s.b[2 * i + 1]).toBe(Math.fround(pb.y[k]! - scene.origin[1]));
    }
    const [x10, y10] = trackXY(scene.tracks, a, 10);
    for (let j = 1; j <= 4; j++) {
      expect(s.a[2 * (j - 1)]).toBeCloseTo(x10 + ((pa.x[0]! - scene.origin[0] - x10) * j) / 5, 3);
      expect(s.a[2 * (j - 1) + 1]).toBeCloseTo(y10 + ((pa.y[0]! - scene.origin[1] - y10) * j) / 5, 3);
    }
    // between two submitted points: step 17 (index 6) is 2/5 of the way from step 15 to step 20
    expect(s.a[2 * 6]).toBeCloseTo(pa.x[0]! - scene.origin[0] + (2 / 5) * (pa.x[1]! - pa.x[0]!), 3);
    expect(r.modes[0]!.probability).toBe(1); // all confidences 0: uniform
    expect(r.modes[0]!.label).toBe(LABEL_NAMES[labelFuture(scene, a, b, 10, s.a, s.b).label]);
    expect(r.label).toBe(labelPair(scene, a, b).label);
    expect(r.labelName).toBe(LABEL_NAMES[r.label]);
  });

  it('names every error of a joint submission and drops only what it must', async () => {
    const scene = scenes[1]!;
    const [a, b] = pairs[1]!;
    const ids = scene.tracks.ids;
    const c = [...ids.keys()].find((i) => i !== a && i !== b)!;
    const A = (dx = 1) => ({ id: ids[a]!, ...from(scene, a, dx, 0) });
    const B = (dy = 1) => ({ id: ids[b]!, ...from(scene, b, 0, dy) });
    const nan = from(scene, b, 0, 1);
    nan.y[7] = NaN;
    const preds = [
      { confidence: 0.5, objects: [A(1), B(1)] },
      { confidence: 0.2, objects: [A(2), B(2), { id: 999999, ...line(0, 0, 1, 1) }] },
      { confidence: 0.9, objects: [{ id: ids[a]!, ...from(scene, a, 1, 0, 15) }, B()] },
      { confidence: 0.9, objects: [A(), { id: ids[b]!, ...nan }] },
      { confidence: -1, objects: [A(3), B(3)] },
      { confidence: 0.9, objects: [A(), { id: ids[c]!, ...from(scene, c, 1, 1) }] },
      { confidence: 0.9, objects: [A(4), B(4)] },
      { confidence: 0.9, objects: [A(5), B(5)] },
    ];
    const recs = await records(encodeSubmission({ scenarioPredictions: [jointEntry(scene.id, preds)] }));
    const m = matchScenePredictions(scene, [a, b], recs.get(scene.id)!, 'sub.bin');
    expect(m.errors.map((e) => [e.kind, e.field])).toEqual([
      ['too-many-predictions', 'joint_prediction.joint_trajectories'],
      ['object-not-in-scene', 'joint_prediction.joint_trajectories[1].trajectories[2] (object 999999)'],
      ['not-the-pair', 'joint_prediction.joint_trajectories[1]'],
      ['point-count', `joint_prediction.joint_trajectories[2].trajectories[0] (object ${ids[a]})`],
      [
        'non-finite-point',
        `joint_prediction.joint_trajectories[3].trajectories[1] (object ${ids[b]}).point[7]`,
      ],
      ['bad-confidence', 'joint_prediction.joint_trajectories[4].confidence'],
      ['not-the-pair', 'joint_prediction.joint_trajectories[5]'],
    ]);
    expect(m.errors[0]!.message).toBe(
      `sub.bin: scenario ${scene.id}: joint_prediction.joint_trajectories: 8 joint predictions, at most 6 count: the last 2 are dropped`,
    );
    expect(m.errors[6]!.message).toMatch(/predicts objects \[\d+, \d+\], the pair is \d+ and \d+: dropped$/);
    const r = m.result!;
    expect(r.modes.map((md) => md.source)).toEqual([{ joint: 0 }, { joint: 1 }, { joint: 4 }]);
    expect(r.modes.map((md) => md.confidence)).toEqual([Math.fround(0.5), Math.fround(0.2), 0]);
    expect(r.prior[0]).toBeCloseTo(0.5 / 0.7, 6);
    expect(r.prior[1]).toBeCloseTo(0.2 / 0.7, 6);
    expect(r.prior[2]).toBe(0);
    expect(m.marginals.map((g) => [g.track, g.trajectories.length])).toEqual([
      [a, 3],
      [b, 3],
    ]);
  });

  it('offers the pair the submission predicts when it is not the pair shown', async () => {
    const scene = scenes[2]!;
    const [a] = pairs[2]!;
    const ids = scene.tracks.ids;
    const c = [...ids.keys()].find((i) => !pairs[2]!.includes(i))!;
    const entry = jointEntry(scene.id, [
      {
        confidence: 1,
        objects: [
          { id: ids[a]!, ...from(scene, a, 1, 0) },
          { id: ids[c]!, ...from(scene, c, 0, 1) },
        ],
      },
    ]);
    const rec = (await records(encodeSubmission({ scenarioPredictions: [entry] }))).get(scene.id)!;
    const m = matchScenePredictions(scene, pairs[2]!, rec, 'f');
    expect(m.result).toBeNull();
    expect(m.predictedPair).toEqual([a, c]);
    expect(m.errors.map((e) => e.kind)).toEqual(['pair-not-predicted']);
    expect(m.errors[0]!.message).toContain(`predicts objects ${ids[a]} and ${ids[c]}, not the pair shown`);
    const switched = matchScenePredictions(scene, [a, c], rec, 'f');
    expect(switched.errors).toEqual([]);
    expect([switched.result!.a, switched.result!.b]).toEqual([a, c]);
    const none = matchScenePredictions(scene, null, rec, 'f');
    expect(none.pair).toEqual([a, c]);
    expect(none.result!.modes).toHaveLength(1);
  });

  it('builds joint modes from motion marginals: the 6 most probable products, renormalised', async () => {
    const scene = scenes[3]!;
    const [a, b] = pairs[3]!;
    const ids = scene.tracks.ids;
    const entry = singleEntry(scene.id, [
      {
        id: ids[a]!,
        trajectories: [5, 3, 1.5, 0.5].map((c, i) => ({ confidence: c, ...from(scene, a, i, 0) })),
      },
      { id: 424242, trajectories: [{ confidence: 1, ...line(0, 0, 1, 1) }] },
      { id: ids[b]!, trajectories: [1, 4].map((c, i) => ({ confidence: c, ...from(scene, b, 0, i) })) },
    ]);
    const rec = (await records(encodeSubmission({ submissionType: 1, scenarioPredictions: [entry] }))).get(
      scene.id,
    )!;
    const m = matchScenePredictions(scene, [a, b], rec, 'f');
    expect(m.kind).toBe('single');
    expect(m.errors.map((e) => [e.kind, e.field])).toEqual([
      ['object-not-in-scene', 'single_predictions.predictions[1] (object 424242)'],
    ]);
    const [ma, mb] = m.marginals;
    expect(ma!.trajectories.map((t) => t.probability)).toEqual([0.5, 0.3, 0.15, 0.05]);
    expect(mb!.trajectories.map((t) => [t.index, t.probability])).toEqual([
      [1, 0.8],
      [0, 0.2],
    ]);
    const r = m.result!;
    expect(r.from).toBe('marginals');
    expect(r.modes.map((md) => md.source)).toEqual([
      { a: 0, b: 1 },
      { a: 1, b: 1 },
      { a: 2, b: 1 },
      { a: 0, b: 0 },
      { a: 1, b: 0 },
      { a: 3, b: 1 },
    ]);
    const kept = [0.4, 0.24, 0.12, 0.1, 0.06, 0.04];
    const sum = kept.reduce((s, v) => s + v, 0);
    r.modes.forEach((md, i) => {
      expect(md.confidence).toBeCloseTo(kept[i]!, 12);
      expect(md.probability).toBeCloseTo(kept[i]! / sum, 12);
    });
    for (const g of m.marginals) expect(scoreMarginal(scene, g).minFDE[2]).toBeGreaterThanOrEqual(0);
    // the pair shown lacks an agent: no joint view, the marginals stay
    const other = matchScenePredictions(
      scene,
      [a, [...ids.keys()].find((i) => i !== a && i !== b)!],
      rec,
      'f',
    );
    expect(other.result).toBeNull();
    expect(other.marginals).toHaveLength(2);
    expect(other.errors.map((e) => e.kind)).toEqual(['object-not-in-scene', 'pair-not-predicted']);
  });
});

describe('scoreSubmissionPair and summarizeSubmission', () => {
  it('scores the real future as a hit with the real label on top', async () => {
    const entries = scenes.map((scene, k) => {
      const [a, b] = pairs[k]!;
      const real = (t: number) => {
        const f = new Float32Array(160);
        for (let i = 0; i < 80; i++) [f[2 * i], f[2 * i + 1]] = trackXY(scene.tracks, t, 11 + i);
        return worldPoints(scene, f);
      };
      return jointEntry(scene.id, [
        {
          confidence: 0.9,
          objects: [
            { id: scene.tracks.ids[a]!, ...real(a) },
            { id: scene.tracks.ids[b]!, ...real(b) },
          ],
        },
        {
          confidence: 0.1,
          objects: [
            { id: scene.tracks.ids[a]!, ...from(scene, a, 0, 0) },
            { id: scene.tracks.ids[b]!, ...from(scene, b, 0, 0) },
          ],
        },
      ]);
    });
    const recs = await records(encodeSubmission({ scenarioPredictions: entries }));
    scenes.forEach((scene, k) => {
      const r = matchScenePredictions(scene, pairs[k]!, recs.get(scene.id)!, 'f').result!;
      const s = scoreSubmissionPair(scene, r);
      expect(s.minFDE[2]).toBeLessThan(1e-3);
      expect(s.miss).toEqual([false, false, false]);
      expect(s.topHasLabel).toBe(true);
      expect(s.anyHasLabel).toBe(true);
      expect(s.mAP).toEqual([1, 1, 1]);
      expect(s.overlapByMode).toHaveLength(2);
    });
  });

  it('counts scenes with predictions, unknown scenarios and errors by kind', async () => {
    const scene = scenes[0]!;
    const rec: ScenarioPredictionsRecord = {
      scenarioId: scene.id,
      joint: [{ confidence: 1, trajectories: [] }],
      single: null,
    };
    const m = matchScenePredictions(scene, pairs[0]!, rec, 'f');
    const s = summarizeSubmission('f', ['x1', scene.id, 'x2'], [scene.id, 'other'], m.errors);
    expect([s.scenes, s.scenesWithPredictions, s.scenesWithout, s.unknownScenarios]).toEqual([
      2,
      1,
      ['other'],
      ['x1', 'x2'],
    ]);
    expect(s.errorsByKind).toEqual({ 'unknown-scenario': 2, 'no-predictions': 1, 'pair-not-predicted': 1 });
    expect(s.errors.map((e) => e.message)).toEqual([
      'f: file: scenario_id: 2 of 3 submission scenarios match no open scene (x1, x2)',
      'f: file: scenario_predictions: 1 of 2 open scenes have no predictions (other)',
    ]);
  });
});
