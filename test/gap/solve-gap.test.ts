import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gapObjective, isGapFeasible, negateCosts, type GapInstance } from "../../src/gap/gap-instance.js";
import { readGapInstances } from "../../src/gap/read-gap-instances.js";
import { solveGap } from "../../src/gap/solve-gap.js";
import { solveGapExact, solveGapExactSync } from "../../src/solvers/mip/solve-gap-exact.js";
import { bruteForce, randomInstance } from "./gap-fixtures.js";

const SHARED = new URL("../../../shared/benchmarks/instances/gap/", import.meta.url);

function expectValid(instance: GapInstance, result: ReturnType<typeof solveGap>): void {
  expect(result.assignment).toHaveLength(instance.n);
  if (!result.feasible) return;
  expect(isGapFeasible(instance, result.assignment)).toBe(true);
  expect(result.objective).toBe(gapObjective(instance, result.assignment));
  expect(result.lowerBound).toBeLessThanOrEqual(result.objective + 1e-9);
}

describe("solveGap", () => {
  const cases = Array.from({ length: 12 }, (_, k) => ({ m: 3 + (k % 2), n: 7 + (k % 3), seed: 100 + k, tightness: k % 4 === 3 ? 0.55 : 0.8 }));

  it.each(cases)("reaches the brute-force optimum with a bound below it ($m×$n, seed $seed)", ({ m, n, seed, tightness }) => {
    const instance = randomInstance(m, n, seed, tightness);
    const truth = bruteForce(instance);
    const result = solveGap(instance, { iterations: 400, timeLimitMs: 20_000 });
    expectValid(instance, result);
    if (truth.cost === Infinity) {
      expect(result.feasible).toBe(false);
      return;
    }
    expect(result.feasible).toBe(true);
    expect(result.objective).toBe(truth.cost);
    expect(result.lowerBound).toBeLessThanOrEqual(truth.cost + 1e-9);
  });

  it("gives the same assignment for the same seed and effort limit", () => {
    const instance = randomInstance(8, 80, 7);
    const a = solveGap(instance, { iterations: 120, seed: 3, timeLimitMs: 60_000 });
    const b = solveGap(instance, { iterations: 120, seed: 3, timeLimitMs: 60_000 });
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    expect(a.objective).toBe(b.objective);
    expect(a.lowerBound).toBe(b.lowerBound);
  });

  it("does not modify the instance it is given", () => {
    const instance = randomInstance(4, 20, 9);
    const copy = { ...instance, cost: Float64Array.from(instance.cost), resource: Float64Array.from(instance.resource), capacity: Float64Array.from(instance.capacity) };
    solveGap(instance, { iterations: 100 });
    expect(instance).toEqual(copy);
  });

  it("never uses a forbidden arc (infinite cost)", () => {
    const instance = randomInstance(3, 9, 21);
    const cost = Float64Array.from(instance.cost);
    const truthBefore = bruteForce(instance);
    // Forbid every arc the unrestricted optimum uses for its first three jobs.
    for (let j = 0; j < 3; j++) cost[truthBefore.assignment![j] * instance.n + j] = Infinity;
    const restricted = { ...instance, cost };
    const result = solveGap(restricted, { iterations: 300 });
    const truth = bruteForce(restricted);
    expect(result.objective).toBe(truth.cost);
    for (let j = 0; j < 3; j++) expect(result.assignment[j]).not.toBe(truthBefore.assignment![j]);
  });

  it("meets minimum loads, and the exact search finds the optimum under them", () => {
    const base = randomInstance(3, 8, 33, 0.9);
    const total = base.resource.reduce((s, a) => s + a, 0) / base.m;
    const instance = { ...base, minLoad: new Float64Array(base.m).fill((0.22 * total)) };
    const truth = bruteForce(instance);
    expect(truth.cost).toBeLessThan(Infinity);
    const result = solveGapExactSync(instance, { timeLimitMs: 20_000 });
    expect(result.optimal).toBe(true);
    expect(result.objective).toBe(truth.cost);
    expect(isGapFeasible(instance, result.assignment)).toBe(true);
  });

  it("reports a job that no agent may take as unassigned and the instance infeasible", () => {
    const instance = randomInstance(2, 5, 41);
    const cost = Float64Array.from(instance.cost);
    cost[0 * 5 + 2] = Infinity;
    cost[1 * 5 + 2] = Infinity;
    const result = solveGap({ ...instance, cost }, { iterations: 50 });
    expect(result.feasible).toBe(false);
    expect(result.status).toBe("infeasible");
    expect(result.assignment[2]).toBe(-1);
  });

  it("maximises through negated costs", () => {
    const instance = randomInstance(3, 8, 55);
    const max = bruteForce(negateCosts(instance));
    const result = solveGap(negateCosts(instance), { iterations: 300 });
    expect(-result.objective).toBe(-max.cost);
  });
});

describe("exact backends", () => {
  const instance = randomInstance(3, 8, 77);
  const truth = bruteForce(instance);

  it("branch and bound proves the optimum", () => {
    const result = solveGapExactSync(instance, { backend: "branch-and-bound", timeLimitMs: 20_000 });
    expect(result.optimal).toBe(true);
    expect(result.objective).toBe(truth.cost);
    expect(result.lowerBound).toBe(truth.cost);
  });

  it("javascript-lp-solver's checked answer agrees", () => {
    const result = solveGapExactSync(instance, { backend: "lp-solver", timeLimitMs: 20_000 });
    expect(result.feasible).toBe(true);
    expect(isGapFeasible(instance, result.assignment)).toBe(true);
    if (result.optimal) expect(result.objective).toBe(truth.cost);
  });

  it("HiGHS, loaded on demand, agrees", async () => {
    const result = await solveGapExact(instance, { backend: "highs", timeLimitMs: 20_000 });
    expect(result.optimal).toBe(true);
    expect(result.objective).toBe(truth.cost);
  });

  it("refuses highs in the synchronous entry and oversized models for lp-solver", () => {
    expect(() => solveGapExactSync(instance, { backend: "highs" })).toThrow(/solveGapExact/);
    expect(() => solveGapExactSync(randomInstance(10, 60, 1), { backend: "lp-solver" })).toThrow(/at most 400/);
  });
});

describe.runIf(existsSync(new URL("orlib/gap1.txt", SHARED)))("OR-Library gap1 (shared instances)", () => {
  const instances = () => readGapInstances(readFileSync(new URL("orlib/gap1.txt", SHARED), "utf8"));
  const minOptima = [261, 269, 256, 274, 251];
  const maxOptima = [336, 327, 339, 341, 326];

  it("proves every minimum and maximum with bound ≤ optimum ≤ ours", () => {
    instances().forEach((instance, k) => {
      const min = solveGapExactSync(instance, { timeLimitMs: 20_000 });
      expect(min.optimal).toBe(true);
      expect(min.objective).toBe(minOptima[k]);
      const max = solveGapExactSync(negateCosts(instance), { timeLimitMs: 20_000 });
      expect(max.optimal).toBe(true);
      expect(-max.objective).toBe(maxOptima[k]);
      expect(max.lowerBound).toBeLessThanOrEqual(max.objective);
    });
  });
});
