import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Plan } from "../../src/model/plan.js";
import type { Position } from "../../src/output/geojson-types.js";
import type { TerritoryProperties } from "../../src/output/geojson-properties.js";
import { renderSvg } from "../../src/output/render-svg.js";
import { summaryTable } from "../../src/output/summary-table.js";
import { toGeoJSON } from "../../src/output/to-geojson.js";
import { toMarkdown } from "../../src/output/to-markdown.js";
import { toReport } from "../../src/output/to-report.js";
import { unitBorders } from "../../src/output/unit-borders.js";
import { gridProblem } from "../contiguity/grid-problem.js";
import { area, covers, deepFreeze, overlapArea, ringArea } from "./geometry-checks.js";
import { holedPlan } from "./make-unit-plan.js";
import { xmlProblems } from "./xml-check.js";

/** Cell area of the test grid in square degrees (0.1° × 0.1°). */
const CELL = 0.01;

type TerritoryFeature = { polygons: Position[][][]; properties: TerritoryProperties };

function territoryFeatures(plan: Plan): TerritoryFeature[] {
  return toGeoJSON(plan, { accounts: false, reps: false }).features.map((f) => {
    const g = f.geometry as { type: string; coordinates: unknown };
    return { polygons: (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as Position[][][], properties: f.properties as TerritoryProperties };
  });
}

const length = (lines: readonly Position[][]) =>
  lines.reduce((s, line) => s + line.slice(1).reduce((t, p, i) => t + Math.hypot(p[0] - line[i][0], p[1] - line[i][1]), 0), 0);

describe("outputs of a plan made of geographic units", () => {
  it("gives each rep with units one dissolved outline whose area is the sum of its units' areas", () => {
    const plan = holedPlan();
    const features = territoryFeatures(plan);
    expect(features.map((f) => f.properties.repId)).toEqual(["a", "b", "c"]);
    const units = new Map(plan.territories.map((t) => [t.repId, t.unitIds!.length]));
    for (const f of features) {
      expect(f.polygons).toHaveLength(1);
      expect(area(f.polygons)).toBeCloseTo(units.get(f.properties.repId)! * CELL, 9);
      f.polygons[0].forEach((ring, i) => {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(Math.sign(ringArea(ring)), "RFC 7946: exterior counter-clockwise, holes clockwise").toBe(i === 0 ? 1 : -1);
      });
    }
    const b = features[1];
    expect(b.polygons[0]).toHaveLength(2); // shell and the hole where c's cell is
    expect(Math.abs(ringArea(b.polygons[0][1]))).toBeCloseTo(CELL, 9);
    for (let i = 0; i < features.length; i++) {
      for (let j = i + 1; j < features.length; j++) expect(overlapArea(features[i].polygons, features[j].polygons)).toBeLessThan(1e-12);
    }
  });

  it("adds unit count and compactness to the territory properties and counts accounts drawn outside their territory", () => {
    const plan = holedPlan();
    const [a, b, c] = territoryFeatures(plan);
    expect(a.properties).toMatchObject({ repId: "a", accountCount: 4, unitCount: 3, compactness: plan.territories[0].compactness, accountsNotCovered: 1 });
    expect(b.properties).toMatchObject({ repId: "b", accountCount: 4, unitCount: 8, accountsNotCovered: 0 });
    expect(c.properties).toMatchObject({ repId: "c", accountCount: 0, unitCount: 1, accountsNotCovered: 0 });
    expect(plan.territories[0].compactness).toBeGreaterThan(0);
    // The account of a that names a unit of a but lies in b's territory is the one not covered.
    expect(covers(a.polygons, plan.problem.accounts[3].location)).toBe(false);
    expect(covers(b.polygons, plan.problem.accounts[3].location)).toBe(true);
  });

  it("gives every territory of a contiguous alignment one Polygon made of exactly its units", () => {
    const problem = gridProblem({ cols: 8, rows: 6, homes: [[1, 1], [6, 1], [3, 4]] });
    const plan = align(problem, { contiguity: true, balance: { workload: 0.15 } });
    const features = territoryFeatures(plan);
    expect(features).toHaveLength(3);
    let total = 0;
    for (const [r, f] of features.entries()) {
      expect(f.polygons).toHaveLength(1);
      expect(area(f.polygons)).toBeCloseTo(plan.territories[r].unitIds!.length * CELL, 9);
      total += area(f.polygons);
    }
    expect(total).toBeCloseTo(48 * CELL, 9);
  });

  it("splits unit borders into borders inside a territory and territory borders, each drawn once", () => {
    const borders = unitBorders(holedPlan());
    // 17 grid edges between cells: 10 join cells of one territory, 7 separate territories; 14 edges on the grid's rim.
    expect(length(borders.inner)).toBeCloseTo(10 * 0.1, 9);
    expect(length(borders.territory)).toBeCloseTo((7 + 14) * 0.1, 9);
  });

  it("draws one territory path per rep with units, thin unit borders and thicker territory borders", () => {
    const plan = deepFreeze(holedPlan());
    const svg = renderSvg(plan, { width: 640, height: 420 });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    const start = svg.indexOf(`<g class="territories"`);
    const group = svg.slice(start, svg.indexOf("</g>", start));
    expect(group.match(/<path /g)).toHaveLength(3);
    expect(group).toContain(`stroke="none"`);
    const width = (cls: string) => Number(new RegExp(`<path class="${cls}" d="M[^"]+" fill="none" stroke="#[0-9a-f]{6}" stroke-width="([\\d.]+)"`).exec(svg)![1]);
    expect(width("unit-borders")).toBeLessThan(width("territory-borders"));
    expect(svg.indexOf(`class="unit-borders"`)).toBeGreaterThan(start);
    expect(svg.indexOf(`class="territory-borders"`)).toBeGreaterThan(svg.indexOf(`class="unit-borders"`));
    expect(svg).toContain("<title>b: 8 units, 4 accounts,");
  });

  it("lists units and compactness in the JSON report, the Markdown table and the terminal table", () => {
    const plan = holedPlan();
    const report = toReport(plan);
    expect(report.territories[1]).toMatchObject({ repId: "b", unitCount: 8, compactness: plan.territories[1].compactness, unitIds: plan.territories[1].unitIds });
    expect(report.territories[1].unitIds).not.toBe(plan.territories[1].unitIds);
    expect(report.territories[3]).toMatchObject({ repId: "d", unitCount: 0, unitIds: [] });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);

    const rows = toMarkdown(plan).split("## Overall")[0].split("\n").filter((line) => line.startsWith("| "));
    expect(rows[0]).toMatch(/\| Units \| Compactness \|$/);
    expect(rows[2]).toMatch(new RegExp(`^\\| b \\| 4 \\|.* \\| 8 \\| ${plan.territories[1].compactness!.toFixed(2)} \\|$`));
    expect(rows[rows.length - 1]).toMatch(/\| 12 \| \|$/);
    expect(new Set(rows.map((row) => row.split("|").length)).size).toBe(1);

    const lines = summaryTable(plan).split("\n");
    expect(lines[2]).toMatch(/travel min\s+units\s+compactness$/);
    expect(lines.find((line) => line.startsWith("b "))).toMatch(new RegExp(`\\s8\\s+${plan.territories[1].compactness!.toFixed(2)}$`));
  });
});
