import type { BinnedMatrix } from "./binned-matrix.js";

/**
 * Gradient histogram of a leaf: for every feature's bin, the sum of the gradients and the number of
 * rows. Layout: slot s (see `BinnedMatrix.offset`) at [2s] = Σ gradient, [2s + 1] = row count (the
 * hessian: both losses here have a unit hessian).
 */
export type Histogram = Float64Array;

/** Fills `out` (length 2 × slots) with the histogram of rows[lo..hi) and gradients `grad` (indexed by row). */
export function buildHistogram(m: BinnedMatrix, rows: Int32Array, lo: number, hi: number, grad: Float64Array, out: Histogram): void {
  out.fill(0);
  const { f, data, offset } = m;
  for (let k = lo; k < hi; k++) {
    const row = rows[k];
    const g = grad[row];
    const base = row * f;
    for (let j = 0; j < f; j++) {
      const s = (offset[j] + data[base + j]) << 1;
      out[s] += g;
      out[s + 1] += 1;
    }
  }
}

/** The sibling's histogram by subtraction: `parent` becomes parent − child, in place. */
export function subtractHistogram(parent: Histogram, child: Histogram): void {
  for (let s = 0; s < parent.length; s++) parent[s] -= child[s];
}
