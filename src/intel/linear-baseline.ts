import { solveRidge } from "./cholesky.js";
import type { FeatureColumn } from "./feature-column.js";

/** A ridge regression on standardised numbers and one-hot categories, fitted on the log scale. */
export interface LinearModel {
  /** Estimate for row i (log scale, before any shift). */
  readonly predict: (i: number) => number;
}

/** Levels of a category fitted as their own column; rarer ones share the baseline. */
const MIN_LEVEL_ROWS = 10;
const MAX_LEVELS = 30;

/**
 * Fits y ≈ Xβ by ridge regression (penalty `ridge` on every coefficient but the intercept) over
 * the `train` rows: numeric columns standardised with a missing indicator where values are
 * missing (missing values at the mean), categorical columns one-hot over their common levels.
 */
export function fitLinear(columns: readonly FeatureColumn[], y: Float64Array, train: Int32Array, ridge = 1): LinearModel {
  const terms: ((i: number, out: Float64Array, at: number) => number)[] = [];
  for (const column of columns) {
    if (column.kind === "numeric") {
      let sum = 0, sum2 = 0, count = 0;
      for (const i of train) {
        const v = column.values[i];
        if (!Number.isNaN(v)) (sum += v), (sum2 += v * v), count++;
      }
      if (count === 0) continue;
      const mean = sum / count;
      const sd = Math.sqrt(Math.max(0, sum2 / count - mean * mean)) || 1;
      const values = column.values;
      if (count < train.length) {
        terms.push((i, out, at) => {
          const v = values[i];
          const missing = Number.isNaN(v);
          out[at] = missing ? 0 : (v - mean) / sd;
          out[at + 1] = missing ? 1 : 0;
          return 2;
        });
      } else {
        terms.push((i, out, at) => {
          const v = values[i];
          out[at] = Number.isNaN(v) ? 0 : (v - mean) / sd;
          return 1;
        });
      }
    } else {
      const counts = new Map<number, number>();
      for (const i of train) if (column.codes[i] >= 0) counts.set(column.codes[i], (counts.get(column.codes[i]) ?? 0) + 1);
      const levels = [...counts].filter(([, c]) => c >= MIN_LEVEL_ROWS).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_LEVELS).map(([code]) => code);
      if (levels.length === 0) continue;
      const slot = new Map(levels.map((code, s) => [code, s]));
      const codes = column.codes;
      terms.push((i, out, at) => {
        for (let s = 0; s < levels.length; s++) out[at + s] = 0;
        const s = slot.get(codes[i]);
        if (s !== undefined) out[at + s] = 1;
        return levels.length;
      });
    }
  }
  const probe = new Float64Array(4096);
  let d = 1;
  for (const term of terms) d += term(train.length > 0 ? train[0] : 0, probe, d);
  const xtx = new Float64Array(d * d), xty = new Float64Array(d);
  const x = new Float64Array(d);
  const fill = (i: number) => {
    x[0] = 1;
    let at = 1;
    for (const term of terms) at += term(i, x, at);
  };
  for (const i of train) {
    fill(i);
    const yi = y[i];
    for (let a = 0; a < d; a++) {
      const xa = x[a];
      if (xa === 0) continue;
      xty[a] += xa * yi;
      const row = a * d;
      for (let b = 0; b <= a; b++) xtx[row + b] += xa * x[b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) xtx[b * d + a] = xtx[a * d + b];
  for (let a = 1; a < d; a++) xtx[a * d + a] += ridge;
  const beta = solveRidge(xtx, d, xty, 1e-9);
  return {
    predict(i) {
      fill(i);
      let s = 0;
      for (let a = 0; a < d; a++) s += beta[a] * x[a];
      return s;
    },
  };
}
