import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { spreadOf } from "../../src/evaluate/spread.js";
import { haversineKm } from "../../src/geo/haversine.js";
import type { Problem } from "../../src/model/problem-schema.js";

const problem: Problem = {
  accounts: [
    { id: "a", location: [-99.0, 19.0], workload: 10, potential: 100, currentRep: "r1" },
    { id: "b", location: [-99.1, 19.0], workload: 20, potential: 50, currentRep: "r1" },
    { id: "c", location: [-98.0, 19.0], workload: 30, potential: 0, currentRep: "r2" },
  ],
  reps: [
    { id: "r1", home: [-99.0, 19.0], capacity: 40 },
    { id: "r2", home: [-98.0, 19.0], capacity: 40 },
  ],
};

describe("evaluate", () => {
  it("scores a CRM assignment with hand-checked numbers", () => {
    const result = evaluate(problem, new Map([["a", "r1"], ["b", "r2"], ["c", "r2"]]), { balance: { workload: 0.1 }, travel: { speedKmh: 60, circuity: 1 } });
    const minutesB = haversineKm(-98, 19, -99.1, 19); // at 60 km/h one km is one minute
    expect(result.metrics.objective).toBeCloseTo(20 * minutesB, 9);
    expect(result.territories[0]).toMatchObject({ repId: "r1", accountIds: ["a"], workloadHours: 10, potential: 100, targetHours: 30, utilisation: 0.25 });
    expect(result.territories[1]).toMatchObject({ repId: "r2", accountIds: ["b", "c"], workloadHours: 50, potential: 50 });
    expect(result.territories[0].deviation).toBeCloseTo(-2 / 3, 12);
    expect(result.metrics.workload).toMatchObject({ min: 10, max: 50, mean: 30 });
    expect(result.metrics.workload.maxDeviation).toBeCloseTo(2 / 3, 12);
    expect(result.metrics.potential.spread).toBe(50);
    expect(result.metrics.repsOutsideBand).toBe(2);
    expect(result.metrics.disruption).toEqual({ accountsMoved: 1, workloadMovedHours: 20, fractionMoved: 20 / 60 });
  });

  it("names the id that was probably meant when one differs only in case or surrounding spaces", () => {
    expect(() => evaluate(problem, [{ accountId: "a", repId: " R1" }])).toThrow('assignment[0].repId: " R1" is not the id of any rep; did you mean "r1"?');
    expect(() => evaluate(problem, [{ accountId: "A", repId: "r1" }])).toThrow('assignment[0].accountId: "A" is not the id of any account; did you mean "a"?');
    expect(() => evaluate(problem, [{ accountId: "a", repId: "r3" }])).toThrow(/is not the id of any rep$/);
  });

  it("refuses an account given two different reps, and accepts the same pair twice", () => {
    expect(() => evaluate(problem, [{ accountId: "a", repId: "r1" }, { accountId: "a", repId: "r2" }])).toThrow('assignment[1]: account "a" is given to rep "r2" here and to rep "r1" before');
    expect(evaluate(problem, [{ accountId: "a", repId: "r1" }, { accountId: "a", repId: "r1" }]).metrics.accountsAssigned).toBe(1);
  });

  it("lists accounts the assignment leaves out", () => {
    const result = evaluate(problem, [{ accountId: "a", repId: "r1" }]);
    expect(result.unassigned.map((u) => u.accountId)).toEqual(["b", "c"]);
    expect(result.metrics.accountsUnassigned).toBe(2);
    expect(result.diagnostics.find((d) => d.code === "accounts_unassigned")?.accountIds).toEqual(["b", "c"]);
    expect(result.violations.filter((v) => v.rule === "unassigned").map((v) => v.accountId)).toEqual(["b", "c"]);
  });

  it("compares workload spread by share of target when capacities differ", () => {
    const unequal: Problem = { ...problem, reps: [{ ...problem.reps[0], capacity: 20 }, { ...problem.reps[1], capacity: 40 }] };
    const result = evaluate(unequal, new Map([["a", "r1"], ["b", "r2"], ["c", "r2"]]));
    // targets 20 and 40; loads 10 and 50 → ratios 0.5 and 1.25
    expect(result.metrics.workload.coefficientOfVariation).toBeCloseTo(0.375 / 0.875, 12);
  });
});

describe("spreadOf", () => {
  it("gives zero spread for equal values and the textbook Gini for one holder", () => {
    expect(spreadOf([5, 5, 5, 5])).toEqual({ min: 5, max: 5, mean: 5, coefficientOfVariation: 0, gini: 0 });
    expect(spreadOf([0, 0, 0, 4]).gini).toBeCloseTo(0.75, 12);
    expect(spreadOf([1, 3]).coefficientOfVariation).toBeCloseTo(0.5, 12);
  });
});
