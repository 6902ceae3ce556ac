import type { ResponseModel } from "../../src/index.js";

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

/** Response share at v visits, written out independently of the library (the reference's own formula). */
export function responseShare(model: ResponseModel, v: number): number {
  if (model.model === "adbudg") return v === 0 ? model.min : model.min + ((model.max - model.min) * v ** model.c) / (model.d + v ** model.c);
  const p = model.points;
  let i = 0;
  while (i + 1 < p.length && p[i + 1][0] <= v) i++;
  if (i + 1 >= p.length) return p[i][1];
  return p[i][1] + ((p[i + 1][1] - p[i][1]) * (v - p[i][0])) / (p[i + 1][0] - p[i][0]);
}
