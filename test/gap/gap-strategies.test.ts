import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { buildCandidates } from "../../src/compile/candidates.js";
import { compileProblem } from "../../src/compile/compile.js";
import { resolveOptions, parseProblem } from "../../src/model/parse.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { createSolveContext } from "../../src/solvers/solve-context.js";
import { solveGapStrategy } from "../../src/solvers/gap/solve-gap-strategy.js";
import { accountHours } from "../../src/compile/travel-hours.js";
import { createRandom } from "../../src/util/random.js";
import { arbitraryProblem, FC_SEED } from "../support/arbitrary-problem.js";
import { validatePlan } from "../support/validate-plan.js";

function smallProblem(accounts: number, reps: number, seed: number): Problem {
  const random = createRandom(seed);
  const list = Array.from({ length: accounts }, (_, i) => ({ id: `a${i}`, location: [-103 + random(), 20 + random()] as [number, number], workload: 1 + Math.round(random() * 8) }));
  const total = list.reduce((s, a) => s + a.workload, 0);
  return {
    accounts: list,
    reps: Array.from({ length: reps }, (_, j) => ({ id: `r${j}`, home: [-103 + random(), 20 + random()] as [number, number], capacity: (1.5 * total) / reps })),
  };
}

/** Cheapest plan over every assignment whose workloads lie in the band (exhaustive). */
function bruteForcePlan(problem: Problem, balance: number): number {
  const options = resolveOptions({ balance: { workload: balance } });
  const p = compileProblem(parseProblem(problem), options);
  const load = new Float64Array(p.m);
  let best = Infinity;
  const visit = (a: number, total: number): void => {
    if (a === p.n) {
      for (let r = 0; r < p.m; r++) if (load[r] < p.lower[r] - 1e-9) return;
      best = Math.min(best, total);
      return;
    }
    for (let r = 0; r < p.m; r++) {
      if (load[r] + p.workload[a] > p.upper[r] + 1e-9) continue;
      load[r] += p.workload[a];
      visit(a + 1, total + p.workload[a] * p.travel(r, a));
      load[r] -= p.workload[a];
    }
  };
  visit(0, 0);
  return best;
}

describe("strategies gap and mip in align", () => {
  it.each([1, 2, 3])("mip proves the exhaustive optimum of a small banded problem (seed %i)", (seed) => {
    const problem = smallProblem(9, 3, seed);
    const truth = bruteForcePlan(problem, 0.3);
    const plan = align(problem, { strategy: "mip", balance: { workload: 0.3 }, timeLimitMs: 20_000 });
    validatePlan(problem, plan, { balance: 0.3 });
    expect(plan.status).toBe("optimal");
    expect(plan.metrics.objective).toBeCloseTo(truth, 6);
    expect(plan.bound!.lowerBound).toBeLessThanOrEqual(truth * (1 + 1e-9));
  });

  it("gap returns valid plans with a bound below the objective (property)", () => {
    fc.assert(
      fc.property(arbitraryProblem({ maxAccounts: 30, maxReps: 5, segments: true, locks: true }), (problem) => {
        const plan = align(problem, { strategy: "gap", balance: { workload: 0.4 }, timeLimitMs: 3_000 });
        validatePlan(problem, plan, { balance: 0.4 });
        expect(plan.strategy).toBe("gap");
      }),
      { seed: FC_SEED, numRuns: 8 },
    );
  });

  it("with travel counted, keeps each rep's hours including round trips within the band's upper end", () => {
    const problem = smallProblem(30, 4, 9);
    const options = resolveOptions({ strategy: "gap", workload: { includeTravel: true }, balance: { workload: 0.9 }, timeLimitMs: 3_000 });
    const p = compileProblem(parseProblem(problem), options);
    // Give the bands room for travel: this checks the hours model, not the band defaults.
    const roomy = { ...p, upper: p.capacity.map((c) => c * 3), lower: new Float64Array(p.m) };
    const result = solveGapStrategy({ problem: roomy, candidates: buildCandidates(roomy, options.candidates.k), options, context: createSolveContext(options) });
    const hours = new Float64Array(p.m);
    for (let a = 0; a < p.n; a++) {
      expect(result.assign[a]).toBeGreaterThanOrEqual(0);
      hours[result.assign[a]] += accountHours(p, a, p.travel(result.assign[a], a));
    }
    for (let r = 0; r < p.m; r++) expect(hours[r]).toBeLessThanOrEqual(roomy.upper[r] + 1e-9);
    expect(result.lowerBound).toBeDefined();
  });

  it("says when travel hours cannot fit under the reps' capacities at all", () => {
    const base = smallProblem(30, 4, 10);
    const work = base.accounts.reduce((s, a) => s + a.workload, 0);
    // Capacity for the work and 5 % more: the round trips (hours each, reps a degree away) do not fit.
    const problem = { ...base, reps: base.reps.map((r) => ({ ...r, capacity: (1.05 * work) / base.reps.length })) };
    const plan = align(problem, { strategy: "gap", workload: { includeTravel: true }, balance: { workload: 0.05 }, timeLimitMs: 2_000 });
    expect(plan.status).toBe("infeasible");
    expect(plan.diagnostics.some((d) => d.code === "capacity_exceeded" && d.message.startsWith("with travel counted"))).toBe(true);
    expect(plan.bound).toBeUndefined();
  });
});
