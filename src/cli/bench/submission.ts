// Challenge submissions (waymo/submission.ts, metrics/submission.ts): a ~500 MB synthetic
// interaction submission (random but valid: 6 joint predictions of 2 objects x 16 points per
// scenario) written to the temp folder and indexed (time, heap growth) against the baseline of
// reading a file whole with protobufjs's decode of the reference schema
// (test/fixtures/motion_submission.proto, read from disk at run time) in the same run. The whole
// decode of 500 MB would hold millions of objects (GBs of heap), so the ratio is taken on a 50 MB
// file, indexed and decoded whole; the 500 MB index is reported beside it. Then: one lookup
// (read + decode one scenario), and matching one scene (which labels its 6 joint futures) against
// one labelPair of the same scene.
import { closeSync, openSync, readFileSync, rmSync, writeSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import protobuf from 'protobufjs';
import { defaultPair } from '../../labels/pairs';
import { labelPair } from '../../labels';
import { matchScenePredictions } from '../../metrics/submission';
import { trackXY } from '../../scene/scene';
import { generateScene } from '../../synth';
import { Rng } from '../../util/rng';
import { openSubmission, type ScenarioPredictionsRecord } from '../../waymo';
import { nodeFileSource } from '../../waymo/node-file';
import { fmt, median, timeRuns } from '../lib/timing';

const PROTO = join(import.meta.dirname, '../../../test/fixtures/motion_submission.proto');
/** Target sizes: the full file and the one decoded whole for the ratio. */
const BIG_BYTES = 500e6;
const SMALL_BYTES = 50e6;
/** Bytes written per writeSync: few system calls, little memory. */
const FLUSH_BYTES = 8 << 20;
const LOOKUPS = 200;
const MATCH_RUNS = 20;

const Submission = () =>
  protobuf.parse(readFileSync(PROTO, 'utf8')).root.lookupType('waymo.open_dataset.MotionChallengeSubmission');

function memMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

/** Writes a random valid interaction submission of about `bytes` bytes; returns its scenario ids' count. */
function writeSubmission(path: string, bytes: number, seed: number): number {
  const type = Submission();
  const entryType = type.lookupType('ChallengeScenarioPredictions');
  const rng = new Rng(seed, 0, 1);
  const fd = openSync(path, 'w');
  const header = type
    .encode({ submissionType: 2, uniqueMethodName: 'bench', numModelParameters: '1M' })
    .finish();
  writeSync(fd, header);
  let written = header.length;
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let n = 0;
  while (written < bytes) {
    const x0 = 1000 + 8000 * rng.next();
    const y0 = -5000 + 8000 * rng.next();
    const traj = () => ({
      centerX: Array.from({ length: 16 }, (_, k) => x0 + k * (1 + rng.next())),
      centerY: Array.from({ length: 16 }, (_, k) => y0 + k * rng.next()),
    });
    const entry = entryType
      .encode({
        scenarioId: n.toString(16).padStart(16, '0'), // 16 hex digits, like real WOMD ids
        jointPrediction: {
          jointTrajectories: Array.from({ length: 6 }, () => ({
            confidence: rng.next(),
            trajectories: [
              { objectId: 100 + n, trajectory: traj() },
              { objectId: 200 + n, trajectory: traj() },
            ],
          })),
        },
      })
      .finish();
    const framed = protobuf.Writer.create()
      .uint32((1 << 3) | 2)
      .bytes(entry)
      .finish();
    batch.push(framed);
    batchBytes += framed.length;
    written += framed.length;
    n++;
    if (batchBytes >= FLUSH_BYTES) {
      for (const b of batch) writeSync(fd, b);
      batch = [];
      batchBytes = 0;
    }
  }
  for (const b of batch) writeSync(fd, b);
  closeSync(fd);
  return n;
}

async function indexFile(path: string) {
  const m0 = memMB();
  const t0 = performance.now();
  const sub = await openSubmission(await nodeFileSource(path));
  const ms = performance.now() - t0;
  const grew = memMB() - m0;
  return { sub, ms, grew };
}

async function files(dir: string) {
  const big = join(dir, 'big.binproto');
  const small = join(dir, 'small.binproto');
  let t0 = performance.now();
  const nBig = writeSubmission(big, BIG_BYTES, 1);
  const nSmall = writeSubmission(small, SMALL_BYTES, 2);
  console.log(
    `wrote ${nBig} scenarios (${fmt(BIG_BYTES / 1e6, 0)} MB) and ${nSmall} (${fmt(SMALL_BYTES / 1e6, 0)} MB) in ${fmt((performance.now() - t0) / 1000, 1)} s`,
  );

  const s = await indexFile(small);
  const type = Submission();
  const m0 = memMB();
  t0 = performance.now();
  const whole = type.decode(readFileSync(small));
  const decodeMs = performance.now() - t0;
  const decodeGrew = memMB() - m0;
  const decoded = (whole as unknown as { scenarioPredictions: unknown[] }).scenarioPredictions.length;
  console.log(
    `50 MB, ${s.sub.count} scenarios: index ${fmt(s.ms, 0)} ms, memory growth ${fmt(s.grew, 1)} MB (index held)`,
  );
  console.log(
    `baseline: protobufjs decode of the whole file (${decoded} scenarios) ${fmt(decodeMs, 0)} ms, memory growth ${fmt(decodeGrew, 1)} MB (objects held); ` +
      `index / whole decode: time ${fmt(s.ms / decodeMs, 3)}, memory ${fmt(s.grew / decodeGrew, 3)}`,
  );
  await s.sub.close();

  const b = await indexFile(big);
  console.log(
    `500 MB, ${b.sub.count} scenarios: index ${fmt(b.ms, 0)} ms (${fmt(BIG_BYTES / 1e6 / (b.ms / 1000), 0)} MB/s), memory growth ${fmt(b.grew, 1)} MB ` +
      `(${fmt((b.grew * 1e6) / b.sub.count, 0)} bytes per scenario); ratio to the 50 MB index time ${fmt(b.ms / s.ms, 2)} for ${fmt(b.sub.count / s.sub.count, 2)}x the scenarios`,
  );
  const rng = new Rng(3, 0, 1);
  const ids = Array.from({ length: LOOKUPS }, () => b.sub.ids[Math.floor(rng.next() * b.sub.count)]!);
  let k = 0;
  const look = await timeRuns(() => b.sub.get(ids[k++ % LOOKUPS]!), LOOKUPS);
  console.log(`lookup of one scenario (read + decode, random ids): median ${fmt(median(look), 3)} ms`);
  await b.sub.close();
}

/** Matching one scene's 6 joint predictions (6 labelFuture calls) against one labelPair. */
async function matching() {
  const scene = generateScene(77, 0).scene;
  const [a, b] = defaultPair(scene)!;
  const rng = new Rng(4, 0, 1);
  const pts = (track: number) => {
    const [x, y] = trackXY(scene.tracks, track, 10);
    const dx = 2 * rng.next() - 1;
    const dy = 2 * rng.next() - 1;
    return {
      x: Float32Array.from({ length: 16 }, (_, k) => x + scene.origin[0] + 5 * dx * (k + 1)),
      y: Float32Array.from({ length: 16 }, (_, k) => y + scene.origin[1] + 5 * dy * (k + 1)),
    };
  };
  const rec: ScenarioPredictionsRecord = {
    scenarioId: scene.id,
    single: null,
    joint: Array.from({ length: 6 }, () => ({
      confidence: rng.next(),
      trajectories: [
        { objectId: scene.tracks.ids[a]!, ...pts(a) },
        { objectId: scene.tracks.ids[b]!, ...pts(b) },
      ],
    })),
  };
  const m = await timeRuns(() => matchScenePredictions(scene, [a, b], rec, 'bench'), MATCH_RUNS);
  const l = await timeRuns(() => labelPair(scene, a, b), MATCH_RUNS);
  console.log(
    `match one scene (6 joint futures labelled, interpolated): median ${fmt(median(m), 2)} ms; ` +
      `baseline one labelPair ${fmt(median(l), 2)} ms; ratio ${fmt(median(m) / median(l), 2)}`,
  );
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'modescope-bench-'));
  try {
    await files(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await matching();
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('(run with node --expose-gc for exact memory figures)');
}
