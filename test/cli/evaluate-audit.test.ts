import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/csv.js";
import { runCli, smallProblem, workspace } from "./cli-harness.js";

const args = ["evaluate", "--accounts", "accounts.csv", "--reps", "reps.csv"];

describe("terralign evaluate as an audit", () => {
  it("writes only the header of violations.csv and exits 0 with --strict when no rule is broken", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "options.json": JSON.stringify({ balance: { workload: 0.5 } }) });
    const run = runCli([...args, "--options", "options.json", "--out", "audit", "--strict"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Rules: none broken");
    expect(readFileSync(join(dir, "audit/violations.csv"), "utf8")).toBe("rule,account_id,rep_id,value,limit\n");
  });

  it("lists every broken rule in violations.csv, prints a count per rule, and exits 1 with --strict", () => {
    const { accounts, reps } = smallProblem();
    // R1 serves hospitals only, and two accounts are missing from the assignment.
    const segmented = reps.replace("id,lng,lat,capacity", "id,lng,lat,capacity,segments").replace(/^(R1,.*)$/m, "$1,hospital").replace(/^(R[23],.*)$/gm, "$1,");
    const rows = accounts
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .filter(([id]) => id !== "A2-0" && id !== "A2-1")
      .map(([id, , , , , current]) => `${id},${current}`);
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": segmented, "crm.csv": `account_id,rep_id\n${rows.join("\n")}\n` });
    const run = runCli([...args, "--assignments", "crm.csv", "--out", "audit", "--strict"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Rules broken: \d+/);
    expect(run.stdout).toMatch(/^ {2}segment +9$/m);
    expect(run.stdout).toMatch(/^ {2}unassigned +2$/m);
    const table = parseCsv(readFileSync(join(dir, "audit/violations.csv"), "utf8"), "violations.csv");
    expect(table.header).toEqual(["rule", "account_id", "rep_id", "value", "limit"]);
    const records = table.records.map((r) => r.cells);
    const segment = records.filter((r) => r[0] === "segment");
    expect(segment).toHaveLength(9);
    for (const r of segment) expect(r.slice(2)).toEqual(["R1", "retail", "hospital"]);
    expect(records.filter((r) => r[0] === "unassigned").map((r) => [r[1], r[2]])).toEqual([
      ["A2-0", ""],
      ["A2-1", ""],
    ]);
    // Rep-level rules leave account_id empty.
    for (const r of records.filter((x) => x[0] === "band" || x[0] === "capacity")) expect(r[1]).toBe("");
    // Without --strict the same audit exits 0.
    expect(runCli([...args, "--assignments", "crm.csv"], dir).code).toBe(0);
  });

  it("exits 2 naming file, line and both reps when an account is given two different reps", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "crm.csv": "account_id,rep_id\nA0-0,R1\nA0-1,R1\nA0-0,R2\n" });
    const run = runCli([...args, "--assignments", "crm.csv"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('terralign: crm.csv line 4: account "A0-0" is given to rep "R2" here and to rep "R1" before; give each account one rep\n');
  });

  it("exits 2 and says which rep was probably meant when an id differs only in case or spaces", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "crm.csv": "account_id,rep_id\nA0-0, r1 \n" });
    const run = runCli([...args, "--assignments", "crm.csv"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('terralign: crm.csv line 2, rep_id: "r1" is not the id of any rep; did you mean "R1"?\n');
  });

  it("exits 2 naming the file when the assignment has no account_id column", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "crm.csv": "customer,rep_id\nA0-0,R1\n" });
    const run = runCli([...args, "--assignments", "crm.csv"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^terralign: crm\.csv.*account_id/);
    expect(run.stderr.split("\n")).toHaveLength(2);
  });
});
