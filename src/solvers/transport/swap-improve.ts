import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { RepPairs } from "./rep-pairs.js";
import { repLoads } from "../rep-loads.js";
import { innerBands } from "./inner-bands.js";

/** Cheapest moves tried on each side of a rep pair. */
const SWAP_DEPTH = 16;
/** Passes at most over the pair lists (built once: accounts that moved drop out of them). */
const MAX_PASSES = 6;

/**
 * Band-preserving exchanges after repair: two neighbouring reps x and y trade an account each (one
 * of x's with an arc to y for one of y's with an arc to x) when that lowers travel and leaves both
 * inside their bands. Where every rep sits at a band end, single moves are blocked and exchanges
 * are not. Per rep pair and pass, the best exchange among the `SWAP_DEPTH` cheapest moves each way.
 * `pairs` may be older than the plan (built before repair): accounts that moved since are skipped.
 * Returns the travel saved (Σ w × minutes).
 */
export function improveSwaps(p: CompiledProblem, pairs: RepPairs, assign: Int32Array, stop: () => boolean): number {
  const load = repLoads(p, assign);
  const { lower, upper } = innerBands(p);
  const fits = (j: number, x: number) => x >= lower[j] && x <= upper[j];
  let saved = 0;
  for (let pass = 0; pass < MAX_PASSES && !stop(); pass++) {
    let swaps = 0;
    for (let q = 0; q < pairs.from.length; q++) {
      const x = pairs.from[q], y = pairs.to[q];
      if (x > y) continue;
      const back = reversePair(pairs, q);
      if (back < 0) continue;
      let bestA = -1, bestB = -1, best = -1e-9;
      for (let i = pairs.start[q], seenA = 0; i < pairs.start[q + 1] && seenA < SWAP_DEPTH; i++) {
        const a = pairs.account[i];
        if (assign[a] !== x) continue;
        seenA++;
        const wa = p.workload[a];
        for (let k = pairs.start[back], seenB = 0; k < pairs.start[back + 1] && seenB < SWAP_DEPTH; k++) {
          const b = pairs.account[k];
          if (assign[b] !== y) continue;
          seenB++;
          const delta = pairs.cost[i] + pairs.cost[k];
          if (delta >= best) break;
          const wb = p.workload[b];
          if (!fits(x, load[x] - wa + wb) || !fits(y, load[y] + wa - wb)) continue;
          best = delta;
          bestA = a;
          bestB = b;
        }
      }
      if (bestA < 0) continue;
      const shift = p.workload[bestA] - p.workload[bestB];
      assign[bestA] = y;
      assign[bestB] = x;
      load[x] -= shift;
      load[y] += shift;
      saved -= best;
      swaps++;
    }
    if (swaps === 0) break;
  }
  return saved;
}

/** The pair (y, x) of pair q = (x, y), or −1 (pairs are grouped by their first rep, sorted by the second). */
function reversePair(pairs: RepPairs, q: number): number {
  const x = pairs.from[q], y = pairs.to[q];
  let lo = pairs.outStart[y], hi = pairs.outStart[y + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pairs.to[mid] === x) return mid;
    if (pairs.to[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
