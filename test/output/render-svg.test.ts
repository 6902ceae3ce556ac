import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/model/problem-schema.js";
import { territoryColour } from "../../src/output/palette.js";
import { renderSvg } from "../../src/output/render-svg.js";
import { deepFreeze } from "./geometry-checks.js";
import { makePlan, randomProblem } from "./make-plan.js";
import { xmlProblems } from "./xml-check.js";

const count = (text: string, needle: string | RegExp) => text.split(needle).length - 1;
const territoryFills = (svg: string) => {
  const group = svg.slice(svg.indexOf(`<g class="territories"`), svg.indexOf("</g>", svg.indexOf(`<g class="territories"`)));
  return [...group.matchAll(/<path d="[^"]*" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
};

describe("renderSvg", () => {
  it("writes one well-formed standalone SVG with one colour per territory and a legend entry per rep", () => {
    const plan = makePlan(randomProblem(300, 6));
    const svg = renderSvg(plan);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720" viewBox="0 0 960 720"`)).toBe(true);
    expect(count(svg, "<svg")).toBe(1);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    const fills = territoryFills(svg);
    expect(fills).toHaveLength(plan.territories.filter((t) => t.accountCount > 0).length);
    expect(new Set(fills).size).toBe(fills.length);
    expect(count(svg, `class="legend-entry"`)).toBe(6);
    expect(count(svg, "<circle")).toBe(300);
    expect(count(svg, `<g class="rep" `)).toBe(6);
    expect(svg).toContain("<title>Territory plan</title>");
  });

  it("escapes ids and titles that contain XML markup characters", () => {
    const problem: Problem = {
      accounts: [
        { id: `<a&"'>`, location: [-3.7, 40.4], workload: 2 },
        { id: "b", location: [-3.6, 40.5], workload: 2 },
      ],
      reps: [
        { id: `<script>alert("x")</script>`, home: [-3.7, 40.4], capacity: 5 },
        { id: `Tom & Jerry's \u0007`, home: [-3.6, 40.5], capacity: 5 },
      ],
    };
    const svg = renderSvg(makePlan(problem), { title: `North & "South" <2025>` });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain("Tom &amp; Jerry&apos;s \ufffd");
    expect(svg).toContain("<title>North &amp; &quot;South&quot; &lt;2025&gt;</title>");
  });

  it("gives every territory its own colour past twenty reps and says when the legend is full", () => {
    const colours = Array.from({ length: 60 }, (_, i) => territoryColour(i));
    expect(new Set(colours).size).toBe(60);
    const plan = makePlan(randomProblem(400, 45));
    const svg = renderSvg(plan, { width: 800, height: 400 });
    expect(xmlProblems(svg)).toEqual([]);
    const fills = territoryFills(svg);
    expect(new Set(fills).size).toBe(fills.length);
    const entries = count(svg, `class="legend-entry"`);
    expect(entries).toBeLessThan(45);
    expect(svg).toContain(`… and ${45 - entries} more`);
  });

  it("adds a legend line for unassigned accounts and draws them apart", () => {
    const problem = randomProblem(20, 2);
    const plan = makePlan(problem, problem.accounts.map((_, a) => (a < 3 ? null : a % 2 ? "r0" : "r1")));
    const svg = renderSvg(plan);
    expect(svg).toMatch(/<title>3 accounts unassigned<\/title>.*<text x="18" y="10">unassigned<\/text><text[^>]*>[\d.]+ h<\/text>/);
    expect(svg).toContain("· 3 unassigned");
    const group = svg.slice(svg.indexOf(`<g class="unassigned"`));
    expect(count(group.slice(0, group.indexOf("</g>")), "<circle")).toBe(3);
  });

  it("draws the basemap beneath the territories whichever way its rings wind", () => {
    const plan = makePlan(randomProblem(50, 3));
    // Counter-clockwise (RFC 7946) square inside the data: d3-geo alone would read it as the rest of the globe.
    const square = { type: "Polygon", coordinates: [[[-103, 19.5], [-102, 19.5], [-102, 20.5], [-103, 20.5], [-103, 19.5]]] };
    const line = { type: "LineString", coordinates: [[-104, 19], [-101, 21]] };
    for (const polygon of [square, { ...square, coordinates: [[...square.coordinates[0]].reverse()] }]) {
      const svg = renderSvg(plan, { basemap: { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: polygon }, { type: "Feature", properties: null, geometry: line }] } });
      expect(xmlProblems(svg)).toEqual([]);
      const basemap = svg.indexOf(`<g class="basemap">`);
      expect(basemap).toBeGreaterThan(0);
      expect(basemap).toBeLessThan(svg.indexOf(`<g class="territories"`));
      const d = /<g fill="#f1f1ec"[^>]*>\n<path d="([^"]+)"/.exec(svg)![1];
      const xs = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
      // The square projects to a box inside the map, not to the whole canvas.
      expect(Math.min(...xs)).toBeGreaterThan(50);
      expect(Math.max(...xs)).toBeLessThan(700);
      expect(svg).toMatch(/<g fill="none" stroke="#b0b0a8" stroke-width="0.7">\n<path d="M/);
    }
  });

  it("honours size and showAccounts, and rejects bad options with the field path", () => {
    const plan = makePlan(randomProblem(30, 2));
    const svg = renderSvg(plan, { width: 400, height: 300, showAccounts: false });
    expect(svg).toContain(`viewBox="0 0 400 300"`);
    expect(svg).not.toContain("<circle");
    expect(() => renderSvg(plan, { width: 0 })).toThrow(/^options\.width: expected a finite number > 0, got 0$/);
    expect(() => renderSvg(plan, { basemap: "world" as never })).toThrow(/^options\.basemap: expected a GeoJSON object/);
  });

  it("renders a lone account, a lone rep and an empty plan without NaN", () => {
    const lone = makePlan({ accounts: [{ id: "a", location: [10, 60], workload: 0 }], reps: [{ id: "r", home: [10, 60], capacity: 1 }] });
    const empty = makePlan({ accounts: [], reps: [{ id: "r", home: [10, 60], capacity: 1 }] });
    for (const plan of [lone, empty]) {
      const svg = renderSvg(plan);
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it("does not modify the plan", () => {
    const plan = makePlan(randomProblem(40, 3));
    const before = JSON.stringify(plan);
    deepFreeze(plan);
    renderSvg(plan, { basemap: deepFreeze({ type: "Polygon", coordinates: [[[-104, 19], [-101, 19], [-101, 21], [-104, 19]]] }) });
    expect(JSON.stringify(plan)).toBe(before);
  });
});
