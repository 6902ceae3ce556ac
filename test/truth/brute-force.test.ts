import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { compileProblem } from "../../src/compile/compile.js";
import type { Strategy } from "../../src/model/options-schema.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import { createRandom } from "../../src/util/random.js";
import { FC_SEED } from "../support/arbitrary-problem.js";
import { bruteForce, BRUTE_FORCE_LIMIT } from "../support/brute-force.js";
import { plantedProblem } from "../support/planted-problem.js";
import { validatePlan } from "../support/validate-plan.js";

const strategies: Exclude<Strategy, "auto">[] = ["transport", "heuristic", "gap", "mip"];

/**
 * Tiny instances solved by enumeration: planted-feasible ones, and the same with the band narrowed
 * at random, so that some have no plan at all; half with travel counted in the workload.
 */
function cases(count: number) {
  const out = [];
  for (let k = 0; out.length < count; k++) {
    const seed = FC_SEED + 7 * k;
    const { problem, balance } = plantedProblem(seed, "tiny");
    const random = createRandom(seed);
    const band = random() < 0.5 ? balance : balance * random();
    const includeTravel = random() < 0.3;
    // With travel in the hours, visits chained 1 to 3 to a day trip.
    const stopsPerDay = 1 + Math.floor(random() * 3);
    const options = { balance: { workload: band }, workload: { includeTravel }, ...(includeTravel ? { travel: { stopsPerDay } } : {}) };
    const p = compileProblem(parseProblem(problem), resolveOptions(options));
    if (p.m ** p.n > BRUTE_FORCE_LIMIT / 4) continue;
    out.push({ seed, problem, options, band, truth: bruteForce(problem, p) });
  }
  return out;
}

const tiny = cases(70);

describe("statuses against brute force on tiny instances", () => {
  it("covers instances with and without a plan", () => {
    expect(tiny.filter((c) => c.truth === null).length).toBeGreaterThan(10);
    expect(tiny.filter((c) => c.truth !== null).length).toBeGreaterThan(10);
  });

  describe.each(strategies)("strategy %s", (strategy) => {
    it("says infeasible exactly when no plan exists, optimal only at the true optimum, and never bounds above it", () => {
      for (const { seed, problem, options, band, truth } of tiny) {
        const plan = align(problem, { ...options, strategy, seed });
        const where = `seed ${seed}`;
        validatePlan(problem, plan, { balance: band, options });
        if (truth === null) {
          // A whole exact search runs on instances this small: it proves that no plan exists.
          expect(plan.status, where).toBe("infeasible");
          continue;
        }
        expect(["feasible", "optimal"], where).toContain(plan.status);
        expect(plan.metrics.objective, where).toBeGreaterThanOrEqual(truth.objective * (1 - 1e-9) - 1e-9);
        if (plan.status === "optimal") expect(plan.metrics.objective, where).toBeCloseTo(truth.objective, 6);
        if (plan.bound) expect(plan.bound.lowerBound, where).toBeLessThanOrEqual(truth.objective * (1 + 1e-9) + 1e-9);
        // The exact strategies, and transport (which searches small problems whole), prove the optimum.
        if (strategy === "mip" || (strategy === "transport" && !options.workload.includeTravel)) expect(plan.status, where).toBe("optimal");
      }
    });
  });
});
