import { NO_CAPACITY_REASON } from "../enforce-capacity.js";
import type { Solver } from "../solver.js";
import { createRandom } from "../../util/random.js";
import { construct } from "./construct.js";
import { improve } from "./improve.js";
import { createState } from "./territory-state.js";

/**
 * Strategy `heuristic`: regret-greedy construction, then penalised local search (shift and
 * ejection moves). Works with every constraint; proves no bound. Deterministic for a seed.
 */
export const solveHeuristic: Solver = ({ problem: p, candidates: c, options, context }) => {
  const random = createRandom(options.seed);
  const state = createState(p);
  context.progress("construct", 0);
  const unplaced = construct(p, c, state);
  context.progress("construct", 1, state.objective);
  const assign = improve(p, c, state, context, random);
  const unassignedReasons = new Map<number, string>();
  for (const a of unplaced) {
    unassignedReasons.set(a, NO_CAPACITY_REASON);
  }
  return { assign, status: context.stopped() ? "timeout" : "feasible", unassignedReasons };
};
