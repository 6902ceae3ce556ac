import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { arbitraryProblem, FC_SEED } from "../support/arbitrary-problem.js";

describe("heuristic and transport against the exact mip on small problems", () => {
  it("stay within a few per cent of the proven optimum", () => {
    const ratios: { heuristic: number[]; transport: number[] } = { heuristic: [], transport: [] };
    fc.assert(
      fc.property(arbitraryProblem({ maxAccounts: 12, maxReps: 3 }), (problem) => {
        const options = { balance: { workload: 0.3 }, timeLimitMs: 5000 };
        const exact = align(problem, { ...options, strategy: "mip" });
        fc.pre(exact.status === "optimal" && exact.metrics.objective > 0);
        for (const strategy of ["heuristic", "transport"] as const) {
          const plan = align(problem, { ...options, strategy });
          expect(plan.status === "feasible" || plan.status === "optimal").toBe(true);
          const ratio = plan.metrics.objective / exact.metrics.objective;
          expect(ratio).toBeGreaterThanOrEqual(1 - 1e-9); // nothing beats a proven optimum
          ratios[strategy].push(ratio);
        }
      }),
      { seed: FC_SEED, numRuns: 40 },
    );
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(ratios.transport.length).toBeGreaterThan(20);
    // Measured at this seed: means 1.0008 (transport) and 1.0009 (heuristic), worst 1.023 and 1.015.
    expect(mean(ratios.transport)).toBeLessThan(1.01);
    expect(mean(ratios.heuristic)).toBeLessThan(1.01);
    expect(Math.max(...ratios.transport)).toBeLessThan(1.05);
    expect(Math.max(...ratios.heuristic)).toBeLessThan(1.05);
  });
});
