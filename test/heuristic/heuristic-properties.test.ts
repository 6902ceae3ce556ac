import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { arbitraryProblem, FC_SEED } from "../support/arbitrary-problem.js";
import { validatePlan } from "../support/validate-plan.js";

const runs = { seed: FC_SEED, numRuns: 60 };

describe("the heuristic strategy", () => {
  it("returns plans that keep every invariant on random problems", () => {
    fc.assert(
      fc.property(arbitraryProblem({ segments: true, locks: true }), fc.constantFrom(0.05, 0.1, 0.25), (problem, balance) => {
        const plan = align(problem, { strategy: "heuristic", balance: { workload: balance }, timeLimitMs: 5000 });
        expect(plan.strategy).toBe("heuristic");
        validatePlan(problem, plan, { balance });
      }),
      runs,
    );
  });

  it("gives the same plan for the same seed", () => {
    fc.assert(
      fc.property(arbitraryProblem(), fc.integer({ min: 0, max: 1000 }), (problem, seed) => {
        const a = align(problem, { strategy: "heuristic", seed, timeLimitMs: 5000 });
        const b = align(problem, { strategy: "heuristic", seed, timeLimitMs: 5000 });
        expect(b.assignment).toEqual(a.assignment);
        expect(b.metrics).toEqual(a.metrics);
      }),
      { ...runs, numRuns: 20 },
    );
  });

  it("does not mutate its input", () => {
    fc.assert(
      fc.property(arbitraryProblem({ segments: true, locks: true }), (problem) => {
        const before = JSON.stringify(problem);
        align(problem, { strategy: "heuristic", timeLimitMs: 5000 });
        expect(JSON.stringify(problem)).toBe(before);
      }),
      { ...runs, numRuns: 20 },
    );
  });

  it("reaches a feasible plan whenever the band is wide and nothing is locked", () => {
    fc.assert(
      fc.property(arbitraryProblem({ maxAccounts: 60 }), (problem) => {
        const largest = Math.max(...problem.accounts.map((a) => a.workload));
        const total = problem.accounts.reduce((s, a) => s + a.workload, 0);
        const capacities = problem.reps.map((r) => r.capacity);
        const totalCapacity = capacities.reduce((s, c) => s + c, 0);
        const smallestTarget = (total * Math.min(...capacities)) / totalCapacity;
        fc.pre(largest < 0.2 * smallestTarget);
        const plan = align(problem, { strategy: "heuristic", balance: { workload: 0.25 }, timeLimitMs: 5000 });
        expect(plan.status).toBe("feasible");
      }),
      { ...runs, numRuns: 30 },
    );
  });
});
