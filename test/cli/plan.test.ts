import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/csv.js";
import { runCli as runInProcess } from "../../src/cli/run.js";
import { runCli, smallProblem, workspace } from "./cli-harness.js";
import { memoryIo } from "./memory-io.js";

const config = {
  score: { potential: 1 },
  tiers: { method: "pareto", shares: [0.8, 0.95], names: ["A", "B", "C"] },
  visits: { A: { perPeriod: 4, minutes: 60 }, B: { perPeriod: 2, minutes: 45 }, C: { perPeriod: 1, minutes: 30, adminMinutes: 6 } },
};
const { accounts, reps } = smallProblem();

async function plan(files: Record<string, string>, args: readonly string[] = ["--accounts", "accounts.csv", "--config", "plan.json", "--out", "out"]) {
  const io = memoryIo({ "accounts.csv": accounts, "plan.json": JSON.stringify(config), ...files });
  const code = await runInProcess(["plan", ...args], io);
  return { code, io };
}

describe("terralign plan", () => {
  it("keeps every input column and row in order and adds score, tier, visits and workload", async () => {
    const noWorkload = accounts.replace(/^([^,\n]*,[^,\n]*,[^,\n]*),[^,\n]*/gm, "$1");
    const { code, io } = await plan({ "accounts.csv": noWorkload });
    expect(code, io.err).toBe(0);
    const input = parseCsv(noWorkload, "in");
    expect(input.header).not.toContain("workload");
    const output = parseCsv(io.files.get("out/accounts.csv")!, "out");
    expect(output.header).toEqual([...input.header, "score", "tier", "visits", "workload"]);
    expect(output.records).toHaveLength(input.records.length);
    output.records.forEach((row, i) => {
      expect(row.cells.slice(0, input.header.length)).toEqual(input.records[i].cells);
      const [score, tier, visits, workload] = row.cells.slice(input.header.length);
      expect(Number(score)).toBe(Number(input.records[i].cells[3]));
      const rule = config.visits[tier as "A" | "B" | "C"];
      expect(Number(visits)).toBe(rule.perPeriod);
      expect(Number(workload)).toBeCloseTo((rule.perPeriod * rule.minutes + ("adminMinutes" in rule ? rule.adminMinutes : 0)) / 60, 6);
    });
    // The quoted name column ("Store 3, R1") comes back quoted.
    expect(io.files.get("out/accounts.csv")).toContain('"Store 0, R1"');
    expect(io.files.get("out/plan.md")).toContain("| A |");
    expect(io.files.get("out/lorenz.svg")).toMatch(/^<svg [^>]*>[\s\S]*<polyline/);
    expect(io.out).toContain("Account plan: 42 accounts, pareto tiers");
  });

  it("writes over same-named columns in place, so align reads the new workload", async () => {
    const withTier = accounts.replace("id,lng,lat,workload,", "id,lng,lat,Workload,").replace(/\n/g, (m, at) => (at === accounts.indexOf("\n") ? ",Tier\n" : ",x\n"));
    const { code, io } = await plan({ "accounts.csv": withTier });
    expect(code, io.err).toBe(0);
    const output = parseCsv(io.files.get("out/accounts.csv")!, "out");
    expect(output.header).toEqual(["id", "lng", "lat", "Workload", "potential", "current_rep", "locked_rep", "segment", "name", "Tier", "score", "visits"]);
    expect(output.records.every((r) => ["A", "B", "C"].includes(r.cells[9]))).toBe(true);
    const dir = workspace({ "accounts.csv": io.files.get("out/accounts.csv")!, "reps.csv": reps });
    const align = runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"], dir);
    expect(align.code, align.stderr).toBe(0);
  });

  it("adds white space and under-covered flags when the accounts have sales", async () => {
    const withSales = accounts
      .split("\n")
      .map((line, i) => (line === "" ? line : `${line},${i === 0 ? "sales" : i === 1 ? "0" : "100"}`))
      .join("\n");
    const { code, io } = await plan({ "accounts.csv": withSales });
    expect(code, io.err).toBe(0);
    const output = parseCsv(io.files.get("out/accounts.csv")!, "out");
    expect(output.header.slice(-2)).toEqual(["white_space", "under_covered"]);
    expect(io.files.get("out/plan.md")).toContain("## White space");
    // Per territory, from the current_rep column.
    expect(io.files.get("out/plan.md")).toContain("| Territory |");
  });

  it("reads JSON accounts too, writing every key seen as a column", async () => {
    const json = JSON.stringify([
      { id: "a", potential: 10, extra: { deep: 1 } },
      { id: "b", potential: 30, note: "x,y" },
    ]);
    const { code, io } = await plan({ "accounts.json": json }, ["--accounts", "accounts.json", "--config", "plan.json", "--out", "out"]);
    expect(code, io.err).toBe(0);
    expect(io.files.get("out/accounts.csv")).toBe('id,potential,extra,note,score,tier,visits,workload\na,10,"{""deep"":1}",,10,A,4,4\nb,30,,"x,y",30,A,4,4\n');
  });
});

