// Training and evaluation samples from scenes: the interacting pair at step 10 (the WOMD prediction
// time) and, for training, at extra steps drawn per scene, so the model predicts from any moment.
// For real scenes (DESIGN.md 6b, docs/real-benchmark.md), every pair the benchmark rule keeps, with
// the scenes chosen by scenario: the WOMD training split, or every fold but one.
// "synthetic-v2" training data (issue 14, docs/real-gap.md): per synthetic scene the designed pair
// plus every pair the benchmark rule keeps (v2Pairs), with tracking noise matched to the real
// WOMD histories added to the history inputs only (addTrackingNoise; targets never change). The
// synthetic test set ("synthetic-v1": sceneSamples on the test split) is not touched by either.
import { labelScene, type LabelIndex } from '../labels';
import { benchmarkPairs, fnv1a, FOLDS, scenarioFold, scenarioSplit } from '../labels/pairs';
import { interactingPair, isValid, type Scene } from '../scene/scene';
import { Rng } from '../util/rng';
import { FEATURES } from './config';
import { AGENT_DIM, AGENTS, buildSample, MIN_STEP, STEP_DIM, type Sample } from './features';

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
  return pairSamples(scene, benchmarkPairs(scene), opts, REAL_STEP_SALT);
}

/**
 * Samples of each labelled pair at MIN_STEP and up to `extraSteps` distinct later steps where both
 * agents are valid, the draws seeded by (seed, scene id, pair, `salt`); `each` may change a sample
 * (synthetic-v2's noise). The one step rule of the real and the synthetic-v2 samples.
 */
