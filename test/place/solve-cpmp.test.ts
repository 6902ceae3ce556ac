import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import { cpmpObjective, cpmpViolation, type CpmpInstance } from "../../src/place/cpmp/cpmp-instance.js";
import { readCpmpFile } from "../../src/place/cpmp/read-cpmp-instance.js";
import { solveCpmp } from "../../src/place/cpmp/solve-cpmp.js";
import { bruteForce, fixtureText, randomInstance } from "./cpmp-fixtures.js";

/** The optimum by HiGHS on the textbook model (x_ij ≤ y_j, capacities, medians serve themselves). */
async function optimumByHighs(instance: CpmpInstance): Promise<number> {
  const highs = await loadHighs();
  const { n, p, demand, capacity, cost } = instance;
  const rows: string[] = [];
  const terms: string[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) terms.push(`${cost[i * n + j]} x_${i}_${j}`);
  for (let i = 0; i < n; i++) rows.push(`a${i}: ${Array.from({ length: n }, (_, j) => (j === i ? `y_${i}` : `x_${i}_${j}`)).join(" + ")} = 1`);
  for (let j = 0; j < n; j++) {
    const served = Array.from({ length: n }, (_, i) => i).filter((i) => i !== j);
    rows.push(`c${j}: ${served.map((i) => `${demand[i]} x_${i}_${j}`).join(" + ")} + ${demand[j] - capacity[j]} y_${j} <= 0`);
    for (const i of served) rows.push(`l${i}_${j}: x_${i}_${j} - y_${j} <= 0`);
  }
  rows.push(`m: ${Array.from({ length: n }, (_, j) => `y_${j}`).join(" + ")} = ${p}`);
  const binaries = [...Array.from({ length: n }, (_, j) => `y_${j}`), ...terms.map((t) => t.split(" ")[1])];
  const lp = `Minimize\n obj: ${terms.join(" + ")}\nSubject To\n ${rows.join("\n ")}\nBinary\n ${binaries.join(" ")}\nEnd\n`;
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0 });
  expect(result.Status).toBe("Optimal");
  return result.ObjectiveValue;
}

describe("solveCpmp", () => {
  it("finds the optimum of small instances (checked by enumeration), with a lower bound at most the optimum", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const n = 6 + (seed % 4);
      const p = 2 + (seed % 2);
      const instance = randomInstance(n, p, seed, 1.05 + (seed % 3) * 0.15);
      const optimum = bruteForce(instance);
      const result = solveCpmp(instance, { seed });
      expect(result.objective, `seed ${seed}`).toBe(optimum);
      expect(result.lowerBound).toBeLessThanOrEqual(optimum);
      expect(cpmpViolation(instance, result.medians, result.assignment)).toBeUndefined();
      expect(cpmpObjective(instance, result.assignment)).toBe(result.objective);
    }
  });

  it("matches the optimum HiGHS proves on a generated 30-point instance", async () => {
    const file = readCpmpFile(fixtureText("tsplib-30x3.dat"));
    const optimum = await optimumByHighs(file.instance);
    const result = solveCpmp(file.instance);
    expect(result.objective).toBeCloseTo(optimum, 6);
    expect(result.lowerBound).toBeLessThanOrEqual(optimum + 1e-6);
  });

  it("solves pmedcap01 to its proven optimum 713, with a bound below it", () => {
    const file = readCpmpFile(fixtureText("pmedcap01.txt"));
    const result = solveCpmp(file.instance);
    expect(result.objective).toBe(713);
    expect(result.lowerBound).toBeLessThanOrEqual(713);
    expect(result.lowerBound).toBeGreaterThan(690);
    expect(result.medians).toHaveLength(5);
  });

  it("gives the same answer for the same seed", () => {
    const instance = randomInstance(40, 4, 7, 1.15);
    const a = solveCpmp(instance, { seed: 3, iterations: 60 });
    const b = solveCpmp(instance, { seed: 3, iterations: 60 });
    expect([a.objective, a.lowerBound, Array.from(a.assignment)]).toEqual([b.objective, b.lowerBound, Array.from(b.assignment)]);
  });

  it("says an instance is infeasible when the p largest capacities cannot hold the demand", () => {
    const instance = randomInstance(8, 2, 3, 0.9);
    const result = solveCpmp(instance);
    expect(result.status).toBe("infeasible");
    expect(result.feasible).toBe(false);
    expect(result.infeasibleReason).toMatch(/exceeds the 2 largest capacities together/);
  });

  it("never gives a point where its cost is forbidden when it need not", () => {
    const base = randomInstance(9, 3, 11, 1.4);
    const cost = base.cost.slice();
    // Point 0 may only go to itself or to point 1 (as a median).
    for (let k = 2; k < 9; k++) cost[0 * 9 + k] = 1e6;
    const instance = { ...base, cost, forbiddenCost: 1e6 };
    const result = solveCpmp(instance);
    expect(result.feasible).toBe(true);
    expect([0, 1]).toContain(result.assignment[0]);
    expect(cpmpViolation(instance, result.medians, result.assignment)).toBeUndefined();
  });

  it("keeps forced sites open and respects minimum loads", () => {
    const base = randomInstance(9, 3, 5, 1.3);
    const total = base.demand.reduce((a, b) => a + b, 0);
    const minLoad = new Float64Array(9).fill(Math.floor(total / 5));
    const instance = { ...base, forced: Int32Array.of(4), minLoad };
    const result = solveCpmp(instance);
    expect(result.feasible).toBe(true);
    expect(Array.from(result.medians)).toContain(4);
    expect(cpmpViolation(instance, result.medians, result.assignment)).toBeUndefined();
  });
});
