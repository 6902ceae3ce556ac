/**
 * Relative slack of a cumulative share test: `cum ≥ share × total` is read as
 * `cum ≥ share × total × (1 − 1e-12)`, so an exact 80 % cut (e.g. 0.5 + 0.3 of 1) is not missed by
 * rounding in the sum.
 */
const SHARE_SLACK = 1e-12;

/**
 * The value cut-offs of `pareto` tiers: cut k is the lowest value in tiers 0…k, found as the value
 * of the last account of the smallest prefix (accounts in descending value) whose sum reaches
 * shares[k] × the total. An account belongs to tiers 0…k when its value is ≥ cut k, so accounts
 * tied with the last one of the prefix join it. +Infinity when the prefix is empty (the total is 0).
 * `descending` holds the values sorted from largest to smallest, all ≥ 0.
 */
export function paretoCuts(descending: Float64Array, shares: readonly number[]): Float64Array {
  let total = 0;
  for (let i = 0; i < descending.length; i++) total += descending[i];
  const cuts = new Float64Array(shares.length);
  let sum = 0;
  let taken = 0;
  for (let s = 0; s < shares.length; s++) {
    const target = shares[s] * total * (1 - SHARE_SLACK);
    while (sum < target && taken < descending.length) sum += descending[taken++];
    cuts[s] = taken === 0 ? Infinity : descending[taken - 1];
  }
  return cuts;
}

/**
 * The value cut-offs of `quantile` tiers: cut k is the value of the ⌈shares[k] × n⌉-th largest
 * account (accounts tied with it join its tier); +Infinity when that count is 0.
 */
export function quantileCuts(descending: Float64Array, shares: readonly number[]): Float64Array {
  const n = descending.length;
  return Float64Array.from(shares, (share) => {
    const count = Math.min(n, Math.ceil(share * n * (1 - SHARE_SLACK)));
    return count === 0 ? Infinity : descending[count - 1];
  });
}

/** The tier of each value: the first k with value ≥ cuts[k], else the last tier (cuts.length). */
export function tierIndices(values: Float64Array, cuts: Float64Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let k = 0;
    while (k < cuts.length && !(v >= cuts[k])) k++;
    out[i] = k;
  }
  return out;
}
