import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { parseCsv } from "../../src/io/csv.js";
import { memoryIo } from "../cli/memory-io.js";

const file = (path: string) => readFileSync(path, "utf8");
const column = (csv: string, name: string) => {
  const table = parseCsv(csv, "csv");
  const at = table.header.indexOf(name);
  return table.records.map((r) => r.cells[at]);
};

describe("the realignment example", () => {
  it("goes evaluate → tradeoff → scenarios → diff on the bundled data, every budget kept", async () => {
    const io = memoryIo({
      "accounts.csv": file("examples/mexico/accounts.csv"),
      "reps.csv": file("examples/mexico/reps.csv"),
      "options.json": file("examples/realignment/options.json"),
      "scenarios.json": file("examples/realignment/scenarios.json"),
    });
    const base = ["--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json"];
    // Today's territories break the band: evaluate still writes its files.
    await runCli(["evaluate", ...base, "--out", "today"], io);
    expect(column(io.files.get("today/violations.csv")!, "rule")).toContain("band");

    expect(await runCli(["tradeoff", ...base, "--budgets", "250,10%", "--out", "t"], io), io.err).toBe(0);
    const curve = io.files.get("t/tradeoff.csv")!;
    const moves = column(curve, "moves").map(Number);
    const shares = column(curve, "moved_share").map(Number);
    expect(column(curve, "status")).toEqual(["feasible", "feasible"]);
    expect(moves[0]).toBeLessThanOrEqual(250);
    expect(shares[1]).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(column(curve, "reps_outside_band")).toEqual(["0", "0"]);

    expect(await runCli(["scenarios", ...base, "--scenarios", "scenarios.json", "--out", "s"], io), io.err).toBe(0);
    const compare = io.files.get("s/compare.csv")!;
    expect(column(compare, "scenario")).toEqual(["base", "R07-leaves", "hire-queretaro", "R03-part-time", "split-R05", "freeze-guadalajara"]);
    expect(new Set(column(compare, "status"))).toEqual(new Set(["feasible"]));
    for (const share of column(compare, "moved_workload")) expect(Number(share)).toBeGreaterThan(0);
    expect(io.files.get("s/report.html")).toContain(`<a href="hire-queretaro/report.html">hire-queretaro</a>`);
    const hireReps = io.files.get("s/hire-queretaro/reps.csv")!;
    expect(column(hireReps, "id")).toContain("NEW1");

    const diffArgs = ["--accounts", "accounts.csv", "--reps", "s/hire-queretaro/reps.csv", "--options", "options.json"];
    const pair = ["--before", "s/base/assignments.csv", "--after", "s/hire-queretaro/assignments.csv", "--out", "d"];
    expect(await runCli(["diff", ...diffArgs, ...pair], io), io.err).toBe(0);
    const moved = parseCsv(io.files.get("d/moved.csv")!, "moved.csv");
    expect(moved.records.length).toBeGreaterThan(0);
    expect(column(io.files.get("d/moved.csv")!, "to_rep")).toContain("NEW1");
    expect(io.files.get("d/report.html")).toContain(`data-rep="NEW1"`);
  });
});
