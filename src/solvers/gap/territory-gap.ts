import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { GapArcs } from "../../gap/gap-arcs.js";
import { accountHours } from "../../compile/travel-hours.js";
import { repWindows } from "../exact/exact-problem.js";

/** A territory problem as a GAP over its candidate arcs, with the map back to accounts. */
export interface TerritoryGap {
  readonly arcs: GapArcs;
  /** Account index of each GAP job (accounts without any usable arc are left out). */
  readonly account: Int32Array;
}

/**
 * The GAP of a compiled territory problem: one job per account, one arc per candidate rep, cost =
 * workload × travel minutes (the plan objective), resource = the account's hours at that rep
 * (`accountHours`), capacity = the band's upper end `upper[r]`, minimum load = its lower end
 * `lower[r]` (the search treats it as a penalised constraint; bounds ignore it). Arcs whose hours
 * alone exceed the rep's upper end are dropped unless they are the account's only ones.
 */
export function territoryGap(p: CompiledProblem, c: Candidates): TerritoryGap {
  const accounts: number[] = [];
  const start: number[] = [0];
  const agent: number[] = [];
  const cost: number[] = [];
  const resource: number[] = [];
  for (let a = 0; a < p.n; a++) {
    const items: { r: number; cost: number; hours: number }[] = [];
    for (let t = c.start[a]; t < c.start[a + 1]; t++) {
      const r = c.rep[t];
      items.push({ r, cost: p.workload[a] * c.minutes[t], hours: accountHours(p, a, c.minutes[t]) });
    }
    if (items.length === 0) continue;
    const fitting = items.filter((x) => x.hours <= p.upper[x.r]);
    const kept = fitting.length > 0 ? fitting : [items.reduce((x, y) => (y.hours - p.upper[y.r] < x.hours - p.upper[x.r] ? y : x))];
    kept.sort((x, y) => x.r - y.r);
    for (const x of kept) {
      agent.push(x.r);
      cost.push(x.cost);
      resource.push(x.hours);
    }
    accounts.push(a);
    start.push(agent.length);
  }
  const n = accounts.length;
  // The rule checker's tolerance, so that the bound holds for every plan the checker accepts.
  const windows = repWindows(p, new Float64Array(p.m), p.balance);
  return {
    arcs: {
      m: p.m,
      n,
      start: Int32Array.from(start),
      agent: Int32Array.from(agent),
      cost: Float64Array.from(cost),
      resource: Float64Array.from(resource),
      capacity: windows.upper,
      minLoad: Float64Array.from(windows.lower, (x) => Math.max(0, x)),
      complete: agent.length === n * p.m,
    },
    account: Int32Array.from(accounts),
  };
}
