import type { CompiledProblem } from "../../compile/compiled-problem.js";

/**
 * Every rep-level band as side rows over the assignment, on one normalised scale: row k of rep r
 * holds lower[k][r] ≤ Σ value[k][a] over r's accounts ≤ upper[k][r]. Row 0 is workload (its upper
 * end the band's or the capacity, whichever is lower); rows 1.. are `p.bands`. Values are divided by
 * the metric's mean target per rep, so that one unit of every row weighs alike in violations and
 * multipliers.
 */
export interface BandRows {
  readonly count: number;
  readonly names: readonly string[];
  readonly value: readonly Float64Array[];
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
}

export function bandRows(p: CompiledProblem): BandRows {
  const names = ["workload"];
  const value: Float64Array[] = [];
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  const add = (name: string, v: Float64Array, total: number, lo: Float64Array, up: Float64Array) => {
    const scale = total > 0 ? total / p.m : 1;
    value.push(Float64Array.from(v, (x) => x / scale));
    lower.push(Float64Array.from(lo, (x) => x / scale));
    upper.push(Float64Array.from(up, (x) => x / scale));
    if (name !== "workload") names.push(name);
  };
  add("workload", p.workload, p.totalWorkload, p.lower, p.upper);
  for (const band of p.bands) add(band.name, band.value, band.total, band.lower, band.upper);
  return { count: value.length, names, value, lower, upper };
}

/** Loads per row and rep of an assignment (−1: unassigned, counted nowhere). */
export function rowLoads(rows: BandRows, m: number, assign: Int32Array): Float64Array[] {
  const loads = rows.value.map(() => new Float64Array(m));
  for (let a = 0; a < assign.length; a++) {
    const r = assign[a];
    if (r < 0) continue;
    for (let k = 0; k < rows.count; k++) loads[k][r] += rows.value[k][a];
  }
  return loads;
}

/** How far a load lies outside row k's window at rep r (0 inside), in normalised units. */
export function outside(rows: BandRows, k: number, r: number, load: number): number {
  const up = rows.upper[k][r];
  const lo = rows.lower[k][r];
  return load > up ? load - up : load < lo ? lo - load : 0;
}

/** Σ over rows and reps of `outside`. */
export function totalOutside(rows: BandRows, loads: readonly Float64Array[]): number {
  let total = 0;
  for (let k = 0; k < rows.count; k++) for (let r = 0; r < loads[k].length; r++) total += outside(rows, k, r, loads[k][r]);
  return total;
}
