// Layer-wise mixed-precision weights (issue 19): the numbers, the stored form and the bit allocation.
// No tfjs here (the page's main bundle checks model folders with weights-check.ts, which sizes
// entries with packedBytes); cli/quantize.ts measures the importances and writes the models,
// weights.ts decodeModel expands packed entries before tf.io.decodeWeights.
//
// Stored form, per weight tensor of the weights manifest (one of):
//   - float32: as trained (the forecast table prior/forecast, 9 values, stays so: it is counted,
//     not learned, and exact);
//   - 16 bits: tfjs's own `quantization: {dtype: 'float16'}` (tf.io.decodeWeights dequantizes it);
//   - 8 bits: tfjs's own `quantization: {dtype: 'uint8', scale, min}`, value = min + scale · code;
//   - 2 to 7 bits: ModeScope's packed form, `modescopePacked: {bits, scale, min}` on an entry whose
//     dtype is float32: the codes (0 .. 2^bits − 1) as one little-endian bit stream (code i starts
//     at bit i · bits, least significant bit first), ceil(n · bits / 8) bytes; value = min + scale ·
//     code, as tfjs's uint8 form. decodeModel turns these entries into float32 before tfjs reads
//     the manifest, so every tfjs consumer sees plain float32 weights.
// Range: per tensor, affine (min, scale), the range [lo, hi] = [α · min(w), α · max(w)] with α in
// CLIP_STEPS chosen to minimise the squared error of the dequantized tensor: at 2-4 bits a few
// outliers would otherwise spend most codes on empty range (α = 1 is always tried, so the error is
// never above the plain min/max range's).

/** Bit widths a kernel may get: packed 2-7, tfjs uint8, tfjs float16. */
export const BIT_CHOICES = [2, 3, 4, 5, 6, 7, 8, 16] as const;
export type BitWidth = (typeof BIT_CHOICES)[number];

/** Range shrink factors tried per tensor (header): 1 down to 0.3 in steps of 0.025. */
export const CLIP_STEPS = Array.from({ length: 29 }, (_, i) => 1 - 0.025 * i);

/** A packed entry's parameters (the manifest entry's `modescopePacked`). */
export interface PackedSpec {
  bits: number;
  scale: number;
  min: number;
}

/** Bytes `n` values take at `bits` per value in the packed form. */
export function packedBytes(n: number, bits: number): number {
  return Math.ceil((n * bits) / 8);
}

/** Bytes `n` values take stored at a bit width (16: float16, 8: uint8, below: packed). */
export function storedBytes(n: number, bits: BitWidth | 32): number {
  return bits === 32 ? 4 * n : bits === 16 ? 2 * n : packedBytes(n, bits);
}

/** The affine range for `bits` over `values` with its outliers clipped as the header says. */
export function affineRange(values: Float32Array, bits: number): { min: number; scale: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return { min: Number.isFinite(lo) ? lo : 0, scale: 1 };
  const levels = 2 ** bits - 1;
  let best = { min: lo, scale: (hi - lo) / levels, err: Infinity };
  for (const a of CLIP_STEPS) {
    const min = a * lo;
    const scale = (a * (hi - lo)) / levels;
    let err = 0;
    for (const v of values) {
      const c = Math.min(levels, Math.max(0, Math.round((v - min) / scale)));
      const d = min + scale * c - v;
      err += d * d;
    }
    if (err < best.err) best = { min, scale, err };
  }
  return { min: best.min, scale: best.scale };
}

/** The codes of `values` in the range (min, scale) at `bits`, rounded and clipped. */
export function quantizeCodes(values: Float32Array, bits: number, min: number, scale: number): Uint32Array {
  const levels = 2 ** bits - 1;
  return Uint32Array.from(values, (v) => Math.min(levels, Math.max(0, Math.round((v - min) / scale))));
}

/** Codes as the packed bit stream (header). */
export function packCodes(codes: Uint32Array, bits: number): Uint8Array {
  const out = new Uint8Array(packedBytes(codes.length, bits));
  let bit = 0;
  for (const c of codes) {
    for (let k = 0; k < bits; k++, bit++) if ((c >> k) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  }
  return out;
}

/** The `n` codes of a packed bit stream. */
export function unpackCodes(bytes: Uint8Array, n: number, bits: number): Uint32Array {
  const out = new Uint32Array(n);
  let bit = 0;
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let k = 0; k < bits; k++, bit++) c |= ((bytes[bit >> 3]! >> (bit & 7)) & 1) << k;
    out[i] = c;
  }
  return out;
}

/** float32 -> IEEE half (round to nearest even), as tfjs's float16 weights store it. */
function toHalf(v: number): number {
  const f = new Float32Array([v]);
  const x = new Uint32Array(f.buffer)[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && h & 1)) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && h & 1)) h++; // a carry into the exponent is still right
  return sign | h;
}

/** IEEE half -> float32. */
function fromHalf(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** The values as they read back after storing at `bits` (what the loaded model computes with). */
export function fakeQuantize(values: Float32Array, bits: BitWidth | 32): Float32Array {
  if (bits === 32) return Float32Array.from(values);
  if (bits === 16) return Float32Array.from(values, (v) => fromHalf(toHalf(v)));
  const { min, scale } = affineRange(values, bits);
  const codes = quantizeCodes(values, bits, min, scale);
  return Float32Array.from(codes, (c) => min + scale * c);
}

/** A weights-manifest entry as ModeScope writes it (tfjs's own fields, plus the packed form's). */
export interface QuantEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
  quantization?: { dtype: 'uint8'; scale: number; min: number } | { dtype: 'float16' };
  modescopePacked?: PackedSpec;
}

