import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Problem } from "../../src/model/problem-schema.js";
import type { UnitFeatureCollection } from "../../src/units/units-schema.js";
import { validatePlan } from "../support/validate-plan.js";
import { cellOf, expectContiguous, gridNeighbours, gridProblem } from "./grid-problem.js";

const homesOf = (problem: Problem) => (repId: string) => cellOf(problem.reps.find((r) => r.id === repId)!.home);
const unitIdsOf = (problem: Problem) => (problem.units as UnitFeatureCollection).features.map((f) => String(f.id));

describe("contiguous alignment on a grid of units", () => {
  const problem = gridProblem({ cols: 12, rows: 10, homes: [[1, 1], [10, 1], [5, 5], [1, 8], [10, 8], [6, 2]] });

  it("puts every unit in exactly one territory, each connected and holding its rep's home unit", () => {
    const plan = align(problem, { contiguity: true, balance: { workload: 0.1 } });
    expect(plan.status).toBe("feasible");
    validatePlan(problem, plan, { balance: 0.1 });
    expectContiguous(plan, unitIdsOf(problem), (id) => gridNeighbours(id, false), homesOf(problem));
  });

  it("gives every account the rep of its unit", () => {
    const plan = align(problem, { contiguity: true });
    const unitRep = new Map(plan.territories.flatMap((t) => t.unitIds!.map((u) => [u, t.repId] as const)));
    const repOf = new Map(plan.assignment.map((row) => [row.accountId, row.repId]));
    for (const account of problem.accounts) expect(repOf.get(account.id)).toBe(unitRep.get(cellOf(account.location)));
  });

  it("keeps territories connected under queen adjacency, corners counting", () => {
    const plan = align(problem, { contiguity: true, units: { adjacency: "queen" } });
    expect(plan.status).toBe("feasible");
    expectContiguous(plan, unitIdsOf(problem), (id) => gridNeighbours(id, true), homesOf(problem));
  });

  it("gives units without accounts to a territory too, so the map has no holes", () => {
    const sparse = gridProblem({ cols: 10, rows: 8, homes: [[1, 1], [8, 6], [4, 4]], empty: (c, r) => (c + r) % 3 === 0 });
    const plan = align(sparse, { contiguity: true });
    expect(plan.status).toBe("feasible");
    expectContiguous(plan, unitIdsOf(sparse), (id) => gridNeighbours(id, false), homesOf(sparse));
  });

  it("moves a locked account's unit into the locked rep's territory and keeps it connected", () => {
    const locked = structuredClone(problem);
    // An account in the far corner from rep0's home, locked to rep0.
    const far = locked.accounts.find((a) => cellOf(a.location) === "c11r9")!;
    far.lockedRep = "rep0";
    const plan = align(locked, { contiguity: true, balance: { workload: 0.25 } });
    validatePlan(locked, plan, { balance: 0.25 });
    const rep0 = plan.territories.find((t) => t.repId === "rep0")!;
    expect(rep0.unitIds).toContain("c11r9");
    expectContiguous(plan, unitIdsOf(locked), (id) => gridNeighbours(id, false), homesOf(locked));
  });

  it("is deterministic for a seed", () => {
    const a = align(problem, { contiguity: true, seed: 7 });
    const b = align(problem, { contiguity: true, seed: 7 });
    expect(a.assignment).toEqual(b.assignment);
    expect(a.territories.map((t) => t.unitIds)).toEqual(b.territories.map((t) => t.unitIds));
  });

  it("does not modify the problem", () => {
    const before = structuredClone(problem);
    align(problem, { contiguity: true });
    expect(problem).toEqual(before);
  });

  it("reports the Polsby–Popper compactness of a territory that is one rectangular block", () => {
    const block = gridProblem({ cols: 4, rows: 4, homes: [[1, 1]], step: 0.01 });
    const plan = align(block, { contiguity: true });
    expect(plan.territories[0].unitIds).toHaveLength(16);
    // 4π·area / perimeter² of an a × b rectangle is π·a·b / (a + b)²; here a is 0.04° of longitude at 40.02° N, b 0.04° of latitude.
    const a = 0.04 * Math.cos((40.02 * Math.PI) / 180), b = 0.04;
    expect(plan.territories[0].compactness).toBeCloseTo((Math.PI * a * b) / (a + b) ** 2, 3);
  });

  it("anchors the second rep living in an already taken unit elsewhere, with a warning", () => {
    const shared = gridProblem({ cols: 8, rows: 6, homes: [[2, 2], [2, 2], [6, 4]] });
    const plan = align(shared, { contiguity: true, balance: { workload: 0.2 } });
    expect(plan.diagnostics.map((d) => d.code)).toContain("home_unit_taken");
    const rep0 = plan.territories.find((t) => t.repId === "rep0")!;
    expect(rep0.unitIds).toContain("c2r2");
    for (const t of plan.territories) expect(t.unitIds!.length).toBeGreaterThan(0);
  });
});