function pairSamples(
  scene: Scene,
  pairs: readonly { a: number; b: number; label: LabelIndex }[],
  opts: StepOptions,
  salt: number,
  each: (s: Sample, a: number, b: number, t: number) => Sample = (s) => s,
): Sample[] {
  const out: Sample[] = [];
  const tr = scene.tracks;
  for (const { a, b, label } of pairs) {
    const rng = new Rng(opts.seed, Number.parseInt(fnv1a(`${scene.id}:${a}:${b}`), 16), salt);
    const steps = [...new Set(drawSteps(rng, opts.extraSteps, opts.maxExtraStep, tr.steps))];
    for (const t of steps)
      if (t < tr.steps && isValid(tr, a, t) && isValid(tr, b, t))
        out.push(each(buildSample(scene, a, b, t, label), a, b, t));
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
 * split, and holds out fold K. With `trainScenes` N (`npm run train -- --real-scenes N`, the learning
 * curve of docs/real-gap.md) only N of those training scenarios train, drawn by realSubset; the
 * held-out scenarios are the same as without it.
 */
export type RealSelection = ({ kind: 'split' } | { kind: 'fold'; fold: number }) & { trainScenes?: number };

export interface RealScenes {
  train: Scene[];
  heldOut: Scene[];
  /** In neither (split selection: unknown split). */
  unused: string[];
  /** Training scenarios realSubset did not draw (`trainScenes`); in neither. */
  notDrawn: string[];
  short: string[];
  duplicates: string[];
}

export function selectRealScenes(all: Iterable<Scene>, sel: RealSelection): RealScenes {
  if (sel.kind === 'fold' && !(Number.isInteger(sel.fold) && sel.fold >= 0 && sel.fold < FOLDS))
    throw new RangeError(`fold ${sel.fold} is not one of 0..${FOLDS - 1}`);
  const { scenes, short, duplicates } = benchmarkScenes(all);
  const out: RealScenes = { train: [], heldOut: [], unused: [], notDrawn: [], short, duplicates };
  for (const s of scenes) {
    if (sel.kind === 'fold') (scenarioFold(s.id) === sel.fold ? out.heldOut : out.train).push(s);
    else {
      const split = scenarioSplit(s);
      if (split === 'training') out.train.push(s);
      else if (split === 'validation') out.heldOut.push(s);
      else out.unused.push(s.id);
    }
  }
  if (sel.trainScenes !== undefined) {
    const drawn = new Set(realSubset(out.train, sel.trainScenes));
    out.notDrawn = out.train.filter((s) => !drawn.has(s)).map((s) => s.id);
    out.train = out.train.filter((s) => drawn.has(s));
  }
  return out;
}

/** Seed of realSubset: fixed, so `--real-scenes N` draws the same scenarios on every run and machine. */
export const REAL_SUBSET_SEED = 14;

/**
 * `n` of `scenes` (training scenarios, ids unique), the learning curve's subset: the n with the
 * lowest FNV-1a hash of "seed:scenario id" (ties by id), kept in their given order. It depends only
 * on (seed, n, the ids), not on their order or on the other scenes loaded; the draws are nested (the
 * n drawn are among the m drawn for any m > n), and a scenario ranks the same in every fold.
 */
export function realSubset<T extends { id: string }>(
  scenes: readonly T[],
  n: number,
  seed = REAL_SUBSET_SEED,
): T[] {
  if (!(Number.isInteger(n) && n >= 1 && n <= scenes.length))
    throw new RangeError(`${n} training scenarios asked for; expected 1..${scenes.length}`);
  const rank = (sc: T) => Number.parseInt(fnv1a(`${seed}:${sc.id}`), 16);
  const drawn = new Set(
    [...scenes].sort((x, y) => rank(x) - rank(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(0, n),
  );
  return scenes.filter((sc) => drawn.has(sc));
}

/** FNV-1a over one line "sceneId:a:b:t:label" per sample: pins a sample list (data vs train). */
export function sampleListHash(samples: readonly Sample[]): string {
  return fnv1a(
    samples
      .map((s) => `${s.frame.scene}:${s.frame.a}:${s.frame.b}:${s.frame.t}:${s.targets.label}\n`)
      .join(''),
  );
}

// ---- synthetic-v2: rule pairs on synthetic scenes, tracking noise on the histories ----

/** Rng salt of the v2 samples' step draws (sceneSamples uses 91, real samples 92). */
const V2_STEP_SALT = 93;
/** Rng salt of the tracking noise of one sample. */
const NOISE_SALT = 94;

export interface V2Pair {
  a: number;
  b: number;
  label: LabelIndex;
  /** 'designed': the generator's pair (interactingPair); 'rule': added by benchmarkPairs. */
  source: 'designed' | 'rule';
}

/**
 * The v2 pairs of a synthetic scene: the designed pair (interactingPair, labelled as sceneSamples
 * labels it), then every pair benchmarkPairs keeps that is not the designed one (unordered
 * dedup). Synthetic scenes name their designed pair in objects_of_interest, for which the rule
 * keeps that pair alone (labels/pairs.ts markedPair), so the rule runs on the scene with
 * objects_of_interest cleared: the pairs it keeps on an unmarked real scene (3 closest conflicting
 * + the closest non-conflicting candidate pair).
 */
export function v2Pairs(scene: Scene): V2Pair[] {
  const out: V2Pair[] = [];
  const seen = new Set<string>();
  const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const designed = interactingPair(scene);
  if (designed) {
    out.push({ a: designed[0], b: designed[1], label: labelScene(scene)!.label, source: 'designed' });
    seen.add(key(...designed));
  }
  for (const p of benchmarkPairs({ ...scene, objectsOfInterest: new Int32Array(0) })) {
    if (seen.has(key(p.a, p.b))) continue;
    seen.add(key(p.a, p.b));
    out.push({ a: p.a, b: p.b, label: p.label, source: 'rule' });
  }
  return out;
}

/**
 * Tracking noise matched to the real WOMD benchmark histories (docs/real-gap.md, "Tracking noise"
 * and the v2 table; measured by `npm run gap`). Each is a standard deviation; per-agent scales are
 * drawn log-normally (median x exp(logSd * N(0,1))) because the real figures are heavy-tailed
 * (a few tracks are far noisier than the median one). The log-SDs were set by one check of the
 * resulting quantiles against the real ones (`npm run gap -- --v2`, docs/real-gap.md).
 */
export const TRACKING_NOISE = {
  /**
   * Position, metres per axis per history step, i.i.d. Real: median |lateral 2nd difference| on
   * straight segments 0.004 m (synthetic 0.000); the 2nd difference of i.i.d. noise has SD
   * sqrt(6) sigma and median |.| 0.674 sqrt(6) sigma = 1.65 sigma, so sigma = 0.004 / 1.65.
   */
  positionM: 0.0024,
  /**
   * Speed, m/s per history step, i.i.d. along the velocity, per-agent scale: median and log-SD.
   * Real speed jitter (RMS 2nd difference of speed over the history): median 0.241 m/s, 25 / 75 /
   * 95% 0.094 / 0.407 / 0.807 (synthetic median 0.017). RMS 2nd difference of i.i.d. noise is about
   * sqrt(6) sigma, so the median scale is 0.241 / 2.45; the log-SD spreads it to the quartiles.
   */
  speedMps: 0.098,
  speedLogSd: 0.8,
  /**
   * Heading, radians: a constant offset per agent (box heading against travel direction) drawn
   * N(0, s) with s log-normal per agent, plus i.i.d. per-step noise. Real |heading - velocity
   * direction| at t above 2 m/s: median 0.20 deg, 75% 0.57, 95% 5.0 deg (synthetic 0 exactly);
   * real |yaw rate| over the history median 0.37 deg/s (synthetic 0.000 on straight tracks).
   */
  headingBiasRad: (0.25 * Math.PI) / 180,
  headingBiasLogSd: 1.5,
  /**
   * Per-step heading noise, radians: two steps 1 s apart then differ by SD 0.28 deg (median |.|
   * 0.19 deg/s); with the synthetic tracks' own turning the v2 pairs' median |yaw rate| is 0.33
   * deg/s against the real 0.37 (`npm run gap -- --v2`, docs/real-gap.md "synthetic-v2").
   */
  headingStepRad: (0.2 * Math.PI) / 180,
} as const;
/** A noise setting of TRACKING_NOISE's shape (tests switch parts of it off). */
export type TrackingNoise = { readonly [K in keyof typeof TRACKING_NOISE]: number };

/**
 * A copy of `sample` with tracking noise (TRACKING_NOISE) on every valid history step of every
 * kept agent: positions (x, y), heading (cos h, sin h) and velocity (vx, vy, its speed jittered
 * along its direction, never below 0), in the feature layout of features.ts (STEP_DIM per step).
 * Only `features.agents` is copied and changed: the map, masks, targets and frame are shared with
 * the input, which is not modified. Deterministic in `rng`.
 */
export function addTrackingNoise(sample: Sample, rng: Rng, noise: TrackingNoise = TRACKING_NOISE): Sample {
  const SCALE = FEATURES.scaleM;
  const agents = Float32Array.from(sample.features.agents);
  for (let slot = 0; slot < AGENTS; slot++) {
    if (!sample.features.agentMask[slot]) continue;
    const speedSd = noise.speedMps * Math.exp(noise.speedLogSd * rng.normal());
    const bias = rng.normal(0, noise.headingBiasRad * Math.exp(noise.headingBiasLogSd * rng.normal()));
    for (let h = 0; h < FEATURES.history; h++) {
      const k = slot * AGENT_DIM + h * STEP_DIM;
      if (!(agents[k + 6]! > 0)) continue;
      agents[k] = agents[k]! + rng.normal(0, noise.positionM) / SCALE;
      agents[k + 1] = agents[k + 1]! + rng.normal(0, noise.positionM) / SCALE;
      const hd = Math.atan2(agents[k + 3]!, agents[k + 2]!) + bias + rng.normal(0, noise.headingStepRad);
      const vx = agents[k + 4]! * SCALE;
      const vy = agents[k + 5]! * SCALE;
      const speed = Math.hypot(vx, vy);
      // a standing agent's jitter points along its heading (its velocity has no direction)
      const dir = speed > 0 ? Math.atan2(vy, vx) : Math.atan2(agents[k + 3]!, agents[k + 2]!);
      const noisy = Math.max(0, speed + rng.normal(0, speedSd));
      agents[k + 2] = Math.cos(hd);
      agents[k + 3] = Math.sin(hd);
      agents[k + 4] = (noisy * Math.cos(dir)) / SCALE;
      agents[k + 5] = (noisy * Math.sin(dir)) / SCALE;
    }
  }
  return { ...sample, features: { ...sample.features, agents } };
}

export interface V2Options extends StepOptions {
  /** Add tracking noise (addTrackingNoise) to each sample, seeded by (seed, scene id, pair, step). */
  noise: boolean;
}

/**
 * synthetic-v2 samples of one synthetic scene: every v2Pairs pair at MIN_STEP and up to
 * `extraSteps` distinct later steps (seeded by seed, scene id and pair, like benchmarkSamples),
 * each with tracking noise when `noise`. The noise of a sample depends only on (seed, scene id,
 * a, b, t), never on which other samples are built. `pairs`: v2Pairs(scene) when the caller has it.
 */
export function v2SceneSamples(scene: Scene, opts: V2Options, pairs = v2Pairs(scene)): Sample[] {
  return pairSamples(scene, pairs, opts, V2_STEP_SALT, (s, a, b, t) =>
    opts.noise
      ? addTrackingNoise(
          s,
          new Rng(opts.seed, Number.parseInt(fnv1a(`${scene.id}:${a}:${b}:${t}`), 16), NOISE_SALT),
        )
      : s,
  );
}
