// synthetic-v2 training data (issue 14, model/dataset.ts): per synthetic scene the designed pair
// plus the benchmark rule's pairs, deduplicated; tracking noise that is seeded, changes only the
// history inputs (never the map, masks, targets or the input sample) and has the documented scale;
// the synthetic-v1 test samples (sceneSamples on the test split) stay byte for byte what they were;
// and `npm run train -- --data synthetic-v2` plans a models-local/ run.
import { describe, expect, it } from 'vitest';
import { benchmarkPairs, fnv1a } from '../../src/labels/pairs';
import { DATA_CONFIG, FEATURES, TRAIN_CONFIG } from '../../src/model/config';
import {
  addTrackingNoise,
  sampleListHash,
  sceneSamples,
  TRACKING_NOISE,
  v2Pairs,
  v2SceneSamples,
} from '../../src/model/dataset';
import { AGENT_DIM, AGENTS, buildSample, MIN_STEP, STEP_DIM, type Sample } from '../../src/model/features';
import { emptyMeasureSet, measureSample, summary } from '../../src/metrics/gap';
import { interactingPair } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { trainPlan } from '../../src/cli/lib/train-data';
import { Rng } from '../../src/util/rng';

const TRAIN_SEED = DATA_CONFIG.splits.train.seed;
const scenes = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => generateScene(TRAIN_SEED, i).scene);
const unordered = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
const opts = { extraSteps: 1, maxExtraStep: 60, seed: TRAIN_CONFIG.seed, noise: true };

describe('v2Pairs: the designed pair plus the benchmark rule pairs, deduplicated', () => {
  const all = scenes.map((scene) => {
    const rule = benchmarkPairs({ ...scene, objectsOfInterest: new Int32Array(0) });
    return { scene, rule, pairs: v2Pairs(scene) };
  });

  it('starts with the designed pair and holds every rule pair once, whatever its order', () => {
    for (const { scene, rule, pairs } of all) {
      const [a, b] = interactingPair(scene)!;
      expect(pairs[0]).toMatchObject({ a, b, source: 'designed' });
      const keys = pairs.map((p) => unordered(p.a, p.b));
      expect(new Set(keys).size).toBe(keys.length);
      for (const p of rule) expect(keys).toContain(unordered(p.a, p.b));
      expect(pairs.length).toBe(new Set([unordered(a, b), ...rule.map((p) => unordered(p.a, p.b))]).size);
      for (const p of pairs.slice(1)) {
        expect(p.source).toBe('rule');
        expect(p.label).toBe(rule.find((r) => r.a === p.a && r.b === p.b)!.label);
      }
    }
  });

  it('adds pairs the marked rule alone would not (synthetic scenes name their pair)', () => {
    // on the scene as generated the rule keeps only the marked pair
    for (const { scene } of all) expect(benchmarkPairs(scene)).toHaveLength(1);
    const added = all.reduce((n, x) => n + x.pairs.length - 1, 0);
    expect(added).toBeGreaterThan(scenes.length);
    // and the dedup is exercised: some designed pair is also one the rule keeps
    const overlaps = all.filter(({ scene, rule }) => {
      const [a, b] = interactingPair(scene)!;
      return rule.some((p) => unordered(p.a, p.b) === unordered(a, b));
    });
    expect(overlaps.length).toBeGreaterThan(0);
  });
});

describe('v2SceneSamples', () => {
  const scene = scenes[0]!;
  const pairs = v2Pairs(scene);

  it('samples every v2 pair at MIN_STEP (and seeded later steps) with its label', () => {
    const samples = v2SceneSamples(scene, opts);
    for (const p of pairs) {
      const own = samples.filter((s) => s.frame.a === p.a && s.frame.b === p.b);
      expect(own[0]!.frame.t).toBe(MIN_STEP);
      expect(own.length).toBeLessThanOrEqual(1 + opts.extraSteps);
      for (const s of own) expect(s.targets.label).toBe(p.label);
    }
    expect(sampleListHash(v2SceneSamples(scene, opts))).toBe(sampleListHash(samples));
  });

  it('without noise gives buildSample exactly; with noise only the agent features differ', () => {
    const clean = v2SceneSamples(scene, { ...opts, noise: false });
    const noisy = v2SceneSamples(scene, opts);
    expect(noisy.length).toBe(clean.length);
    clean.forEach((c, k) => {
      const n = noisy[k]!;
      const ref = buildSample(scene, c.frame.a, c.frame.b, c.frame.t, c.targets.label);
      expect(c.features.agents).toEqual(ref.features.agents);
      expect(n.features.agents).not.toEqual(c.features.agents);
      expect(n.features.map).toEqual(c.features.map);
      expect(n.targets.future).toEqual(c.targets.future);
      expect(n.targets.futureMask).toEqual(c.targets.futureMask);
      expect(n.frame).toEqual(c.frame);
    });
  });
});

