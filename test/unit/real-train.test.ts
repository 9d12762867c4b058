// Training on real scenes (DESIGN.md 6b, docs/real-benchmark.md): the sample maker takes every rule
// pair of a scene at several seeded steps, deterministically; only the WOMD training split trains
// (validation and unknown scenarios never), or every fold but one; the train command's data choice;
// and models-local/ (weights trained on real data) is git-ignored.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkPairs, scenarioFold } from '../../src/labels/pairs';
import { REAL_TRAIN, TRAIN_CONFIG } from '../../src/model/config';
import {
  benchmarkSamples,
  realSubset,
  sampleListHash,
  sceneSamples,
  selectRealScenes,
} from '../../src/model/dataset';
import { MIN_STEP } from '../../src/model/features';
import type { Scene } from '../../src/scene/scene';
import { generateScene } from '../../src/synth';
import { synthTrainSamples } from '../../src/cli/lib/samples';
import { benchmarkRequests, evaluatePooled, evaluatePredictor } from '../../src/metrics/evaluate';
import { trainPlan } from '../../src/cli/lib/train-data';

const ROOT = join(import.meta.dirname, '../..');
const steps = { ...REAL_TRAIN.quick, seed: TRAIN_CONFIG.seed };

/** A synthetic scene as a real one: no objects_of_interest (the rule picks pairs), a GPUDrive name. */
function asReal(k: number, id: string, sourceName?: string): Scene {
  const s = generateScene(7, k).scene;
  return { ...s, id, sourceName, objectsOfInterest: new Int32Array(0) };
}

describe('benchmarkSamples', () => {
  const scene = asReal(0, 'syn-0', 'tfrecord-00001-of-01000_1.json');
  const pairs = benchmarkPairs(scene);

  it('takes every rule pair at MIN_STEP and at distinct seeded later steps, with the pair label', () => {
    expect(pairs.length).toBeGreaterThan(0);
    const samples = benchmarkSamples(scene, steps);
    for (const p of pairs) {
      const own = samples.filter((s) => s.frame.a === p.a && s.frame.b === p.b);
      const ts = own.map((s) => s.frame.t);
      expect(ts[0]).toBe(MIN_STEP);
      expect(new Set(ts).size).toBe(ts.length);
      expect(ts.length).toBeLessThanOrEqual(1 + steps.extraSteps);
      for (const t of ts) expect(t).toBeLessThanOrEqual(steps.maxExtraStep);
      for (const s of own) expect(s.targets.label).toBe(p.label);
    }
    expect(samples.length).toBe(
      samples.filter((s) => pairs.some((p) => p.a === s.frame.a && p.b === s.frame.b)).length,
    );
  });

  it('is deterministic and independent of the other scenes, but follows the seed', () => {
    const h = sampleListHash(benchmarkSamples(scene, steps));
    expect(sampleListHash(benchmarkSamples(asReal(0, 'syn-0', 'x'), steps))).toBe(h);
    const other = sampleListHash(benchmarkSamples(scene, { ...steps, seed: steps.seed + 1 }));
    expect(other).not.toBe(h);
    expect(benchmarkSamples(scene, { ...steps, extraSteps: 0 }).map((s) => s.frame.t)).toEqual(
      pairs.map(() => MIN_STEP),
    );
  });
});

