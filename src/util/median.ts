// The median of a list of numbers (NaN for none): backend timings (model/backends.ts) and the
// heading-unit vote of the JSON reader (waymo/json.ts) share it.
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
