import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/csv.js";
import { runCli as runInProcess } from "../../src/cli/run.js";
import { smallProblem } from "./cli-harness.js";
import { memoryIo } from "./memory-io.js";

const { accounts, reps } = smallProblem();
const assignments = `account_id,rep_id\n${parseCsv(accounts, "a").records.map((r) => `${r.cells[0]},${r.cells[5]}`).join("\n")}\n`;
const fresh = [
  "id,lng,lat,workload,segment,locked_rep,current_rep",
  "N1,-103.35,20.70,2,retail,,",
  "N2,-101.65,21.10,3,retail,,",
  "N3,-101.20,19.72,1,hospital,R1,",
  "N4,-101.70,21.15,2,retail,,R3",
  "N5,-103.40,20.60,1,retail,,",
].join("\n");

async function route(files: Record<string, string>, extra: readonly string[] = []) {
  const io = memoryIo({ "accounts.csv": accounts, "reps.csv": reps, "asg.csv": assignments, "new.csv": fresh, ...files });
  const code = await runInProcess(["route", "--accounts", "accounts.csv", "--reps", "reps.csv", "--assignments", "asg.csv", "--new", "new.csv", "--out", "out", ...extra], io);
  return { code, io };
}

describe("terralign route", () => {
  it("writes one routed row per new account in input order, with the reason, and the loads per rep", async () => {
    const { code, io } = await route({});
    expect(code, io.err).toBe(0);
    const routed = parseCsv(io.files.get("out/routed.csv")!, "r");
    expect(routed.header).toEqual(["account_id", "rep_id", "reason", "travel_minutes"]);
    expect(routed.records.map((r) => r.cells.slice(0, 3))).toEqual([
      ["N1", "R1", "territory"],
      ["N2", "R2", "territory"],
      ["N3", "R1", "lock"],
      ["N4", "R3", "owner"],
      ["N5", "R1", "territory"],
    ]);
    for (const r of routed.records) expect(Number(r.cells[3])).toBeGreaterThanOrEqual(0);
    const loads = parseCsv(io.files.get("out/loads.csv")!, "l");
    expect(loads.header).toEqual(["rep_id", "before", "routed", "after", "target", "deviation"]);
    expect(loads.records.map((r) => [r.cells[0], Number(r.cells[2])])).toEqual([["R1", 4], ["R2", 3], ["R3", 2]]);
    expect(io.out).toMatch(/Routed 5 of 5 new accounts \(policy territory\)/);
    expect(io.out).toMatch(/\d+ reps? left the band/);
  });

  it("balanced policy routes every account too, and an account no rep may take gets an empty rep and the reason (exit 1)", async () => {
    const withRegion = `${reps.trim().replace("id,lng,lat,capacity", "id,lng,lat,capacity,region").split("\n").map((line, i) => (i === 0 ? line : `${line},west`)).join("\n")}\n`;
    const newWithRegion = `${fresh.replace("current_rep", "current_rep,region").split("\n").map((line, i) => (i === 0 ? line : `${line},${i === 2 ? "east" : "west"}`)).join("\n")}\n`;
    const { code, io } = await route({ "reps.csv": withRegion, "new.csv": newWithRegion }, ["--policy", "balanced"]);
    expect(code).toBe(1);
    const routed = parseCsv(io.files.get("out/routed.csv")!, "r");
    expect(routed.records[1].cells.slice(0, 2)).toEqual(["N2", ""]);
    expect(routed.records[1].cells[2]).toMatch(/^unroutable: no rep may take it: no rep serving segment 'retail' and region 'east'/);
    expect(routed.records[1].cells[3]).toBe("");
    expect(routed.records.filter((r) => r.cells[2] === "balance").length).toBe(2);
    expect(io.err).toMatch(/^terralign: 1 new account could not be routed/);
  });

  it("exits 2 naming the file, line and value for a new account whose id is already assigned", async () => {
    const { code, io } = await route({ "new.csv": fresh.replace("N2,", "A1-3,") });
    expect(code).toBe(2);
    expect(io.err).toBe('terralign: new.csv line 3, column id: account "A1-3" is already assigned to rep "R2" in asg.csv; a new account needs a new id\n');
  });

  it("names the first new account, by line, whose id the plan's accounts or its assignment already have", async () => {
    const firstId = parseCsv(accounts, "a").records[0].cells[0];
    // In the accounts but given no rep by the assignment (both policies), and after a duplicate further down.
    for (const policy of ["territory", "balanced"]) {
      const unassigned = assignments.split("\n").filter((line) => !line.startsWith(`${firstId},`)).join("\n");
      const { code, io } = await route({ "asg.csv": unassigned, "new.csv": fresh.replace("N3,", `${firstId},`).replace("N5,", "A1-3,") }, ["--policy", policy]);
      expect(code).toBe(2);
      expect(io.err).toBe(`terralign: new.csv line 4, column id: account "${firstId}" is already in accounts.csv; a new account needs a new id\n`);
      expect(io.files.has("out/routed.csv")).toBe(false);
    }
    // Before the router's own checks: options it cannot route with.
    const unsupported = await route({ "new.csv": fresh.replace("N2,", "A1-3,"), "options.json": JSON.stringify({ regions: { west: { travel: { speedKmh: 40 } } } }) }, ["--options", "options.json"]);
    expect(unsupported.code).toBe(2);
    expect(unsupported.io.err).toBe('terralign: new.csv line 3, column id: account "A1-3" is already assigned to rep "R2" in asg.csv; a new account needs a new id\n');
    // An assignment row for an account outside the plan's accounts: the new account with that id is named before the row is.
    const { code, io } = await route({ "asg.csv": `${assignments}Z9,R1\n`, "new.csv": fresh.replace("N4,", "Z9,") });
    expect(code).toBe(2);
    expect(io.err).toBe('terralign: new.csv line 5, column id: account "Z9" is already assigned to rep "R1" in asg.csv; a new account needs a new id\n');
  });

  it("exits 2 for an unknown policy", async () => {
    const { code, io } = await route({}, ["--policy", "nearest"]);
    expect(code).toBe(2);
    expect(io.err).toBe('terralign: --policy: "nearest" is not a policy; expected territory or balanced\n');
  });
});
