import { solveRidge } from "./cholesky.js";
import type { Ownership } from "./ownership.js";

/**
 * One logistic regression per product on the accounts' attributes: P(account owns product j) =
 * σ(x·w_j), fitted by Newton's method (IRLS) with an L2 penalty `ridge` on every weight but the
 * intercept. `x` holds each account's design row (row-major, `d` columns, column 0 the intercept);
 * only accounts in `rows` train. Returns the weights, row-major P × d.
 */
export function fitProductLogistic(o: Ownership, x: Float64Array, d: number, rows: Int32Array, ridge: number): Float64Array {
  const p = o.products.length;
  const w = new Float64Array(p * d);
  const owns = new Uint8Array(o.start.length - 1);
  const h = new Float64Array(d * d), g = new Float64Array(d);
  const eta = new Float64Array(rows.length);
  for (let j = 0; j < p; j++) {
    owns.fill(0);
    let count = 0;
    for (const a of rows) {
      for (let k = o.start[a]; k < o.start[a + 1]; k++) if (o.items[k] === j) (owns[a] = 1), count++;
    }
    const rate = (count + 0.5) / (rows.length + 1);
    const beta = w.subarray(j * d, (j + 1) * d);
    beta[0] = Math.log(rate / (1 - rate));
    if (d === 1) continue;
    for (let iteration = 0; iteration < 6; iteration++) {
      h.fill(0);
      g.fill(0);
      rows.forEach((a, r) => {
        let z = 0;
        const base = a * d;
        for (let c = 0; c < d; c++) z += x[base + c] * beta[c];
        eta[r] = z;
        const mu = 1 / (1 + Math.exp(-z));
        const weight = Math.max(mu * (1 - mu), 1e-9);
        const residual = mu - owns[a];
        for (let c = 0; c < d; c++) {
          const xc = x[base + c];
          if (xc === 0) continue;
          g[c] += xc * residual;
          const wx = weight * xc;
          for (let e = 0; e <= c; e++) h[c * d + e] += wx * x[base + e];
        }
      });
      for (let c = 0; c < d; c++) for (let e = 0; e < c; e++) h[e * d + c] = h[c * d + e];
      for (let c = 1; c < d; c++) {
        h[c * d + c] += ridge;
        g[c] += ridge * beta[c];
      }
      const step = solveRidge(h, d, g, 1e-9);
      let change = 0;
      for (let c = 0; c < d; c++) {
        beta[c] -= step[c];
        change = Math.max(change, Math.abs(step[c]));
      }
      if (change < 1e-6) break;
    }
  }
  return w;
}

/** Writes σ(x_a · w_j) for every product j into `out`. */
export function logisticScores(w: Float64Array, d: number, x: Float64Array, a: number, out: Float64Array): void {
  const base = a * d;
  for (let j = 0; j < out.length; j++) {
    let z = 0;
    for (let c = 0; c < d; c++) z += x[base + c] * w[j * d + c];
    out[j] = 1 / (1 + Math.exp(-z));
  }
}
