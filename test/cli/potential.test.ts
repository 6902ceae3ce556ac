import { describe, expect, it } from "vitest";
import { generateWallets } from "../../benchmarks/wallet-data.js";
import { parseCsv } from "../../src/io/csv.js";
import { runCli as runInProcess } from "../../src/cli/run.js";
import { toCsv } from "../../src/output/csv-writer.js";
import { runCli, workspace } from "./cli-harness.js";
import { memoryIo } from "./memory-io.js";

const data = generateWallets({ accounts: 300, seed: 8 });
const columns = ["id", "lng", "lat", "industry", "employees", "revenue", "state", "note", "sales"];
const rows = data.accounts.map((a, i) => [a.id, String(a.location![0]), String(a.location![1]), String(a.attributes!.industry), String(a.attributes!.employees), String(a.attributes!.revenue), String(a.attributes!.state), i % 7 === 0 ? "key, account" : "", Number.isNaN(data.sales[i]) ? "" : String(data.sales[i])]);
const accounts = toCsv([columns, ...rows]);
const args = ["--accounts", "accounts.csv", "--target", "sales", "--out", "out"];

async function potential(files: Record<string, string>, extra: readonly string[] = []) {
  const io = memoryIo({ "accounts.csv": accounts, ...files });
  const code = await runInProcess(["potential", ...args, ...extra], io);
  return { code, io };
}

/** The line of the CSV text (1-based, header = 1) with one cell replaced. */
function withCell(line: number, column: string, value: string): string {
  const table = parseCsv(accounts, "a");
  const c = table.header.indexOf(column);
  return toCsv([table.header, ...table.records.map((r) => (r.line === line ? r.cells.map((v, k) => (k === c ? value : v)) : r.cells))]);
}

describe("terralign potential", () => {
  it("keeps every input column and row and adds potential_est and white_space; writes the report and JSON", async () => {
    const { code, io } = await potential({}, ["--seed", "4", "--folds", "3"]);
    expect(code, io.err).toBe(0);
    const input = parseCsv(accounts, "in");
    const output = parseCsv(io.files.get("out/accounts.csv")!, "out");
    expect(output.header).toEqual([...input.header, "potential_est", "white_space"]);
    expect(output.records).toHaveLength(300);
    output.records.forEach((row, i) => {
      expect(row.cells.slice(0, input.header.length)).toEqual(input.records[i].cells);
      const [estimate, space] = row.cells.slice(input.header.length).map(Number);
      const sales = input.records[i].cells[8];
      expect(estimate).toBeGreaterThanOrEqual(0);
      expect(space).toBeCloseTo(sales === "" ? estimate : estimate - Number(sales), 1);
    });
    const md = io.files.get("out/potential.md")!;
    expect(md).toContain("| boosted trees |");
    expect(md).toContain("| segment means |");
    expect(md).toContain("| linear |");
    expect(md).toMatch(/<svg [^>]*>[\s\S]*<circle/);
    const json = JSON.parse(io.files.get("out/potential.json")!);
    expect(json.folds).toBe(3);
    expect(json.fits).toHaveLength(3);
    expect(io.out).toContain("Potential: ");
    // The note column is the same where present ("key, account") but blank elsewhere: presence tells accounts apart, so it is kept.
    expect(io.err).toBe("");
  });

  it("needs only an id column besides the target, and warns about a constant feature", async () => {
    const bare = toCsv([["account_id", "size", "flat", "sales"], ...rows.map((r) => [r[0], r[4], "x", r[8]])]);
    const { code, io } = await potential({ "accounts.csv": bare }, ["--quantile", "mean"]);
    expect(code, io.err).toBe(0);
    expect(io.err).toBe('terralign: warning: accounts.csv: feature "flat" is constant ("x" on every account); dropped\n');
    expect(parseCsv(io.files.get("out/accounts.csv")!, "out").header).toEqual(["account_id", "size", "flat", "sales", "potential_est", "white_space"]);
  });

  const bad: Record<string, { files?: Record<string, string>; extra?: string[]; args?: string[]; message: string | RegExp }> = {
    "a missing target column": { extra: [], args: ["--accounts", "accounts.csv", "--target", "revenue2", "--out", "out"], message: /^terralign: accounts\.csv: no column "revenue2" \(the target to learn from \(--target\)\); columns found: id, lng/ },
    "a target that is not a number": { files: { "accounts.csv": withCell(5, "sales", "n/a") }, message: /^terralign: accounts\.csv line 5, column sales: "n\/a" is not a number/ },
    "a negative target": { files: { "accounts.csv": withCell(6, "sales", "-3") }, message: /^terralign: accounts\.csv line 6, column sales: -3 is negative/ },
    "too few customers": { files: { "accounts.csv": toCsv([columns, ...rows.slice(0, 40)]) }, message: /^terralign: accounts\.csv: only \d+ accounts have a value in column "sales"; at least 50 customers are needed/ },
    "a quantile outside (0, 1)": { extra: ["--quantile", "1.2"], message: `terralign: --quantile: "1.2" is outside (0, 1); give e.g. 0.8 for the 80th percentile, or "mean"` },
    "an unknown feature": { extra: ["--features", "industry,colour"], message: /^terralign: accounts\.csv: no column "colour" \(named in --features\)/ },
  };
  for (const [name, c] of Object.entries(bad)) {
    it(`exits 2 naming the file, line and value for ${name}`, async () => {
      const io = memoryIo({ "accounts.csv": accounts, ...c.files });
      const code = await runInProcess(["potential", ...(c.args ?? args), ...(c.extra ?? [])], io);
      expect(code).toBe(2);
      expect(io.err.split("\n")).toHaveLength(2);
      if (typeof c.message === "string") expect(io.err.trim()).toBe(c.message);
      else expect(io.err).toMatch(c.message);
    });
  }

  it("runs as a built binary", () => {
    const dir = workspace({ "accounts.csv": accounts });
    const run = runCli(["potential", ...args], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Wrote:");
  });
});
