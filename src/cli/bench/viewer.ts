// Viewer: main-thread milliseconds per playback frame for a scene with 128 agents and a full map,
// upload-once (the app) against a naive baseline that rebuilds every layer's data each frame, in
// the same page and run; the time from page load to the first drawn demo scene; and the GPU
// process's CPU time per drawn frame (SwiftShader: the software GPU of a machine without one) with
// the lines simplified (the app: map, trails, predicted paths; SIMPLIFY_M) against every point, on a real WOMD
// scene when ../shared/womd-json is there (copied into the temp build only) and the demo scene. Builds the app
// into a temp dir and drives Chromium (SwiftShader WebGL) through the browser-test harness.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, buildApp } from '../lib/browser';
import { buildScene, type FeatureInput, type SceneInput } from '../../scene/build';
import { LaneType, MapKind, RoadEdgeType, SignalState, STEP_HZ } from '../../scene/scene';
import { decodeJsonScene, encodeRecords, encodeScene } from '../../waymo';
import { fmt, median, quantile } from '../lib/timing';

const FRAMES = 60;

/**
 * A busy WOMD-sized scene: 128 agents over 91 steps on a 6 x 6 street grid, with lanes, every
 * road line type (the broken ones cut into dashes), edges, crosswalks, speed bumps, driveways,
 * stop signs and 24 signals per step. Real WOMD scenes carry a few hundred map polylines.
 */
function benchScene(): Uint8Array {
  const T = 91;
  const OX = 12000;
  const OY = -5000;
  const features: FeatureInput[] = [];
  const id = () => features.length + 1;
  const line = (x0: number, y0: number, x1: number, y1: number, n = 60) =>
    Array.from({ length: n }, (_, k) => ({
      x: OX + x0 + ((x1 - x0) * k) / (n - 1),
      y: OY + y0 + ((y1 - y0) * k) / (n - 1),
    }));
  const SPAN = 300;
  for (let r = 0; r < 6; r++) {
    const c = -SPAN / 2 + r * 60;
    for (let lane = -2; lane <= 2; lane++) {
      if (lane === 0) continue;
      const o = lane * 3.5 - Math.sign(lane) * 1.75;
      features.push({
        id: id(),
        kind: MapKind.Lane,
        subtype: LaneType.SurfaceStreet,
        points: line(-SPAN / 2, c + o, SPAN / 2, c + o),
      });
      features.push({
        id: id(),
        kind: MapKind.Lane,
        subtype: LaneType.SurfaceStreet,
        points: line(c + o, -SPAN / 2, c + o, SPAN / 2),
      });
    }
    for (const [k, o] of [-3.5, 0, 3.5].entries()) {
      const subtype = 1 + ((r * 3 + k) % 8);
      features.push({
        id: id(),
        kind: MapKind.RoadLine,
        subtype,
        points: line(-SPAN / 2, c + o, SPAN / 2, c + o),
      });
      features.push({
        id: id(),
        kind: MapKind.RoadLine,
        subtype,
        points: line(c + o, -SPAN / 2, c + o, SPAN / 2),
      });
    }
    for (const o of [-7.5, 7.5]) {
      const subtype = o < 0 ? RoadEdgeType.Boundary : RoadEdgeType.Median;
      features.push({
        id: id(),
        kind: MapKind.RoadEdge,
        subtype,
        points: line(-SPAN / 2, c + o, SPAN / 2, c + o),
      });
      features.push({
        id: id(),
        kind: MapKind.RoadEdge,
        subtype,
        points: line(c + o, -SPAN / 2, c + o, SPAN / 2),
      });
    }
  }
  const rect = (x: number, y: number, w: number, h: number) =>
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ].map(([a, b]) => ({ x: OX + a!, y: OY + b! }));
  for (let r = 0; r < 6; r++)
    for (let q = 0; q < 6; q++) {
      const cx = -SPAN / 2 + r * 60;
      const cy = -SPAN / 2 + q * 60;
      features.push({ id: id(), kind: MapKind.Crosswalk, points: rect(cx + 9, cy - 7, 3, 14) });
      if ((r + q) % 4 === 0)
        features.push({ id: id(), kind: MapKind.SpeedBump, points: rect(cx + 25, cy - 7, 1, 14) });
      if ((r + q) % 3 === 0)
        features.push({ id: id(), kind: MapKind.Driveway, points: rect(cx + 30, cy + 8, 6, 8) });
      if ((r * q) % 5 === 1)
        features.push({
          id: id(),
          kind: MapKind.StopSign,
          points: [{ x: OX + cx - 9, y: OY + cy - 9 }],
          stopSignLanes: [1],
        });
    }
  const tracks = Array.from({ length: 128 }, (_, i) => {
    const road = -SPAN / 2 + (i % 6) * 60;
    const horizontal = i % 2 === 0;
    const speed = 3 + (i % 9);
    const start = -SPAN / 2 + ((i * 37) % 200);
    return {
      id: 1000 + i,
      type: i % 10 === 0 ? 2 : i % 10 === 1 ? 3 : 1,
      states: Array.from({ length: T }, (_, t) => {
        const s = start + speed * (t / STEP_HZ);
        const wobble = Math.sin(t / 15 + i) * 0.8;
        return {
          x: OX + (horizontal ? s : road + wobble),
          y: OY + (horizontal ? road + wobble : s),
          length: 4.6,
          width: 2,
          height: 1.6,
          heading: horizontal ? 0 : Math.PI / 2,
          vx: horizontal ? speed : 0,
          vy: horizontal ? 0 : speed,
          valid: !(i % 17 === 0 && t < 20),
        };
      }),
    };
  });
  const input: SceneInput = {
    id: 'bench-128',
    timestamps: Array.from({ length: T }, (_, t) => t / STEP_HZ),
    currentIndex: 10,
    sdc: 0,
    objectsOfInterest: [1001, 1002],
    tracksToPredict: [{ trackIndex: 3, difficulty: 1 }],
    tracks,
    features,
    signals: Array.from({ length: T }, (_, t) =>
      Array.from({ length: 24 }, (_, k) => ({
        lane: k,
        state: [SignalState.Stop, SignalState.Caution, SignalState.Go][(k + Math.floor(t / 30)) % 3]!,
        stop: { x: OX - SPAN / 2 + (k % 6) * 60 - 8, y: OY - SPAN / 2 + Math.floor(k / 6) * 60 + 4 },
      })),
    ),
  };
  const scene = buildScene(input);
  console.log(
    `bench scene: ${scene.tracks.count} agents x ${scene.tracks.steps} steps, ${scene.map.count} map features, ` +
      `${scene.map.points.length / 3} map points, 24 signals per step`,
  );
  return encodeScene(scene);
}