describe("units without contiguity", () => {
  it("assigns whole units: accounts of one unit share their rep", () => {
    const problem = gridProblem({ cols: 8, rows: 6, homes: [[1, 1], [6, 4], [3, 3]] });
    const plan = align(problem, { balance: { workload: 0.15 } });
    validatePlan(problem, plan, { balance: 0.15 });
    const repOf = new Map(plan.assignment.map((row) => [row.accountId, row.repId]));
    const unitRep = new Map<string, string>();
    for (const account of problem.accounts) {
      const unit = cellOf(account.location);
      if (!unitRep.has(unit)) unitRep.set(unit, repOf.get(account.id)!);
      expect(repOf.get(account.id)).toBe(unitRep.get(unit));
    }
  });
});

describe("accounts outside every unit", () => {
  const problem = gridProblem({ cols: 6, rows: 4, homes: [[1, 1], [4, 2]] });
  const outside: Problem = { ...problem, accounts: [...problem.accounts, { id: "offshore", location: [-100.05, 40.2], workload: 1 }] };

  it("are reported as unassigned by default", () => {
    const plan = align(outside, { contiguity: true });
    expect(plan.status).toBe("infeasible");
    expect(plan.unassigned).toEqual([{ accountId: "offshore", reason: expect.stringContaining("outside every unit") }]);
    expect(plan.diagnostics.find((d) => d.code === "outside_units")?.accountIds).toEqual(["offshore"]);
  });

  it("go to the unit with the nearest boundary when asked", () => {
    const plan = align(outside, { contiguity: true, units: { assignOutside: "nearest" } });
    expect(plan.unassigned).toHaveLength(0);
    const owner = plan.territories.find((t) => t.unitIds!.includes("c0r2"))!.repId;
    expect(plan.assignment.find((row) => row.accountId === "offshore")?.repId).toBe(owner);
  });

  it("are placed by their unit id when they give one, wherever they lie", () => {
    const named: Problem = { ...problem, accounts: [...problem.accounts, { id: "named", location: [-100.05, 40.2], workload: 1, unit: "c5r3" }] };
    const plan = align(named, { contiguity: true });
    const owner = plan.territories.find((t) => t.unitIds!.includes("c5r3"))!.repId;
    expect(plan.assignment.find((row) => row.accountId === "named")?.repId).toBe(owner);
  });
});

describe("locks that cannot all hold", () => {
  it("gives a unit locked to two reps to the one with more locked workload and names the broken locks", () => {
    const problem = gridProblem({ cols: 6, rows: 4, homes: [[0, 0], [5, 3]] });
    const inCell = problem.accounts.filter((a) => cellOf(a.location) === "c2r2");
    inCell[0].lockedRep = "rep0";
    inCell[0].workload = 10;
    inCell[1].lockedRep = "rep1";
    inCell[1].workload = 1;
    const plan = align(problem, { contiguity: true, balance: { workload: 0.5 } });
    expect(plan.status).toBe("infeasible");
    const conflict = plan.diagnostics.find((d) => d.code === "unit_lock_conflict")!;
    expect(conflict.severity).toBe("error");
    expect(conflict.accountIds).toEqual([inCell[1].id]);
    expect(plan.territories.find((t) => t.repId === "rep0")!.unitIds).toContain("c2r2");
  });
});
