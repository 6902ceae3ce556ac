import type { CompiledProblem } from "../compile/compiled-problem.js";
import { repLoads } from "./rep-loads.js";

/** Reason given to accounts that no rep could take, in the plan found, without going over capacity. */
export const NO_CAPACITY_REASON = "every rep that may serve it was at capacity in the plan found";

/**
 * Makes capacity hard for any strategy's result: while a rep's workload exceeds its capacity,
 * its farthest unlocked account moves to the nearest eligible rep with room, or is left
 * unassigned with `NO_CAPACITY_REASON`. Locked accounts never move (a lock wins over capacity;
 * the input diagnostics name it). Then every account left out for capacity (here or by the
 * strategy) goes to the nearest eligible rep that has room for it after all, smallest first: an
 * account of a tiny workload, say, whose leaving did not help, or one a rounding dropped.
 * Changes `assign` and `reasons` in place; returns how many accounts it moved, unassigned or placed.
 */
export function enforceCapacity(p: CompiledProblem, assign: Int32Array, reasons: Map<number, string>): number {
  const load = repLoads(p, assign);
  let changed = 0;
  for (let r = 0; r < p.m; r++) {
    if (load[r] <= p.capacity[r] * (1 + 1e-12)) continue;
    const movable: number[] = [];
    for (let a = 0; a < p.n; a++) if (assign[a] === r && p.lockedRep[a] < 0) movable.push(a);
    movable.sort((x, y) => p.travel(r, y) - p.travel(r, x) || y - x);
    for (const a of movable) {
      if (load[r] <= p.capacity[r] * (1 + 1e-12)) break;
      const to = nearestWithRoom(p, a, r, load);
      load[r] -= p.workload[a];
      assign[a] = to;
      changed++;
      if (to >= 0) load[to] += p.workload[a];
      else reasons.set(a, NO_CAPACITY_REASON);
    }
  }
  const left: number[] = [];
  for (const [a, reason] of reasons) if (reason === NO_CAPACITY_REASON && assign[a] < 0 && p.lockedRep[a] < 0) left.push(a);
  left.sort((x, y) => p.workload[x] - p.workload[y] || x - y);
  for (const a of left) {
    const to = nearestWithRoom(p, a, -1, load);
    if (to < 0) continue;
    assign[a] = to;
    load[to] += p.workload[a];
    reasons.delete(a);
    changed++;
  }
  return changed;
}

function nearestWithRoom(p: CompiledProblem, a: number, from: number, load: Float64Array): number {
  let best = -1;
  let bestMinutes = Infinity;
  for (let r = 0; r < p.m; r++) {
    if (r === from || load[r] + p.workload[a] > p.capacity[r] * (1 + 1e-12) || !p.compatible(r, a)) continue;
    const t = p.travel(r, a);
    if (t <= p.maxTravel[r] && t < bestMinutes) {
      best = r;
      bestMinutes = t;
    }
  }
  return best;
}
