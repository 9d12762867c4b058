// The shipped weights reproduce docs/results.json: the first test-split samples are regenerated with
// the synthetic generator (same seed as `npm run data`), scored with the same code as `npm run eval`,
// and compared with the figures eval wrote for them, for every predictor there (the CVAEs and the
// baselines, constant velocity and kinematic).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_STEP } from '../../src/model/features';
import type { Params } from '../../src/model/network';
import type { PairRequest } from '../../src/model/predictors';
import { decodeModel, type ModelJson } from '../../src/model/weights';
import {
  evaluateAll,
  interactingRequests,
  REPRODUCE_SAMPLES,
  type ModelReport,
} from '../../src/metrics/evaluate';
import { generateScene } from '../../src/synth';

const ROOT = join(import.meta.dirname, '../..');
const results = JSON.parse(readFileSync(join(ROOT, 'docs/results.json'), 'utf8')) as {
  reproduce: { seed: number; samples: number; results: Record<string, ModelReport> };
};

function load(variant: string): Params {
  const dir = join(ROOT, 'public/models', variant);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson;
  const bin = readFileSync(join(dir, 'weights.bin'));
  return decodeModel(json, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
}

let reqs: PairRequest[];
beforeAll(async () => {
  await tf.setBackend('wasm');
  reqs = [];
  for (let i = 0; reqs.length < REPRODUCE_SAMPLES; i++)
    reqs.push(...interactingRequests([generateScene(results.reproduce.seed, i).scene], MIN_STEP));
  reqs = reqs.slice(0, REPRODUCE_SAMPLES);
});

describe('docs/results.json', () => {
  it('is reproduced by the shipped weights on the regenerated first test scenes', async () => {
    expect(results.reproduce.samples).toBe(REPRODUCE_SAMPLES);
    // the float CVAEs and their quantized copies (issue 19), as eval loads them
    const got = await evaluateAll(
      reqs,
      Object.fromEntries(['pseudo', 'vanilla', 'pseudo-q', 'vanilla-q'].map((id) => [id, load(id)])),
    );
    expect(Object.keys(got).sort()).toEqual(Object.keys(results.reproduce.results).sort());
    for (const [name, want] of Object.entries(results.reproduce.results)) {
      const g = got[name]!;
      for (const key of ['minADE', 'minFDE', 'missRate'] as const)
        for (const [h, v] of Object.entries(want[key]))
          expect(g[key][h], `${name} ${key} ${h}`).toBeCloseTo(v, 4);
      expect(g.overlapRate).toBeCloseTo(want.overlapRate, 6);
      // mAP ranks the joint predictions by confidence: the kinematic baseline's 6 probabilities too
      for (const [h, v] of Object.entries(want.mAP ?? {}))
        expect(g.mAP![h], `${name} mAP ${h}`).toBeCloseTo(v, 4);
      if (want.latent) {
        expect(g.latent!.priorAccuracy).toBeCloseTo(want.latent.priorAccuracy, 6);
        expect(g.latent!.meanKL).toBeCloseTo(want.latent.meanKL, 4);
        expect(g.latent!.confusion).toEqual(want.latent.confusion);
      }
    }
  });
});
