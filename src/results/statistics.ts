/**
 * The few statistics the report needs. simple-statistics gives the median and the normal
 * quantile; the Wilson interval is its published formula, and the correlation is kept as
 * running sums so that it streams.
 */
import { median, probit } from 'simple-statistics';

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

/**
 * Pearson correlation from running sums: pairs are added one by one and never stored, so a
 * question answered 100,000 times costs five numbers. Null where it is undefined (fewer than
 * 3 pairs, or no variation on one side).
 */
export class Correlation {
  private n = 0;
  private sx = 0;
  private sy = 0;
  private sxx = 0;
  private syy = 0;
  private sxy = 0;

  add(x: number, y: number): void {
    this.n++;
    this.sx += x;
    this.sy += y;
    this.sxx += x * x;
    this.syy += y * y;
    this.sxy += x * y;
  }

  value(): number | null {
    const { n, sx, sy } = this;
    const vx = n * this.sxx - sx * sx;
    const vy = n * this.syy - sy * sy;
    // A variance this small against the sums is rounding, not variation.
    if (n < 3 || vx <= 1e-12 * n * this.sxx || vy <= 1e-12 * n * this.syy) return null;
    return Math.max(-1, Math.min(1, (n * this.sxy - sx * sy) / Math.sqrt(vx * vy)));
  }
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
