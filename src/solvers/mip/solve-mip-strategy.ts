import type { Solver } from "../solver.js";
import { solveExactly } from "../exact/solve-exact.js";
import { solveHeuristic } from "../heuristic/solve-heuristic.js";
import { runTransport } from "../transport/solve-transport.js";

/** Nodes the exact search may spend: the effort limit that keeps `mip` deterministic. */
export const MIP_NODES = 50_000;

/**
 * Strategy `mip`: exact branch and bound over every account and every rep that may serve it
 * (`searchExact`: the network LP relaxation at each node when workload does not depend on the rep,
 * the Lagrangian relaxation of the bands when travel counts in it), started from the `transport`
 * (or, with travel in the workload, the `heuristic`) plan. `optimal` once the tree is exhausted; an
 * exhausted tree without a plan proves that none exists. Stops after `MIP_NODES` nodes (then the
 * best plan and the search's lower bound) or at the time limit (`timeout`). Meant for small
 * problems (up to a few hundred accounts).
 */
export const solveMip: Solver = (input) => {
  const { problem: p, context } = input;
  const start = p.includeTravel ? solveHeuristic(input) : runTransport(input);
  context.progress("branch", 0);
  const all = Int32Array.from({ length: p.n }, (_, a) => a);
  const outcome = solveExactly(p, { free: all, fixed: new Int32Array(p.n).fill(-1) }, { maxNodes: MIP_NODES, start: start.assign, stopped: context.stopped });
  context.progress("branch", 1, Number.isFinite(outcome.cost) ? outcome.cost : undefined);
  const nodes = `${outcome.nodes.toLocaleString("en-US")} nodes`;
  if (outcome.status === "infeasible") {
    return { assign: start.assign, status: "feasible", unassignedReasons: start.unassignedReasons, infeasibleProof: { code: "exhaustive_search", message: `the exact search over all ${p.n.toLocaleString("en-US")} accounts (${nodes}) found no plan that keeps every rule` } };
  }
  const diagnostics = [{ severity: "info" as const, code: "branch_and_bound", message: `exact search: ${outcome.status === "optimal" ? "tree exhausted, plan proven optimal" : "stopped before the tree was exhausted"} after ${nodes}` }];
  const lowerBound = Number.isFinite(outcome.lowerBound) ? outcome.lowerBound : undefined;
  if (!outcome.assign) return { assign: start.assign, status: "feasible", unassignedReasons: start.unassignedReasons, diagnostics, ...(lowerBound !== undefined ? { lowerBound } : {}) };
  return { assign: outcome.assign, status: outcome.status === "optimal" ? "optimal" : "feasible", diagnostics, ...(lowerBound !== undefined ? { lowerBound } : {}) };
};
