import { solveRidge } from "./cholesky.js";
import { designOf } from "./design-matrix.js";
import type { FeatureColumn } from "./feature-column.js";

/** A ridge regression on standardised numbers and one-hot categories, fitted on the log scale. */
export interface LinearModel {
  /** Estimate for row i (log scale, before any shift). */
  readonly predict: (i: number) => number;
}

/**
 * Fits y ≈ Xβ by ridge regression over the `train` rows (penalty `ridge` on every coefficient but
 * the intercept), on the design of `designOf`.
 */
export function fitLinear(columns: readonly FeatureColumn[], y: Float64Array, train: Int32Array, ridge = 1): LinearModel {
  const design = designOf(columns, train);
  const d = design.width;
  const xtx = new Float64Array(d * d), xty = new Float64Array(d);
  const x = new Float64Array(d);
  for (const i of train) {
    design.fill(i, x);
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
      design.fill(i, x);
      let s = 0;
      for (let a = 0; a < d; a++) s += beta[a] * x[a];
      return s;
    },
  };
}
