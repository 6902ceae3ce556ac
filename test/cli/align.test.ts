import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, smallProblem, workspace } from "./cli-harness.js";

const outputs = ["assignments.csv", "report.json", "territories.geojson", "map.svg", "report.md", "report.html"];

describe("terralign align", () => {
  it("writes all six files, prints a summary and their paths, and exits 0 on a solvable problem", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "options.json": '{"balance": {"workload": 0.15}}' });
    const run = runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--seed", "3", "--time-limit", "20", "--out", "out/nested"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const name of outputs) {
      expect(existsSync(join(dir, "out/nested", name)), name).toBe(true);
      expect(run.stdout).toContain(join("out/nested", name));
    }
    expect(run.stdout).toMatch(/^Plan: (optimal|feasible) \(\w+\)/m);
    expect(run.stdout).toContain("R1");

    const report = JSON.parse(readFileSync(join(dir, "out/nested/report.json"), "utf8"));
    expect(["optimal", "feasible"]).toContain(report.status);
    expect(typeof report.metrics.objective).toBe("number");
    expect(report.territories).toHaveLength(3);

    const csv = readFileSync(join(dir, "out/nested/assignments.csv"), "utf8").trimEnd().split(/\r?\n/);
    expect(csv[0].startsWith("account_id,rep_id")).toBe(true);
    expect(csv).toHaveLength(1 + 42);
    // Attributes travel untouched, the quoted comma included.
    expect(csv.join("\n")).toContain('"Store 0, R1"');

    const geojson = JSON.parse(readFileSync(join(dir, "out/nested/territories.geojson"), "utf8"));
    expect(geojson.type).toBe("FeatureCollection");
    expect(readFileSync(join(dir, "out/nested/map.svg"), "utf8")).toMatch(/^<svg|^<\?xml/);
  });

  it("gives the same assignment for the same seed", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps });
    for (const out of ["a", "b"]) expect(runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--seed", "5", "--out", out], dir).code).toBe(0);
    expect(readFileSync(join(dir, "a/assignments.csv"), "utf8")).toBe(readFileSync(join(dir, "b/assignments.csv"), "utf8"));
  });

  it("exits 1 when workload exceeds capacity, prints the diagnostic and still writes the files", () => {
    const { accounts } = smallProblem();
    const reps = "id,lng,lat,capacity\nR1,-103.39,20.67,10\nR2,-101.67,21.13,10\nR3,-101.18,19.7,10\n";
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps });
    const run = runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--time-limit", "5", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Plan: infeasible/m);
    expect(run.stdout).toMatch(/capacity_exceeded: total workload [\d,]+ h exceeds total capacity 30 h/);
    expect(run.stderr).toMatch(/^terralign: plan is infeasible: total workload [\d,]+ h exceeds total capacity 30 h; outputs written to out\n$/);
    expect(run.stderr).not.toContain("    at ");
    for (const name of outputs) expect(existsSync(join(dir, "out", name)), name).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).status).toBe("infeasible");
  });

  it("reads accounts from GeoJSON and reps from JSON", () => {
    const features = [0, 1, 2, 3].map((i) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [-103.3 - i * 0.01, 20.6 + i * 0.01] },
      properties: { id: `G${i}`, workload: 2, potential: 10 },
    }));
    const dir = workspace({
      "accounts.geojson": JSON.stringify({ type: "FeatureCollection", features }),
      "reps.json": JSON.stringify([{ id: "R1", lng: -103.39, lat: 20.67, capacity: 10 }]),
    });
    const run = runCli(["align", "--accounts", "accounts.geojson", "--reps", "reps.json", "--out", "out"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("terralign align --units", () => {
  const square = (id: string, x: number, y: number) => ({
    type: "Feature",
    id,
    properties: {},
    geometry: { type: "Polygon", coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
  });
  const units = JSON.stringify({ type: "FeatureCollection", features: [square("SW", -100, 20), square("SE", -99, 20), square("NW", -100, 21), square("NE", -99, 21)] });
  const accounts = ["id,lng,lat,workload", "a1,-99.5,20.5,2", "a2,-98.5,20.5,2", "a3,-99.5,21.5,2", "a4,-98.5,21.5,2"].join("\n");
  const reps = ["id,lng,lat,capacity", "west,-99.5,20.6,6", "east,-98.5,21.4,6"].join("\n");

  it("builds territories of whole units when --units is given", () => {
    const dir = workspace({ "units.geojson": units, "accounts.csv": accounts, "reps.csv": reps, "options.json": '{"contiguity": true, "balance": {"workload": 0.1}}' });
    const run = runCli(["align", "--units", "units.geojson", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--out", "out"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8"));
    expect(report.territories.map((t: { accountCount: number }) => t.accountCount)).toEqual([2, 2]);
  });

  it("rejects --units-object without --units, and an object the topology does not hold", () => {
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "t.json": '{"type":"Topology","objects":{"a":{"type":"GeometryCollection","geometries":[]}},"arcs":[]}' });
    const lone = runCli(["align", "--units-object", "x", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"], dir);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toBe("terralign: --units-object needs --units\n");
    const wrong = runCli(["align", "--units", "t.json", "--units-object", "counties", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('terralign: t.json: the topology has no object "counties"; its objects are "a"\n');
  });
});
