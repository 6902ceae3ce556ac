/**
 * How a score field is put on a common scale before weighting:
 * - `none`: the values as they are (fields in the same unit, e.g. potential and sales in currency);
 * - `rank`: the average rank among all accounts, scaled to [0, 1] (lowest 0, highest 1; ties share their mean rank);
 * - `minmax`: (value − min) / (max − min), in [0, 1];
 * - `zscore`: (value − mean) / standard deviation (population).
 * A field that is the same for every account becomes 0 (`minmax`, `zscore`) or 0.5 (`rank`).
 */
export type Normalise = "none" | "rank" | "minmax" | "zscore";

/** The names of the normalisations, for schemas and help texts. */
export const normalisations = ["none", "rank", "minmax", "zscore"] as const satisfies readonly Normalise[];

/** Normalises `values` (not modified) into a new array. */
export function normaliseValues(values: Float64Array, method: Normalise): Float64Array {
  const n = values.length;
  const out = new Float64Array(values);
  if (n === 0 || method === "none") return out;
  if (method === "rank") return ranks(values);
  let min = Infinity, max = -Infinity, sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  if (method === "minmax") {
    const range = max - min;
    for (let i = 0; i < n; i++) out[i] = range > 0 ? (values[i] - min) / range : 0;
    return out;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const sd = Math.sqrt(squares / n);
  for (let i = 0; i < n; i++) out[i] = sd > 0 ? (values[i] - mean) / sd : 0;
  return out;
}

/** Average ranks scaled to [0, 1]: (rank − 1) / (n − 1) with rank 1 the lowest; n = 1 gives 0.5. */
function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // Positions start … end−1 tie: each gets their mean position.
    const position = (start + end - 1) / 2;
    const scaled = n > 1 ? position / (n - 1) : 0.5;
    for (let k = start; k < end; k++) out[order[k]] = scaled;
    start = end;
  }
  return out;
}
