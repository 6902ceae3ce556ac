import type { Spread } from "../model/plan.js";

/** Min, max, mean, coefficient of variation and Gini coefficient of a list of values. */
export function spreadOf(values: ArrayLike<number>): Spread {
  const k = values.length;
  if (k === 0) return { min: 0, max: 0, mean: 0, coefficientOfVariation: 0, gini: 0 };
  let min = Infinity, max = -Infinity, sum = 0;
  for (let i = 0; i < k; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
    sum += values[i];
  }
  const mean = sum / k;
  let squares = 0;
  for (let i = 0; i < k; i++) squares += (values[i] - mean) ** 2;
  const coefficientOfVariation = mean > 0 ? Math.sqrt(squares / k) / mean : 0;
  return { min, max, mean, coefficientOfVariation, gini: gini(values, sum) };
}

/** Gini coefficient via the sorted formula: Σ (2i − k − 1) x_i / (k Σ x). */
function gini(values: ArrayLike<number>, sum: number): number {
  const k = values.length;
  if (sum <= 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let weighted = 0;
  for (let i = 0; i < k; i++) weighted += (2 * (i + 1) - k - 1) * sorted[i];
  return weighted / (k * sum);
}
