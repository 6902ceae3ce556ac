import type { CompiledProblem } from "../compile/compiled-problem.js";
import { TerralignError } from "../errors.js";
import type { Strategy } from "../model/options-schema.js";
import { solveHeuristic } from "../solvers/heuristic/solve-heuristic.js";
import type { Solver } from "./solver.js";

type Concrete = Exclude<Strategy, "auto">;

/** The strategies this build can run. */
const solvers: Partial<Record<Concrete, Solver>> = {
  heuristic: solveHeuristic,
};

/** Resolves `auto` and returns the solver; throws `unsupported` for a strategy not built in. */
export function pickSolver(strategy: Strategy, _problem: CompiledProblem): { name: Concrete; solve: Solver } {
  const name: Concrete = strategy === "auto" ? "heuristic" : strategy;
  const solve = solvers[name];
  if (!solve) {
    throw new TerralignError("unsupported", `options.strategy: "${name}" is not available in this version; use "auto" or one of ${Object.keys(solvers).map((s) => `"${s}"`).join(", ")}`);
  }
  return { name, solve };
}
