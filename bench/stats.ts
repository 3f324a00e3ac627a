// Summaries for benchmark figures: median and spread, as every benchmark prints them.

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(at)] ?? 0;
  const hi = sorted[Math.ceil(at)] ?? 0;
  // A figure never reached (Infinity) stays one, rather than Infinity - Infinity = NaN.
  return hi === lo ? lo : lo + (hi - lo) * (at - Math.floor(at));
}

/** "median (min–max)" with the given unit and precision. */
export function spread(values: readonly number[], unit: string, digits = 0): string {
  const f = (n: number): string =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${f(median(values))} ${unit} (range ${f(Math.min(...values))}–${f(Math.max(...values))}, n=${values.length})`;
}

export function nowMs(): number {
  return performance.now();
}