/** The real scene for the GPU frame figures: the first of ../shared/womd-json, if it is there. */
const REAL_JSON = join(import.meta.dirname, '../../../../shared/womd-json');

/** CPU seconds (user + system) of Chromium's GPU process so far; null off Linux. */
function gpuProcessCpu(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  let s = 0;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (!readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=gpu-process')) continue;
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      s += (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (100 Hz)
    } catch {
      // the process ended meanwhile
    }
  }
  return s;
}

/** Runs in the page: `frames` frames, each drawn whole (drawNow) and given to the compositor. */
const drawScript = (mode: 'simplified' | 'every-point', frames: number) => `(async () => {
  const m = window.__modescope;
  const own = m.engine.buildLayers;
  if (${JSON.stringify(mode)} === 'every-point') m.engine.buildLayers = (await m.loadNaive()).withUnsimplified(own);
  const t0 = performance.now();
  for (let i = 0; i < ${frames}; i++) {
    m.engine.drawNow('bench');
    await new Promise((r) => requestAnimationFrame(r));
  }
  const ms = (performance.now() - t0) / ${frames};
  m.engine.buildLayers = own;
  return ms;
})()`;

/**
 * GPU-process CPU and wall ms per drawn frame of the scene shown, simplified against every point,
 * alternated over `rounds` rounds of 20 frames after a warm-up of each.
 */
async function gpuFrames(page: import('playwright-core').Page, label: string, rounds = 3) {
  const fig: Record<string, { cpu: number[]; wall: number[] }> = {
    simplified: { cpu: [], wall: [] },
    'every-point': { cpu: [], wall: [] },
  };
  for (let r = -1; r < rounds; r++)
    for (const mode of ['every-point', 'simplified'] as const) {
      const c0 = gpuProcessCpu();
      const wall = (await page.evaluate(drawScript(mode, 20))) as number;
      const c1 = gpuProcessCpu();
      if (r < 0) continue; // warm-up: pipelines, uploads
      fig[mode]!.wall.push(wall);
      if (c0 !== null && c1 !== null) fig[mode]!.cpu.push(((c1 - c0) * 1000) / 20);
    }
  const med = (v: number[]) => median([...v].sort((a, b) => a - b));
  const s = fig.simplified!;
  const e = fig['every-point']!;
  const cpu = s.cpu.length
    ? `GPU process ${fmt(med(s.cpu), 0)} against ${fmt(med(e.cpu), 0)} CPU ms per frame (${fmt(med(s.cpu) / med(e.cpu), 2)}x)`
    : 'GPU process CPU: not measurable here (no /proc)';
  console.log(
    `${label}, lines simplified (the app: map, trails, predicted paths) against every point, ${rounds} x 20 frames each, medians: ${cpu}; ` +
      `wall ${fmt(med(s.wall), 0)} against ${fmt(med(e.wall), 0)} ms per frame (${fmt(med(s.wall) / med(e.wall), 2)}x)`,
  );
}

