import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { searchExact, type ExactSearchResult } from "./branch-and-bound.js";
import { buildExactProblem, type ExactScope } from "./exact-problem.js";
import { hoursLoads, hoursRelaxation, keepsHoursBands, planHours, retarget } from "../../compile/travel-hours.js";

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
 * With travel in the hours, the bands are shares of each plan's own total, which fixed windows
 * cannot state: a search over every account (proofs, optimality) runs in the windows of
 * `hoursRelaxation`, which hold every plan the checker accepts, so its bounds and proofs stay
 * valid; a search over part of the accounts (a repair) runs in the windows around the start's own
 * total, where the fixed accounts keep it. Either way a complete plan is taken only when it keeps
 * the bands of its own total (`keepsHoursBands`).
 */
function hoursWindows(p: CompiledProblem, scope: ExactScope, start?: Int32Array): { p: CompiledProblem; accept?: (assign: Int32Array) => boolean } {
  if (!p.travelHours) return { p };
  const everyAccount = scope.free.length === p.n;
  const windows = everyAccount || !start ? hoursRelaxation(p) : retarget(p, planHours(p, start, hoursLoads(p, start)));
  return { p: windows, accept: (assign) => keepsHoursBands(p, assign) };
}

/**
 * Places the free accounts of `scope` by exact branch and bound (see `searchExact`): the cheapest
 * placement that keeps every band, capacity, lock, eligibility and travel limit given the fixed
 * accounts, or a proof that none exists, within `maxNodes` relaxations. `start` (a whole
 * assignment) seeds the incumbent when it keeps every rule on the free accounts' side.
 */
export function solveExactly(
  problem: CompiledProblem,
  scope: ExactScope,
  options: { readonly maxNodes: number; readonly start?: Int32Array; readonly stopped?: () => boolean; readonly relaxation?: "network" | "lagrange" },
): ExactOutcome {
  const { p, accept: keeps } = hoursWindows(problem, scope, options.start);
  const ep = buildExactProblem(p, scope);
  const items = ep.account.length;
  const whole = (rep: Int32Array) => {
    const assign = Int32Array.from(scope.fixed);
    for (let i = 0; i < items; i++) assign[ep.account[i]] = rep[i];
    return assign;
  };
  const accept = keeps ? (rep: Int32Array) => keeps(whole(rep)) : undefined;
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
    if (valid && (!accept || accept(rep))) incumbent = { rep, cost };
  }
  const result = searchExact(ep, { maxNodes: options.maxNodes, stopped: options.stopped, ...(options.relaxation ? { relaxation: options.relaxation } : {}), ...(incumbent ? { incumbent } : {}), ...(accept ? { accept } : {}) });
  const assign = result.rep ? whole(result.rep) : null;
  return { status: result.status, assign, cost: result.cost, lowerBound: result.lowerBound, nodes: result.nodes, arcs: ep.rep.length };
}
