import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { searchExact, type ExactSearchResult } from "./branch-and-bound.js";
import { buildExactProblem, type ExactScope } from "./exact-problem.js";

/** What `solveExactly` found. */
export interface ExactOutcome {
  readonly status: ExactSearchResult["status"];
  /** The whole assignment (the fixed accounts as given, the free ones placed), or null when no plan was found. */
  readonly assign: Int32Array | null;
  /** Σ workload × minutes over the free accounts in `assign` (Infinity when none). */
  readonly cost: number;
  /** Valid lower bound on that cost over every plan that keeps the fixed accounts where they are. */
  readonly lowerBound: number;
  readonly nodes: number;
  /** Arcs of the exact problem (its size, for effort budgets). */
  readonly arcs: number;
}

/**
 * Places the free accounts of `scope` by exact branch and bound (see `searchExact`): the cheapest
 * placement that keeps every band, capacity, lock, eligibility and travel limit given the fixed
 * accounts, or a proof that none exists, within `maxNodes` relaxations. `start` (a whole
 * assignment) seeds the incumbent when it keeps every rule on the free accounts' side.
 */
export function solveExactly(
  p: CompiledProblem,
  scope: ExactScope,
  options: { readonly maxNodes: number; readonly start?: Int32Array; readonly stopped?: () => boolean; readonly relaxation?: "network" | "lagrange" },
): ExactOutcome {
  const ep = buildExactProblem(p, scope);
  const items = ep.account.length;
  let incumbent: { rep: Int32Array; cost: number } | undefined;
  if (options.start) {
    const rep = new Int32Array(items);
    const load = new Float64Array(p.m);
    let cost = 0;
    let valid = true;
    for (let i = 0; i < items && valid; i++) {
      const r = options.start[ep.account[i]];
      let arc = -1;
      for (let e = ep.start[i]; e < ep.start[i + 1]; e++) if (ep.rep[e] === r) arc = e;
      if (arc < 0) valid = false;
      else {
        rep[i] = r;
        load[r] += ep.hours[arc];
        cost += ep.cost[arc];
      }
    }
    for (let r = 0; r < p.m && valid; r++) if (load[r] > ep.upper[r] || load[r] < ep.lower[r]) valid = false;
    if (valid) incumbent = { rep, cost };
  }
  const result = searchExact(ep, { maxNodes: options.maxNodes, stopped: options.stopped, ...(options.relaxation ? { relaxation: options.relaxation } : {}), ...(incumbent ? { incumbent } : {}) });
  let assign: Int32Array | null = null;
  if (result.rep) {
    assign = Int32Array.from(scope.fixed);
    for (let i = 0; i < items; i++) assign[ep.account[i]] = result.rep[i];
  }
  return { status: result.status, assign, cost: result.cost, lowerBound: result.lowerBound, nodes: result.nodes, arcs: ep.rep.length };
}
