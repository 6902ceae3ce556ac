import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Plan, Territory } from "../../src/model/plan.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { dissolveTerritories, type AreaGeometry } from "../../src/units/dissolve.js";
import { ringAreaKm2 } from "../../src/units/unit-measures.js";
import { countyScenario } from "../../examples/us-counties/scenario.js";
import { gridUnits } from "./grid.js";

/** A plan whose territories own the given cells of a grid (no solving: dissolve reads only the problem and unitIds). */
function planOf(units: Problem["units"], owners: Record<string, string[]>): Plan {
  const territories = Object.entries(owners).map(([repId, unitIds]) => ({ repId, unitIds }) as unknown as Territory);
  return { territories, problem: { accounts: [], reps: [], units } } as unknown as Plan;
}

const area = (g: AreaGeometry) => {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let sum = 0;
  for (const polygon of polygons) for (const ring of polygon) sum += ringAreaKm2(Float64Array.from(ring.slice(0, -1).flat()));
  return sum;
};

describe("dissolveTerritories", () => {
  it("merges a 2 × 2 block into one counter-clockwise ring without the inner borders", () => {
    const [t] = dissolveTerritories(planOf(gridUnits(2, 2), { a: ["c0r0", "c1r0", "c0r1", "c1r1"] }));
    expect(t.geometry.type).toBe("Polygon");
    const ring = (t.geometry.coordinates as number[][][])[0];
    expect(ring).toHaveLength(9); // 8 boundary vertices (corners and edge midpoints) + closing
    expect(ring[0]).toEqual(ring[8]);
    expect(area(t.geometry)).toBeGreaterThan(0);
    expect(ring.some(([x, y]) => x === -99.9 && y === 40.1)).toBe(false); // the centre vertex is gone
  });

  it("keeps another territory's unit in the middle as a clockwise hole", () => {
    const all = Array.from({ length: 9 }, (_, i) => `c${i % 3}r${Math.floor(i / 3)}`);
    const [outer, inner] = dissolveTerritories(planOf(gridUnits(3, 3), { a: all.filter((u) => u !== "c1r1"), b: ["c1r1"] }));
    expect(outer.geometry.type).toBe("Polygon");
    const [shell, hole] = outer.geometry.coordinates as number[][][];
    expect(hole).toHaveLength(5);
    expect(ringAreaKm2(Float64Array.from(hole.slice(0, -1).flat()))).toBeLessThan(0);
    expect(area(outer.geometry) + area(inner.geometry)).toBeCloseTo(ringAreaKm2(Float64Array.from(shell.slice(0, -1).flat())), 6);
  });

  it("splits a territory touching itself at one corner into two polygons", () => {
    const [t] = dissolveTerritories(planOf(gridUnits(2, 2), { a: ["c0r0", "c1r1"], b: ["c1r0", "c0r1"] }));
    expect(t.geometry.type).toBe("MultiPolygon");
    expect(t.geometry.coordinates).toHaveLength(2);
    for (const polygon of t.geometry.coordinates as number[][][][]) expect(polygon[0]).toHaveLength(5);
  });

  it("gives each contiguous Kentucky territory one outline with the area of its counties", () => {
    const scenario = countyScenario({ states: ["21"], reps: 5, accountsPerCounty: 5, seed: 2 });
    const plan = align(scenario, { contiguity: true, balance: { workload: 0.15 } });
    const dissolved = dissolveTerritories(plan);
    expect(dissolved.map((d) => d.repId)).toEqual(plan.territories.map((t) => t.repId));
    const full = dissolveTerritories({ ...plan, territories: [{ ...plan.territories[0], unitIds: plan.territories.flatMap((t) => t.unitIds!) }] });
    const total = area(full[0].geometry);
    const sum = dissolved.reduce((s, d) => s + area(d.geometry), 0);
    expect(sum).toBeCloseTo(total, 3);
    for (const d of dissolved) expect(area(d.geometry)).toBeGreaterThan(0);
  });

  it("returns nothing for a plan without units", () => {
    expect(dissolveTerritories({ territories: [], problem: { accounts: [], reps: [] } } as unknown as Plan)).toEqual([]);
  });
});
