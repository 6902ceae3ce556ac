import { expect } from "vitest";
import { haversineKm } from "../../src/geo/haversine.js";
import type { Plan } from "../../src/model/plan.js";
import type { Problem } from "../../src/model/problem-schema.js";

export interface ValidateOptions {
  /** Band fraction the plan was asked for. */
  balance: number;
  /** Minutes per km of the travel model (circuity / speed × 60). Default: the library defaults. */
  minutesPerKm?: number;
}

/**
 * The invariants every solver's plan must satisfy, recomputed independently of the library's
 * own measuring code: every account exactly once, capacities, locks, segments, regions and
 * travel limits respected, reported metrics equal to recomputed ones, status consistent.
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

  const load = new Map<string, number>();
  const lockedLoad = new Map<string, number>();
  const count = new Map<string, number>();
  let objective = 0;
  let totalWorkload = 0;
  for (const account of problem.accounts) {
    totalWorkload += account.workload;
    const repId = seen.get(account.id);
    expect(repId, `account ${account.id} missing`).not.toBeUndefined();
    if (repId === null || repId === undefined) continue;
    const rep = reps.get(repId)!;
    if (account.lockedRep !== undefined) {
      expect(repId, `lock of ${account.id}`).toBe(account.lockedRep);
      lockedLoad.set(repId, (lockedLoad.get(repId) ?? 0) + account.workload);
    } else {
      if (rep.segments && account.segment !== undefined) expect(rep.segments).toContain(account.segment);
      if (rep.region !== undefined && account.region !== undefined) expect(rep.region).toBe(account.region);
    }
    const minutes = haversineKm(rep.home[0], rep.home[1], account.location[0], account.location[1]) * minutesPerKm;
    if (rep.maxTravelMinutes !== undefined && account.lockedRep === undefined) expect(minutes).toBeLessThanOrEqual(rep.maxTravelMinutes * (1 + 1e-9) + 1e-9);
    objective += account.workload * minutes;
    load.set(repId, (load.get(repId) ?? 0) + account.workload);
    count.set(repId, (count.get(repId) ?? 0) + 1);
  }

  const totalCapacity = problem.reps.reduce((s, r) => s + r.capacity, 0);
  expect(plan.territories.map((t) => t.repId)).toEqual(problem.reps.map((r) => r.id));
  let inBand = true;
  for (const t of plan.territories) {
    const rep = reps.get(t.repId)!;
    const l = load.get(t.repId) ?? 0;
    expect(t.workloadHours).toBeCloseTo(l, 6);
    expect(t.accountCount).toBe(count.get(t.repId) ?? 0);
    expect(t.accountIds.length).toBe(t.accountCount);
    // Capacity is hard, except that locks win when the locked accounts alone exceed it.
    expect(l).toBeLessThanOrEqual(Math.max(rep.capacity, lockedLoad.get(t.repId) ?? 0) * (1 + 1e-9) + 1e-9);
    const target = (totalWorkload * rep.capacity) / totalCapacity;
    expect(t.targetHours).toBeCloseTo(target, 6);
    const upper = Math.min(rep.capacity, target * (1 + options.balance));
    if (l < target * (1 - options.balance) - 1e-6 || l > upper + 1e-6) inBand = false;
  }
  expect(plan.metrics.objective).toBeCloseTo(objective, Math.max(0, 6 - Math.ceil(Math.log10(Math.max(1, objective)))));
  expect(plan.metrics.accountsAssigned).toBe(plan.assignment.length);
  expect(plan.metrics.accountsUnassigned).toBe(plan.unassigned.length);
  if (plan.status === "feasible" || plan.status === "optimal") {
    expect(plan.unassigned).toHaveLength(0);
    expect(inBand, "a feasible plan keeps every rep inside its band").toBe(true);
  }
  if (plan.bound) {
    expect(plan.bound.lowerBound).toBeLessThanOrEqual(plan.bound.objective * (1 + 1e-9) + 1e-9);
    expect(plan.bound.objective).toBeCloseTo(plan.metrics.objective, 3);
  }
}
