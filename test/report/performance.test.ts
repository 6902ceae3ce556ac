import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/model/problem-schema.js";
import { territoryPerformance } from "../../src/report/performance.js";
import { makePlan } from "../output/make-plan.js";

/** Five reps, each with two accounts of potential 100: rep k sells 10 × (k + 1) per account. */
function problem(): Problem {
  const reps = Array.from({ length: 5 }, (_, k) => ({ id: `r${k}`, home: [k, 0] as [number, number], capacity: 10 }));
  const accounts = reps.flatMap((rep, k) =>
    [0, 1].map((j) => ({ id: `a${k}-${j}`, location: [k, 0.01 * j] as [number, number], workload: 1, potential: 100, attributes: { sales: String(10 * (k + 1)) } })),
  );
  return { accounts, reps };
}

describe("territoryPerformance", () => {
  it("sums sales per territory, divides by potential and flags the top and bottom quartile", () => {
    const p = territoryPerformance(makePlan(problem()), "sales")!;
    expect(Array.from(p.sales)).toEqual([20, 40, 60, 80, 100]);
    expect(Array.from(p.attainment)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    // ⌈5 / 4⌉ = 2 territories at each end.
    expect(p.flag).toEqual(["low", "low", "", "high", "high"]);
    expect(Array.from(p.whiteSpace)).toEqual([180, 160, 140, 120, 100]);
    expect(p.space.totalWhiteSpace).toBe(1000 - 300);
  });

  it("flags nothing with fewer than four territories that have potential, and gives NaN attainment without potential", () => {
    const base = problem();
    const plan = makePlan({ ...base, accounts: base.accounts.map((a) => (a.id.startsWith("a0") || a.id.startsWith("a1") ? { ...a, potential: 0 } : a)) });
    const p = territoryPerformance(plan, "sales")!;
    expect(Number.isNaN(p.attainment[0])).toBe(true);
    expect(p.flag).toEqual(["", "", "", "", ""]);
  });

  it("is null when no account has a sales value, and names the account whose value is not a number", () => {
    expect(territoryPerformance(makePlan(problem()), "revenue")).toBeNull();
    const base = problem();
    base.accounts[3] = { ...base.accounts[3], attributes: { sales: "lots" } };
    expect(() => territoryPerformance(makePlan(base), "sales")).toThrow(/a1-1/);
  });
});
