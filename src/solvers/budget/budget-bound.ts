import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { createNearestReps, nearestRepsOfAccounts, type NearestReps } from "../transport/nearest-reps.js";
import type { GreatCircle } from "../transport/great-circle.js";
import type { SphereTree } from "../transport/sphere-tree.js";
import type { BudgetLp } from "./budget-lp.js";

/** Cheapest reps per account found by the tree search at each pricing pass. */
const SEARCHED_REPS = 4;

/** What one pass over every account and every rep that may serve it finds. */
export interface Pricing {
  /** The Lagrangian lower bound at the LP's rep prices and the budget multipliers. */
  readonly bound: number;
  /** Arcs (supply node, rep, minutes) with a negative reduced cost, missing from the LP. */
  readonly arcs: [number, number, number][];
}

/**
 * One pass over every account and every rep that may serve it, at the LP's rep prices λ and the
 * budgets' multipliers δ. With C_a = Σ_k δ_k · coef_k[a], each account's cost at rep r is
 * workload × (minutes + λ_r) + C_a when r is not its preferred rep, so
 *
 *   L(λ, δ) = Σ_a min_r [w_a (t_ra + λ_r) + C_a · (r ≠ pref_a)] − Σ_r (λ_r⁺ upper_r − λ_r⁻ lower_r) − Σ_k δ_k limit_k
 *
 * is a lower bound on the travel of every plan that keeps every band and budget (weak duality,
 * for any λ and δ ≥ 0), taken over every eligible rep, not only the LP's arcs. `upper`/`lower` are
 * the full bands, `limits` the full budgets. Locked accounts count at their locked rep. The same
 * pass returns the missing arcs whose reduced cost is negative (column generation). With a `search`
 * tree over the LP's accounts, each account's `SEARCHED_REPS` cheapest reps at these prices come
 * from an exact tree search instead of a scan of every rep.
 */
export function priceAndBound(
  p: CompiledProblem,
  blp: BudgetLp,
  prices: { readonly reps: Float64Array; readonly supply: Float64Array },
  delta: Float64Array,
  bands: { readonly lower: Float64Array; readonly upper: Float64Array },
  limits: Float64Array,
  search?: { readonly tree: SphereTree; readonly geo: GreatCircle | undefined },
  arcsPerAccount = SEARCHED_REPS,
): Pricing {
  const lambda = prices.reps;
  const supplyOf = new Int32Array(p.n).fill(-1);
  blp.account.forEach((a, i) => (supplyOf[a] = i));
  const tolerance = 1e-9 * (blp.lp.simplex.maxCost + 1);
  const arcs: [number, number, number][] = [];
  // The cheapest eligible reps of every LP account at these prices, by tree search.
  let near: NearestReps | undefined;
  if (search) {
    near = createNearestReps(p.n, SEARCHED_REPS);
    nearestRepsOfAccounts(p, search.tree, search.geo, lambda, Infinity, near);
  }
  let total = 0;
  for (let a = 0; a < p.n; a++) {
    const w = p.workload[a];
    const pref = p.currentRep[a];
    let charge = 0;
    for (let k = 0; k < p.budgets.length; k++) charge += delta[k] * p.budgets[k].coef[a];
    const locked = p.lockedRep[a];
    if (locked >= 0) {
      total += w * (p.travel(locked, a) + lambda[locked]) + (locked !== pref ? charge : 0);
      continue;
    }
    const i = supplyOf[a];
    const discount = w > 0 ? charge / w : 0;
    let best = Infinity;
    if (near && i >= 0) {
      // Its preferred arc is in the LP; the cheapest other rep is among the two cheapest. Each rep
      // searched whose arc prices out joins, up to `arcsPerAccount` (fewer rounds of pricing).
      let added = 0;
      for (let q = 0; q < near.count[a]; q++) {
        const r = near.rep[a * SEARCHED_REPS + q];
        if (r === pref) continue;
        const t = near.travel[a * SEARCHED_REPS + q];
        if (best === Infinity) best = w * (t + lambda[r]) + charge;
        if (t + lambda[r] - prices.supply[i] >= -tolerance || added++ >= arcsPerAccount) break;
        arcs.push([i, r, t]);
      }
      const e = blp.preferredArc[i];
      if (e >= 0) best = Math.min(best, w * (blp.arcMinutes[e - blp.firstArc] + lambda[pref]));
      if (best < Infinity) total += best;
      continue;
    }
    for (let r = 0; r < p.m; r++) {
      if (!p.compatible(r, a)) continue;
      const t = p.travel(r, a);
      if (t > p.maxTravel[r]) continue;
      const term = w * (t + lambda[r]) + (r !== pref ? charge : 0);
      if (term < best) best = term;
      if (i >= 0 && t + lambda[r] - (r === pref ? discount : 0) - prices.supply[i] < -tolerance) arcs.push([i, r, t]);
    }
    // An account no rep may serve is in no plan; the diagnostics say so.
    if (best < Infinity) total += best;
  }
  for (let r = 0; r < p.m; r++) total -= lambda[r] > 0 ? lambda[r] * bands.upper[r] : lambda[r] * bands.lower[r];
  for (let k = 0; k < limits.length; k++) total -= delta[k] * limits[k];
  return { bound: total, arcs };
}
