import type highsLoader from "highs";
import type { CompiledProblem } from "../src/compile/compiled-problem.js";

type Highs = Awaited<ReturnType<typeof highsLoader>>;

/**
 * The account-level LP of a balanced assignment over every account–rep pair, solved by HiGHS:
 * each account's workload goes wholly to reps (equality rows), each rep takes between the lower
 * and upper end of its band. `cost(a, r)` is minutes per hour of account a with rep r. Returns
 * the optimal value (Σ hours × minutes). The reference the tests and `bench:transport` check the
 * network simplex against.
 */
export function highsAllPairsOptimum(highs: Highs, p: CompiledProblem, cost: (a: number, r: number) => number): number {
  const arcs = p.n * p.m;
  const starts = new Int32Array(arcs + 1);
  const indices = new Int32Array(2 * arcs);
  const colCost = new Float64Array(arcs);
  for (let a = 0, e = 0; a < p.n; a++) {
    for (let r = 0; r < p.m; r++, e++) {
      indices[2 * e] = a;
      indices[2 * e + 1] = p.n + r;
      starts[e + 1] = 2 * e + 2;
      colCost[e] = cost(a, r);
    }
  }
  return highs.withModel(
    {
      numCols: arcs,
      numRows: p.n + p.m,
      colCost,
      colLower: new Float64Array(arcs),
      colUpper: new Float64Array(arcs).fill(highs.infinity),
      rowLower: Float64Array.from([...p.workload, ...p.lower]),
      rowUpper: Float64Array.from([...p.workload, ...p.upper]),
      matrix: { format: "csc", numRows: p.n + p.m, numCols: arcs, starts, indices, values: new Float64Array(2 * arcs).fill(1) },
    },
    (model) => {
      model.options.set({ output_flag: false });
      model.run();
      return model.getObjectiveValue();
    },
  );
}
