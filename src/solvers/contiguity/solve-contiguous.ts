import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { ResolvedOptions } from "../../model/defaults.js";
import type { Strategy } from "../../model/options-schema.js";
import type { SolveContext } from "../../solve/solve-context.js";
import { createRandom } from "../../util/random.js";
import { createTarjanScratch } from "./articulation.js";
import { constructOnUnits } from "./construct.js";
import type { SearchStats } from "./local-search.js";
import { createRecombineScratch } from "./recombine.js";
import { repairContiguity } from "./repair.js";
import { search, type SearchResult, type SearchTools } from "./search.js";
import type { UnitProblem } from "./unit-problem.js";

/** Share of the remaining time the first start may use. */
const FIRST_START_SHARE = 0.5;

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
  readonly stats: SearchStats & { readonly rounds: number };
}

/**
 * Contiguity-constrained alignment on units, from two starts, keeping the better result (fewer
 * hours outside the bands, then lower cost):
 * 1. each unit to its cheapest rep (a Voronoi-like partition around the homes: nearly contiguous,
 *    usually unbalanced);
 * 2. the unit-level problem solved with the configured strategy, without contiguity
 *    (`constructOnUnits`: balanced, often fragmented).
 * Each start is repaired (`repairContiguity`: every territory connected and holding its anchor)
 * and improved (`search`). The first start may use half of the remaining time. μ starts at 4 × the
 * mean minutes per hour of workload when every unit goes to its cheapest rep. Deterministic for a seed.
 */
export function solveContiguous(up: UnitProblem, p: CompiledProblem, options: ResolvedOptions, context: SolveContext): ContiguousSolution {
  const stats: SearchStats = { evaluations: 0, cutsEvaluated: 0, moves: 0, recombinations: 0, searchMs: 0 };
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

  context.progress("repair", 0);
  const deadline = context.elapsedMs() + (options.timeLimitMs - context.elapsedMs()) * FIRST_START_SHARE;
  const firstContext: SolveContext = { ...context, stopped: () => context.stopped() || context.elapsedMs() >= deadline };
  const firstRepair = repairContiguity(up, cheapest, mu0);
  const first = search(up, firstRepair.owner, mu0, firstContext, tools);

  context.progress("construct", 0);
  const built = constructOnUnits(up, p, options, context);
  const secondRepair = repairContiguity(up, built.owner, mu0);
  const second = context.stopped() ? undefined : search(up, secondRepair.owner, mu0, context, tools);

  const pickSecond = second !== undefined && better(second, first);
  const best = pickSecond ? second : first;
  return {
    owner: best.owner,
    strategy: built.strategy,
    ...(built.lowerBound !== undefined ? { lowerBound: built.lowerBound } : {}),
    stopped: context.stopped(),
    stranded: (pickSecond ? secondRepair : firstRepair).stranded,
    stats: { ...stats, rounds: first.rounds + (second?.rounds ?? 0) },
  };
}

function better(a: SearchResult, b: SearchResult): boolean {
  return a.violation < b.violation - 1e-9 || (a.violation <= b.violation + 1e-9 && a.cost < b.cost);
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
