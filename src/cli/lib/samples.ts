// Model samples from every WOMD shard in a folder (Node): scenes decoded one at a time, records
// that cannot be read are reported and skipped, never fatal.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import {
  benchmarkSamples,
  sampleListHash,
  sceneSamples,
  selectRealScenes,
  v2Pairs,
  v2SceneSamples,
  type RealSelection,
  type StepOptions,
  type V2Options,
} from '../../model/dataset';
import { generateScene } from '../../synth';
import { benchmarkPairs, scenarioFold, scenarioSplit } from '../../labels/pairs';
import type { Sample } from '../../model/features';
import type { Scene } from '../../scene/scene';
import { scenesOf } from './scene-files';

/**
 * Called with each scene and the samples just made of it, before they are kept: what a sample needs
 * from its scene beyond the features (the prior-only run's d(x), model/knowledge.ts) is added here.
 */
export type SceneHook = (scene: Scene, samples: Sample[]) => void;

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
  for await (const { path, scene } of scenesOf(files, (p) => out.problems.push(p))) {
    if (out.scenes >= maxScenes) break;
    try {
      out.samples.push(...sceneSamples(scene, cfg.extraSteps, cfg.maxExtraStep, cfg.seed, out.scenes));
      if (keepScenes) out.sceneList.push(scene);
      out.scenes++;
    } catch (e) {
      out.problems.push(e instanceof Error ? e.message : String(e));
    }
    bar.update(out.scenes, { file: path });
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

export interface RealSamples {
  selection: RealSelection;
  /** Scenes read (before the benchmark's whole-future and repeat filters). */
  read: number;
  problems: string[];
  train: { scenes: number; pairs: number; samples: Sample[]; hash: string; ids: string[] };
  /** Held out (validation split, or fold K) at MIN_STEP only: the per-epoch validation loss. */
  heldOut: { scenes: number; pairs: number; samples: Sample[] };
  /** Per training scene: id, split, fold, pairs, samples (the manifest npm run data writes). */
  manifest: { id: string; split: string; fold: number; pairs: number; samples: number }[];
  unused: string[];
  /** Training scenarios the selection's trainScenes subset left out (model/dataset.ts realSubset). */
  notDrawn: string[];
  short: string[];
  duplicates: string[];
}

/**
 * Training samples from real scenes (model/dataset.ts benchmarkSamples over the scenes the
 * selection trains on), and the held-out scenes' samples at MIN_STEP. `npm run data -- --real` and
 * `npm run train -- --data real` both call this, so they cannot disagree.
 */
export async function loadRealSamples(
  dirs: string[],
  selection: RealSelection,
  steps: StepOptions,
  each?: SceneHook,
): Promise<RealSamples> {
  const { scenes, problems } = await loadScenes(dirs, Infinity);
  const sel = selectRealScenes(scenes, selection);
  const manifest: RealSamples['manifest'] = [];
  const trainSamples: Sample[] = [];
  let trainPairs = 0;
  for (const scene of sel.train) {
    const pairs = benchmarkPairs(scene).length;
    const samples = benchmarkSamples(scene, steps);
    each?.(scene, samples);
    trainPairs += pairs;
    trainSamples.push(...samples);
    manifest.push({
      id: scene.id,
      split: scenarioSplit(scene),
      fold: scenarioFold(scene.id),
      pairs,
      samples: samples.length,
    });
  }
  const held = sel.heldOut.map((scene) => {
    const samples = benchmarkSamples(scene, { ...steps, extraSteps: 0 });
    each?.(scene, samples);
    return samples;
  });
  return {
    selection,
    read: scenes.length,
    problems,
    train: {
      scenes: sel.train.length,
      pairs: trainPairs,
      samples: trainSamples,
      hash: sampleListHash(trainSamples),
      ids: sel.train.map((s) => s.id),
    },
    heldOut: {
      scenes: sel.heldOut.length,
      pairs: held.reduce((a, h) => a + h.length, 0),
      samples: held.flat(),
    },
    manifest,
    unused: sel.unused,
    notDrawn: sel.notDrawn,
    short: sel.short,
    duplicates: sel.duplicates,
  };
}

/**
 * `count` synthetic training samples: scenes 0, 1, ... of the synthetic training split's seed (the
 * scenes `npm run data` writes to data/model/train, made here in memory), sampled as loadSamples
 * samples them, until `count` are reached. Deterministic.
 */
export function synthTrainSamples(
  count: number,
  seed: number,
  cfg: { extraSteps: number; maxExtraStep: number; seed: number },
): { samples: Sample[]; scenes: number } {
  const samples: Sample[] = [];
  let i = 0;
  for (; samples.length < count; i++)
    samples.push(
      ...sceneSamples(generateScene(seed, i).scene, cfg.extraSteps, cfg.maxExtraStep, cfg.seed, i),
    );
  return { samples: samples.slice(0, count), scenes: i };
}

export interface V2Samples {
  samples: Sample[];
  scenes: number;
  /** Pairs over the scenes: the designed ones and those the benchmark rule added (dataset.ts v2Pairs). */
  designedPairs: number;
  rulePairs: number;
  hash: string;
}

/**
 * synthetic-v2 samples (model/dataset.ts v2SceneSamples) of synthetic scenes 0..scenes-1 of `seed`
 * (the scenes `npm run data` writes for that split, made here in memory), with a progress bar.
 * Deterministic.
 */
export function synthV2Samples(
  seed: number,
  scenes: number,
  opts: V2Options,
  what = 'v2',
  each?: SceneHook,
): V2Samples {
  const out: V2Samples = { samples: [], scenes, designedPairs: 0, rulePairs: 0, hash: '' };
  const bar = new SingleBar(
    { format: `${what} [{bar}] {value}/{total} scenes | {samples} samples` },
    Presets.shades_classic,
  );
  bar.start(scenes, 0, { samples: 0 });
  for (let i = 0; i < scenes; i++) {
    const { scene } = generateScene(seed, i);
    const pairs = v2Pairs(scene);
    for (const p of pairs) out[p.source === 'designed' ? 'designedPairs' : 'rulePairs']++;
    const samples = v2SceneSamples(scene, opts, pairs);
    each?.(scene, samples);
    out.samples.push(...samples);
    if (i % 50 === 49 || i === scenes - 1) bar.update(i + 1, { samples: out.samples.length });
  }
  bar.stop();
  out.hash = sampleListHash(out.samples);
  return out;
}
