import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { TerralignError } from "../../src/errors.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { haversineKm } from "../../src/geo/haversine.js";
import type { Problem } from "../../src/model/problem-schema.js";
import type { UnitFeatureCollection } from "../../src/units/units-schema.js";
import { cellCentre, gridUnits } from "../units/grid.js";
import { cellOf, expectContiguous, gridNeighbours, gridProblem } from "./grid-problem.js";

/** Sets `workload` / `potential` properties on the grid cells named in `work`. */
function withWork(units: Problem["units"], work: Record<string, { workload?: number; potential?: number }>): UnitFeatureCollection {
  const fc = structuredClone(units) as UnitFeatureCollection;
  for (const f of fc.features) if (work[String(f.id)]) f.properties = { ...f.properties, ...work[String(f.id)] };
  return fc;
}

/** At 60 km/h with circuity 1 a km is a minute. */
const kmAsMinutes = { travel: { speedKmh: 60, circuity: 1 } } as const;

describe("units with work of their own", () => {
  // Three cells in a row; reps live in the outer cells; the middle cell has no account but 8 h and 300 of its own.
  const row: Problem = {
    accounts: [
      { id: "west", location: cellCentre(0, 0), workload: 10, potential: 100 },
      { id: "east", location: cellCentre(2, 0), workload: 2, potential: 50 },
    ],
    reps: [
      { id: "a", home: cellCentre(0, 0), capacity: 15 },
      { id: "b", home: cellCentre(2, 0), capacity: 15 },
    ],
    units: withWork(gridUnits(3, 1), { c1r0: { workload: 8, potential: 300 } }),
  };

  it("count in the holder's workload, potential, travel and objective, and in every target, with hand-checked numbers", () => {
    const plan = align(row, { contiguity: true, balance: { workload: 0.1 }, ...kmAsMinutes });
    expect(plan.status).toBe("feasible");
    const [a, b] = plan.territories;
    // 20 h in all (10 + 2 of accounts, 8 of the unit), split evenly by capacity; only b can take the middle cell and stay in band.
    expect(a).toMatchObject({ unitIds: ["c0r0"], accountCount: 1, workloadHours: 10, potential: 100, targetHours: 10, travelMinutes: 0 });
    expect(b).toMatchObject({ unitIds: ["c1r0", "c2r0"], accountIds: ["east"], accountCount: 1, workloadHours: 10, potential: 350, targetHours: 10 });
    const minutes = haversineKm(...cellCentre(2, 0), ...cellCentre(1, 0)); // home of b to the middle cell's centroid
    expect(b.travelMinutes).toBeCloseTo(minutes, 9);
    expect(b.maxTravelMinutes).toBeCloseTo(minutes, 9);
    expect(b.weightedTravel).toBeCloseTo(8 * minutes, 9);
    expect(plan.metrics.objective).toBeCloseTo(8 * minutes, 9);
    expect(plan.metrics.potential).toMatchObject({ min: 100, max: 350, spread: 250 });
    expect(plan.metrics).toMatchObject({ repsOutsideBand: 0, accountsAssigned: 2, accountsUnassigned: 0 });
  });

  it("make the plan infeasible when they cannot fit in a band, like account work", () => {
    const heavy: Problem = { ...row, units: withWork(gridUnits(3, 1), { c1r0: { workload: 20 } }) };
    const plan = align(heavy, { contiguity: true, balance: { workload: 0.1 } });
    // 32 h over two reps of 15 h: more work than capacity.
    expect(plan.diagnostics.find((d) => d.code === "capacity_exceeded")?.message).toContain("total workload 32 h exceeds total capacity 30 h");
    expect(plan.status).toBe("infeasible");
  });

  it("are counted once: territory figures add up to the accounts' and units' totals, on a larger grid", () => {
    const base = gridProblem({ cols: 10, rows: 8, homes: [[1, 1], [8, 1], [4, 6], [8, 6]], seed: 3 });
    const work: Record<string, { workload?: number; potential?: number }> = {};
    for (let c = 0; c < 10; c++) for (let r = 0; r < 8; r++) if ((c * 7 + r * 3) % 5 === 0) work[`c${c}r${r}`] = { workload: 1 + ((c + r) % 4), potential: 100 * c };
    const problem: Problem = { ...base, units: withWork(base.units, work) };
    const unitHours = Object.values(work).reduce((s, w) => s + (w.workload ?? 0), 0);
    const unitPotential = Object.values(work).reduce((s, w) => s + (w.potential ?? 0), 0);
    const accountHours = problem.accounts.reduce((s, a) => s + a.workload, 0);
    const plan = align(problem, { contiguity: true, balance: { workload: 0.1 } });
    expect(plan.status).toBe("feasible");
    expectContiguous(plan, Object.keys(work).length > 0 ? (problem.units as UnitFeatureCollection).features.map((f) => String(f.id)) : [], (id) => gridNeighbours(id, false), (repId) => cellOf(problem.reps.find((r) => r.id === repId)!.home));
    const sum = (f: (t: (typeof plan.territories)[number]) => number) => plan.territories.reduce((s, t) => s + f(t), 0);
    expect(sum((t) => t.workloadHours)).toBeCloseTo(accountHours + unitHours, 9);
    expect(sum((t) => t.targetHours)).toBeCloseTo(accountHours + unitHours, 9);
    expect(sum((t) => t.potential)).toBeCloseTo(unitPotential, 9);
    for (const t of plan.territories) {
      const own = t.unitIds!.reduce((s, id) => s + (work[id]?.workload ?? 0), 0);
      const accounts = t.accountIds.reduce((s, id) => s + problem.accounts.find((a) => a.id === id)!.workload, 0);
      expect(t.workloadHours).toBeCloseTo(accounts + own, 9);
      expect(Math.abs(t.deviation)).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });

  it("let units alone carry all the work: territories balanced on unit workload without any account", () => {
    const work: Record<string, { workload: number }> = {};
    for (let c = 0; c < 8; c++) for (let r = 0; r < 6; r++) work[`c${c}r${r}`] = { workload: 2 + ((c * 5 + r * 3) % 4) };
    const total = Object.values(work).reduce((s, w) => s + w.workload, 0);
    const problem: Problem = {
      accounts: [],
      reps: [[1, 1], [6, 1], [3, 4]].map(([c, r], i) => ({ id: `rep${i}`, home: cellCentre(c, r), capacity: (total / 3) * 1.3 })),
      units: withWork(gridUnits(8, 6), work),
    };
    const plan = align(problem, { contiguity: true, balance: { workload: 0.1 } });
    expect(plan.status).toBe("feasible");
    expect(plan.metrics.repsOutsideBand).toBe(0);
    for (const t of plan.territories) {
      expect(t.accountCount).toBe(0);
      expect(t.targetHours).toBeCloseTo(total / 3, 9);
      expect(t.workloadHours).toBeCloseTo(t.unitIds!.reduce((s, id) => s + work[id].workload, 0), 9);
    }
  });

  it("are scored the same by evaluate on the plan's own assignment", () => {
    const base = gridProblem({ cols: 8, rows: 6, homes: [[1, 1], [6, 1], [3, 4]], seed: 5 });
    const problem: Problem = { ...base, units: withWork(base.units, { c0r0: { workload: 6, potential: 900 }, c7r5: { workload: 4 }, c3r3: { potential: 250 } }) };
    const options = { contiguity: true, balance: { workload: 0.1 } };
    const plan = align(problem, options);
    const evaluation = evaluate(problem, plan.assignment, options);
    expect(evaluation.metrics).toEqual(plan.metrics);
    expect(evaluation.territories).toEqual(plan.territories);
    expect(evaluation.diagnostics.filter((d) => d.code === "unit_split" || d.code === "units_without_rep")).toEqual([]);
  });

  it("must be finite numbers ≥ 0; the error names the property", () => {
    const bad = (units: UnitFeatureCollection) => () => align({ ...row, units });
    const text = withWork(gridUnits(3, 1), {});
    text.features[1].properties = { workload: "12" };
    expect(bad(text)).toThrow(TerralignError);
    expect(bad(text)).toThrow('units.features[1].properties.workload: workload "12" (string) must be a finite number ≥ 0');
    const negative = withWork(gridUnits(3, 1), { c2r0: { potential: -5 } });
    expect(bad(negative)).toThrow("units.features[2].properties.potential: potential -5 must be a finite number ≥ 0");
    const nulls = withWork(gridUnits(3, 1), {});
    nulls.features[0].properties = { workload: null, potential: null };
    expect(align({ ...row, units: nulls }, { contiguity: true }).territories.reduce((s, t) => s + t.workloadHours, 0)).toBe(12);
  });
});
