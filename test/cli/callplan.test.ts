import { describe, expect, it } from "vitest";
import { runCli as runInProcess } from "../../src/cli/run.js";
import { parseCsv } from "../../src/io/csv.js";
import { runCli, smallProblem, workspace } from "./cli-harness.js";
import { memoryIo } from "./memory-io.js";

const { reps } = smallProblem();
const tiers = ["A", "B", "C"];
/** 42 accounts with tier, potential and plan visits; current reps R1–R3; the last account has none. */
const accounts = (() => {
  const { accounts: base } = smallProblem();
  const lines = base.trimEnd().split("\n");
  const out = [`${lines[0]},tier,visits`];
  lines.slice(1).forEach((line, i) => {
    const tier = tiers[i % 3];
    out.push(`${i === lines.length - 2 ? line.replace(/,R\d,,/, ",,,") : line},${tier},${{ A: 6, B: 3, C: 1 }[tier]}`);
  });
  return `${out.join("\n")}\n`;
})();
const config = {
  minutesPerVisit: { A: 60, B: 45, C: 30 },
  maxVisits: 12,
  response: { model: "adbudg", min: 0.2, max: 1.5, c: 1.8, d: 30 },
};
const assignments = (() => {
  const rows = parseCsv(accounts, "a").records.map((r) => `${r.cells[0]},${r.cells[5]}`);
  return `account_id,rep_id\n${rows.join("\n")}\n`;
})();
const args = ["--accounts", "accounts.csv", "--reps", "reps.csv", "--assignments", "asg.csv", "--config", "callplan.json", "--out", "out"];

async function callplan(files: Record<string, string> = {}, argv: readonly string[] = args) {
  const io = memoryIo({ "accounts.csv": accounts, "reps.csv": reps, "asg.csv": assignments, "callplan.json": JSON.stringify(config), ...files });
  const code = await runInProcess(["callplan", ...argv], io);
  return { code, io };
}

describe("terralign callplan", () => {
  it("writes callplan.csv with exactly account_id,rep_id,visits,expected_sales for every account, within each rep's hours", async () => {
    const { code, io } = await callplan();
    expect(code, io.err).toBe(0);
    const plan = parseCsv(io.files.get("out/callplan.csv")!, "out");
    expect(plan.header).toEqual(["account_id", "rep_id", "visits", "expected_sales"]);
    const input = parseCsv(accounts, "in").records;
    expect(plan.records.map((r) => r.cells[0])).toEqual(input.map((r) => r.cells[0]));
    const minutes: Record<string, number> = {};
    plan.records.forEach((r, i) => {
      const [, rep, visits] = r.cells;
      expect(Number.isInteger(Number(visits)) && Number(visits) >= 0 && Number(visits) <= 12).toBe(true);
      if (rep !== "") minutes[rep] = (minutes[rep] ?? 0) + Number(visits) * config.minutesPerVisit[input[i].cells[9] as "A" | "B" | "C"];
    });
    const capacity = Number(reps.split("\n")[1].split(",")[3]);
    for (const used of Object.values(minutes)) expect(used).toBeLessThanOrEqual(capacity * 60);
    // The account without a rep comes out with an empty rep_id and no visits.
    expect(plan.records.at(-1)!.cells.slice(1, 3)).toEqual(["", "0"]);
    const perRep = parseCsv(io.files.get("out/callplan-reps.csv")!, "reps");
    expect(perRep.header.slice(0, 8)).toEqual(["rep_id", "capacity_hours", "hours_used", "accounts", "visits", "expected_sales", "upper_bound", "status"]);
    expect(perRep.records.map((r) => r.cells[7])).toEqual(["optimal", "optimal", "optimal"]);
    const details = parseCsv(io.files.get("out/callplan-accounts.csv")!, "details");
    expect(details.header).toEqual(["account_id", "rep_id", "tier", "visits", "expected_sales", "marginal_sales", "tier_rule_visits"]);
    expect(io.files.get("out/callplan.md")).toContain("every rep's plan is proven optimal");
    expect(io.out).toMatch(/^Call plan: optimal, 42 accounts, 3 reps\n/);
  });

  it("uses the accounts' current_rep when no assignments are given", async () => {
    const { code, io } = await callplan({}, args.filter((_, i) => i !== 4 && i !== 5));
    expect(code, io.err).toBe(0);
    const withFile = await callplan();
    expect(io.files.get("out/callplan.csv")).toBe(withFile.io.files.get("out/callplan.csv"));
  });

  it("accepts a response per tier and a tabulated curve", async () => {
    const perTier = { ...config, response: { A: config.response, B: { model: "tabulated", points: [[0, 0.1], [2, 0.2], [6, 1]] }, C: { ...config.response, c: 3 } } };
    const { code, io } = await callplan({ "callplan.json": JSON.stringify(perTier) });
    expect(code, io.err).toBe(0);
  });

  it("runs end to end through the built binary", () => {
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "asg.csv": assignments, "callplan.json": JSON.stringify(config) });
    const run = runCli(["callplan", ...args], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Wrote:");
    expect(runCli(["callplan", "--help"], dir).stdout).toContain("terralign callplan —");
    expect(runCli(["plan", "--help"], dir).stdout).toContain("terralign plan —");
    const help = runCli(["--help"], dir).stdout;
    expect(help).toContain("terralign plan ");
    expect(help).toContain("terralign callplan ");
  });
});

