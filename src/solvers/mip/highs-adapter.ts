import type { GapArcs } from "../../gap/gap-arcs.js";

/**
 * The only file that talks to HiGHS (npm `highs`, WebAssembly). It is loaded on first use with a
 * dynamic import whose specifier is not a literal, so bundlers leave it out of the core and the
 * package never needs it unless this backend is asked for.
 */

/** The part of the HiGHS runtime used here (structural, so no HiGHS types leak out). */
interface HighsRuntime {
  readonly infinity: number;
  createModel(data: unknown): HighsModel;
}
interface HighsModel {
  readonly options: { set(values: Record<string, unknown>): unknown };
  readonly info: { get(name: string): number | bigint };
  setSolution(solution: { colValue: Float64Array }): unknown;
  run(): unknown;
  getModelStatus(): number;
  getSolution(): { colValue: Float64Array };
  dispose(): void;
}

const OPTIMAL = 7;
const INFEASIBLE = 8;
let runtime: Promise<HighsRuntime> | undefined;

/** Loads HiGHS once per process; rejects when the `highs` package is not installed. */
export function loadHighs(): Promise<HighsRuntime> {
  if (!runtime) {
    const specifier = "highs";
    runtime = import(/* @vite-ignore */ specifier).then((module: { default?: () => Promise<HighsRuntime> }) => {
      const load = module.default ?? (module as unknown as () => Promise<HighsRuntime>);
      return load();
    });
    runtime.catch(() => {
      runtime = undefined;
    });
  }
  return runtime;
}

/** What HiGHS reported, already checked against the instance. */
export interface HighsOutcome {
  /** Arc per job of the best assignment HiGHS returned, or null when it returned none usable. */
  readonly arcOfJob: Int32Array | null;
  /** HiGHS's dual bound (a valid lower bound), or −Infinity. */
  readonly lowerBound: number;
  /** HiGHS proved optimality and the returned assignment passed our own integrality check. */
  readonly proven: boolean;
  /** HiGHS proved that no feasible assignment exists. */
  readonly infeasible: boolean;
}

/**
 * Solves the GAP as a 0-1 MIP (one column per arc; rows: each job once, each capacity) with
 * HiGHS. Gaps are set so that `Optimal` means proven (absolute gap < 1 with integer costs). The
 * answer is trusted only after checking that each job takes exactly one arc (values within 1e-6
 * of 0/1). Minimum loads are added as row lower bounds.
 */
export async function solveWithHighs(
  arcs: GapArcs,
  options: { readonly timeLimitMs: number; readonly start?: Int32Array; readonly integerCosts: boolean },
): Promise<HighsOutcome> {
  const highs = await loadHighs();
  const { m, n } = arcs;
  const count = arcs.agent.length;
  const starts = new Int32Array(count + 1);
  const indices = new Int32Array(2 * count);
  const values = new Float64Array(2 * count);
  for (let j = 0; j < n; j++) {
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      starts[e + 1] = 2 * (e + 1);
      indices[2 * e] = j;
      values[2 * e] = 1;
      indices[2 * e + 1] = n + arcs.agent[e];
      values[2 * e + 1] = arcs.resource[e];
    }
  }
  const rowLower = new Float64Array(n + m);
  const rowUpper = new Float64Array(n + m);
  for (let j = 0; j < n; j++) rowLower[j] = rowUpper[j] = 1;
  for (let i = 0; i < m; i++) {
    rowLower[n + i] = arcs.minLoad[i] > 0 ? arcs.minLoad[i] : -highs.infinity;
    rowUpper[n + i] = arcs.capacity[i];
  }
  const model = highs.createModel({
    numCols: count,
    numRows: n + m,
    colCost: arcs.cost,
    colLower: new Float64Array(count),
    colUpper: new Float64Array(count).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: "csc", numRows: n + m, numCols: count, starts, indices, values },
    integrality: new Int32Array(count).fill(1),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, options.timeLimitMs / 1000),
      mip_rel_gap: 0,
      mip_abs_gap: options.integerCosts ? 1 - 1e-6 : 1e-9,
      random_seed: 0,
    });
    if (options.start) {
      const colValue = new Float64Array(count);
      for (let j = 0; j < n; j++) colValue[options.start[j]] = 1;
      model.setSolution({ colValue });
    }
    model.run();
    const status = model.getModelStatus();
    if (status === INFEASIBLE) return { arcOfJob: null, lowerBound: Infinity, proven: true, infeasible: true };
    const dual = Number(model.info.get("mip_dual_bound"));
    const lowerBound = Number.isFinite(dual) ? dual : -Infinity;
    const primalStatus = Number(model.info.get("primal_solution_status"));
    // 2 = feasible primal point; anything else may be garbage (e.g. after a time limit).
    if (primalStatus !== 2) return { arcOfJob: null, lowerBound, proven: false, infeasible: false };
    const arcOfJob = integralChoice(arcs, model.getSolution().colValue);
    return { arcOfJob, lowerBound, proven: status === OPTIMAL && arcOfJob !== null, infeasible: false };
  } finally {
    model.dispose();
  }
}

/** The arc each job takes when the point is 0/1 with one arc per job; null otherwise. */
function integralChoice(arcs: GapArcs, x: Float64Array): Int32Array | null {
  const choice = new Int32Array(arcs.n);
  for (let j = 0; j < arcs.n; j++) {
    let taken = -1;
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      if (x[e] > 1 - 1e-6 && x[e] < 1 + 1e-6) {
        if (taken >= 0) return null;
        taken = e;
      } else if (Math.abs(x[e]) > 1e-6) {
        return null;
      }
    }
    if (taken < 0) return null;
    choice[j] = taken;
  }
  return choice;
}