describe('selectRealScenes', () => {
  const train = [0, 1, 2].map((k) => asReal(k, `train-${k}`, `tfrecord-0000${k}-of-01000_${k}.json`));
  const val = [3, 4].map((k) => asReal(k, `val-${k}`, `tfrecord-0000${k}-of-00150_${k}.json`));
  const unknown = asReal(5, 'unknown-5');
  const all = [val[0]!, train[0]!, unknown, train[1]!, val[1]!, train[2]!, train[0]!];

  it('trains on the WOMD training split only; validation is held out, unknown and repeats are neither', () => {
    const sel = selectRealScenes(all, { kind: 'split' });
    expect(sel.train.map((s) => s.id)).toEqual(['train-0', 'train-1', 'train-2']);
    expect(sel.heldOut.map((s) => s.id)).toEqual(['val-3', 'val-4']);
    expect(sel.unused).toEqual(['unknown-5']);
    expect(sel.duplicates).toEqual(['train-0']);
    const samples = sel.train.flatMap((s) => benchmarkSamples(s, steps));
    expect(samples.length).toBeGreaterThan(0);
    expect(new Set(samples.map((s) => s.frame.scene))).toEqual(
      new Set(sel.train.filter((s) => benchmarkPairs(s).length).map((s) => s.id)),
    );
  });

  it('for fold K trains on every other fold, whatever the split, and holds out fold K', () => {
    for (const fold of [0, 1, 2, 3, 4]) {
      const sel = selectRealScenes(all, { kind: 'fold', fold });
      expect(sel.heldOut.every((s) => scenarioFold(s.id) === fold)).toBe(true);
      expect(sel.train.every((s) => scenarioFold(s.id) !== fold)).toBe(true);
      expect(sel.train.length + sel.heldOut.length).toBe(6);
    }
    expect(() => selectRealScenes(all, { kind: 'fold', fold: 5 })).toThrow(/fold 5/);
  });

  it("with trainScenes N trains on N of the fold's training scenes (realSubset); the held-out fold is untouched", () => {
    for (const fold of [0, 1, 2, 3, 4]) {
      const whole = selectRealScenes(all, { kind: 'fold', fold });
      const n = Math.min(2, whole.train.length);
      const sub = selectRealScenes(all, { kind: 'fold', fold, trainScenes: n });
      expect(sub.heldOut).toEqual(whole.heldOut);
      expect(sub.train).toEqual(realSubset(whole.train, n));
      expect(sub.train.every((s) => whole.train.includes(s))).toBe(true);
      expect(sub.notDrawn.sort()).toEqual(
        whole.train
          .filter((s) => !sub.train.includes(s))
          .map((s) => s.id)
          .sort(),
      );
    }
    expect(() => selectRealScenes(all, { kind: 'split', trainScenes: 4 })).toThrow(/expected 1\.\.3/);
  });

  it('leaves out scenes without the whole future', () => {
    const s = train[0]!;
    const short = { ...s, id: 'short', tracks: { ...s.tracks, steps: 11 } };
    expect(selectRealScenes([short], { kind: 'split' }).short).toEqual(['short']);
  });
});

describe("realSubset (--real-scenes N: the learning curve's training subset)", () => {
  const ids = [...Array(120)].map((_, k) => ({ id: `scenario-${k}` }));
  const idsOf = (xs: { id: string }[]) => xs.map((x) => x.id);

  it('draws N distinct scenes of the given ones, in their order, the same on every call', () => {
    const got = realSubset(ids, 15);
    expect(got).toHaveLength(15);
    expect(new Set(got).size).toBe(15);
    expect(got.every((x) => ids.includes(x))).toBe(true);
    expect(got.map((x) => ids.indexOf(x))).toEqual(got.map((x) => ids.indexOf(x)).sort((a, b) => a - b));
    expect(idsOf(realSubset(ids, 15))).toEqual(idsOf(got));
    expect(realSubset(ids, ids.length)).toEqual(ids);
  });

  it('depends only on the seed and the ids: not their order; nested in N; another seed draws others', () => {
    const reversed = [...ids].reverse();
    expect(new Set(idsOf(realSubset(reversed, 30)))).toEqual(new Set(idsOf(realSubset(ids, 30))));
    const [a, b, c] = [15, 30, 60].map((n) => new Set(idsOf(realSubset(ids, n))));
    expect([...a!].every((x) => b!.has(x)) && [...b!].every((x) => c!.has(x))).toBe(true);
    // a scenario's rank does not depend on the others (so it is the same in every fold): the 30 drawn
    // of all 120 that lie in a part are the ones drawn of that part alone
    const part = ids.slice(0, 60);
    const inPart = idsOf(realSubset(ids, 30)).filter((id) => part.some((x) => x.id === id));
    expect(idsOf(realSubset(part, inPart.length))).toEqual(inPart);
    expect(idsOf(realSubset(ids, 30, 15))).not.toEqual(idsOf(realSubset(ids, 30)));
  });

  it('refuses a count it cannot draw', () => {
    for (const n of [0, -1, 1.5, 121, NaN]) expect(() => realSubset(ids, n)).toThrow(/expected 1\.\.120/);
  });
});

