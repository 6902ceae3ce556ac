import type { CompiledProblem } from "../compile/compiled-problem.js";
import { TerralignError } from "../errors.js";
import type { Strategy } from "../model/options-schema.js";
import type { ResolvedOptions } from "../model/defaults.js";
import { solveGapStrategy } from "./gap/solve-gap-strategy.js";
import { solveHeuristic } from "./heuristic/solve-heuristic.js";
import { solveMip } from "./mip/solve-mip-strategy.js";
import { solveTransport } from "./transport/solve-transport.js";
import type { Solver } from "./solver.js";

type Concrete = Exclude<Strategy, "auto">;

/** The strategies this build can run. */
const solvers: Partial<Record<Concrete, Solver>> = {
  heuristic: solveHeuristic,
  transport: solveTransport,
  gap: solveGapStrategy,
  mip: solveMip,
};

/**
 * Resolves `auto` and returns the solver; throws `unsupported` for a strategy not built in.
 * `auto` takes `transport` when workload does not depend on the rep (travel not counted in
 * workload), else `gap` when built in, else `heuristic`.
 */
export function pickSolver(strategy: Strategy, _problem: CompiledProblem, options: ResolvedOptions): { name: Concrete; solve: Solver } {
  const name: Concrete = strategy === "auto" ? autoStrategy(options) : strategy;
  const solve = solvers[name];
  if (!solve) {
    throw new TerralignError("unsupported", `options.strategy: "${name}" is not available in this version; use "auto" or one of ${Object.keys(solvers).map((s) => `"${s}"`).join(", ")}`);
  }
  return { name, solve };
}

function autoStrategy(options: ResolvedOptions): Concrete {
  if (!options.workload.includeTravel) return "transport";
  return solvers.gap ? "gap" : "heuristic";
}
