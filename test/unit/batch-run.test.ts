// model/batch-run.ts (the loop the app's file-level run and `npm run eval` share) and predictors.ts
// predictBatch / predictInBatches: batches in order with progress per batch, the next batch pulled
// while one runs (ahead), abort; and the batched answers equal one request at a time for the same
// seed on real demo scenes with the shipped weights, samples drawn beyond the goal means included.
// Exactly on the cpu backend: each output row's arithmetic there does not depend on how many rows
// the batch has. To float tolerance on wasm: XNNPACK multiplies a single row with another kernel
// than several rows, so a batch of one rounds differently from a batch of many (measured on the 42
// demo scenes: at most 6.1e-5 m on positions, one float32 step at ~500 m, and 1e-6 on
// probabilities); between batches of two or more rows it is exact, so eval's figures do not depend
// on the batch size chosen.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readModelDir } from '../../src/cli/lib/local-models';
import { openPath } from '../../src/cli/lib/scene-files';
import { defaultPair } from '../../src/labels/pairs';
import { batchSizeFor, runInBatches } from '../../src/model/batch-run';
import { MIN_STEP } from '../../src/model/features';
import type { Params } from '../../src/model/network';
import {
  predictBatch,
  predictInBatches,
  predictPairs,
  type BatchOutcome,
  type PairRequest,
  type PairResult,
} from '../../src/model/predictors';
import { fixtureScene } from '../fixtures/scenes';

const ROOT = join(import.meta.dirname, '../..');
/** Positions (m) and probabilities may differ by this much on wasm (header: one row vs many). */
const WASM_TOLERANCE = { metres: 1e-3, probability: 1e-5 };
/** Two goal means and two draws per mode: the draws are where a batch could change the samples. */
const OPTIONS = { samplesPerMode: 4, seed: 1 };

let params: Params;
let reqs: PairRequest[];
beforeAll(async () => {
  await tf.setBackend('wasm');
  params = readModelDir(join(ROOT, 'public/models/pseudo'))!.params;
  const file = await openPath(join(ROOT, 'public/demo/demo.tfrecord'));
  reqs = [];
  for (const k of [0, 7, 15, 29, 41]) {
    const scene = await file.scene(k);
    const [a, b] = defaultPair(scene)!;
    reqs.push({ scene, a, b, t: MIN_STEP });
  }
});

const ok = (x: BatchOutcome): PairResult => {
  if ('error' in x) throw new Error(x.error);
  return x.result;
};

/** Largest difference between two results' numbers: positions (m) and probabilities apart. */
function gap(x: PairResult, y: PairResult): { metres: number; probability: number } {
  expect([x.sceneId, x.a, x.b, x.t, x.label]).toEqual([y.sceneId, y.a, y.b, y.t, y.label]);
  expect(x.modes.map((m) => m.samples.length)).toEqual(y.modes.map((m) => m.samples.length));
  let metres = 0;
  let probability = 0;
  const d = (u: ArrayLike<number>, v: ArrayLike<number>, into: 'm' | 'p') => {
    expect(u.length).toBe(v.length);
    for (let i = 0; i < u.length; i++) {
      const e = Math.abs(u[i]! - v[i]!);
      if (into === 'm') metres = Math.max(metres, e);
      else probability = Math.max(probability, e);
    }
  };
  d(x.prior, y.prior, 'p');
  d(x.posterior!, y.posterior!, 'p');
  x.modes.forEach((m, z) => {
    const n = y.modes[z]!;
    d([m.probability], [n.probability], 'p');
    m.goals.forEach((g, c) => d([...g.a, ...g.b], [...n.goals[c]!.a, ...n.goals[c]!.b], 'm'));
    m.samples.forEach((s, i) => {
      const t = n.samples[i]!;
      expect(s.source).toBe(t.source);
      d(s.a, t.a, 'm');
      d(s.b, t.b, 'm');
      d([...s.goal.a, ...s.goal.b], [...t.goal.a, ...t.goal.b], 'm');
    });
  });
  return { metres, probability };
}