describe("terralign plan with bad input exits 2 naming the field and row", () => {
  const line = (n: number, cell: number, value: string) => {
    const lines = accounts.split("\n");
    const cells = lines[n - 1].split(",");
    cells[cell] = value;
    lines[n - 1] = cells.join(",");
    return lines.join("\n");
  };
  it.each<[string, Record<string, string>, string]>([
    ["shares not increasing", { "plan.json": JSON.stringify({ ...config, tiers: { shares: [0.8, 0.7] } }) }, "plan.json, field tiers.shares[1]: shares must increase: 0.7 comes after 0.8"],
    ["a share above 1", { "plan.json": JSON.stringify({ ...config, tiers: { shares: [0.8, 1.5] } }) }, "plan.json, field tiers.shares[1]: share 1.5 is outside (0, 1]"],
    ["negative minutes", { "plan.json": JSON.stringify({ ...config, visits: { ...config.visits, A: { perPeriod: 4, minutes: -5 } } }) }, "plan.json, field visits.A.minutes: minutes per visit must not be negative, got -5"],
    ["negative visits", { "plan.json": JSON.stringify({ ...config, visits: { ...config.visits, B: { perPeriod: -1, minutes: 5 } } }) }, "plan.json, field visits.B.perPeriod: visits per period must not be negative, got -1"],
    ["a visit rule for a tier no account has", { "plan.json": JSON.stringify({ ...config, visits: { ...config.visits, D: { perPeriod: 1, minutes: 5 } } }) }, 'plan.json, field visits.D: tier "D" has a visit rule but is not one of the tiers (tiers: A, B, C)'],
    ["a tier with no visit rule", { "plan.json": JSON.stringify({ ...config, tiers: { shares: [0.5, 0.6] }, visits: { A: config.visits.A, B: config.visits.B } }) }, 'accounts.csv line 2: tier "C" has no visit rule (account "A0-0"); add it to the visit rules (A, B)'],
    ["a score field with no column", { "plan.json": JSON.stringify({ ...config, score: { potential: 0.5, revenue: 0.5 } }) }, 'accounts.csv: no column "revenue" (score field "revenue" of the configuration); columns found: id, lng, lat, workload, potential, current_rep, locked_rep, segment, name'],
    ["a non-numeric score field", { "accounts.csv": line(4, 4, "lots") }, 'accounts.csv line 4, column potential: "lots" is not a finite number (account "A0-2")'],
    ["an empty score field", { "accounts.csv": line(5, 4, "") }, 'accounts.csv line 5, column potential: no value for "potential" (account "A0-3"); give every account a value or set missing: "zero"'],
    ["an unknown configuration key", { "plan.json": JSON.stringify({ ...config, tier: {} }) }, 'plan.json: unknown field "tier"'],
    ["a configuration that is not JSON", { "plan.json": "{score:" }, "plan.json: not valid JSON"],
  ])("%s", async (_name, files, message) => {
    const { code, io } = await plan(files);
    expect(code).toBe(2);
    expect(io.err.startsWith(`terralign: ${message}`), io.err).toBe(true);
    expect(io.err.trimEnd().split("\n")).toHaveLength(1);
  });

  it("counts a missing score value as 0 when asked", async () => {
    const { code, io } = await plan({ "accounts.csv": line(5, 4, ""), "plan.json": JSON.stringify({ ...config, score: { weights: { potential: 1 }, missing: "zero" } }) });
    expect(code, io.err).toBe(0);
    expect(parseCsv(io.files.get("out/accounts.csv")!, "out").records[3].cells.at(-3)).toBe("0");
  });

  it("prints one line and no stack through the built binary", () => {
    const dir = workspace({ "accounts.csv": line(4, 4, "lots"), "plan.json": JSON.stringify(config) });
    const run = runCli(["plan", "--accounts", "accounts.csv", "--config", "plan.json", "--out", "out"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('terralign: accounts.csv line 4, column potential: "lots" is not a finite number (account "A0-2")\n');
    expect(runCli(["plan", "--accounts", "accounts.csv", "--out", "out"], dir).stderr).toBe("terralign: missing --config for 'terralign plan'; see 'terralign plan --help'\n");
  });
});
