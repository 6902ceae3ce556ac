import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { SolveContext } from "../solve-context.js";
import { createRandom } from "../../util/random.js";
import { improve } from "./improve.js";
import { arcMinutes, createState, move } from "./territory-state.js";

/**
 * Runs the heuristic's local search from another strategy's plan. Accounts whose rep is not
 * among their candidates keep it (they are never moved). The result is never worse: the search
 * returns the best plan it saw, ranked by band violation first and objective second, and starts
 * from the given one.
 */
export function polish(p: CompiledProblem, c: Candidates, assign: Int32Array, context: SolveContext, seed: number): Int32Array {
  const state = createState(p);
  const pinned: number[] = [];
  for (let a = 0; a < p.n; a++) {
    const r = assign[a];
    if (r < 0) continue;
    const minutes = arcMinutes(c, a, r);
    if (minutes < 0) pinned.push(a);
    else move(state, p, a, r, 0, minutes);
  }
  if (pinned.length > 0) return assign; // the search prices moves by candidate arcs only
  return improve(p, c, state, context, createRandom(seed));
}
