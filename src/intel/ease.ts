import { choleskyFactor, choleskyInverse } from "./cholesky.js";
import type { Ownership } from "./ownership.js";

/**
 * EASE (Steck 2019): the item-to-item weights B that best rebuild each account's products from its
 * other products, in closed form: P = (XᵀX + λI)⁻¹, B_ij = −P_ij / P_jj, B_jj = 0. An account's
 * score for product j is Σ B_ij over the products i it owns. Row-major P × P.
 */
export function fitEase(o: Ownership, lambda: number): Float64Array {
  const p = o.products.length;
  const g = new Float64Array(p * p);
  for (let a = 0; a + 1 < o.start.length; a++) {
    for (let x = o.start[a]; x < o.start[a + 1]; x++) {
      const i = o.items[x] * p;
      for (let y = o.start[a]; y < o.start[a + 1]; y++) g[i + o.items[y]] += 1;
    }
  }
  for (let j = 0; j < p; j++) g[j * p + j] += lambda;
  if (!choleskyFactor(g, p)) throw new Error(`EASE: XᵀX + ${lambda}·I is not positive definite`);
  const inv = choleskyInverse(g, p);
  const b = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) if (i !== j) b[i * p + j] = -inv[i * p + j] / inv[j * p + j];
  return b;
}

/** Writes account a's EASE scores for every product into `out` (length P). */
export function easeScores(b: Float64Array, o: Ownership, a: number, out: Float64Array): void {
  const p = o.products.length;
  out.fill(0);
  for (let x = o.start[a]; x < o.start[a + 1]; x++) {
    const row = o.items[x] * p;
    for (let j = 0; j < p; j++) out[j] += b[row + j];
  }
}