/** One tensor stored at `bits`: its manifest entry and its bytes (header). */
export function encodeTensor(
  name: string,
  shape: number[],
  values: Float32Array,
  bits: BitWidth | 32,
): { entry: QuantEntry; bytes: Uint8Array } {
  const entry: QuantEntry = { name, shape, dtype: 'float32' };
  if (bits === 32) return { entry, bytes: new Uint8Array(Float32Array.from(values).buffer) };
  if (bits === 16) {
    entry.quantization = { dtype: 'float16' };
    return { entry, bytes: new Uint8Array(Uint16Array.from(values, toHalf).buffer) };
  }
  const { min, scale } = affineRange(values, bits);
  const codes = quantizeCodes(values, bits, min, scale);
  if (bits === 8) {
    entry.quantization = { dtype: 'uint8', scale, min };
    return { entry, bytes: Uint8Array.from(codes) };
  }
  entry.modescopePacked = { bits, scale, min };
  return { entry, bytes: packCodes(codes, bits) };
}

/**
 * Whether a manifest entry's `modescopePacked` is readable: bits a whole number 1-7 and scale and
 * min finite numbers; the problem in words otherwise (weights-check.ts names the file and weight).
 */
export function packedProblem(p: unknown): string | null {
  if (typeof p !== 'object' || p === null) return `modescopePacked is ${JSON.stringify(p)}, not an object`;
  const { bits, scale, min } = p as Record<string, unknown>;
  if (!Number.isInteger(bits) || (bits as number) < 1 || (bits as number) > 7)
    return `modescopePacked.bits is ${JSON.stringify(bits)}, expected a whole number 1-7`;
  if (typeof scale !== 'number' || !Number.isFinite(scale))
    return `modescopePacked.scale is ${JSON.stringify(scale)}, expected a finite number`;
  if (typeof min !== 'number' || !Number.isFinite(min))
    return `modescopePacked.min is ${JSON.stringify(min)}, expected a finite number`;
  return null;
}

/**
 * The manifest and bytes with every packed entry expanded to plain float32 (the others' bytes
 * copied as they are), so tf.io.decodeWeights reads the result; `bytesOf` gives an entry's stored
 * size (weights-check.ts), so the walk agrees with the checks.
 */
export function expandPacked<E extends { name: string; shape: number[]; modescopePacked?: PackedSpec }>(
  entries: readonly E[],
  data: ArrayBuffer,
  bytesOf: (e: E) => number,
): { entries: E[]; data: ArrayBuffer } {
  if (!entries.some((e) => e.modescopePacked)) return { entries: [...entries], data };
  const src = new Uint8Array(data);
  const parts: Uint8Array[] = [];
  const out: E[] = [];
  let at = 0;
  for (const e of entries) {
    const size = bytesOf(e);
    const bytes = src.subarray(at, at + size);
    at += size;
    const p = e.modescopePacked;
    if (!p) {
      parts.push(bytes);
      out.push(e);
      continue;
    }
    const n = e.shape.reduce((a, d) => a * d, 1);
    const codes = unpackCodes(bytes, n, p.bits);
    parts.push(new Uint8Array(Float32Array.from(codes, (c) => p.min + p.scale * c).buffer));
    const plain = { ...e };
    delete plain.modescopePacked;
    out.push(plain);
  }
  const all = new Uint8Array(parts.reduce((a, b) => a + b.length, 0));
  let o = 0;
  for (const b of parts) {
    all.set(b, o);
    o += b.length;
  }
  return { entries: out, data: all.buffer };
}

/**
 * The bit width per layer that minimises the summed importance under a byte budget: a
 * multiple-choice knapsack solved exactly by dynamic programming over the budget in `unit`-byte
 * steps (each option's bytes rounded up, so the result never exceeds the budget). `layers[i].cost`
 * maps each allowed bit width to its importance (the loss increase when that layer alone is stored
 * so); `fixedBytes` is what everything else takes. Null when even the smallest widths do not fit.
 */
export function allocateBits(
  layers: readonly { name: string; values: number; cost: ReadonlyMap<BitWidth, number> }[],
  budgetBytes: number,
  fixedBytes: number,
  unit = 64,
): Map<string, BitWidth> | null {
  const cap = Math.floor((budgetBytes - fixedBytes) / unit);
  if (cap < 0) return null;
  const L = layers.length;
  // best[c] = least summed cost using at most c units for the layers so far
  let best = new Float64Array(cap + 1); // zero layers: cost 0
  const choice: Int8Array[] = [];
  for (let i = 0; i < L; i++) {
    const opts = [...layers[i]!.cost.entries()].map(([b, cost]) => ({
      b,
      cost,
      u: Math.ceil(storedBytes(layers[i]!.values, b) / unit),
    }));
    const next = new Float64Array(cap + 1).fill(Infinity);
    const pick = new Int8Array(cap + 1).fill(-1);
    for (let c = 0; c <= cap; c++)
      opts.forEach((o, k) => {
        if (o.u > c) return;
        const v = best[c - o.u]! + o.cost;
        if (v < next[c]!) {
          next[c] = v;
          pick[c] = k;
        }
      });
    best = next;
    choice.push(pick);
  }
  if (!Number.isFinite(best[cap]!)) return null;
  const out = new Map<string, BitWidth>();
  let c = cap;
  for (let i = L - 1; i >= 0; i--) {
    const opts = [...layers[i]!.cost.keys()];
    const k = choice[i]![c]!;
    const b = opts[k]!;
    out.set(layers[i]!.name, b);
    c -= Math.ceil(storedBytes(layers[i]!.values, b) / unit);
  }
  return out;
}