describe("terralign callplan with bad input exits 2 naming the field and row", () => {
  const cell = (text: string, line: number, index: number, value: string) => {
    const lines = text.split("\n");
    const cells = lines[line - 1].split(",");
    cells[index] = value;
    lines[line - 1] = cells.join(",");
    return lines.join("\n");
  };
  const withConfig = (change: object) => ({ "callplan.json": JSON.stringify({ ...config, ...change }) });
  it.each<[string, Record<string, string>, string]>([
    ["a tier in minutesPerVisit that no account has", withConfig({ minutesPerVisit: { A: 60, B: 45, C: 30, D: 20 } }), 'callplan.json, field minutesPerVisit.D: tier "D" is the tier of no account (tiers: A, B, C)'],
    ["an account tier with no minutes", withConfig({ minutesPerVisit: { A: 60, B: 45 } }), 'accounts.csv line 4, column tier: tier "C" has no minutesPerVisit (account "A0-2"); add "C" to minutesPerVisit'],
    ["negative minutes", withConfig({ minutesPerVisit: { A: 60, B: -45, C: 30 } }), "callplan.json, field minutesPerVisit.B: minutes per visit must be > 0, got -45"],
    ["c ≤ 0", withConfig({ response: { ...config.response, c: 0 } }), "callplan.json, field response.c: c must be > 0, got 0"],
    ["d < 0", withConfig({ response: { ...config.response, d: -3 } }), "callplan.json, field response.d: d must not be negative, got -3"],
    ["max < min", withConfig({ response: { ...config.response, max: 0.1 } }), "callplan.json, field response.max: max 0.1 is below min 0.2; a response must not fall with more visits"],
    ["a per-tier response with a bad parameter", withConfig({ response: { A: config.response, B: config.response, C: { ...config.response, d: -1 } } }), "callplan.json, field response.C.d: d must not be negative, got -1"],
    ["a non-numeric potential", { "accounts.csv": cell(accounts, 6, 4, "many") }, 'accounts.csv line 6, column potential: "many" is not a finite number (account "A0-4")'],
    ["a negative potential", { "accounts.csv": cell(accounts, 7, 4, "-5") }, 'accounts.csv line 7, column potential: potential -5 must not be negative (account "A0-5")'],
    ["a non-numeric visits cell", { "accounts.csv": cell(accounts, 8, 11, "often") }, 'accounts.csv line 8, column visits: "often" is not a finite number (account "A0-6")'],
    ["a bad capacity", { "reps.csv": cell(reps, 3, 3, "lots") }, 'reps.csv line 3, column capacity: "lots" is not a number'],
    ["a zero capacity", { "reps.csv": cell(reps, 3, 3, "0") }, 'reps.csv line 3, column capacity: capacity 0 must be a positive number of hours (rep "R2")'],
    ["an unknown rep in the assignments", { "asg.csv": assignments.replace("\nA0-3,R1\n", "\nA0-3,R9\n") }, 'asg.csv line 5, rep_id: rep "R9" is not one of the reps'],
    ["an unknown account in the assignments", { "asg.csv": assignments.replace("\nA0-3,R1\n", "\nZZ,R1\n") }, 'asg.csv line 5, account_id: account "ZZ" is not one of the accounts'],
    ["an unknown current_rep", { "accounts.csv": cell(accounts, 3, 5, "R7") }, 'accounts.csv line 3, column current_rep: rep "R7" is not one of the reps'],
    ["no potential column", { "accounts.csv": accounts.replace("potential", "value") }, 'accounts.csv: no column "potential" (expected sales are potential x response); columns found:'],
    ["an unknown configuration key", withConfig({ minutes: 3 }), 'callplan.json: unknown field "minutes"'],
    ["a missing response", { "callplan.json": JSON.stringify({ minutesPerVisit: 30 }) }, "callplan.json, field response: is required: expected a response model such as"],
  ])("%s", async (name, files, message) => {
    const argv = name === "an unknown current_rep" ? args.filter((_, i) => i !== 4 && i !== 5) : args;
    const { code, io } = await callplan(files, argv);
    expect(code).toBe(2);
    expect(io.err.startsWith(`terralign: ${message}`), io.err).toBe(true);
    expect(io.err.trimEnd().split("\n")).toHaveLength(1);
    expect(io.files.has("out/callplan.csv")).toBe(false);
  });
});
