// Synthetic scenes (issue 3): physical plausibility, both pass orders in every layout, the WOMD
// shape and the contract other modules rely on, deterministic shards that `npm run inspect`
// reads, and the bundled demo set. SYNTH_CHECK_SCENES (default 1000, about 20 s here) and
// SYNTH_ORDER_SCENES (default 70 per layout) change the counts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interactingPair, isValid, MapKind, type Scene } from '../../src/scene/scene';
import { BOUNDS, checkScene, type CheckStats } from '../../src/synth/checks';
import { generateScene, generateSceneDetailed, LAYOUTS, type SynthTruth } from '../../src/synth';
import { writeSynthShards } from '../../src/synth/node-write';
import { decodeScenario, encodeScene, ScenarioFile } from '../../src/waymo';
import { nodeFileSource } from '../../src/waymo/node-file';

const CHECK_SCENES = Number(process.env.SYNTH_CHECK_SCENES ?? 1000);
const ORDER_SCENES = Number(process.env.SYNTH_ORDER_SCENES ?? 70);
const SEED = 20260;
const ROOT = join(import.meta.dirname, '../..');

describe('synthetic scenes', () => {
  it(`are physically plausible over ${CHECK_SCENES} scenes (after a WOMD write and read)`, () => {
    const worst: CheckStats = {
      maxSpeed: 0,
      maxAccel: 0,
      maxYawRate: 0,
      maxJerk: 0,
      maxHeadingErr: 0,
      minEdgeMargin: Infinity,
      overlaps: 0,
    };
    const bad: string[] = [];
    let attempts = 0;
    let bytes = 0;
    const jerks: number[] = [];
    for (let i = 0; i < CHECK_SCENES; i++) {
      const d = generateSceneDetailed(SEED, i);
      attempts += d.attempts;
      const payload = encodeScene(d.scene);
      bytes += payload.length;
      const { violations, stats } = checkScene(decodeScenario(payload));
      if (violations.length > 0) bad.push(`${d.scene.id}: ${violations.slice(0, 3).join('; ')}`);
      worst.maxSpeed = Math.max(worst.maxSpeed, stats.maxSpeed);
      worst.maxAccel = Math.max(worst.maxAccel, stats.maxAccel);
      worst.maxYawRate = Math.max(worst.maxYawRate, stats.maxYawRate);
      worst.maxJerk = Math.max(worst.maxJerk, stats.maxJerk);
      jerks.push(stats.maxJerk);
      worst.maxHeadingErr = Math.max(worst.maxHeadingErr, stats.maxHeadingErr);
      worst.minEdgeMargin = Math.min(worst.minEdgeMargin, stats.minEdgeMargin);
      worst.overlaps += stats.overlaps;
    }
    console.log(
      `plausibility over ${CHECK_SCENES} scenes: bounds ${JSON.stringify(BOUNDS)}\n` +
        `measured: max speed ${worst.maxSpeed.toFixed(2)} m/s, max |accel| ${worst.maxAccel.toFixed(2)} m/s^2, ` +
        `max yaw rate ${worst.maxYawRate.toFixed(3)} rad/s, max longitudinal jerk ${worst.maxJerk.toFixed(1)} m/s^3 ` +
        `(median of per-scene max ${jerks.sort((x, y) => x - y)[jerks.length >> 1]!.toFixed(1)}), ` +
        `max heading-vs-velocity ${worst.maxHeadingErr.toFixed(4)} rad, ` +
        `min vehicle edge margin ${worst.minEdgeMargin.toFixed(2)} m, overlapping box pairs ${worst.overlaps}; ` +
        `${(attempts / CHECK_SCENES).toFixed(2)} attempts/scene, ${(bytes / CHECK_SCENES / 1e3).toFixed(0)} KB/scene`,
    );
    expect(bad).toEqual([]);
  });

  it('have the WOMD shape and the contract fields', () => {
    let appear = 0;
    let leave = 0;
    for (let i = 0; i < 60; i++) {
      const { scene, truth } = generateScene(SEED, i);
      expect(scene.id).toBe(`synth-${SEED}-${i}`);
      expect(truth.id).toBe(scene.id);
      expect(scene.timestamps.length).toBe(91);
      expect(scene.timestamps[90]).toBeCloseTo(9, 6);
      expect(scene.currentIndex).toBe(10);
      expect(Math.max(Math.abs(scene.origin[0]), Math.abs(scene.origin[1]))).toBeGreaterThan(500);
      expect(new Set(scene.tracks.ids).size).toBe(scene.tracks.count);
      expect(scene.tracks.count).toBeGreaterThanOrEqual(2);
      const pair = interactingPair(scene)!;
      expect(Array.from(scene.objectsOfInterest)).toEqual([
        scene.tracks.ids[pair[0]],
        scene.tracks.ids[pair[1]],
      ]);
      expect(Array.from(scene.tracksToPredict.trackIndex.slice(0, 2))).toEqual(pair);
      for (const k of scene.tracksToPredict.trackIndex) expect(isValid(scene.tracks, k, 10)).toBe(true);
      expect(isValid(scene.tracks, scene.sdc, 10)).toBe(true);
      for (let k = 0; k < scene.tracks.count; k++) {
        if (!isValid(scene.tracks, k, 0) && isValid(scene.tracks, k, 90)) appear++;
        if (isValid(scene.tracks, k, 0) && !isValid(scene.tracks, k, 90)) leave++;
      }
      const kinds = new Set(scene.map.kinds);
      expect(kinds.has(MapKind.Lane) && kinds.has(MapKind.RoadEdge) && kinds.has(MapKind.RoadLine)).toBe(
        true,
      );
      if (truth.layout === 'signalized_4way')
        expect(scene.signals.starts[1]! - scene.signals.starts[0]!).toBeGreaterThan(0);
      if (truth.layout === 'all_way_stop') expect(kinds.has(MapKind.StopSign)).toBe(true);
      if (truth.layout === 'midblock_crosswalk') expect(kinds.has(MapKind.Crosswalk)).toBe(true);
    }
    expect(appear).toBeGreaterThan(0);
    expect(leave).toBeGreaterThan(0);
  });

  it('write a truth that agrees with the trajectories', () => {
    for (let i = 0; i < 120; i++) {
      const { truth } = generateScene(SEED + 1, i);
      if (!truth.interactive) {
        expect(truth.first).toBeNull();
        expect(truth.yielder).toBeNull();
        continue;
      }
      expect(truth.conflict).not.toBeNull();
      const tFirst = truth.first === 'A' ? truth.tA : truth.tB;
      const tSecond = truth.first === 'A' ? truth.tB : truth.tA;
      expect(tFirst).not.toBeNull();
      if (tSecond !== null) expect(tFirst!).toBeLessThan(tSecond);
      if (truth.yielder) expect(truth.yielder).not.toBe(truth.first);
    }
  });

  it(`show both pass orders in every layout at 20-80% (${ORDER_SCENES} interactive set-ups each)`, () => {
    const rows: string[] = [];
    const rates: { layout: string; interacting: number; aFirst: number; rowFirst: number }[] = [];
    for (const layout of LAYOUTS) {
      const ts: SynthTruth[] = [];
      for (let i = 0; i < ORDER_SCENES; i++)
        ts.push(generateScene(SEED + 2, i, { layouts: [layout], interactiveShare: 1 }).truth);
      const inter = ts.filter((t) => t.interactive);
      const aFirst = inter.filter((t) => t.first === 'A').length / inter.length;
      const withRow = inter.filter((t) => t.rightOfWay);
      const rowFirst = withRow.length
        ? withRow.filter((t) => t.rightOfWay === t.first).length / withRow.length
        : NaN;
      const yielded = inter.filter((t) => t.yielder).length / inter.length;
      rates.push({ layout, interacting: inter.length, aFirst, rowFirst });
      rows.push(
        `${layout.padEnd(20)} interacting ${inter.length}/${ts.length}, A first ${(aFirst * 100).toFixed(0)}%, ` +
          `B first ${((1 - aFirst) * 100).toFixed(0)}%, right-of-way holder first ${withRow.length ? `${(rowFirst * 100).toFixed(0)}%` : 'n/a (stop order)'}, ` +
          `a yielder ${(yielded * 100).toFixed(0)}%`,
      );
    }
    console.log(`pass orders:\n${rows.join('\n')}`);
    for (const r of rates) {
      expect(r.interacting, r.layout).toBeGreaterThan(ORDER_SCENES / 2);
      expect(r.aFirst, r.layout).toBeGreaterThanOrEqual(0.2);
      expect(r.aFirst, r.layout).toBeLessThanOrEqual(0.8);
      if (!Number.isNaN(r.rowFirst)) {
        expect(r.rowFirst, r.layout).toBeGreaterThanOrEqual(0.2);
        expect(r.rowFirst, r.layout).toBeLessThanOrEqual(0.8);
      }
    }
  });

  it('write deterministic WOMD shards with sidecar truth that inspect reads', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'synth-a-')), mkdtempSync(join(tmpdir(), 'synth-b-'))];
    try {
      const runs = [];
      for (const dir of dirs)
        runs.push(await writeSynthShards({ seed: 5, count: 11, dir, name: 'train', shardSize: 4 }));
      expect(runs[0]!.map((s) => s.path.split('/').pop())).toEqual([
        'train.tfrecord-00000-of-00003',
        'train.tfrecord-00001-of-00003',
        'train.tfrecord-00002-of-00003',
      ]);
      for (let k = 0; k < 3; k++) {
        expect(readFileSync(runs[0]![k]!.path).equals(readFileSync(runs[1]![k]!.path))).toBe(true);
        expect(readFileSync(runs[0]![k]!.truthPath).equals(readFileSync(runs[1]![k]!.truthPath))).toBe(true);
        const truth = JSON.parse(readFileSync(runs[0]![k]!.truthPath, 'utf8')) as { scenes: SynthTruth[] };
        const file = await ScenarioFile.open(await nodeFileSource(runs[0]![k]!.path));
        const ids: string[] = [];
        for await (const { scene, error } of file.scenes()) {
          expect(error).toBeUndefined();
          ids.push((scene as Scene).id);
        }
        await file.close();
        expect(truth.scenes.map((t) => t.id)).toEqual(ids);
      }
      execFileSync('npx', ['tsx', 'src/cli/inspect.ts', ...runs[0]!.map((s) => s.path)], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('bundle a demo set covering every layout, both orders and non-interacting pairs', async () => {
    const path = join(ROOT, 'public/demo/demo.tfrecord');
    expect(statSync(path).size).toBeLessThan(20e6);
    const truth = JSON.parse(readFileSync(join(ROOT, 'public/demo/demo.truth.json'), 'utf8')) as {
      scenes: SynthTruth[];
    };
    const file = await ScenarioFile.open(await nodeFileSource(path));
    expect(file.count).toBeGreaterThanOrEqual(30);
    expect(file.count).toBeLessThanOrEqual(50);
    const ids: string[] = [];
    for await (const { scene } of file.scenes()) ids.push(scene!.id);
    await file.close();
    expect(truth.scenes.map((t) => t.id)).toEqual(ids);
    for (const layout of LAYOUTS) {
      const ts = truth.scenes.filter((t) => t.layout === layout);
      expect(ts.some((t) => t.first === 'A')).toBe(true);
      expect(ts.some((t) => t.first === 'B')).toBe(true);
      expect(ts.some((t) => !t.interactive)).toBe(true);
    }
  });
});
