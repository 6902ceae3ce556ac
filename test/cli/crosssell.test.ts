import { describe, expect, it } from "vitest";
import { generatePurchases } from "../../benchmarks/purchase-data.js";
import { parseCsv } from "../../src/io/csv.js";
import { runCli as runInProcess } from "../../src/cli/run.js";
import { toCsv } from "../../src/output/csv-writer.js";
import { memoryIo } from "./memory-io.js";

const data = generatePurchases({ accounts: 400, seed: 9 });
const purchases = toCsv([["account_id", "product", "value"], ...data.purchases.map((p) => [p.accountId, p.product, String(p.value)])]);
// One account with no purchase at all, and a quoted attribute.
const accounts = toCsv([["id", "industry", "employees", "name"], ...data.accounts.map((a) => [a.id, String(a.attributes!.industry), String(a.attributes!.employees), `Shop, ${a.id}`]), ["NEW1", "I2", "40", "New, one"]]);

async function crosssell(files: Record<string, string>, args: readonly string[]) {
  const io = memoryIo({ "purchases.csv": purchases, "accounts.csv": accounts, ...files });
  const code = await runInProcess(["crosssell", ...args], io);
  return { code, io };
}

describe("terralign crosssell", () => {
  it("writes --top rows per account for every account, never an owned product, with expected_value", async () => {
    const { code, io } = await crosssell({}, ["--purchases", "purchases.csv", "--accounts", "accounts.csv", "--top", "3", "--out", "out"]);
    expect(code, io.err).toBe(0);
    const out = parseCsv(io.files.get("out/recommendations.csv")!, "r");
    expect(out.header).toEqual(["account_id", "rank", "product", "score", "expected_value"]);
    const owned = new Set(data.purchases.map((p) => `${p.accountId}|${p.product}`));
    const perAccount = new Map<string, string[]>();
    for (const r of out.records) {
      const [account, rank, product] = r.cells;
      expect(owned.has(`${account}|${product}`)).toBe(false);
      if (!perAccount.has(account)) perAccount.set(account, []);
      perAccount.get(account)!.push(rank);
    }
    expect([...perAccount.keys()]).toEqual([...data.accounts.map((a) => a.id), "NEW1"]);
    for (const ranks of perAccount.values()) expect(ranks).toEqual(["1", "2", "3"]);
    expect(io.files.get("out/crosssell.md")).toMatch(/\| 3 \| [\d.]+ % \| [\d.]+ % \|/);
    expect(io.err).toBe("");
  });

  it("works from purchases alone and warns about accounts missing from --accounts", async () => {
    const extra = `${purchases}ZZZ,P01,10\nZZZ,P02,5\n`;
    const alone = await crosssell({ "purchases.csv": extra }, ["--purchases", "purchases.csv", "--out", "out"]);
    expect(alone.code, alone.io.err).toBe(0);
    expect(parseCsv(alone.io.files.get("out/recommendations.csv")!, "r").records.filter((r) => r.cells[1] === "1")).toHaveLength(data.accounts.length + 1 - countWithout(data));
    const warned = await crosssell({ "purchases.csv": extra }, ["--purchases", "purchases.csv", "--accounts", "accounts.csv", "--out", "out"]);
    expect(warned.code).toBe(0);
    expect(warned.io.err).toBe("terralign: warning: purchases.csv: 2 purchases name accounts not in accounts.csv; kept, without attributes\n");
  });

  it("exits 2 naming the file, line and value for an empty product name", async () => {
    const lines = purchases.split("\n");
    lines[4] = lines[4].replace(/,P\d+,/, ",,");
    const { code, io } = await crosssell({ "purchases.csv": lines.join("\n") }, ["--purchases", "purchases.csv", "--out", "out"]);
    expect(code).toBe(2);
    expect(io.err).toMatch(/^terralign: purchases\.csv line 5, column product: the product name is empty \(account "C\d+"\)/);
  });

  it("exits 2 for a missing product column and for a bad --top", async () => {
    const noProduct = await crosssell({ "purchases.csv": "account_id,item\na,b\n" }, ["--purchases", "purchases.csv", "--out", "out"]);
    expect(noProduct.code).toBe(2);
    expect(noProduct.io.err).toMatch(/^terralign: purchases\.csv: no column "product"/);
    const badTop = await crosssell({}, ["--purchases", "purchases.csv", "--top", "0", "--out", "out"]);
    expect(badTop.io.err).toBe('terralign: --top: "0" is not an integer in [1, 1000]\n');
  });
});

/** Accounts of the generator that bought nothing (absent from purchases alone). */
function countWithout(d: typeof data): number {
  const buyers = new Set(d.purchases.map((p) => p.accountId));
  return d.accounts.filter((a) => !buyers.has(a.id)).length;
}
