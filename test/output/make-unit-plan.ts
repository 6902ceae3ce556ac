import { compileProblem } from "../../src/compile/compile.js";
import type { Plan } from "../../src/model/plan.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import type { Account, Problem, Rep } from "../../src/model/problem-schema.js";
import { finalizePlan } from "../../src/settle/finalize-plan.js";
import { settlePlan } from "../../src/settle/settle-plan.js";
import { territoryCompactness } from "../../src/units/compactness.js";
import { compileUnits } from "../../src/units/compile-units.js";
import { cellCentre, gridUnits } from "../units/grid.js";

/**
 * A unit-based plan for a hand-made unit assignment, independent of any solver: `owners` lists
 * the rows of a grid of 0.1° square units (`c{col}r{row}`, anchored at 100° W 40° N) top row
 * last, one character per cell naming the rep (`a`, `b`, …; `.` for a cell in no territory).
 * Each account goes with the rep of the cell it names (`unit`) or lies in. Metrics come from the
 * library's `finalizePlan`, compactness from its unit measures.
 */
export function makeUnitPlan(owners: readonly string[], accounts: readonly Account[], reps: readonly Rep[]): Plan {
  const rows = owners.length, cols = owners[0].length;
  const cellRep = new Map<string, string>();
  owners.forEach((line, r) => [...line].forEach((ch, c) => ch !== "." && cellRep.set(`c${c}r${r}`, ch)));
  const problem: Problem = { accounts: [...accounts], reps: [...reps], units: gridUnits(cols, rows) };
  const valid = parseProblem(problem);
  const options = resolveOptions({ strategy: "heuristic" });
  const p = compileProblem(valid, options);
  const repIndex = new Map(valid.reps.map((rep, r) => [rep.id, r]));
  const cellOf = (a: Account) => a.unit ?? `c${Math.floor((a.location[0] + 100) / 0.1)}r${Math.floor((a.location[1] - 40) / 0.1)}`;
  const assign = Int32Array.from(valid.accounts, (a) => repIndex.get(cellRep.get(cellOf(a)) ?? "") ?? -1);
  const reasons = new Map<number, string>();
  assign.forEach((r, a) => r < 0 && reasons.set(a, "lies outside every unit"));
  const settled = settlePlan(valid, p, { assign, status: "feasible", unassignedReasons: reasons }, { inputDiagnostics: [], stopped: () => false, repair: false });
  const plan = finalizePlan(valid, p, settled, "heuristic", 5, options);
  const { map, measures, graph } = compileUnits(valid.units!, "rook");
  const owner = Int32Array.from(map.ids, (id) => repIndex.get(cellRep.get(id) ?? "") ?? -1);
  const compactness = territoryCompactness(graph, measures, owner, p.m);
  return {
    ...plan,
    territories: plan.territories.map((t, r) => ({ ...t, unitIds: map.ids.filter((_, u) => owner[u] === r), compactness: compactness[r] })),
  };
}

/** An account at the centre of cell (c, r), optionally nudged by (dx, dy) degrees. */
export function accountIn(id: string, c: number, r: number, workload: number, dx = 0, dy = 0): Account {
  const [lng, lat] = cellCentre(c, r);
  return { id, location: [lng + dx, lat + dy], workload };
}

/** A rep living at the centre of cell (c, r). */
export function repIn(id: string, c: number, r: number, capacity: number): Rep {
  return { id, home: cellCentre(c, r), capacity };
}

/**
 * A 4 × 3 grid (bottom row first): rep a holds the left column, b the eight cells around c's
 * single cell, so b's outline has a hole; d has no units. One account of a names a unit of a but
 * lies in b's territory.
 */
export function holedPlan(): Plan {
  return makeUnitPlan(
    ["abbb", "abcb", "abbb"],
    [
      accountIn("a1", 0, 0, 3),
      accountIn("a2", 0, 1, 2, 0.02, -0.01),
      accountIn("a3", 0, 2, 1),
      { ...accountIn("a4", 3, 2, 2), unit: "c0r2" },
      accountIn("b1", 2, 0, 2),
      accountIn("b2", 3, 1, 4, -0.03, 0.02),
      accountIn("b3", 1, 2, 1.5),
      accountIn("b4", 2, 2, 2.5),
    ],
    [repIn("a", 0, 1, 12), repIn("b", 3, 0, 12), repIn("c", 2, 1, 6), repIn("d", 3, 2, 6)],
  );
}
