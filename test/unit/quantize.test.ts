// Layer-wise mixed precision (issue 19, model/quantize.ts): the packed bit stream round-trips, a
// quantized model decodes through decodeModel to exactly the values fakeQuantize says (float16 and
// uint8 through tfjs's own decoder, 2-7 bits through the packed form), the clipped range never does
// worse than min/max, the allocation is the exhaustive optimum on small cases and respects the
// budget, and the weights check names a damaged packed entry. The shipped quantized models load.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createParams } from '../../src/model/network';
import {
  affineRange,
  allocateBits,
  BIT_CHOICES,
  encodeTensor,
  fakeQuantize,
  packCodes,
  quantizeCodes,
  storedBytes,
  unpackCodes,
  type BitWidth,
} from '../../src/model/quantize';
import { Rng } from '../../src/util/rng';
import { decodeModel, encodeModel, type ModelJson } from '../../src/model/weights';
import { checkModelJson, WeightsError } from '../../src/model/weights-check';
import { readModelDir } from '../../src/cli/lib/local-models';

beforeAll(async () => {
  await tf.setBackend('wasm');
});

const normals = (n: number, seed: number) => {
  const r = new Rng(seed, 0, 1);
  return Float32Array.from({ length: n }, () => r.normal() * 0.1);
};

