import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/model/problem-schema.js";
import { summaryTable } from "../../src/output/summary-table.js";
import { toMarkdown } from "../../src/output/to-markdown.js";
import { toReport } from "../../src/output/to-report.js";
import { deepFreeze } from "./geometry-checks.js";
import { makePlan, randomProblem } from "./make-plan.js";

const tricky: Problem = {
  accounts: [
    { id: "a1", location: [0, 0], workload: 4, currentRep: "r|1" },
    { id: "a2", location: [0.1, 0], workload: 2, currentRep: "r|1" },
    { id: "a3", location: [0.2, 0], workload: 3 },
    { id: "a<4>", location: [0.3, 0], workload: 1 },
  ],
  reps: [
    { id: "r|1", home: [0, 0], capacity: 6 },
    { id: "*bold*\n\u001b[31mred", home: [0.3, 0], capacity: 6 },
  ],
};

describe("toReport", () => {
  it("carries status, metrics, bound and territory summaries without account lists, as plain JSON", () => {
    const plan = makePlan(tricky, ["r|1", "r|1", "*bold*\n\u001b[31mred", null], { lowerBound: 10 });
    const report = toReport(plan);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report).toMatchObject({ status: plan.status, strategy: "heuristic", accountCount: 4, repCount: 2, balance: plan.balance, elapsedMs: 12 });
    expect(report.metrics).toEqual(plan.metrics);
    expect(report.metrics.objective).toBe(plan.metrics.objective);
    expect(report.bound).toEqual(plan.bound);
    expect(report.unassigned).toEqual([{ accountId: "a<4>", reason: "no eligible rep within reach" }]);
    expect(report.diagnostics).toEqual(plan.diagnostics);
    expect(report.territories).toHaveLength(2);
    for (const [i, t] of report.territories.entries()) {
      expect(t).not.toHaveProperty("accountIds");
      const { accountIds: _, ...rest } = plan.territories[i];
      expect(t).toEqual(rest);
    }
  });

  it("leaves bound out when the plan has none, and returns a copy the caller may change", () => {
    const plan = deepFreeze(makePlan(tricky));
    const report = toReport(plan);
    expect("bound" in report).toBe(false);
    (report.metrics.workload as { max: number }).max = -1;
    expect(plan.metrics.workload.max).not.toBe(-1);
  });
});

describe("toMarkdown", () => {
  it("has the status, bound, a row per territory with a total, the metrics and the diagnostics", () => {
    const plan = makePlan(tricky, ["r|1", "r|1", "*bold*\n\u001b[31mred", null], { lowerBound: 10 });
    const md = toMarkdown(plan);
    expect(md).toMatch(new RegExp(`^# Territory plan\\n\\n\\*\\*Status: ${plan.status}\\*\\* — strategy heuristic, 4 accounts, 2 reps, 12 ms\\n`));
    // A plan that breaks rules has no gap to show: the bound is on plans that keep them all.
    expect(md).not.toContain("**Bound:**");
    expect(md).toContain("## Broken rules\n\n| Rule | Count |");
    expect(md).toMatch(/\| band \| 2 \|/);
    expect(md).toMatch(/\| unassigned \| 1 \|/);
    const rows = md.split("## Overall")[0].split("\n").filter((line) => line.startsWith("| "));
    expect(rows).toHaveLength(4); // header, 2 reps, total
    // Every table row has the same number of unescaped cell separators.
    const cells = rows.map((row) => row.replace(/\\\|/g, "").split("|").length);
    expect(new Set(cells).size).toBe(1);
    expect(rows[1]).toMatch(/^\| r\\\|1 \| 2 \| 6\.0 \| 5\.0 \| \+20\.0 % \| 100\.0 % \|/);
    expect(rows[2]).toContain("\\*bold\\* ?\\[31mred");
    expect(md).toContain("- Disruption: 0 accounts moved");
    expect(md).toContain("## Unassigned accounts\n\n- a\\<4\\>: no eligible rep within reach");
    for (const d of plan.diagnostics) expect(md).toContain(`- **${d.severity}** \`${d.code}\`: `);
    expect(md).toMatch(/- Balance: workload CV [\d.]+ %, Gini [\d.]+, max deviation [\d.]+ % \(band ±10\.0 %\)/);
  });

  it("shows the bound and gap of a plan that keeps every rule", () => {
    const plan = makePlan({ accounts: [{ id: "a", location: [0, 0.1], workload: 1 }], reps: [{ id: "r", home: [0, 0], capacity: 2 }] }, "nearest", { lowerBound: 1 });
    expect(plan.violations).toEqual([]);
    expect(toMarkdown(plan)).toContain(`**Bound:** lower bound 1, objective ${Math.round(plan.metrics.objective).toLocaleString("en-US")}, gap `);
    expect(toMarkdown(plan)).toContain("## Broken rules\n\nNone.\n");
  });

  it("says there are no diagnostics when there are none", () => {
    const plan = makePlan({ accounts: [{ id: "a", location: [0, 0], workload: 1 }], reps: [{ id: "r", home: [0, 0], capacity: 2 }] });
    expect(plan.diagnostics).toEqual([]);
    expect(toMarkdown(plan)).toContain("## Diagnostics\n\nNone.\n");
  });
});

describe("summaryTable", () => {
  it("aligns a row per territory under fixed-width columns", () => {
    const plan = makePlan(tricky, ["r|1", "r|1", "*bold*\n\u001b[31mred", "*bold*\n\u001b[31mred"]);
    const text = summaryTable(plan);
    const lines = text.split("\n");
    expect(lines[0]).toBe(`Plan: ${plan.status} (heuristic), 4 accounts, 2 reps, 12 ms`);
    const header = lines[2];
    expect(header).toMatch(/^rep\s+accounts  workload h  target h  deviation  utilisation  travel min$/);
    const body = lines.slice(4, 6);
    expect(body[0]).toMatch(/^r\|1\s+2\s+6\.0\s+5\.0\s+\+20\.0 %\s+100\.0 %\s+\d+$/);
    expect(body[1].startsWith("*bold* ?[31mred")).toBe(true);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    // Right-aligned numbers: every row ends its "accounts" column at the header's column end.
    const end = header.indexOf("accounts") + "accounts".length;
    for (const row of body) expect(row.slice(0, end)).toMatch(/\d$/);
    expect(text).toContain("Objective: ");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("lists only the 40 reps furthest from target on large plans and says so", () => {
    const plan = makePlan(randomProblem(300, 60));
    const text = summaryTable(plan);
    expect(text).toContain("Showing the 40 reps furthest from target of 60.");
    const rows = text.split("\n").filter((line) => /^r\d+\s/.test(line));
    expect(rows).toHaveLength(40);
    const shown = new Set(rows.map((r) => r.split(/\s+/)[0]));
    const worst = [...plan.territories].sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation)).slice(0, 40);
    expect(shown).toEqual(new Set(worst.map((t) => t.repId)));
  });

  it("does not modify the plan", () => {
    const plan = makePlan(randomProblem(30, 3));
    const before = JSON.stringify(plan);
    deepFreeze(plan);
    summaryTable(plan);
    toMarkdown(plan);
    toReport(plan);
    expect(JSON.stringify(plan)).toBe(before);
  });
});
