import { TerralignError } from "../../errors.js";
import { arcsFromInstance, type GapArcs } from "../../gap/gap-arcs.js";
import { checkGapInstance, hasIntegerCosts, type GapInstance } from "../../gap/gap-instance.js";
import type { GapOptions } from "../../gap/gap-options.js";
import type { GapResult } from "../../gap/gap-result.js";
import { solveGapArcs } from "../../gap/solve-gap.js";
import { solveWithHighs } from "./highs-adapter.js";
import { LP_SOLVER_MAX_ARCS, solveWithLpSolver } from "./lp-solver-adapter.js";

/**
 * Exact GAP backends.
 * - `branch-and-bound` (default): terralign's own search — heuristic incumbent, knapsack
 *   Lagrangian bound, reduced-cost fixing, depth-first branch and bound. Pure TypeScript.
 * - `lp-solver`: the 0-1 model through javascript-lp-solver, for at most `LP_SOLVER_MAX_ARCS`
 *   binaries (it stalls beyond); its answers are checked before they are trusted.
 * - `highs`: the 0-1 model through HiGHS (npm `highs`, WebAssembly, loaded on demand), started
 *   from terralign's heuristic solution; only in the asynchronous `solveGapExact`.
 */
export type ExactBackend = "branch-and-bound" | "lp-solver" | "highs";

/** Options of `solveGapExact`. */
export interface GapExactOptions extends Omit<GapOptions, "exact"> {
  /** Default `"branch-and-bound"`. */
  readonly backend?: ExactBackend;
}

/**
 * Solves a GAP to proven optimality when the time allows (`optimal: true` only with a proof) with
 * a synchronous backend (`branch-and-bound` or `lp-solver`). Throws `TerralignError`
 * (`unsupported`) for `highs` (use the async `solveGapExact`) and for `lp-solver` on a model with
 * more than `LP_SOLVER_MAX_ARCS` binaries.
 */
export function solveGapExactSync(instance: GapInstance, options: GapExactOptions = {}): GapResult {
  checkGapInstance(instance);
  const backend = options.backend ?? "branch-and-bound";
  if (backend === "highs") throw new TerralignError("unsupported", 'backend: "highs" loads WebAssembly asynchronously; call solveGapExact (async) instead');
  const arcs = arcsFromInstance(instance);
  if (backend === "branch-and-bound") return solveGapArcs(arcs, hasIntegerCosts(instance), { ...options, exact: true });
  return solveByLpSolver(arcs, options);
}

/** Like `solveGapExactSync`, and also accepts `backend: "highs"`. */
export async function solveGapExact(instance: GapInstance, options: GapExactOptions = {}): Promise<GapResult> {
  if (options.backend !== "highs") return solveGapExactSync(instance, options);
  checkGapInstance(instance);
  const started = Date.now();
  const arcs = arcsFromInstance(instance);
  const integerCosts = hasIntegerCosts(instance);
  const limit = options.timeLimitMs ?? 10_000;
  // A short local search gives HiGHS a starting incumbent and us a bound to compare with.
  const warm = solveGapArcs(arcs, integerCosts, { ...options, searchOnly: true, timeLimitMs: Math.min(limit * 0.2, 2_000) });
  if (warm.optimal) return { ...warm, elapsedMs: Date.now() - started };
  const start = warm.feasible ? arcsOfAssignment(arcs, warm.assignment) : undefined;
  const outcome = await solveWithHighs(arcs, { timeLimitMs: Math.max(10, limit - (Date.now() - started)), start, integerCosts });
  const elapsedMs = Date.now() - started;
  if (outcome.infeasible) {
    return { ...warm, status: "infeasible", feasible: false, optimal: false, lowerBound: Infinity, elapsedMs, method: "highs" };
  }
  let assignment = warm.assignment;
  let objective = warm.feasible ? warm.objective : Infinity;
  if (outcome.arcOfJob) {
    let cost = 0;
    for (let j = 0; j < arcs.n; j++) cost += arcs.cost[outcome.arcOfJob[j]];
    if (cost <= objective) {
      objective = cost;
      assignment = Int32Array.from(outcome.arcOfJob, (e) => arcs.agent[e]);
    }
  }
  const feasible = objective < Infinity;
  const step = integerCosts ? 1 - 1e-6 : 1e-9 * Math.max(1, Math.abs(objective));
  const lowerBound = Math.max(warm.lowerBound, outcome.lowerBound);
  const optimal = feasible && (outcome.proven || objective - lowerBound <= step);
  return {
    status: optimal ? "optimal" : feasible ? "feasible" : "timeout",
    assignment,
    objective: feasible ? objective : warm.objective,
    lowerBound: optimal ? objective : lowerBound,
    feasible,
    optimal,
    elapsedMs,
    method: "highs",
  };
}

function solveByLpSolver(arcs: GapArcs, options: GapExactOptions): GapResult {
  if (arcs.agent.length > LP_SOLVER_MAX_ARCS) {
    throw new TerralignError("unsupported", `backend: "lp-solver" handles at most ${LP_SOLVER_MAX_ARCS} assignment variables, this instance has ${arcs.agent.length}; use "branch-and-bound" or "highs"`);
  }
  const started = Date.now();
  const outcome = solveWithLpSolver(arcs, { timeLimitMs: options.timeLimitMs ?? 10_000 });
  const elapsedMs = Date.now() - started;
  if (!outcome.arcOfJob) {
    const status = outcome.infeasible ? "infeasible" : "timeout";
    return { status, assignment: new Int32Array(arcs.n).fill(-1), objective: Infinity, lowerBound: outcome.infeasible ? Infinity : -Infinity, feasible: false, optimal: false, elapsedMs, method: "lp-solver" };
  }
  let objective = 0;
  for (let j = 0; j < arcs.n; j++) objective += arcs.cost[outcome.arcOfJob[j]];
  return {
    status: outcome.proven ? "optimal" : "feasible",
    assignment: Int32Array.from(outcome.arcOfJob, (e) => arcs.agent[e]),
    objective,
    lowerBound: outcome.proven ? objective : -Infinity,
    feasible: true,
    optimal: outcome.proven,
    elapsedMs,
    method: "lp-solver",
  };
}

function arcsOfAssignment(arcs: GapArcs, assignment: Int32Array): Int32Array {
  const out = new Int32Array(arcs.n);
  for (let j = 0; j < arcs.n; j++) {
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) if (arcs.agent[e] === assignment[j]) out[j] = e;
  }
  return out;
}
