import { describe, expect, it } from "vitest";
import type { ScenarioComparison } from "../../src/realign/run-scenarios.js";
import { runScenarios } from "../../src/realign/run-scenarios.js";
import { toCompareHtml } from "../../src/report/to-compare-html.js";
import { deepFreeze } from "../output/geometry-checks.js";
import { makePlan, randomProblem } from "../output/make-plan.js";
import { attributeValues } from "./report-plans.js";

function comparison(): ScenarioComparison {
  const base = randomProblem(150, 5, 9);
  const today = makePlan(base);
  const owner = new Map(today.assignment.map((r) => [r.accountId, r.repId]));
  const problem = { ...base, accounts: base.accounts.map((a) => ({ ...a, currentRep: owner.get(a.id)! })) };
  return runScenarios(problem, [{ name: "base" }, { name: "r4 leaves", removeReps: ["r4"] }, { name: "hire & grow", addReps: [{ id: "new", lng: -102.5, lat: 20.2, capacity: 400 }] }], { strategy: "transport" });
}

describe("toCompareHtml", () => {
  it("writes one sortable row per scenario, bar charts and, when asked, links to each scenario's report", () => {
    const c = deepFreeze(comparison());
    const html = toCompareHtml(c, { links: true });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(attributeValues(html, "tr", "data-scenario")).toEqual(["base", "r4 leaves", "hire &amp; grow"]);
    expect(attributeValues(html, "a", "href")).toEqual(["base/report.html", "r4%20leaves/report.html", "hire%20%26%20grow/report.html"]);
    expect(html).toContain(`<table id="scenario-table" class="sortable">`);
    expect(html.split(`<svg class="chart bar-chart"`).length - 1).toBe(3);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(toCompareHtml(c)).not.toContain("<a href");
    expect(() => toCompareHtml(c, { links: "yes" } as never)).toThrow(/options\.links/);
  });
});