/** Runs in the page: per-frame main-thread ms of `mode` over `frames` frames of 1x playback at 60 fps. */
const frameScript = (mode: 'upload-once' | 'naive', frames: number) => `(async () => {
  const m = window.__modescope;
  const { naiveLayers } = await m.loadNaive();
  const own = m.engine.buildLayers;
  if (${JSON.stringify(mode)} === 'naive') m.engine.buildLayers = naiveLayers;
  m.store.set({ time: 0, playing: false, loop: true });
  const times = [];
  for (let i = 0; i < ${frames} + 20; i++) {
    const t0 = performance.now();
    m.engine.advance(${STEP_HZ} / 60);
    const t1 = performance.now();
    m.engine.buildLayers(m.store.get()); // timed apart: our JS vs deck's update and draw
    const t2 = performance.now();
    m.engine.drawNow('bench');
    const t3 = performance.now();
    if (i >= 20) times.push([t3 - t0 - (t2 - t1), t1 - t0, t2 - t1]);
    await new Promise((r) => requestAnimationFrame(r));
  }
  m.engine.buildLayers = own;
  return times;
})()`;

export default async function () {
  const dir = mkdtempSync(join(tmpdir(), 'modescope-bench-viewer-'));
  try {
    await buildApp(dir);
    writeFileSync(join(dir, 'bench.tfrecord'), encodeRecords([benchScene()]));
    const realName = existsSync(REAL_JSON)
      ? readdirSync(REAL_JSON)
          .filter((n) => n.endsWith('.json.gz'))
          .sort()[0]
      : undefined;
    if (realName) {
      const scene = decodeJsonScene(
        new Uint8Array(gunzipSync(readFileSync(join(REAL_JSON, realName)))),
        realName,
      );
      writeFileSync(join(dir, 'real.tfrecord'), encodeRecords([encodeScene(scene)]));
    }
    const h = await startHarness();
    try {
      const page = await h.newPage();
      const loads: number[] = [];
      for (let k = 0; k < 3; k++) {
        await page.goto(h.url);
        await page.waitForFunction(
          'window.__modescope && window.__modescope.engine.firstSceneDrawMs !== null',
          null,
          {
            timeout: 60_000,
          },
        );
        loads.push((await page.evaluate('window.__modescope.engine.firstSceneDrawMs')) as number);
      }
      loads.sort((a, b) => a - b);
      console.log(
        `page load to first drawn demo scene: median ${fmt(median(loads), 0)} ms (3 loads: ${loads.map((v) => v.toFixed(0)).join(', ')})`,
      );
      await gpuFrames(page, 'demo scene');
      if (realName) {
        await page.goto(`${h.url}?file=real.tfrecord&backend=wasm`);
        await page.waitForFunction(
          'window.__modescope && window.__modescope.engine.firstSceneDrawMs !== null',
          null,
          {
            timeout: 120_000,
          },
        );
        await gpuFrames(page, `real scene (${realName})`);
      } else console.log('real scene: ../shared/womd-json not found, skipped');

      await page.goto(`${h.url}?file=bench.tfrecord`);
      await page.waitForFunction(
        "window.__modescope && window.__modescope.store.get().scene?.id === 'bench-128'",
        null,
        {
          timeout: 60_000,
        },
      );
      // per frame: [total, advance the time, build the layer stack]; drawNow rebuilds the stack
      // itself, so the timed build is left out of the total
      const runs: number[][][] = [];
      const run = async (mode: 'upload-once' | 'naive') => {
        const r = (await page.evaluate(frameScript(mode, FRAMES))) as number[][];
        runs.push(r);
        return r.map((f) => f[0]!).sort((a, b) => a - b);
      };
      const part = (r: number[][], k: number) => fmt(median(r.map((f) => f[k]!).sort((a, b) => a - b)));
      await run('upload-once'); // warm-up: shader compilation, first uploads
      const ours = await run('upload-once');
      const naive = await run('naive');
      const ours2 = await run('upload-once');
      const all = [...ours, ...ours2].sort((a, b) => a - b);
      const naiveRun = runs[2]!;
      const ourRuns = [...runs[1]!, ...runs[3]!];
      const line = (name: string, v: number[]) =>
        `${name}: median ${fmt(median(v))} ms, p95 ${fmt(quantile(v, 0.95))} ms per frame`;
      console.log(
        `${FRAMES * 2} frames of 1x playback (main thread: advance time + layer stack + deck update and draw)`,
      );
      console.log(line('upload-once (the app)', all));
      console.log(line('naive rebuild-every-frame baseline', naive));
      for (const [name, r] of [
        ['upload-once', ourRuns],
        ['naive', naiveRun],
      ] as const)
        console.log(
          `  ${name} medians: advance ${part(r, 1)} ms, layer stack build ${part(r, 2)} ms, ` +
            `the rest (deck's layer update and WebGL draw calls) ${fmt(median(r.map((f) => f[0]! - f[1]! - f[2]!).sort((a, b) => a - b)))} ms`,
        );
      console.log(
        `naive / upload-once: median ${fmt(median(naive) / median(all), 1)}x, p95 ${fmt(quantile(naive, 0.95) / quantile(all, 0.95), 1)}x; ` +
          `target < 2 ms median: ${median(all) < 2 ? 'met' : 'NOT met'}`,
      );
      await page.close();
    } finally {
      await h.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
