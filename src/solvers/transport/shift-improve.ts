import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { accountTravel, type AccountArcs } from "./account-arcs.js";
import type { GreatCircle } from "./great-circle.js";
import { repLoads } from "../rep-loads.js";
import { innerBands } from "./inner-bands.js";

/** Passes over the movable accounts at most. */
const MAX_PASSES = 4;

/**
 * Band-preserving improvement after repair: moves an account to another of its arc reps when that
 * lowers travel and keeps both reps inside their bands. Stops when a pass finds nothing. Returns the travel saved (Σ w × minutes).
 */
export function improveShifts(p: CompiledProblem, geo: GreatCircle | undefined, arcs: AccountArcs, assign: Int32Array, stop: () => boolean): number {
  const load = repLoads(p, assign);
  const { lower, upper } = innerBands(p);
  let saved = 0;
  for (let pass = 0; pass < MAX_PASSES && !stop(); pass++) {
    let improved = 0;
    for (let a = 0; a < p.n; a++) {
      const first = arcs.start[a], last = arcs.start[a + 1];
      if (last - first < 2) continue;
      const j = assign[a];
      if (j < 0 || p.lockedRep[a] >= 0) continue;
      const w = p.workload[a];
      if (load[j] - w < lower[j]) continue;
      const here = accountTravel(p, geo, arcs, a, j);
      let best = -1, bestDelta = -1e-9 * (1 + w * here);
      for (let k = first; k < last; k++) {
        const r = arcs.rep[k];
        if (r === j) continue;
        const delta = w * (arcs.travel[k] - here);
        if (delta >= bestDelta || load[r] + w > upper[r]) continue;
        best = r;
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
