import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { smallProblem } from "./cli-harness.js";
import { memoryIo } from "./memory-io.js";

/** Outlines around the small problem's area (Jalisco to Michoacán), as a user's GeoJSON basemap. */
const basemap = JSON.stringify({
  type: "FeatureCollection",
  features: [{ type: "Feature", properties: { name: "area" }, geometry: { type: "Polygon", coordinates: [[[-104.5, 19], [-100.5, 19], [-100.5, 22], [-104.5, 22], [-104.5, 19]]] } }],
});

function files(extra: Record<string, string> = {}) {
  const { accounts, reps } = smallProblem();
  return { "accounts.csv": accounts, "reps.csv": reps, "basemap.geojson": basemap, ...extra };
}

/** Today's owners with every 4th account moved to the next rep. */
function shuffled(): string {
  const rows = smallProblem().accounts.trim().split("\n").slice(1).map((line, i) => {
    const [id, , , , , current] = line.split(",");
    const rep = i % 4 === 0 ? `R${(Number(current.slice(1)) % 3) + 1}` : current;
    return `${id},${rep}`;
  });
  return `account_id,rep_id\n${rows.join("\n")}\n`;
}

describe("report.html from the CLI", () => {
  it("align writes it beside the other outputs, with the --basemap outlines beneath both maps", async () => {
    const io = memoryIo(files());
    expect(await runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--basemap", "basemap.geojson", "--out", "out", "--time-limit", "20"], io)).toBe(0);
    const html = io.files.get("out/report.html")!;
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.match(/<path class="territory" data-rep=/g)).toHaveLength(3);
    expect(html).toContain(`<g class="basemap">`);
    expect(io.files.get("out/map.svg")).toContain(`<g class="basemap">`);
    expect(html).toContain(`<section id="changes">`);
    expect(io.out).toContain("out/report.html");
  });

  it("evaluate --out draws the assignment: territories.geojson, map.svg and report.html", async () => {
    const io = memoryIo(files({ "today.csv": shuffled() }));
    expect(await runCli(["evaluate", "--accounts", "accounts.csv", "--reps", "reps.csv", "--assignments", "today.csv", "--basemap", "basemap.geojson", "--out", "audit"], io)).toBe(0);
    for (const name of ["evaluation.json", "violations.csv", "assignments.csv", "territories.geojson", "map.svg", "report.html"]) expect(io.files.has(`audit/${name}`), name).toBe(true);
    expect(JSON.parse(io.files.get("audit/territories.geojson")!).features.filter((f: { properties: { kind: string } }) => f.properties.kind === "territory")).toHaveLength(3);
    expect(io.files.get("audit/map.svg")).toContain(`<g class="basemap">`);
    const html = io.files.get("audit/report.html")!;
    expect(html).toContain("given assignment");
    expect(html.match(/<tr data-rep=/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it("diff writes a page led by the changes, with the moved accounts ringed", async () => {
    const { accounts } = smallProblem();
    const today = `account_id,rep_id\n${accounts.trim().split("\n").slice(1).map((l) => `${l.split(",")[0]},${l.split(",")[5]}`).join("\n")}\n`;
    const io = memoryIo(files({ "before.csv": today, "after.csv": shuffled() }));
    expect(await runCli(["diff", "--accounts", "accounts.csv", "--reps", "reps.csv", "--before", "before.csv", "--after", "after.csv", "--out", "d"], io)).toBe(0);
    const html = io.files.get("d/report.html")!;
    expect(html.indexOf(`<section id="changes">`)).toBeGreaterThan(0);
    expect(html.indexOf(`<section id="changes">`)).toBeLessThan(html.indexOf(`<section id="map-section">`));
    expect(html).toContain("Against before.csv: 11 accounts change rep");
  });

  it("scenarios writes a report per scenario and a compare page linking them", async () => {
    const scenarios = JSON.stringify({ scenarios: [{ name: "base" }, { name: "R3 leaves", removeReps: ["R3"] }] });
    const io = memoryIo(files({ "scenarios.json": scenarios, "options.json": '{"balance": {"workload": 0.5}}' }));
    await runCli(["scenarios", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--scenarios", "scenarios.json", "--out", "s", "--time-limit", "20"], io);
    expect(io.err).not.toMatch(/internal error/);
    expect(io.files.get("s/base/report.html")).toContain(`<section id="map-section">`);
    expect(io.files.get("s/R3 leaves/report.html")).toContain(`<section id="map-section">`);
    const compare = io.files.get("s/report.html")!;
    expect(compare).toContain(`<a href="base/report.html">base</a>`);
    expect(compare).toContain(`<a href="R3%20leaves/report.html">R3 leaves</a>`);
  });

  it("refuses a --basemap that is not GeoJSON, naming the file (exit 2)", async () => {
    const io = memoryIo(files({ "topo.json": '{"type": "Topology", "objects": {}, "arcs": []}', "list.json": '{"type": "Countries"}' }));
    expect(await runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--basemap", "topo.json", "--out", "o"], io)).toBe(2);
    expect(io.err).toMatch(/topo\.json: --basemap takes GeoJSON, and this is TopoJSON/);
    const io2 = memoryIo(files({ "list.json": '{"type": "Countries"}' }));
    expect(await runCli(["evaluate", "--accounts", "accounts.csv", "--reps", "reps.csv", "--basemap", "list.json"], io2)).toBe(2);
    expect(io2.err).toMatch(/list\.json: --basemap takes a GeoJSON object; its "type" is "Countries"/);
  });
});
