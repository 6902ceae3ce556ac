import type { CompiledProblem } from "../../src/compile/compiled-problem.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { checkAssignment } from "../../src/rules/check-assignment.js";

/** Assignments enumerated at most (mⁿ). */
export const BRUTE_FORCE_LIMIT = 200_000;

/**
 * The true optimum by enumeration: every way to give each account a rep, kept when the rule checker
 * finds nothing broken; the cheapest Σ workload × minutes, or null when no assignment keeps every
 * rule. Only for mⁿ ≤ `BRUTE_FORCE_LIMIT`.
 */
export function bruteForce(problem: Problem, p: CompiledProblem): { objective: number; assign: Int32Array } | null {
  if (p.m ** p.n > BRUTE_FORCE_LIMIT) throw new Error(`brute force over ${p.m}^${p.n} assignments is too many`);
  const assign = new Int32Array(p.n);
  let best: { objective: number; assign: Int32Array } | null = null;
  for (;;) {
    if (checkAssignment(problem, p, assign).length === 0) {
      let objective = 0;
      for (let a = 0; a < p.n; a++) objective += p.workload[a] * p.travel(assign[a], a);
      if (!best || objective < best.objective) best = { objective, assign: Int32Array.from(assign) };
    }
    let k = 0;
    while (k < p.n && assign[k] === p.m - 1) assign[k++] = 0;
    if (k === p.n) return best;
    assign[k]++;
  }
}
