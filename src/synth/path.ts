// Paths in the layout's local frame, resampled at a fixed arc-length step so that a position,
// heading or curvature at arc length s is one array lookup (the simulation asks millions of times).

export interface Pt {
  x: number;
  y: number;
}

/** Arc-length step of every Path, metres. */
export const DS = 0.5;

export class Path {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Tangent heading, radians. */
  readonly hs: Float64Array;
  /** Signed curvature, 1/m. */
  readonly ks: Float64Array;
  readonly length: number;
  readonly n: number;

  constructor(points: Pt[]) {
    const m = points.length;
    const cum = new Float64Array(m);
    for (let i = 1; i < m; i++)
      cum[i] = cum[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
    this.length = cum[m - 1]!;
    this.n = Math.max(2, Math.floor(this.length / DS) + 1);
    this.xs = new Float64Array(this.n);
    this.ys = new Float64Array(this.n);
    let j = 0;
    for (let k = 0; k < this.n; k++) {
      const s = Math.min(k * DS, this.length);
      while (j < m - 2 && cum[j + 1]! < s) j++;
      const seg = cum[j + 1]! - cum[j]!;
      const f = seg > 0 ? (s - cum[j]!) / seg : 0;
      this.xs[k] = points[j]!.x + f * (points[j + 1]!.x - points[j]!.x);
      this.ys[k] = points[j]!.y + f * (points[j + 1]!.y - points[j]!.y);
    }
    this.hs = new Float64Array(this.n);
    for (let k = 0; k < this.n; k++) {
      const a = Math.max(0, k - 1);
      const b = Math.min(this.n - 1, k + 1);
      this.hs[k] = Math.atan2(this.ys[b]! - this.ys[a]!, this.xs[b]! - this.xs[a]!);
    }
    this.ks = new Float64Array(this.n);
    for (let k = 0; k < this.n; k++) {
      const a = Math.max(0, k - 2);
      const b = Math.min(this.n - 1, k + 2);
      this.ks[k] = b > a ? wrap(this.hs[b]! - this.hs[a]!) / ((b - a) * DS) : 0;
    }
  }

  /** Sample index and fraction at arc length s (clamped to the path). */
  private at(s: number): [number, number] {
    const u = Math.min(Math.max(s, 0), (this.n - 1) * DS) / DS;
    const k = Math.min(this.n - 2, Math.floor(u));
    return [k, u - k];
  }

  x(s: number): number {
    const [k, f] = this.at(s);
    return this.xs[k]! + f * (this.xs[k + 1]! - this.xs[k]!);
  }

  y(s: number): number {
    const [k, f] = this.at(s);
    return this.ys[k]! + f * (this.ys[k + 1]! - this.ys[k]!);
  }

  heading(s: number): number {
    const [k, f] = this.at(s);
    return this.hs[k]! + f * wrap(this.hs[k + 1]! - this.hs[k]!);
  }

  curvature(s: number): number {
    const [k, f] = this.at(s);
    return this.ks[k]! + f * (this.ks[k + 1]! - this.ks[k]!);
  }

  /** The points every `step` metres (ends included), for map polylines. */
  points(step: number): Pt[] {
    const out: Pt[] = [];
    const every = Math.max(1, Math.round(step / DS));
    for (let k = 0; k < this.n; k += every) out.push({ x: this.xs[k]!, y: this.ys[k]! });
    if ((this.n - 1) % every !== 0) out.push({ x: this.xs[this.n - 1]!, y: this.ys[this.n - 1]! });
    return out;
  }

  /** This path shifted sideways by `d` (left positive). */
  offset(d: number): Path {
    const pts: Pt[] = [];
    for (let k = 0; k < this.n; k++)
      pts.push({ x: this.xs[k]! - d * Math.sin(this.hs[k]!), y: this.ys[k]! + d * Math.cos(this.hs[k]!) });
    return new Path(pts);
  }
}

export function wrap(a: number): number {
  while (a > Math.PI) a -= 2 * Math.PI;
  while (a < -Math.PI) a += 2 * Math.PI;
  return a;
}

/** Dense points of a straight segment. */
export function line(a: Pt, b: Pt): Pt[] {
  const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2));
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) out.push({ x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n });
  return out;
}

/**
 * Dense points of a cubic Bezier leaving `a` with heading `ha` and arriving at `b` with heading
 * `hb`; handle lengths are `c` times the chord (0.4 to 0.55 gives turns close to circular arcs).
 */
export function bezier(a: Pt, ha: number, b: Pt, hb: number, c = 0.5): Pt[] {
  const d = Math.hypot(b.x - a.x, b.y - a.y) * c;
  const p1 = { x: a.x + d * Math.cos(ha), y: a.y + d * Math.sin(ha) };
  const p2 = { x: b.x - d * Math.cos(hb), y: b.y - d * Math.sin(hb) };
  const n = Math.max(8, Math.ceil((Math.hypot(b.x - a.x, b.y - a.y) * 1.6) / 0.25));
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const w0 = u * u * u;
    const w1 = 3 * u * u * t;
    const w2 = 3 * u * t * t;
    const w3 = t * t * t;
    out.push({
      x: w0 * a.x + w1 * p1.x + w2 * p2.x + w3 * b.x,
      y: w0 * a.y + w1 * p1.y + w2 * p2.y + w3 * b.y,
    });
  }
  return out;
}

/** Dense points of a circular arc from angle a0 to a1 (counter-clockwise when a1 > a0). */
export function arc(c: Pt, r: number, a0: number, a1: number): Pt[] {
  const n = Math.max(4, Math.ceil((Math.abs(a1 - a0) * r) / 0.25));
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const a = a0 + ((a1 - a0) * i) / n;
    out.push({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
  }
  return out;
}

/** Concatenates point runs, dropping each run's first point when it repeats the previous end. */
export function join(...runs: Pt[][]): Pt[] {
  const out: Pt[] = [];
  for (const r of runs)
    for (const p of r) {
      const q = out[out.length - 1];
      if (!q || Math.hypot(p.x - q.x, p.y - q.y) > 1e-6) out.push(p);
    }
  return out;
}
