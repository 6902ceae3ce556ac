import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { planOfAssignment } from "../../src/evaluate/plan-of-assignment.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { diffPlans } from "../../src/realign/diff-plans.js";
import { toDiffHtml, toHtml } from "../../src/report/to-html.js";
import { formatNumber } from "../../src/util/format-number.js";
import { deepFreeze } from "../output/geometry-checks.js";
import { makePlan, randomProblem } from "../output/make-plan.js";
import { holedPlan } from "../output/make-unit-plan.js";
import { attributeValues, fullPlan, pageData, plainPlan } from "./report-plans.js";

const count = (text: string, needle: string | RegExp) => text.split(needle).length - 1;

describe("toHtml", () => {
  it("writes one HTML page with a territory shape per rep with accounts, a table row per rep and a tooltip", () => {
    const plan = plainPlan();
    const html = toHtml(plan);
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(attributeValues(html, "path", "data-rep")).toEqual(plan.territories.filter((t) => t.accountCount > 0).map((t) => t.repId));
    const table = html.slice(html.indexOf(`<table id="territory-table"`), html.indexOf("</table>", html.indexOf(`<table id="territory-table"`)));
    expect(attributeValues(table, "tr", "data-rep")).toEqual(plan.territories.map((t) => t.repId));
    expect(count(html, `role="tooltip"`)).toBe(1);
    expect(html).toContain(`<canvas id="map-canvas"`);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("says of a given assignment that breaks a rule that it was given, not that it is the best found", () => {
    const base = randomProblem(60, 3, 2);
    const plan = planOfAssignment(base, base.accounts.map((a) => ({ accountId: a.id, repId: base.reps[0].id })));
    expect(plan.status).toBe("unsolved");
    const html = toHtml(plan);
    expect(html).toContain("this assignment breaks some rule (it was given, not searched for)");
    expect(html).toContain("a given assignment carries no lower bound");
    expect(html).not.toContain("best found");
  });

  it("carries every account, each rep's tooltip lines and the map scale in its data", () => {
    const plan = plainPlan();
    const data = pageData(toHtml(plan));
    expect(data.map.rep).toHaveLength(plan.problem.accounts.length);
    expect(data.map.xy).toHaveLength(2 * plan.problem.accounts.length);
    expect(data.map.size).toMatch(new RegExp(`^[0-9]{${plan.problem.accounts.length}}$`));
    expect(data.map.kmPerPx).toBeGreaterThan(0);
    expect(data.reps.map((r: { id: string }) => r.id)).toEqual(plan.problem.reps.map((r) => r.id));
    const first = plan.territories[0];
    expect(data.reps[0].tip[0]).toContain(`of ${first.targetHours.toFixed(1)} h target`);
    expect(data.reps[0].tip[1]).toMatch(/^Band [\d.,]+–[\d.,]+ h \(±10 %\): (inside|below|above)$/);
    expect(data.reps[0].tip.join(" ")).toContain(`${first.accountCount} accounts`);
  });

  it("references nothing outside the file: no URL in src or href, no stylesheet link, no import, and a policy that forbids fetching", () => {
    const html = toHtml(fullPlan());
    expect(html).not.toMatch(/\s(src|href|action|poster|data)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(iframe|object|embed|img|audio|video|source)\b/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|import\(/);
    // The only URLs are XML namespace names, which browsers never fetch.
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(count(html, "<script")).toBe(2);
  });

  it("escapes ids and titles so that no caller text can end a script or add markup", () => {
    const problem: Problem = {
      accounts: [
        { id: `</script><script>alert(1)</script>`, location: [-3.7, 40.4], workload: 2 },
        { id: "b", location: [-3.6, 40.5], workload: 2 },
      ],
      reps: [
        { id: `<img src=x onerror=alert(1)>`, home: [-3.7, 40.4], capacity: 5 },
        { id: `Tom & "Jerry" \u2028`, home: [-3.6, 40.5], capacity: 5 },
      ],
    };
    const plan = makePlan(problem);
    const html = toHtml(plan, { title: `North & <South>` });
    expect(count(html, "<script")).toBe(2);
    expect(count(html, "</script>")).toBe(2);
    expect(html).not.toContain("<img");
    expect(html).toContain("<title>North &amp; &lt;South&gt;</title>");
    expect(html).toContain(`data-rep="&lt;img src=x onerror=alert(1)&gt;"`);
    expect(pageData(html).reps.map((r: { id: string }) => r.id)).toEqual(problem.reps.map((r) => r.id));
  });

  it("shows changes against today's owners: moved accounts ringed, gains and losses per rep", () => {
    const plan = fullPlan();
    const html = toHtml(plan);
    const data = pageData(html);
    const diff = diffPlans(plan.problem, plan.problem.accounts.map((a) => ({ accountId: a.id, repId: a.currentRep! })), plan);
    const changed = diff.moved.filter((m) => m.from !== null && m.to !== null).map((m) => plan.problem.accounts.findIndex((a) => a.id === m.accountId));
    expect(data.map.moved).toEqual(changed);
    expect(changed.length).toBe(plan.metrics.disruption.accountsMoved);
    expect(html).toContain(`<section id="changes">`);
    const table = html.slice(html.indexOf(`<table id="changes-table"`), html.indexOf("</table>", html.indexOf(`<table id="changes-table"`)));
    expect(attributeValues(table, "tr", "data-rep")).toEqual(plan.problem.reps.map((r) => r.id));
    expect(data.reps[1].tip.join("\n")).toMatch(/Gains \d+ accounts/);
    expect(plainPlan().problem.accounts.some((a) => a.currentRep)).toBe(false);
    expect(toHtml(plainPlan())).not.toContain(`<section id="changes">`);
  });

  it("shows performance when accounts have sales: attainment per territory, quartiles flagged, white space", () => {
    const plan = fullPlan();
    const html = toHtml(plan);
    expect(html).toContain(`<section id="performance">`);
    expect(count(html, `<span class="flag flag-high">high</span>`)).toBeGreaterThanOrEqual(2 + 1);
    expect(count(html, `<span class="flag flag-low">low</span>`)).toBeGreaterThanOrEqual(2 + 1);
    expect(pageData(html).map.underCovered.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(toHtml(plan, { sales: "revenue" })).not.toContain(`<section id="performance">`);
  });

  it("lists broken rules counted per rule, diagnostics and unassigned accounts with their reason", () => {
    const plan = fullPlan();
    expect(plan.violations.length).toBeGreaterThan(0);
    const html = toHtml(plan);
    const counts = html.slice(html.indexOf(`<table id="violation-counts"`), html.indexOf("</table>", html.indexOf(`<table id="violation-counts"`)));
    for (const [rule, n] of Object.entries(plan.metrics.violations)) {
      if (n > 0) expect(counts).toContain(`<td class="text">${rule}</td><td data-value="${n}">${n}</td>`);
      else expect(counts).not.toContain(`>${rule}<`);
    }
    expect(count(html.slice(html.indexOf(`<table id="violation-list"`)), "<tr ") + count(html.slice(html.indexOf(`<table id="violation-list"`)), "<tr>")).toBeGreaterThanOrEqual(plan.violations.length);
    expect(html).toContain(`<section id="unassigned">`);
    expect(html).toContain("no eligible rep within reach");
    expect(html).toContain(`<section id="diagnostics">`);
    expect(toHtml(plainPlan())).toContain("None: the plan keeps every rule.");
  });

  it("draws the bound and gap, a band bar per rep and the Lorenz curves with the plan's Gini", () => {
    const plan = plainPlan();
    const html = toHtml(plan);
    expect(html).toContain("Gap to the bound");
    expect(plan.status).toMatch(/optimal|feasible/);
    expect(html).toContain(`lower bound ${formatNumber(plan.bound!.lowerBound)}`);
    const chart = html.slice(html.indexOf(`<svg class="chart band-chart"`), html.indexOf("</svg>", html.indexOf(`<svg class="chart band-chart"`)));
    expect(attributeValues(chart, "rect", "data-rep")).toEqual(plan.territories.filter((t) => t.targetHours > 0).map((t) => t.repId));
    expect(html).toContain(`Lorenz curve of workload / target — Gini ${plan.metrics.workload.gini.toFixed(3)}`);
    expect(html).toContain(`Lorenz curve of potential — Gini ${plan.metrics.potential.gini.toFixed(3)}`);
  });

  it("draws a plan made of units with its units' outlines and a basemap beneath when given", () => {
    const plan = holedPlan();
    const basemap = { type: "Polygon", coordinates: [[[-10, -10], [10, -10], [10, 10], [-10, 10], [-10, -10]]] };
    const html = toHtml(plan, { basemap });
    expect(html).toContain(`<g class="territories units">`);
    expect(html).toContain(`<g class="basemap">`);
    expect(html).toContain(`<th scope="col" data-type="number">Units</th>`);
    expect(attributeValues(html, "path", "data-rep").length).toBe(plan.territories.filter((t) => (t.unitIds?.length ?? 0) > 0).length);
  });

  it("does not modify the plan, and gives the same page twice", () => {
    const plan = deepFreeze(fullPlan());
    const first = toHtml(plan);
    expect(toHtml(plan)).toBe(first);
  });

  it("rejects bad options naming the field", () => {
    const plan = plainPlan();
    expect(() => toHtml(plan, { title: 3 } as never)).toThrow(TerralignError);
    expect(() => toHtml(plan, { title: 3 } as never)).toThrow(/options\.title: expected a string, got 3/);
    expect(() => toHtml(plan, { colour: "red" } as never)).toThrow(/options\.colour: unknown field/);
    expect(() => toHtml(plan, { basemap: [] } as never)).toThrow(/options\.basemap/);
  });

  it("keeps a plan of 20,000 accounts to about 40 bytes per account, and switches crowded ring layers off at first", () => {
    const problem = randomProblem(20_000, 40, 3);
    const plan = makePlan({ ...problem, accounts: problem.accounts.map((a, i) => ({ ...a, currentRep: `r${i % 40}` })) });
    const html = toHtml(plan);
    expect(html.length / 20_000).toBeLessThan(45);
    expect(html).toMatch(/<input type="checkbox" data-layer="moved"> Moved \([\d,]+\)/);
    expect(html).toMatch(/<input type="checkbox" data-layer="accounts" checked>/);
  });
});

describe("toDiffHtml", () => {
  it("leads with the changes between two assignments and rings the accounts that change rep", () => {
    const plan = plainPlan();
    const before = plan.assignment.map((row, i) => ({ accountId: row.accountId, repId: i % 4 === 0 ? plan.problem.reps[(i / 4) % 5].id : row.repId }));
    const diff = diffPlans(plan.problem, before, plan);
    const html = toDiffHtml(plan, diff, { against: "crm-export.csv" });
    expect(html).toContain("<title>Territory changes</title>");
    expect(html.indexOf(`<section id="changes">`)).toBeLessThan(html.indexOf(`<section id="map-section">`));
    expect(html).toContain("Against crm-export.csv:");
    expect(pageData(html).map.moved).toHaveLength(diff.accountsMoved);
    expect(() => toDiffHtml(plan, diff, { against: "x", bogus: 1 } as never)).toThrow(/options\.bogus/);
  });
});
