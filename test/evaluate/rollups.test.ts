import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { describePlan } from "../../src/cli/print-plan.js";
import { rollupsOf } from "../../src/evaluate/rollups.js";
import { readProblem } from "../../src/io/read-problem.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { toMarkdown } from "../../src/output/to-markdown.js";
import { toReport } from "../../src/output/to-report.js";
import { toHtml } from "../../src/report/to-html.js";

/** Two regions (north, south) with two districts each, a rep per district and one without any. */
function regional(): Problem {
  const accounts = Array.from({ length: 48 }, (_, i) => {
    const north = i % 2 === 0;
    const district = `${north ? "N" : "S"}${i % 4 < 2 ? 1 : 2}`;
    return { id: `a${i}`, location: [-100 + (i % 4) * 0.2, north ? 21 : 19] as [number, number], workload: 1 + (i % 5), potential: 100 * (i % 3), region: north ? "north" : "south", district };
  });
  const reps = [
    { id: "r1", home: [-100, 21] as [number, number], capacity: 50, region: "north", district: "N1" },
    { id: "r2", home: [-99.6, 21] as [number, number], capacity: 50, region: "north", district: "N2" },
    { id: "r3", home: [-100, 19] as [number, number], capacity: 50, region: "south", district: "S1" },
    { id: "r4", home: [-99.6, 19] as [number, number], capacity: 50, region: "south" },
  ];
  return { accounts, reps };
}

describe("region and district roll-ups", () => {
  it("sum each region's accounts and its reps' territories, and list reps without a district apart", () => {
    const problem = regional();
    const plan = align(problem, { balance: { workload: 0.3 } });
    const { region, district } = rollupsOf(plan);
    expect(region!.map((r) => r.name)).toEqual(["north", "south"]);
    for (const row of region!) {
      const mine = problem.accounts.filter((a) => a.region === row.name);
      expect(row.accounts).toBe(mine.length);
      expect(row.workload).toBeCloseTo(mine.reduce((s, a) => s + a.workload, 0), 9);
      expect(row.potential).toBeCloseTo(mine.reduce((s, a) => s + (a.potential ?? 0), 0), 9);
      const territories = plan.territories.filter((t) => problem.reps.find((r) => r.id === t.repId)!.region === row.name);
      expect(row.reps).toBe(2);
      expect(row.territoryHours).toBeCloseTo(territories.reduce((s, t) => s + t.workloadHours, 0), 9);
      expect(row.deviation).toBeCloseTo(row.territoryHours / row.targetHours - 1, 9);
      expect(row.maxDeviation).toBeCloseTo(Math.max(...territories.map((t) => Math.abs(t.deviation))), 9);
    }
    // Districts in order of first appearance among the accounts; rep r4 names none, so a last row holds it.
    expect(district!.map((d) => d.name)).toEqual(["N1", "S1", "N2", "S2", ""]);
    expect(district!.find((d) => d.name === "S2")!.reps).toBe(0);
    expect(district!.find((d) => d.name === "")!).toMatchObject({ accounts: 0, reps: 1 });
    expect(district!.reduce((s, d) => s + d.accounts, 0)).toBe(48);
  });

  it("appear in report.json, report.md and the CLI summary, and not at all without regions or districts", () => {
    const plan = align(regional(), { balance: { workload: 0.3 } });
    expect(toReport(plan).rollups?.region).toHaveLength(2);
    expect(toMarkdown(plan)).toContain("## Regions");
    expect(toMarkdown(plan)).toContain("## Districts");
    expect(describePlan(plan)).toMatch(/By region[^\n]*\nregion\s+accounts/);
    const html = toHtml(plan);
    expect(html).toContain('<section id="regions">');
    expect(html.match(/<table[^>]*id="rollup-region"[\s\S]*?<\/table>/)?.[0].match(/<tr/g)).toHaveLength(3);
    const plain = align({ ...regional(), accounts: regional().accounts.map(({ region: _, district: __, ...a }) => a), reps: regional().reps.map(({ region: _, district: __, ...r }) => r) });
    expect(toReport(plain).rollups).toBeUndefined();
    expect(toMarkdown(plain)).not.toContain("## Regions");
    expect(toHtml(plain)).not.toContain('<section id="regions">');
  });

  it("reads district from the CSV files", () => {
    const problem = readProblem({ file: "a.csv", text: "id,lng,lat,workload,district\na1,-100,20,1,D1\na2,-100,20.1,1,\n" }, { file: "r.csv", text: "id,lng,lat,capacity,district\nr1,-100,20,10,D9\n" });
    expect(problem.accounts.map((a) => a.district)).toEqual(["D1", undefined]);
    expect(problem.reps[0].district).toBe("D9");
    expect(problem.accounts[0].attributes).toBeUndefined();
  });
});
