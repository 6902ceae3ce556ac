import type highsLoader from "highs";
import type { CompiledProblem } from "../src/compile/compiled-problem.js";
import { repWindows } from "../src/solvers/exact/exact-problem.js";

type Highs = Awaited<ReturnType<typeof highsLoader>>;

/** What HiGHS found for a territory model. */
export interface HighsTerritory {
  readonly status: "optimal" | "infeasible" | "other";
  /** Optimal value (Σ workload × minutes), when optimal. */
  readonly objective: number;
  /** Rep per account of the optimal point, when `integer` and optimal. */
  readonly assign?: Int32Array;
}

/**
 * The whole territory problem as a HiGHS model over every eligible account–rep pair (its locked
 * rep only when locked): each account once, each rep's load within its band and capacity (the
 * rule checker's windows, tolerance included), each disruption budget as one row, and each band
 * besides workload (`p.bands`) as one row per rep. `integer`
 * makes it the exact MIP; without, it is the LP relaxation — the reference the budgeted transport
 * core is checked against. Rep-independent workload only.
 */
export function highsTerritory(highs: Highs, p: CompiledProblem, integer: boolean, timeLimitSeconds = 60): HighsTerritory {
  const cols: { a: number; r: number }[] = [];
  for (let a = 0; a < p.n; a++) {
    for (let r = 0; r < p.m; r++) {
      const locked = p.lockedRep[a];
      if (locked >= 0 ? r !== locked : !p.compatible(r, a) || p.travel(r, a) > p.maxTravel[r] * (1 + 1e-9)) continue;
      cols.push({ a, r });
    }
  }
  const K = p.budgets.length;
  const bandRow = p.n + p.m + K;
  const rows = bandRow + p.bands.length * p.m;
  const starts = new Int32Array(cols.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(cols.length);
  cols.forEach(({ a, r }, e) => {
    indices.push(a, p.n + r);
    values.push(1, p.workload[a]);
    p.budgets.forEach((b, k) => {
      if (p.currentRep[a] >= 0 && r !== p.currentRep[a] && b.coef[a] !== 0) {
        indices.push(p.n + p.m + k);
        values.push(b.coef[a]);
      }
    });
    p.bands.forEach((band, k) => {
      if (band.value[a] === 0) return;
      indices.push(bandRow + k * p.m + r);
      values.push(band.value[a]);
    });
    starts[e + 1] = indices.length;
    colCost[e] = p.workload[a] * p.travel(r, a);
  });
  const windows = repWindows(p, new Float64Array(p.m), p.balance);
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let a = 0; a < p.n; a++) rowLower[a] = rowUpper[a] = 1;
  for (let r = 0; r < p.m; r++) {
    rowLower[p.n + r] = windows.lower[r];
    rowUpper[p.n + r] = windows.upper[r];
  }
  p.budgets.forEach((b, k) => {
    rowLower[p.n + p.m + k] = -highs.infinity;
    rowUpper[p.n + p.m + k] = b.limit * (1 + 1e-9) + 1e-9;
  });
  p.bands.forEach((band, k) => {
    for (let r = 0; r < p.m; r++) {
      rowLower[bandRow + k * p.m + r] = band.lower[r] * (1 - 1e-9);
      rowUpper[bandRow + k * p.m + r] = band.upper[r] * (1 + 1e-9);
    }
  });
  const model = {
    numCols: cols.length,
    numRows: rows,
    colCost,
    colLower: new Float64Array(cols.length),
    colUpper: new Float64Array(cols.length).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: "csc" as const, numRows: rows, numCols: cols.length, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    ...(integer ? { integrality: new Int32Array(cols.length).fill(1) } : {}),
  };
  return highs.withModel(model, (m): HighsTerritory => {
    m.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 1e-9, random_seed: 0 });
    m.run();
    const status = m.getModelStatus();
    if (status === 8) return { status: "infeasible", objective: Infinity };
    if (status !== 7) return { status: "other", objective: NaN };
    const objective = m.getObjectiveValue();
    if (!integer) return { status: "optimal", objective };
    const x = m.getSolution().colValue;
    const assign = new Int32Array(p.n).fill(-1);
    cols.forEach(({ a, r }, e) => {
      if (x[e] > 0.5) assign[a] = r;
    });
    return { status: "optimal", objective, assign };
  });
}
