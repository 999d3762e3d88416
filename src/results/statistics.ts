/**
 * The few statistics the report needs. simple-statistics computes the correlation, the
 * medians and the normal quantile; the Wilson interval is four lines of its published formula.
 */
import { median, probit, sampleCorrelation } from 'simple-statistics';

/** 95 % confidence: the normal quantile 1.959964… */
export const Z95 = probit(0.975);

/**
 * Wilson score interval for k successes in n: unlike "p ± 1.96·SE" it stays inside 0-1 and
 * holds its 95 % coverage for the small cohorts (20-40 staff) trainers have.
 */
export function wilsonInterval(k: number, n: number, z = Z95): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Pearson correlation, or null where it is undefined (fewer than 3 pairs, or no variation on one side). */
export function correlation(x: number[], y: number[]): number | null {
  if (x.length < 3) return null;
  const r = sampleCorrelation(x, y);
  return Number.isFinite(r) ? r : null;
}

export function medianOf(values: number[]): number | null {
  return values.length === 0 ? null : median(values);
}

export function meanOf(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounded for the report and the JSON: 4 decimals, so figures read the same on every machine. */
export function round(value: number | null, decimals = 4): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0: "-0" would read as a negative figure.
  return Math.round(value * factor) / factor + 0;
}
