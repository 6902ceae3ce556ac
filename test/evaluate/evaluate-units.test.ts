import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import type { Problem } from "../../src/model/problem-schema.js";
import type { UnitFeatureCollection } from "../../src/units/units-schema.js";
import { cellCentre, gridUnits } from "../units/grid.js";

/** A 4 × 4 grid of 0.01° cells with one account at each cell centre (`a{c}{r}`, 1 h each) and two reps. */
function grid(): Problem {
  const step = 0.01;
  const accounts = [];
  for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) accounts.push({ id: `a${c}${r}`, location: cellCentre(c, r, -100, 40, step), workload: 1 });
  return {
    accounts,
    reps: [
      { id: "west", home: cellCentre(0, 1, -100, 40, step), capacity: 10 },
      { id: "east", home: cellCentre(3, 1, -100, 40, step), capacity: 10 },
    ],
    units: gridUnits(4, 4, { step }),
  };
}

/** West takes the two left columns, east the two right ones. */
const byColumn = (problem: Problem) => problem.accounts.map((a) => ({ accountId: a.id, repId: Number(a.id[1]) < 2 ? "west" : "east" }));

describe("evaluate on a problem with units", () => {
  it("reports each territory's units and Polsby–Popper compactness, as align does", () => {
    const problem = grid();
    const result = evaluate(problem, byColumn(problem));
    const [west, east] = result.territories;
    expect(west.unitIds).toEqual(["c0r0", "c1r0", "c0r1", "c1r1", "c0r2", "c1r2", "c0r3", "c1r3"]);
    expect(east.unitIds).toEqual(["c2r0", "c3r0", "c2r1", "c3r1", "c2r2", "c3r2", "c2r3", "c3r3"]);
    // 4π·area / perimeter² of an a × b rectangle is π·a·b / (a + b)²: 0.02° of longitude at 40.02° N by 0.04° of latitude.
    const a = 0.02 * Math.cos((40.02 * Math.PI) / 180), b = 0.04;
    expect(west.compactness).toBeCloseTo((Math.PI * a * b) / (a + b) ** 2, 3);
    expect(east.compactness).toBeCloseTo(west.compactness!, 9);
    expect(result.diagnostics).toEqual([]);
  });

  it("gives a unit whose accounts are split to the rep with most of its workload and reports the account left in it as unit_split", () => {
    const problem = grid();
    problem.accounts.push({ id: "extra", location: cellCentre(1, 1, -100, 40, 0.01), workload: 3 });
    const rows = byColumn(problem);
    rows[rows.length - 1].repId = "east"; // 3 h of east against 1 h of west in c1r1
    const result = evaluate(problem, rows);
    const [west, east] = result.territories;
    expect(west.unitIds).not.toContain("c1r1");
    expect(east.unitIds).toContain("c1r1");
    expect(result.violations).toContainEqual(expect.objectContaining({ rule: "unit_split", accountId: "a11", repId: "west", value: "c1r1", limit: "east" }));
    expect(result.violations.filter((v) => v.rule === "unit_split")).toHaveLength(1);
    const split = result.diagnostics.find((d) => d.code === "unit_split")!;
    expect(split.severity).toBe("error");
    expect(split.message).toContain("account a11 is with rep west but lies in unit c1r1, held by rep east");
    expect(split.accountIds).toEqual(["a11"]);
    // Workload still follows the accounts: the account of west in c1r1 counts for west.
    expect(west.workloadHours).toBe(8);
    expect(east.workloadHours).toBe(11);
  });

  it("reports a territory in two pieces as one contiguity break when contiguity is asked, and none otherwise", () => {
    const problem = grid();
    // West keeps its two columns except c1r3, which east takes; east gives up c3r3 … to west: two islands.
    const rows = byColumn(problem).map((row) => (row.accountId === "a33" ? { ...row, repId: "west" } : row.accountId === "a13" ? { ...row, repId: "east" } : row));
    const contiguous = evaluate(problem, rows, { contiguity: true });
    const broken = contiguous.violations.filter((v) => v.rule === "contiguity");
    expect(broken).toEqual([expect.objectContaining({ rule: "contiguity", repId: "west", value: 2, limit: 1 })]);
    expect(contiguous.territories[0].violations.contiguity).toBe(1);
    expect(contiguous.violations.filter((v) => v.rule !== "contiguity")).toEqual([]);
    expect(evaluate(problem, rows).violations).toEqual([]);
  });

  it("reports a rep that does not hold its home unit as a contiguity break", () => {
    const problem = grid();
    // East takes c0r1, west's home unit; west is still one piece.
    const rows = byColumn(problem).map((row) => (row.accountId === "a01" ? { ...row, repId: "east" } : row));
    const broken = evaluate(problem, rows, { contiguity: true }).violations.filter((v) => v.rule === "contiguity");
    expect(broken.map((v) => [v.repId, v.value])).toEqual([
      ["west", 2],
      ["east", 2],
    ]);
    expect(broken[0].message).toContain("not its home unit c0r1");
  });

  it("counts a unit's own work with the rep holding it, and reports a unit that no rep holds", () => {
    const problem = grid();
    const units = problem.units as UnitFeatureCollection;
    units.features.find((f) => f.id === "c0r0")!.properties = { workload: 4, potential: 700 };
    units.features.find((f) => f.id === "c3r3")!.properties = { workload: 2, potential: 50 };
    // Nobody holds c3r3: its account is left out of the assignment.
    const rows = byColumn(problem).filter((row) => row.accountId !== "a33");
    const result = evaluate(problem, rows, { travel: { speedKmh: 60, circuity: 1 } });
    const [west, east] = result.territories;
    expect(west).toMatchObject({ workloadHours: 8 + 4, potential: 700, targetHours: (16 + 6) / 2 });
    expect(east).toMatchObject({ workloadHours: 7, potential: 0, targetHours: 11 });
    expect(east.unitIds).not.toContain("c3r3");
    // West's home is the centre of c0r1; c0r0's centroid is one cell south of it.
    const minutesToUnit = 0.01 * 6371.0088 * (Math.PI / 180);
    const accountMinutes = result.territories[0].travelMinutes - minutesToUnit;
    expect(west.weightedTravel).toBeCloseTo(accountMinutes + 4 * minutesToUnit, 6);
    const free = result.diagnostics.find((d) => d.code === "units_without_rep")!;
    expect(free.severity).toBe("warning");
    expect(free.message).toContain("1 unit(s) hold no assigned account");
    expect(free.message).toContain("their own 2 h of workload and 50 of potential count in no territory");
  });

  it("leaves unit fields out for a problem without units", () => {
    const { units: _, ...plain } = grid();
    const result = evaluate(plain, byColumn(plain));
    expect(result.territories[0]).not.toHaveProperty("unitIds");
    expect(result.territories[0]).not.toHaveProperty("compactness");
  });
});
