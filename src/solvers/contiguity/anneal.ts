import type { SolveContext } from "../solve-context.js";
import { improveBoundary } from "./local-search.js";
import { createPartition, recomputeCost, totalViolation } from "./partition.js";
import { recombine } from "./recombine.js";
import { better, clearlyBetter, type SearchResult, type SearchTools } from "./search.js";
import { violation, type UnitProblem, type Weights } from "./unit-problem.js";

/** Price of an hour outside a band, × mu0: high enough that the walk stays inside the bands. */
const BAND_PRICE = 1000;
/** Starting temperature, × the mean cost of a unit at its cheapest rep. */
const START_TEMPERATURE = 1;
/** The temperature falls geometrically to this share of its start over the steps. */
const END_SHARE = 1e-3;
/** Spanning trees drawn per step (several per merge: building the merged region costs about as much as a tree). */
const TREES = 8;
/** Steps between two greedy boundary passes (which take the single-unit moves a tree cut misses). */
const POLISH_EVERY = 200;

/**
 * Simulated annealing over ReCom steps, to leave the local optimum `search` ends in: each step
 * merges the two territories on either side of a random boundary adjacency (so pairs with long
 * common borders come up more often), draws spanning trees of the merged region and applies the
 * best balanced cut (see `recombine`) when it is no worse than the current split by more than a
 * random threshold −T·ln(ξ), ξ uniform in (0, 1] — threshold acceptance in the Metropolis
 * sense. T falls geometrically from `START_TEMPERATURE` × the mean unit cost to `END_SHARE` of
 * that over `steps` steps. Every `POLISH_EVERY` steps a greedy boundary pass follows. The band
 * price is so high that the walk stays inside the bands once it is there.
 *
 * Whole-territory re-cuts are what can move a territory sideways: a chain of them shifts load
 * from an overloaded metropolitan rep to the next rep and the next, which single boundary moves,
 * stopped by every band on the way, cannot. Returns the best plan visited (fewest hours outside
 * the bands, then lowest cost), after one more greedy boundary pass. Every step keeps every
 * territory connected. Deterministic for the tools' random generator; stops early when the
 * context says so.
 */
export function anneal(up: UnitProblem, start: Int32Array, mu0: number, steps: number, context: SolveContext, tools: SearchTools): SearchResult {
  const { U, m, graph } = up;
  const part = createPartition(up, start);
  let best = Int32Array.from(part.owner);
  let bestViolation = totalViolation(part, up);
  let bestCost = part.cost;
  if (m < 2 || U < 2) return { owner: best, violation: bestViolation, cost: bestCost, rounds: 0 };
  const { random, stats } = tools;
  let weight = 0;
  for (let u = 0; u < U; u++) weight += up.weight[u];
  // mu0 is 4 × the mean minutes per hour at the cheapest rep (see `solveContiguous`).
  const hot = START_TEMPERATURE * (mu0 / 4) * (weight / U);
  const weights: Weights = { mu: BAND_PRICE * mu0, pull: 0 };
  let done = 0;
  /** Σ hours outside the bands, kept up to date per step (a re-cut changes two loads). */
  let v = bestViolation;
  for (; done < steps; done++) {
    if ((done & 63) === 0 && context.stopped()) break;
    const temperature = hot * END_SHARE ** (done / steps);
    let r = -1, s = -1;
    for (let tries = 0; tries < 64 && r === s; tries++) {
      const u = Math.floor(random() * U);
      const degree = graph.start[u + 1] - graph.start[u];
      if (degree === 0) continue;
      r = part.owner[u];
      s = part.owner[graph.neighbor[graph.start[u] + Math.floor(random() * degree)]];
    }
    if (r === s || r < 0 || s < 0) continue;
    const slack = -temperature * Math.log(1 - random());
    const before = violation(up, r, part.load[r]) + violation(up, s, part.load[s]);
    if (recombine(up, part, Math.min(r, s), Math.max(r, s), weights, TREES, random, stats, tools.recombine, slack)) {
      v += violation(up, r, part.load[r]) + violation(up, s, part.load[s]) - before;
    }
    if (done % POLISH_EVERY === POLISH_EVERY - 1) {
      improveBoundary(up, part, weights, random, context, tools.tarjan, stats);
      v = totalViolation(part, up);
    }
    const bestSoFar = { violation: bestViolation, cost: bestCost };
    if (clearlyBetter({ violation: v, cost: part.cost }, bestSoFar)) {
      // The running sums drift by rounding; compare and keep recomputed ones.
      v = totalViolation(part, up);
      const cost = recomputeCost(part, up);
      if (clearlyBetter({ violation: v, cost }, bestSoFar)) {
        best = Int32Array.from(part.owner);
        bestViolation = v;
        bestCost = cost;
      }
    }
  }
  stats.annealSteps += done;
  const polished = createPartition(up, best);
  improveBoundary(up, polished, weights, random, context, tools.tarjan, stats);
  const result = { owner: polished.owner, violation: totalViolation(polished, up), cost: recomputeCost(polished, up), rounds: 0 };
  const kept = { owner: best, violation: bestViolation, cost: bestCost, rounds: 0 };
  return better(result, kept) ? result : kept;
}
