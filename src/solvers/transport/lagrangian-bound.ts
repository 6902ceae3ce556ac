import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { travelMinutes, type GreatCircle } from "./great-circle.js";
import type { NearestReps } from "./nearest-reps.js";

/**
 * The Lagrangian bound  L(λ) = Σ_a w_a · min_r (travel(r, a) + λ_r) − Σ_r (λ_r⁺ · upper_r − λ_r⁻ · lower_r)
 * at prices λ, with each unlocked account's minimum over every eligible rep taken from `cheapest`
 * (an exact pricing pass at exactly these prices) and locked accounts at their locked rep. By
 * weak duality it bounds from below the objective of every plan that keeps each rep inside its
 * band and assigns every servable account, for any λ; at the LP's optimal prices it equals the LP
 * optimum. Accounts no rep may serve are left out (they stay unassigned in every plan).
 */
export function lagrangianBound(p: CompiledProblem, geo: GreatCircle | undefined, cheapest: NearestReps, prices: Float64Array): number {
  let total = 0;
  const want = cheapest.want;
  for (let a = 0; a < p.n; a++) {
    const w = p.workload[a];
    if (w === 0) continue;
    const locked = p.lockedRep[a];
    if (locked >= 0) total += w * (travelMinutes(p, geo, locked, a) + prices[locked]);
    else if (cheapest.count[a] > 0) total += w * (cheapest.travel[a * want] + prices[cheapest.rep[a * want]]);
  }
  for (let j = 0; j < p.m; j++) {
    const l = prices[j];
    total -= l > 0 ? l * p.upper[j] : l * p.lower[j];
  }
  return total;
}
