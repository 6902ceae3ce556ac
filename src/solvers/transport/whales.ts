import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { Diagnostic } from "../../model/plan.js";
import { isEligible, travelMinutes, type GreatCircle } from "./great-circle.js";
import type { NearestReps } from "./nearest-reps.js";

const hours = (x: number) => `${x.toLocaleString("en-US", { maximumFractionDigits: 1 })} h`;

/**
 * Whales: accounts larger than half the band width of their cheapest rep. Splitting one in the LP
 * is meaningless and rounding it moves a rep by more than half its band, so whales are placed
 * before the account-level LP, like locked accounts. Returns them largest first.
 */
export function findWhales(p: CompiledProblem, accounts: Int32Array, cheapest: NearestReps): Int32Array {
  const whales: number[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    if (cheapest.count[a] === 0) continue;
    const j = cheapest.rep[a * cheapest.want];
    if (p.workload[a] > 0.5 * (p.upper[j] - p.lower[j])) whales.push(a);
  }
  return Int32Array.from(whales.sort((x, y) => p.workload[y] - p.workload[x] || x - y));
}

/**
 * Places each whale (largest first) with the cheapest eligible rep at travel + price that still
 * has room for it under the top of its band, given `load` (locked workload and whales placed so
 * far; updated). When none has, the whale goes to the cheapest rep with capacity left, and a
 * diagnostic names it; when no eligible rep has capacity for it, it stays unassigned (−1 in
 * `assign`) and is returned in `unplaced`.
 */
export function placeWhales(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  whales: Int32Array,
  prices: Float64Array,
  load: Float64Array,
  assign: Int32Array,
): { diagnostics: Diagnostic[]; unplaced: number[] } {
  const outside: number[] = [];
  const unplaced: number[] = [];
  const value = new Float64Array(p.m);
  for (const a of whales) {
    const w = p.workload[a];
    const reps: number[] = [];
    for (let j = 0; j < p.m; j++) {
      const t = travelMinutes(p, geo, j, a);
      if (!isEligible(p, j, a, t)) continue;
      value[j] = t + prices[j];
      reps.push(j);
    }
    reps.sort((x, y) => value[x] - value[y] || x - y);
    let pick = reps.find((j) => load[j] + w <= p.upper[j]) ?? -1;
    if (pick < 0) {
      pick = reps.find((j) => load[j] + w <= p.capacity[j]) ?? -1;
      if (pick >= 0) outside.push(a);
    }
    assign[a] = pick;
    if (pick >= 0) load[pick] += w;
    else unplaced.push(a);
  }
  const diagnostics: Diagnostic[] = [];
  if (outside.length > 0) {
    const a = outside[0];
    const r = assign[a];
    diagnostics.push({
      severity: "warning",
      code: "whale_account",
      message:
        `${outside.length} account(s) are too large for the room left in the band of every rep that may serve them, e.g. account ${p.accountIds[a]} ` +
        `with ${hours(p.workload[a])}, placed with rep ${p.repIds[r]} (band ${hours(p.lower[r])} – ${hours(p.upper[r])})`,
      accountIds: outside.map((x) => p.accountIds[x]),
      repIds: [...new Set(outside.map((x) => p.repIds[assign[x]]))],
    });
  }
  return { diagnostics, unplaced };
}