describe('synthTrainSamples', () => {
  it('samples the synthetic training split scenes in order, as loadSamples does, up to the count', () => {
    const cfg = { extraSteps: 1, maxExtraStep: 60, seed: 7 };
    const got = synthTrainSamples(5, 61001, cfg);
    const want = [0, 1, 2, 3, 4].flatMap((i) => sceneSamples(generateScene(61001, i).scene, 1, 60, 7, i));
    expect(sampleListHash(got.samples)).toBe(sampleListHash(want.slice(0, 5)));
    expect(got.samples.length).toBe(5);
  });
});

describe('evaluatePooled (k-fold: each part predicts its own held-out pairs)', () => {
  it('pools the parts into one report over every pair, with each part reported on its own', async () => {
    const scenes = [0, 1, 2, 3].map((k) => asReal(k, `s-${k}`, `tfrecord-0000${k}-of-01000_${k}.json`));
    const { reqs } = benchmarkRequests(scenes);
    const parts = [reqs.slice(0, 3), reqs.slice(3)].map((r) => ({ params: null, reqs: r }));
    const pooled = await evaluatePooled('constant_velocity', parts, { intervals: true });
    const whole = await evaluatePredictor('constant_velocity', null, reqs);
    expect(pooled.pooled.scenes).toBe(reqs.length);
    expect(pooled.pooled.minADE).toEqual(whole.minADE);
    expect(pooled.pooled.intervals?.['minADE 8s']?.estimate).toBeCloseTo(whole.minADE['8s']!, 9);
    expect(pooled.parts.map((p) => p.scenes)).toEqual([3, reqs.length - 3]);
  });
});

