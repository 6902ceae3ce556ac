import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateInstance, toCsv } from "../../benchmarks/generate-instance.js";
import { alignValidated } from "../../src/align.js";
import { BACKGROUND_OUTLINES_MIN_ACCOUNTS } from "../../src/cli/background-outlines.js";
import { readAccounts, readReps, problemFromRecords } from "../../src/io/read-problem.js";
import { resolveOptions } from "../../src/model/parse.js";
import { featureCollectionText, featureListText } from "../../src/output/geojson-text.js";
import { toGeoJSON } from "../../src/output/to-geojson.js";
import { cliPath, runCli, workspace } from "./cli-harness.js";

describe("territory outlines drawn in a worker thread", () => {
  it("give the built CLI the same territories.geojson as toGeoJSON in one thread", () => {
    const { accounts, reps } = toCsv(generateInstance({ accounts: BACKGROUND_OUTLINES_MIN_ACCOUNTS + 500, reps: 30, seed: 5 }));
    const options = { strategy: "transport", balance: { workload: 0.05 } } as const;
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "options.json": JSON.stringify(options) });
    expect(existsSync(join(dirname(cliPath), "outline-worker.js"))).toBe(true);
    const run = runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--out", "out"], dir);
    // A failed worker would say so here (and the outlines would be drawn in the main thread).
    // On a machine with one CPU the CLI draws them in the main thread, and this checks only that.
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

describe("a CLI run with outlines in a worker thread that cannot write its files", () => {
  it("exits 2 with one message, without waiting for the worker or a stack trace", () => {
    const { accounts, reps } = toCsv(generateInstance({ accounts: BACKGROUND_OUTLINES_MIN_ACCOUNTS + 500, reps: 30, seed: 6 }));
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, blocked: "a file where the output directory should go" });
    const run = runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--strategy", "transport", "--out", "blocked/out"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("terralign: cannot create the output directory blocked/out: a file is in the way of the directory\n");
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