describe('runInBatches', () => {
  it('cuts the items into batches in order and reports the items done after each batch', async () => {
    const seen: number[][] = [];
    const progress: number[] = [];
    const out = await runInBatches([1, 2, 3, 4, 5, 6, 7], {
      batchSize: 3,
      run: async (b) => {
        seen.push(b);
        return b.map((x) => x * 10);
      },
      onBatch: (done) => progress.push(done),
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(seen).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(progress).toEqual([3, 6, 7]);
    await expect(runInBatches([1], { batchSize: 0, run: async (b) => b })).rejects.toThrow(RangeError);
  });

  it('with ahead 2 gathers the next batch while the one before still runs, answers in order', async () => {
    const log: string[] = [];
    const release: (() => void)[] = [];
    async function* source() {
      for (let i = 0; i < 6; i++) {
        log.push(`pull ${i}`);
        yield i;
      }
    }
    const done = runInBatches(source(), {
      batchSize: 2,
      ahead: 2,
      run: (b) => {
        log.push(`run ${b.join()}`);
        return new Promise<number[]>((res) => release.push(() => res(b)));
      },
    });
    // batch 0 is running (not answered) when batch 1's items are pulled and batch 1 handed over
    await expect.poll(() => log.includes('run 2,3')).toBe(true);
    expect(log.slice(0, 5)).toEqual(['pull 0', 'pull 1', 'run 0,1', 'pull 2', 'pull 3']);
    expect(log).not.toContain('pull 4'); // no more than two batches in flight
    for (let i = 0; i < 3; i++) {
      await expect.poll(() => release.length > i).toBe(true);
      release[i]!();
    }
    expect(await done).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stops pulling and rejects when aborted, and drops a late answer', async () => {
    const ctl = new AbortController();
    let pulled = 0;
    const items = {
      *[Symbol.iterator]() {
        for (let i = 0; i < 100; i++) {
          pulled++;
          yield i;
        }
      },
    };
    const p = runInBatches(items, {
      batchSize: 4,
      signal: ctl.signal,
      run: async (b) => {
        if (b[0] === 4) ctl.abort();
        return b;
      },
    });
    await expect(p).rejects.toThrow(/abort/i);
    expect(pulled).toBeLessThanOrEqual(9);
  });

  it('picks a batch size per backend, and a default for others', () => {
    for (const b of ['webgpu', 'webgl', 'wasm', 'cpu']) expect(batchSizeFor(b)).toBeGreaterThanOrEqual(1);
    expect(batchSizeFor('something-else')).toBeGreaterThanOrEqual(1);
  });
});

describe('predictBatch on demo scenes (shipped pseudo-label CVAE)', () => {
  it('equals predictPairs one request at a time exactly on the cpu backend', async () => {
    await tf.setBackend('cpu');
    const batch = (await predictBatch('pseudo', params, reqs, OPTIONS)).map(ok);
    for (let k = 0; k < reqs.length; k++) {
      const [one] = await predictPairs('pseudo', params, [reqs[k]!], OPTIONS);
      expect(gap(batch[k]!, one!)).toEqual({ metres: 0, probability: 0 });
    }
  }, 120_000);

  it('equals predictPairs one request at a time to float tolerance on wasm, and exactly across batch sizes', async () => {
    await tf.setBackend('wasm');
    const batch = (await predictBatch('pseudo', params, reqs, OPTIONS)).map(ok);
    for (let k = 0; k < reqs.length; k++) {
      const [one] = await predictPairs('pseudo', params, [reqs[k]!], OPTIONS);
      const g = gap(batch[k]!, one!);
      expect(g.metres).toBeLessThanOrEqual(WASM_TOLERANCE.metres);
      expect(g.probability).toBeLessThanOrEqual(WASM_TOLERANCE.probability);
    }
    // in pairs (and a last one alone, which may round like a request alone): the same as all at once
    const progress: number[] = [];
    const paired = (
      await predictInBatches('pseudo', params, reqs.slice(0, 4), {
        ...OPTIONS,
        batchSize: 2,
        onBatch: (d) => progress.push(d),
      })
    ).map(ok);
    expect(progress).toEqual([2, 4]);
    paired.forEach((r, k) => expect(gap(r, batch[k]!)).toEqual({ metres: 0, probability: 0 }));
  }, 120_000);

  it('fails a request whose pair is not tracked at its step alone', async () => {
    await tf.setBackend('wasm');
    const bad = { scene: fixtureScene(1), a: 1, b: 5, t: 12 }; // track 5 (id 105) appears at step 20
    const out = await predictBatch('pseudo', params, [reqs[0]!, bad, reqs[1]!], OPTIONS);
    expect(out[1]).toEqual({ error: expect.stringContaining('agent 105 is not tracked at step 12') });
    const [alone] = await predictBatch('pseudo', params, [reqs[0]!, reqs[1]!], OPTIONS);
    expect(gap(ok(out[0]!), ok(alone!))).toEqual({ metres: 0, probability: 0 });
    expect(ok(out[2]!).sceneId).toBe(reqs[1]!.scene.id);
  });
});
