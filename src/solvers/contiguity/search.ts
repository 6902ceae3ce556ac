import type { SolveContext } from "../solve-context.js";
import { shuffle } from "../../util/random.js";
import type { TarjanScratch } from "./articulation.js";
import { repairBandsByChains } from "./band-chains.js";
import { improveBoundary, type SearchStats } from "./local-search.js";
import { createPartition, recomputeCost, totalViolation, type Partition } from "./partition.js";
import { recombine, type RecombineScratch } from "./recombine.js";
import { shiftAlongPath } from "./shift-along-path.js";
import { violation, type UnitProblem, type Weights } from "./unit-problem.js";

/** Spanning trees tried per pair of territories in one ReCom sweep. */
const TREES_PER_PAIR = 3;
/** Spanning trees tried for a pair with a rep outside its band (lumpy units need luckier cuts). */
const TREES_WHEN_OUTSIDE = 30;
/** Rounds without a better plan before the search stops. */
const PATIENCE = 5;
/** μ never grows past this multiple of its start. */
const MAX_MU = 2 ** 20;
/** Path shifts per rep outside its band in one round (a lumpy rep may need a give and a take). */
const SHIFTS_PER_REP = 3;
/** Passes of band-repair chains in one round (each pass tries every rep outside its band once). */
const CHAIN_PASSES = 8;

/** The best plan one search found: fewest hours outside the bands, then lowest cost. */
export interface SearchResult {
  readonly owner: Int32Array;
  readonly violation: number;
  readonly cost: number;
  readonly rounds: number;
}

type Outcome = Pick<SearchResult, "violation" | "cost">;

/** Whether plan a is better than b: fewer hours outside the bands, or as few and a lower cost. */
export function better(a: Outcome, b: Outcome): boolean {
  return a.violation < b.violation - 1e-9 || (a.violation <= b.violation + 1e-9 && a.cost < b.cost);
}

/** Like `better`, with the cost lower by more than rounding too (for sums kept up to date step by step). */
export function clearlyBetter(a: Outcome, b: Outcome): boolean {
  return a.violation < b.violation - 1e-9 || (a.violation <= b.violation + 1e-9 && a.cost < b.cost - 1e-9 * Math.max(1, b.cost));
}

/** Scratch shared by the searches of one solve. */
export interface SearchTools {
  readonly tarjan: TarjanScratch;
  readonly recombine: RecombineScratch;
  readonly random: () => number;
  readonly stats: SearchStats;
}

/**
 * Improves a contiguous assignment in rounds, each a boundary local search (`improveBoundary`)
 * then a ReCom sweep over every pair of adjacent territories in random order (`recombine`), on
 * cost + Σ penalty (see `penalty`), with strategic oscillation: μ starts at `mu0` and doubles after
 * every round that ends with a rep outside its band (up to `MAX_MU` × mu0), and is divided by 4
 * (down to mu0) after every round that ends inside them, so the search may cross infeasible
 * ground. While some rep is outside its band, the penalty also pulls every rep towards its target
 * (weight mu0), and a round that ends outside the bands ends with band-repair chains
 * (`repairBandsByChains`: the cheapest chains of boundary moves that close them); when none
 * applies and the round did not improve on the best plan, load is shifted along chains of
 * territories (`shiftAlongPath`). Stops after `PATIENCE` rounds without a better plan, or when the
 * context says so. Every step keeps every territory connected.
 */
export function search(up: UnitProblem, start: Int32Array, mu0: number, context: SolveContext, tools: SearchTools): SearchResult {
  const part = createPartition(up, start);
  let best = Int32Array.from(part.owner);
  let bestViolation = totalViolation(part, up);
  let bestCost = part.cost;
  let mu = mu0;
  let outside = bestViolation > 1e-9;
  let stale = 0, rounds = 0;
  while (stale < PATIENCE && !context.stopped()) {
    rounds++;
    const weights: Weights = { mu, pull: outside ? mu0 : 0 };
    const moved = improveBoundary(up, part, weights, tools.random, context, tools.tarjan, tools.stats);
    const recombined = sweep(up, part, weights, context, tools);
    recomputeCost(part, up);
    const v = totalViolation(part, up);
    const fewer = v < bestViolation - 1e-9;
    const cheaper = v <= bestViolation + 1e-9 && part.cost < bestCost - 1e-9 * Math.max(1, bestCost);
    if (fewer || cheaper) {
      best = Int32Array.from(part.owner);
      bestViolation = v;
      bestCost = part.cost;
    }
    // Outside the bands only fewer hours outside count as progress; inside, a lower cost does.
    stale = fewer || (cheaper && v <= 1e-9) ? 0 : stale + 1;
    outside = v > 1e-9;
    if (outside) {
      mu = Math.min(mu * 2, mu0 * MAX_MU);
      if (!repairByChains(up, part, tools) && stale > 0) shiftStuckReps(up, part, tools);
    } else {
      if (!moved && !recombined && mu === mu0) break;
      mu = Math.max(mu0, mu / 4);
    }
    context.progress("improve", stale / PATIENCE, bestCost);
  }
  return { owner: best, violation: bestViolation, cost: bestCost, rounds };
}

/** Band-repair chains until every rep is inside its band or a pass applies none; returns whether any was applied. */
function repairByChains(up: UnitProblem, part: Partition, tools: SearchTools): boolean {
  let applied = 0;
  for (let pass = 0; pass < CHAIN_PASSES; pass++) {
    const now = repairBandsByChains(up, part, tools.tarjan);
    applied += now;
    if (now === 0 || totalViolation(part, up) <= 1e-9) break;
  }
  return applied > 0;
}

function shiftStuckReps(up: UnitProblem, part: Partition, tools: SearchTools): void {
  for (let r = 0; r < up.m; r++) {
    for (let k = 0; k < SHIFTS_PER_REP && violation(up, r, part.load[r]) > 1e-9; k++) shiftAlongPath(up, part, r, tools.tarjan);
  }
}

/** One ReCom step on every pair of adjacent territories, in random order. Returns whether any improved. */
function sweep(up: UnitProblem, part: Partition, weights: Weights, context: SolveContext, tools: SearchTools): boolean {
  const { graph, m } = up;
  const keys = new Set<number>();
  for (let u = 0; u < up.U; u++) {
    const r = part.owner[u];
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const s = part.owner[graph.neighbor[e]];
      if (r >= 0 && r < s) keys.add(r * m + s);
    }
  }
  const pairs = shuffle(Int32Array.from([...keys].sort((a, b) => a - b)), tools.random);
  let improved = false;
  for (let i = 0; i < pairs.length && !context.stopped(); i++) {
    const r = Math.floor(pairs[i] / m), s = pairs[i] % m;
    const trees = violation(up, r, part.load[r]) + violation(up, s, part.load[s]) > 1e-9 ? TREES_WHEN_OUTSIDE : TREES_PER_PAIR;
    if (recombine(up, part, r, s, weights, trees, tools.random, tools.stats, tools.recombine)) improved = true;
  }
  return improved;
}
