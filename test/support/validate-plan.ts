import { expect } from "vitest";
import { compileProblem } from "../../src/compile/compile.js";
import { haversineKm } from "../../src/geo/haversine.js";
import type { AlignOptions } from "../../src/model/options-schema.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import type { Plan } from "../../src/model/plan.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { checkAssignment } from "../../src/rules/check-assignment.js";
import { countViolations } from "../../src/rules/violation.js";

export interface ValidateOptions {
  /** Band fraction the plan was asked for. */
  balance: number;
  /** Minutes per km of the travel model (circuity / speed × 60). Default: the library defaults. */
  minutesPerKm?: number;
  /** Other options the plan was built with (travel in the workload, …), for the rule checker. */
  options?: AlignOptions;
}

/** Rep index per account of a plan (−1: unassigned). */
export function assignmentOf(problem: Problem, plan: Plan): Int32Array {
  const account = new Map(problem.accounts.map((a, i) => [a.id, i]));
  const rep = new Map(problem.reps.map((r, i) => [r.id, i]));
  const assign = new Int32Array(problem.accounts.length).fill(-1);
  for (const row of plan.assignment) assign[account.get(row.accountId)!] = rep.get(row.repId)!;
  return assign;
}

/**
 * The invariants every solver's plan must satisfy: every account exactly once; the plan's
 * violations are exactly what the library's one rule checker finds (so a `feasible` or `optimal`
 * plan breaks no rule, and an `infeasible` or `unsolved` one says what it breaks); reported metrics
 * equal to ones recomputed here, independently of the library's measuring code.
 */
export function validatePlan(problem: Problem, plan: Plan, options: ValidateOptions): void {
  const minutesPerKm = options.minutesPerKm ?? (1.3 / 50) * 60;
  const reps = new Map(problem.reps.map((r) => [r.id, r]));
  const seen = new Map<string, string | null>();
  for (const row of plan.assignment) {
    expect(seen.has(row.accountId), `account ${row.accountId} listed twice`).toBe(false);
    expect(reps.has(row.repId), `unknown rep ${row.repId}`).toBe(true);
    seen.set(row.accountId, row.repId);
  }
  for (const u of plan.unassigned) {
    expect(seen.has(u.accountId), `account ${u.accountId} both assigned and unassigned`).toBe(false);
    expect(u.reason.length).toBeGreaterThan(0);
    seen.set(u.accountId, null);
  }
  expect(seen.size).toBe(problem.accounts.length);

  const resolved = resolveOptions({ ...options.options, balance: { workload: options.balance } });
  const p = compileProblem(parseProblem(problem), resolved);
  let violations = checkAssignment(problem, p, assignmentOf(problem, plan));
  expect(plan.metrics.violations).toEqual(countViolations(plan.violations));
  if (problem.units) {
    // Loads of a plan on units include the units' own work, and unit rules apply: compare the account rules.
    const accountRules = new Set(["segment", "region", "lock", "max_travel", "unassigned"]);
    violations = violations.filter((v) => accountRules.has(v.rule));
    expect(plan.violations.filter((v) => accountRules.has(v.rule))).toEqual(violations);
  } else expect(plan.violations).toEqual(violations);
  if (plan.status === "feasible" || plan.status === "optimal") {
    expect(plan.violations, `a ${plan.status} plan breaks no rule`).toEqual([]);
    expect(plan.unassigned).toHaveLength(0);
  }
  if (plan.status === "infeasible" || plan.status === "unsolved") {
    expect(plan.violations.length, `an ${plan.status} plan says what it breaks`).toBeGreaterThan(0);
    expect(plan.diagnostics.some((d) => d.severity === "error")).toBe(true);
  }

  const load = new Map<string, number>();
  const count = new Map<string, number>();
  let objective = 0;
  let totalWorkload = 0;
  // With travel in the hours: each visit a stop of a day trip (see `accountHours`), targets shares of the plan's total hours.
  const stops = resolved.travel.stopsPerDay;
  const withTravel = resolved.workload.includeTravel && !problem.travel && !resolved.travel.minutes;
  problem.accounts.forEach((account, a) => {
    const repId = seen.get(account.id);
    if (repId === null || repId === undefined) {
      totalWorkload += withTravel ? p.travelHours!.least[a] : account.workload;
      return;
    }
    const rep = reps.get(repId)!;
    const minutes = haversineKm(rep.home[0], rep.home[1], account.location[0], account.location[1]) * minutesPerKm;
    objective += account.workload * minutes;
    const hours = withTravel ? account.workload + ((account.visits ?? 1) * (2 * minutes + (stops - 1) * p.travelHours!.hop[a])) / (stops * 60) : account.workload;
    totalWorkload += hours;
    load.set(repId, (load.get(repId) ?? 0) + hours);
    count.set(repId, (count.get(repId) ?? 0) + 1);
  });
  const totalCapacity = problem.reps.reduce((s, r) => s + r.capacity, 0);
  expect(plan.territories.map((t) => t.repId)).toEqual(problem.reps.map((r) => r.id));
  for (const t of plan.territories) {
    const rep = reps.get(t.repId)!;
    expect(t.workloadHours).toBeCloseTo(load.get(t.repId) ?? 0, 6);
    expect(t.accountCount).toBe(count.get(t.repId) ?? 0);
    expect(t.accountIds.length).toBe(t.accountCount);
    expect(t.targetHours).toBeCloseTo((totalWorkload * rep.capacity) / totalCapacity, 6);
  }
  const travel = options.options?.travel;
  if (!(travel?.speedKmh !== undefined || travel?.circuity !== undefined || travel?.minutes !== undefined) && !problem.travel) {
    expect(plan.metrics.objective).toBeCloseTo(objective, Math.max(0, 6 - Math.ceil(Math.log10(Math.max(1, objective)))));
  }
  expect(plan.metrics.accountsAssigned).toBe(plan.assignment.length);
  expect(plan.metrics.accountsUnassigned).toBe(plan.unassigned.length);
  if (plan.bound) {
    expect(plan.bound.lowerBound).toBeLessThanOrEqual(plan.bound.objective * (1 + 1e-9) + 1e-9);
    expect(plan.bound.objective).toBeCloseTo(plan.metrics.objective, 3);
  }
}
