// Model samples from every WOMD shard in a folder (Node): scenes decoded one at a time, records
// that cannot be read are reported and skipped, never fatal.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { ScenarioFile } from '../../waymo/file';
import { nodeFileSource } from '../../waymo/node-file';
import { sceneSamples } from '../../model/dataset';
import type { Sample } from '../../model/features';
import type { Scene } from '../../scene/scene';
import { scenesOf } from './scene-files';

export interface LoadedSamples {
  samples: Sample[];
  scenes: number;
  problems: string[];
}

export function shardPaths(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.tfrecord/.test(f) && !f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Samples of up to `maxScenes` scenes from the shards in `dir` (or the files given). */
export async function loadSamples(
  dirOrFiles: string | string[],
  maxScenes: number,
  cfg: { extraSteps: number; maxExtraStep: number; seed: number },
  keepScenes = false,
): Promise<LoadedSamples & { sceneList: Scene[] }> {
  const files = typeof dirOrFiles === 'string' ? shardPaths(dirOrFiles) : dirOrFiles;
  const out: LoadedSamples & { sceneList: Scene[] } = { samples: [], scenes: 0, problems: [], sceneList: [] };
  const bar = new SingleBar({ format: 'features [{bar}] {value} scenes | {file}' }, Presets.shades_classic);
  bar.start(Number.isFinite(maxScenes) ? maxScenes : 0, 0, { file: '' });
  for (const path of files) {
    if (out.scenes >= maxScenes) break;
    const source = await nodeFileSource(path);
    const file = await ScenarioFile.open(source);
    out.problems.push(...file.problems.map((e) => e.message));
    for (let k = 0; k < file.count && out.scenes < maxScenes; k++) {
      try {
        const scene = await file.scene(k);
        const samples = sceneSamples(scene, cfg.extraSteps, cfg.maxExtraStep, cfg.seed, out.scenes);
        out.samples.push(...samples);
        if (keepScenes) out.sceneList.push(scene);
        out.scenes++;
      } catch (e) {
        out.problems.push(e instanceof Error ? e.message : String(e));
      }
      bar.update(out.scenes, { file: path });
    }
    await source.close?.();
  }
  bar.stop();
  return out;
}

/**
 * Up to `maxScenes` scenes from the shards in `dir` (or the files and folders given, any format);
 * unreadable files and records are listed in `problems`.
 */
export async function loadScenes(
  dirOrFiles: string | string[],
  maxScenes: number,
): Promise<{ scenes: Scene[]; problems: string[] }> {
  const paths = typeof dirOrFiles === 'string' ? shardPaths(dirOrFiles) : dirOrFiles;
  const out: { scenes: Scene[]; problems: string[] } = { scenes: [], problems: [] };
  for await (const { scene } of scenesOf(paths, (p) => out.problems.push(p))) {
    if (out.scenes.length >= maxScenes) break;
    out.scenes.push(scene);
  }
  return out;
}
