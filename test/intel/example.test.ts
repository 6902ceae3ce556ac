import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { parseCsv } from "../../src/io/csv.js";
import { memoryIo } from "../cli/memory-io.js";

const file = (path: string) => readFileSync(path, "utf8");

describe("the account-intelligence example", () => {
  it("goes potential → plan → align → route (and crosssell) on the bundled data", async () => {
    const io = memoryIo({
      "accounts.csv": file("examples/account-intelligence/accounts.csv"),
      "new.csv": file("examples/account-intelligence/new-accounts.csv"),
      "purchases.csv": file("examples/account-intelligence/purchases.csv"),
      "plan.json": file("examples/account-intelligence/plan.json"),
      "reps.csv": file("examples/mexico/reps.csv"),
      "options.json": file("examples/mexico/options.json"),
    });
    expect(await runCli(["potential", "--accounts", "accounts.csv", "--target", "revenue", "--out", "pot"], io), io.err).toBe(0);
    expect(await runCli(["plan", "--accounts", "pot/accounts.csv", "--config", "plan.json", "--out", "plan"], io), io.err).toBe(0);
    expect(await runCli(["align", "--accounts", "plan/accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--time-limit", "10", "--out", "align"], io), io.err).toBe(0);
    const route = ["--accounts", "plan/accounts.csv", "--reps", "reps.csv", "--assignments", "align/assignments.csv", "--new", "new.csv", "--options", "options.json", "--policy", "balanced", "--out", "route"];
    expect(await runCli(["route", ...route], io), io.err).toBe(0);
    expect(await runCli(["crosssell", "--purchases", "purchases.csv", "--accounts", "accounts.csv", "--top", "3", "--out", "cs"], io), io.err).toBe(0);

    const input = parseCsv(file("examples/account-intelligence/accounts.csv"), "in");
    const estimated = parseCsv(io.files.get("pot/accounts.csv")!, "pot");
    expect(estimated.header).toEqual([...input.header, "potential_est", "white_space"]);
    expect(estimated.records).toHaveLength(input.records.length);
    // The bundled potential depends on the segment alone, so no model can rank much better than segment means; calibration must still hold.
    const fits = JSON.parse(io.files.get("pot/potential.json")!).fits;
    expect(Math.abs(fits[0].coverage - 0.8)).toBeLessThan(0.03);
    expect(fits[0].spearman).toBeGreaterThan(fits[1].spearman - 0.1);
    const routed = parseCsv(io.files.get("route/routed.csv")!, "routed");
    const fresh = parseCsv(file("examples/account-intelligence/new-accounts.csv"), "new");
    expect(routed.records.map((r) => r.cells[0])).toEqual(fresh.records.map((r) => r.cells[0]));
    expect(routed.records.every((r) => r.cells[1] !== "")).toBe(true);
    const loads = parseCsv(io.files.get("route/loads.csv")!, "loads");
    for (const r of loads.records) expect(Number(r.cells[5])).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});
