// Training and evaluation samples from scenes: the interacting pair at step 10 (the WOMD prediction
// time) and, for training, at extra steps drawn per scene, so the model predicts from any moment.
// For real scenes (DESIGN.md 6b, docs/real-benchmark.md), every pair the benchmark rule keeps, with
// the scenes chosen by scenario: the WOMD training split, or every fold but one.
import { labelScene } from '../labels';
import { benchmarkPairs, fnv1a, FOLDS, scenarioFold, scenarioSplit } from '../labels/pairs';
import { interactingPair, isValid, type Scene } from '../scene/scene';
import { Rng } from '../util/rng';
import { FEATURES } from './config';
import { buildSample, MIN_STEP, type Sample } from './features';

/**
 * The prediction steps of one sample source: MIN_STEP, then `extra` steps drawn in
 * [MIN_STEP + 1, min(maxStep, steps - 2)] (at least one future step is left). The draws may repeat.
 */
function drawSteps(rng: Rng, extra: number, maxStep: number, steps: number): number[] {
  const out = [MIN_STEP];
  for (let k = 0; k < extra; k++) out.push(rng.int(MIN_STEP + 1, Math.min(maxStep, steps - 2)));
  return out;
}

/** Samples of one scene at step 10 plus `extra` steps drawn in [11, maxStep] (seeded by scene index). */
export function sceneSamples(scene: Scene, extra = 0, maxStep = 60, seed = 0, index = 0): Sample[] {
  const pair = interactingPair(scene);
  if (!pair) return [];
  const label = labelScene(scene)!.label;
  const [a, b] = pair;
  const out: Sample[] = [];
  for (const t of drawSteps(new Rng(seed, index, 91), extra, maxStep, scene.tracks.steps)) {
    if (t >= scene.tracks.steps || !isValid(scene.tracks, a, t) || !isValid(scene.tracks, b, t)) continue;
    out.push(buildSample(scene, a, b, t, label));
  }
  return out;
}

// ---- real scenes: the benchmark's pairs, chosen by scenario ----

/** Steps a scene needs for the real benchmark: the history to MIN_STEP and the whole 8 s future. */
export const BENCHMARK_STEPS = MIN_STEP + 1 + FEATURES.future;
/** Rng salt of the real samples' step draws (sceneSamples uses 91). */
const REAL_STEP_SALT = 92;

export interface StepOptions {
  /** Extra prediction steps per pair besides MIN_STEP (distinct; a repeated draw is dropped). */
  extraSteps: number;
  /** Latest extra step: the future after it is at least steps - 1 - maxExtraStep long. */
  maxExtraStep: number;
  seed: number;
}

/**
 * Samples of every pair the benchmark rule keeps in `scene` (labels/pairs.ts benchmarkPairs, with
 * its pseudo label from the whole trajectories): MIN_STEP and up to `extraSteps` distinct later
 * steps where both agents are valid. The draws are seeded by (seed, scene id, pair), so a pair's
 * samples do not depend on which other scenes are loaded or in what order.
 */
export function benchmarkSamples(scene: Scene, opts: StepOptions): Sample[] {
  const out: Sample[] = [];
  const tr = scene.tracks;
  for (const { a, b, label } of benchmarkPairs(scene)) {
    const rng = new Rng(opts.seed, Number.parseInt(fnv1a(`${scene.id}:${a}:${b}`), 16), REAL_STEP_SALT);
    const steps = [...new Set(drawSteps(rng, opts.extraSteps, opts.maxExtraStep, tr.steps))];
    for (const t of steps)
      if (t < tr.steps && isValid(tr, a, t) && isValid(tr, b, t))
        out.push(buildSample(scene, a, b, t, label));
  }
  return out;
}

/** The benchmark's scenes: whole future (BENCHMARK_STEPS), first of each scenario id, in order. */
export function benchmarkScenes(all: Iterable<Scene>): {
  scenes: Scene[];
  short: string[];
  duplicates: string[];
} {
  const seen = new Set<string>();
  const out = { scenes: [] as Scene[], short: [] as string[], duplicates: [] as string[] };
  for (const s of all) {
    if (s.tracks.steps < BENCHMARK_STEPS) out.short.push(s.id);
    else if (seen.has(s.id)) out.duplicates.push(s.id);
    else {
      seen.add(s.id);
      out.scenes.push(s);
    }
  }
  return out;
}

/**
 * Which real scenarios train and which are held out (docs/real-benchmark.md sections 2 and 3):
 * 'split' trains on the WOMD training split and holds out the validation split (unknown scenarios
 * are in neither); a fold K trains on every scenario whose scenarioFold is not K, whatever its
 * split, and holds out fold K.
 */
export type RealSelection = { kind: 'split' } | { kind: 'fold'; fold: number };

export interface RealScenes {
  train: Scene[];
  heldOut: Scene[];
  /** In neither (split selection: unknown split). */
  unused: string[];
  short: string[];
  duplicates: string[];
}

export function selectRealScenes(all: Iterable<Scene>, sel: RealSelection): RealScenes {
  if (sel.kind === 'fold' && !(Number.isInteger(sel.fold) && sel.fold >= 0 && sel.fold < FOLDS))
    throw new RangeError(`fold ${sel.fold} is not one of 0..${FOLDS - 1}`);
  const { scenes, short, duplicates } = benchmarkScenes(all);
  const out: RealScenes = { train: [], heldOut: [], unused: [], short, duplicates };
  for (const s of scenes) {
    if (sel.kind === 'fold') (scenarioFold(s.id) === sel.fold ? out.heldOut : out.train).push(s);
    else {
      const split = scenarioSplit(s);
      if (split === 'training') out.train.push(s);
      else if (split === 'validation') out.heldOut.push(s);
      else out.unused.push(s.id);
    }
  }
  return out;
}

/** FNV-1a over one line "sceneId:a:b:t:label" per sample: pins a sample list (data vs train). */
export function sampleListHash(samples: readonly Sample[]): string {
  return fnv1a(
    samples
      .map((s) => `${s.frame.scene}:${s.frame.a}:${s.frame.b}:${s.frame.t}:${s.targets.label}\n`)
      .join(''),
  );
}
