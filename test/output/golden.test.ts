import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/model/problem-schema.js";
import { renderSvg } from "../../src/output/render-svg.js";
import { toGeoJSON } from "../../src/output/to-geojson.js";
import { makePlan } from "./make-plan.js";
import { holedPlan } from "./make-unit-plan.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/output");
const regenerate = process.env.REGEN === "1";

/** Compares with the stored fixture; REGEN=1 rewrites the fixture instead. */
function expectGolden(name: string, actual: string): void {
  const file = join(fixtures, name);
  if (regenerate || !existsSync(file)) {
    if (!regenerate) throw new Error(`missing fixture ${file}: run with REGEN=1 to create it`);
    mkdirSync(fixtures, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

/** Eight accounts around Lyon: two share a location across reps, one is unassigned; one rep has none. */
const problem: Problem = {
  accounts: [
    { id: "A1", location: [4.8357, 45.764], workload: 3, potential: 1200, tier: "A", attributes: { name: "Hôtel-Dieu", beds: 120 } },
    { id: "A2", location: [4.85, 45.75], workload: 2, potential: 800, attributes: { name: "Clinique \"Sud\", Lyon" } },
    { id: "A3", location: [4.87, 45.78], workload: 1.5, segment: "retail" },
    { id: "A4", location: [4.9, 45.74], workload: 2.5, potential: 400, attributes: { id: "crm-4" } },
    { id: "A5", location: [4.9, 45.74], workload: 1 },
    { id: "A6", location: [4.8, 45.72], workload: 2 },
    { id: "A7", location: [4.95, 45.77], workload: 1.2, currentRep: "east" },
    { id: "A8", location: [4.76, 45.79], workload: 0.8 },
  ],
  reps: [
    { id: "west", home: [4.8, 45.76], capacity: 8, attributes: { phone: "+33 4 00 00 00" } },
    { id: "east", home: [4.93, 45.76], capacity: 8, region: "est" },
    { id: "idle", home: [4.85, 45.8], capacity: 4 },
  ],
};
const plan = makePlan(problem, ["west", "west", "east", "east", "west", "west", "east", null], { lowerBound: 40 });

describe("golden outputs", () => {
  it("writes the GeoJSON of a small fixed plan as stored in small-plan.geojson", () => {
    // One position per line keeps diffs of the fixture readable.
    const text = JSON.stringify(toGeoJSON(plan), null, 1).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, "[$1, $2]");
    expectGolden("small-plan.geojson", `${text}\n`);
  });

  it("draws the SVG map of the same plan as stored in small-plan.svg", () => {
    expectGolden("small-plan.svg", renderSvg(plan, { width: 640, height: 420, title: "Lyon — golden plan" }));
  });

  it("writes the GeoJSON of a small plan made of square units as stored in unit-plan.geojson", () => {
    const text = JSON.stringify(toGeoJSON(holedPlan()), null, 1).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, "[$1, $2]");
    expectGolden("unit-plan.geojson", `${text}\n`);
  });

  it("draws the SVG map of the same unit plan as stored in unit-plan.svg", () => {
    expectGolden("unit-plan.svg", renderSvg(holedPlan(), { width: 640, height: 420, title: "Square units — golden plan" }));
  });
});
