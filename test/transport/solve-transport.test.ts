import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../benchmarks/generate-instance.js";
import { align } from "../../src/align.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { arbitraryProblem, FC_SEED } from "../support/arbitrary-problem.js";
import { validatePlan } from "../support/validate-plan.js";

const options = { strategy: "transport", balance: { workload: 0.05 } } as const;

describe("strategy transport", () => {
  const problem = generateInstance({ accounts: 3000, reps: 25, seed: 11 });
  const plan = align(problem, options);

  it("assigns every account, keeps every rep inside a ±5 % band and proves a gap below 0.5 %", () => {
    validatePlan(problem, plan, { balance: 0.05 });
    expect(["optimal", "feasible"]).toContain(plan.status);
    expect(plan.strategy).toBe("transport");
    expect(plan.metrics.repsOutsideBand).toBe(0);
    expect(plan.bound).toBeDefined();
    expect(plan.bound!.gap).toBeLessThan(0.005);
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(problem);
    align(copy, options);
    expect(copy).toEqual(problem);
  });

  it("reports the same lower bound when accounts and reps are given in another order", () => {
    const shuffled: Problem = { accounts: [...problem.accounts].reverse(), reps: [...problem.reps.slice(7), ...problem.reps.slice(0, 7)] };
    const other = align(shuffled, options);
    expect(other.bound!.lowerBound).toBeCloseTo(plan.bound!.lowerBound, 3);
  });

  it("never reports a bound above the objective of the heuristic's plan", () => {
    const heuristic = align(problem, { ...options, strategy: "heuristic", timeLimitMs: 2000 });
    if (heuristic.status === "feasible" || heuristic.status === "optimal") {
      expect(plan.bound!.lowerBound).toBeLessThanOrEqual(heuristic.metrics.objective * (1 + 1e-9));
    }
  });

  it("keeps locked accounts with their rep", () => {
    const locked: Problem = { ...problem, accounts: problem.accounts.map((a, i) => (i % 50 === 0 ? { ...a, lockedRep: problem.reps[i % 25].id } : a)) };
    const result = align(locked, options);
    validatePlan(locked, result, { balance: 0.05 });
    const owner = new Map(result.assignment.map((row) => [row.accountId, row.repId]));
    for (const account of locked.accounts) if (account.lockedRep) expect(owner.get(account.id)).toBe(account.lockedRep);
  });

  it("names the reps whose band cannot be reached", () => {
    // Rep R1 may only serve segment "rare", which two small accounts have.
    const rare: Problem = {
      accounts: problem.accounts.map((a, i) => (i < 2 ? { ...a, segment: "rare" } : { ...a, segment: "common" })),
      reps: problem.reps.map((r, j) => (j === 0 ? { ...r, segments: ["rare"] } : { ...r, segments: ["common", "rare"] })),
    };
    const result = align(rare, options);
    expect(result.status).toBe("infeasible");
    const diagnostic = result.diagnostics.find((d) => d.code === "lp_infeasible");
    expect(diagnostic?.repIds?.length).toBeGreaterThan(0);
  });

  it("returns the best plan so far with status timeout when the time limit is tiny", () => {
    const big = generateInstance({ accounts: 20000, reps: 100, seed: 3 });
    const result = align(big, { ...options, timeLimitMs: 1 });
    expect(result.status).toBe("timeout");
    expect(result.assignment.length + result.unassigned.length).toBe(big.accounts.length);
  });

  it("produces valid plans with a valid bound on arbitrary small problems", () => {
    fc.assert(
      fc.property(arbitraryProblem({ maxAccounts: 40, maxReps: 6, segments: true, locks: true }), (p) => {
        const result = align(p, { strategy: "transport" });
        validatePlan(p, result, { balance: 0.1 });
      }),
      { seed: FC_SEED, numRuns: 60 },
    );
  });
});

describe("explainAssignment", () => {
  it("gives every rep a price and shows most accounts cheaper with their rep than elsewhere", async () => {
    const { explainAssignment } = await import("../../src/solvers/transport/explain-assignment.js");
    const problem = generateInstance({ accounts: 800, reps: 8, seed: 5 });
    const plan = align(problem, options);
    const explanation = explainAssignment(problem, plan, options);
    expect(explanation.prices.size).toBe(8);
    expect(explanation.accounts).toHaveLength(plan.assignment.length);
    const cheaperHere = explanation.accounts.filter((x) => (x.marginMinutes ?? 0) >= -1e-6).length;
    expect(cheaperHere / explanation.accounts.length).toBeGreaterThan(0.95);
  });
});
