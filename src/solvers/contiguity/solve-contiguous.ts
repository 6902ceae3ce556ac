import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { ResolvedOptions } from "../../model/defaults.js";
import type { Strategy } from "../../model/options-schema.js";
import type { SolveContext } from "../solve-context.js";
import { createRandom } from "../../util/random.js";
import { anneal } from "./anneal.js";
import { createTarjanScratch } from "./articulation.js";
import { constructOnUnits } from "./construct.js";
import { graphTravelCost } from "./graph-travel.js";
import type { SearchStats } from "./local-search.js";
import { createRecombineScratch } from "./recombine.js";
import { repairContiguity } from "./repair.js";
import { better, search, type SearchResult, type SearchTools } from "./search.js";
import type { UnitProblem } from "./unit-problem.js";

/** Annealing steps per unit after the starts (see `anneal`). */
const ANNEAL_STEPS_PER_UNIT = 40;
/** Unit–rep pairs above which the graph-travel start is skipped (its m shortest-path trees cost more than they help). */
const GRAPH_START_MAX_PAIRS = 4_000_000;

/** The contiguous unit assignment and how it was found. */
export interface ContiguousSolution {
  /** Rep per unit; length U. */
  readonly owner: Int32Array;
  readonly strategy: Exclude<Strategy, "auto">;
  /** Lower bound from the unit-level solve, when its strategy proves one (also valid for contiguous plans). */
  readonly lowerBound?: number;
  /** True when the time limit or the abort signal cut the search short. */
  readonly stopped: boolean;
  /** Pinned units that could not be joined to their rep's anchor. */
  readonly stranded: readonly number[];
  readonly stats: SearchStats & { readonly rounds: number; readonly starts: number };
}

/**
 * Contiguity-constrained alignment on units. Up to three starts, each repaired
 * (`repairContiguity`: every territory connected and holding its anchor) and improved (`search`):
 * 1. each unit to its cheapest rep (a Voronoi-like partition around the homes: nearly contiguous,
 *    usually unbalanced);
 * 2. the unit-level problem solved with the configured strategy, without contiguity
 *    (`constructOnUnits`: balanced, often fragmented; its bound is the plan's lower bound);
 * 3. the same solve on travel along the unit graph (`graphTravelCost`: balanced and far less
 *    fragmented, since it does not count on crossing water), when U·m ≤ `GRAPH_START_MAX_PAIRS`.
 * The best of them (fewest hours outside the bands, then lower cost) is annealed (`anneal`,
 * `ANNEAL_STEPS_PER_UNIT` × U ReCom steps), and the better of the two is returned. The starts
 * differ most where a region is lumpy or wraps around a lake, and no one of them is best on every
 * instance. Every stage ends on its own work counts (rounds without progress, annealing steps), so
 * the plan does not depend on the machine's speed; the time limit only stops it early (`stopped`).
 * μ starts at 4 × the mean minutes per hour of workload when every unit goes to its cheapest rep.
 * Deterministic for a seed.
 */
export function solveContiguous(up: UnitProblem, p: CompiledProblem, options: ResolvedOptions, context: SolveContext): ContiguousSolution {
  const stats: SearchStats = { evaluations: 0, cutsEvaluated: 0, moves: 0, recombinations: 0, searchMs: 0, annealSteps: 0 };
  const tools: SearchTools = {
    tarjan: createTarjanScratch(up.U),
    recombine: createRecombineScratch(up.U, up.graph.neighbor.length / 2),
    random: createRandom(options.seed),
    stats,
  };
  const cheapest = cheapestOwner(up);
  let weight = 0, minCost = 0;
  for (let u = 0; u < up.U; u++) {
    weight += up.weight[u];
    if (cheapest[u] >= 0) minCost += up.cost[u * up.m + cheapest[u]];
  }
  const mu0 = 4 * Math.max(1e-9, minCost / Math.max(weight, 1e-9));
  const withGraph = up.U * up.m <= GRAPH_START_MAX_PAIRS;
  let best: (SearchResult & { stranded: readonly number[] }) | undefined;
  let rounds = 0, starts = 0;
  const improve = (start: Int32Array, stageContext: SolveContext) => {
    const repaired = repairContiguity(up, start, mu0);
    if (best !== undefined && stageContext.stopped()) return;
    const found = search(up, repaired.owner, mu0, stageContext, tools);
    rounds += found.rounds;
    starts++;
    if (best === undefined || better(found, best)) best = { ...found, stranded: repaired.stranded };
  };

  context.progress("repair", 0);
  improve(cheapest, context);
  context.progress("construct", 0);
  const built = constructOnUnits(up, p, options, context);
  if (!context.stopped()) improve(built.owner, context);
  if (withGraph && !context.stopped()) {
    const minutesPerKm = (options.travel.circuity / options.travel.speedKmh) * 60;
    const graphCost = graphTravelCost(up, p.repLng, p.repLat, minutesPerKm);
    for (let i = 0; i < graphCost.length; i++) if (!Number.isFinite(graphCost[i])) graphCost[i] = up.cost[i];
    const alongGraph = constructOnUnits({ ...up, cost: graphCost }, p, options, context);
    if (!context.stopped()) improve(alongGraph.owner, context);
  }
  const chosen = best!;
  let result: SearchResult = chosen;
  if (!context.stopped()) {
    context.progress("anneal", 0);
    const annealed = anneal(up, chosen.owner, mu0, ANNEAL_STEPS_PER_UNIT * up.U, context, tools);
    if (better(annealed, chosen)) result = annealed;
  }
  return {
    owner: result.owner,
    strategy: built.strategy,
    ...(built.lowerBound !== undefined ? { lowerBound: built.lowerBound } : {}),
    stopped: context.stopped(),
    stranded: chosen.stranded,
    stats: { ...stats, rounds, starts },
  };
}

/** Each unit to the rep (with an anchor, allowed to serve it) with the lowest cost; −1 when none. */
function cheapestOwner(up: UnitProblem): Int32Array {
  const owner = new Int32Array(up.U).fill(-1);
  for (let u = 0; u < up.U; u++) {
    let best = -1;
    for (let r = 0; r < up.m; r++) {
      if (up.anchor[r] < 0 || !up.allowed[u * up.m + r]) continue;
      if (best < 0 || up.cost[u * up.m + r] < up.cost[u * up.m + best]) best = r;
    }
    owner[u] = best;
  }
  return owner;
}
