import { bandWidth, type CompiledProblem } from "../../compile/compiled-problem.js";
import type { TerritoryGap } from "./territory-gap.js";
import { accountHours, hoursRelaxation } from "../../compile/travel-hours.js";

/** Above this many account × rep pairs the full pricing pass is skipped (no bound is reported). */
export const FULL_PRICING_LIMIT = 20_000_000;

/** The Lagrangian bound over every eligible pair, and whether the GAP's arcs were all of them. */
export interface FullPricing {
  /** L(u) = Σ_a min_r (c_ar + u_r h_ar) − Σ_r (u_r⁺ upper_r − u_r⁻ lower_r) over all eligible pairs: a valid lower bound. */
  readonly bound: number;
  /** Every eligible pair that fits its rep is an arc of the GAP, so the GAP's own bounds are valid too. */
  readonly complete: boolean;
}

/**
 * Prices every eligible (account, rep) pair — not only the candidates — with the capacity prices
 * u, so the bound holds for the whole problem (weak duality holds for any u ≥ 0). Eligibility is
 * the candidates' rule: the locked rep only, else segment/region compatibility and the rep's
 * `maxTravelMinutes`; pairs whose hours alone exceed the rep's upper band end are skipped (no
 * feasible plan uses them). Returns null above `FULL_PRICING_LIMIT` pairs.
 */
export function fullPricingBound(p: CompiledProblem, gap: TerritoryGap, u: Float64Array): FullPricing | null {
  if (p.n * p.m > FULL_PRICING_LIMIT) return null;
  // With travel in the hours the windows depend on the plan's total: price against the widest.
  const widest = hoursRelaxation(p);
  let total = 0;
  let pairs = 0;
  for (const a of gap.account) {
    let best = Infinity;
    const locked = p.lockedRep[a];
    for (let r = 0; r < p.m; r++) {
      if (locked >= 0 && r !== locked) continue;
      const minutes = p.travel(r, a);
      if (locked < 0 && !(minutes <= p.maxTravel[r] && p.compatible(r, a))) continue;
      const hours = accountHours(p, a, minutes);
      if (hours > widest.upper[r]) continue;
      pairs++;
      best = Math.min(best, p.workload[a] * minutes + u[r] * hours);
    }
    if (best === Infinity) return { bound: -Infinity, complete: false };
    total += best;
  }
  if (p.travelHours) return { bound: total - mostWindowTerm(p, u), complete: false };
  for (let r = 0; r < p.m; r++) total -= u[r] > 0 ? u[r] * p.upper[r] : u[r] * p.lower[r];
  return { bound: total, complete: pairs === gap.arcs.agent.length };
}

/**
 * With travel in the hours, rep r's window for a plan of total hours H is [share_r H (1 − b),
 * min(capacity_r, share_r H (1 + b))], and H lies between the least and the most total. For fixed
 * prices the Lagrangian's window term Σ u_r⁺ upper_r(H) + Σ u_r⁻ lower_r(H) is concave and piecewise
 * linear in H: its largest value over that range (at an end or where a capacity starts to bind)
 * makes the bound hold whatever the optimal plan's total is.
 */
function mostWindowTerm(p: CompiledProblem, u: Float64Array): number {
  const t = p.travelHours!;
  const lo = t.leastTotal;
  const hi = Math.max(lo, Math.min(t.mostTotal, p.totalCapacity));
  const term = (h: number) => {
    let sum = 0;
    for (let r = 0; r < p.m; r++) sum += u[r] > 0 ? u[r] * Math.min(p.capacity[r], t.share[r] * h * (1 + bandWidth(p, r))) : u[r] * t.share[r] * h * (1 - bandWidth(p, r));
    return sum;
  };
  let most = Math.max(term(lo), term(hi));
  for (let r = 0; r < p.m; r++) {
    const knee = t.share[r] > 0 ? p.capacity[r] / (t.share[r] * (1 + bandWidth(p, r))) : Infinity;
    if (knee > lo && knee < hi) most = Math.max(most, term(knee));
  }
  return most;
}
