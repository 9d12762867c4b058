// The model in the browser: the worker on WebGPU (SwiftShader here), WebGL and wasm (threaded in the
// cross-origin isolated page) loads the shipped weights and predicts the same joint futures as the
// Node wasm backend for the same input.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSample } from '../../src/model/features';
import { knowledgeFeatures } from '../../src/model/knowledge';
import { priorKnowledgeDim } from '../../src/model/network';
import { predictFrames, toScene } from '../../src/model/predict';
import { decodeModel, type ModelJson } from '../../src/model/weights';
import { interactingPair, type Scene } from '../../src/scene/scene';
import { memorySource, ScenarioFile } from '../../src/waymo';
import { startHarness, type Harness } from '../../src/cli/lib/browser';

const ROOT = join(import.meta.dirname, '../..');
let h: Harness;
let scene: Scene;
beforeAll(async () => {
  await tf.setBackend('wasm');
  h = await startHarness();
  const file = await ScenarioFile.open(memorySource(readFileSync(join(ROOT, 'public/demo/demo.tfrecord'))));
  scene = await file.scene(0);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

interface BrowserPrediction {
  backend: string;
  clientBackend: string;
  /** crossOriginIsolated in the page. */
  isolated: boolean;
  prior: number[];
  posterior: number[] | null;
  modes: { probability: number; samples: { a: number[]; b: number[]; source?: string }[] }[];
}

/** Predicts in the page's model worker for the scene the app shows (demo scene 0). */
async function browserPredict(backend: string, t: number, pair: [number, number]) {
  const page = await h.newPage();
  // the app's own predictions off: its worker would measure every backend beside this one
  await page.goto(`${h.url}?off=predictions`);
  await page.waitForFunction(() => window.__modescope?.store.get().scene != null, null, { timeout: 60_000 });
  const out = await page.evaluate(
    async ({ backend, t, pair }) => {
      const client = await window.__modescopeModel!({ backend, variants: ['pseudo'] });
      const s = window.__modescope!.store.get().scene!;
      const p = await client.predict(s, pair, t, { samplesPerMode: 2, seed: 1 });
      const result = {
        isolated: crossOriginIsolated,
        sceneId: s.id,
        backend: p.backend,
        clientBackend: client.backend,
        prior: p.prior,
        posterior: p.posterior,
        modes: p.modes.map((m) => ({
          probability: m.probability,
          samples: m.samples.map((x) => ({ a: Array.from(x.a), b: Array.from(x.b), source: x.source })),
        })),
      };
      client.terminate();
      return result;
    },
    { backend, t, pair },
  );
  await page.close();
  expect(out.sceneId).toBe(scene.id);
  return out as BrowserPrediction & { sceneId: string };
}

async function nodePredict(t: number, pair: [number, number]) {
  const json = JSON.parse(readFileSync(join(ROOT, 'public/models/pseudo/model.json'), 'utf8')) as ModelJson;
  const bin = readFileSync(join(ROOT, 'public/models/pseudo/weights.bin'));
  const params = decodeModel(json, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  const sample = buildSample(scene, pair[0], pair[1], t);
  // a prior that reads d(x) (model/knowledge.ts) gets it, as the worker's predictPairs computes it
  if (priorKnowledgeDim(params))
    sample.features.knowledge = knowledgeFeatures(scene, sample.frame, sample.features);
  const [frames] = await predictFrames(params, [sample.features], { samplesPerMode: 2, seed: 1 });
  tf.dispose(Object.values(params));
  return toScene(sample.frame, frames!);
}

function maxDifference(b: BrowserPrediction, n: Awaited<ReturnType<typeof nodePredict>>) {
  let pos = 0;
  let prob = 0;
  n.forEach((m, z) => {
    prob = Math.max(prob, Math.abs(m.probability - b.modes[z]!.probability));
    m.samples.forEach((s, k) => {
      const bs = b.modes[z]!.samples[k]!;
      for (let i = 0; i < s.a.length; i++) {
        pos = Math.max(pos, Math.abs(s.a[i]! - bs.a[i]!), Math.abs(s.b[i]! - bs.b[i]!));
      }
    });
  });
  return { pos, prob };
}

describe('model worker', () => {
  it('runs on WebGPU and matches the Node wasm outputs within 1e-3 m', async () => {
    const pair = interactingPair(scene)!;
    const b = await browserPredict('webgpu', 10, pair);
    expect(b.clientBackend).toBe('webgpu');
    expect(b.backend).toBe('webgpu');
    expect(b.modes).toHaveLength(3);
    // per mode its 2 own samples, and the one kinematic anchor in the mode the goal mixture gives it
    const own = b.modes.map((m) => m.samples.filter((x) => x.source !== 'kinematic'));
    expect(own.every((x) => x.length === 2 && x[0]!.a.length === 160)).toBe(true);
    expect(b.modes.flatMap((m) => m.samples.filter((x) => x.source === 'kinematic'))).toHaveLength(1);
    expect(b.prior.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    expect(b.posterior).not.toBeNull();
    const d = maxDifference(b, await nodePredict(10, pair));
    console.log(
      `webgpu vs node wasm at t=10: max position difference ${d.pos.toExponential(2)} m, probability ${d.prob.toExponential(2)}`,
    );
    expect(d.pos).toBeLessThan(1e-3);
    expect(d.prob).toBeLessThan(1e-4);
  }, 180_000);

  it('predicts from a later step, and the WebGL fallback gives the same numbers', async () => {
    const pair = interactingPair(scene)!;
    const b = await browserPredict('webgl', 40, pair);
    expect(b.backend).toBe('webgl');
    const d = maxDifference(b, await nodePredict(40, pair));
    console.log(`webgl vs node wasm at t=40: max position difference ${d.pos.toExponential(2)} m`);
    expect(d.pos).toBeLessThan(1e-3);
  }, 180_000);

  it('runs wasm with threads in the cross-origin isolated page and gives the same numbers', async () => {
    const pair = interactingPair(scene)!;
    const b = await browserPredict('wasm', 10, pair);
    expect(b.backend).toBe('wasm');
    // vite.config.ts's headers: SharedArrayBuffer, so tfjs's threaded-SIMD wasm (its factory from the raw file)
    expect(b.isolated).toBe(true);
    const d = maxDifference(b, await nodePredict(10, pair));
    console.log(`wasm (threads) vs node wasm at t=10: max position difference ${d.pos.toExponential(2)} m`);
    expect(d.pos).toBeLessThan(1e-3);
  }, 180_000);
});
