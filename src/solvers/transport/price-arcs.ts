import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { ANGLE_SLACK, type GreatCircle } from "./great-circle.js";
import { unitCost, type SupplyUnits } from "./supply-units.js";
import { addTransportArc, repPrices, supplyPrice, type TransportLp } from "./transport-lp.js";

/** Arcs added per unit and round at most (the most violated first). */
const PER_UNIT = 4;

/**
 * Exact pricing over all reps: with the LP's rep prices λ, a unit's best rep minimises
 * cost + λ. A rep outside the unit's arcs can beat its current price only if
 * reach + min λ is below it (reach bounds every unlisted rep's cost); only then are reps scanned,
 * and with the great-circle model each scan skips reps whose angular lower bound already loses.
 * Adds every violating arc found (up to a few per unit) and returns how many were added; 0 means
 * the LP over the candidate arcs is optimal over all eligible arcs.
 */
export function priceArcs(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  units: SupplyUnits,
  lp: TransportLp,
  tolerance: number,
): number {
  const prices = repPrices(lp);
  let minPrice = Infinity;
  for (let j = 0; j < p.m; j++) minPrice = Math.min(minPrice, prices[j]);
  const count = units.workload.length;
  const found: number[] = [];
  let added = 0;
  for (let u = 0; u < count; u++) {
    if (units.workload[u] <= 0) continue;
    const v = supplyPrice(lp, u);
    if (units.arcs.reach[u] + minPrice >= v - tolerance) continue;
    found.length = 0;
    for (let j = 0; j < p.m; j++) {
      if (geo) {
        const c = units.center;
        const dot = c[3 * u] * geo.rep[3 * j] + c[3 * u + 1] * geo.rep[3 * j + 1] + c[3 * u + 2] * geo.rep[3 * j + 2];
        const angle = Math.acos(Math.max(-1, Math.min(1, dot)));
        const bound = Math.max(0, angle - units.radius[u] - ANGLE_SLACK) * geo.minutesPerRadian;
        if (bound + prices[j] >= v - tolerance) continue;
      }
      const cost = unitCost(p, geo, units, u, j);
      if (cost < 0) continue;
      const reduced = cost + prices[j] - v;
      if (reduced < -tolerance) found.push(reduced, j, cost);
    }
    const picks = Math.min(PER_UNIT, found.length / 3);
    for (let k = 0; k < picks; k++) {
      let best = -1;
      for (let q = 0; q < found.length; q += 3) if (found[q] < 0 && (best < 0 || found[q] < found[best])) best = q;
      addTransportArc(lp, u, found[best + 1], found[best + 2]);
      found[best] = 0;
      added++;
    }
  }
  return added;
}
