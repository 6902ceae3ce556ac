import type { CompiledProblem } from "../compile/compiled-problem.js";
import { inBand, measure } from "../evaluate/measure.js";
import type { Diagnostic, Plan, PlanStatus, UnassignedAccount } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import type { Strategy } from "../model/options-schema.js";
import type { SolverResult } from "./solver.js";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/**
 * Turns a solver's indexed result into the public `Plan`: ids restored, metrics recomputed, band
 * and capacity checked, status settled (a plan that breaks a constraint is never `feasible`).
 */
export function finalizePlan(
  problem: Problem,
  p: CompiledProblem,
  result: SolverResult,
  strategy: Exclude<Strategy, "auto">,
  inputDiagnostics: readonly Diagnostic[],
  elapsedMs: number,
): Plan {
  const { territories, metrics } = measure(problem, p, result.assign);
  const diagnostics: Diagnostic[] = [...inputDiagnostics, ...(result.diagnostics ?? [])];

  const unassigned: UnassignedAccount[] = [];
  const assignment = [];
  for (let a = 0; a < p.n; a++) {
    const r = result.assign[a];
    if (r >= 0) assignment.push({ accountId: problem.accounts[a].id, repId: problem.reps[r].id });
    else unassigned.push({ accountId: problem.accounts[a].id, reason: result.unassignedReasons?.get(a) ?? "not assigned by the solver" });
  }

  let violations = 0;
  const over: string[] = [];
  const outside: string[] = [];
  for (let r = 0; r < p.m; r++) {
    const t = territories[r];
    if (t.workloadHours > p.capacity[r] * (1 + 1e-9)) over.push(t.repId);
    else if (!inBand(p, r, t.workloadHours)) outside.push(t.repId);
  }
  if (over.length > 0) {
    violations++;
    diagnostics.push({ severity: "error", code: "capacity_violated", message: `${over.length} rep(s) over capacity, e.g. ${over[0]}`, repIds: over });
  }
  if (outside.length > 0) {
    violations++;
    const worst = territories.reduce((w, t) => (Math.abs(t.deviation) > Math.abs(w.deviation) ? t : w));
    diagnostics.push({
      severity: "error",
      code: "band_violated",
      message: `${outside.length} rep(s) outside the ±${pct(p.balance)} workload band; worst: ${worst.repId} at ${pct(worst.deviation)} from target`,
      repIds: outside,
    });
  }
  if (unassigned.length > 0) violations++;

  let status: PlanStatus = result.status;
  if (status !== "timeout" && (violations > 0 || diagnostics.some((d) => d.severity === "error"))) status = "infeasible";
  if (status === "infeasible" && !diagnostics.some((d) => d.severity === "error")) status = "feasible";

  const lowerBound = result.lowerBound;
  const bound =
    lowerBound === undefined
      ? undefined
      : {
          lowerBound,
          objective: metrics.objective,
          gap: metrics.objective > 0 ? Math.max(0, (metrics.objective - lowerBound) / metrics.objective) : 0,
        };

  return {
    status,
    strategy,
    assignment,
    unassigned,
    territories,
    metrics,
    ...(bound ? { bound } : {}),
    ...(result.prices ? { prices: Array.from(result.prices, (minutesPerHour, r) => ({ repId: p.repIds[r], minutesPerHour })) } : {}),
    diagnostics,
    balance: p.balance,
    elapsedMs,
    problem,
  };
}
