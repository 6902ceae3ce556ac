import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Strategy } from "../../src/model/options-schema.js";
import { arbitraryProblem, FC_SEED } from "../support/arbitrary-problem.js";
import { validatePlan } from "../support/validate-plan.js";

const cases: { strategy: Exclude<Strategy, "auto">; maxAccounts: number; numRuns: number }[] = [
  { strategy: "heuristic", maxAccounts: 40, numRuns: 25 },
  { strategy: "transport", maxAccounts: 40, numRuns: 25 },
  { strategy: "gap", maxAccounts: 30, numRuns: 15 },
  { strategy: "mip", maxAccounts: 10, numRuns: 10 },
];

describe.each(cases)("strategy $strategy", ({ strategy, maxAccounts, numRuns }) => {
  it("keeps every plan invariant on random problems with segments and locks", () => {
    fc.assert(
      fc.property(arbitraryProblem({ maxAccounts, maxReps: 5, segments: true, locks: true }), fc.constantFrom(0.05, 0.15, 0.3), (problem, balance) => {
        const plan = align(problem, { strategy, balance: { workload: balance }, timeLimitMs: 3000 });
        expect(plan.strategy).toBe(strategy);
        validatePlan(problem, plan, { balance });
      }),
      { seed: FC_SEED, numRuns },
    );
  });

  it("never returns a lower bound above the plan's objective", () => {
    fc.assert(
      fc.property(arbitraryProblem({ maxAccounts, maxReps: 4 }), (problem) => {
        const plan = align(problem, { strategy, balance: { workload: 0.2 }, timeLimitMs: 3000 });
        if (plan.bound) expect(plan.bound.lowerBound).toBeLessThanOrEqual(plan.metrics.objective * (1 + 1e-9) + 1e-9);
      }),
      { seed: FC_SEED + 1, numRuns },
    );
  });

  it("keeps capacity hard when total workload exceeds total capacity", () => {
    const problem = {
      accounts: Array.from({ length: 4 }, (_, i) => ({ id: `A${i}`, location: [-99 + i * 0.01, 19] as [number, number], workload: 310 })),
      reps: [
        { id: "R1", home: [-99, 19] as [number, number], capacity: 550 },
        { id: "R2", home: [-99.02, 19] as [number, number], capacity: 550 },
      ],
    };
    const plan = align(problem, { strategy, timeLimitMs: 3000 });
    expect(plan.status).toBe("infeasible");
    expect(plan.diagnostics.map((d) => d.message)).toContain("total workload 1,240 h exceeds total capacity 1,100 h");
    for (const t of plan.territories) expect(t.workloadHours).toBeLessThanOrEqual(550);
    expect(plan.assignment.length + plan.unassigned.length).toBe(4);
  });
});
