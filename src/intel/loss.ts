import { kthSmallest } from "../util/kth-smallest.js";

/**
 * The loss a model minimises: the pinball (quantile) loss at `quantile` in (0, 1), or the squared
 * error when `quantile` is null (the model then estimates the mean).
 */
export interface Loss {
  readonly quantile: number | null;
}

/** Pinball loss of estimate `f` for outcome `y` at quantile q: q·(y − f) above, (1 − q)·(f − y) below. */
export function pinball(y: number, f: number, q: number): number {
  const d = y - f;
  return d >= 0 ? q * d : (q - 1) * d;
}

/** Gradient of the loss with respect to the estimate, for every row in `rows` (written at grad[row]). */
export function writeGradients(loss: Loss, y: Float64Array, f: Float64Array, rows: Int32Array, grad: Float64Array): void {
  const q = loss.quantile;
  if (q === null) {
    for (const row of rows) grad[row] = f[row] - y[row];
  } else {
    for (const row of rows) grad[row] = y[row] > f[row] ? -q : y[row] < f[row] ? 1 - q : 0;
  }
}

/** Mean loss over `rows`. */
export function meanLoss(loss: Loss, y: Float64Array, f: Float64Array, rows: Int32Array): number {
  if (rows.length === 0) return 0;
  let sum = 0;
  const q = loss.quantile;
  if (q === null) for (const row of rows) sum += (y[row] - f[row]) ** 2;
  else for (const row of rows) sum += pinball(y[row], f[row], q);
  return sum / rows.length;
}

/**
 * The q-quantile of `values` by linear interpolation between order statistics (the definition
 * numpy calls "linear"); reorders `values`. NaN for none.
 */
export function quantileOf(values: Float64Array, q: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const at = q * (n - 1);
  const below = Math.floor(at);
  const low = kthSmallest(values, below);
  if (below === at || below + 1 >= n) return low;
  // After selecting `below`, every value past it is ≥ low: the next order statistic is their minimum.
  let next = Infinity;
  for (let i = below + 1; i < n; i++) if (values[i] < next) next = values[i];
  return low + (at - below) * (next - low);
}

/** The constant that minimises the loss over `rows`: their mean or their q-quantile. */
export function bestConstant(loss: Loss, y: Float64Array, rows: Int32Array): number {
  if (rows.length === 0) return 0;
  if (loss.quantile === null) {
    let sum = 0;
    for (const row of rows) sum += y[row];
    return sum / rows.length;
  }
  return quantileOf(Float64Array.from(rows, (row) => y[row]), loss.quantile);
}
