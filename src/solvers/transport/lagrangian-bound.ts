import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { isEligible, type ArcLists } from "./candidate-arcs.js";
import { ANGLE_SLACK, minutes, type GreatCircle } from "./great-circle.js";

/**
 * For account a, the eligible rep minimising travel + λ over *all* reps (not just its listed
 * ones) and that minimum; rep −1 when none is eligible. Unlisted reps are scanned only when the
 * list's reach allows one of them to win.
 */
export function cheapestRep(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  lists: ArcLists,
  prices: Float64Array,
  minPrice: number,
  a: number,
  out: { rep: number; value: number },
): void {
  let best = -1;
  let value = Infinity;
  for (let e = lists.start[a]; e < lists.start[a + 1]; e++) {
    const v = lists.cost[e] + prices[lists.rep[e]];
    if (v < value || (v === value && lists.rep[e] < best)) {
      value = v;
      best = lists.rep[e];
    }
  }
  if (lists.reach[a] + minPrice < value) {
    for (let j = 0; j < p.m; j++) {
      if (geo) {
        const dot = geo.account[3 * a] * geo.rep[3 * j] + geo.account[3 * a + 1] * geo.rep[3 * j + 1] + geo.account[3 * a + 2] * geo.rep[3 * j + 2];
        const bound = Math.max(0, Math.acos(Math.max(-1, Math.min(1, dot))) - ANGLE_SLACK) * geo.minutesPerRadian;
        if (bound + prices[j] >= value) continue;
      }
      const t = geo ? minutes(p, geo.minutesPerKm, j, a) : p.travel(j, a);
      if (!isEligible(p, j, a, t)) continue;
      const v = t + prices[j];
      if (v < value || (v === value && j < best)) {
        value = v;
        best = j;
      }
    }
  }
  out.rep = best;
  out.value = value;
}

/**
 * The Lagrangian bound  L(λ) = Σ_a w_a · min_r (travel(r, a) + λ_r) − Σ_r (λ_r⁺ · upper_r − λ_r⁻ · lower_r),
 * minimised over every eligible rep (locked accounts: their locked rep). By weak duality it is a
 * valid lower bound on the objective of every plan that keeps each rep inside its band and assigns
 * every servable account, for any λ; at the LP's optimal prices it equals the LP optimum.
 * Accounts no rep may serve are left out (they stay unassigned in every plan).
 */
export function lagrangianBound(p: CompiledProblem, geo: GreatCircle | undefined, lists: ArcLists, prices: Float64Array): number {
  let minPrice = Infinity;
  for (let j = 0; j < p.m; j++) minPrice = Math.min(minPrice, prices[j]);
  const best = { rep: -1, value: 0 };
  let total = 0;
  for (let a = 0; a < p.n; a++) {
    const w = p.workload[a];
    if (w === 0) continue;
    cheapestRep(p, geo, lists, prices, minPrice, a, best);
    if (best.rep >= 0) total += w * best.value;
  }
  for (let j = 0; j < p.m; j++) {
    const l = prices[j];
    total -= l > 0 ? l * p.upper[j] : l * p.lower[j];
  }
  return total;
}
