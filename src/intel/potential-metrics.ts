import { pinball } from "./loss.js";
import { spearman } from "./rank-correlation.js";

/** How well one model's out-of-fold estimates match what customers spend. */
export interface ModelFit {
  /** `"boosted trees"`, `"segment means"` or `"linear"`. */
  readonly model: string;
  /** R² of log(1 + estimate) against log(1 + target): 1 − SSE / SST on the log scale (a quantile estimate sits above the centre, so this is lower than for a mean). */
  readonly r2Log: number;
  /** Spearman rank correlation of estimate and target. */
  readonly spearman: number;
  /** Mean pinball loss at the quantile asked (0.5 for the mean), in target units. */
  readonly pinballLoss: number;
  /** Share of customers whose target is ≤ the estimate: close to the quantile for a calibrated model. */
  readonly coverage: number;
}

/** The fit of `estimate` to `target` over the same customers (original scale). */
export function modelFit(model: string, target: Float64Array, estimate: Float64Array, quantile: number | null): ModelFit {
  const n = target.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += Math.log1p(target[i]);
  mean /= n;
  let sse = 0, sst = 0, loss = 0, covered = 0;
  const q = quantile ?? 0.5;
  for (let i = 0; i < n; i++) {
    const y = Math.log1p(target[i]);
    sse += (y - Math.log1p(Math.max(0, estimate[i]))) ** 2;
    sst += (y - mean) ** 2;
    loss += pinball(target[i], estimate[i], q);
    if (target[i] <= estimate[i]) covered++;
  }
  return { model, r2Log: sst > 0 ? 1 - sse / sst : NaN, spearman: spearman(target, estimate), pinballLoss: loss / n, coverage: covered / n };
}
