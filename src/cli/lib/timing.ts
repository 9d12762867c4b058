// Timing helpers shared by the benchmarks.

/** Runs fn `runs` times after `warmup` runs and returns the per-run milliseconds, sorted. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const median = (sorted: number[]) => quantile(sorted, 0.5);

export function fmt(v: number, digits = 2): string {
  return v.toFixed(digits);
}