describe('trainPlan (npm run train: what it trains on)', () => {
  const defaults = ['../shared/womd', '../shared/womd-json'];

  it('keeps --data DIR as the synthetic folder, writing to public/models', () => {
    expect(trainPlan({ variant: 'pseudo' }, defaults)).toEqual({
      kind: 'synthetic',
      dir: 'data/model',
      outDir: 'public/models/pseudo',
      ckptDir: 'checkpoints/pseudo',
    });
    expect(trainPlan({ variant: 'vanilla', data: 'elsewhere' }, defaults)).toMatchObject({
      dir: 'elsewhere',
    });
    expect(() => trainPlan({ variant: 'pseudo', fold: '1' }, defaults)).toThrow(/--fold needs --data real/);
    expect(() => trainPlan({ variant: 'pseudo', quick: true }, defaults)).toThrow(/--quick/);
  });

  it('takes real keywords to models-local/, with folders, fold and quick', () => {
    expect(trainPlan({ variant: 'pseudo', data: 'real' }, defaults)).toMatchObject({
      kind: 'real',
      data: 'real',
      dirs: defaults,
      selection: { kind: 'split' },
      mode: 'full',
      name: 'pseudo-real',
      outDir: 'models-local/pseudo-real',
      ckptDir: 'checkpoints/pseudo-real',
    });
    expect(
      trainPlan(
        { variant: 'vanilla', data: 'real+synthetic', fold: '3', quick: true, real: ['x'] },
        defaults,
      ),
    ).toMatchObject({
      data: 'real+synthetic',
      dirs: ['x'],
      selection: { kind: 'fold', fold: 3 },
      mode: 'quick',
      group: 'vanilla-real-synth',
      name: 'vanilla-real-synth-fold3',
      outDir: 'models-local/vanilla-real-synth-fold3',
    });
    // a fine-tune is named after the weights it starts from, so its folds pool on their own
    expect(
      trainPlan(
        { variant: 'pseudo', data: 'real', fold: '0', quick: true, init: 'models-local/pseudo-v2/' },
        defaults,
      ),
    ).toMatchObject({
      group: 'pseudo-real-from-pseudo-v2',
      name: 'pseudo-real-from-pseudo-v2-fold0',
      outDir: 'models-local/pseudo-real-from-pseudo-v2-fold0',
    });
    expect(
      trainPlan({ variant: 'pseudo', data: 'real', fold: '2', quick: true, labelWeight: '3' }, defaults),
    ).toMatchObject({ group: 'pseudo-real-lw3', name: 'pseudo-real-lw3-fold2' });
    // a training subset (the learning curve) is named after its size, in the folder asked for
    expect(
      trainPlan(
        {
          variant: 'pseudo',
          data: 'real+synthetic',
          fold: '4',
          init: 'public/models/pseudo',
          realScenes: '30',
          localDir: 'models-local/curve',
        },
        defaults,
      ),
    ).toMatchObject({
      selection: { kind: 'fold', fold: 4, trainScenes: 30 },
      group: 'pseudo-real-synth-from-pseudo-n30',
      name: 'pseudo-real-synth-from-pseudo-n30-fold4',
      outDir: 'models-local/curve/pseudo-real-synth-from-pseudo-n30-fold4',
    });
    for (const realScenes of ['0', '-3', '2.5', 'x'])
      expect(() => trainPlan({ variant: 'pseudo', data: 'real', realScenes }, defaults)).toThrow(
        /--real-scenes/,
      );
    expect(() => trainPlan({ variant: 'pseudo', realScenes: '30' }, defaults)).toThrow(/--real-scenes needs/);
    expect(() => trainPlan({ variant: 'pseudo', data: 'real', localDir: 'elsewhere' }, defaults)).toThrow(
      /models-local/,
    );
    for (const fold of ['5', '-1', '1.5', 'x'])
      expect(() => trainPlan({ variant: 'pseudo', data: 'real', fold }, defaults)).toThrow(/--fold/);
    expect(() =>
      trainPlan({ variant: 'pseudo', data: 'real', out: 'public/models/pseudo' }, defaults),
    ).toThrow(/models-local/);
    expect(() => trainPlan({ variant: 'pseudo', data: 'real', out: 'models-local/../x' }, defaults)).toThrow(
      /models-local/,
    );
  });
});

describe('models-local/', () => {
  it('is git-ignored (weights trained on real data are never committed)', () => {
    const out = execFileSync(
      'git',
      ['check-ignore', 'models-local/x', 'models-local/pseudo-real/model.json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(out.trim().split('\n')).toEqual(['models-local/x', 'models-local/pseudo-real/model.json']);
  });
});

describe('fine-tuning (--init)', () => {
  it('starts from the weights of a model folder, in trainable variables', async () => {
    const tf = await import('@tensorflow/tfjs');
    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
    const { startParams } = await import('../../src/cli/lib/model-files');
    const { readFileSync } = await import('node:fs');
    const { decodeModel } = await import('../../src/model/weights');
    const dir = join(ROOT, 'public/models/pseudo');
    const bin = readFileSync(join(dir, 'weights.bin'));
    const shipped = decodeModel(
      JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')),
      bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    );
    const fresh = startParams(TRAIN_CONFIG.seed);
    const tuned = startParams(TRAIN_CONFIG.seed, dir);
    const name = Object.keys(shipped)[0]!;
    expect(Object.keys(tuned).sort()).toEqual(Object.keys(shipped).sort());
    expect(tuned[name]!.trainable).toBe(true);
    expect(await tuned[name]!.data()).toEqual(await shipped[name]!.data());
    expect(await fresh[name]!.data()).not.toEqual(await shipped[name]!.data());
    expect(() => startParams(TRAIN_CONFIG.seed, join(ROOT, 'public'))).toThrow(/model\.json/);
  });
});
