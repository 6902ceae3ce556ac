import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { parseCsv } from "../../src/io/csv.js";
import { memoryIo } from "../cli/memory-io.js";

const file = (path: string) => readFileSync(path, "utf8");

describe("the account-planning example", () => {
  it("goes plan → align → callplan on the bundled data, every account kept and every rep's plan proven", async () => {
    const io = memoryIo({
      "accounts.csv": file("examples/mexico/accounts.csv"),
      "reps.csv": file("examples/mexico/reps.csv"),
      "options.json": file("examples/mexico/options.json"),
      "plan.json": file("examples/account-planning/plan.json"),
      "callplan.json": file("examples/account-planning/callplan.json"),
    });
    expect(await runCli(["plan", "--accounts", "accounts.csv", "--config", "plan.json", "--out", "p"], io), io.err).toBe(0);
    expect(await runCli(["align", "--accounts", "p/accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--time-limit", "10", "--out", "a"], io), io.err).toBe(0);
    const args = ["--accounts", "p/accounts.csv", "--reps", "reps.csv", "--assignments", "a/assignments.csv", "--config", "callplan.json", "--out", "c"];
    expect(await runCli(["callplan", ...args], io), io.err).toBe(0);
    const input = parseCsv(file("examples/mexico/accounts.csv"), "in");
    const planned = parseCsv(io.files.get("p/accounts.csv")!, "p");
    expect(planned.records.map((r) => r.cells[0])).toEqual(input.records.map((r) => r.cells[0]));
    const calls = parseCsv(io.files.get("c/callplan.csv")!, "c");
    expect(calls.records).toHaveLength(3000);
    expect(io.files.get("c/callplan.md")).toContain("every rep's plan is proven optimal");
  });
});
