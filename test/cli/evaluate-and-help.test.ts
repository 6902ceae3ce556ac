import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, smallProblem, workspace } from "./cli-harness.js";

describe("terralign evaluate", () => {
  it("scores the accounts' current_rep when no assignment file is given", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps });
    const run = runCli(["evaluate", "--accounts", "accounts.csv", "--reps", "reps.csv"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("the current_rep column of accounts.csv");
    expect(run.stdout).toMatch(/Accounts: 42 assigned, 0 unassigned/);
    expect(run.stdout).toMatch(/^R1 +14 /m);
  });

  it("scores an assignment file, writes the evaluation with --out, and reports accounts it leaves out", () => {
    const { accounts, reps } = smallProblem();
    const assignment = "account_id,rep_id\nA0-0,R2\nA0-1,R1\nA0-2,\n";
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "crm.csv": assignment });
    const run = runCli(["evaluate", "--accounts", "accounts.csv", "--reps", "reps.csv", "--assignments", "crm.csv", "--out", "eval"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Accounts: 2 assigned, 40 unassigned/);
    expect(run.stdout).toMatch(/accounts_unassigned/);
    const evaluation = JSON.parse(readFileSync(join(dir, "eval/evaluation.json"), "utf8"));
    expect(evaluation.metrics.accountsAssigned).toBe(2);
    expect(existsSync(join(dir, "eval/assignments.csv"))).toBe(true);
  });

  it("names the line of an assignment row that refers to an unknown rep, with exit code 2", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "crm.csv": "account_id,rep_id\nA0-0,R1\nA0-1,R9\n" });
    const run = runCli(["evaluate", "--accounts", "accounts.csv", "--reps", "reps.csv", "--assignments", "crm.csv"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('terralign: crm.csv line 3, rep_id: "R9" is not the id of any rep\n');
  });
});

describe("help and version", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s prints the general help with exit code 0", (flag) => {
    const run = runCli([flag], ".");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("terralign align");
    expect(run.stdout).toContain("Exit codes:");
  });

  it.each([["align"], ["evaluate"]])("%s --help prints the command's help with examples", (command) => {
    const run = runCli([command, "--help"], ".");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`terralign ${command} —`);
    expect(run.stdout).toContain("Examples:");
  });

  it("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    const run = runCli(["--version"], ".");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });

  it("no command is a usage error", () => {
    const run = runCli([], ".");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^terralign: missing command/);
  });
});

describe("terralign gap", () => {
  it("is routed to the GAP solver: solves a tiny instance, prints its help, and exits 2 on a missing file", () => {
    // 2 agents × 3 jobs: costs, resources, capacities. The optimum puts jobs 0 and 1 on agent 0.
    const dir = workspace({ "tiny.txt": "2 3\n1 2 3\n3 2 1\n1 1 1\n1 1 1\n2 2\n" });
    const solved = runCli(["gap", "tiny.txt"], dir);
    expect(solved.code).toBe(0);
    expect(solved.stdout).toMatch(/objective 4\b/);
    expect(solved.stdout).toMatch(/assignment 0 0 1/);
    const help = runCli(["gap", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^terralign gap —/);
    const missing = runCli(["gap", "nope.txt"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("terralign: cannot read nope.txt: no such file\n");
  });
});
