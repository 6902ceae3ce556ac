import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateInstance, toCsv } from "../../benchmarks/generate-instance.js";
import { alignValidated } from "../../src/align.js";
import { readAccounts, readReps, problemFromRecords } from "../../src/io/read-problem.js";
import { resolveOptions } from "../../src/model/parse.js";
import { featureCollectionText, featureListText } from "../../src/output/geojson-text.js";
import { toGeoJSON } from "../../src/output/to-geojson.js";
import { runCli, workspace } from "./cli-harness.js";

describe("territories.geojson written in pieces", () => {
  it("is, from the built CLI, exactly the text of toGeoJSON for the same plan", () => {
    // More accounts than one piece of account points holds (4,096).
    const { accounts, reps } = toCsv(generateInstance({ accounts: 10_500, reps: 30, seed: 5 }));
    const options = { strategy: "transport", balance: { workload: 0.05 } } as const;
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "options.json": JSON.stringify(options) });
    const run = runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--out", "out"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    // The transport solver is deterministic: the same inputs give the same plan in this process.
    const problem = problemFromRecords(readAccounts({ file: "accounts.csv", text: accounts }), readReps({ file: "reps.csv", text: reps }));
    const plan = alignValidated(problem, resolveOptions(options));
    const written = readFileSync(join(dir, "out/territories.geojson"), "utf8");
    expect(written).toBe(JSON.stringify(toGeoJSON(plan)));
    expect(JSON.parse(written).features.filter((f: { properties: { kind: string } }) => f.properties.kind === "territory")).toHaveLength(30);
  }, 60_000);
});

describe("featureCollectionText", () => {
  it("writes what JSON.stringify writes for the collection, with empty lists left out", () => {
    const a = [{ type: "Feature", geometry: null, properties: { id: "a", n: 1.5 } }];
    const b = [{ type: "Feature", geometry: { type: "Point", coordinates: [1, 2] }, properties: { id: 'say "hi"' } }, { type: "Feature", geometry: null, properties: {} }];
    for (const lists of [[a, b], [[], a, [], b], [[], []], [b]]) {
      const expected = JSON.stringify({ type: "FeatureCollection", features: lists.flat() });
      expect(featureCollectionText(lists.map(featureListText)).join("")).toBe(expected);
    }
  });
});
