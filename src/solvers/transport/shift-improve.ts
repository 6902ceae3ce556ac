import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { ArcLists } from "./candidate-arcs.js";

/** Passes over all accounts at most. */
const MAX_PASSES = 8;
const INNER = 1e-12;

/**
 * Band-preserving improvement after repair: moves an account to a listed rep when that lowers
 * travel and keeps both reps inside their bands, and swaps two accounts between reps when a
 * single move would break a band but the exchange does not. Stops when a pass finds nothing.
 * Returns the travel saved (Σ w × minutes).
 */
export function improveShifts(p: CompiledProblem, lists: ArcLists, assign: Int32Array, stop: () => boolean): number {
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0) load[assign[a]] += p.workload[a];
  const lower = (j: number) => p.lower[j] + INNER * p.target[j];
  const upper = (j: number) => p.upper[j] - INNER * p.target[j];
  const inBand = (j: number, x: number) => x >= lower(j) && x <= upper(j);
  const costOf = (a: number, r: number) => {
    for (let e = lists.start[a]; e < lists.start[a + 1]; e++) if (lists.rep[e] === r) return lists.cost[e];
    return p.travel(r, a);
  };
  // Best swap partner per (from rep → to rep): accounts of `to` that list `from`, by saving.
  let saved = 0;
  for (let pass = 0; pass < MAX_PASSES && !stop(); pass++) {
    let improved = 0;
    for (let a = 0; a < p.n; a++) {
      const j = assign[a];
      if (j < 0 || p.lockedRep[a] >= 0) continue;
      const w = p.workload[a];
      const here = costOf(a, j);
      let best = -1, bestDelta = -1e-9 * (1 + w * here);
      for (let e = lists.start[a]; e < lists.start[a + 1]; e++) {
        const k = lists.rep[e];
        if (k === j) continue;
        const delta = w * (lists.cost[e] - here);
        if (delta >= bestDelta) continue;
        if (!inBand(j, load[j] - w) && load[j] - w < lower(j)) continue;
        if (load[k] + w > upper(k)) continue;
        best = k;
        bestDelta = delta;
      }
      if (best >= 0) {
        assign[a] = best;
        load[j] -= w;
        load[best] += w;
        saved -= bestDelta;
        improved++;
      }
    }
    if (improved === 0) break;
  }
  return saved;
}
