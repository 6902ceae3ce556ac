import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { formatNumber } from "../../util/format-number.js";
import { changeArcCosts } from "../transport/simplex-basis.js";
import { budgetUsage, solveBudgetLp, type BudgetLp } from "./budget-lp.js";
import { addTransportArc, repPrices, supplyPrice } from "../transport/transport-lp.js";

/** Pricing rounds at most for each budget's least-use LP. */
const PRICING_ROUNDS = 6;

/** The least use of one budget that the bands allow. */
export interface LeastBudget {
  readonly kind: "moves" | "share" | "cost";
  /** A valid lower bound on the budget's use in any plan that keeps every band (the user's units). */
  readonly bound: number;
  /** The use of the LP that minimises it over the arcs it has (an upper end for that LP minimum). */
  readonly lp: number;
  /** The budget's limit (the user's units). */
  readonly limit: number;
  readonly message: string;
}

/**
 * For each budget, the least of it that the bands need: the LP that minimises the budget's use
 * (cost coef/workload per hour off the preferred arc, 0 on it) is solved on the LP's arcs, completed
 * by column generation over every eligible rep, and the
 * Lagrangian bound at its rep prices, over every eligible rep,
 *   Σ_a min_r [w_a λ_r + coef_a · (r ≠ pref_a)] − Σ_r (λ_r⁺ upper_r − λ_r⁻ lower_r),
 * bounds that use from below in every plan that keeps the bands (`upper`/`lower` are the full
 * bands). Leaves the LP at the last budget's minimum.
 */
export function minimumBudgets(p: CompiledProblem, blp: BudgetLp, bands: { readonly lower: Float64Array; readonly upper: Float64Array }): LeastBudget[] {
  const out: LeastBudget[] = [];
  for (let k = 0; k < p.budgets.length; k++) {
    const budget = p.budgets[k];
    const cost = (a: number, r: number) => (r === p.currentRep[a] ? 0 : budget.coef[a] / p.workload[a]);
    const arcs = Int32Array.from(blp.arcRep, (_, t) => blp.firstArc + t);
    changeArcCosts(blp.lp.simplex, arcs, Float64Array.from(blp.arcRep, (r, t) => cost(blp.account[blp.arcSupply[t]], r)));
    if (!solveBudgetLp(blp)) continue;
    // Column generation: the least use does not care how far an account goes, so arcs far from
    // the candidates matter; those with a negative reduced cost join, and the LP is solved again.
    for (let round = 0; round < PRICING_ROUNDS; round++) {
      const lambda = repPrices(blp.lp);
      const tolerance = 1e-9 * (blp.lp.simplex.maxCost + 1);
      const missing: [number, number, number][] = [];
      for (let i = 0; i < blp.account.length; i++) {
        const a = blp.account[i];
        const v = supplyPrice(blp.lp, i);
        for (let r = 0; r < p.m; r++) {
          if (cost(a, r) + lambda[r] - v < -tolerance && p.compatible(r, a) && p.travel(r, a) <= p.maxTravel[r]) missing.push([i, r, cost(a, r)]);
        }
      }
      if (missing.length === 0) break;
      for (const [i, r, c] of missing) {
        addTransportArc(blp.lp, i, r, c);
        blp.arcSupply.push(i);
        blp.arcRep.push(r);
        blp.arcMinutes.push(p.travel(r, blp.account[i]));
      }
      if (!solveBudgetLp(blp)) break;
    }
    const lambda = repPrices(blp.lp);
    let bound = 0;
    for (let a = 0; a < p.n; a++) {
      const pref = p.currentRep[a];
      const locked = p.lockedRep[a];
      const w = p.workload[a];
      if (locked >= 0) {
        bound += w * lambda[locked] + (locked !== pref && pref >= 0 ? budget.coef[a] : 0);
        continue;
      }
      let best = Infinity;
      for (let r = 0; r < p.m; r++) {
        if (!p.compatible(r, a) || p.travel(r, a) > p.maxTravel[r]) continue;
        best = Math.min(best, w * lambda[r] + (pref >= 0 && r !== pref ? budget.coef[a] : 0));
      }
      if (best < Infinity) bound += best;
    }
    for (let r = 0; r < p.m; r++) bound -= lambda[r] > 0 ? lambda[r] * bands.upper[r] : lambda[r] * bands.lower[r];
    const lp = budgetUsage(blp, p)[k];
    const user = (x: number) => x / budget.scale;
    const needed = Math.max(0, budget.kind === "moves" ? Math.ceil(user(bound) - 1e-6) : user(bound));
    const text = (x: number) => (budget.kind === "moves" ? `${formatNumber(x)} moves` : budget.kind === "share" ? `${formatNumber(100 * x, 2)} % of the workload` : `a move cost of ${formatNumber(x, 2)}`);
    out.push({
      kind: budget.kind,
      bound: needed,
      lp: user(lp),
      limit: budget.given,
      message: `the bands need at least ${text(needed)} (LP bound over every eligible rep; the LP on the arcs it has needs ${text(budget.kind === "moves" ? Math.ceil(user(lp) - 1e-6) : user(lp))}) against a budget of ${text(budget.given)}`,
    });
  }
  return out;
}
