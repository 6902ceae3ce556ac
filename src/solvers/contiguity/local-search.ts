import type { SolveContext } from "../solve-context.js";
import { shuffle } from "../../util/random.js";
import { markCutUnits, type TarjanScratch } from "./articulation.js";
import { moveUnit, type Partition } from "./partition.js";
import { penalty, type UnitProblem, type Weights } from "./unit-problem.js";

/** Counters shared by the search stages. */
export interface SearchStats {
  /** Boundary moves whose objective change was computed. */
  evaluations: number;
  /** ReCom tree cuts whose objective change was computed. */
  cutsEvaluated: number;
  /** Boundary moves made. */
  moves: number;
  /** ReCom merge-and-split steps applied (improving ones in `search`, accepted ones in `anneal`). */
  recombinations: number;
  /** Annealing steps taken (see `anneal`). */
  annealSteps: number;
  /** Milliseconds spent in boundary local search. */
  searchMs: number;
}

/**
 * Boundary local search at fixed band weights: passes over the units in random order, moving each
 * boundary unit to the adjacent territory that lowers cost + Σ penalty (see `penalty`) the
 * most, until a pass finds no improving move. A move never disconnects a territory: the unit must
 * not be pinned and not an articulation point of its territory. Articulation flags come from one
 * Tarjan DFS per territory, recomputed only when a territory has changed since (so checking a move
 * is O(1) and a pass costs O(boundary) plus one DFS per changed territory). Returns whether any
 * move was made.
 */
export function improveBoundary(
  up: UnitProblem,
  part: Partition,
  weights: Weights,
  random: () => number,
  context: SolveContext,
  tarjan: TarjanScratch,
  stats: SearchStats,
): boolean {
  const { U, m, graph, cost, weight, allowed, pin, anchor } = up;
  const { owner, load, cut, stale } = part;
  const order = Int32Array.from({ length: U }, (_, u) => u);
  const seen = new Int32Array(m);
  let visit = 0;
  const began = now();
  let movedAny = false;
  for (;;) {
    shuffle(order, random);
    let moved = false;
    for (let i = 0; i < U; i++) {
      if ((i & 255) === 0 && context.stopped()) break;
      const u = order[i];
      const r = owner[u];
      if (pin[u] >= 0 || r < 0) continue;
      visit++;
      const row = u * m;
      const w = weight[u];
      const leave = cost[row + r];
      const dr = penalty(up, r, load[r] - w, weights) - penalty(up, r, load[r], weights);
      let best = -1e-9 * (1 + Math.abs(leave));
      let bestRep = -1;
      for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
        const s = owner[graph.neighbor[e]];
        if (s === r || s < 0 || seen[s] === visit) continue;
        seen[s] = visit;
        if (!allowed[row + s] || anchor[s] < 0) continue;
        if (stale[r]) markCutUnits(graph, part, r, anchor[r], tarjan);
        if (cut[u]) break;
        stats.evaluations++;
        const delta = cost[row + s] - leave + dr + penalty(up, s, load[s] + w, weights) - penalty(up, s, load[s], weights);
        if (delta < best) {
          best = delta;
          bestRep = s;
        }
      }
      if (bestRep >= 0) {
        moveUnit(part, up, u, bestRep);
        stats.moves++;
        moved = true;
      }
    }
    movedAny ||= moved;
    if (!moved || context.stopped()) break;
  }
  stats.searchMs += now() - began;
  return movedAny;
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
