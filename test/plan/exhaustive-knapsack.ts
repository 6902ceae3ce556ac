/**
 * The reference for call-plan tests: an exhaustive dynamic programme over whole minutes for one
 * rep, over every level of every account (no hull, no bound, no reduction).
 * `sales[k][v]` is account k's expected sales at v visits, `minutes[k]` its whole minutes per visit.
 */
export function exhaustiveBest(sales: readonly (readonly number[])[], minutes: readonly number[], capacity: number): number {
  let best = new Float64Array(capacity + 1);
  for (let k = 0; k < sales.length; k++) {
    const next = new Float64Array(capacity + 1).fill(-Infinity);
    for (let c = 0; c <= capacity; c++) {
      for (let v = 0; v < sales[k].length; v++) {
        const w = v * minutes[k];
        if (w > c) break;
        const value = best[c - w] + sales[k][v];
        if (value > next[c]) next[c] = value;
      }
    }
    best = next;
  }
  return best[capacity];
}
