import { accountHours } from "../../compile/travel-hours.js";
import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { move, type TerritoryState } from "./territory-state.js";

/**
 * Regret-greedy construction. Locked accounts go first, then the rest in decreasing order of
 * priority = workload × (second-best − best travel minutes), with accounts too big to fit half a
 * band ahead of all others (they are the hardest to place late). Each goes to its cheapest
 * candidate whose load stays within the band's upper end, else within capacity, else it is left
 * unassigned (capacity exhausted) and listed in `unplaced`.
 */
export function construct(p: CompiledProblem, c: Candidates, s: TerritoryState): number[] {
  const order: number[] = [];
  const priority = new Float64Array(p.n);
  for (let a = 0; a < p.n; a++) {
    const first = c.start[a];
    const last = c.start[a + 1];
    if (first === last) continue;
    const locked = p.lockedRep[a];
    if (locked >= 0) {
      move(s, p, a, locked, 0, c.minutes[first]);
      continue;
    }
    const best = c.minutes[first];
    const second = last - first > 1 ? c.minutes[first + 1] : best + 1e6;
    const bandWidth = p.upper[c.rep[first]] - p.lower[c.rep[first]];
    const big = p.workload[a] > 0.5 * bandWidth ? 1e12 : 0;
    priority[a] = big + p.workload[a] * (1 + second - best);
    order.push(a);
  }
  order.sort((x, y) => priority[y] - priority[x] || x - y);

  const unplaced: number[] = [];
  for (const a of order) {
    let pick = -1;
    let pickMinutes = 0;
    for (let pass = 0; pass < 2 && pick < 0; pass++) {
      for (let e = c.start[a]; e < c.start[a + 1]; e++) {
        const r = c.rep[e];
        const limit = pass === 0 ? p.upper[r] : p.capacity[r];
        if (s.load[r] + accountHours(p, a, c.minutes[e]) <= limit + 1e-9) {
          pick = r;
          pickMinutes = c.minutes[e];
          break;
        }
      }
    }
    if (pick >= 0) move(s, p, a, pick, 0, pickMinutes);
    else unplaced.push(a);
  }
  return unplaced;
}
