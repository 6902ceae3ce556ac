import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/csv.js";
import { runCli, smallProblem, workspace } from "./cli-harness.js";

const { accounts, reps } = smallProblem();
const base = ["--accounts", "accounts.csv", "--reps", "reps.csv"];
const files = (extra: Record<string, string> = {}) => workspace({ "accounts.csv": accounts, "reps.csv": reps, ...extra });

describe("terralign tradeoff", () => {
  it("writes one row per budget in the order given, the chart and each point's assignments", () => {
    const dir = files();
    const run = runCli(["tradeoff", ...base, "--budgets", "10,2,30%", "--out", "curve"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const table = parseCsv(readFileSync(join(dir, "curve/tradeoff.csv"), "utf8"), "tradeoff.csv");
    expect(table.header.slice(0, 6)).toEqual(["budget", "moves", "objective", "lower_bound", "gap", "max_deviation"]);
    expect(table.records.map((r) => r.cells[0])).toEqual(["10", "2", "30%"]);
    expect(Number(table.records[1].cells[1])).toBeLessThanOrEqual(2);
    for (const folder of ["10", "2", "30%"]) expect(existsSync(join(dir, "curve", folder, "assignments.csv"))).toBe(true);
    expect(readFileSync(join(dir, "curve/tradeoff.svg"), "utf8")).toMatch(/^<svg xmlns/);
  });

  it("sweeps the band with --bands", () => {
    const dir = files();
    const run = runCli(["tradeoff", ...base, "--bands", "0.3,0.5", "--out", "bands"], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "bands/tradeoff.csv"), "utf8").split("\n")[1]).toMatch(/^band 30%,/);
  });

  it.each([
    [["--budgets", "10,-3"], /--budgets: "-3" is not a budget/],
    [["--budgets", "10,abc"], /--budgets: "abc" is not a budget; expected a whole number of moves \(100\), a share of the workload \(2%\) or a move cost \(cost:30\)/],
    [["--budgets", "150%"], /more than 100 % of the workload/],
    [["--budgets", "10,10"], /"10" is given twice/],
    [["--bands", "1.5"], /--bands: "1.5" is not a band/],
    [["--budgets", "10", "--bands", "0.1"], /give exactly one of --budgets and --bands/],
  ])("exits 2 on %j", (args, message) => {
    const run = runCli(["tradeoff", ...base, ...args, "--out", "x"], files());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe("terralign align with a disruption budget", () => {
  it("keeps the budget, writes moved.csv and prints the gains and losses", () => {
    const dir = files({ "options.json": JSON.stringify({ balance: { workload: 0.3 }, disruption: { maxMoves: 3 } }) });
    const run = runCli(["align", ...base, "--options", "options.json", "--out", "out"], dir);
    expect(run.code).toBe(0);
    const moved = parseCsv(readFileSync(join(dir, "out/moved.csv"), "utf8"), "moved.csv");
    expect(moved.header).toEqual(["account_id", "from_rep", "to_rep", "workload", "potential"]);
    expect(moved.records.length).toBeLessThanOrEqual(3);
    if (moved.records.length > 0) expect(run.stdout).toContain("Gains and losses against today");
  });

  it("exits 1 with the least budget the bands need when the budget is too small", () => {
    const skewed = accounts.replace(/,R2,,/g, ",R1,,").replace(/,R3,,/g, ",R1,,");
    const dir = workspace({ "accounts.csv": skewed, "reps.csv": reps, "options.json": JSON.stringify({ balance: { workload: 0.1 }, disruption: { maxMoves: 1 } }) });
    const run = runCli(["align", ...base, "--options", "options.json", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/plan is infeasible: no plan can keep every rule: the bands need at least \d+ moves/);
  });

  it.each([
    [{ disruption: { maxMoves: -1 } }, /disruption\.maxMoves/],
    [{ disruption: { maxMoves: 2.5 } }, /disruption\.maxMoves/],
    [{ disruption: { maxMovedShare: 1.2 } }, /disruption\.maxMovedShare/],
    [{ disruption: { orphans: "keep" } }, /disruption\.orphans/],
  ])("exits 2 naming the field of a bad budget %j", (options, message) => {
    const run = runCli(["align", ...base, "--options", "options.json", "--out", "out"], files({ "options.json": JSON.stringify(options) }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("exits 2 naming the line of a negative or non-numeric move_cost", () => {
    const lines = accounts.trim().split("\n");
    const withCost = [`${lines[0]},move_cost`, ...lines.slice(1).map((l, i) => `${l},${i === 3 ? "-2" : "1"}`)].join("\n");
    const run = runCli(["align", ...base, "--out", "out"], workspace({ "accounts.csv": withCost, "reps.csv": reps }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/accounts\.csv line 5, column move_cost: moveCost -2 must not be negative/);
    const text = [`${lines[0]},move_cost`, ...lines.slice(1).map((l, i) => `${l},${i === 3 ? "lots" : "1"}`)].join("\n");
    expect(runCli(["align", ...base, "--out", "out"], workspace({ "accounts.csv": text, "reps.csv": reps })).stderr).toMatch(/line 5, column move_cost/);
  });
});

describe("terralign diff and scenarios", () => {
  it("diff writes moved.csv, diff.md and diff.svg", () => {
    const after = "account_id,rep_id\n" + accounts.trim().split("\n").slice(1).map((l) => { const c = l.split(","); return `${c[0]},${c[0] === "A0-0" ? "R2" : c[5]}`; }).join("\n") + "\n";
    const before = "account_id,rep_id\n" + accounts.trim().split("\n").slice(1).map((l) => { const c = l.split(","); return `${c[0]},${c[5]}`; }).join("\n") + "\n";
    const dir = files({ "before.csv": before, "after.csv": after });
    const run = runCli(["diff", ...base, "--before", "before.csv", "--after", "after.csv", "--out", "d"], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "d/moved.csv"), "utf8")).toBe("account_id,from_rep,to_rep,workload,potential\nA0-0,R1,R2,1,100\n");
    expect(readFileSync(join(dir, "d/diff.md"), "utf8")).toContain("Accounts moved: 1");
    expect(readFileSync(join(dir, "d/diff.svg"), "utf8")).toContain('class="highlighted"');
  });

  it("scenarios writes a folder per scenario and the comparison", () => {
    const scenarios = { scenarios: [{ name: "base" }, { name: "r3-leaves", removeReps: ["R3"], capacity: { R1: 90, R2: 90 } }, { name: "hire", addReps: [{ id: "N1", lng: -102.5, lat: 20.5, capacity: 40 }] }] };
    const dir = files({ "s.json": JSON.stringify(scenarios), "options.json": JSON.stringify({ balance: { workload: 0.4 } }) });
    const run = runCli(["scenarios", ...base, "--options", "options.json", "--scenarios", "s.json", "--out", "sc"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const table = parseCsv(readFileSync(join(dir, "sc/compare.csv"), "utf8"), "compare.csv");
    expect(table.records.map((r) => r.cells[0])).toEqual(["base", "r3-leaves", "hire"]);
    expect(table.records[1].cells[2]).toBe("2");
    for (const name of ["base", "r3-leaves", "hire"]) expect(existsSync(join(dir, "sc", name, "assignments.csv"))).toBe(true);
  });

  it.each([
    [{ scenarios: [{ name: "a" }, { name: "a" }] }, /s\.json, scenarios\[1\]\.name: "a" is also the name of scenarios\[0\]/],
    [{ scenarios: [{ name: "a", removeReps: ["R9"] }] }, /s\.json, scenarios\[0\] \("a"\)\.removeReps\[0\]: "R9" is not the id of any rep/],
    [{ scenarios: [{ name: "a", removeReps: ["R1", "R2", "R3"] }] }, /leaves no rep to balance/],
    [{ scenarios: [{ name: "a", addReps: [{ id: "R1", lng: 0, lat: 0, capacity: 5 }] }] }, /addReps\[0\]\.id: "R1" is already the id of a rep/],
    [{ scenarios: [{ name: "../up" }] }, /cannot be a folder name/],
  ])("scenarios exits 2 on %j", (json, message) => {
    const run = runCli(["scenarios", ...base, "--scenarios", "s.json", "--out", "sc"], files({ "s.json": JSON.stringify(json) }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