describe('quantized weights', () => {
  it('packs and unpacks codes of every width 1-7 exactly', () => {
    for (let bits = 1; bits <= 7; bits++) {
      const r = new Rng(bits, 0, 2);
      const codes = Uint32Array.from({ length: 1001 }, () => Math.floor(r.next() * 2 ** bits));
      const bytes = packCodes(codes, bits);
      expect(bytes.length).toBe(Math.ceil((1001 * bits) / 8));
      expect(unpackCodes(bytes, 1001, bits)).toEqual(codes);
    }
  });

  it('the clipped range is never worse than min/max, and at 8 bits within half a step', () => {
    const v = normals(4000, 3);
    v[0] = 2; // an outlier
    for (const bits of [2, 3, 4, 8]) {
      const { min, scale } = affineRange(v, bits);
      const deq = Float32Array.from(quantizeCodes(v, bits, min, scale), (c) => min + scale * c);
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of v) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      const s0 = (hi - lo) / (2 ** bits - 1);
      const plain = Float32Array.from(quantizeCodes(v, bits, lo, s0), (c) => lo + s0 * c);
      const sse = (a: Float32Array) => a.reduce((s, x, i) => s + (x - v[i]!) ** 2, 0);
      expect(sse(deq)).toBeLessThanOrEqual(sse(plain) + 1e-9);
      if (bits === 2) expect(sse(deq)).toBeLessThan(0.5 * sse(plain)); // the outlier is clipped
    }
    // within the range, a value is off by at most half a step
    const w = normals(500, 4);
    const { min, scale } = affineRange(w, 8);
    const q = fakeQuantize(w, 8);
    w.forEach((x, i) => {
      if (x >= min && x <= min + 255 * scale)
        expect(Math.abs(q[i]! - x)).toBeLessThanOrEqual(scale / 2 + 1e-7);
    });
  });

  it('a quantized model decodes to the values fakeQuantize gives, every width, through decodeModel', async () => {
    const params = createParams(5);
    const { json } = await encodeModel(params, { variant: 'pseudo' });
    const names = json.weightsManifest[0]!.weights.map((w) => w.name);
    const widths: (BitWidth | 32)[] = [...BIT_CHOICES, 32];
    const parts: Uint8Array[] = [];
    const want = new Map<string, Float32Array>();
    const entries = names.map((n, i) => {
      const v = params[n]!.dataSync() as Float32Array;
      const b = widths[i % widths.length]!;
      const e = encodeTensor(n, params[n]!.shape, v, b);
      parts.push(e.bytes);
      want.set(n, fakeQuantize(v, b));
      expect(e.bytes.length).toBe(storedBytes(v.length, b));
      return e.entry;
    });
    const data = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    parts.reduce((at, p) => (data.set(p, at), at + p.length), 0);
    const q: ModelJson = { ...json, weightsManifest: [{ paths: ['weights.bin'], weights: entries }] };
    const back = decodeModel(q, data.buffer);
    for (const n of names) {
      const got = back[n]!.dataSync() as Float32Array;
      const w = want.get(n)!;
      // float16 is read by tfjs's own decoder: equal to our encoder's round trip to the bit
      for (let i = 0; i < w.length; i++) expect(got[i]).toBeCloseTo(w[i]!, 6);
    }
    // fewer bits, fewer bytes: this mix is well under the float32 file
    expect(data.length).toBeLessThan(0.5 * names.reduce((a, n) => a + 4 * params[n]!.size, 0));
  });

  it('the allocation is the exhaustive optimum under the budget, and null when nothing fits', () => {
    const r = new Rng(9, 0, 3);
    const widths: BitWidth[] = [2, 4, 8, 16];
    for (let trial = 0; trial < 20; trial++) {
      const layers = [0, 1, 2, 3].map((i) => {
        const values = 100 + Math.floor(r.next() * 2000);
        let c = 0;
        const cost = new Map<BitWidth, number>();
        for (const b of [...widths].reverse()) cost.set(b, (c += r.next() * (i + 1)));
        return { name: `l${i}`, values, cost };
      });
      const full = layers.reduce((a, l) => a + storedBytes(l.values, 16), 0);
      const budget = 100 + full * (0.2 + 0.6 * r.next());
      const got = allocateBits(layers, budget, 100, 1);
      // exhaustive
      let best = Infinity;
      const rec = (i: number, bytes: number, cost: number) => {
        if (bytes > budget - 100) return;
        if (i === layers.length) return void (best = Math.min(best, cost));
        for (const b of widths)
          rec(i + 1, bytes + storedBytes(layers[i]!.values, b), cost + layers[i]!.cost.get(b)!);
      };
      rec(0, 0, 0);
      expect(got).not.toBeNull();
      const bytes = layers.reduce((a, l) => a + storedBytes(l.values, got!.get(l.name)!), 0);
      const cost = layers.reduce((a, l) => a + l.cost.get(got!.get(l.name)!)!, 0);
      expect(bytes).toBeLessThanOrEqual(budget - 100);
      expect(cost).toBeCloseTo(best, 9);
    }
    const one = [{ name: 'x', values: 1000, cost: new Map<BitWidth, number>([[2, 1]]) }];
    expect(allocateBits(one, 100, 0, 1)).toBeNull();
  });

  it('the weights check names a damaged packed entry', async () => {
    const params = createParams(6);
    const { json } = await encodeModel(params, {});
    const w = json.weightsManifest[0]!.weights[0]!;
    const v = params[w.name]!.dataSync() as Float32Array;
    const packed = encodeTensor(w.name, w.shape, v, 4).entry;
    const bad = (p: unknown, extra = {}) => {
      const j = structuredClone(json);
      j.weightsManifest[0]!.weights[0] = { ...packed, ...extra, modescopePacked: p } as never;
      try {
        checkModelJson(j);
      } catch (e) {
        expect(e).toBeInstanceOf(WeightsError);
        return (e as Error).message;
      }
      return 'passed';
    };
    expect(bad(packed.modescopePacked)).toBe('passed');
    expect(bad({ bits: 9, scale: 1, min: 0 })).toMatch(`weight '${w.name}': modescopePacked.bits is 9`);
    expect(bad({ bits: 4, scale: 'x', min: 0 })).toMatch(/modescopePacked.scale/);
    expect(bad(packed.modescopePacked, { quantization: { dtype: 'uint8', scale: 1, min: 0 } })).toMatch(
      /both modescopePacked and quantization/,
    );
  });

  it('the shipped quantized models load, within their size target and close to their float models', () => {
    const root = join(import.meta.dirname, '../../public/models');
    for (const v of ['pseudo', 'vanilla']) {
      const q = readModelDir(join(root, `${v}-q`))!;
      const f = readModelDir(join(root, v))!;
      expect(readFileSync(join(root, `${v}-q`, 'weights.bin')).length).toBeLessThanOrEqual(450_000);
      const card = q.json.userDefinedMetadata.quantization as { bits: Record<string, number> };
      // every kernel is stored at the width its card names: the decoded values are exactly the float
      // model's stored at that width (fakeQuantize), so the card describes the file
      for (const [name, bits] of Object.entries(card.bits)) {
        const want = fakeQuantize(f.params[name]!.dataSync() as Float32Array, bits as BitWidth);
        const got = q.params[name]!.dataSync();
        for (let i = 0; i < want.length; i += 7) expect(got[i], `${v}-q ${name}`).toBeCloseTo(want[i]!, 6);
      }
    }
  });
});
