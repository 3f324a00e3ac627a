// Summaries for benchmark figures: median and spread, as every benchmark prints them.

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (at - lo);
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
