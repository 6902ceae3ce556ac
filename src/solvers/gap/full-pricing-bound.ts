import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { TerritoryGap } from "./territory-gap.js";
import { accountHours } from "../../compile/account-hours.js";

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
      if (hours > p.upper[r]) continue;
      pairs++;
      best = Math.min(best, p.workload[a] * minutes + u[r] * hours);
    }
    if (best === Infinity) return { bound: -Infinity, complete: false };
    total += best;
  }
  for (let r = 0; r < p.m; r++) total -= u[r] > 0 ? u[r] * p.upper[r] : u[r] * p.lower[r];
  return { bound: total, complete: pairs === gap.arcs.agent.length };
}
