// Pseudo label speed: labels for every scene of a 500-scene file once decoded (target: well under
// a second), against a same-run baseline of one plain pass over every track state of the same
// scenes; the interaction graph of every scene too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interactionGraph, labelScene } from '../../labels';
import { F, S_VALID, S_X, type Scene } from '../../scene/scene';
import { generateScene } from '../../synth';
import { encodeScene, ScenarioFile } from '../../waymo';
import { nodeFileSource, writeRecordFile } from '../../waymo/node-file';
import { fmt, median, timeRuns } from '../lib/timing';

const N = 500;

/** The baseline: touch every state once (what any per-scene pass over the trajectories costs). */
function plainPass(scenes: Scene[]): number {
  let acc = 0;
  for (const s of scenes) {
    const st = s.tracks.state;
    for (let o = 0; o < st.length; o += F) if (st[o + S_VALID] !== 0) acc += st[o + S_X]!;
  }
  return acc;
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-labels-'));
  try {
    const path = join(dir, 'labels.tfrecord');
    const payloads: Uint8Array[] = [];
    for (let i = 0; i < N; i++) payloads.push(encodeScene(generateScene(99, i).scene));
    await writeRecordFile(path, payloads);
    const file = await ScenarioFile.open(await nodeFileSource(path));
    const t0 = performance.now();
    const scenes: Scene[] = [];
    for await (const { scene } of file.scenes()) if (scene) scenes.push(scene);
    const decodeMs = performance.now() - t0;
    await file.close();
    const tracks = scenes.reduce((a, s) => a + s.tracks.count, 0);
    let sink = 0;
    const base = median(await timeRuns(() => (sink += plainPass(scenes)), 9));
    const labels = median(
      await timeRuns(() => {
        for (const s of scenes) sink += labelScene(s)?.label ?? 0;
      }, 9),
    );
    const graphs = median(
      await timeRuns(() => {
        for (const s of scenes) sink += interactionGraph(s).edges.length;
      }, 5),
    );
    console.log(
      `labels: ${scenes.length} scenes (${fmt(tracks / scenes.length, 1)} tracks/scene) labelled in ${fmt(labels)} ms = ` +
        `${fmt(scenes.length / (labels / 1000), 0)} scenes/s (target: the file well under 1000 ms); decoding them took ${fmt(decodeMs, 0)} ms`,
    );
    console.log(
      `baseline: plain pass over all states ${fmt(base)} ms (${fmt(scenes.length / (base / 1000), 0)} scenes/s); ` +
        `labels / plain pass time ratio ${fmt(labels / base, 1)}`,
    );
    console.log(
      `interaction graph (pair + up to 6 nearest agents): ${fmt(graphs)} ms for the file = ` +
        `${fmt(scenes.length / (graphs / 1000), 0)} scenes/s; labels share of decode time ${fmt((100 * labels) / decodeMs, 1)}%` +
        (sink === Infinity ? '' : ''),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
