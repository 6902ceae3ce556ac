import highsLoader from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../benchmarks/generate-instance.js";
import { highsAllPairsOptimum } from "../../benchmarks/highs-transport-lp.js";
import { align } from "../../src/align.js";
import { compileProblem } from "../../src/compile/compile.js";
import { resolveOptions } from "../../src/model/parse.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { validatePlan } from "../support/validate-plan.js";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The account-level LP over all account–rep pairs, solved by HiGHS. */
function lpOptimum(problem: Problem, balance: number): number {
  const p = compileProblem(problem, resolveOptions({ balance: { workload: balance } }));
  return highsAllPairsOptimum(highs, p, (a, r) => p.travel(r, a));
}

describe("strategy transport outcomes", () => {
  it("reports as its lower bound the optimum of the LP over all account–rep pairs", () => {
    for (const seed of [1, 2, 3]) {
      const problem = generateInstance({ accounts: 400, reps: 5, seed });
      const plan = align(problem, { strategy: "transport", balance: { workload: 0.25 } });
      validatePlan(problem, plan, { balance: 0.25 });
      expect(plan.bound).toBeDefined();
      const reference = lpOptimum(problem, 0.25);
      expect(Math.abs(plan.bound!.lowerBound - reference)).toBeLessThanOrEqual(1e-6 * reference);
    }
  });

  it("reports the all-pairs LP optimum as its bound also when atom levels warm up the prices (4,000 accounts, 20 reps)", () => {
    const problem = generateInstance({ accounts: 4000, reps: 20, seed: 11 });
    const plan = align(problem, { strategy: "transport", balance: { workload: 0.05 } });
    validatePlan(problem, plan, { balance: 0.05 });
    expect(plan.diagnostics.find((d) => d.code === "transport_lp")?.message).toContain("warmed up on");
    const reference = lpOptimum(problem, 0.05);
    expect(Math.abs(plan.bound!.lowerBound - reference)).toBeLessThanOrEqual(1e-6 * reference);
  });

  it("keeps capacity hard when total workload exceeds total capacity and says why accounts are left out", () => {
    const problem: Problem = {
      accounts: Array.from({ length: 4 }, (_, i) => ({ id: `A${i}`, location: [-99 + i * 0.01, 19] as [number, number], workload: 310 })),
      reps: [
        { id: "R1", home: [-99, 19], capacity: 550 },
        { id: "R2", home: [-99.02, 19], capacity: 550 },
      ],
    };
    const plan = align(problem, { strategy: "transport" });
    expect(plan.status).toBe("infeasible");
    expect(plan.diagnostics.map((d) => d.message)).toContain("total workload 1,240 h exceeds total capacity 1,100 h");
    for (const t of plan.territories) expect(t.workloadHours).toBeLessThanOrEqual(550);
    expect(plan.assignment.length + plan.unassigned.length).toBe(4);
    expect(plan.unassigned.length).toBeGreaterThan(0);
    for (const u of plan.unassigned) expect(u.reason).toMatch(/capacity/);
    validatePlan(problem, plan, { balance: 0.1 });
  });

  it("fills every rep to capacity and leaves the rest unassigned on a larger over-full instance", () => {
    const base = generateInstance({ accounts: 3000, reps: 20, seed: 4 });
    const total = base.accounts.reduce((s, a) => s + a.workload, 0);
    const problem: Problem = { ...base, reps: base.reps.map((r) => ({ ...r, capacity: (0.9 * total) / base.reps.length })) };
    const plan = align(problem, { strategy: "transport", balance: { workload: 0.05 } });
    validatePlan(problem, plan, { balance: 0.05 });
    expect(plan.status).toBe("infeasible");
    for (const t of plan.territories) expect(t.workloadHours).toBeLessThanOrEqual(problem.reps[0].capacity * (1 + 1e-9));
    const unassignedHours = plan.unassigned.reduce((s, u) => s + problem.accounts.find((a) => a.id === u.accountId)!.workload, 0);
    expect(unassignedHours).toBeGreaterThanOrEqual(0.1 * total - 1e-6);
    expect(unassignedHours).toBeLessThan(0.12 * total);
    for (const u of plan.unassigned) expect(u.reason).toMatch(/capacity/);
  });

  it("places an account larger than half a band first and keeps every band", () => {
    const base = generateInstance({ accounts: 2000, reps: 10, seed: 6 });
    const target = base.accounts.reduce((s, a) => s + a.workload, 0) / base.reps.length;
    // Half of a ±5 % band is 5 % of the target: this account is three times that.
    const problem: Problem = { ...base, accounts: base.accounts.map((a, i) => (i === 7 ? { ...a, workload: 0.15 * target } : a)) };
    const plan = align(problem, { strategy: "transport", balance: { workload: 0.05 } });
    validatePlan(problem, plan, { balance: 0.05 });
    expect(plan.status === "feasible" || plan.status === "optimal").toBe(true);
    expect(plan.metrics.repsOutsideBand).toBe(0);
    expect(plan.diagnostics.find((d) => d.code === "transport_lp")?.message).toMatch(/above half a band placed first/);
    expect(plan.diagnostics.some((d) => d.code === "whale_account")).toBe(false);
  });

  it("names an account that no rep's band can take, and still respects capacity", () => {
    const base = generateInstance({ accounts: 1000, reps: 8, seed: 7 });
    const others = base.accounts.reduce((s, a, i) => (i === 3 ? s : s + a.workload), 0);
    // w > 1.05 × (others + w) / 8 puts it above the top of every band (targets grow with it),
    // and it must stay under a rep's capacity.
    const w = Math.min(0.99 * base.reps[0].capacity, (1.1 * 1.05 * others) / (8 - 1.05));
    const problem: Problem = { ...base, accounts: base.accounts.map((a, i) => (i === 3 ? { ...a, workload: w } : a)) };
    const targetAfter = (others + w) / 8;
    expect(w).toBeGreaterThan(1.05 * targetAfter);
    const plan = align(problem, { strategy: "transport", balance: { workload: 0.05 } });
    validatePlan(problem, plan, { balance: 0.05 });
    const whale = plan.diagnostics.find((d) => d.code === "whale_account");
    expect(whale?.accountIds).toEqual([problem.accounts[3].id]);
    expect(plan.status).toBe("infeasible");
    const owner = plan.assignment.find((row) => row.accountId === problem.accounts[3].id)?.repId;
    expect(owner).toBeDefined();
    for (const t of plan.territories) expect(t.workloadHours).toBeLessThanOrEqual(problem.reps.find((r) => r.id === t.repId)!.capacity * (1 + 1e-9));
  });
});