describe('addTrackingNoise', () => {
  const samples = scenes.flatMap((s) => v2SceneSamples(s, { ...opts, noise: false }));

  it('is seeded: the same stream gives the same copy, another stream another', () => {
    const s = samples[0]!;
    const x = addTrackingNoise(s, new Rng(1, 2, 3)).features.agents;
    expect(addTrackingNoise(s, new Rng(1, 2, 3)).features.agents).toEqual(x);
    expect(addTrackingNoise(s, new Rng(1, 2, 4)).features.agents).not.toEqual(x);
  });

  it('changes only x, y, cos h, sin h, vx, vy of valid history steps, and not the input', () => {
    for (const s of samples.slice(0, 10)) {
      const before = Float32Array.from(s.features.agents);
      const n = addTrackingNoise(s, new Rng(5, 0, 0));
      expect(s.features.agents).toEqual(before);
      expect(n.targets).toBe(s.targets);
      expect(n.features.map).toBe(s.features.map);
      expect(n.features.agentMask).toBe(s.features.agentMask);
      const a = n.features.agents;
      for (let slot = 0; slot < AGENTS; slot++)
        for (let j = 0; j < AGENT_DIM; j++) {
          const k = slot * AGENT_DIM + j;
          const h = Math.floor(j / STEP_DIM);
          const field = j % STEP_DIM;
          const inHistory = h < FEATURES.history;
          const valid = inHistory && before[slot * AGENT_DIM + h * STEP_DIM + 6]! > 0;
          if (!(valid && field < 6)) expect(a[k]).toBe(before[k]);
        }
      const cos = a[2]!;
      const sin = a[3]!;
      expect(Math.hypot(cos, sin)).toBeCloseTo(1, 5);
    }
  });

  it('has the documented per-step scales (position, speed, heading)', () => {
    // one scale per quantity: per-agent spreads and the heading bias switched off
    const fixed = { ...TRACKING_NOISE, speedLogSd: 0, headingBiasRad: 0, headingBiasLogSd: 0 };
    const dp: number[] = [];
    const ds: number[] = [];
    const dh: number[] = [];
    samples.forEach((s, i) => {
      const b = s.features.agents;
      const a = addTrackingNoise(s, new Rng(9, i, 0), fixed).features.agents;
      for (let slot = 0; slot < AGENTS; slot++)
        for (let h = 0; h < FEATURES.history; h++) {
          const k = slot * AGENT_DIM + h * STEP_DIM;
          if (!(b[k + 6]! > 0)) continue;
          dp.push((a[k]! - b[k]!) * FEATURES.scaleM, (a[k + 1]! - b[k + 1]!) * FEATURES.scaleM);
          dh.push(Math.atan2(a[k + 3]!, a[k + 2]!) - Math.atan2(b[k + 3]!, b[k + 2]!));
          const sp0 = Math.hypot(b[k + 4]!, b[k + 5]!) * FEATURES.scaleM;
          const sp1 = Math.hypot(a[k + 4]!, a[k + 5]!) * FEATURES.scaleM;
          if (sp0 > 1) ds.push(sp1 - sp0); // well above the noise: never clamped at 0
        }
    });
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((p, x) => p + x * x, 0) / xs.length);
    expect(dp.length).toBeGreaterThan(2000);
    // float32 rounding of x / 10 adds ~1e-7 m: far below the 2.4 mm
    expect(sd(dp) / TRACKING_NOISE.positionM).toBeGreaterThan(0.9);
    expect(sd(dp) / TRACKING_NOISE.positionM).toBeLessThan(1.1);
    expect(sd(ds) / TRACKING_NOISE.speedMps).toBeGreaterThan(0.9);
    expect(sd(ds) / TRACKING_NOISE.speedMps).toBeLessThan(1.1);
    const wrapped = dh.map((x) => Math.atan2(Math.sin(x), Math.cos(x)));
    expect(sd(wrapped) / TRACKING_NOISE.headingStepRad).toBeGreaterThan(0.9);
    expect(sd(wrapped) / TRACKING_NOISE.headingStepRad).toBeLessThan(1.1);
  });

  it('brings the history figures to the real ones it is matched to (docs/real-gap.md)', () => {
    const set = emptyMeasureSet();
    scenes.forEach((scene) => {
      for (const s of v2SceneSamples(scene, { ...opts, extraSteps: 0 })) measureSample(set, scene, s);
    });
    // real medians: speed jitter 0.241 m/s, |heading - velocity direction| 0.204 deg, |yaw rate| 0.371 deg/s
    const med = (k: string) => summary(set.numeric[k]!).q[2]!;
    expect(med('speedJitter')).toBeGreaterThan(0.15);
    expect(med('speedJitter')).toBeLessThan(0.35);
    expect(med('headingVsVelocity')).toBeGreaterThan(0.1);
    expect(med('headingVsVelocity')).toBeLessThan(0.4);
    expect(med('yawRate')).toBeGreaterThan(0.15);
    expect(med('yawRate')).toBeLessThan(0.7);
  });
});

describe('synthetic-v1: the frozen test samples', () => {
  it('sceneSamples on test scenes 0..3 (seed 61003) are byte for byte the pinned ones', () => {
    const test = [0, 1, 2, 3].flatMap((i) =>
      sceneSamples(generateScene(DATA_CONFIG.splits.test.seed, i).scene),
    );
    const bytes = (s: Sample) =>
      [s.features.agents, s.features.map, s.targets.future]
        .map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64'))
        .join('|');
    expect(test).toHaveLength(4);
    // pinned at commit c116f72, before synthetic-v2 existed
    expect(sampleListHash(test)).toBe('df42c4ac');
    expect(fnv1a(test.map(bytes).join('\n'))).toBe('2f2f9099');
  });
});

describe('trainPlan --data synthetic-v2', () => {
  it('trains in memory and writes to models-local/VARIANT-v2 unless --out says otherwise', () => {
    expect(trainPlan({ variant: 'pseudo', data: 'synthetic-v2' }, [])).toEqual({
      kind: 'synthetic-v2',
      outDir: 'models-local/pseudo-v2',
      ckptDir: 'checkpoints/pseudo-v2',
    });
    expect(trainPlan({ variant: 'vanilla', data: 'synthetic-v2', out: 'x/y' }, [])).toMatchObject({
      outDir: 'x/y',
    });
    expect(() => trainPlan({ variant: 'pseudo', data: 'synthetic-v2', fold: '1' }, [])).toThrow(/--fold/);
  });
});
