import type { CompiledProblem } from "../compile/compiled-problem.js";
import { measure } from "../evaluate/measure.js";
import type { Plan, UnassignedAccount } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import type { Strategy } from "../model/options-schema.js";
import type { ResolvedOptions } from "../model/defaults.js";
import { portableOptions, rememberOptions } from "./plan-options.js";
import type { SettledResult } from "./settle-plan.js";

/**
 * Turns a settled result into the public `Plan`: ids restored, metrics recomputed (with the
 * violations counted per rule and per rep), the bound and its gap; the plan remembers `options`
 * (`planOptions`).
 */
export function finalizePlan(
  problem: Problem,
  p: CompiledProblem,
  result: SettledResult & { readonly prices?: Float64Array },
  strategy: Exclude<Strategy, "auto">,
  elapsedMs: number,
  options: ResolvedOptions | undefined,
): Plan {
  const { territories, metrics } = measure(problem, p, result.assign, result.violations);
  const unassigned: UnassignedAccount[] = [];
  const assignment = [];
  for (let a = 0; a < p.n; a++) {
    const r = result.assign[a];
    if (r >= 0) assignment.push({ accountId: problem.accounts[a].id, repId: problem.reps[r].id });
    else unassigned.push({ accountId: problem.accounts[a].id, reason: result.unassignedReasons.get(a) ?? "not assigned in the best plan found" });
  }
  const lowerBound = result.lowerBound;
  const bound =
    lowerBound === undefined
      ? undefined
      : {
          lowerBound,
          objective: metrics.objective,
          gap: metrics.objective > 0 ? Math.max(0, (metrics.objective - lowerBound) / metrics.objective) : 0,
        };
  const plan: Plan = {
    status: result.status,
    strategy,
    assignment,
    unassigned,
    territories,
    metrics,
    ...(bound ? { bound } : {}),
    ...(result.prices ? { prices: Array.from(result.prices, (minutesPerHour, r) => ({ repId: p.repIds[r], minutesPerHour })) } : {}),
    diagnostics: result.diagnostics,
    violations: result.violations,
    balance: p.balance,
    elapsedMs,
    problem,
    ...(options ? { options: portableOptions(options) } : {}),
  };
  return options ? rememberOptions(plan, options) : plan;
}
