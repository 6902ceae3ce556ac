import { buildCandidates } from "./compile/candidates.js";
import { compileProblem } from "./compile/compile.js";
import type { Plan } from "./model/plan.js";
import type { AlignOptions } from "./model/options-schema.js";
import { parseProblem, resolveOptions } from "./model/parse.js";
import type { Problem } from "./model/problem-schema.js";
import { diagnoseInput } from "./solve/diagnose.js";
import { finalizePlan } from "./solve/finalize-plan.js";
import { createSolveContext } from "./solve/solve-context.js";
import { pickSolver } from "./solve/strategies.js";

/**
 * Builds territories: every account to exactly one rep (or listed as unassigned with the reason),
 * workloads inside the balance band, travel minimised. Throws `TerralignError` for bad input or
 * options; returns infeasibility and timeouts as the plan's `status` with diagnostics.
 */
export function align(problem: Problem, options?: AlignOptions): Plan {
  const valid = parseProblem(problem);
  const resolved = resolveOptions(options);
  const context = createSolveContext(resolved);
  const compiled = compileProblem(valid, resolved);
  const { name, solve } = pickSolver(resolved.strategy, compiled);
  context.progress("candidates", 0);
  const candidates = buildCandidates(compiled, resolved.candidates.k);
  context.progress("candidates", 1);
  const { diagnostics, unservable } = diagnoseInput(valid, compiled, candidates);
  const result = solve({ problem: compiled, candidates, options: resolved, context });
  const reasons = new Map(result.unassignedReasons ?? []);
  for (const [a, reason] of unservable) reasons.set(a, reason);
  return finalizePlan(valid, compiled, { ...result, unassignedReasons: reasons }, name, diagnostics, context.elapsedMs());
}
